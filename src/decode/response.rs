//! [`Response`], what every reader fills: its fields, the limits on what it
//! keeps ([`MAX_DETAILS`], [`MAX_VALUE_BYTES`]), how a value found under any
//! name is stored ([`Response::put`]) and how two tellings of one error make
//! one ([`absorb`]).

use super::field::{field, normalize, Field};
use super::head::Head;
use super::http::Framing;
use super::request::Request;
use super::value;

/// Details kept per response; more are counted in [`Response::omitted`].
pub const MAX_DETAILS: usize = 64;
/// Longest value kept; longer ones are cut (at a character boundary).
pub const MAX_VALUE_BYTES: usize = 16 * 1024;

/// What the body of a pasted response turned out to be ([`Response::body`]):
/// which reader understood it, or that none did.
///
/// ```
/// use obserr::{decode, Body};
///
/// assert_eq!(decode(b"<Error><Code>NoSuchKey</Code></Error>").body, Body::Xml);
/// assert_eq!(decode(br#"{"code":"NoSuchBucket","message":"The specified bucket does not exist"}"#).body, Body::Json);
/// let nginx = b"<html><head><title>502 Bad Gateway</title></head><body><center>nginx/1.25.3</center></body></html>";
/// assert_eq!(decode(nginx).body, Body::ProxyPage);
/// assert_eq!(decode(b"hello world").body, Body::Unrecognised);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Body {
    /// No body (a HEAD response, or headers only).
    #[default]
    Empty,
    /// An XML `<Error>` document.
    Xml,
    /// A JSON error object.
    Json,
    /// An HTML error page of an OBS static website.
    Html,
    /// An HTML page without an OBS error: a proxy or gateway answered.
    ProxyPage,
    /// An obsutil or SDK log line.
    LogLine,
    /// Something, but nothing obserr recognises.
    Unrecognised,
}

/// One decoded response: what the input says, nothing more (judging it
/// against the catalogue is [`diagnose`](crate::diagnose)'s job). Values are
/// kept as they arrived: show them through [`visible`](crate::visible).
///
/// ```
/// let r = obserr::decode(b"HTTP/1.1 404 Not Found\r\nx-obs-request-id: 0000018C0650265B41EC8BDC\r\n\r\n\
///     <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>\
///     <RequestId>0000018C0650265B41EC8BDC</RequestId><Key>photos/a.jpg</Key></Error>");
/// assert_eq!((r.status, r.code.as_deref()), (Some(404), Some("NoSuchKey")));
/// assert_eq!(r.request_id.as_deref(), Some("0000018C0650265B41EC8BDC"));
/// assert_eq!(r.header("X-Obs-Request-Id"), r.request_id.as_deref());
/// assert_eq!(r.detail("key"), Some("photos/a.jpg"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Response {
    /// How the input was framed (curl -i, curl -v, headers, bare body).
    pub framing: Framing,
    /// What the body was.
    pub body: Body,
    /// The HTTP status, from the status line, else the body or log line.
    pub status: Option<u16>,
    /// The reason phrase the input gave (HTTP/2 and /3 have none).
    pub reason: Option<String>,
    /// The error code (`NoSuchKey`), from the body, else a header.
    pub code: Option<String>,
    /// The server's message.
    pub message: Option<String>,
    /// The request id OBS support asks for.
    pub request_id: Option<String>,
    /// The host id (`x-obs-id-2`).
    pub host_id: Option<String>,
    /// The resource the error names.
    pub resource: Option<String>,
    /// The operation the response answered (S3's name: `HeadObject`), when
    /// the text names it or a captured request shows it.
    pub operation: Option<&'static str>,
    /// `x-reserved-indicator`, which OBS adds to help troubleshooting.
    pub reserved_indicator: Option<String>,
    /// Every other child of `<Error>` (or field of the body), in order, each
    /// name once.
    pub details: Vec<(String, String)>,
    /// Details dropped beyond `MAX_DETAILS`.
    pub omitted: usize,
    /// The body ended before it was complete.
    pub truncated: bool,
    /// The input turned binary (a NUL byte) at this offset; the rest was not read.
    pub binary_at: Option<usize>,
    /// The head of the response that counts.
    pub head: Option<Head>,
    /// Heads before it (`100 Continue`, redirects curl followed).
    pub earlier: Vec<Head>,
    /// How many responses the input held.
    pub responses: usize,
    /// The request, when curl -v showed it.
    pub request: Option<Request>,
    /// For a proxy page: who signed it (`nginx/1.25.3`), if it says.
    pub proxy: Option<String>,
    /// No HTTP response arrived (a `-1` response code, a DNS, connection or
    /// proxy failure): the text that says so.
    pub no_response: Option<String>,
}

impl Response {
    /// A header of the response that counts (any case).
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.as_ref().and_then(|h| h.header(name))
    }
    /// A detail by element name (any case).
    #[must_use]
    pub fn detail(&self, name: &str) -> Option<&str> {
        self.details
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    /// Whether anything at all was recognised.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.code.is_none()
            && self.message.is_none()
            && self.no_response.is_none()
    }
}

