//! Reads free text (a log, a stack trace, an issue comment) for errors: the
//! XML error bodies in it, and on every other line the labelled fields
//! ([`super::labels`]) and the SDKs' own shapes ([`super::sdk`],
//! [`super::needles`]). What they find are [`Fact`]s in the order of the
//! text; [`Grouper`] turns them into [`FactGroup`]s, one per error.
//!
//! Grouping: a fact for a field the current error already has (a second
//! status, code, request id or host id) starts a new error. An error that
//! follows another and contradicts none of its fields is the same one told
//! again (a log line and the exception wrapping it, a truncated body and then
//! the whole one) and is merged into it, unless a boundary parts them or
//! either is an error of its own (the OBS C SDK's one line per call). Fields
//! are never taken from one error into another that contradicts it.
//!
//! Linear: every search keeps its place ([`NextOf`]), each line is read once,
//! and at most [`MAX_RECORDS`] errors are kept.

use super::fact::{Fact, FactKind};
use super::input::{find, split_inclusive_lines};
use super::response::{absorb, Response};
use super::{labels, needles, sdk, spellings, xml};

/// Errors kept from one text; the rest are left out.
pub const MAX_RECORDS: usize = 1000;
/// Longer lines are read up to here (a line of a log is far shorter).
const MAX_LINE: usize = 64 * 1024;

/// One error read from the text.
#[derive(Debug, Default)]
pub struct FactGroup {
    /// Its fields (`no_response` too), as [`super::segment`] merges them.
    pub found: Response,
    /// An XML body was part of it.
    pub xml: bool,
    standalone: bool,
    /// A boundary came right before it.
    boundary: bool,
    facts: usize,
}

impl FactGroup {
    /// Whether `kind` sets a field this error already has (to another value).
    fn has(&self, kind: &FactKind) -> bool {
        let f = &self.found;
        match kind {
            FactKind::Status(_) => f.status.is_some() || self.found.no_response.is_some(),
            FactKind::Code(_) => f.code.is_some(),
            // The same id again (`x-amz-request-id` and its `x-obs-` twin)
            // is the same response.
            FactKind::RequestId(id) => f.request_id.as_ref().is_some_and(|r| r != id.trim()),
            FactKind::HostId(id) => f.host_id.as_ref().is_some_and(|h| h != id.trim()),
            FactKind::NoResponse(_) => self.found.no_response.is_some() || f.status.is_some(),
            FactKind::Xml(x) => {
                (x.code.is_some() && f.code.is_some())
                    || (x.request_id.is_some() && f.request_id.is_some())
                    || (x.host_id.is_some() && f.host_id.is_some())
            }
            _ => false,
        }
    }

    fn apply(&mut self, kind: FactKind) {
        self.facts += 1;
        let f = &mut self.found;
        match kind {
            FactKind::Status(s) | FactKind::ReasonStatus(s) => {
                f.status.get_or_insert(s);
            }
            FactKind::Reason(r) => {
                f.reason.get_or_insert(r);
            }
            FactKind::Code(c) => {
                f.code.get_or_insert(c);
            }
            FactKind::Message(m) => f.put("Message", &m),
            FactKind::Detail(name, value) => f.put(&name, &value),
            FactKind::RequestId(id) => {
                f.request_id.get_or_insert(id);
            }
            FactKind::HostId(id) => {
                f.host_id.get_or_insert(id);
            }
            FactKind::NoResponse(e) => {
                f.no_response.get_or_insert(e);
            }
            FactKind::Xml(x) => {
                self.xml = true;
                absorb(f, *x);
            }
            FactKind::Marker | FactKind::Boundary | FactKind::Standalone(_) => {}
        }
    }

