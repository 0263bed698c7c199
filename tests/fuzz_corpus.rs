//! The fuzz targets' inputs replayed through the same checks (sctpx::fuzzing)
//! on every test run, without the fuzzer: fuzz/regressions/TARGET/ holds the
//! inputs that once broke a decoder. Needs no SCTP.

use std::path::Path;

/// The files of fuzz/DIR/TARGET (none when it does not exist), by name.
fn inputs(dir: &str, target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(dir).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<_> = entries
        .map(|e| {
            let path = e.unwrap().path();
            (path.display().to_string(), std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_regression_input_keeps_every_property() {
    let mut replayed = 0;
    for (target, check) in
        [("notification", sctpx::fuzzing::notification as fn(&[u8])), ("recvmsg", sctpx::fuzzing::recvmsg)]
    {
        for (name, bytes) in inputs("regressions", target) {
            eprintln!("replaying {name}");
            check(&bytes);
            replayed += 1;
        }
    }
    assert!(replayed >= 2, "fuzz/regressions lost its inputs");
}
