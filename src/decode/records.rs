//! Splits prepared text into records: one failing response or one error
//! report each, so that no field of one error is ever read into another.
//!
//! A record is a run of paragraphs (lines between blank lines). A blank line
//! ends a record unless what follows it plainly continues it; the rules, each
//! with its reason, are in [`continues`] and listed in CONTRIBUTING.md
//! ("Records"). Inside a paragraph, a record goes on: the readers after this
//! split it further where its lines are errors of their own (a log), but they
//! never read a field across the boundaries drawn here.
//!
//! Linear in the text: every line is looked at once, with a constant amount of
//! state carried from one line to the next.

use super::head::{is_status_line, status_line};
use super::request::is_request;
use std::ops::Range;

/// What the lines read so far say about how the current record may go on.
#[derive(Debug, Default, Clone, Copy)]
struct Reading {
    /// The record holds a response head (`HTTP/1.1 403`, `< HTTP/2 403`)
    /// whose body has not started yet.
    head_open: bool,
    /// That head's status is interim or a redirect: another head follows.
    head_interim: bool,
    /// The head says it has no body: `Content-Length: 0`, or the request was
    /// a HEAD (`curl -I`, `--head`, `> HEAD`).
    no_body: bool,
    /// The request that led to this record was a HEAD.
    head_request: bool,
    /// An XML document was opened and not closed.
    xml_open: bool,
    /// ... and its `<Error>` element has begun.
    xml_error: bool,
    /// The last tag read opened a string to sign or a canonical request.
    in_element: bool,
    /// The last line announces what follows (`...:` at its end, Python's
    /// "During handling of the above exception"), or says it was cut
    /// (Guzzle's `(truncated...)`, followed by the whole error).
    announces: bool,
    /// The record is an exception or a stack trace.
    trace: bool,
    /// The record is a REPL session (`>> `, `>>> ` prompts).
    repl: bool,
    /// The last line is a stack frame (`at ...`, `... 12 more`) or an
    /// exception's own line.
    in_trace: bool,
    /// The last line is a caret under a source line (Node's uncaught error).
    caret: bool,
    /// A request was shown (`> GET / HTTP/1.1`) and no response head yet.
    request_open: bool,
}

/// Where the input's own lines start in the prepared text, one bit a byte:
/// a line break an escape made (`\n` inside a logged string) starts none.
/// An eighth of a byte per byte of text, however many lines it has.
#[derive(Debug, Default)]
pub struct LineStarts {
    bits: Vec<u64>,
}

impl LineStarts {
    /// Marks a line start (offsets may come in any order).
    pub fn set(&mut self, at: usize) {
        let (word, bit) = (at / 64, at % 64);
        if self.bits.len() <= word {
            self.bits.resize(word + 1, 0);
        }
        self.bits[word] |= 1 << bit;
    }

    /// Whether an input line starts at `at`.
    #[must_use]
    pub fn contains(&self, at: usize) -> bool {
        self.bits
            .get(at / 64)
            .is_some_and(|w| w & (1 << (at % 64)) != 0)
    }

    /// How many input lines start in `range`.
    #[must_use]
    pub fn count(&self, range: Range<usize>) -> usize {
        let mut n = 0;
        let mut at = range.start;
        while at < range.end {
            let (word, bit) = (at / 64, at % 64);
            let Some(&w) = self.bits.get(word) else { break };
            let take = (64 - bit).min(range.end - at);
            let mask = if take == 64 {
                u64::MAX
            } else {
                ((1u64 << take) - 1) << bit
            };
            n += (w & mask).count_ones() as usize;
            at += take;
        }
        n
    }

    /// Every marked offset, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.bits.iter().enumerate().flat_map(|(i, &w)| {
            (0..64)
                .filter(move |b| w & (1 << b) != 0)
                .map(move |b| i * 64 + b)
        })
    }
}

/// The byte ranges of the records in `text`, in order, one at a time (a
/// hostile text may hold millions). Blank lines between records belong to
/// neither; a record's range ends after its last line. A blank line that
/// starts no input line (`lines`) came from an escape and parts nothing.
pub struct Records<'t> {
    text: &'t str,
    lines: &'t LineStarts,
    at: usize,
    state: Reading,
    start: Option<usize>,
    end: usize,
    blank_before: bool,
}

impl<'t> Records<'t> {
    /// The records of `text`.
    #[must_use]
    pub fn new(text: &'t str, lines: &'t LineStarts) -> Self {
        Records {
            text,
            lines,
            at: 0,
            state: Reading::default(),
            start: None,
            end: 0,
            blank_before: false,
        }
    }
}

impl Iterator for Records<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        while self.at < self.text.len() {
            let rest = &self.text[self.at..];
            let len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
            let line_at = self.at;
            self.at += len;
            let line = rest[..len].trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                if self.lines.contains(line_at) {
                    self.blank_before = self.start.is_some();
                }
                continue;
            }
            let mut done = None;
            if let Some(s) = self.start
                && self.blank_before
                && !continues(&self.state, line)
            {
                done = Some(s..self.end);
                self.state = Reading::default();
            }
            if done.is_some() || self.start.is_none() {
                self.start = Some(line_at);
            }
            self.blank_before = false;
            self.end = line_at + line.len();
            observe(&mut self.state, line);
            if done.is_some() {
                return done;
            }
        }
        self.start.take().map(|s| s..self.end)
    }
}

