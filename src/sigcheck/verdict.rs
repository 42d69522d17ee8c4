//! What `sigcheck` concludes, as data: the [`Verdict`], the components where
//! the client's and the server's strings to sign differ ([`Difference`]), and
//! what else is worth saying ([`SignatureFinding`]). Every word about them is
//! written in `render::sigcheck`.

use super::canon::{Component, Part};
use super::key::KeyIssue;
use super::parse::Scheme;
use crate::outcome::Outcome;

/// What `sigcheck` concluded ([`SignatureCheck::verdict`]): the secret key
/// is wrong, the request changed after it was signed, or the inputs cannot
/// tell. [`Verdict::outcome`] is found only for a verdict that says why.
///
/// ```
/// use obserr::{check_signature, Outcome, Verdict};
///
/// let other = check_signature(&[b"<Error><Code>NoSuchKey</Code></Error>"], None);
/// assert_eq!(other.verdict, Verdict::NotASignatureError);
/// let error = b"<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>K8Y3T5310GQ4ZP25EJ5R</AWSAccessKeyId>\
///     <SignatureProvided>wa98kA1Ze2rmYhpfM9vsJ6mY7Bw=</SignatureProvided><StringToSign>GET\n\n\n\
///     Sun, 21 Sep 2025 07:22:10 GMT\n/bkt-prqse2t3zzh/photo%202024.jpg</StringToSign></Error>";
/// let unkeyed = check_signature(&[error], None).verdict;
/// assert_eq!((unkeyed, unkeyed.outcome()), (Verdict::NoKey, Outcome::NothingFound));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// `K` signs `S` to `P`: the server's key for this access key id is not `K`.
    WrongSecretKey,
    /// The client's string to sign differs from the server's.
    StringToSignDiffers,
    /// `K` signs neither `S` nor the client's string to `P`.
    KeyDoesNotReproduce,
    /// No key and no differing client string: `S` shown component by component.
    NoKey,
    /// The input holds no `SignatureDoesNotMatch` response.
    NotASignatureError,
}

/// Where the client's string to sign came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientSource {
    /// Printed by the SDK (a debug log given as input).
    SdkLog,
    /// Rebuilt by obserr from the captured request.
    Request,
    /// Found by trying with the key what the client most likely signed
    /// instead (a header left out, the resource spelled otherwise, ...).
    KeySearch,
}

/// The usual cause of a difference in one component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DifferenceCause {
    /// The client signed the header empty or without it, the server saw it:
    /// the HTTP library or a proxy added it after signing.
    AddedAfterSigning,
    /// The client signed a header the server did not see: removed on the way.
    RemovedAfterSigning,
    /// The value changed between signing and the server (a retry re-dated the
    /// request, a proxy rewrote it, the clock).
    ChangedAfterSigning,
    /// The object key was percent-encoded differently in the signature and on the wire.
    KeyEncodedDifferently,
    /// A sub-resource (`?acl`, `versionId`, ...) is in the URL but was not signed.
    SubResourceNotSigned,
    /// An `x-obs-*` / `x-amz-*` header was sent but not signed.
    HeaderNotSigned,
    /// The security token (temporary credentials) was sent but not signed.
    SecurityTokenNotSigned,
    /// Path-style and virtual-host-style disagree: the bucket is missing from,
    /// or doubled in, the signed resource.
    AddressingStyle,
    /// The region in the credential scope is not the server's.
    RegionMismatch,
    /// The payload hash signed is not the body's.
    PayloadHashMismatch,
    /// Another difference.
    Other,
}

/// One component where the client's and the server's strings to sign
/// differ, with both values and the usual cause: a
/// [`SignatureCheck`] lists them in `differences`.
///
/// ```
/// let capture = b"> GET /bkt-o9twrvdt9j/photo%202024.jpg HTTP/1.1\n> Host: obs.eu-de.myhuaweicloud.com\n\
///     > Date: Mon, 28 Apr 2025 21:46:24 GMT\n> Authorization: AWS YIIR5O4Y2RBNIS3QKC1R:k0ALKkOGaMqZgXWUm7R4FOS5/8g=\n\
///     < HTTP/1.1 403 Forbidden\n<\n<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\n\
///     Mon, 28 Apr 2025 21:51:34 GMT\n/bkt-o9twrvdt9j/photo%202024.jpg</StringToSign></Error>";
/// let check = obserr::check_signature(&[capture], None);
/// let date = &check.differences[0];
/// assert_eq!(date.client.as_deref(), Some("Mon, 28 Apr 2025 21:46:24 GMT"));
/// assert_eq!(date.server.as_deref(), Some("Mon, 28 Apr 2025 21:51:34 GMT"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Which component.
    pub component: Component,
    /// The header's name, for a canonical header.
    pub name: Option<String>,
    /// The client's value (`None`: absent in the client's string).
    pub client: Option<String>,
    /// The server's value (`None`: absent in the server's string).
    pub server: Option<String>,
    /// The usual cause.
    pub cause: DifferenceCause,
}

