// Gives the cdylib its soname and the symbol versions of sctpx.map (see
// tools/cc-link for why a linker wrapper is needed for the latter).
fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libsctpx.so.0");
    println!("cargo:rustc-cdylib-link-arg=-Wl,--version-script={dir}/sctpx.map");
    // Without these, any change anywhere in the package reruns the script and
    // relinks everything.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=sctpx.map");
}
