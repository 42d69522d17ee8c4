//! The labels a line of text names its fields with (`Status Code`,
//! `x-amz-request-id`, `ErrorCode`, ...), in every spelling, and the one
//! automaton that finds them all in one pass over a text. What follows a
//! label is read by [`super::labels`].

use super::field::Field;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// The labels, in phrases: the decoder's one alias table ([`super::field`])
/// names single tokens (`errorcode`); a label in text is also written in words
/// (`Error Code`, `AWS Error Code`, `S3 Extended Request ID`), which this
/// table spells out. A test keeps the two in agreement. The automaton prefers
/// the longest at a place. `reason` is a reason phrase (Python SDK) or a
/// message (Terraform), by its value; a bare `key` counts only in brackets
/// (`key=AKIA...` is an access key id).
const LABELS: &[(&[&str], Field)] = &[
    (&["s3", "extended", "request", "id"], Field::HostId),
    (&["s3", "error", "host", "id"], Field::HostId),
    (&["s3", "error", "message"], Field::Message),
    (&["s3", "error", "code"], Field::Code),
    (&["s3", "error"], Field::Status),
    (&["x", "amz", "request", "id"], Field::RequestId),
    (&["x", "obs", "request", "id"], Field::RequestId),
    (&["x", "amz", "id", "2"], Field::HostId),
    (&["x", "obs", "id", "2"], Field::HostId),
    // esdk-obs-python's header list drops the prefix: `('id-2', '...')`;
    // minio-js's S3Error has `amzRequestid` and `amzId2`.
    (&["id", "2"], Field::HostId),
    (&["amz", "request", "id"], Field::RequestId),
    (&["amz", "id", "2"], Field::HostId),
    (&["x", "amz", "error", "code"], Field::Code),
    (&["x", "obs", "error", "code"], Field::Code),
    (&["x", "amz", "error", "message"], Field::Message),
    (&["x", "obs", "error", "message"], Field::Message),
    (&["aws", "request", "id"], Field::RequestId),
    (&["aws", "error", "code"], Field::Code),
    (&["aws", "error", "message"], Field::Message),
    (&["extended", "request", "id"], Field::HostId),
    (&["http", "status", "code"], Field::Status),
    (&["http", "response", "code"], Field::Status),
    (&["http", "status"], Field::Status),
    (&["http", "code"], Field::Status),
    (&["status", "code"], Field::Status),
    (&["response", "code"], Field::Status),
    (&["response", "status"], Field::Reason),
    (&["response", "message"], Field::Reason),
    (&["client", "error"], Field::Status),
    (&["error", "code"], Field::Code),
    (&["error", "message"], Field::Message),
    (&["error", "msg"], Field::Message),
    (&["err", "code"], Field::Code),
    (&["errcode"], Field::Code),
    (&["request", "id"], Field::RequestId),
    (&["host", "id"], Field::HostId),
    (&["bucket", "name"], Field::Bucket),
    (&["object", "key"], Field::Key),
    (&["object", "name"], Field::Key),
    (&["bucket"], Field::Bucket),
    (&["key"], Field::Key),
    (&["status"], Field::Status),
    // Python OBS tools' own result lines: `stat:404`, `errorCode:NoSuchKey`.
    (&["stat"], Field::Status),
    // keystoneauth/openstacksdk debug logs: `RESP: [403] Content-Length: ...`.
    (&["resp"], Field::Status),
    (&["code"], Field::Code),
    (&["message"], Field::Message),
    (&["reason"], Field::Reason),
];

/// Every spelling of every label in one case-insensitive automaton: a line
/// is searched once. Words are written apart (by a space, `_` or `-`) or
/// joined; the automaton holds each label with `_` or nothing between its
/// words, and searches a copy of the text in which every space and `-` reads
/// `_` ([`unify`]). That is the same matches as spelling out all four
/// separators (`tests::unified_search_finds_what_every_spelling_finds`), with
/// a quarter of the patterns for a two-word label and a sixty-fourth for a
/// four-word one: the automaton was 1,000 patterns and cost about 36 million
/// instructions to build, once per run that reads free text.
static SPELLINGS: LazyLock<(AhoCorasick, Vec<Field>)> = LazyLock::new(|| {
    let (patterns, fields) = spelled(&["", "_"]);
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("label spellings build an automaton");
    (automaton, fields)
});

/// Every label written with each of `separators` between its words (the
/// first spelling of a string wins), and the field of each.
fn spelled(separators: &[&str]) -> (Vec<String>, Vec<Field>) {
    let mut patterns = Vec::new();
    let mut fields = Vec::new();
    for (words, field) in LABELS {
        let mut spellings = vec![words[0].to_string()];
        for word in &words[1..] {
            spellings = spellings
                .iter()
                .flat_map(|s| separators.iter().map(move |sep| format!("{s}{sep}{word}")))
                .collect();
        }
        for spelling in spellings {
            if !patterns.contains(&spelling) {
                patterns.push(spelling);
                fields.push(*field);
            }
        }
    }
    (patterns, fields)
}

