//! Turns the bytes of a pasted OBS error response into a [`Response`]: no I/O,
//! no printing, no judgement (that is [`crate::diagnose`]'s job).
//!
//! The input may be `curl -i` or `curl -v` output, a bare XML, JSON or HTML
//! body, response headers alone, or an obsutil/SDK log line; `http` finds
//! the framing, then the body is read by the first reader that recognises it.
//! Invalid UTF-8 is decoded lossily. From where the input turns binary (see
//! [`binary_at`]: an object body, a corrupt paste) it is not read, which also
//! keeps megabytes of random bytes cheap. Every reader is linear in its input and
//! keeps at most [`MAX_DETAILS`] details of at most [`MAX_VALUE_BYTES`] each.
//! Values are kept as they arrived: making them safe to show is the
//! renderers' job.

mod codes;
mod freetext;
mod html;
mod http;
mod json;
mod labels;
mod operation;
mod prepare;
mod records;
mod sdk;
pub(crate) mod value;
mod xml;

pub use http::{Framing, Head, Request};

/// The catalogue's codes as decode knows them, for the test that holds them
/// to `catalogue::lookup` (`tests/it/decode.rs`).
#[doc(hidden)]
pub use codes::{is_code as is_catalogued_code, is_key as is_catalogue_key};

/// Details kept per response; more are counted in [`Response::omitted`].
pub const MAX_DETAILS: usize = 64;
/// Longest value kept; longer ones are cut (at a character boundary).
pub const MAX_VALUE_BYTES: usize = 16 * 1024;

/// What the body turned out to be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
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

/// A field every reader recognises under several names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Status,
    Reason,
    Code,
    Message,
    RequestId,
    HostId,
    Resource,
    Bucket,
    Key,
}

impl Field {
    /// The name a detail gets when a log line names it some other way.
    pub(crate) fn canonical(self) -> &'static str {
        match self {
            Field::Status => "Status",
            Field::Reason => "Reason",
            Field::Code => "Code",
            Field::Message => "Message",
            Field::RequestId => "RequestId",
            Field::HostId => "HostId",
            Field::Resource => "Resource",
            Field::Bucket => "BucketName",
            Field::Key => "Key",
        }
    }
}

/// The one alias table: every name (its letters and digits, lower case) a
/// reader may meet for a field (`Code`, `error_code`, `errorCode`, ...).
const ALIASES: &[(&str, Field)] = &[
    ("status", Field::Status),
    ("stat", Field::Status),
    ("httpstatus", Field::Status),
    ("statuscode", Field::Status),
    ("responsecode", Field::Status),
    ("httpcode", Field::Status),
    ("reason", Field::Reason),
    ("responsestatus", Field::Reason),
    ("code", Field::Code),
    ("errorcode", Field::Code),
    ("message", Field::Message),
    ("errormessage", Field::Message),
    ("errormsg", Field::Message),
    ("requestid", Field::RequestId),
    ("hostid", Field::HostId),
    ("id2", Field::HostId),
    ("resource", Field::Resource),
    ("bucket", Field::Bucket),
    ("bucketname", Field::Bucket),
    ("key", Field::Key),
    ("objectkey", Field::Key),
    ("objectname", Field::Key),
];

/// A name's letters and digits in lower case: `error_code` -> `errorcode`.
pub(crate) fn normalize(name: &str) -> String {
    // One allocation: the letters and digits kept are ASCII, so bytes will do.
    let mut out = String::with_capacity(name.len());
    out.extend(
        name.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase())),
    );
    out
}

/// The field a name (already [`normalize`]d) stands for.
pub(crate) fn field(normalized: &str) -> Option<Field> {
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == normalized)
        .map(|(_, f)| *f)
}

