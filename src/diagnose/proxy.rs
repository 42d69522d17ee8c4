//! Whether OBS answered at all: no HTTP response arrived (the request failed
//! on the client's side or on the network), or a proxy's page came back.

use super::diagnosis::reason;
use super::hint::Hint;
use crate::decode::{Body, Response};

/// A request that got no HTTP response, with the text that says so.
pub(super) fn no_response(r: &Response) -> Option<Hint> {
    match (&r.no_response, r.status) {
        (Some(evidence), None) => Some(Hint::NoResponse {
            evidence: evidence.clone(),
        }),
        _ => None,
    }
}

/// An HTML page that did not come from OBS, with who sent it.
pub(super) fn proxy(r: &Response) -> Option<Hint> {
    (r.body == Body::ProxyPage).then(|| Hint::Proxy {
        server: r.proxy.clone(),
        status: r.status,
        reason: r.status.and(reason(r)).map(str::to_string),
    })
}
