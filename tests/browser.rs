//! The mounted widget in headless Chromium, bound to a real `<audio>`
//! element playing a generated WAV: highlight, seeking, and error messages.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;

use episode_viewer::{mount, MountedViewer};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Blob, BlobPropertyBag, Element, HtmlAudioElement, HtmlElement, KeyboardEvent,
    KeyboardEventInit, ShadowRoot, Url,
};

wasm_bindgen_test_configure!(run_in_browser);

const EPISODE: &str = r#"{
  "version": 1,
  "title": "Browser test episode",
  "chapters": [ { "start": 0, "title": "One" }, { "start": 6, "title": "Two" } ],
  "transcript": [
    { "start": 1, "speaker": "Ann", "text": "first" },
    { "start": 2.5, "speaker": "Ann", "text": "second" },
    { "start": 5, "speaker": "Bo", "text": "third" },
    { "start": 7.5, "text": "fourth <b>not bold</b>" },
    { "start": 10, "text": "fifth" }
  ]
}"#;

/// A page with an `<audio>` element and the widget following it.
struct Fixture {
    audio: HtmlAudioElement,
    host: HtmlElement,
    viewer: Option<MountedViewer>,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.viewer.take();
        self.audio.remove();
        self.host.remove();
    }
}

thread_local!(static NEXT_ID: Cell<u32> = const { Cell::new(0) });

impl Fixture {
    /// Mounts the widget for `episode_json`, following a 12 s silent WAV.
    async fn new(episode_json: &str) -> Fixture {
        Fixture::with_audio(episode_json, 12.0).await
    }

    /// Mounts the widget for `episode_json`, following a silent WAV of
    /// `seconds`.
    async fn with_audio(episode_json: &str, seconds: f64) -> Fixture {
        let src = blob_url(episode_json.as_bytes(), "application/json");
        Fixture::mount(Some(src), None, seconds).await
    }

    /// Mounts the widget with the given `src`, and `audio` selector (the
    /// fixture's own audio element when `None`).
    async fn with(src: Option<String>, audio_selector: Option<&str>) -> Fixture {
        Fixture::mount(src, audio_selector, 12.0).await
    }

    async fn mount(src: Option<String>, audio_selector: Option<&str>, seconds: f64) -> Fixture {
        let document = web_sys::window().unwrap().document().unwrap();
        let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
        let audio = HtmlAudioElement::new().unwrap();
        audio.set_id(&format!("test-audio-{id}"));
        audio.set_src(&blob_url(&silent_wav(seconds), "audio/wav"));
        document.body().unwrap().append_child(&audio).unwrap();
        wait_until("the audio's metadata loads", || audio.ready_state() >= 1).await;

        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let selector = audio_selector.map_or_else(|| format!("#test-audio-{id}"), str::to_string);
        if let Some(src) = &src {
            host.set_attribute("src", src).unwrap();
        }
        host.set_attribute("audio", &selector).unwrap();
        let viewer = mount(host.clone(), None, None, None, None).unwrap();
        let fixture = Fixture {
            audio,
            host,
            viewer: Some(viewer),
        };
        wait_until("the widget shows lines or an alert", || {
            !fixture.all("[part=line], [role=alert]").is_empty()
        })
        .await;
        fixture
    }

    fn shadow(&self) -> ShadowRoot {
        self.host
            .shadow_root()
            .expect("the widget renders into an open shadow root")
    }

    fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.shadow().query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|index| list.item(index))
            .map(|node| node.unchecked_into())
            .collect()
    }

    fn one(&self, selector: &str) -> HtmlElement {
        self.shadow()
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .unchecked_into()
    }

    /// `data-start` of every element of a part that carries aria-current.
    fn current(&self, part: &str) -> Vec<String> {
        self.all(&format!("[part={part}][aria-current]"))
            .iter()
            .map(|element| attribute(element, "data-start"))
            .collect()
    }

    /// Seeks the audio element, as the host's own player would, and waits
    /// for the widget to mark `line` and `chapter` (data-start values).
    async fn seek_and_expect(&self, time: f64, line: Option<&str>, chapter: Option<&str>) {
        self.audio.set_current_time(time);
        let expected_line: Vec<String> = line.into_iter().map(str::to_string).collect();
        let expected_chapter: Vec<String> = chapter.into_iter().map(str::to_string).collect();
        let what = format!("line {line:?} and chapter {chapter:?} current at {time} s");
        wait_until(&what, || {
            self.current("line") == expected_line && self.current("chapter") == expected_chapter
        })
        .await;
    }

    fn alert_text(&self) -> String {
        self.one("[role=alert]").text_content().unwrap_or_default()
    }
}

/// A bubbling, cancelable `keydown` of `key`.
fn keydown(key: &str, shift: bool) -> KeyboardEvent {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
}

fn attribute(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..300 {
        if condition() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out after 3 s waiting until {what}");
}

fn blob_url(bytes: &[u8], mime_type: &str) -> String {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).unwrap();
    Url::create_object_url_with_blob(&blob).unwrap()
}

