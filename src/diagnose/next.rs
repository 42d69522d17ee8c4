//! Where to go from here: the nearest catalogued codes to an unknown one,
//! and the obserr command to run next.

use super::diagnosis::Next;
use super::hint::Hint;
use crate::catalogue::{self, Entry};
use crate::decode::Response;

/// Codes long or odd enough that comparing them with the catalogue is pointless.
fn plausible_code(code: &str) -> bool {
    code.len() <= 64 && !code.contains(char::is_whitespace)
}

/// For an uncatalogued code: the nearest catalogued ones, best first.
pub(super) fn suggestions(r: &Response, entry: Option<&'static Entry>) -> Vec<&'static Entry> {
    match (&r.code, entry) {
        (Some(code), None) if plausible_code(code) => catalogue::suggest(code),
        _ => Vec::new(),
    }
}

/// An uncatalogued code, with the nearest catalogued ones.
pub(super) fn unknown_code(
    r: &Response,
    entry: Option<&'static Entry>,
    suggestions: &[&'static Entry],
) -> Option<Hint> {
    match (&r.code, entry) {
        (Some(code), None) => Some(Hint::UnknownCode {
            code: code.clone(),
            nearest: suggestions.iter().map(|e| e.code).collect(),
        }),
        _ => None,
    }
}

/// The obserr command to run next.
pub(super) fn next(
    r: &Response,
    entry: Option<&'static Entry>,
    suggestions: &[&'static Entry],
) -> Next {
    if r.code.as_deref() == Some("SignatureDoesNotMatch") && r.detail("StringToSign").is_some() {
        return Next::Sigcheck(None);
    }
    if let Some(e) = entry.or_else(|| suggestions.first().copied()) {
        return Next::Explain(e.code);
    }
    // Only a status that explain knows; a 200 is not one.
    if let Some(status) = r.status.filter(|&s| catalogue::status_info(s).is_some()) {
        return Next::ExplainStatus(status);
    }
    if let Some(code) = &r.code {
        let words = crate::text::code_words(code);
        if !words.is_empty() && plausible_code(code) {
            return Next::Search(words);
        }
    }
    Next::List
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    #[test]
    fn status_only_unknown_codes_and_next_steps() {
        let d = diagnose(decode(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
        ));
        assert!(!d.found());
        let Hint::StatusOnly {
            status: 404,
            codes,
            no_body: true,
            ..
        } = &d.findings[0]
        else {
            panic!("{:?}", d.findings)
        };
        assert!(codes.contains(&"NoSuchKey"));
        assert_eq!(d.next, Next::ExplainStatus(404));
        let d = diagnose(decode(b"<Error><Code>NoSuchKy</Code></Error>"));
        assert_eq!(d.retryable(), None);
        assert!(
            matches!(&d.findings[0], Hint::UnknownCode { nearest, .. } if nearest[0] == "NoSuchKey")
        );
        assert_eq!(d.next, Next::Explain("NoSuchKey"));
        let d = diagnose(decode(b"{\"code\":\"SYS.0014\"}"));
        assert_eq!(d.next, Next::Explain("SYS.0014"));
        assert_eq!(diagnose(decode(b"hello")).next, Next::List);
        let d = diagnose(decode(
            b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n\r\n",
        ));
        assert_eq!(d.findings[0], Hint::NotAnError { status: 200 });
    }
}