    /// Whether `other` can be the same error told again.
    fn agrees(&self, other: &FactGroup) -> bool {
        fn same<T: PartialEq>(a: Option<&T>, b: Option<&T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        let (a, b) = (&self.found, &other.found);
        same(a.code.as_ref(), b.code.as_ref())
            && same(a.status.as_ref(), b.status.as_ref())
            && same(a.request_id.as_ref(), b.request_id.as_ref())
            && same(a.host_id.as_ref(), b.host_id.as_ref())
            && !(self.found.no_response.is_some() && b.status.is_some())
            && !(other.found.no_response.is_some() && a.status.is_some())
    }
}

/// Turns facts, in the order of the text, into errors.
#[derive(Debug, Default)]
pub struct Grouper {
    records: Vec<FactGroup>,
    current: FactGroup,
    boundary_next: bool,
}

impl Grouper {
    pub fn push(&mut self, kind: FactKind) {
        match kind {
            FactKind::Boundary => {
                self.finish();
                self.boundary_next = true;
            }
            FactKind::Standalone(code) => {
                self.finish();
                self.current.standalone = true;
                self.current.found.code = code;
                self.current.facts = 1;
                self.finish();
            }
            kind => {
                if self.current.has(&kind) {
                    self.finish();
                }
                if self.current.facts == 0 {
                    self.current.boundary = std::mem::take(&mut self.boundary_next);
                }
                self.current.apply(kind);
            }
        }
    }

    fn finish(&mut self) {
        let record = std::mem::take(&mut self.current);
        if record.facts == 0 {
            return;
        }
        if let Some(last) = self.records.last_mut()
            && !last.standalone
            && !record.standalone
            && !record.boundary
            && last.agrees(&record)
        {
            last.xml |= record.xml;
            absorb(&mut last.found, record.found);
            return;
        }
        if self.records.len() < MAX_RECORDS {
            self.records.push(record);
        }
    }

