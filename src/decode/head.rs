//! One HTTP response head as pasted: its status line, its header lines
//! (CRLF or LF, folded ones too) and where its body starts. [`super::http`]
//! finds the heads of a transcript; [`super::request`] the request before
//! them.

use super::input::split_inclusive_lines;

/// One response head: the status line and its headers, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// `HTTP/1.1`, `HTTP/2`, ...; empty for a bare block of headers.
    pub version: String,
    /// The status, when the status line has one.
    pub status: Option<u16>,
    /// The reason phrase (empty in HTTP/2 and /3).
    pub reason: String,
    /// Headers in order, as they arrived.
    pub headers: Vec<(String, String)>,
}

/// Headers kept per head.
pub const MAX_HEADERS: usize = 256;

impl Head {
    /// The first header called `name` (any case).
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// The first header called `name` (any case) of `headers`.
pub fn find_header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Parses `HTTP/<version> <status>[ <reason>]`: the version is digits and dots
/// (`1.0`, `1.1`, `2`, `3`), the status three digits from 100 to 599.
pub fn status_line(line: &str) -> Option<(String, u16, String)> {
    let (version, status, reason) = status_parts(line)?;
    Some((format!("HTTP/{version}"), status, reason.to_string()))
}

/// [`status_line`] without copies: the version after `HTTP/`, the status,
/// the reason trimmed. The passes that only ask whether a line is a status
/// line (every line of a capture, several times) allocate nothing.
pub fn status_parts(line: &str) -> Option<(&str, u16, &str)> {
    let rest = line.strip_prefix("HTTP/")?;
    let (version, rest) = rest.split_once(' ')?;
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let rest = rest.trim_start_matches(' ');
    let digits = rest.get(..3)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after = &rest[3..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let status: u16 = digits.parse().ok()?;
    if !(100..=599).contains(&status) {
        return None;
    }
    Some((version, status, after.trim()))
}

/// Whether `line` is a status line.
pub fn is_status_line(line: &str) -> bool {
    status_parts(line).is_some()
}

/// Splits `name: value`; the name must be an HTTP token (no spaces).
pub fn header_line(line: &str) -> Option<(String, String)> {
    let (name, value) = line.split_once(':')?;
    // RFC 9110's tchar (a match, not a search of the list for every byte).
    let token = |b: u8| {
        b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            )
    };
    if name.is_empty() || !name.bytes().all(token) {
        return None;
    }
    Some((name.to_string(), value.trim().to_string()))
}

/// Lines without their terminator (LF or CRLF).
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    split_inclusive_lines(text).map(move |raw| {
        let at = start;
        start += raw.len();
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        (at, line.strip_suffix('\r').unwrap_or(line))
    })
}

/// Reads a head from the start of `text` (a status line first when
/// `has_status`); returns it and where its body starts.
pub fn read_head(text: &str, has_status: bool) -> (Head, usize) {
    let mut head = Head::default();
    let mut it = lines(text);
    if has_status
        && let Some((version, status, reason)) = it.next().and_then(|(_, l)| status_line(l))
    {
        head.version = version;
        head.status = Some(status);
        head.reason = reason;
    }
    for (at, line) in it {
        if line.trim().is_empty() {
            return (
                head,
                at + text[at..].find('\n').map_or(text.len() - at, |n| n + 1),
            );
        }
        if line.starts_with(['<', '{']) {
            // No blank line before the body: it starts here.
            return (head, at);
        }
        if line.starts_with([' ', '\t']) {
            // An obsolete folded continuation of the previous header.
            if let Some((_, value)) = head.headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some(pair) = header_line(line)
            && head.headers.len() < MAX_HEADERS
        {
            head.headers.push(pair);
        }
    }
    (head, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines_of_every_version() {
        for (line, version, status, reason) in [
            ("HTTP/1.0 404 Not Found", "HTTP/1.0", 404, "Not Found"),
            ("HTTP/1.1 403 Forbidden", "HTTP/1.1", 403, "Forbidden"),
            ("HTTP/2 409 ", "HTTP/2", 409, ""),
            ("HTTP/3 503", "HTTP/3", 503, ""),
        ] {
            assert_eq!(
                status_line(line),
                Some((version.to_string(), status, reason.to_string())),
                "{line}"
            );
        }
        for bad in [
            "HTTP/1.1 4040 x",
            "HTTP/ 404",
            "HTTP/1.1 abc",
            "HTTP/x 404",
            "HTTP/1.1 700",
        ] {
            assert_eq!(status_line(bad), None, "{bad}");
        }
    }

    #[test]
    fn header_names_are_tokens() {
        for b in 0..=u8::MAX {
            let line = format!("a{}b: v", char::from(b));
            let listed = b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
            assert_eq!(header_line(&line).is_some(), listed || b == b':', "{b:#x}");
        }
    }
}
