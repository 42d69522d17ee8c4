//! Finds the HTTP framing in pasted text: the response heads of `curl -i`
//! (HTTP/1.0, 1.1, 2 and 3 status lines, CRLF or LF, `100 Continue` and
//! `curl -L` redirect blocks), the `< `/`> `/`* ` lines of `curl -v`, or a bare
//! block of headers; and the body that follows the last response head.
//!
//! Why not `httparse`: it rejects `HTTP/2` and `HTTP/3` status lines, stops at
//! the first malformed header (pasted text is often wrapped or garbled, and what
//! came before and after still counts), reports a truncated head as `Partial`
//! without its headers, and knows nothing of curl's prefixes. Stripping those
//! prefixes takes a pass over the lines anyway; splitting `name: value` on top
//! of it is one `split_once`.

use super::head::{
    header_line, is_status_line, lines, read_head, status_line, status_parts, Head, MAX_HEADERS,
};
use super::request::{is_request, is_request_line, plain_request, request_line, Request};

/// How a pasted response was framed ([`Response::framing`](crate::Response::framing)):
/// a bare body, `curl -i` or `curl -v` output, or headers alone.
///
/// ```
/// use obserr::{decode, Framing};
///
/// assert_eq!(decode(b"<Error><Code>NoSuchKey</Code></Error>").framing, Framing::Bare);
/// assert_eq!(decode(b"HTTP/1.1 404 Not Found\r\n\r\n<Error><Code>NoSuchKey</Code></Error>").framing, Framing::Include);
/// assert_eq!(decode(b"< HTTP/1.1 404 Not Found\r\n< Server: OBS\r\n<\r\n").framing, Framing::Verbose);
/// assert_eq!(decode(b"x-obs-error-code: AccessDenied\r\nx-obs-request-id: 0000018C\r\n").framing, Framing::Headers);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Framing {
    /// No HTTP head: the input is a body (or a log line) on its own.
    #[default]
    Bare,
    /// `curl -i` style: status line, headers, blank line, body.
    Include,
    /// `curl -v` style: `< ` response lines, `> ` request lines, `* ` info.
    Verbose,
    /// Only header lines, no status line (a pasted HEAD response).
    Headers,
}

/// Everything [`split`] finds.
#[derive(Debug, Clone)]
pub struct Transcript {
    pub framing: Framing,
    /// The last response head (the one that counts).
    pub head: Option<Head>,
    /// Heads before it, oldest first: `100 Continue`, followed redirects.
    /// At most [`MAX_EARLIER`] are kept.
    pub earlier: Vec<Head>,
    /// How many response heads the input held in all.
    pub responses: usize,
    /// The last request curl -v showed.
    pub request: Option<Request>,
    /// The body of the last response; empty when the framing is bare (the
    /// whole input is the body then, and is not copied).
    pub body: String,
}

/// Earlier heads kept for the redirect hint; hostile input may hold millions.
pub const MAX_EARLIER: usize = 16;

/// Whether a head with this status ends a transcript: a `1xx` is followed by
/// the real response, a redirect by the one curl -L followed.
fn is_final(status: u16) -> bool {
    !(100..200).contains(&status) && !(300..400).contains(&status)
}