    pub fn done(mut self) -> Scan {
        self.finish();
        Scan {
            records: self.records,
        }
    }
}

/// The errors in a text, at most [`MAX_RECORDS`] of them.
#[derive(Debug, Default)]
pub struct Scan {
    pub records: Vec<FactGroup>,
}

/// What [`NextOf`] knows of its needle's next place.
#[derive(Clone, Copy)]
enum NeedleAt {
    NotSearched,
    At(usize),
    NoneLeft,
}

/// The next place of a needle at or after a position, searched once per
/// occurrence however often it is asked.
struct NextOf {
    needle: &'static str,
    next: NeedleAt,
}

impl NextOf {
    fn new(needle: &'static str) -> NextOf {
        NextOf {
            needle,
            next: NeedleAt::NotSearched,
        }
    }
    fn from(&mut self, text: &str, pos: usize) -> Option<usize> {
        match self.next {
            NeedleAt::At(at) if at >= pos => return Some(at),
            NeedleAt::NoneLeft => return None,
            _ => {}
        }
        let found = find(&text[pos..], self.needle).map(|i| pos + i);
        self.next = found.map_or(NeedleAt::NoneLeft, NeedleAt::At);
        found
    }
}

/// Reads every error in `text`.
pub fn read(text: &str) -> Scan {
    let mut g = Grouper::default();
    let mut starts = [
        NextOf::new("<?xml"),
        NextOf::new("<Error"),
        NextOf::new("<Code>"),
    ];
    let mut error_end = NextOf::new("</Error>");
    let mut response_end = NextOf::new("</ErrorResponse>");
    let mut truncated = NextOf::new("(truncated");
    let mut facts = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let next = starts.iter_mut().filter_map(|s| s.from(text, pos)).min();
        let stop = next.unwrap_or(text.len());
        read_lines(&text[pos..stop], pos, &mut g, &mut facts);
        let Some(start) = next else { break };
        let mut head_end = text.len().min(start + 256);
        while !text.is_char_boundary(head_end) {
            head_end -= 1;
        }
        let head = &text[start..head_end];
        let wrapper = find(head, "<ErrorResponse").is_some();
        let closing = if wrapper {
            response_end
                .from(text, start)
                .map(|e| e + "</ErrorResponse>".len())
        } else {
            error_end.from(text, start).map(|e| e + "</Error>".len())
        };
        // A document cut short ends where the next one starts.
        let following = starts[0].from(text, start + 1);
        let mut end = match (closing, following) {
            (Some(c), Some(f)) if f < c && !wrapper => f,
            (Some(c), _) => c,
            (None, Some(f)) => f,
            (None, None) => text.len(),
        };
        if let Some(t) = truncated.from(text, start).filter(|&t| t < end) {
            end = t;
        }
        let mut found = Response::default();
        if xml::read(&text[start..end], &mut found) {
            g.push(FactKind::Xml(Box::new(found)));
        }
        pos = end.max(start + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    g.done()
}

fn read_lines(chunk: &str, base: usize, g: &mut Grouper, facts: &mut Vec<Fact>) {
    // White space holds no fact, and building the automata below costs tens
    // of millions of instructions once per run: a bare XML body (the text
    // around its document is empty or a line break) never needs them.
    if chunk.trim().is_empty() {
        return;
    }
    // The automata run over the chunk once (a call per line would cost more
    // than the search); each line takes the hits that end in it.
    let mut label_hits = spellings::hits(chunk).peekable();
    let mut needle_hits = needles::hits(chunk).peekable();
    let (mut line_labels, mut line_needles) = (Vec::new(), Vec::new());
    let mut repeats: Vec<bool> = Vec::new();
    let mut offset = 0;
    for raw in split_inclusive_lines(chunk) {
        let at = offset;
        offset += raw.len();
        let mut line = raw.trim_end_matches(['\n', '\r']);
        if line.len() > MAX_LINE {
            let mut end = MAX_LINE;
            while !line.is_char_boundary(end) {
                end -= 1;
            }
            line = &line[..end];
        }
        let end = at + line.len();
        line_labels.clear();
        line_needles.clear();
        while let Some(&(s, e, p)) = label_hits.peek() {
            if s >= offset {
                break;
            }
            if e <= end {
                line_labels.push((s - at, e - at, p));
            }
            label_hits.next();
        }
        while let Some(&(s, e, p)) = needle_hits.peek() {
            if e > offset {
                break;
            }
            if e <= end && s >= at {
                line_needles.push((s - at, e - at, p));
            }
            needle_hits.next();
        }
        if line_labels.is_empty() && line_needles.is_empty() && !maybe_shapes(line) {
            continue;
        }
        facts.clear();
        labels::read_with(line, base + at, facts, &line_labels);
        sdk::read_with(line, base + at, facts, &line_needles);
        facts.sort_by_key(|f| f.at);
        // A line's fields stay together: when one of them is a field the
        // current error has already, the whole line starts the next error,
        // so that a status before the code on the same line (`Status=403
        // Forbidden, Code=AccessDenied`) is not left on the error before.
        if facts.iter().any(|f| g.current.has(&f.kind)) {
            g.finish();
        }
        // Two readers may find the same field of the line (`Status=403
        // Forbidden` is a label and a status phrase, a few bytes apart): once
        // is enough, or the second would start another error that then merges
        // backwards. Far apart, the same value is another error's (a line
        // that holds four).
        repeats.clear();
        for (i, fact) in facts.iter().enumerate() {
            let repeat = facts[..i]
                .iter()
                .zip(repeats.iter())
                .rev()
                .take_while(|(earlier, _)| fact.at - earlier.at < 32)
                .any(|(earlier, &dropped)| !dropped && same_field(&earlier.kind, &fact.kind));
            repeats.push(repeat);
        }
        for (fact, &repeat) in facts.drain(..).zip(repeats.iter()) {
            if !repeat {
                g.push(fact.kind);
            }
        }
    }
}

/// Whether two facts name the same field with the same value.
fn same_field(a: &FactKind, b: &FactKind) -> bool {
    match (a, b) {
        (
            FactKind::Status(x) | FactKind::ReasonStatus(x),
            FactKind::Status(y) | FactKind::ReasonStatus(y),
        ) => x == y,
        (FactKind::Code(x), FactKind::Code(y))
        | (FactKind::RequestId(x), FactKind::RequestId(y))
        | (FactKind::HostId(x), FactKind::HostId(y)) => x == y,
        _ => false,
    }
}

/// Whether decode's free-text readers may find a fact in `line`: a label, an
/// SDK's fixed string, or a shape without either. The one gate both decode
/// (per line, in [`read_lines`]) and `scan` (per log line) go through, so
/// that scan reads every shape decode reads.
#[must_use]
pub fn may_hold_fact(line: &str) -> bool {
    maybe_shapes(line)
        || needles::hits(line).next().is_some()
        || spellings::hits(line).next().is_some()
}

/// Whether a line without labels or fixed strings may still hold a shape
/// (`Code: message`, `(403)`, `[Code]`, `403 Forbidden`): it has a `:`, a
/// bracket or a digit; or it is short and capitalised, as a reason phrase
/// alone on its line is (`Forbidden`: s3fs's `str()` of its error).
fn maybe_shapes(line: &str) -> bool {
    (line.len() <= 40
        && line
            .trim_start()
            .starts_with(|c: char| c.is_ascii_uppercase()))
        || line
            .bytes()
            .any(|b| matches!(b, b':' | b'(' | b'[' | b'0'..=b'9'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(Option<String>, Option<u16>, Option<String>)> {
        read(text)
            .records
            .into_iter()
            .map(|r| (r.found.code, r.found.status, r.found.request_id))
            .collect()
    }

    #[test]
    fn one_error_told_twice_is_one() {
        let text = "x: AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: R1), S3 Extended Request ID: H\nServletException: AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: R1), S3 Extended Request ID: H\n";
        assert_eq!(
            fields(text),
            [(Some("AccessDenied".into()), Some(403), Some("R1".into()))]
        );
    }

    /// rclone --dump headers (tests/fixtures/clients/rclone): a request id
    /// and its `x-obs-` twin are one response; the next status line another.
    #[test]
    fn an_id_and_its_twin_are_one_response() {
        let text = "HTTP/1.1 404 Not Found\nX-Amz-Id-2: H1\nX-Amz-Request-Id: R1\nX-Obs-Id-2: H1\nX-Obs-Request-Id: R1\n\nHTTP/1.1 200 OK\nX-Amz-Request-Id: R2\nX-Obs-Request-Id: R2\n";
        assert_eq!(
            fields(text),
            [
                (None, Some(404), Some("R1".into())),
                (None, Some(200), Some("R2".into()))
            ]
        );
    }

    /// s3fs's `str()` of a PermissionError (tests/fixtures/clients/s3fs).
    #[test]
    fn a_reason_phrase_alone_is_a_status() {
        assert_eq!(fields("Forbidden\n"), [(None, Some(403), None)]);
        assert_eq!(fields("Everything went fine\n"), []);
    }

    #[test]
    fn errors_that_contradict_each_other_are_several() {
        let text = "err=\"AccessDenied: Access Denied\n\tstatus code: 403, request id: R1, host id: H1\"\nerr=\"AccessDenied: Access Denied\n\tstatus code: 403, request id: R2, host id: H2\"\n";
        assert_eq!(
            fields(text),
            [
                (Some("AccessDenied".into()), Some(403), Some("R1".into())),
                (Some("AccessDenied".into()), Some(403), Some("R2".into()))
            ]
        );
    }

    #[test]
    fn xml_fragments_truncated_and_whole() {
        let text = "<?xml?>\n<Error><Code>AccessDenied</Code><RequestId>E5 (truncated...)\n AccessDenied (client): Access Denied - <?xml?>\n<Error><Code>AccessDenied</Code><RequestId>E5EA</RequestId></Error>";
        assert_eq!(
            fields(text),
            [(Some("AccessDenied".into()), None, Some("E5EA".into()))]
        );
    }

    #[test]
    fn many_errors_are_bounded() {
        let text = (0..MAX_RECORDS + 10)
            .map(|i| format!("request id: R{i}\n"))
            .collect::<String>();
        let scan = read(&text);
        assert_eq!(scan.records.len(), MAX_RECORDS);
    }
}
#[cfg(test)]
mod one_line_one_error {
    /// A field two readers both find on one line (`Status=403 Forbidden`)
    /// is one field: it never lands on the error of the line before.
    #[test]
    fn a_line_found_twice_stays_its_own() {
        let s = super::read("SlowDown: x\nStatus=403 Forbidden, Code=AccessDenied\n");
        let got: Vec<_> = s
            .records
            .iter()
            .map(|r| (r.found.code.as_deref(), r.found.status))
            .collect();
        assert_eq!(
            got,
            [(Some("SlowDown"), None), (Some("AccessDenied"), Some(403))]
        );
    }
}