impl Response {
    /// Stores a field a reader found under its canonical place: `Code`,
    /// `Message`, `RequestId`, `HostId` and `Resource` (in any spelling of
    /// [`ALIASES`]) are fields, the rest details. The first value wins. Ids
    /// lose the white space a wrapped line put in them; the signing strings
    /// keep theirs, every other value has it collapsed.
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
fn cap(s: &str) -> String {
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

/// One decoded response: what the input says, nothing more.
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
    /// Details dropped beyond [`MAX_DETAILS`].
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

/// Responses one input yields at most: the work and memory a hostile input
/// can cause stay bounded (a log of thousands of errors is for a log
/// scanner, not for `decode`).
pub const MAX_RESPONSES: usize = freetext::MAX_RECORDS;

/// Decodes pasted bytes into the response they hold: the first of
/// [`decode_all`], or an empty one (nothing recognised) when there is none.
/// Never fails.
///
/// ```
/// let r = obserr::decode::decode(b"HTTP/1.1 404 Not Found\r\n\r\n<Error><Code>NoSuchKey</Code></Error>");
/// assert_eq!((r.status, r.code.as_deref()), (Some(404), Some("NoSuchKey")));
/// ```
#[must_use]
pub fn decode(bytes: &[u8]) -> Response {
    decode_all(bytes)
        .into_iter()
        .next()
        .unwrap_or_else(|| Response {
            body: Body::Unrecognised,
            binary_at: binary_at(bytes),
            ..Response::default()
        })
}

/// Decodes pasted bytes into every response or error they hold, in order:
/// each `curl` transcript (a response head with a status of its own, after
/// the `100 Continue` and redirects before it), and each error in free text
/// (an SDK's exception, a log line, a stack trace, an XML body in a
/// string). Text that holds no error gives none. Never fails.
///
/// ```
/// let all = obserr::decode::decode_all(
///     b"err=\"AccessDenied: Access Denied\\n\\tstatus code: 403, request id: R1\"\n\
///       err=\"NoSuchBucket: The specified bucket does not exist\\n\\tstatus code: 404, request id: R2\"\n",
/// );
/// let got: Vec<_> = all.iter().map(|r| (r.code.as_deref(), r.status, r.request_id.as_deref())).collect();
/// assert_eq!(got, [(Some("AccessDenied"), Some(403), Some("R1")), (Some("NoSuchBucket"), Some(404), Some("R2"))]);
/// ```
#[must_use]
pub fn decode_all(bytes: &[u8]) -> Vec<Response> {
    let binary_at = binary_at(bytes);
    let (text, lines) = prepared(bytes, binary_at);
    let mut out = Vec::new();
    'records: for span in records::Records::new(&text, &lines) {
        let record = &text[span.clone()];
        // Nothing a reader could take (no label, SDK string, shape, head or
        // document): skipped at the cost of one look, as a hostile text of
        // millions of one-word paragraphs would otherwise cost a reading each.
        if !freetext::may_hold_fact(record) && !record.contains(['<', '{']) {
            continue;
        }
        let first = out.len();
        for segment in http::segments(record) {
            let transcript = http::split(segment);
            let at = out.len();
            if transcript.framing == Framing::Bare {
                bare(segment, &mut out);
            } else {
                let response = framed(transcript);
                // Header-shaped lines that name nothing of a response (the
                // canonical headers of a logged signing string) are none.
                let void = response.framing == Framing::Headers
                    && response.is_empty()
                    && response.request_id.is_none()
                    && response.host_id.is_none();
                if !void {
                    out.push(response);
                }
            }
            name_operations(segment, &mut out[at..]);
            if out.len() >= MAX_RESPONSES {
                out.truncate(MAX_RESPONSES);
                break 'records;
            }
        }
        // One line of the input (escapes may have made it several).
        let one_line = lines.count(span.clone()) == 1;
        coalesce(&mut out, first, one_line);
    }
    if out.is_empty() {
        out.extend(named_code(&text));
    }
    for r in &mut out {
        r.binary_at = binary_at;
    }
    out
}

/// The operation of each response of one segment: its captured request's,
/// else the one operation the segment's text names.
fn name_operations(segment: &str, responses: &mut [Response]) {
    let mut named = None;
    for r in responses {
        r.operation = r
            .request
            .as_ref()
            .and_then(|q| operation::from_request(&q.method, &q.target, q.header("host")))
            .or_else(|| *named.get_or_insert_with(|| operation::named(segment)));
    }
}

/// Records are read apart; the first response of a record that starts at
/// `first` is the last one before it told again when both carry the same
/// request id (an SDK's exception and the body it quotes, pasted apart; the
/// same JSON error logged twice), or when it is one line that names the code
/// or status of an identified response and nothing more (a tool's closing
/// message under its debug log). Then it fills what the earlier one lacks
/// and is not kept.
/// Without an id two alike errors stay two: nothing tells one failure told
/// twice from two failures.
fn coalesce(out: &mut Vec<Response>, first: usize, one_line: bool) {
    if first == 0 || first >= out.len() {
        return;
    }
    let (before, after) = out.split_at_mut(first);
    let (prev, next) = (&mut before[first - 1], &after[0]);
    let same_id = prev.request_id.is_some() && prev.request_id == next.request_id;
    // A tool's closing message after its debug log (aws-cli's `An error
    // occurred (NoSuchKey) ...` under the logged response): the code alone
    // again, nothing that could tell another response.
    let retold = one_line
        && prev.request_id.is_some()
        && (prev.code.is_some() || prev.status.is_some())
        && (next.code == prev.code || next.code.is_none())
        && (next.status == prev.status || next.status.is_none())
        && (next.code.is_some() || next.status.is_some())
        && next.request_id.is_none()
        && next.host_id.is_none();
    if !(same_id || retold) {
        return;
    }
    let agree = |a: &Option<String>, b: &Option<String>| a.is_none() || b.is_none() || a == b;
    if !(agree(&prev.code, &next.code)
        && (prev.status.is_none() || next.status.is_none() || prev.status == next.status))
    {
        return;
    }
    let next = out.remove(first);
    let prev = &mut out[first - 1];
    if prev.framing == Framing::Bare && next.framing != Framing::Bare {
        // The framed mention knows more (headers, the request): it leads.
        let earlier = std::mem::replace(prev, next);
        freetext::absorb(prev, earlier);
    } else {
        freetext::absorb(prev, next);
    }
}

/// Whether a line may name an error as decode reads lines: the gate of its
/// free-text readers (`scan` asks it of every line that is not an access-log
/// line, then decodes those that pass).
#[must_use]
pub fn may_hold_error(line: &[u8]) -> bool {
    freetext::may_hold_fact(&utf8_lossy(line))
}

/// The text `decode_all` reads (lossy UTF-8, binary cut, paste artefacts
/// undone) and the byte ranges of its records in it: for the fuzz target of
/// the record splitter, which checks the ranges' invariants.
#[doc(hidden)]
#[must_use]
pub fn record_spans(bytes: &[u8]) -> (String, Vec<std::ops::Range<usize>>) {
    let (text, lines) = prepared(bytes, binary_at(bytes));
    let spans = records::Records::new(&text, &lines).collect();
    (text, spans)
}

/// The text the readers see: the bytes up to where they turn binary, as
/// UTF-8 (lossily), without a BOM, paste artefacts undone; and where the
/// input's own lines start in it. The lossy copy (when the bytes were not
/// UTF-8) is freed once prepared: at most two copies are alive at once.
fn prepared(bytes: &[u8], binary_at: Option<usize>) -> (String, records::LineStarts) {
    let text = lossy(&bytes[..binary_at.unwrap_or(bytes.len())]);
    prepare::prepare_marked(text.strip_prefix('\u{feff}').unwrap_or(&text))
}

/// Text with no error in any shape may still name a catalogued code in
/// passing (`the upload fails with NoSuchUpload`): what `explain` would
/// resolve, `decode` resolves too. Only a code written as the catalogue
/// writes it counts (not `Error` or `forbidden` in prose).
fn named_code(text: &str) -> Option<Response> {
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

/// The response of one HTTP transcript: its head, and its body read whole.
fn framed(transcript: http::Transcript) -> Response {
    let mut found = Response::default();
    let mut page = html::Page::default();
    let body = read_body(&transcript.body, &mut found, &mut page);
    let mut response = Response {
        framing: transcript.framing,
        body,
        head: transcript.head,
        earlier: transcript.earlier,
        responses: transcript.responses,
        request: transcript.request,
        ..Response::default()
    };
    if body == Body::ProxyPage {
        response.proxy = page
            .server
            .clone()
            .or_else(|| response.header("server").map(str::to_string));
    }
    merge(&mut response, found, page);
    response
}

/// The responses in text without HTTP framing: a whole HTML page or JSON
/// body is one; free text holds as many as [`freetext`] finds.
fn bare(text: &str, out: &mut Vec<Response>) {
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let whole = (trimmed.starts_with('<') && html::is_html(trimmed))
        || (trimmed.starts_with('{') && json::read(trimmed, &mut Response::default()));
    if whole {
        let mut found = Response::default();
        let mut page = html::Page::default();
        let body = read_body(trimmed, &mut found, &mut page);
        let mut response = Response {
            body,
            ..Response::default()
        };
        if body == Body::ProxyPage {
            response.proxy.clone_from(&page.server);
        }
        merge(&mut response, found, page);
        out.push(response);
        return;
    }
    for record in freetext::read(text).records {
        // Names alone (`'Bucket': 'b'` in a debug log's parameters, parted
        // from the response by a logged request) are no error.
        let f = &record.found;
        if f.is_empty() && f.request_id.is_none() && f.host_id.is_none() && !f.details.is_empty() {
            continue;
        }
        let mut response = Response {
            body: if record.xml { Body::Xml } else { Body::LogLine },
            ..Response::default()
        };
        merge(&mut response, record.found, html::Page::default());
        out.push(response);
    }
}

/// `bytes` as text. Each run of non-ASCII bytes that is not valid UTF-8
/// becomes one U+FFFD. One per invalid byte, as `String::from_utf8_lossy`
/// writes, adds nothing a reader can use, and on megabytes of random high
/// bytes costs over a hundred milliseconds of mispredicted branches. Valid
/// characters are never split: all bytes of a multi-byte character are
/// non-ASCII, so a run holds whole characters or none.
fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.into();
    }
    let mut text = String::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            text.push(char::from(b));
            i += 1;
            continue;
        }
        let end = bytes[i..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |n| i + n);
        let run = &bytes[i..end];
        // Only 0xC2..=0xF4 lead a character of two or more bytes: in random
        // bytes most runs fail this, and skip the full check.
        match Some(run)
            .filter(|r| r.len() >= 2 && matches!(r[0], 0xc2..=0xf4))
            .and_then(|r| std::str::from_utf8(r).ok())
        {
            Some(valid) => text.push_str(valid),
            None => text.push('\u{fffd}'),
        }
        i = end;
    }
    text.into()
}

