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
//!
//! How [`decode_all`] reads, file by file: `input` (binary cut, lossy UTF-8)
//! and `prepare` (paste artefacts undone) make the text; `records` splits it
//! into one error each; in a record, `http` cuts one segment per transcript
//! (`head`, `request`), and `segment` reads each: a body by `html`, `xml`,
//! `json`, else `freetext`, which gathers the `fact`s of `labels` (whose
//! `spellings` it searches for), `sdk` and `needles` into errors; `operation`
//! names the operation each response answered. `coalesce` joins an error
//! told again in the next record; `mention` is the code named in passing
//! when nothing else was found. All of them fill a `response` (under the
//! names of `field`), judge values by `value`, and know the catalogue's codes
//! by `codes`, which `build.rs` writes from `data/`.

mod coalesce;
mod codes;
mod fact;
mod field;
mod freetext;
mod head;
mod html;
mod http;
mod input;
mod json;
mod labels;
mod mention;
mod needles;
mod operation;
mod prepare;
mod records;
mod request;
mod response;
mod sdk;
mod segment;
mod spellings;
pub(crate) mod value;
mod xml;

pub use http::Framing;
pub use input::binary_at;
pub(crate) use input::utf8_lossy;
pub use request::Request;
pub use response::{Body, Response};

/// The catalogue's codes as decode knows them, for the test that holds them
/// to `catalogue::lookup` (`tests/it/decode.rs`).
#[doc(hidden)]
pub use codes::{is_code as is_catalogued_code, is_key as is_catalogue_key};

/// Responses one input yields at most: the work and memory a hostile input
/// can cause stay bounded (a log of thousands of errors is for a log
/// scanner, not for `decode`).
pub const MAX_RESPONSES: usize = freetext::MAX_RECORDS;

/// Decodes pasted bytes into the response they hold: the first of
/// [`decode_all`], or an empty one (nothing recognised) when there is none.
/// Never fails.
///
/// ```
/// let r = obserr::decode(b"HTTP/1.1 404 Not Found\r\n\r\n<Error><Code>NoSuchKey</Code></Error>");
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
/// let all = obserr::decode_all(
///     b"err=\"AccessDenied: Access Denied\\n\\tstatus code: 403, request id: R1\"\n\
///       err=\"NoSuchBucket: The specified bucket does not exist\\n\\tstatus code: 404, request id: R2\"\n",
/// );
/// let got: Vec<_> = all.iter().map(|r| (r.code.as_deref(), r.status, r.request_id.as_deref())).collect();
/// assert_eq!(got, [(Some("AccessDenied"), Some(403), Some("R1")), (Some("NoSuchBucket"), Some(404), Some("R2"))]);
/// ```
#[must_use]
pub fn decode_all(bytes: &[u8]) -> Vec<Response> {
    let binary_at = binary_at(bytes);
    let (text, lines) = prepare::prepared(bytes, binary_at);
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
            segment::read(segment, &mut out);
            if out.len() >= MAX_RESPONSES {
                out.truncate(MAX_RESPONSES);
                break 'records;
            }
        }
        // One line of the input (escapes may have made it several).
        let one_line = lines.count(span.clone()) == 1;
        coalesce::coalesce(&mut out, first, one_line);
    }
    if out.is_empty() {
        out.extend(mention::named_code(&text));
    }
    for r in &mut out {
        r.binary_at = binary_at;
    }
    out
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
    let (text, lines) = prepare::prepared(bytes, binary_at(bytes));
    let spans = records::Records::new(&text, &lines).collect();
    (text, spans)
}

#[cfg(test)]
mod tests;
