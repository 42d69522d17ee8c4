//! The request a capture shows before its response: curl -v's `> ` lines, a
//! plain request line (`GET /key HTTP/1.1`) with its headers, or an SDK's
//! `Request: GET https://host/key`.

use super::head::{find_header, header_line, lines, MAX_HEADERS};

/// The request a capture showed before its response (curl -v's `> ` lines,
/// or an SDK's `Request:` line): request line and headers. It is
/// [`Response::request`](crate::Response::request); sigcheck rebuilds the
/// client's string to sign from it.
///
/// ```
/// let r = obserr::decode(b"> HEAD /bkt/a.txt HTTP/1.1\r\n> Host: obs.eu-de.otc.t-systems.com\r\n>\r\n\
///     < HTTP/1.1 404 Not Found\r\n<\r\n");
/// let req: &obserr::Request = r.request.as_ref().unwrap();
/// assert_eq!((req.method.as_str(), req.target.as_str()), ("HEAD", "/bkt/a.txt"));
/// assert_eq!(req.header("host"), Some("obs.eu-de.otc.t-systems.com"));
/// assert_eq!(r.operation, Some("HeadObject"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, ...
    pub method: String,
    /// The request target (`/bucket/key?acl`).
    pub target: String,
    /// Headers in order, as they arrived.
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The first header called `name` (any case).
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// `GET /key HTTP/1.1`.
pub fn is_request_line(line: &str) -> bool {
    let mut words = line.split(' ');
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(m), Some(_), Some(v)) if v.starts_with("HTTP/") && !m.is_empty() && m.bytes().all(|b| b.is_ascii_uppercase())
    )
}

/// Whether `line` shows a request: `GET /key HTTP/1.1`, or an SDK's
/// `Request: GET https://host/key`.
pub fn is_request(line: &str) -> bool {
    is_request_line(line) || url_request(unlabelled(line)).is_some()
}

/// A line without an SDK's label for the request it shows (`Request: `).
fn unlabelled(line: &str) -> &str {
    ["Request: ", "Request URL: ", "request: "]
        .iter()
        .find_map(|l| line.trim_start().strip_prefix(l))
        .unwrap_or(line)
}

/// The request shown before a response without curl's prefixes: the last
/// request line (`GET /key HTTP/1.1`, or an SDK's `Request: GET
/// https://host/key?x` and `PUT https://host/key`) and the header lines under
/// it. A URL's host becomes the `Host` header when none is shown.
pub fn plain_request(text: &str) -> Option<Request> {
    let mut request = None;
    let mut open = false;
    for (_, line) in lines(text) {
        let line = line.trim_end();
        if let Some(r) = url_request(unlabelled(line)) {
            request = Some(r);
            open = true;
            continue;
        }
        request_line(&mut request, &mut open, line);
    }
    request
}

/// `GET https://host/key?x` (an HTTP version may follow): the method, the
/// target and the host.
fn url_request(line: &str) -> Option<Request> {
    let mut words = line.split_ascii_whitespace();
    let (method, url) = (words.next()?, words.next()?);
    if !matches!(
        method,
        "GET" | "PUT" | "POST" | "HEAD" | "DELETE" | "OPTIONS"
    ) {
        return None;
    }
    if words.next().is_some_and(|v| !v.starts_with("HTTP/")) {
        return None;
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, target) = match rest.find(['/', '?']) {
        Some(i) if rest.as_bytes()[i] == b'?' => (&rest[..i], format!("/{}", &rest[i..])),
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    Some(Request {
        method: method.to_string(),
        target,
        headers: vec![("Host".to_string(), host.to_string())],
    })
}

/// Adds one `> ` line: a request line starts a new request, headers follow it.
pub fn request_line(request: &mut Option<Request>, open: &mut bool, line: &str) {
    if line.trim().is_empty() {
        *open = false;
        return;
    }
    let mut words = line.split(' ');
    if let (Some(method), Some(target), Some(version)) = (words.next(), words.next(), words.next())
        && version.starts_with("HTTP/")
        && method.bytes().all(|b| b.is_ascii_uppercase())
    {
        *request = Some(Request {
            method: method.to_string(),
            target: target.to_string(),
            headers: Vec::new(),
        });
        *open = true;
        return;
    }
    if let (true, Some(r), Some(pair)) = (*open, request.as_mut(), header_line(line)) {
        let host = pair.0.eq_ignore_ascii_case("host");
        if let Some(shown) = r
            .headers
            .iter_mut()
            .find(|(n, _)| host && n.eq_ignore_ascii_case("host"))
        {
            // The header as sent wins over the host a URL named.
            *shown = pair;
        } else if r.headers.len() < MAX_HEADERS {
            r.headers.push(pair);
        }
    }
}
