//! Fuzz target `json_chapters`: see `episode_viewer::fuzzing`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| episode_viewer::fuzzing::run("json_chapters", data));
