//! Arbitrary strings through every catalogue path a user argument reaches:
//! exact lookup, reading pasted forms, suggestions, search, and rendering of
//! the result (human and JSON). Nothing may panic, and rendered output must
//! never carry a raw control character from the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obserr::internals::resolve;
use obserr::internals::Resolved;
use obserr::internals::{write_json, UnknownJson};
use obserr::{Human, Message, Style};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let _ = obserr::lookup(&input);
    let _ = obserr::suggest(&input);
    let hits = obserr::search(&input, 10);
    let mut out = Vec::new();
    Human::new(&Style::default()).hits(&mut out, &hits).unwrap();
    if let Resolved::Unknown { token, suggestions } = resolve(&input) {
        let msg = Message::UnknownCode { token: token.clone(), suggestions: suggestions.clone() }.to_string();
        assert!(!msg.chars().any(|c| obserr::internals::is_unsafe(c) && c != '\n'), "{msg:?}");
        out.clear();
        write_json(&mut out, &UnknownJson::new(&input, &suggestions)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(|c| obserr::internals::is_unsafe(c) && c != '\n'), "{text:?}");
    }
});