impl Response {
    /// Stores a field a reader found under its canonical place: `Code`,
    /// `Message`, `RequestId`, `HostId` and `Resource` (in any spelling of
    /// the alias table, [`field`]) are fields, the rest details. The first
    /// value wins. Ids lose the white space a wrapped line put in them; the
    /// signing strings keep theirs, every other value has it collapsed.
    pub(crate) fn put(&mut self, name: &str, value: &str) {
        let key = normalize(name);
        let slot = match field(&key) {
            Some(Field::Code) => &mut self.code,
            Some(Field::Message) => &mut self.message,
            Some(Field::RequestId) => &mut self.request_id,
            Some(Field::HostId) => &mut self.host_id,
            Some(Field::Resource) => &mut self.resource,
            _ => {
                if self.details.iter().any(|(n, _)| n == name) {
                    return;
                }
                if self.details.len() >= MAX_DETAILS {
                    self.omitted += 1;
                    return;
                }
                let value = if contains(&key, "stringtosign") || contains(&key, "canonicalrequest")
                {
                    cap(value)
                } else {
                    collapse(value)
                };
                self.details.push((cap(name), value));
                return;
            }
        };
        let value = if key.ends_with("id") || key == "id2" {
            // A line break and the indentation around it are a wrap; a
            // placeholder (`null`, `<ID>`) or a cut id is no id.
            match value::clean_id(head(value).0) {
                Some(id) => cap(&id),
                None => return,
            }
        } else {
            collapse(value)
        };
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value);
        }
    }
}

/// `haystack.contains(needle)` for a short haystack (a field's name): the
/// standard library builds a two-way searcher for each call, which costs more
/// than comparing every window of a name.
fn contains(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// `s` with runs of white space (line breaks included) made single spaces.
fn collapse(s: &str) -> String {
    let (head, cut) = head(s);
    let mut out = if is_collapsed(head) {
        head.to_string()
    } else {
        head.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if cut {
        out.push_str(CUT);
    }
    out
}

/// True when [`collapse`] would change nothing in `s`: ASCII whose only white
/// space is single spaces between words. Most values are, and this byte
/// scan is much cheaper than splitting them into words and joining those.
fn is_collapsed(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut space = true; // at the start, a space is a leading one
    for &b in bytes {
        match b {
            b' ' if space => return false,
            b' ' => space = true,
            // char::is_whitespace: tab, line feed, vertical tab, form feed,
            // carriage return; every other white space is not ASCII.
            0x09..=0x0d | 0x80.. => return false,
            _ => space = false,
        }
    }
    !space || bytes.is_empty()
}

/// `s` cut to [`MAX_VALUE_BYTES`], marked when cut.
pub fn cap(s: &str) -> String {
    match head(s) {
        (head, false) => head.to_string(),
        (head, true) => format!("{head}{CUT}"),
    }
}

/// What marks a value cut at [`MAX_VALUE_BYTES`].
const CUT: &str = "… [cut]";

/// The first [`MAX_VALUE_BYTES`] of `s` (at a character boundary), and
/// whether anything was left out.
fn head(s: &str) -> (&str, bool) {
    if s.len() <= MAX_VALUE_BYTES {
        return (s, false);
    }
    let mut end = MAX_VALUE_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    (&s[..end], true)
}

/// Fills what `into` lacks from `from` (the first value of a field wins).
pub fn absorb(into: &mut Response, from: Response) {
    fn fill<T>(a: &mut Option<T>, b: Option<T>) {
        if a.is_none() {
            *a = b;
        }
    }
    fill(&mut into.status, from.status);
    fill(&mut into.reason, from.reason);
    fill(&mut into.code, from.code);
    fill(&mut into.message, from.message);
    fill(&mut into.request_id, from.request_id);
    fill(&mut into.host_id, from.host_id);
    fill(&mut into.resource, from.resource);
    fill(&mut into.no_response, from.no_response);
    for (name, value) in from.details {
        into.put(&name, &value);
    }
    into.omitted += from.omitted;
    into.truncated |= from.truncated;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to four characters from an alphabet of a letter
    /// and the white space that matters (ASCII, vertical tab, no-break and
    /// next-line): the fast path never changes what collapsing gives.
    #[test]
    fn collapse_without_splitting_gives_what_splitting_gives() {
        let alphabet = ['a', ' ', '\t', '\u{b}', '\u{a0}', '\u{85}', 'é'];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        strings.dedup();
        for s in &strings {
            let split = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse(s), split, "{s:?}");
            if is_collapsed(s) {
                assert_eq!(*s, split, "{s:?}");
            }
        }
        assert!(is_collapsed("47 45 54 0a"));
    }

    #[test]
    fn values_are_capped_and_details_bounded() {
        let mut f = Response::default();
        f.put("Code", &"x".repeat(MAX_VALUE_BYTES + 10));
        assert!(f.code.as_deref().unwrap().ends_with("… [cut]"));
        for i in 0..MAX_DETAILS + 5 {
            f.put(&format!("D{i}"), "v");
        }
        assert_eq!((f.details.len(), f.omitted), (MAX_DETAILS, 5));
        let mut f = Response::default();
        f.put("HostId", "abc\n   def");
        f.put("StringToSign", "GET\n\n/b/k");
        f.put("Other", "a\n   b");
        assert_eq!(f.host_id.as_deref(), Some("abcdef"));
        assert_eq!(f.details[0].1, "GET\n\n/b/k");
        assert_eq!(f.details[1].1, "a b");
    }
}
