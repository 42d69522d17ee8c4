//! Arbitrary bytes through `obserr decode`'s whole path: decode, diagnose, and
//! every renderer (human with and without colour, JSON). Nothing may panic;
//! human output must carry no raw control character from the input (only
//! obserr's own SGR colour sequences), and the JSON must parse.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "sgr.rs"]
mod sgr;
use obserr::command::Input;
use obserr::decode::decode;
use obserr::diagnose::diagnose;
use obserr::render::{diagnosis, json, Style};
use obserr::sanitize::is_unsafe;

fuzz_target!(|data: &[u8]| {
    let response = decode(data);
    let d = diagnose(response);
    for color in [false, true] {
        let mut out = Vec::new();
        let style = Style {
            color,
            width: Some(80),
            ..Style::default()
        };
        diagnosis::human(&mut out, &style, &d).unwrap();
        let text = String::from_utf8(out).expect("human output is UTF-8");
        let plain = if color { sgr::without_sgr(&text) } else { text };
        assert!(
            !plain.chars().any(|c| is_unsafe(c) && c != '\n'),
            "raw control character in {plain:?}"
        );
    }
    let mut out = Vec::new();
    json::write(
        &mut out,
        &[diagnosis::ResponseJson::new(&d, &Input::Stdin)],
    )
    .unwrap();
    let text = String::from_utf8(out).expect("JSON output is UTF-8");
    assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
    let _: serde_json::Value = serde_json::from_str(&text).expect("JSON output parses");
});
