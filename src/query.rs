//! Reads what a user passes to `explain`: a code in any case, an alias, a bare
//! HTTP status, or a code in the forms people paste from logs
//! (`NoSuchKey (404)`, `404 NoSuchKey`, `error code [NoSuchKey]`,
//! `x-obs-error-code: NoSuchKey`, `<Code>NoSuchKey</Code>`).

use crate::catalogue::{self, Entry};

/// What one `explain` argument names.
#[derive(Debug)]
pub enum Resolved {
    /// A catalogued code.
    Code(&'static Entry),
    /// A bare HTTP status.
    Status(u16),
    /// Nothing catalogued; `token` is the part that looked like a code.
    Unknown {
        /// The part of the argument that looked like a code.
        token: String,
        /// The nearest catalogued codes, best first.
        suggestions: Vec<&'static Entry>,
    },
}

/// Words that surround a code in pasted log lines and headers.
const NOISE: &[&str] = &[
    "code",
    "error",
    "errorcode",
    "error_code",
    "http",
    "status",
    "x-amz-error-code",
    "x-obs-error-code",
    "obs",
    "s3",
];

/// Resolves one argument of `explain`.
pub fn resolve(arg: &str) -> Resolved {
    if let Some(entry) = catalogue::lookup(arg) {
        return Resolved::Code(entry);
    }
    // Dots and dashes belong to codes (`KMS.DisabledException`), but not at
    // either end: that is the sentence around it (`InternalError.`).
    let tokens: Vec<&str> = arg
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .map(|t| t.trim_matches(|c| matches!(c, '.' | '-' | '_')))
        .filter(|t| !t.is_empty())
        .collect();
    let status = tokens.iter().find_map(|t| parse_status(t));
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| parse_status(t).is_none() && !NOISE.contains(&t.to_ascii_lowercase().as_str()))
        .collect();
    if let Some(entry) = words.iter().find_map(|w| catalogue::lookup(w)) {
        return Resolved::Code(entry);
    }
    if let Some(entry) = catalogue::lookup(&words.concat()) {
        return Resolved::Code(entry);
    }
    match (words.first(), status) {
        (None, Some(status)) => Resolved::Status(status),
        (None, None) => Resolved::Unknown {
            token: arg.trim().to_string(),
            suggestions: Vec::new(),
        },
        (Some(_), _) => {
            let token = words.concat();
            let suggestions = catalogue::suggest(&token);
            // With control characters in it the argument is no clean paste:
            // echo all of it (made visible) rather than a cleaned-up guess.
            let token = if arg.chars().any(char::is_control) {
                arg.trim().to_string()
            } else {
                token
            };
            Resolved::Unknown { token, suggestions }
        }
    }
}

/// A three-digit HTTP status between 100 and 599.
#[must_use]
pub fn parse_status(token: &str) -> Option<u16> {
    if token.len() == 3 && token.bytes().all(|b| b.is_ascii_digit()) {
        token.parse().ok().filter(|s| (100..=599).contains(s))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(arg: &str) -> Option<&'static str> {
        match resolve(arg) {
            Resolved::Code(e) => Some(e.code),
            _ => None,
        }
    }

    #[test]
    fn pasted_forms_resolve_to_the_code() {
        for arg in [
            "NoSuchKey",
            "nosuchkey",
            "  NOSUCHKEY\t",
            "NoSuchKey (404)",
            "404 NoSuchKey",
            "error code [NoSuchKey]",
            "x-obs-error-code: NoSuchKey",
            "x-amz-error-code:NoSuchKey",
            "<Code>NoSuchKey</Code>",
            "\"Code\": \"NoSuchKey\"",
        ] {
            assert_eq!(code(arg), Some("NoSuchKey"), "{arg:?}");
        }
        assert_eq!(
            code("IncorrectNumberOfFilesInPost Request"),
            Some("IncorrectNumberOfFilesInPostRequest")
        );
        assert_eq!(code("KMS.DisabledException"), Some("KMS.DisabledException"));
        for arg in [
            "InternalError.",
            "InternalError:",
            "InternalError...",
            "(InternalError).",
        ] {
            assert_eq!(code(arg), Some("InternalError"), "{arg:?}");
        }
    }

    #[test]
    fn bare_statuses_are_statuses() {
        assert!(matches!(resolve("403"), Resolved::Status(403)));
        assert!(matches!(resolve(" 503 "), Resolved::Status(503)));
        assert!(matches!(resolve("HTTP 404"), Resolved::Status(404)));
        assert!(matches!(resolve("999"), Resolved::Unknown { .. }));
    }

    #[test]
    fn unknown_codes_carry_suggestions() {
        match resolve("error code [NoSuchKy]") {
            Resolved::Unknown { token, suggestions } => {
                assert_eq!(token, "NoSuchKy");
                assert_eq!(suggestions[0].code, "NoSuchKey");
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(resolve(""), Resolved::Unknown { ref suggestions, .. } if suggestions.is_empty())
        );
    }
}
