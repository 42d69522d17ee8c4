//! Arbitrary bytes through `obserr sigcheck`'s whole path: the capture (and,
//! after a NUL byte, a second input read as an SDK log) is decoded, the
//! request's signature parsed, the client's string rebuilt and compared, with
//! and without a key, and rendered (human, JSON). Nothing may panic; human
//! output carries no raw control character; the JSON parses; the key never
//! shows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obserr::{Human, Json, Style};
use obserr::internals::is_unsafe;
use obserr::check_signature as check_inputs;
use obserr::SecretKey;

const KEY: &[u8] = b"FuzzKeyQ2mW7rT4yU1iO3pA5sD6fG8hJ0kL2zX4c";

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(2, |&b| b == 0);
    let capture = parts.next().unwrap_or_default();
    let log = parts.next();
    let inputs: Vec<&[u8]> = std::iter::once(capture).chain(log).collect();
    for key in [None, Some(SecretKey::new(KEY.to_vec()))] {
        let c = check_inputs(&inputs, key.as_ref());
        let mut out = Vec::new();
        Human::new(&Style::default()).signature_check(&mut out, &c).unwrap();
        let text = String::from_utf8(out).expect("human output is UTF-8");
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
        assert!(!text.contains("FuzzKeyQ2mW7rT4yU1iO3"));
        let mut out = Vec::new();
        Json::signature_check(&mut out, &c).unwrap();
        let text = String::from_utf8(out).expect("JSON output is UTF-8");
        let _: serde_json::Value = serde_json::from_str(&text).expect("JSON output parses");
        assert!(!text.contains("FuzzKeyQ2mW7rT4yU1iO3"));
    }
});
