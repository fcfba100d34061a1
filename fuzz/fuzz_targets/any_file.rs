//! Fuzz target `any_file`: see `episode_viewer::fuzzing`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| episode_viewer::fuzzing::run("any_file", data));