/// Something worth saying beside the verdict ([`SignatureCheck::findings`]):
/// a key that looks wrong, the inputs that would settle the question, a
/// confirmation.
///
/// ```
/// use obserr::{check_signature, SecretKey, SignatureFinding};
///
/// let error = b"<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>K8Y3T5310GQ4ZP25EJ5R</AWSAccessKeyId>\
///     <SignatureProvided>wa98kA1Ze2rmYhpfM9vsJ6mY7Bw=</SignatureProvided><StringToSign>GET\n\n\n\
///     Sun, 21 Sep 2025 07:22:10 GMT\n/bkt-prqse2t3zzh/photo%202024.jpg</StringToSign></Error>";
/// let check = check_signature(&[error], None);
/// assert!(matches!(&check.findings[..], [SignatureFinding::WouldSettle { .. }]));
/// let key = SecretKey::new(b"WzQXzoohJKjqqRKApEHmVBFRN2YZl7c5mG3pr4Hl\n".to_vec());
/// let check = check_signature(&[error], Some(&key));
/// assert!(check.findings.iter().any(|f| matches!(f, SignatureFinding::Key { .. })));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureFinding {
    /// Something about the key that is often the mistake.
    Key {
        /// What.
        issue: KeyIssue,
    },
    /// With the key, the client's string signs to the signature sent.
    ClientStringConfirmed,
    /// The access key id of the request and of the error differ.
    AccessKeyIdDiffers {
        /// In the request.
        request: String,
        /// In the error.
        server: String,
    },
    /// The server's string to sign was read from `StringToSignBytes` and the
    /// text `StringToSign` disagrees with it (white space lost on the way).
    TextDiffersFromBytes,
    /// Inputs that would settle the question.
    WouldSettle {
        /// Which.
        inputs: Vec<Missing>,
    },
}

/// An input `sigcheck` did not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// The secret key.
    SecretKey,
    /// The request as sent (`curl -v` lines).
    Request,
    /// The SDK's debug log with its string to sign.
    SdkLog,
}

/// The result of a signature check ([`check_signature`](crate::check_signature)):
/// the verdict, the scheme and access key id, the server's and the client's
/// strings to sign split into components, and where they differ.
/// [`Human::signature_check`](crate::Human::signature_check) and
/// [`Json::signature_check`](crate::Json::signature_check) print it.
///
/// ```
/// use obserr::{check_signature, Verdict};
///
/// let capture = b"> GET /bkt-o9twrvdt9j/photo%202024.jpg HTTP/1.1\n> Host: obs.eu-de.myhuaweicloud.com\n\
///     > Date: Mon, 28 Apr 2025 21:46:24 GMT\n> Authorization: AWS YIIR5O4Y2RBNIS3QKC1R:k0ALKkOGaMqZgXWUm7R4FOS5/8g=\n\
///     < HTTP/1.1 403 Forbidden\n<\n<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\n\
///     Mon, 28 Apr 2025 21:51:34 GMT\n/bkt-o9twrvdt9j/photo%202024.jpg</StringToSign></Error>";
/// let check = check_signature(&[capture], None);
/// assert_eq!(check.verdict, Verdict::StringToSignDiffers);
/// assert_eq!(check.access_key_id.as_deref(), Some("YIIR5O4Y2RBNIS3QKC1R"));
/// assert_eq!(check.differences.len(), 1);
/// assert_eq!(check.server.len(), check.client.len());
/// ```
#[derive(Debug, Clone)]
pub struct SignatureCheck {
    /// The scheme, when known.
    pub scheme: Option<Scheme>,
    /// Whether the signature travelled in the query string.
    pub presigned: bool,
    /// The access key id.
    pub access_key_id: Option<String>,
    /// The verdict.
    pub verdict: Verdict,
    /// Components where the client's string differs from the server's.
    pub differences: Vec<Difference>,
    /// Other findings.
    pub findings: Vec<SignatureFinding>,
    /// Where the client's string came from.
    pub client_source: Option<ClientSource>,
    /// The server's string to sign, split.
    pub server: Vec<Part>,
    /// The client's string to sign, split, when there is one.
    pub client: Vec<Part>,
    /// The request id, for support.
    pub request_id: Option<String>,
}

impl Verdict {
    /// Found for a verdict that says why; nothing found for `no_key` and
    /// `not_a_signature_error`.
    #[must_use]
    pub fn outcome(self) -> Outcome {
        match self {
            Verdict::NoKey | Verdict::NotASignatureError => Outcome::NothingFound,
            _ => Outcome::Found,
        }
    }
}
