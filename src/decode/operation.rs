//! The operation a response answered, when the text names it: an SDK's
//! operation name (`when calling the HeadObject operation`, `operation
//! error S3: GetObject`, an OBS SDK's `GetObjectMetadata`), an access log's
//! `REST.HEAD.OBJECT`, or the method and path of a captured request. A bare
//! status means different codes for different operations (a HEAD 404 of an
//! object is most likely NoSuchKey, of a bucket NoSuchBucket): `diagnose`
//! ranks them with it. Kept apart from the field readers: it reads the text
//! of a whole input (or one capture), not a record.

/// S3 and OBS operation names as SDKs write them, with the S3 name they
/// stand for. Sorted by name (binary search).
const NAMES: &[(&str, &str)] = &[
    ("AbortMultipartUpload", "AbortMultipartUpload"),
    ("AppendObject", "AppendObject"),
    ("CompleteMultipartUpload", "CompleteMultipartUpload"),
    ("CopyObject", "CopyObject"),
    ("CreateBucket", "CreateBucket"),
    ("CreateMultipartUpload", "CreateMultipartUpload"),
    ("DeleteBucket", "DeleteBucket"),
    ("DeleteObject", "DeleteObject"),
    ("DeleteObjects", "DeleteObjects"),
    ("GetBucketAcl", "GetBucketAcl"),
    ("GetBucketLocation", "GetBucketLocation"),
    ("GetBucketMetadata", "HeadBucket"),
    ("GetObject", "GetObject"),
    ("GetObjectAcl", "GetObjectAcl"),
    ("GetObjectMetadata", "HeadObject"),
    ("HeadBucket", "HeadBucket"),
    ("HeadObject", "HeadObject"),
    ("InitiateMultipartUpload", "CreateMultipartUpload"),
    ("ListBuckets", "ListBuckets"),
    ("ListMultipartUploads", "ListMultipartUploads"),
    ("ListObjectVersions", "ListObjectVersions"),
    ("ListObjects", "ListObjects"),
    ("ListObjectsV2", "ListObjectsV2"),
    ("ListParts", "ListParts"),
    ("PutObject", "PutObject"),
    ("UploadPart", "UploadPart"),
];

/// The operation the text names, in S3's name, when it names exactly one
/// (several different ones leave it unknown: which answered is not said).
pub(crate) fn named(text: &str) -> Option<&'static str> {
    let mut found: Option<&'static str> = None;
    let mut words = text.split(|c: char| !c.is_ascii_alphanumeric() && c != '.');
    let mut one = |op: &'static str| match found {
        None => {
            found = Some(op);
            true
        }
        Some(f) => f == op,
    };
    for word in words.by_ref() {
        let op = rest_name(word).or_else(|| {
            // `REST.HEAD.OBJECT` is one word here; an SDK's name may end a
            // sentence (`HeadObject.`).
            let word = word.trim_end_matches('.');
            NAMES
                .binary_search_by(|(n, _)| n.cmp(&word))
                .ok()
                .map(|i| NAMES[i].1)
        });
        if let Some(op) = op
            && !one(op)
        {
            return None;
        }
    }
    found
}

/// An access log's operation (`REST.HEAD.OBJECT`) in S3's name.
fn rest_name(word: &str) -> Option<&'static str> {
    let rest = word.strip_prefix("REST.")?;
    Some(match rest.trim_end_matches('.') {
        "HEAD.OBJECT" => "HeadObject",
        "GET.OBJECT" => "GetObject",
        "PUT.OBJECT" => "PutObject",
        "DELETE.OBJECT" => "DeleteObject",
        "POST.OBJECT" => "PostObject",
        "COPY.OBJECT" => "CopyObject",
        "HEAD.BUCKET" => "HeadBucket",
        "GET.BUCKET" => "ListObjects",
        "PUT.BUCKET" => "CreateBucket",
        "DELETE.BUCKET" => "DeleteBucket",
        _ => return None,
    })
}

/// The operation of a captured request: its method and whether its path
/// (path-style, or with the bucket in the host name) names an object.
pub(crate) fn from_request(method: &str, target: &str, host: Option<&str>) -> Option<&'static str> {
    let path = target.split_once("://").map_or(target, |(_, rest)| {
        rest.find('/').map_or("/", |i| &rest[i..])
    });
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments = path.split('/').filter(|s| !s.is_empty()).count();
    // `bucket.obs.region.myhuaweicloud.com`: the bucket is in the host name.
    let virtual_host = host.is_some_and(|h| {
        let h = h.split(':').next().unwrap_or(h);
        h.parse::<std::net::IpAddr>().is_err() && h.split('.').count() >= 4
    });
    let object = if virtual_host {
        segments >= 1
    } else {
        segments >= 2
    };
    let bucket = !object && (virtual_host || segments == 1);
    Some(match (method, object, bucket) {
        ("HEAD", true, _) => "HeadObject",
        ("GET", true, _) => "GetObject",
        ("PUT", true, _) => "PutObject",
        ("DELETE", true, _) => "DeleteObject",
        ("HEAD", _, true) => "HeadBucket",
        ("GET", _, true) => "ListObjects",
        ("PUT", _, true) => "CreateBucket",
        ("DELETE", _, true) => "DeleteBucket",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sorted_for_the_binary_search() {
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn sdk_names_and_access_log_operations() {
        assert_eq!(
            named("An error occurred (404) when calling the HeadObject operation: Not Found"),
            Some("HeadObject")
        );
        assert_eq!(
            named("operation error S3: GetObject, https response error StatusCode: 404"),
            Some("GetObject")
        );
        assert_eq!(
            named("o b [t] ip u R REST.HEAD.OBJECT k \"HEAD /b/k HTTP/1.1\" 404"),
            Some("HeadObject")
        );
        assert_eq!(
            named("|sdk-file|INFO |GetObjectMetadata|enter GetObjectMetadata..."),
            Some("HeadObject")
        );
        // Two different operations: which one failed is not said.
        assert_eq!(named("HeadObject then GetObject"), None);
        // The same one twice, and a name inside a longer word, are fine.
        assert_eq!(
            named("HeadObject ... HeadObjectOutput HeadObject."),
            Some("HeadObject")
        );
        assert_eq!(named("status 404"), None);
    }

    #[test]
    fn requests_by_method_and_path() {
        assert_eq!(
            from_request("HEAD", "/b/k", Some("127.0.0.1:9000")),
            Some("HeadObject")
        );
        assert_eq!(
            from_request("HEAD", "/b", Some("obs.example.com")),
            Some("HeadBucket")
        );
        assert_eq!(
            from_request(
                "HEAD",
                "/photo.jpg",
                Some("bkt.obs.ap-southeast-1.myhuaweicloud.com")
            ),
            Some("HeadObject")
        );
        assert_eq!(
            from_request(
                "GET",
                "/?location",
                Some("bkt.obs.ap-southeast-1.myhuaweicloud.com")
            ),
            Some("ListObjects")
        );
        assert_eq!(
            from_request("GET", "https://h/b/k?x=1", None),
            Some("GetObject")
        );
        assert_eq!(from_request("GET", "/", Some("obs.example.com")), None);
        assert_eq!(from_request("OPTIONS", "/b/k", None), None);
    }
}
