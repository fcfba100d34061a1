//! Every fuzz target's code on every seed (`fuzz/seeds/<target>`) and on
//! every input a fuzzer once broke it with (`tests/corpus/fuzz/<target>`):
//! what `scripts/fuzz` finds stays found.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use episode_viewer::fuzzing::{run, TARGETS};

fn inputs(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|entry| {
            let path = entry.path();
            (path.display().to_string(), fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn every_target_survives_its_seeds_and_past_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = 0;
    for target in TARGETS {
        let seed_inputs = inputs(&root.join("fuzz/seeds").join(target));
        assert!(!seed_inputs.is_empty(), "{target} has no seeds");
        seeds += seed_inputs.len();
        for (name, bytes) in seed_inputs
            .into_iter()
            .chain(inputs(&root.join("tests/corpus/fuzz").join(target)))
        {
            println!("{target}: {name}");
            run(target, &bytes);
        }
    }
    assert!(seeds >= 30, "only {seeds} seeds");
}
