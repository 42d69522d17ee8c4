//! The parties of the request: the bucket, key or resource it concerned (else
//! its request line), and the ids support can look it up by.

use super::hint::{Hint, RequestLine, SupportId};
use crate::decode::{Body, Response};

/// What the request concerned, when the response or the capture names it.
pub(super) fn involved(r: &Response) -> Option<Hint> {
    let bucket = r.detail("BucketName").or_else(|| r.detail("Bucket"));
    let key = r
        .detail("Key")
        .or_else(|| r.detail("ObjectKey"))
        .or_else(|| r.detail("ObjectName"));
    let named = bucket.is_some() || key.is_some() || r.resource.is_some();
    let request = r.request.as_ref().filter(|_| !named).map(|q| RequestLine {
        method: q.method.clone(),
        target: q.target.clone(),
        host: q.header("host").map(str::to_string),
    });
    (named || request.is_some()).then(|| Hint::Involved {
        bucket: bucket.map(str::to_string),
        key: key.map(str::to_string),
        resource: r.resource.clone(),
        request,
    })
}

/// The ids that identify the request in OBS's logs (none from a proxy).
pub(super) fn support(r: &Response) -> Option<Hint> {
    let ids: Vec<SupportId> = [
        (SupportId::RequestId, &r.request_id),
        (SupportId::HostId, &r.host_id),
        (SupportId::ReservedIndicator, &r.reserved_indicator),
    ]
    .into_iter()
    .filter_map(|(id, v)| v.as_ref().map(|_| id))
    .collect();
    (!ids.is_empty() && r.body != Body::ProxyPage).then_some(Hint::SupportIds { ids })
}
