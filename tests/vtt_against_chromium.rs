//! Differential test: every WebVTT file of the corpus is read by our parser
//! and by Chromium's own (`<track>`); cue ids, times and text must agree.
#![cfg(target_arch = "wasm32")]

use episode_viewer::core::formats::webvtt::{parse_cue_text, parse_cues};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Blob, BlobPropertyBag, HtmlTrackElement, TextTrackMode, Url, VttCue};

wasm_bindgen_test_configure!(run_in_browser);

macro_rules! corpus {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("corpus/vtt/", $name)))),*]
    };
}

const CORPUS: [(&str, &str); 11] = corpus![
    "bom-crlf.vtt",
    "broken-cues.vtt",
    "huge-cue.vtt",
    "inline-timestamps.vtt",
    "long-hours.vtt",
    "markup-entities.vtt",
    "no-trailing-newline.vtt",
    "notes-styles-regions.vtt",
    "scripts-rtl.vtt",
    "short-timings.vtt",
    "voices.vtt",
];

/// A cue as compared: id, start, end, raw text, text as the reader sees it.
#[derive(Debug, PartialEq)]
struct Compared {
    id: String,
    start: f64,
    end: f64,
    text: String,
    shown: String,
}

async fn chromium_cues(vtt: &str) -> Vec<Compared> {
    let document = web_sys::window().unwrap().document().unwrap();
    let video = document.create_element("video").unwrap();
    let track: HtmlTrackElement = document.create_element("track").unwrap().unchecked_into();
    let options = BlobPropertyBag::new();
    options.set_type("text/vtt");
    let parts = Array::of1(&Uint8Array::from(vtt.as_bytes()));
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).unwrap();
    track.set_kind("subtitles");
    track.set_src(&Url::create_object_url_with_blob(&blob).unwrap());
    video.append_child(&track).unwrap();
    document.body().unwrap().append_child(&video).unwrap();
    track.track().unwrap().set_mode(TextTrackMode::Hidden);
    for _ in 0..500 {
        if track.ready_state() >= 2 {
            break;
        }
        TimeoutFuture::new(10).await;
    }
    assert_eq!(track.ready_state(), 2, "Chromium loaded the track");
    let cues = track.track().unwrap().cues().unwrap();
    let compared = (0..cues.length())
        .filter_map(|index| cues.get(index))
        .map(|cue| {
            let cue: VttCue = cue.unchecked_into();
            Compared {
                id: cue.id(),
                start: cue.start_time(),
                end: cue.end_time(),
                text: cue.text(),
                shown: cue.get_cue_as_html().text_content().unwrap_or_default(),
            }
        })
        .collect();
    video.remove();
    compared
}

fn our_cues(vtt: &str) -> Vec<Compared> {
    parse_cues(vtt)
        .expect("corpus files have a WEBVTT signature")
        .cues
        .into_iter()
        .map(|cue| Compared {
            shown: parse_cue_text(&cue.text).text(),
            id: cue.id,
            start: cue.start,
            end: cue.end,
            text: cue.text,
        })
        .collect()
}

#[wasm_bindgen_test]
async fn our_webvtt_parser_agrees_with_chromium_on_the_whole_corpus() {
    let mut disagreements = Vec::new();
    let mut cue_count = 0;
    for (name, vtt) in CORPUS {
        let theirs = chromium_cues(vtt).await;
        let ours = our_cues(vtt);
        cue_count += theirs.len();
        if ours.len() != theirs.len() {
            disagreements.push(format!(
                "{name}: we read {} cues, Chromium {}",
                ours.len(),
                theirs.len()
            ));
        }
        for (index, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            let same_times = (a.start - b.start).abs() < 1e-6 && (a.end - b.end).abs() < 1e-6;
            if !same_times || a.id != b.id || a.text != b.text || a.shown != b.shown {
                disagreements.push(format!(
                    "{name} cue {index}:\n  ours:     {a:?}\n  Chromium: {b:?}"
                ));
            }
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert!(cue_count >= 35, "the corpus has {cue_count} cues");
}