/// A byte as the label automaton reads it: the separators between a label's
/// words are all `_`.
fn unify(b: u8) -> u8 {
    if matches!(b, b' ' | b'-') {
        b'_'
    } else {
        b
    }
}

/// The label spellings in `text`, in order: `(start, end, pattern)`, the
/// pattern's field at its index of [`fields`]. The search runs over a whole chunk
/// of text at once; [`super::labels::read_with`] takes the ones of each line.
pub fn hits(text: &str) -> Hits {
    Hits {
        text: text.bytes().map(unify).collect(),
        at: 0,
    }
}

/// The field each pattern of a hit names, by the pattern's index.
pub fn fields() -> &'static [Field] {
    &SPELLINGS.1
}

/// The iterator of [`hits`]: the search runs over its own copy of the
/// text, with the separators unified (the same length, so every offset is
/// the text's).
pub struct Hits {
    text: Vec<u8>,
    at: usize,
}

impl Iterator for Hits {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let input = aho_corasick::Input::new(&self.text).span(self.at..self.text.len());
        let m = SPELLINGS.0.find(input)?;
        // No spelling is empty: the next search starts after this one, as
        // `find_iter`'s does.
        self.at = m.end();
        Some((m.start(), m.end(), m.pattern().as_usize()))
    }
}

#[cfg(test)]
mod tests {
    use super::super::field;
    use super::*;

    /// The search before [`unify`]: every label spelled with each of the
    /// four separators, over the text as it is.
    fn every_spelling(text: &str) -> Vec<(usize, usize, Field)> {
        static OLD: LazyLock<(AhoCorasick, Vec<Field>)> = LazyLock::new(|| {
            let (patterns, fields) = spelled(&["", " ", "_", "-"]);
            let automaton = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .unwrap();
            (automaton, fields)
        });
        OLD.0
            .find_iter(text)
            .map(|m| (m.start(), m.end(), OLD.1[m.pattern().as_usize()]))
            .collect()
    }

    fn unified(text: &str) -> Vec<(usize, usize, Field)> {
        hits(text).map(|(s, e, p)| (s, e, fields()[p])).collect()
    }

    #[test]
    fn unified_search_finds_what_every_spelling_finds_in_known_lines() {
        for text in [
            "S3 Extended Request ID: abc, x-amz-request-id: R, x_obs_id_2=H",
            "Error-Code  --  error--code error_code-message errorcode",
            "status code: 403 StatusCode=404 status-code status_code_message",
            "aws-error-code aws error code AWS_ERROR_CODE awserrorcode",
            "x-amz-id-2 x amz id 2 xamzid2 x-amz-id-22",
            "",
            "-",
            " request id",
        ] {
            assert_eq!(unified(text), every_spelling(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Any text made of label words, every separator (doubled ones too),
        /// case changes and other bytes: the same matches, at the same
        /// places, for the same fields.
        #[test]
        fn unified_search_finds_what_every_spelling_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "s3", "S3", "extended", "request", "Request", "id", "ID", "2", "x", "amz",
                    "obs", "error", "Error", "code", "message", "msg", "err", "aws", "http",
                    "status", "response", "client", "bucket", "key", "name", "object", "host",
                    "resp", "reason", "errcode", " ", "_", "-", "  ", "--", ":", "=", "a", "é",
                    "\n", "[", "0",
                ]),
                0..24,
            ),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(unified(&text), every_spelling(&text), "{:?}", text);
        }
    }

    /// Every single-token alias of the decoder's table is a label here too,
    /// for the same field: the two never disagree on what a name means.
    #[test]
    fn the_phrases_agree_with_the_alias_table() {
        for (words, field) in LABELS {
            let joined = words.concat();
            if let Some(f) = field::field(&joined) {
                assert_eq!(f, *field, "{joined}");
            }
        }
        for alias in [
            "status",
            "statuscode",
            "responsecode",
            "httpstatus",
            "httpcode",
            "code",
            "errorcode",
            "message",
            "errormessage",
            "errormsg",
            "requestid",
            "hostid",
            "bucket",
            "bucketname",
            "key",
            "objectkey",
            "objectname",
            "reason",
            "responsestatus",
        ] {
            let f = field::field(alias).unwrap();
            assert!(
                LABELS.iter().any(|(w, lf)| w.concat() == alias && *lf == f),
                "{alias} has no label"
            );
        }
    }
}
