//! The fuzz targets' inputs replayed through the same checks (sctpx::fuzzing)
//! on every test run, without the fuzzer: fuzz/regressions/TARGET/ holds the
//! inputs that once broke a decoder, fuzz/seeds/TARGET/ what real kernel SCTP
//! sent (`make fuzz-corpus`). Needs no SCTP.

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

#[test]
fn every_seed_cut_at_every_length_keeps_every_property() {
    for (target, check) in
        [("notification", sctpx::fuzzing::notification as fn(&[u8])), ("recvmsg", sctpx::fuzzing::recvmsg)]
    {
        let seeds = inputs("seeds", target);
        assert!(seeds.len() >= 10, "fuzz/seeds/{target} lost its inputs");
        for (name, bytes) in seeds {
            eprintln!("replaying {name}");
            for cut in 0..=bytes.len() {
                check(&bytes[..cut]);
            }
        }
    }
}

#[test]
fn the_seeds_hold_every_notification_kind_but_remote_error_on_both_families() {
    for family in ["v4-", "v6-"] {
        let kinds: Vec<_> = inputs("seeds", "notification")
            .iter()
            .filter(|(name, _)| name.rsplit('/').next().unwrap().starts_with(family))
            .map(|(name, bytes)| {
                let kind = sctpx::fuzzing::event_kind(u16::from_ne_bytes([bytes[0], bytes[1]]));
                kind.unwrap_or_else(|| panic!("{name} is no notification"))
            })
            .collect();
        let missing: Vec<_> = sctpx::EventKind::ALL
            .into_iter()
            .filter(|k| !kinds.contains(k) && *k != sctpx::EventKind::RemoteError)
            .collect();
        assert!(missing.is_empty(), "{family}: no seed of {missing:?}");
    }
}
