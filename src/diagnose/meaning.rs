//! Which documented meaning of a code applies to a response: the row the
//! server's message names, or the code's generic meaning.

use crate::catalogue::{Documented, Entry};

/// Which documented meaning of a code applies to this response.
#[derive(Debug, Clone, Copy)]
pub enum Meaning {
    /// A documented row whose cause the server's message names (or the only
    /// row, or the first where none is more likely).
    Documented(&'static Documented),
    /// The code's generic meaning: its rows are narrow causes and the
    /// server's message names none of them (`AccessDenied`: `Access Denied`).
    Generic,
}

/// Codes whose documented rows are narrow special cases of a broader meaning:
/// without a message naming a row, the broader meaning applies.
const GENERIC_MEANING: &[&str] = &["AccessDenied"];

/// Words that say nothing about which cause a row describes.
const UNSPECIFIC: &[&str] = &[
    "request",
    "because",
    "specified",
    "cannot",
    "provided",
    "incorrect",
    "invalid",
];

/// The documented meaning of `entry` that the server's `message` names: the
/// row sharing at least two distinctive words with it (words of that row and
/// no other, not the code's own, not stop words), else the generic meaning
/// for codes that have one, else the primary row.
///
/// (When the catalogue carries causes with their own matching, this is the
/// one function to switch over.)
#[must_use]
pub fn meaning(entry: &'static Entry, message: Option<&str>) -> Meaning {
    let primary = Meaning::Documented(&entry.documented[0]);
    let generic = GENERIC_MEANING.contains(&entry.code);
    let Some(message) = message else {
        return if generic { Meaning::Generic } else { primary };
    };
    let own: Vec<String> = crate::text::code_words(entry.code)
        .iter()
        .map(|w| crate::text::normalize(w))
        .collect();
    let words = |text: &str| -> Vec<String> {
        let mut w: Vec<String> = crate::text::prose_words(text)
            .into_iter()
            .filter(|w| w.len() > 3 && !own.contains(w) && !UNSPECIFIC.contains(&w.as_str()))
            .collect();
        w.sort();
        w.dedup();
        w
    };
    let said = words(message);
    let rows: Vec<Vec<String>> = entry.documented.iter().map(|d| words(d.message)).collect();
    let best = entry
        .documented
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let distinctive = rows[i]
                .iter()
                .filter(|w| {
                    rows.iter()
                        .enumerate()
                        .all(|(j, r)| j == i || !r.contains(w))
                })
                .filter(|w| said.contains(w))
                .count();
            (distinctive, d)
        })
        .filter(|(n, _)| *n >= 2)
        .max_by_key(|(n, _)| *n);
    match best {
        Some((_, d)) => Meaning::Documented(d),
        None if generic => Meaning::Generic,
        None => primary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;
    use crate::diagnose::diagnose;

    #[test]
    fn the_cause_is_the_one_the_message_points_to() {
        let cause = |xml: &str| {
            diagnose(crate::decode::decode(xml.as_bytes()))
                .cause
                .map(|c| c.cause)
        };
        let e = catalogue::lookup("AccessDenied").unwrap();
        assert_eq!(
            cause("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"),
            Some(e.causes[0].cause)
        );
        let kms = cause(
            "<Error><Code>AccessDenied</Code><Message>No privilege to this kms operation.</Message></Error>",
        );
        assert!(kms.is_some_and(|c| c.contains("KMS")), "{kms:?}");
        // A code without causes has none.
        assert_eq!(
            cause("<Error><Code>BucketNotEmpty</Code><Message>x</Message></Error>"),
            None
        );
    }

    #[test]
    fn access_denied_takes_the_meaning_its_message_names() {
        let e = catalogue::lookup("AccessDenied").unwrap();
        let row = |m: Meaning| match m {
            Meaning::Documented(d) => d.message,
            Meaning::Generic => "generic",
        };
        assert_eq!(row(meaning(e, Some("Access Denied"))), "generic");
        assert_eq!(row(meaning(e, None)), "generic");
        assert_eq!(
            row(meaning(
                e,
                Some("There were headers present in the request which were not signed")
            )),
            "generic"
        );
        assert!(row(meaning(
            e,
            Some("AWS authentication requires a valid Date or x-amz-date header")
        ))
        .contains("date header"));
        assert!(row(meaning(
            e,
            Some("The object is immutable under its WORM retention and cannot be deleted.")
        ))
        .contains("immutable"));
        // A code without a generic meaning keeps its primary row.
        let e = catalogue::lookup("NoSuchKey").unwrap();
        assert_eq!(row(meaning(e, Some("whatever"))), e.documented[0].message);
    }
}
