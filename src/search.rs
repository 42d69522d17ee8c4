//! Fuzzy search over the catalogue: words of the query are matched against the
//! build-time index of code words, messages and solutions, forgiving typos,
//! prefixes and common paraphrases, and the entries are ranked best first.

use crate::catalogue::{entries, Entry, Kind, Term, VOCAB};
use crate::text;

/// One search result of [`search`]: the entry found and how well it matched
/// the query, best first in the results.
///
/// ```
/// let hits = obserr::search("clock skew", 3);
/// let best: &obserr::Hit = &hits[0];
/// assert_eq!(best.entry.code, "RequestTimeTooSkewed");
/// assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    /// The entry found.
    pub entry: &'static Entry,
    /// Relevance, higher is better; comparable within one search only.
    pub score: f64,
}

/// Paraphrases people type for the words the catalogue uses: each query word on
/// the left also searches the index words on the right.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("401", &["access", "denied", "signature"]),
    ("403", &["access", "denied", "forbidden"]),
    ("404", &["such", "exist"]),
    ("ak", &["access", "key"]),
    ("arrear", &["arrear", "balance"]),
    ("auth", &["signature", "authentication"]),
    ("balance", &["balance", "arrear"]),
    ("billing", &["arrear", "balance"]),
    ("checksum", &["digest", "md5"]),
    ("clock", &["skewed", "time"]),
    ("conflict", &["already", "conflict"]),
    ("credential", &["access", "key", "signature"]),
    ("deleted", &["deregistered", "such", "exist"]),
    ("denied", &["denied", "permission"]),
    ("empty", &["empty"]),
    ("exist", &["exist", "such"]),
    ("expired", &["expired", "token"]),
    ("file", &["object", "file"]),
    ("forbidden", &["denied", "forbidden"]),
    ("found", &["exist", "such"]),
    ("full", &["insufficient", "space", "capacity"]),
    ("hash", &["digest", "md5"]),
    ("md5", &["digest", "md5"]),
    ("mismatch", &["match"]),
    ("mismatched", &["match"]),
    ("missing", &["missing", "such", "exist", "lack", "carry"]),
    ("moved", &["redirect", "moved"]),
    ("notfound", &["such", "exist"]),
    ("ntp", &["skewed", "time"]),
    ("object", &["object", "key"]),
    ("permission", &["permission", "denied", "access"]),
    ("quota", &["quota", "insufficient", "space"]),
    ("rate", &["frequency", "slow"]),
    ("secret", &["signature"]),
    ("sk", &["signature"]),
    ("skew", &["skewed", "time"]),
    ("space", &["space", "storage"]),
    ("taken", &["already", "exist"]),
    ("throttle", &["slow", "frequency"]),
    ("throttled", &["slow", "frequency"]),
    ("throttling", &["slow", "frequency"]),
    ("timed", &["timeout"]),
    ("unpaid", &["arrear", "balance"]),
    ("wrong", &["match", "invalid", "incorrect"]),
];

/// Quality of a match between a query word and an index word.
const EXACT: f64 = 1.0;
const SYNONYM: f64 = 0.9;
const PREFIX: f64 = 0.8;
const TYPO: f64 = 0.7;

/// Query words looked at: a question is a few words; a pasted page is cut so
/// that its cost stays that of a question.
pub const MAX_QUERY_WORDS: usize = 32;