/// Splits pasted text into one piece per HTTP transcript (`cat a.txt b.txt`
/// of two curl captures is two): a response head with a final status ends
/// one, and the next status line (`curl -i`) or request line (`curl -v`)
/// starts the next, or the plain request shown before it. Text before the
/// first head (or the request before it) is left out; text without any head
/// is one piece.
pub fn segments(text: &str) -> Vec<&str> {
    let verbose = lines(text).any(|(_, l)| l.strip_prefix("< ").is_some_and(is_status_line));
    let mut cuts = Vec::new();
    let mut first = None;
    let mut after_final = false;
    let mut request = None;
    for (at, line) in lines(text) {
        if verbose {
            if let Some((_, status, _)) = line.strip_prefix("< ").and_then(status_parts) {
                first.get_or_insert(0);
                after_final = is_final(status);
            } else if after_final && is_request_line(line.strip_prefix("> ").unwrap_or("")) {
                cuts.push(at);
                after_final = false;
            }
        } else if let Some((_, status, _)) = status_parts(line) {
            if first.is_none() {
                first = Some(request.take().unwrap_or(at));
            } else if after_final {
                cuts.push(request.take().unwrap_or(at));
            }
            request = None;
            after_final = is_final(status);
        } else if request.is_none() && is_request(line) {
            // A plain request shown before its response belongs to it.
            request = Some(at);
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = first.unwrap_or(0);
    for cut in cuts {
        out.push(&text[start..cut]);
        start = cut;
    }
    out.push(&text[start..]);
    out
}

/// Splits pasted text into heads, request and body.
pub fn split(text: &str) -> Transcript {
    let verbose = lines(text).any(|(_, l)| l.strip_prefix("< ").is_some_and(is_status_line));
    if verbose {
        return split_verbose(text);
    }
    let mut transcript = Transcript {
        framing: Framing::Bare,
        head: None,
        earlier: Vec::new(),
        responses: 0,
        request: None,
        body: String::new(),
    };
    let mut starts = Vec::new();
    for (at, line) in lines(text) {
        if is_status_line(line) {
            starts.push(at);
        }
    }
    if let Some(&last) = starts.last() {
        transcript.framing = Framing::Include;
        transcript.responses = starts.len();
        transcript.request = plain_request(&text[..starts[0]]);
        let keep_from = starts.len().saturating_sub(MAX_EARLIER + 1);
        for (i, &at) in starts.iter().enumerate().skip(keep_from) {
            let (head, body_at) = read_head(&text[at..], true);
            if i + 1 == starts.len() {
                transcript.head = Some(head);
                transcript.body = text[last + body_at..].to_string();
            } else {
                transcript.earlier.push(head);
            }
        }
        return transcript;
    }
    // A pasted HEAD response without its status line: header lines first.
    let first = lines(text).map(|(_, l)| l).find(|l| !l.trim().is_empty());
    if first
        .and_then(header_line)
        .is_some_and(|(n, _)| known_header(&n))
    {
        let offset = text.len() - text.trim_start().len();
        let (head, body_at) = read_head(&text[offset..], false);
        transcript.framing = Framing::Headers;
        transcript.body = text[offset + body_at..].to_string();
        transcript.head = Some(head);
        transcript.responses = 1;
        return transcript;
    }
    transcript
}

/// Headers that mark a block of lines as an HTTP response head.
fn known_header(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("x-obs-")
        || n.starts_with("x-amz-")
        || matches!(
            n.as_str(),
            "server" | "date" | "content-type" | "content-length" | "x-reserved-indicator"
        )
}

/// curl's own lines that end a body line glued to them (no newline after the body).
const CURL_TAILS: [&str; 3] = ["* Connection #", "* Closing connection", "* shutting down"];

/// Where the first of [`CURL_TAILS`] starts in `line`. Each starts with `*`:
/// only the stars are looked at (a body line is often the whole XML body).
fn curl_tail(line: &str) -> Option<usize> {
    memchr::memchr_iter(b'*', line.as_bytes())
        .find(|&at| CURL_TAILS.iter().any(|tail| line[at..].starts_with(tail)))
}

fn split_verbose(text: &str) -> Transcript {
    let mut t = Transcript {
        framing: Framing::Verbose,
        head: None,
        earlier: Vec::new(),
        responses: 0,
        request: None,
        body: String::new(),
    };
    let mut in_head = false;
    let mut request_open = false;
    for (_, line) in lines(text) {
        // `<` alone ends a response head; `< ` starts its lines (a body line
        // such as `<Error>` has no space).
        let response_line = if line == "<" {
            Some("")
        } else {
            line.strip_prefix("< ")
        };
        if let Some(rest) = response_line {
            if let Some((version, status, reason)) = status_line(rest) {
                if let Some(prev) = t.head.take() {
                    t.earlier.push(prev);
                    if t.earlier.len() > MAX_EARLIER {
                        t.earlier.remove(0);
                    }
                }
                t.head = Some(Head {
                    version,
                    status: Some(status),
                    reason,
                    headers: Vec::new(),
                });
                t.responses += 1;
                t.body.clear();
                in_head = true;
                request_open = false;
            } else if rest.trim().is_empty() {
                in_head = false;
            } else if let (true, Some(head), Some(pair)) =
                (in_head, t.head.as_mut(), header_line(rest))
                && head.headers.len() < MAX_HEADERS
            {
                head.headers.push(pair);
            }
            continue;
        }
        let request = if line == ">" {
            Some("")
        } else {
            line.strip_prefix("> ")
        };
        if let Some(rest) = request {
            request_line(&mut t.request, &mut request_open, rest);
            continue;
        }
        if line.starts_with("* ") || line.starts_with("{ [") || line.starts_with("} [") {
            continue;
        }
        if t.head.is_some() && !in_head {
            let cut = curl_tail(line).unwrap_or(line.len());
            t.body.push_str(&line[..cut]);
            t.body.push('\n');
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_of_several_blocks_counts() {
        let text = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 301 Moved Permanently\r\nLocation: https://b.example/\r\n\r\nHTTP/2 404\r\nx-obs-request-id: R\r\ncontent-type: application/xml\r\n\r\n<Error/>";
        let t = split(text);
        assert_eq!(t.framing, Framing::Include);
        assert_eq!(t.responses, 3);
        let head = t.head.unwrap();
        assert_eq!(head.status, Some(404));
        assert_eq!(head.header("X-OBS-Request-Id"), Some("R"));
        assert_eq!(t.body, "<Error/>");
        assert_eq!(t.earlier.len(), 2);
        assert_eq!(t.earlier[1].header("location"), Some("https://b.example/"));
    }

    #[test]
    fn lf_heads_folded_headers_and_a_missing_blank_line() {
        let t = split("HTTP/1.1 400 Bad Request\nX-A: one\n two\nnot a header\n<Error>x</Error>\n");
        let head = t.head.unwrap();
        assert_eq!(head.header("x-a"), Some("one two"));
        assert_eq!(t.body, "<Error>x</Error>\n");
    }

    #[test]
    fn curl_verbose_keeps_the_last_response_and_request() {
        let text = "* Trying 1.2.3.4:443...\n> PUT /k HTTP/1.1\n> Host: b.obs.example\n> Date: Fri, 15 Mar 2024 10:15:00 GMT\n>\n< HTTP/1.1 100 Continue\n<\n} [5 bytes data]\n< HTTP/1.1 403 Forbidden\n< Server: OBS\n<\n{ [300 bytes data]\n<Error><Code>X</Code></Error>* Connection #0 to host b.obs.example left intact\n";
        let t = split(text);
        assert_eq!(t.framing, Framing::Verbose);
        assert_eq!(t.responses, 2);
        assert_eq!(t.head.as_ref().unwrap().status, Some(403));
        assert_eq!(t.head.unwrap().header("server"), Some("OBS"));
        let r = t.request.unwrap();
        assert_eq!((r.method.as_str(), r.target.as_str()), ("PUT", "/k"));
        assert_eq!(r.header("date"), Some("Fri, 15 Mar 2024 10:15:00 GMT"));
        assert_eq!(t.body, "<Error><Code>X</Code></Error>\n");
    }

    #[test]
    fn bare_headers_and_bare_bodies() {
        let t = split("\nx-obs-error-code: NoSuchKey\nx-obs-request-id: R\n");
        assert_eq!(t.framing, Framing::Headers);
        assert_eq!(
            t.head.unwrap().header("x-obs-error-code"),
            Some("NoSuchKey")
        );
        let t = split("<Error><Code>A</Code></Error>");
        assert_eq!(t.framing, Framing::Bare);
        assert_eq!(t.body, "");
    }

    proptest::proptest! {
        /// The first star that starts a tail is where the earliest tail starts.
        #[test]
        fn curl_tail_is_the_earliest_tail(
            words in proptest::collection::vec(
                proptest::sample::select(vec!["* Connection #", "* Closing connection", "* shutting down", "*", "* ", "x", "é", "* Conn"]),
                0..8,
            ),
        ) {
            let line = words.concat();
            let earliest = CURL_TAILS.iter().filter_map(|tail| line.find(tail)).min();
            proptest::prop_assert_eq!(curl_tail(&line), earliest);
        }
    }

    #[test]
    fn many_blocks_keep_a_bounded_history() {
        let text = "HTTP/1.1 301 Moved\r\n\r\n".repeat(1000);
        let t = split(&text);
        assert_eq!(t.responses, 1000);
        assert_eq!(t.earlier.len(), MAX_EARLIER);
    }
}
