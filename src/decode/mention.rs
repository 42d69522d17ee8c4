//! A code named in passing ([`named_code`]): the one response of a text that
//! holds no error in any shape.

use super::response::{Body, Response};
use super::value;

/// Text with no error in any shape may still name a catalogued code in
/// passing (`the upload fails with NoSuchUpload`): what `explain` would
/// resolve, `decode` resolves too. Only a code written as the catalogue
/// writes it counts (not `Error` or `forbidden` in prose).
pub fn named_code(text: &str) -> Option<Response> {
    let code = text
        .split(|c: char| !value::is_code_char(c))
        .map(|w| w.trim_end_matches(['.', '-']))
        .find(|w| {
            // Cheap tests first: a catalogued code starts with a capital and
            // is at most 64 bytes long.
            w.len() >= 4
                && w.len() <= 64
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.bytes().filter(u8::is_ascii_uppercase).count() >= 2
                && value::catalogued_code(w)
        })?;
    Some(Response {
        body: Body::LogLine,
        code: Some(code.to_string()),
        ..Response::default()
    })
}
