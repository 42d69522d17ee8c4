//! What sigcheck reads of a captured request as it was sent: its headers by
//! name and its target's path and query pairs, still percent-encoded. Both
//! [`parse`](super::parse) (how it was signed) and [`canon`](super::canon)
//! (what was signed) read the request through these.

use crate::decode::Request;

/// The request's headers with one name (any case), in order.
pub(super) fn header_values<'a: 'n, 'n>(
    req: &'a Request,
    name: &'n str,
) -> impl Iterator<Item = &'a str> + 'n {
    req.headers
        .iter()
        .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The request's first header with one name (any case).
pub(super) fn header<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    header_values(req, name).next()
}

/// The path and the `(name, value)` pairs of the query, as on the wire.
pub(super) fn target_parts(target: &str) -> (&str, Vec<(&str, Option<&str>)>) {
    // An absolute-form target (through a proxy): drop scheme and authority.
    let target = match target.find("://") {
        Some(i) => target[i + 3..]
            .find('/')
            .map_or("/", |j| &target[i + 3 + j..]),
        None => target,
    };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let pairs = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (p, None),
        })
        .collect();
    (path, pairs)
}