/// Bytes of at most this many are looked at together by [`binary_at`].
const BLOCK: usize = 4096;
/// A block with this many (one in sixteen) binary control bytes is binary.
const BINARY_CONTROLS: usize = BLOCK / 16;

/// Where the input stops being text: the first NUL, or the first control byte
/// of a block dense with the control bytes text never holds (those `file(1)`
/// counts as binary; not tab, line breaks, ESC or DEL). No text encoding
/// obserr may meet (UTF-8, Latin-1, GBK) puts them there; random bytes and
/// compressed or image data have one in ten. Reading on would turn binary
/// data into a U+FFFD per byte for nothing. A few stray controls, as an
/// escape-injection attempt carries, stay text: they are shown escaped.
#[must_use]
pub fn binary_at(bytes: &[u8]) -> Option<usize> {
    let is_binary_control = |b: u8| matches!(b, 0..=8 | 0x0e..=0x1a | 0x1c..=0x1f);
    let nul = memchr::memchr(0, bytes);
    let searched = &bytes[..nul.unwrap_or(bytes.len())];
    let dense = searched.chunks(BLOCK).enumerate().find_map(|(i, block)| {
        // u16 lanes: LLVM vectorises this; a block has at most 4096 of them.
        let controls = block
            .iter()
            .fold(0u16, |n, &b| n + u16::from(is_binary_control(b)));
        (usize::from(controls) >= BINARY_CONTROLS).then(|| {
            i * BLOCK
                + block
                    .iter()
                    .position(|&b| is_binary_control(b))
                    .unwrap_or(0)
        })
    });
    dense.or(nul)
}

