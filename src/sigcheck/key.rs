//! The secret key: held in memory that is zeroed when dropped, never printed
//! (no `Display`, a `Debug` that hides it), used only to sign.

use base64::Engine;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha1::Sha1;
use sha2::Sha256;
use zeroize::Zeroizing;

/// A secret access key. Zeroed on drop; `Debug` does not show it.
pub struct SecretKey(Zeroizing<Vec<u8>>);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

/// Something about a key that is often the mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyIssue {
    /// It ends with a line break (`echo` into a file, a copied line).
    TrailingNewline,
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
    },
}

/// OBS secret access keys are 40 characters long.
pub const OBS_KEY_LENGTH: usize = 40;

impl SecretKey {
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
            out.push(KeyIssue::UnusualLength { length });
        }
        out
    }

    /// OBS / V2: base64(HMAC-SHA1(key, string to sign)).
    #[must_use]
    // HMAC accepts a key of any length: the expect cannot fire.
    #[allow(clippy::missing_panics_doc)]
    pub fn sign_v1(&self, sts: &str) -> String {
        let mut mac =
            <Hmac<Sha1> as Mac>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(sts.as_bytes());
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    }

    /// V4: hex(HMAC-SHA256(signing key of `scope`, string to sign)), where
    /// `scope` is `date/region/service/aws4_request`.
    #[must_use]
    // HMAC accepts a key of any length: the expect cannot fire.
    #[allow(clippy::missing_panics_doc)]
    pub fn sign_v4(&self, scope: &str, sts: &str) -> String {
        let hmac = |k: &[u8], d: &[u8]| {
            let mut mac =
                <Hmac<Sha256> as Mac>::new_from_slice(k).expect("HMAC takes any key length");
            mac.update(d);
            Zeroizing::new(mac.finalize().into_bytes().to_vec())
        };
        let mut first = Zeroizing::new(b"AWS4".to_vec());
        first.extend_from_slice(&self.0);
        let mut k = first;
        let parts: Vec<&str> = scope.split('/').collect();
        for p in parts.iter().take(3) {
            k = hmac(&k, p.as_bytes());
        }
        k = hmac(&k, b"aws4_request");
        super::canon::hex(&hmac(&k, sts.as_bytes()))
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
