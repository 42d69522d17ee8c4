//! Arbitrary bytes through the record splitter (`obserr::internals::record_spans`):
//! nothing panics, and the records are what `decode_all` relies on: in
//! order, apart, inside the text, on character boundaries, never empty and
//! never starting or ending with white space lines; and every response
//! `decode_all` finds stays within `MAX_RESPONSES`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obserr::decode_all;
use obserr::internals::record_spans;
use obserr::internals::MAX_RESPONSES;

fuzz_target!(|data: &[u8]| {
    let (text, spans) = record_spans(data);
    let mut end = 0;
    for span in &spans {
        assert!(span.start >= end, "records overlap: {spans:?}");
        assert!(span.start < span.end, "an empty record: {spans:?}");
        assert!(span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let record = &text[span.clone()];
        assert!(!record.trim().is_empty(), "a blank record");
        let first = record.lines().next().unwrap_or("");
        assert!(!first.trim().is_empty(), "a record starts with a blank line");
        end = span.end;
    }
    assert!(decode_all(data).len() <= MAX_RESPONSES);
});
