//! Which codes of a bare status come first: what the status and the
//! operation the response answered point to (a 404 from `GetObject` is a
//! missing key far more often than a missing bucket).

/// Why a bare status's codes are listed most likely first: what the status
/// and the operation together point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    /// A 404 from reading an object: the key is missing (NoSuchKey) far more
    /// often than the bucket.
    ObjectMissing,
    /// A 404 from writing or deleting an object: a missing key is no error
    /// there, so the bucket is missing.
    BucketMissingForObject,
    /// A 404 from a bucket operation: the bucket is missing.
    BucketMissing,
    /// A 404 from a multipart upload's part or completion: the upload is gone.
    UploadMissing,
    /// A 403 to a HEAD request: refused by a policy or ACL, or a signing
    /// problem, which only the same request as GET tells apart.
    HeadForbidden,
}

impl Ranking {
    /// The ranking for a status and operation, with its codes most likely
    /// first.
    #[must_use]
    pub fn of(
        status: u16,
        operation: Option<&str>,
        head: bool,
    ) -> Option<(Ranking, &'static [&'static str])> {
        const OBJECT: [&str; 2] = ["NoSuchKey", "NoSuchBucket"];
        const BUCKET: [&str; 1] = ["NoSuchBucket"];
        const UPLOAD: [&str; 2] = ["NoSuchUpload", "NoSuchBucket"];
        const FORBIDDEN: [&str; 4] = [
            "AccessDenied",
            "SignatureDoesNotMatch",
            "InvalidAccessKeyId",
            "RequestTimeTooSkewed",
        ];
        let head = head || matches!(operation, Some("HeadObject" | "HeadBucket"));
        match (status, operation) {
            (404, Some("HeadObject" | "GetObject" | "GetObjectAcl" | "CopyObject")) => {
                Some((Ranking::ObjectMissing, &OBJECT))
            }
            (
                404,
                Some("PutObject" | "AppendObject" | "DeleteObject" | "CreateMultipartUpload"),
            ) => Some((Ranking::BucketMissingForObject, &BUCKET)),
            (
                404,
                Some(
                    "HeadBucket"
                    | "ListObjects"
                    | "ListObjectsV2"
                    | "ListObjectVersions"
                    | "DeleteBucket"
                    | "DeleteObjects"
                    | "GetBucketLocation"
                    | "GetBucketAcl"
                    | "ListMultipartUploads",
                ),
            ) => Some((Ranking::BucketMissing, &BUCKET)),
            (
                404,
                Some(
                    "UploadPart" | "CompleteMultipartUpload" | "AbortMultipartUpload" | "ListParts",
                ),
            ) => Some((Ranking::UploadMissing, &UPLOAD)),
            (403, _) if head => Some((Ranking::HeadForbidden, &FORBIDDEN)),
            _ => None,
        }
    }
}