/// A mono 16-bit 8 kHz WAV of silence.
fn silent_wav(seconds: f64) -> Vec<u8> {
    const RATE: u32 = 8000;
    let data_len = (seconds * RATE as f64) as u32 * 2;
    let mut wav = Vec::with_capacity(44 + data_len as usize);
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data_len).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes());
    wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1u16.to_le_bytes()); // mono
    wav.extend_from_slice(&RATE.to_le_bytes());
    wav.extend_from_slice(&(RATE * 2).to_le_bytes());
    wav.extend_from_slice(&2u16.to_le_bytes());
    wav.extend_from_slice(&16u16.to_le_bytes());
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&data_len.to_le_bytes());
    wav.resize(44 + data_len as usize, 0);
    wav
}

#[wasm_bindgen_test]
async fn renders_every_line_and_chapter_with_its_start() {
    let fixture = Fixture::new(EPISODE).await;
    let starts: Vec<String> = fixture
        .all("[part=line]")
        .iter()
        .map(|l| attribute(l, "data-start"))
        .collect();
    assert_eq!(starts, ["1", "2.5", "5", "7.5", "10"]);
    let chapters: Vec<String> = fixture
        .all("[part=chapter]")
        .iter()
        .map(|c| attribute(c, "data-start"))
        .collect();
    assert_eq!(chapters, ["0", "6"]);
    assert_eq!(fixture.all("[part=transcript]").len(), 1);
    let tab_stops: Vec<i32> = fixture
        .all("[part=line]")
        .iter()
        .map(|line| line.tab_index())
        .collect();
    assert_eq!(
        tab_stops,
        [0, -1, -1, -1, -1],
        "one Tab stop into the transcript (roving tabindex)"
    );
    assert_eq!(
        fixture
            .all("[part=transcript] [role=list] > [role=none] > [role=listitem] > [part=line]")
            .len(),
        5,
        "the transcript is a list of lines"
    );
}

#[wasm_bindgen_test]
async fn highlights_the_line_and_chapter_at_the_media_time() {
    let fixture = Fixture::new(EPISODE).await;
    // Before the first line only the chapter starting at 0 is current.
    fixture.seek_and_expect(0.5, None, Some("0")).await;
    fixture.seek_and_expect(1.0, Some("1"), Some("0")).await;
    fixture.seek_and_expect(4.999, Some("2.5"), Some("0")).await;
    fixture.seek_and_expect(5.0, Some("5"), Some("0")).await;
    fixture.seek_and_expect(6.2, Some("5"), Some("6")).await;
    fixture.seek_and_expect(11.9, Some("10"), Some("6")).await;
    fixture.seek_and_expect(2.4, Some("1"), Some("0")).await;
    assert_eq!(
        fixture.all("[aria-current]").len(),
        2,
        "only the current line and chapter"
    );
}

#[wasm_bindgen_test]
async fn rapid_seeking_ends_on_the_right_line() {
    let fixture = Fixture::new(EPISODE).await;
    for step in 0..60 {
        fixture.audio.set_current_time((step * 7 % 12) as f64);
    }
    fixture.seek_and_expect(8.0, Some("7.5"), Some("6")).await;
    TimeoutFuture::new(100).await;
    assert_eq!(fixture.current("line"), ["7.5"], "no late event moved it");
}

#[wasm_bindgen_test]
async fn clicking_a_line_or_chapter_seeks_exactly_and_plays_from_there() {
    let fixture = Fixture::new(EPISODE).await;
    // On the line's box (not its words, which wait out a double click).
    fixture.one("[part=line][data-start='7.5']").click();
    assert_eq!(fixture.audio.current_time(), 7.5);
    // The play() may be refused here (a script's click is no user gesture);
    // e2e/listener.test.mjs checks that a real click plays.
    let _ = fixture.audio.pause();
    wait_until("the clicked line is current", || {
        fixture.current("line") == ["7.5"]
    })
    .await;

    fixture.one("[part=chapter][data-start='0']").click();
    assert_eq!(fixture.audio.current_time(), 0.0);
    wait_until("the clicked chapter is current", || {
        fixture.current("chapter") == ["0"]
    })
    .await;
    assert!(fixture.current("line").is_empty());
}

#[wasm_bindgen_test]
async fn enter_and_space_on_a_line_seek() {
    let fixture = Fixture::new(EPISODE).await;
    for (key, start, expected) in [("Enter", "2.5", 2.5), (" ", "10", 10.0)] {
        let event = keydown(key, false);
        let line = fixture.one(&format!("[part=line][data-start='{start}']"));
        line.dispatch_event(&event).unwrap();
        assert_eq!(
            fixture.audio.current_time(),
            expected,
            "{key:?} on line {start}"
        );
        assert!(
            event.default_prevented(),
            "{key:?} does not also scroll the page"
        );
    }
}

#[wasm_bindgen_test]
async fn text_from_the_json_is_text_not_html() {
    let fixture = Fixture::new(EPISODE).await;
    let line = fixture.one("[part=line][data-start='7.5'] .ev-text");
    assert_eq!(line.text_content().unwrap(), "fourth <b>not bold</b>");
    assert!(fixture.all("b").is_empty());
}

#[wasm_bindgen_test]
async fn a_speaker_is_named_when_the_speaker_changes() {
    let fixture = Fixture::new(EPISODE).await;
    let labels: Vec<String> = fixture
        .all(".ev-speaker")
        .iter()
        .map(|label| label.text_content().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["Ann", "Bo"]);
}