/// Whether `line`, the first after a blank line, continues the record whose
/// lines led to `state`.
fn continues(state: &Reading, line: &str) -> bool {
    let trimmed = line.trim_start();
    let verbose = line.strip_prefix("< ");
    // A request shown, its response follows (libcurl's debug output puts a
    // blank line between them).
    if state.request_open
        && (["< ", "> ", "* "].iter().any(|p| line.starts_with(p))
            || line == "<"
            || line == ">"
            || is_status_line(line))
    {
        return true;
    }
    // curl -L and `100 Continue`: an interim or redirect head is followed by
    // the next head of the same transfer.
    if state.head_open
        && state.head_interim
        && (is_status_line(line) || verbose.is_some_and(is_status_line))
    {
        return true;
    }
    // The body of a response head: a document, unless the head said there is
    // none (a HEAD response pasted before another error's body).
    if state.head_open && !state.no_body && trimmed.starts_with(['<', '{']) {
        return true;
    }
    // A string to sign holds blank lines (`GET\n\n\n...`).
    if state.xml_open && state.in_element {
        return true;
    }
    // An XML document cut by a blank line (a wrapped paste) goes on.
    if state.xml_open
        && trimmed.starts_with('<')
        && !trimmed.starts_with("<?xml")
        && !(state.xml_error && (trimmed.starts_with("<Error>") || trimmed.starts_with("<Error ")))
    {
        return true;
    }
    // A stack trace and a chain of causes: `at ...`, `Caused by: ...`,
    // `... 12 more`, Python's chained tracebacks after their announcement.
    if state.in_trace
        && (trimmed.starts_with("at ")
            || trimmed.starts_with("Suppressed:")
            || (trimmed.starts_with("...") && trimmed.ends_with("more")))
    {
        return true;
    }
    // Python's chained exceptions announce themselves.
    if state.trace
        && (trimmed.starts_with("During handling of the above exception")
            || trimmed.starts_with("The above exception was the direct cause"))
    {
        return true;
    }
    // Node prints an uncaught error's place, its source line and a caret,
    // then a blank line and the error itself.
    if state.caret {
        return true;
    }
    // The next input of the same REPL session (irb's `>> response.body`).
    if state.repl && is_prompt(trimmed) {
        return true;
    }
    // What a line ending in `:` announces (`Response body:`, `During handling
    // of the above exception, another exception occurred:`).
    if state.announces {
        return true;
    }
    false
}

/// Updates `state` with a line of the current record.
fn observe(state: &mut Reading, line: &str) {
    let content = line
        .strip_prefix("< ")
        .or_else(|| line.strip_prefix("> "))
        .unwrap_or(line);
    let trimmed = content.trim();
    if let Some((_, status, _)) = status_line(content) {
        state.head_open = true;
        state.request_open = false;
        state.head_interim = (100..200).contains(&status) || (300..400).contains(&status);
        state.no_body = state.head_request;
    } else if state.head_open && !trimmed.starts_with('<') && !trimmed.starts_with('{') {
        if let Some((name, value)) = trimmed.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            // A length says whether a body follows, even after a HEAD
            // (a capture that shows the length of the error it sent).
            state.no_body = value.trim() == "0";
        }
    } else if trimmed.starts_with(['<', '{']) && !line.starts_with("< ") && line != "<" {
        // A body started.
        state.head_open = false;
    }
    if line.starts_with("* ") && !line.starts_with("* Trying") {
        // curl -v's own comment after a head: the transfer is over.
        state.head_open = false;
    }
    if is_request(content) {
        state.request_open = true;
    } else if state.request_open
        && !line.starts_with(['<', '>', '*'])
        && !trimmed
            .split_once(':')
            .is_some_and(|(name, _)| !name.is_empty() && !name.contains(' '))
    {
        // Neither curl's nor a header: the request was shown, and no head
        // will follow (`The requested URL returned error: 403`).
        state.request_open = false;
    }
    if is_head_request(line) {
        state.head_request = true;
        state.no_body = true;
    }
    if trimmed.contains("<?xml") {
        state.xml_open = true;
        state.xml_error = false;
    }
    if trimmed.contains("<Error") {
        state.xml_open = true;
        state.xml_error = true;
    }
    if trimmed.contains("</Error>") || trimmed.contains("</ErrorResponse>") {
        state.xml_open = false;
    }
    // The last tag of the line: a signing string's opening tag leaves an
    // element open whose text holds blank lines of its own.
    if let Some(lt) = trimmed.rfind('<') {
        let tag = &trimmed[lt..];
        state.in_element = state.xml_open
            && ["<StringToSign>", "<CanonicalRequest>"]
                .iter()
                .any(|t| tag.starts_with(t));
    }
    state.announces = announces(trimmed);
    state.in_trace = trimmed.starts_with("at ")
        || (trimmed.starts_with("...") && trimmed.ends_with("more"))
        || trimmed.contains("Exception")
        || trimmed.starts_with("Caused by");
    state.trace |= state.in_trace || trimmed.starts_with("Traceback (most recent call last)");
    state.repl |= is_prompt(trimmed);
    state.caret = !trimmed.is_empty() && trimmed.bytes().all(|b| b == b'^');
}

