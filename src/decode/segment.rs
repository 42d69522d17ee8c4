//! One segment of a record (an HTTP transcript, or text without framing)
//! read into responses: a transcript's head with its body read whole by the
//! first reader that recognises it (HTML, XML, JSON, else free text), the
//! headers filling what the body did not say; bare text as one whole body or
//! as the errors [`freetext`] finds in it. Then the operation each response
//! answered.

use super::http::{self, Framing, Transcript};
use super::input::find;
use super::response::{absorb, cap, Body, Response};
use super::{freetext, html, json, operation, xml};

/// Reads one segment of a record (see [`http::segments`]) into `out`: the
/// response of its transcript, or the responses of its bare text; each with
/// the operation it answered.
pub fn read(segment: &str, out: &mut Vec<Response>) {
    let transcript = http::split(segment);
    let at = out.len();
    if transcript.framing == Framing::Bare {
        bare(segment, out);
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
}

/// The response of one HTTP transcript: its head, and its body read whole.
fn framed(transcript: Transcript) -> Response {
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
        absorb(found, record.found);
    }
    if kind == Body::Unrecognised {
        if let Some(at) = find(body, "{\"").filter(|&at| at > 0)
            && json::read(&body[at..], found)
        {
            return Body::Json;
        }
        *found = Response::default();
    }
    kind
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
