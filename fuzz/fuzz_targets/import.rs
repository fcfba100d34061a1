//! Fuzz target `import`: see `episode_viewer::fuzzing`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| episode_viewer::fuzzing::run("import", data));
