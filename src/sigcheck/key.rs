//! The secret key: held in memory that is zeroed when dropped, never printed
//! (no `Display`, a `Debug` that hides it), used only to sign.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::Sha256;
use zeroize::Zeroizing;

/// A secret access key, which [`check_signature`](crate::check_signature)
/// signs with to tell a wrong key from a request changed after signing.
/// Zeroed on drop; `Debug` does not show it.
///
/// ```
/// use obserr::SecretKey;
///
/// let key = SecretKey::new(b"WzQXzoohJKjqqRKApEHmVBFRN2YZl7c5mG3pr4Hl\n".to_vec());
/// assert_eq!(format!("{key:?}"), "SecretKey(..)");
/// // Read from a file with its line break: the mistake is found, not hidden.
/// assert!(!key.issues().is_empty());
/// ```
pub struct SecretKey(Zeroizing<Vec<u8>>);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

/// Something about a key that is often the mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyIssue {
    /// It ends with a line break (`echo` into a file, a copied line).
    TrailingNewline,
    /// It holds a carriage return (a line saved on Windows ends `\r\n`).
    CarriageReturn,
    /// White space at its start or end.
    SurroundingWhiteSpace,
    /// White space inside it.
    InnerWhiteSpace,
    /// Quotes around it (copied from a shell or a config file).
    Quoted,
    /// Not OBS's 40 characters.
    UnusualLength {
        /// Its length in characters.
        length: usize,
        /// Its length without white space (line breaks, carriage returns,
        /// spaces, tabs): when it differs, the white space is the mistake.
        without_white_space: usize,
    },
}

/// OBS secret access keys are 40 characters long.
pub const OBS_KEY_LENGTH: usize = 40;

impl SecretKey {
    /// Whether a command-line word looks like a secret key typed where a
    /// file name was expected (the binary refuses it, so that the key does
    /// not stay in the shell's history).
    ///
    /// ```
    /// use obserr::SecretKey;
    ///
    /// assert!(SecretKey::looks_like_a_key("wJalrXUtnFEMI7K7MDENGbPxRfiCY1EXAMPLEKEY"));
    /// assert!(!SecretKey::looks_like_a_key("capture.txt"));
    /// ```
    #[must_use]
    pub fn looks_like_a_key(word: &str) -> bool {
        looks_like_a_key(word)
    }

    /// Takes ownership of the bytes (they are zeroed when the key drops).
    #[must_use]
    pub fn new(bytes: Vec<u8>) -> Self {
        SecretKey(Zeroizing::new(bytes))
    }

    /// Whether the key's bytes are empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Borrow the bytes (tests use it to look for them in output).
    #[must_use]
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// What looks wrong in the key, as it is (nothing stripped).
    #[must_use]
    pub fn issues(&self) -> Vec<KeyIssue> {
        let k = String::from_utf8_lossy(&self.0);
        let mut out = Vec::new();
        if k.ends_with('\n') {
            out.push(KeyIssue::TrailingNewline);
        }
        if k.contains('\r') {
            out.push(KeyIssue::CarriageReturn);
        }
        let t = k.trim_end_matches(['\r', '\n']);
        if t.starts_with(char::is_whitespace) || t.ends_with(char::is_whitespace) {
            out.push(KeyIssue::SurroundingWhiteSpace);
        }
        if t.trim().contains(char::is_whitespace) {
            out.push(KeyIssue::InnerWhiteSpace);
        }
        let q = t.trim();
        if q.len() >= 2
            && ((q.starts_with('"') && q.ends_with('"'))
                || (q.starts_with('\'') && q.ends_with('\'')))
        {
            out.push(KeyIssue::Quoted);
        }
        let length = k.chars().count();
        if length != OBS_KEY_LENGTH {
            let without_white_space = k.chars().filter(|c| !c.is_whitespace()).count();
            out.push(KeyIssue::UnusualLength {
                length,
                without_white_space,
            });
        }
        out
    }

    /// OBS / V2: base64(HMAC-SHA1(key, string to sign)).
    #[must_use]
    pub fn sign_v1(&self, sts: &str) -> String {
        self.signer_v1().sign(sts)
    }

    /// V4: hex(HMAC-SHA256(signing key of `scope`, string to sign)), where
    /// `scope` is `date/region/service/aws4_request`.
    #[must_use]
    pub fn sign_v4(&self, scope: &str, sts: &str) -> String {
        self.signer_v4(scope).sign(sts)
    }

    /// The key ready to sign several OBS / V2 strings: HMAC's keyed state
    /// (two compressions) is computed once, not once per string.
    #[must_use]
    // HMAC accepts a key of any length: the expect cannot fire.
    #[allow(clippy::missing_panics_doc)]
    pub fn signer_v1(&self) -> SignerV1 {
        SignerV1(<Hmac<Sha1> as Mac>::new_from_slice(&self.0).expect("HMAC takes any key length"))
    }