#[wasm_bindgen_test]
async fn a_bad_field_is_reported_with_its_place() {
    let json = EPISODE.replace(r#""start": 2.5"#, r#""start": "abc""#);
    let fixture = Fixture::new(&json).await;
    let message = fixture.alert_text();
    assert!(
        message.contains(r#"transcript[1].start: expected seconds, got "abc""#),
        "{message}"
    );
    assert!(fixture.all("[part=line]").is_empty());
}

#[wasm_bindgen_test]
async fn malformed_json_is_reported() {
    let fixture = Fixture::new(r#"{"version": 1, "transcript": [}"#).await;
    let message = fixture.alert_text();
    assert!(message.contains("not valid JSON"), "{message}");
    assert!(message.contains("line 1 column 31"), "{message}");
}

#[wasm_bindgen_test]
async fn a_missing_file_is_reported() {
    let fixture = Fixture::with(Some("/no-such-episode.json".into()), None).await;
    let message = fixture.alert_text();
    assert!(
        message.contains(r#"could not load "/no-such-episode.json""#),
        "{message}"
    );
    assert!(message.contains("HTTP 404"), "{message}");
}

#[wasm_bindgen_test]
async fn a_missing_media_element_is_reported() {
    let src = blob_url(EPISODE.as_bytes(), "application/json");
    let fixture = Fixture::with(Some(src), Some("#no-such-player")).await;
    let message = fixture.alert_text();
    assert!(
        message.contains(r##"audio="#no-such-player" matches no element"##),
        "{message}"
    );
}

#[wasm_bindgen_test]
async fn a_missing_src_is_reported() {
    let fixture = Fixture::with(None, None).await;
    assert!(fixture.alert_text().contains("has no src attribute"));
}

#[wasm_bindgen_test]
async fn unmounting_removes_the_widget() {
    let mut fixture = Fixture::new(EPISODE).await;
    assert_eq!(fixture.all("[part=line]").len(), 5);
    fixture.viewer.take();
    assert!(fixture.all("[part=line]").is_empty());
    // The media element's listeners are gone with it: events fire into nothing.
    fixture.audio.set_current_time(5.0);
    TimeoutFuture::new(50).await;
}

#[wasm_bindgen_test]
async fn the_transcript_scrolls_itself_to_the_current_line_not_the_page() {
    let lines: Vec<String> = (0..80)
        .map(|i| {
            format!(
                r#"{{ "start": {}, "text": "line number {i}" }}"#,
                i as f64 * 0.125
            )
        })
        .collect();
    let json = format!(r#"{{ "version": 1, "transcript": [{}] }}"#, lines.join(","));
    let fixture = Fixture::new(&json).await;
    let window = web_sys::window().unwrap();
    let page_scroll = window.scroll_y().unwrap();
    let transcript = fixture.one("[part=transcript]");
    assert_eq!(transcript.scroll_top(), 0);

    fixture.audio.set_current_time(9.0); // line 72
    let line = fixture.one("[part=line][data-start='9']");
    wait_until("line 72 is scrolled into the transcript's view", || {
        shown_in(&line, &transcript)
    })
    .await;
    assert!(transcript.scroll_top() > 0);
    assert_eq!(
        window.scroll_y().unwrap(),
        page_scroll,
        "the host page did not scroll"
    );
}

/// An episode of `count` lines, one every `spacing` seconds.
fn many_lines(count: usize, spacing: f64) -> String {
    let lines: Vec<String> = (0..count)
        .map(|i| format!(r#"{{ "start": {}, "text": "line number {i}, long enough to wrap once or twice in a narrow widget" }}"#, i as f64 * spacing))
        .collect();
    format!(r#"{{ "version": 1, "transcript": [{}] }}"#, lines.join(","))
}

impl Fixture {
    fn transcript(&self) -> HtmlElement {
        self.one("[part=transcript]")
    }

    fn back_to_now_shown(&self) -> bool {
        !self.one("[part=back-to-now]").hidden()
    }

    /// Whether the current line lies fully inside the transcript's viewport.
    fn current_line_in_view(&self) -> bool {
        let transcript = self.transcript();
        let Some(line) = self.all("[part=line][aria-current]").into_iter().next() else {
            return false;
        };
        shown_in(&line, &transcript)
    }

    async fn play_at(&self, rate: f64) {
        self.audio.set_playback_rate(rate);
        wasm_bindgen_futures::JsFuture::from(self.audio.play().unwrap())
            .await
            .unwrap();
    }
}

/// Whether `line` lies wholly inside the visible part of the scroll area
/// `area`. Bounding boxes, not offsetTop: each chunk of lines contains its
/// layout, so it is the lines' offsetParent.
fn shown_in(line: &Element, area: &HtmlElement) -> bool {
    let (line, outer) = (
        line.get_bounding_client_rect(),
        area.get_bounding_client_rect(),
    );
    let top = outer.top() + f64::from(area.client_top());
    line.top() >= top - 0.5 && line.bottom() <= top + f64::from(area.client_height()) + 0.5
}

#[wasm_bindgen_test]
async fn follow_keeps_the_current_line_in_view_during_a_played_minute() {
    let window = web_sys::window().unwrap();
    let body = window.document().unwrap().body().unwrap();
    body.style().set_property("min-height", "5000px").unwrap();
    window.scroll_to_with_x_and_y(0.0, 120.0);
    let page_scroll = window.scroll_y().unwrap();

    let fixture = Fixture::with_audio(&many_lines(80, 0.75), 62.0).await;
    fixture.play_at(12.0).await;
    let (mut samples, mut in_view, mut moved) = (0, 0, false);
    while !fixture.audio.ended() && fixture.audio.current_time() < 60.0 && samples < 400 {
        TimeoutFuture::new(40).await;
        samples += 1;
        in_view += usize::from(fixture.current_line_in_view());
        moved |= fixture.transcript().scroll_top() > 0;
        assert!(
            !fixture.back_to_now_shown(),
            "the widget's own smooth scrolls never suspend follow"
        );
        assert_eq!(
            window.scroll_y().unwrap(),
            page_scroll,
            "the host page never scrolls"
        );
    }
    fixture.audio.pause().unwrap();
    assert!(fixture.audio.current_time() >= 55.0, "played the minute");
    assert!(moved, "the transcript scrolled");
    // Smooth scrolling takes a moment after each line change.
    assert!(
        in_view * 10 >= samples * 7,
        "current line in view in {in_view} of {samples} samples"
    );
    wait_until("the current line settles in view", || {
        fixture.current_line_in_view()
    })
    .await;
    body.style().remove_property("min-height").unwrap();
}

#[wasm_bindgen_test]
async fn the_current_lines_chunk_is_always_laid_out_and_no_other() {
    let fixture = Fixture::with_audio(&many_lines(120, 1.0), 121.0).await;
    let window = web_sys::window().unwrap();
    for (time, line) in [(5.5, "5"), (75.5, "75"), (110.5, "110"), (20.5, "20")] {
        fixture.seek_and_expect(time, Some(line), None).await;
        let marked = fixture.all(".ev-chunk[data-current]");
        assert_eq!(marked.len(), 1, "one chunk marked at {time} s");
        let selector = format!("[part=line][data-start='{line}']");
        assert!(
            marked[0].query_selector(&selector).unwrap().is_some(),
            "{line}"
        );
        for chunk in fixture.all(".ev-chunk") {
            let style = window.get_computed_style(&chunk).unwrap().unwrap();
            let visibility = style.get_property_value("content-visibility").unwrap();
            let expected = if chunk.has_attribute("data-current") {
                "visible"
            } else {
                "auto"
            };
            assert_eq!(visibility, expected, "at {time} s");
        }
    }
}

#[wasm_bindgen_test]
async fn a_reader_scroll_suspends_follow_until_back_to_now() {
    let fixture = Fixture::with_audio(&many_lines(80, 0.75), 62.0).await;
    fixture.seek_and_expect(30.0, Some("30"), None).await;
    wait_until("follow brings line 40 into view", || {
        fixture.current_line_in_view()
    })
    .await;
    TimeoutFuture::new(600).await; // the smooth scroll ends

    // The reader scrolls back to the top with the wheel.
    let transcript = fixture.transcript();
    transcript
        .dispatch_event(&web_sys::WheelEvent::new("wheel").unwrap())
        .unwrap();
    transcript.set_scroll_top(0);
    wait_until("Back to now appears", || fixture.back_to_now_shown()).await;
    // (scroll-behavior: smooth applies to scrollTop set by script too)
    wait_until("the reader's scroll ends at the top", || {
        transcript.scroll_top() == 0
    })
    .await;

    // Playing on moves the highlight but not the transcript.
    fixture.play_at(4.0).await;
    wait_until("the current line moves on", || {
        fixture.current("line").first().is_some_and(|s| s != "30")
    })
    .await;
    fixture.audio.pause().unwrap();
    TimeoutFuture::new(200).await;
    assert_eq!(
        transcript.scroll_top(),
        0,
        "follow stays suspended while the reader reads elsewhere"
    );
    assert!(!fixture.current_line_in_view());

    fixture.one("[part=back-to-now]").click();
    wait_until("the current line is back in view", || {
        fixture.current_line_in_view()
    })
    .await;
    assert!(!fixture.back_to_now_shown());
}

#[wasm_bindgen_test]
async fn a_scrollbar_drag_suspends_and_a_seek_from_the_player_resumes() {
    let fixture = Fixture::with_audio(&many_lines(80, 0.75), 62.0).await;
    fixture.seek_and_expect(45.0, Some("45"), None).await;
    wait_until("follow brings line 60 into view", || {
        fixture.current_line_in_view()
    })
    .await;
    TimeoutFuture::new(600).await;
    // A scroll with no wheel, touch or key: the scrollbar, or find-in-page.
    fixture.transcript().set_scroll_top(0);
    wait_until("Back to now appears", || fixture.back_to_now_shown()).await;

    // Seeking from the host's own controls resumes follow.
    fixture.seek_and_expect(52.5, Some("52.5"), None).await;
    wait_until("follow resumes and reveals line 70", || {
        !fixture.back_to_now_shown() && fixture.current_line_in_view()
    })
    .await;
}

impl Fixture {
    /// Types `query` into the search box, as a reader would.
    fn type_search(&self, query: &str) {
        let input: web_sys::HtmlInputElement = self.one("[part=search-input]").unchecked_into();
        input.set_value(query);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }

    fn press_in_search(&self, key: &str, shift: bool) {
        let event = keydown(key, shift);
        self.one("[part=search-input]")
            .dispatch_event(&event)
            .unwrap();
    }

    fn search_status(&self) -> String {
        self.one("[part=search-status]")
            .text_content()
            .unwrap_or_default()
    }

    /// Texts of the search matches painted in this widget, and the
    /// data-start of the line of the current one.
    fn marks(&self) -> (Vec<String>, Option<String>) {
        let ranges = |name: &str| -> Vec<web_sys::Range> {
            let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).unwrap();
            let registry = js_sys::Reflect::get(&css, &"highlights".into()).unwrap();
            let get: js_sys::Function = js_sys::Reflect::get(&registry, &"get".into())
                .unwrap()
                .unchecked_into();
            let highlight = get.call1(&registry, &name.into()).unwrap();
            if highlight.is_undefined() {
                return Vec::new();
            }
            js_sys::Array::from(&highlight)
                .iter()
                .map(|range| range.unchecked_into::<web_sys::Range>())
                .filter(|range| range.start_container().unwrap().get_root_node() == **self.shadow())
                .collect()
        };
        let texts = ranges("episode-viewer-match")
            .iter()
            .map(|range| String::from(range.to_string()))
            .collect();
        let current = ranges("episode-viewer-current-match").first().map(|range| {
            let text = range.start_container().unwrap().parent_element().unwrap();
            attribute(&text.closest("[part=line]").unwrap().unwrap(), "data-start")
        });
        (texts, current)
    }
}

const SEARCHABLE: &str = r#"{ "version": 1, "transcript": [
    { "start": 0, "text": "Her Résumé (final) was long." },
    { "start": 1, "text": "RESUME at 2*x, or resume later." },
    { "start": 2, "text": "Nothing to see here." },
    { "start": 3, "text": "résumé again" } ] }"#;

#[wasm_bindgen_test]
async fn search_is_literal_and_ignores_case_and_diacritics() {
    let fixture = Fixture::new(SEARCHABLE).await;
    fixture.type_search("resume");
    wait_until("four matches", || fixture.search_status() == "1 of 4").await;
    let (texts, current) = fixture.marks();
    assert_eq!(texts, ["Résumé", "RESUME", "resume", "résumé"]);
    assert_eq!(current.as_deref(), Some("0"));

    fixture.press_in_search("Enter", false);
    wait_until("Enter goes to the next match", || {
        fixture.search_status() == "2 of 4"
    })
    .await;
    assert_eq!(fixture.marks().1.as_deref(), Some("1"));
    fixture.press_in_search("Enter", true);
    fixture.press_in_search("Enter", true);
    wait_until("Shift+Enter goes back, wrapping", || {
        fixture.search_status() == "4 of 4"
    })
    .await;
    assert_eq!(fixture.marks().1.as_deref(), Some("3"));

    for (query, expected) in [
        ("(final)", "(final)"),
        ("2*x", "2*x"),
        ("RÉSUMÉ AGAIN", "résumé again"),
    ] {
        fixture.type_search(query);
        wait_until(&format!("{query} is found literally"), || {
            fixture.marks().0 == [expected]
        })
        .await;
        assert_eq!(fixture.search_status(), "1 of 1");
    }
    fixture.type_search(".*");
    wait_until("a regex finds nothing", || {
        fixture.search_status() == "No matches"
    })
    .await;

    fixture.press_in_search("Escape", false);
    wait_until("Escape clears", || fixture.search_status().is_empty()).await;
    assert!(fixture.marks().0.is_empty());
    assert_eq!(fixture.audio.current_time(), 0.0, "searching never seeks");
}

#[wasm_bindgen_test]
async fn going_to_a_match_scrolls_there_without_seeking() {
    let fixture = Fixture::with_audio(&many_lines(80, 0.75), 62.0).await;
    fixture.type_search("line number 70,");
    let line = fixture.one("[part=line][data-start='52.5']");
    let transcript = fixture.transcript();
    wait_until("the match's line is scrolled into view", || {
        shown_in(&line, &transcript)
    })
    .await;
    assert_eq!(fixture.audio.current_time(), 0.0);
    assert_eq!(fixture.current("line"), ["0"]);
    assert!(fixture.back_to_now_shown(), "follow waits for Back to now");
    fixture.one("[part=back-to-now]").click();
    wait_until("back at the current line", || {
        fixture.current_line_in_view()
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_current_word_advances_every_frame_during_playback() {
    // 40 words, one every 0.1 s: timeupdate events alone (about 4 a second)
    // could mark at most every second or third word.
    let words: Vec<String> = (0..40)
        .map(|i| {
            format!(
                r#"{{ "start": {}, "text": "w{i}" }}"#,
                1.0 + f64::from(i) * 0.1
            )
        })
        .collect();
    let json = format!(
        r#"{{ "version": 1, "transcript": [ {{ "start": 0, "text": "intro" }},
            {{ "start": 1, "end": 5, "text": "words", "words": [{}] }} ] }}"#,
        words.join(",")
    );
    let fixture = Fixture::new(&json).await;
    fixture.audio.set_current_time(1.0);
    wait_until("the word line is current", || {
        fixture.current("line") == ["1"]
    })
    .await;

    let observed = js_sys::Array::new();
    let record = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new({
        let observed = observed.clone();
        move |records: js_sys::Array| {
            for record in records.iter() {
                observed.push(&record);
            }
        }
    });
    let observer = web_sys::MutationObserver::new(record.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_attributes(true);
    observer
        .observe_with_options(&fixture.shadow(), &options)
        .unwrap();

    fixture.play_at(1.0).await;
    let mut seen = std::collections::BTreeSet::new();
    while fixture.audio.current_time() < 4.5 {
        let current = highlighted("episode-viewer-word");
        assert!(current.len() <= 1, "one current word at most");
        if let Some(word) = current.first() {
            seen.insert(word.clone());
        }
        TimeoutFuture::new(15).await;
    }
    fixture.audio.pause().unwrap();
    observer.disconnect();
    assert!(
        seen.len() >= 28,
        "the highlight visited {} of 35 words: {seen:?}",
        seen.len()
    );

    assert_eq!(
        observed.length(),
        0,
        "the current word is a highlight range: no DOM change"
    );
}

/// The text of each range in the page's highlight called `name`.
fn highlighted(name: &str) -> Vec<String> {
    let highlights = js_sys::eval(&format!(
        "[...(CSS.highlights.get('{name}') ?? [])].map(String)"
    ))
    .expect("the Custom Highlight API");
    js_sys::Array::from(&highlights)
        .iter()
        .filter_map(|text| text.as_string())
        .collect()
}

const WITH_CHAPTER_DETAILS: &str = r#"{
  "version": 1, "duration": 12,
  "speakers": { "ann": { "name": "Ann", "img": "https://example.org/ann.png" },
                "bo": { "name": "Bo", "img": "javascript:alert(1)" } },
  "chapters": [
    { "start": 0, "title": "One", "url": "https://example.org/one", "img": "javascript:alert(1)" },
    { "start": 6, "title": "Two", "url": "javascript:alert(1)" } ],
  "transcript": [
    { "start": 1, "speaker": "ann", "text": "first" },
    { "start": 2.5, "speaker": "ann", "text": "second" },
    { "start": 5, "speaker": "bo", "text": "third" },
    { "start": 7.5, "speaker": "bo", "text": "fourth" },
    { "start": 10, "speaker": "ann", "text": "fifth" } ] }"#;

#[wasm_bindgen_test]
async fn the_current_chapter_shows_its_progress() {
    let fixture = Fixture::new(WITH_CHAPTER_DETAILS).await;
    fixture.seek_and_expect(3.0, Some("2.5"), Some("0")).await;
    let progress = fixture.all("[part=chapter-progress]");
    assert_eq!(
        progress.len(),
        1,
        "only the current chapter has a progress bar"
    );
    assert!(progress[0]
        .closest("[part=chapter][data-start='0']")
        .unwrap()
        .is_some());
    let fill = || {
        fixture
            .one("[part=chapter-progress] > span")
            .style()
            .get_property_value("--ev-progress")
            .unwrap()
    };
    assert_eq!(fill(), "50", "percent done");
    fixture.seek_and_expect(9.0, Some("7.5"), Some("6")).await;
    wait_until("the bar moves to chapter two, half way", || {
        fill() == "50"
            && fixture
                .one("[part=chapter-progress]")
                .closest("[data-start='6']")
                .unwrap()
                .is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn chapter_links_and_images_are_web_urls_only() {
    let fixture = Fixture::new(WITH_CHAPTER_DETAILS).await;
    let links = fixture.all("a[part=chapter-link]");
    assert_eq!(links.len(), 1, "the javascript: link is dropped");
    assert_eq!(attribute(&links[0], "href"), "https://example.org/one");
    assert_eq!(attribute(&links[0], "target"), "_blank");
    assert_eq!(attribute(&links[0], "rel"), "noopener noreferrer");
    assert!(
        fixture.all("[part=chapter-img]").is_empty(),
        "the javascript: image is dropped"
    );
}

#[wasm_bindgen_test]
async fn chapter_headings_stand_in_the_transcript_where_chapters_begin() {
    let fixture = Fixture::new(WITH_CHAPTER_DETAILS).await;
    let headings: Vec<(String, String)> = fixture
        .all("[part=chapter-heading]")
        .iter()
        .map(|heading| {
            let row = heading
                .parent_element()
                .unwrap()
                .next_element_sibling()
                .unwrap();
            let next: HtmlElement = row
                .query_selector("[part=line]")
                .unwrap()
                .unwrap()
                .unchecked_into();
            (
                heading.text_content().unwrap_or_default(),
                attribute(&next, "data-start"),
            )
        })
        .collect();
    assert_eq!(
        headings,
        [
            ("One".to_string(), "1".to_string()),
            ("Two".to_string(), "7.5".to_string())
        ]
    );
}

#[wasm_bindgen_test]
async fn speakers_are_grouped_with_a_colour_and_an_avatar() {
    let fixture = Fixture::new(WITH_CHAPTER_DETAILS).await;
    let labels: Vec<(String, String)> = fixture
        .all("[part=speaker]")
        .iter()
        .map(|label| (label.text_content().unwrap_or_default(), label.class_name()))
        .collect();
    // A label where the speaker changes, and again after a chapter heading.
    assert_eq!(
        labels,
        [
            ("Ann".to_string(), "ev-speaker ev-speaker-0".to_string()),
            ("Bo".to_string(), "ev-speaker ev-speaker-1".to_string()),
            ("Bo".to_string(), "ev-speaker ev-speaker-1".to_string()),
            ("Ann".to_string(), "ev-speaker ev-speaker-0".to_string()),
        ]
    );
    let avatars: Vec<String> = fixture
        .all(".ev-avatar")
        .iter()
        .map(|img| attribute(img, "src"))
        .collect();
    assert_eq!(
        avatars,
        ["https://example.org/ann.png", "https://example.org/ann.png"]
    );
}

#[wasm_bindgen_test]
async fn a_new_source_in_the_same_player_resets_the_highlight() {
    let fixture = Fixture::new(EPISODE).await;
    fixture.seek_and_expect(8.0, Some("7.5"), Some("6")).await;
    fixture
        .audio
        .set_src(&blob_url(&silent_wav(12.0), "audio/wav"));
    fixture.audio.load();
    wait_until("back to the start of the new media", || {
        fixture.current("line").is_empty() && fixture.current("chapter") == ["0"]
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_theme_attribute_overrides_the_colour_scheme() {
    let fixture = Fixture::new(EPISODE).await;
    let background = || {
        let root = fixture.one(".ev");
        web_sys::window()
            .unwrap()
            .get_computed_style(&root)
            .unwrap()
            .unwrap()
            .get_property_value("background-color")
            .unwrap()
    };
    fixture.host.set_attribute("theme", "dark").unwrap();
    assert_eq!(background(), "rgb(23, 25, 28)");
    fixture.host.set_attribute("theme", "light").unwrap();
    assert_eq!(background(), "rgb(255, 255, 255)");
}

#[wasm_bindgen_test]
async fn a_player_created_later_is_bound_when_it_appears() {
    let src = blob_url(EPISODE.as_bytes(), "application/json");
    let fixture = Fixture::with(Some(src), Some("#created-later")).await;
    let message = fixture.alert_text();
    assert!(
        message.contains(r##"audio="#created-later" matches no element on this page (yet)"##),
        "{message}"
    );

    // A player library creates its media element afterwards.
    let document = web_sys::window().unwrap().document().unwrap();
    let late = HtmlAudioElement::new().unwrap();
    late.set_id("created-later");
    late.set_src(&blob_url(&silent_wav(12.0), "audio/wav"));
    document.body().unwrap().append_child(&late).unwrap();
    wait_until("the widget binds and shows the lines", || {
        fixture.all("[part=line]").len() == 5
    })
    .await;
    wait_until("its metadata loads", || late.ready_state() >= 1).await;
    late.set_current_time(5.0);
    wait_until("the late player drives the highlight", || {
        fixture.current("line") == ["5"]
    })
    .await;
    late.remove();
}

#[wasm_bindgen_test]
async fn a_video_element_works_like_audio() {
    let document = web_sys::window().unwrap().document().unwrap();
    let video: web_sys::HtmlMediaElement =
        document.create_element("video").unwrap().unchecked_into();
    video.set_id("test-video");
    video.set_src(&blob_url(&silent_wav(12.0), "audio/wav"));
    document.body().unwrap().append_child(&video).unwrap();
    wait_until("the video's metadata loads", || video.ready_state() >= 1).await;
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    host.set_attribute("src", &blob_url(EPISODE.as_bytes(), "application/json"))
        .unwrap();
    host.set_attribute("audio", "#test-video").unwrap();
    let viewer = mount(host.clone(), None, None, None, None).unwrap();
    let current = || {
        host.shadow_root()
            .and_then(|root| {
                root.query_selector("[part=line][aria-current]")
                    .ok()
                    .flatten()
            })
            .map(|line| attribute(&line, "data-start"))
    };
    wait_until("lines render", || {
        host.shadow_root()
            .is_some_and(|root| root.query_selector("[part=line]").ok().flatten().is_some())
    })
    .await;
    video.set_current_time(7.6);
    wait_until("the video drives the highlight", || {
        current().as_deref() == Some("7.5")
    })
    .await;
    drop(viewer);
    video.remove();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_keyboard_moves_between_lines_and_chapters_and_seeks() {
    let fixture = Fixture::new(EPISODE).await;
    let shadow = fixture.shadow();
    let focused = || {
        shadow
            .active_element()
            .map(|element| attribute(&element, "data-start"))
    };
    let stops = |part: &str| -> Vec<String> {
        fixture
            .all(&format!("[part={part}][tabindex='0']"))
            .iter()
            .map(|e| attribute(e, "data-start"))
            .collect()
    };

    fixture.one("[part=line][data-start='1']").focus().unwrap();
    for (key, expected) in [
        ("ArrowDown", "2.5"),
        ("ArrowDown", "5"),
        ("End", "10"),
        ("ArrowDown", "10"),
        ("Home", "1"),
        ("ArrowUp", "1"),
    ] {
        shadow
            .active_element()
            .unwrap()
            .dispatch_event(&keydown(key, false))
            .unwrap();
        assert_eq!(focused().as_deref(), Some(expected), "after {key}");
        wait_until("the Tab stop moves along", || stops("line") == [expected]).await;
    }
    shadow
        .active_element()
        .unwrap()
        .dispatch_event(&keydown("End", false))
        .unwrap();
    shadow
        .active_element()
        .unwrap()
        .dispatch_event(&keydown("Enter", false))
        .unwrap();
    assert_eq!(fixture.audio.current_time(), 10.0);

    fixture
        .one("[part=chapter][data-start='0']")
        .focus()
        .unwrap();
    shadow
        .active_element()
        .unwrap()
        .dispatch_event(&keydown("ArrowDown", false))
        .unwrap();
    assert_eq!(focused().as_deref(), Some("6"));
    wait_until("the chapters' Tab stop moves", || stops("chapter") == ["6"]).await;
    fixture.one("[part=chapter][data-start='6']").click();
    assert_eq!(fixture.audio.current_time(), 6.0);
}

#[wasm_bindgen_test]
async fn tabbing_in_lands_on_the_current_line() {
    let fixture = Fixture::new(EPISODE).await;
    fixture.seek_and_expect(8.0, Some("7.5"), Some("6")).await;
    // Tab passes the search box on its way into the list; the Tab stop is
    // moved to the current line then (not at every line change).
    fixture.one("[part=search-input]").focus().unwrap();
    wait_until("the Tab stop is the current line", || {
        fixture
            .all("[part=line][tabindex='0']")
            .iter()
            .map(|e| attribute(e, "data-start"))
            .collect::<Vec<_>>()
            == ["7.5"]
    })
    .await;
}

/// Mounts the widget into a fresh host with the given attributes, following
/// a fresh audio element; returns (host, audio, viewer).
async fn mount_with_host_attributes(
    json: &str,
    attributes: &[(&str, &str)],
) -> (HtmlElement, HtmlAudioElement, MountedViewer) {
    let document = web_sys::window().unwrap().document().unwrap();
    let audio = HtmlAudioElement::new().unwrap();
    audio.set_id("attribute-test-audio");
    audio.set_src(&blob_url(&silent_wav(12.0), "audio/wav"));
    document.body().unwrap().append_child(&audio).unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    let src = blob_url(json.as_bytes(), "application/json");
    host.set_attribute("src", &src).unwrap();
    host.set_attribute("audio", "#attribute-test-audio")
        .unwrap();
    let viewer = mount(host.clone(), None, None, None, None).unwrap();
    wait_until("lines render", || {
        host.shadow_root()
            .is_some_and(|root| root.query_selector("[part=line]").ok().flatten().is_some())
    })
    .await;
    (host, audio, viewer)
}

#[wasm_bindgen_test]
async fn the_interface_speaks_the_language_of_the_element() {
    let (host, audio, viewer) = mount_with_host_attributes(EPISODE, &[("lang", "de-AT")]).await;
    let root = host.shadow_root().unwrap();
    let text = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    let input = root.query_selector("[part=search-input]").unwrap().unwrap();
    assert_eq!(attribute(&input, "placeholder"), "Transkript durchsuchen");
    assert_eq!(text(".ev-section-title"), "Kapitel");
    assert_eq!(text("[part=back-to-now]"), "Zurück zur Stelle");
    drop(viewer);
    audio.remove();
    host.remove();
}

#[wasm_bindgen_test]
async fn right_to_left_transcripts_run_right_to_left() {
    let json = r#"{ "version": 1, "transcript": [
        { "start": 0, "speaker": "سارة", "text": "مرحبا بكم في البودكاست" },
        { "start": 2, "text": "English line in an RTL page" } ] }"#;
    let (host, audio, viewer) =
        mount_with_host_attributes(json, &[("dir", "rtl"), ("lang", "ar")]).await;
    let root = host.shadow_root().unwrap();
    let window = web_sys::window().unwrap();
    let direction = |element: &Element| {
        window
            .get_computed_style(element)
            .unwrap()
            .unwrap()
            .get_property_value("direction")
            .unwrap()
    };
    let lines = root.query_selector_all("[part=line]").unwrap();
    let first: Element = lines.item(0).unwrap().unchecked_into();
    assert_eq!(
        direction(&first),
        "rtl",
        "the widget follows the element's dir"
    );
    let text: Element = first.query_selector(".ev-text").unwrap().unwrap();
    assert_eq!(
        attribute(&text, "dir"),
        "auto",
        "each line's text finds its own direction"
    );
    let english: Element = lines
        .item(1)
        .unwrap()
        .unchecked_into::<Element>()
        .query_selector(".ev-text")
        .unwrap()
        .unwrap();
    assert_eq!(
        english.text_content().unwrap(),
        "English line in an RTL page"
    );
    drop(viewer);
    audio.remove();
    host.remove();
}

#[wasm_bindgen_test]
async fn narrow_widgets_show_chapters_as_a_compact_selector() {
    let (host, audio, viewer) =
        mount_with_host_attributes(EPISODE, &[("style", "display: block; width: 320px")]).await;
    let root = host.shadow_root().unwrap();
    let window = web_sys::window().unwrap();
    let display = |selector: &str| {
        let element = root.query_selector(selector).unwrap().unwrap();
        window
            .get_computed_style(&element)
            .unwrap()
            .unwrap()
            .get_property_value("display")
            .unwrap()
    };
    assert_eq!(display(".ev-chapter-list"), "none");
    assert_ne!(display("[part=chapter-select]"), "none");
    let select: web_sys::HtmlSelectElement = root
        .query_selector("[part=chapter-select]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    wait_until("metadata", || audio.ready_state() >= 1).await;
    audio.set_current_time(8.0);
    wait_until("the selector shows the current chapter", || {
        select.value() == "6"
    })
    .await;
    select.set_value("0");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    assert_eq!(audio.current_time(), 0.0, "choosing a chapter seeks to it");

    host.style().set_property("width", "900px").unwrap();
    wait_until("wide again: the list is back", || {
        display(".ev-chapter-list") != "none" && display("[part=chapter-select]") == "none"
    })
    .await;
    drop(viewer);
    audio.remove();
    host.remove();
}