/// Searches the catalogue; `limit` caps the number of hits. An empty or
/// stop-word-only query finds nothing. Only the first `MAX_QUERY_WORDS`
/// words count.
///
/// ```
/// let hits = obserr::search("bucket not empty", 5);
/// assert_eq!(hits[0].entry.code, "BucketNotEmpty");
/// assert!(hits.len() <= 5);
/// // A code typed as words, or with a typo, is found too.
/// assert_eq!(obserr::search("no such kye", 1)[0].entry.code, "NoSuchKey");
/// assert!(obserr::search("the of a", 5).is_empty());
/// ```
#[must_use]
pub fn search(query: &str, limit: usize) -> Vec<Hit> {
    let exact = exact_code(query);
    let mut words = query_words(query);
    words.truncate(MAX_QUERY_WORDS);
    if words.is_empty() || limit == 0 {
        return Vec::new();
    }
    let n = entries().len();
    let mut total = vec![0.0f64; n];
    let mut matched = vec![0u16; n];
    let mut best = vec![0.0f64; n];
    for word in &words {
        best.fill(0.0);
        for_each_match(word, |term, quality| {
            let idf = (1.0 + n as f64 / term.postings().len() as f64).ln();
            for &(entry, weight) in term.postings() {
                let s = quality * f64::from(weight) * idf;
                let slot = &mut best[entry as usize];
                *slot = slot.max(s);
            }
        });
        for i in 0..n {
            if best[i] > 0.0 {
                total[i] += best[i];
                matched[i] += 1;
            }
        }
    }
    let mut hits: Vec<Hit> = (0..n)
        .filter(|&i| total[i] > 0.0)
        .map(|i| {
            // Entries that match every word of the query beat those matching a few
            // words strongly.
            let coverage = f64::from(matched[i]) / words.len() as f64;
            let entry = &entries()[i];
            // Most searches are about a server's answer: an SDK's or a tool's
            // code with as good a match ranks just below it.
            let kind = if entry.kind == Kind::Server { 1.0 } else { 0.5 };
            Hit {
                entry,
                score: total[i] * coverage * coverage * kind,
            }
        })
        .collect();
    // A query that is a code (`nosuchkey`, `No Such Key`) finds it first.
    if let Some(exact) = exact {
        let top = hits.iter().map(|h| h.score).fold(0.0, f64::max);
        match hits.iter_mut().find(|h| std::ptr::eq(h.entry, exact)) {
            Some(hit) => hit.score = top + 1.0,
            None => hits.push(Hit {
                entry: exact,
                score: top + 1.0,
            }),
        }
    }
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.entry.code.cmp(b.entry.code))
    });
    hits.truncate(limit);
    hits
}

/// The entry the whole query names as a code or alias, typed in any case,
/// with or without spaces between its words.
fn exact_code(query: &str) -> Option<&'static Entry> {
    let joined: String = query.split_whitespace().collect();
    if joined.is_empty() || joined.len() > 64 {
        return None;
    }
    crate::catalogue::lookup(query).or_else(|| crate::catalogue::lookup(&joined))
}

/// The query's words: split at white space, punctuation and case changes
/// (`NoSuchKey` -> `no such key`), normalised like the index, stop words dropped.
/// A word without capitals is prose, not a code: it is kept whole (`md5`), as
/// the index keeps prose words, unless it is a code typed in lower case
/// (`nosuchkey` -> `no such key`) or two index words run together
/// (`nosuch` -> `no such`).
fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = query
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                return text::code_words(w);
            }
            if let Some(e) = crate::catalogue::lookup(w) {
                return text::code_words(e.code);
            }
            let w = text::normalize(w);
            match split_joined(&w) {
                Some((a, b)) => vec![a.to_string(), b.to_string()],
                None => vec![w],
            }
        })
        .filter(|w| !text::is_stopword(w))
        .collect();
    words.dedup();
    words
}

/// Two index words typed without the space between them (`nosuch`), when the
/// word itself is no index word nor the start of one.
fn split_joined(word: &str) -> Option<(&str, &str)> {
    if word.len() < 5 || term(word).is_some() || VOCAB.iter().any(|t| t.word().starts_with(word)) {
        return None;
    }
    (2..word.len() - 1)
        .filter(|&i| word.is_char_boundary(i))
        .map(|i| word.split_at(i))
        .find(|(a, b)| term(a).is_some() && term(b).is_some())
}