    /// The V4 signing key of `scope` (`date/region/service/aws4_request`:
    /// four HMACs) ready to sign several strings of that scope.
    #[must_use]
    pub fn signer_v4(&self, scope: &str) -> SignerV4 {
        let mut first = Zeroizing::new(Vec::with_capacity(4 + self.0.len()));
        first.extend_from_slice(b"AWS4");
        first.extend_from_slice(&self.0);
        // Date, region, service (fewer when the scope has fewer parts).
        let mut parts = scope.split('/').take(3);
        let mut k = hmac_sha256(&first, parts.next().unwrap_or("").as_bytes());
        for p in parts {
            k = hmac_sha256(&*k, p.as_bytes());
        }
        k = hmac_sha256(&*k, b"aws4_request");
        SignerV4(keyed_sha256(&*k))
    }
}

fn keyed_sha256(key: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts a key of any length: the expect cannot fire.
    <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length")
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut mac = keyed_sha256(key);
    mac.update(data);
    Zeroizing::new(mac.finalize().into_bytes().into())
}

/// HMAC-SHA1 keyed with a secret key (OBS and V2 signatures).
#[derive(Clone)]
pub struct SignerV1(Hmac<Sha1>);

impl std::fmt::Debug for SignerV1 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignerV1(..)")
    }
}

impl SignerV1 {
    /// base64(HMAC-SHA1(key, string to sign)).
    #[must_use]
    pub fn sign(&self, sts: &str) -> String {
        let mut mac = self.0.clone();
        mac.update(sts.as_bytes());
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    }
}

/// HMAC-SHA256 keyed with the V4 signing key of one scope.
#[derive(Clone)]
pub struct SignerV4(Hmac<Sha256>);

impl std::fmt::Debug for SignerV4 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignerV4(..)")
    }
}

impl SignerV4 {
    /// hex(HMAC-SHA256(signing key, string to sign)).
    #[must_use]
    pub fn sign(&self, sts: &str) -> String {
        let mut mac = self.0.clone();
        mac.update(sts.as_bytes());
        super::canon::hex(&mac.finalize().into_bytes())
    }
}

/// Whether a command-line word looks like a secret key typed where a file
/// name was expected: no path separator or dot, 16 to 128 characters of the
/// key alphabet (letters, digits, `+/=`), letters and digits both.
#[must_use]
pub fn looks_like_a_key(word: &str) -> bool {
    (16..=128).contains(&word.len())
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=')
        && !word.contains('/')
        && word.bytes().any(|b| b.is_ascii_digit())
        && word.bytes().any(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The derivation as written out by the V4 documentation, one HMAC per
    /// part of the scope (at most three), then `aws4_request`.
    fn reference_v4(key: &[u8], scope: &str, sts: &str) -> String {
        let hmac = |k: &[u8], d: &[u8]| {
            let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(k).unwrap();
            mac.update(d);
            mac.finalize().into_bytes().to_vec()
        };
        let mut k = [b"AWS4".as_slice(), key].concat();
        for p in scope.split('/').take(3) {
            k = hmac(&k, p.as_bytes());
        }
        k = hmac(&k, b"aws4_request");
        super::super::canon::hex(&hmac(&k, sts.as_bytes()))
    }

    #[test]
    fn white_space_in_a_key_is_called_that() {
        let forty = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        assert!(SecretKey::new(forty.as_bytes().to_vec())
            .issues()
            .is_empty());
        let issues = SecretKey::new(format!("{forty}\r").into_bytes()).issues();
        assert_eq!(
            issues,
            [
                KeyIssue::CarriageReturn,
                KeyIssue::UnusualLength {
                    length: 41,
                    without_white_space: 40
                }
            ]
        );
        let issues = SecretKey::new(format!("{forty}\r\n").into_bytes()).issues();
        assert!(issues.contains(&KeyIssue::TrailingNewline), "{issues:?}");
        assert!(issues.contains(&KeyIssue::CarriageReturn), "{issues:?}");
        let issues = SecretKey::new(format!(" {forty}").into_bytes()).issues();
        assert!(
            issues.contains(&KeyIssue::SurroundingWhiteSpace),
            "{issues:?}"
        );
        let short = SecretKey::new(b"abc".to_vec()).issues();
        assert_eq!(
            short,
            [KeyIssue::UnusualLength {
                length: 3,
                without_white_space: 3
            }]
        );
    }

    #[test]
    fn a_signer_signs_as_a_fresh_derivation_would() {
        let key = SecretKey::new(b"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".to_vec());
        for scope in [
            "20240404/ap-southeast-1/s3/aws4_request",
            "",
            "a",
            "a/b",
            "a/b/c/d/e",
        ] {
            let signer = key.signer_v4(scope);
            for sts in ["", "AWS4-HMAC-SHA256\nx", "other"] {
                assert_eq!(signer.sign(sts), reference_v4(key.expose(), scope, sts));
                assert_eq!(key.sign_v4(scope, sts), signer.sign(sts));
            }
        }
        let v1 = key.signer_v1();
        for sts in ["GET\n\n\n\n/b/k", ""] {
            let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(key.expose()).unwrap();
            mac.update(sts.as_bytes());
            let reference =
                base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
            assert_eq!(v1.sign(sts), reference);
            assert_eq!(v1.sign(sts), key.sign_v1(sts), "signing twice");
        }
    }
}