/// Whether a line says that what follows belongs to it: Python's chained
/// tracebacks ("During handling of the above exception, another exception
/// occurred:"), a heading for a body or an output ("Response body:"), or
/// Guzzle's `(truncated...)` after the start of a body it then prints whole.
/// A line that ends in a field's label (`Request ID:`) was cut: it announces
/// nothing.
fn announces(trimmed: &str) -> bool {
    if trimmed.ends_with("(truncated...)") {
        return true;
    }
    let Some(head) = trimmed.strip_suffix(':') else {
        return false;
    };
    let last = head
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        last.as_str(),
        "occurred"
            | "exception"
            | "body"
            | "response"
            | "output"
            | "follows"
            | "following"
            | "below"
            | "trace"
            | "traceback"
            | "xml"
            | "json"
            | "returned"
            | "was"
            | "is"
    )
}

/// A REPL's prompt: irb's and pry's `>> `, Python's `>>> `.
fn is_prompt(trimmed: &str) -> bool {
    trimmed.starts_with(">> ") || trimmed.starts_with(">>> ")
}

/// A line that shows the request was a HEAD: curl's `-I`/`--head`, curl -v's
/// `> HEAD /key HTTP/1.1`, a bare `HEAD /key HTTP/1.1`.
fn is_head_request(line: &str) -> bool {
    let content = line.strip_prefix("> ").unwrap_or(line);
    if content.starts_with("HEAD /") || content.starts_with("HEAD http") {
        return true;
    }
    let t = line.trim_start();
    t.starts_with("curl ")
        && t.split_ascii_whitespace().any(|w| {
            // `-I`, or `-I` among other short flags (`-sI`).
            w == "--head" || (w.starts_with('-') && !w.starts_with("--") && w.contains('I'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<&str> {
        let (prepared, lines) = super::super::prepare::prepare_marked(text);
        assert_eq!(prepared, text, "the examples need no preparing");
        Records::new(text, &lines).map(|r| &text[r]).collect()
    }

    #[test]
    fn an_escaped_blank_line_parts_nothing() {
        let text = "DEBUG: CanonicalRequest: 'PUT\\n/b/k\\n\\nhost:h'\nERROR: S3 error: 403 (SignatureDoesNotMatch)\n";
        let (prepared, lines) = super::super::prepare::prepare_marked(text);
        assert!(prepared.contains("\n\n"), "{prepared:?}");
        assert_eq!(Records::new(&prepared, &lines).count(), 1);
    }

    #[test]
    fn line_starts_count_their_bits() {
        let mut l = LineStarts::default();
        for at in [0, 5, 63, 64, 130] {
            l.set(at);
        }
        assert_eq!(l.iter().collect::<Vec<_>>(), [0, 5, 63, 64, 130]);
        assert_eq!(l.count(0..200), 5);
        assert_eq!(l.count(1..64), 2);
        assert_eq!(l.count(63..65), 2);
        assert_eq!(l.count(131..1000), 0);
        assert!(l.contains(64) && !l.contains(65));
    }

    #[test]
    fn a_blank_line_parts_two_errors() {
        let text = "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied\n\nHTTP/1.1 409 Conflict\nx-obs-request-id: R\n\n<?xml version=\"1.0\"?><Error><Code>BucketNotEmpty</Code></Error>\n";
        assert_eq!(
            records(text),
            [
                "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied",
                "HTTP/1.1 409 Conflict\nx-obs-request-id: R\n\n<?xml version=\"1.0\"?><Error><Code>BucketNotEmpty</Code></Error>"
            ]
        );
    }

    #[test]
    fn a_head_response_takes_no_body() {
        let text = "curl -I https://b.obs/k\nHTTP/1.1 404 Not Found\nx-obs-request-id: R\n\n<Error><Code>AccessDenied</Code></Error>\n";
        assert_eq!(records(text).len(), 2);
        let text = "HTTP/1.1 404 Not Found\nContent-Length: 0\n\n{\"code\":\"X\"}\n";
        assert_eq!(records(text).len(), 2);
    }

    #[test]
    fn interim_heads_and_stack_traces_go_on() {
        let text = "HTTP/1.1 100 Continue\n\nHTTP/1.1 403 Forbidden\n\n<Error/>\n";
        assert_eq!(records(text).len(), 1);
        let text = "com.obs.services.exception.ObsException: x\n\tat a.b(C.java:1)\nCaused by: y\n\tat d\n\n\t... 3 more\n\n\tat e\n";
        assert_eq!(records(text).len(), 1);
        let text = "Traceback (most recent call last):\n  x\nE: y\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  z\n";
        assert_eq!(records(text).len(), 1);
    }
}