/// Calls `found` for each index term that matches `word`, with the quality of the
/// match. Typos are only tried when nothing matches exactly, by synonym or prefix.
fn for_each_match(word: &str, mut found: impl FnMut(&'static Term, f64)) {
    let mut any = false;
    if let Some(t) = term(word) {
        found(t, EXACT);
        any = true;
    }
    if let Ok(i) = SYNONYMS.binary_search_by(|(k, _)| (*k).cmp(word)) {
        for t in SYNONYMS[i]
            .1
            .iter()
            .filter(|s| **s != word)
            .filter_map(|s| term(s))
        {
            found(t, SYNONYM);
            any = true;
        }
    }
    if word.len() >= 3 {
        let start = VOCAB.partition_point(|t| t.word() < word);
        for t in VOCAB[start..]
            .iter()
            .take_while(|t| t.word().starts_with(word))
        {
            if t.word() != word {
                found(t, PREFIX);
                any = true;
            }
        }
    }
    if any || word.len() < 3 {
        return;
    }
    if word.len() == 3 {
        // A short word forgives only two swapped letters (`kye`): one edit
        // of any kind would match half the three-letter words.
        let mut sorted: Vec<u8> = word.bytes().collect();
        sorted.sort_unstable();
        for t in VOCAB.iter().filter(|t| t.word().len() == 3) {
            let mut other: Vec<u8> = t.word().bytes().collect();
            other.sort_unstable();
            if other == sorted && strsim::osa_distance(word, t.word()) == 1 {
                found(t, TYPO);
            }
        }
        return;
    }
    let max_edits = if word.len() >= 8 { 2 } else { 1 };
    for t in VOCAB {
        if t.word().len().abs_diff(word.len()) <= max_edits
            && strsim::osa_distance(word, t.word()) <= max_edits
        {
            found(t, TYPO);
        }
    }
}

fn term(word: &str) -> Option<&'static Term> {
    VOCAB
        .binary_search_by(|t| t.word().cmp(word))
        .ok()
        .map(|i| &VOCAB[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_words_of_a_long_query_count() {
        let noise: String = (0..10_000).map(|i| format!("zzq{i} ")).collect();
        let long = format!("signature mismatch {noise}");
        let hits = search(&long, 3);
        // 2 of 32 words match: found, with a coverage penalty, but found.
        assert_eq!(hits[0].entry.code, "SignatureDoesNotMatch");
        let late = format!("{noise}signature");
        assert!(search(&late, 3).is_empty());
    }

    #[test]
    fn synonyms_are_sorted_for_binary_search() {
        assert!(SYNONYMS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn vocabulary_is_sorted_and_unique() {
        assert!(VOCAB.windows(2).all(|w| w[0].word() < w[1].word()));
    }

    #[test]
    fn query_words_split_codes_and_drop_stopwords() {
        assert_eq!(query_words("NoSuchKey"), ["no", "such", "key"]);
        assert_eq!(
            query_words("the bucket is not empty"),
            ["bucket", "not", "empty"]
        );
        assert!(query_words("the of a").is_empty());
        assert_eq!(query_words("nosuchkey"), ["no", "such", "key"]);
        assert_eq!(query_words("slowdown"), ["slow", "down"]);
        assert_eq!(query_words("nosuch key"), ["no", "such", "key"]);
    }

    #[test]
    fn a_code_typed_as_words_comes_first_and_short_typos_are_forgiven() {
        for (query, code) in [
            ("slowdown", "SlowDown"),
            ("nosuchkey", "NoSuchKey"),
            ("accessdenied", "AccessDenied"),
            ("no such key", "NoSuchKey"),
            ("obsutil 8", "obsutil 8"),
        ] {
            assert_eq!(search(query, 3)[0].entry.code, code, "{query}");
        }
        for query in ["no such kye", "nosuch key"] {
            let codes: Vec<&str> = search(query, 3).iter().map(|h| h.entry.code).collect();
            assert!(codes.contains(&"NoSuchKey"), "{query}: {codes:?}");
        }
    }

    #[test]
    fn empty_queries_and_zero_limits_find_nothing() {
        assert!(search("", 10).is_empty());
        assert!(search("   ", 10).is_empty());
        assert!(search("bucket", 0).is_empty());
        assert!(search("qqqqqqqqqqqqqq", 10).is_empty());
    }

    #[test]
    fn results_are_ranked_and_limited() {
        let hits = search("bucket", 5);
        assert_eq!(hits.len(), 5);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
}
