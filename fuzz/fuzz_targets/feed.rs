//! Fuzz target `feed`: see `episode_viewer::fuzzing`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| episode_viewer::fuzzing::run("feed", data));