/// Reads the body of one response with the first reader that recognises it:
/// an HTML page, an XML or JSON body, else the errors [`freetext`] finds in it
/// (an SDK exception message with the XML body in it, a log line), taken
/// together.
fn read_body(body: &str, found: &mut Response, page: &mut html::Page) -> Body {
    let body = body.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if body.is_empty() {
        return Body::Empty;
    }
    if body.starts_with('<') && html::is_html(body) {
        *page = html::read(body, found);
        return if found.code.is_some() {
            Body::Html
        } else {
            Body::ProxyPage
        };
    }
    if body.starts_with('<') && xml::read(body, found) {
        return Body::Xml;
    }
    *found = Response::default();
    if body.starts_with('{') && json::read(body, found) {
        return Body::Json;
    }
    *found = Response::default();
    let mut kind = Body::Unrecognised;
    for record in freetext::read(body).records {
        kind = if kind == Body::Xml || record.xml {
            Body::Xml
        } else {
            Body::LogLine
        };
        freetext::absorb(found, record.found);
    }
    if kind == Body::Unrecognised {
        if let Some(at) = find(body, "{\"").filter(|&at| at > 0) {
            if json::read(&body[at..], found) {
                return Body::Json;
            }
        }
        *found = Response::default();
    }
    kind
}

