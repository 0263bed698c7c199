fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libsctpx.so.0");
    println!("cargo:rustc-cdylib-link-arg=-Wl,--version-script={dir}/sctpx.map");
}
