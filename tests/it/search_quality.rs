//! Search quality as data: realistic queries and the code a user typing them
//! wants. Every query must put that code in the top 3; the README reports the
//! figure this test prints (`cargo test --test it search_quality:: -- --nocapture`).

use obserr::search;

/// (query, the code the user is after)
const QUERIES: &[(&str, &str)] = &[
    ("signature mismatch", "SignatureDoesNotMatch"),
    ("sigature", "SignatureDoesNotMatch"),
    ("signature does not match", "SignatureDoesNotMatch"),
    ("wrong secret key", "SignatureDoesNotMatch"),
    ("acces denid", "AccessDenied"),
    ("date header missing", "AccessDenied"),
    ("bukcet polciy", "NoSuchBucketPolicy"),
    ("malformed bucket policy", "MalformedPolicy"),
    ("md5 mismatch", "BadDigest"),
    ("content-md5", "BadDigest"),
    ("bucket not empty", "BucketNotEmpty"),
    ("delete non empty bucket", "BucketNotEmpty"),
    ("clock skew", "RequestTimeTooSkewed"),
    ("time difference", "RequestTimeTooSkewed"),
    ("ntp", "RequestTimeTooSkewed"),
    ("key does not exist", "NoSuchKey"),
    ("object not found", "NoSuchKey"),
    ("bucket does not exist", "NoSuchBucket"),
    ("bucket name taken", "BucketAlreadyExists"),
    ("bucket already exists", "BucketAlreadyExists"),
    ("already own bucket", "BucketAlreadyOwnedByYou"),
    ("too many buckets", "TooManyBuckets"),
    ("slow down", "SlowDown"),
    ("throttled", "SlowDown"),
    ("request rate too high", "SlowDown"),
    ("internal server error", "InternalError"),
    ("service unavailable", "ServiceUnavailable"),
    ("invalid access key", "InvalidAccessKeyId"),
    ("ak does not exist", "InvalidAccessKeyId"),
    ("account in arrears", "InArrearOrInsufficientBalance"),
    ("insufficient balance", "InArrearOrInsufficientBalance"),
    ("quota exceeded", "InsufficientStorageSpace"),
    ("cors rule", "AccessForbidden"),
    ("no cors configuration", "NoSuchCORSConfiguration"),
    ("upload id not found", "NoSuchUpload"),
    ("multipart upload aborted", "NoSuchUpload"),
    ("parts out of order", "InvalidPartOrder"),
    ("range not satisfiable", "InvalidRange"),
    ("content length missing", "MissingContentLength"),
    ("socket timeout", "RequestTimeout"),
    ("precondition failed", "PreconditionFailed"),
    ("method not allowed", "MethodNotAllowed"),
    ("moved permanently", "PermanentRedirect"),
    ("malformed xml", "MalformedXML"),
    ("lifecycle rule missing", "NoSuchLifecycleConfiguration"),
    ("kms key disabled", "KMS.DisabledException"),
    ("post object too large", "EntityTooLarge"),
    ("version id", "NoSuchVersion"),
    ("region location", "IllegalLocationConstraintException"),
    ("real name authentication", "Unauthorized"),
    ("custom domain already exists", "CustomDomainAreadyExist"),
    ("user deregistered", "DeregisterUserId"),
    ("metadata too large", "MetadataTooLarge"),
    ("bucket name invalid", "InvalidBucketName"),
    ("object key too long", "KeyTooLongError"),
    ("too many requests", "TooManyRequests"),
    ("archive not restored", "InvalidObjectState"),
    (
        "cold object restore in progress",
        "RestoreAlreadyInProgress",
    ),
    ("worm retention cannot delete", "AccessDenied"),
    ("parallel file system not supported", "FsNotSupport"),
    ("append to object", "ObjectNotAppendable"),
    ("bucket has no tags", "NoSuchTagSet"),
    ("uri too long", "Request-URITooLarge"),
    ("account frozen", "FrozenUserId"),
    ("requester pays", "RequestPayerDenied"),
    // Codes typed as one lower-case word, and short-word typos.
    ("slowdown", "SlowDown"),
    ("nosuchkey", "NoSuchKey"),
    ("accessdenied", "AccessDenied"),
    ("no such kye", "NoSuchKey"),
    ("nosuch key", "NoSuchKey"),
    // Codes from per-operation pages, the Swift API and the JSON APIs.
    ("inventory limit reached", "InventoryCountOverLimit"),
    (
        "inventory prefix overlap",
        "PrefixExistInclusionRelationship",
    ),
    (
        "no encryption configuration",
        "NoSuchEncryptionConfiguration",
    ),
    (
        "replication configuration missing",
        "NoSuchReplicationConfiguration",
    ),
    ("invalid object tag", "InvalidTag"),
    ("object lock xml malformed", "MalformedObjectLockError"),
    ("append position wrong", "PositionNotEqualToLength"),
    ("append too large", "AppendTooLarge"),
    ("qos throttling", "GetQosTokenException"),
    ("unprocessable entity", "UnprocessableEntity"),
    ("sys token expired", "SYS.0008"),
    ("token expired", "ExpiredToken"),
    ("agency does not exist", "SYS.0028"),
    ("request headers too large", "SYS.0009"),
    // Codes from Huawei Cloud's per-code pages.
    ("symlink target", "SymlinkTargetNotExist"),
    ("symbolic link target missing", "SymlinkTargetNotExist"),
    ("restricted user", "UserRestricted"),
    ("create bucket real name authentication", "UserRestricted"),
    ("bucket alias", "NoSuchBucketAlias"),
    ("bucket alias does not exist", "NoSuchBucketAlias"),
    // Client-side codes.
    ("host name could not be resolved", "NameLookupError"),
    (
        "tls certificate verification failed",
        "ServerFailedVerification",
    ),
    ("checkpoint file invalid", "CheckpointFileInvalid"),
    ("upload stream not seekable", "NotSeekableUploadStream"),
    ("no http response received", "ResponseCode-1"),
    // Tools.
    ("batch task succeeded partially", "obsutil 8"),
    ("obsutil unknown error", "obsutil -1"),
    ("local disk space insufficient", "Browser Obs.0009"),
    ("file larger than 50 mb console", "Console Obs.0014"),
    ("proxy server authentication", "Browser Obs.0000"),
    // Causes are searched too.
    ("referer hotlink protection", "AccessDenied"),
    ("kms key permission", "AccessDenied"),
];

#[test]
fn every_query_finds_its_code_in_the_top_three() {
    let mut misses = Vec::new();
    for (query, want) in QUERIES {
        let hits = search(query, 3);
        let codes: Vec<&str> = hits.iter().map(|h| h.entry.code).collect();
        if !codes.contains(want) {
            misses.push(format!("{query:?}: wanted {want}, got {codes:?}"));
        }
    }
    let hit = QUERIES.len() - misses.len();
    println!(
        "search quality: {hit}/{} queries put the wanted code in the top 3",
        QUERIES.len()
    );
    assert!(QUERIES.len() >= 30);
    assert!(misses.is_empty(), "misses:\n{}", misses.join("\n"));
}

#[test]
fn the_wanted_codes_exist() {
    for (_, want) in QUERIES {
        assert!(obserr::lookup(want).is_some(), "{want} is not catalogued");
    }
    assert!(QUERIES.len() >= 90);
}
