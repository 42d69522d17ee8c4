//! What `sigcheck` concludes, as data: the [`Verdict`], the components where
//! the client's and the server's strings to sign differ ([`Difference`]), and
//! what else is worth saying ([`SignatureFinding`]). Every word about them is
//! written in `render::sigcheck`.

use super::canon::{Component, Part};
use super::key::KeyIssue;
use super::parse::Scheme;
use crate::outcome::Outcome;

/// What `sigcheck` concluded.
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

/// One component where the client's and the server's strings differ.
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

/// Something worth saying beside the verdict.
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

/// The result of `check`.
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
