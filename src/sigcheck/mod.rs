//! `obserr sigcheck`: why a signature does not match.
//!
//! With the server's string to sign `S` (from the `SignatureDoesNotMatch`
//! body), the signature the client sent `P`, an optional secret key `K` and an
//! optional client string to sign `C` (rebuilt from the captured request, or
//! read from an SDK debug log), [`check`] reaches one [`Verdict`] and lists the
//! components where `C` and `S` differ, each with its usual [`DifferenceCause`]. It
//! returns typed data; every word is written in `render::sigcheck`.
//!
//! The parts, each using only those listed before it: `request` (headers and
//! query pairs as sent), [`parse`] (how the request was signed), [`canon`]
//! (strings to sign rebuilt and split), [`key`] (HMACs), `verdict` (the result
//! types), `strings` (`S` and `C` as the inputs carry them), `diff` (the
//! components that differ), `variants` (what the key search tries) and
//! `check` (the verdict's steps).

pub mod canon;
mod check;
mod diff;
pub mod key;
pub mod parse;
mod request;
mod strings;
mod variants;
mod verdict;

pub use canon::{Component, Part};
pub use check::check;
pub use key::{KeyIssue, SecretKey};
pub use parse::Scheme;
pub use strings::{client_string_from_log, server_string};
pub use verdict::{
    ClientSource, Difference, DifferenceCause, Missing, SignatureCheck, SignatureFinding, Verdict,
};

use crate::decode::Response;
use strings::has_server_string;

/// `check` over several inputs: the first `SignatureDoesNotMatch` with a
/// string to sign is the server's side (with its request, when `curl -v`
/// showed it); the first input with a string to sign printed by an SDK is the
/// client's (the same input may hold both). Re-exported as
/// `obserr::check_signature`; the key is optional, and what a check without
/// it cannot settle is listed in its findings.
///
/// ```
/// use obserr::{check_signature, SecretKey, Verdict};
///
/// let error = b"<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>K8Y3T5310GQ4ZP25EJ5R</AWSAccessKeyId>\
///     <SignatureProvided>wa98kA1Ze2rmYhpfM9vsJ6mY7Bw=</SignatureProvided><StringToSign>GET\n\n\n\
///     Sun, 21 Sep 2025 07:22:10 GMT\n/bkt-prqse2t3zzh/photo%202024.jpg</StringToSign></Error>";
/// assert_eq!(check_signature(&[error], None).verdict, Verdict::NoKey);
/// let key = SecretKey::new(b"WzQXzoohJKjqqRKApEHmVBFRN2YZl7c5mG3pr4Hl".to_vec());
/// let check = check_signature(&[error], Some(&key));
/// // The key signs the server's string to the signature sent: the server holds another key.
/// assert_eq!(check.verdict, Verdict::WrongSecretKey);
/// assert_eq!(check.access_key_id.as_deref(), Some("K8Y3T5310GQ4ZP25EJ5R"));
/// ```
#[must_use]
pub fn check_inputs(inputs: &[&[u8]], key: Option<&SecretKey>) -> SignatureCheck {
    let mut response: Option<Response> = None;
    let mut log: Option<String> = None;
    for bytes in inputs {
        let text = crate::decode::utf8_lossy(bytes);
        if log.is_none() && client_string_from_log(&text).is_some() {
            log = Some(text.into_owned());
        }
        if response.is_none() {
            let found = crate::decode::decode_all(bytes).into_iter().find(|r| {
                r.code.as_deref() == Some("SignatureDoesNotMatch") && has_server_string(r)
            });
            response = found;
        }
    }
    check(&response.unwrap_or_default(), log.as_deref(), key)
}
