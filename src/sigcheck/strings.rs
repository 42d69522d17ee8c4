//! The two strings to sign as the inputs carry them: the server's from its
//! `SignatureDoesNotMatch` error (`StringToSignBytes`, exact, else the text
//! `StringToSign`), the client's from an SDK debug log.

use crate::decode::Response;

/// The server's string to sign: `StringToSignBytes` (exact) if present and
/// readable, else `StringToSign`.
#[must_use]
pub fn server_string(r: &Response) -> Option<(String, bool)> {
    let text = r.detail("StringToSign");
    let bytes = r.detail("StringToSignBytes").and_then(from_hex_bytes);
    match (bytes, text) {
        (Some(b), t) => {
            let differs = t.is_some_and(|t| t != b);
            Some((b, differs))
        }
        (None, Some(t)) => Some((t.to_string(), false)),
        (None, None) => None,
    }
}

/// Whether [`server_string`] finds one, without decoding `StringToSignBytes`
/// when the text is there.
pub(super) fn has_server_string(r: &Response) -> bool {
    r.detail("StringToSign").is_some()
        || r.detail("StringToSignBytes")
            .and_then(from_hex_bytes)
            .is_some()
}

/// `47 45 54 0a …` (OBS's `StringToSignBytes`) as text.
fn from_hex_bytes(s: &str) -> Option<String> {
    if !s.is_ascii() {
        return from_hex_words(s);
    }
    // ASCII: the bytes read directly, the white space `split_whitespace`
    // splits on (space, tab, line feed, vertical tab, form feed, carriage
    // return) between tokens of one or two hex digits.
    let mut out = Vec::with_capacity(s.len() / 3 + 1);
    // The value of the token so far and its digits (0: between tokens).
    let (mut value, mut digits) = (0u8, 0u8);
    for &b in s.as_bytes() {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            b' ' | 0x09..=0x0d => {
                if digits > 0 {
                    out.push(value);
                    digits = 0;
                }
                continue;
            }
            _ => return None,
        };
        if digits == 2 {
            return None;
        }
        value = if digits == 0 { d } else { value * 16 + d };
        digits += 1;
    }
    if digits > 0 {
        out.push(value);
    }
    (!out.is_empty()).then(|| crate::decode::utf8_lossy(&out).into_owned())
}

/// [`from_hex_bytes`] word by word, for text that is not ASCII (a word may
/// end at any white space).
fn from_hex_words(s: &str) -> Option<String> {
    let digit = |b: u8| char::from(b).to_digit(16);
    let mut out = Vec::with_capacity(s.len() / 3 + 1);
    for tok in s.split_whitespace() {
        let byte = match *tok.as_bytes() {
            [low] => digit(low)?,
            [high, low] => digit(high)? * 16 + digit(low)?,
            _ => return None,
        };
        out.push(u8::try_from(byte).ok()?);
    }
    (!out.is_empty()).then(|| crate::decode::utf8_lossy(&out).into_owned())
}

/// The client's string to sign as an SDK debug log printed it: the lines after
/// `StringToSign:` / `CanonicalString:` / `String to sign:` (four lines for
/// V4; up to the resource, the line starting with `/`, for OBS and V2).
#[must_use]
pub fn client_string_from_log(log: &str) -> Option<String> {
    const MARKERS: &[&str] = &[
        "stringtosign:",
        "string to sign:",
        "string_to_sign:",
        "canonicalstring:",
        "canonical string:",
        "canonical_string:",
    ];
    // Every marker ends with its only colon: the first colon that ends one
    // ends the first marker (`client_string_marker_is_the_first_marker`).
    let bytes = log.as_bytes();
    let (at, len) = memchr::memchr_iter(b':', bytes).find_map(|colon| {
        let end = colon + 1;
        MARKERS.iter().find_map(|m| {
            let start = end.checked_sub(m.len())?;
            bytes[start..end]
                .eq_ignore_ascii_case(m.as_bytes())
                .then_some((start, m.len()))
        })
    })?;
    let rest = &log[at + len..];
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let rest = rest
        .strip_prefix('\n')
        .or_else(|| rest.strip_prefix("\r\n"))
        .unwrap_or(rest);
    let lines: Vec<&str> = rest
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let take = if lines.first().is_some_and(|l| l.starts_with("AWS4-")) {
        4
    } else {
        lines.iter().position(|l| l.starts_with('/'))? + 1
    };
    (lines.len() >= take).then(|| lines[..take].join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte loop reads what reading word by word reads.
        #[test]
        fn hex_bytes_read_as_words_read_them(
            s in "[0-9a-fA-Fg \t\n\u{b}\u{c}\r]{0,24}",
            any in ".{0,12}",
        ) {
            proptest::prop_assert_eq!(from_hex_bytes(&s), from_hex_words(&s));
            proptest::prop_assert_eq!(from_hex_bytes(&any), from_hex_words(&any));
        }

        /// The first colon that ends a marker ends the marker that starts first.
        #[test]
        fn client_string_marker_is_the_first_marker(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "StringToSign:", "String to sign:", "string_to_sign:", "CanonicalString:",
                    "canonical string:", "Canonical_String:", "sign:", ":", " ", "\n", "/r\n",
                    "AWS4-x\n", "a\nb\nc\n", "é", "GET\n",
                ]),
                0..10,
            ),
        ) {
            let log = words.concat();
            let markers = ["stringtosign:", "string to sign:", "string_to_sign:", "canonicalstring:", "canonical string:", "canonical_string:"];
            let lower = log.to_ascii_lowercase();
            let first = markers.iter().filter_map(|m| lower.find(m).map(|i| (i, m.len()))).min();
            let expected = first.and_then(|(at, len)| {
                let rest = &log[at + len..];
                let rest = rest.strip_prefix(' ').unwrap_or(rest);
                let rest = rest.strip_prefix('\n').or_else(|| rest.strip_prefix("\r\n")).unwrap_or(rest);
                let lines: Vec<&str> = rest.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
                let take = if lines.first().is_some_and(|l| l.starts_with("AWS4-")) {
                    4
                } else {
                    lines.iter().position(|l| l.starts_with('/'))? + 1
                };
                (lines.len() >= take).then(|| lines[..take].join("\n"))
            });
            proptest::prop_assert_eq!(client_string_from_log(&log), expected);
        }
    }
}
