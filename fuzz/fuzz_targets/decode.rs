//! Arbitrary bytes through `obserr decode`'s whole path: decode (every
//! response `decode_all` finds, through the text readers: paste clean-up,
//! labelled fields, SDK shapes, XML fragments, grouping), diagnose, and every
//! renderer of all of them (human with and without colour, JSON); and, as
//! text, through `explain`'s reading of a pasted argument. Nothing may panic;
//! at most `MAX_RESPONSES` responses come back; human output must carry no
//! raw control character from the input (only obserr's own SGR colour
//! sequences), and the JSON must parse.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "sgr.rs"]
mod sgr;
use obserr::Decoded;
use obserr::Input;
use obserr::internals::MAX_RESPONSES;
use obserr::{Human, Json, Style};
use obserr::internals::is_unsafe;

fuzz_target!(|data: &[u8]| {
    let decoded = [Decoded::new(Input::Stdin, Ok(data.to_vec()))];
    let count = decoded[0].result.as_ref().map_or(0, Vec::len);
    assert!(count <= MAX_RESPONSES);
    for color in [false, true] {
        let mut out = Vec::new();
        let style = Style {
            color,
            width: Some(80),
            ..Style::default()
        };
        // Short without colour, verbose with it: both forms are read.
        Human::new(&style).decoded(&mut out, &decoded, color).unwrap();
        let text = String::from_utf8(out).expect("human output is UTF-8");
        let plain = if color { sgr::without_sgr(&text) } else { text };
        assert!(
            !plain.chars().any(|c| is_unsafe(c) && c != '\n'),
            "raw control character in {plain:?}"
        );
    }
    let mut out = Vec::new();
    Json::decoded(&mut out, &decoded).unwrap();
    let text = String::from_utf8(out).expect("JSON output is UTF-8");
    assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
    let _: serde_json::Value = serde_json::from_str(&text).expect("JSON output parses");
    if let Ok(text) = std::str::from_utf8(&data[..data.len().min(4096)]) {
        let _ = obserr::internals::resolve(text);
    }
});