/// [`String::from_utf8_lossy`], with the standard library's faster check of
/// valid UTF-8 first: the lossy conversion walks its input a byte at a time
/// even when nothing needs replacing.
pub(crate) fn utf8_lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// `haystack.find(needle)`, with memchr's SIMD search: these scans run over
/// the whole input, up to 8 MiB of it.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes())
}

/// `text.split_inclusive('\n')`, with memchr's search for the line feed: the
/// standard library's character searcher costs about two hundred
/// instructions a line, and decode goes over the lines of its input several
/// times (`inclusive_lines_agree_with_split_inclusive` pins the equivalence).
pub(crate) fn split_inclusive_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

/// Fills the response from the body's fields, then from the headers where
/// the body said nothing (a HEAD response has only headers).
fn merge(r: &mut Response, found: Response, page: html::Page) {
    let header = |names: &[&str]| -> Option<String> {
        names
            .iter()
            .find_map(|n| r.header(n))
            .map(|v| cap(v.trim()))
            .filter(|v| !v.is_empty())
    };
    let code = header(&["x-obs-error-code", "x-amz-error-code"]);
    let message = header(&["x-obs-error-message", "x-amz-error-message"]);
    let request_id = header(&["x-obs-request-id", "x-amz-request-id"]);
    let host_id = header(&["x-obs-id-2", "x-amz-id-2"]);
    let indicator = header(&["x-reserved-indicator"]);
    let head_status = r.head.as_ref().and_then(|h| h.status);
    let head_reason = r
        .head
        .as_ref()
        .map(|h| cap(&h.reason))
        .filter(|s| !s.is_empty());
    let (page_status, page_reason) = match page.status {
        Some((s, reason)) => (Some(s), Some(reason).filter(|r| !r.is_empty())),
        None => (None, None),
    };
    r.status = head_status.or(found.status).or(page_status);
    r.reason = if head_status.is_some() {
        head_reason
    } else if found.status.is_some() {
        found.reason
    } else {
        page_reason
    };
    r.code = found.code.or(code);
    r.message = found.message.or(message);
    r.request_id = found.request_id.or(request_id);
    r.host_id = found.host_id.or(host_id);
    r.resource = found.resource;
    r.reserved_indicator = indicator;
    r.details = found.details;
    r.omitted = found.omitted;
    r.truncated = found.truncated;
    r.no_response = found.no_response;
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
    fn head_responses_take_everything_from_headers() {
        let r = decode(b"HTTP/1.1 404 Not Found\r\nServer: OBS\r\nx-obs-error-code: NoSuchKey\r\nx-obs-error-message: The specified key does not exist.\r\nx-obs-request-id: R\r\nx-obs-id-2: H\r\nx-reserved-indicator: I\r\nContent-Length: 0\r\n\r\n");
        assert_eq!(r.framing, Framing::Include);
        assert_eq!(r.body, Body::Empty);
        assert_eq!(
            (r.status, r.reason.as_deref()),
            (Some(404), Some("Not Found"))
        );
        assert_eq!(r.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            r.message.as_deref(),
            Some("The specified key does not exist.")
        );
        assert_eq!(r.request_id.as_deref(), Some("R"));
        assert_eq!(r.host_id.as_deref(), Some("H"));
        assert_eq!(r.reserved_indicator.as_deref(), Some("I"));
    }

    #[test]
    fn the_body_wins_over_headers_and_amz_headers_count() {
        let r = decode(b"HTTP/2 403\r\nx-amz-request-id: HR\r\nx-amz-id-2: HH\r\n\r\n<Error><Code>AccessDenied</Code><RequestId>BR</RequestId></Error>");
        assert_eq!(r.code.as_deref(), Some("AccessDenied"));
        assert_eq!(r.request_id.as_deref(), Some("BR"));
        assert_eq!(r.host_id.as_deref(), Some("HH"));
        assert_eq!(r.reason, None);
    }

    #[test]
    fn proxy_pages_and_website_pages() {
        let r = decode(b"HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
        assert_eq!(r.body, Body::ProxyPage);
        assert_eq!(r.proxy.as_deref(), Some("nginx"));
        let r = decode(b"<html><head><title>404 Not Found</title></head><body><ul><li>Code: NoSuchKey</li></ul></body></html>");
        assert_eq!(r.body, Body::Html);
        assert_eq!(
            (r.status, r.code.as_deref()),
            (Some(404), Some("NoSuchKey"))
        );
    }

    #[test]
    fn invalid_utf8_and_junk() {
        let r = decode(b"\xff\xfe<Error><Code>No\xffSuchKey</Code></Error>");
        assert_eq!(r.code.as_deref(), Some("No\u{fffd}SuchKey"));
        let r = decode(b"<Error><Code>No\xffKey</Code></Error>");
        assert_eq!(r.code.as_deref(), Some("No\u{fffd}Key"));
        let r = decode(b"<Error><Code>No\xff\xfe\xc3Key\xe2\x82</Code></Error>");
        assert_eq!(r.code.as_deref(), Some("No\u{fffd}Key\u{fffd}"));
        // Valid characters around the invalid run stay when ASCII parts them.
        let mut bytes = "<Error><Message>für \u{9519}\u{8bef} x\u{fffd}</Message></Error>"
            .as_bytes()
            .to_vec();
        bytes.push(0xff);
        let r = decode(&bytes);
        assert_eq!(r.message.as_deref(), Some("für 错误 x\u{fffd}"));
        let r = decode(b"just some text");
        assert!(r.is_empty());
        assert_eq!(r.body, Body::Unrecognised);
    }

    proptest::proptest! {
        #[test]
        fn lossy_keeps_every_ascii_byte_and_all_valid_text(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512),
            text in ".{0,64}",
        ) {
            let out = lossy(&bytes);
            let ascii = |b: &[u8]| b.iter().copied().filter(u8::is_ascii).collect::<Vec<u8>>();
            proptest::prop_assert_eq!(ascii(&bytes), ascii(out.as_bytes()));
            proptest::prop_assert!(out.len() <= bytes.len().max(1) * 3);
            proptest::prop_assert_eq!(lossy(text.as_bytes()), text.as_str());
        }
    }

    proptest::proptest! {
        #[test]
        fn normalize_keeps_ascii_letters_and_digits_lower_cased(name in "[a-zA-Z0-9_ .:\u{e9}\u{130}\u{212a}-]{0,24}") {
            let chars: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
            proptest::prop_assert_eq!(normalize(&name), chars.to_ascii_lowercase());
        }

        #[test]
        fn inclusive_lines_agree_with_split_inclusive(text in "[a\\n\\r\u{e9}]{0,40}") {
            let ours: Vec<&str> = split_inclusive_lines(&text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn binary_data_is_not_read() {
        let r = decode(b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0\x00\x10JFIF<Error><Code>NoSuchKey</Code></Error>");
        assert_eq!(r.status, Some(200));
        assert_eq!(r.binary_at, Some(49));
        assert_eq!(r.code, None);
        let r = decode(b"<Error><Code>NoSuchKey</Code></Error>");
        assert_eq!(r.binary_at, None);
    }

    #[test]
    fn binary_starts_at_a_nul_or_in_a_block_dense_with_controls() {
        let mut text = b"HTTP/1.1 200 OK\r\n\tx\x1b[31m\x07\x7f\r\n\r\n".repeat(300);
        assert_eq!(binary_at(&text), None, "stray controls are text");
        let at = text.len();
        text.extend((1u8..=255).cycle().take(10_000));
        let found = binary_at(&text).unwrap();
        assert!(found <= at + 1, "{found} vs {at}");
        assert!(found + BLOCK > at, "{found} vs {at}");
        assert_eq!(binary_at(b"abc\0def\x01"), Some(3));
        let multibyte = "错误码 [NoSuchKey] ".as_bytes().repeat(1000);
        assert_eq!(binary_at(&multibyte), None);
    }

    #[test]
    fn sdk_exceptions_with_embedded_xml() {
        let r = decode(b"com.obs.services.exception.ObsException: Error message:Request Error.OBS servcie Error Message. -- ResponseCode: 403, ResponseStatus: Forbidden, XML Error Message: <?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R</RequestId></Error>");
        assert_eq!(r.code.as_deref(), Some("AccessDenied"));
        assert_eq!(r.status, Some(403));
    }

    #[test]
    fn several_responses_in_order_and_a_code_named_in_passing() {
        let two = b"HTTP/1.1 404 Not Found\r\n\r\n<Error><Code>NoSuchKey</Code></Error>\nHTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>AccessDenied</Code></Error>\n";
        let all = decode_all(two);
        let codes: Vec<_> = all.iter().map(|r| (r.status, r.code.as_deref())).collect();
        assert_eq!(
            codes,
            [
                (Some(404), Some("NoSuchKey")),
                (Some(403), Some("AccessDenied"))
            ]
        );
        let all = decode_all(b"the multipart upload keeps failing with NoSuchUpload, why?");
        assert_eq!(all[0].code.as_deref(), Some("NoSuchUpload"));
        assert!(decode_all(b"Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\nValueError: bad value\n").is_empty());
    }

    /// aws --debug (tests/fixtures/clients/aws-cli): the parameters logged
    /// before a request name a bucket and key, and each logged request
    /// starts a response of its own (a retry is another response).
    #[test]
    fn a_debug_log_gives_one_response_per_logged_request() {
        let log = b"params: {'Bucket': 'b', 'Key': 'k'}\n\
            DEBUG - http://h:1 \"GET /b/k HTTP/1.1\" 503 284\n\
            <Error><Code>SlowDown</Code><RequestId>R1</RequestId></Error>\n\
            DEBUG - http://h:1 \"GET /b/k HTTP/1.1\" 503 284\n\
            <Error><Code>SlowDown</Code><RequestId>R2</RequestId></Error>\n\
            An error occurred (SlowDown) when calling the GetObject operation (reached max retries: 1): x\n";
        let all = decode_all(log);
        let got: Vec<_> = all
            .iter()
            .map(|r| {
                (
                    r.status,
                    r.code.as_deref(),
                    r.request_id.as_deref(),
                    r.operation,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(503), Some("SlowDown"), Some("R1"), Some("GetObject")),
                (Some(503), Some("SlowDown"), Some("R2"), Some("GetObject"))
            ]
        );
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
