//! "Did you mean": the catalogued codes nearest a mistyped one, and the
//! words a shell may complete for a code.

use super::data::ENTRIES;
use super::entry::Entry;
use super::lookup::lookup_all;

/// No catalogued code or alias is longer (a test keeps it so), in bytes.
const MAX_CODE_LEN: usize = 64;

/// Up to three catalogued codes a mistyped `input` probably meant, best first.
///
/// Scores each code by the best of: edit similarity of the whole code (catches a
/// missing, extra or swapped letter, and wrong case), similarity of its words
/// (catches a changed word: `SignatureDoesntMatch`), and being a prefix of it
/// (`nosuchlifecycle`, `InvalidAccessKey`).
///
/// ```
/// let codes = |typo| obserr::suggest(typo).iter().map(|e| e.code).collect::<Vec<_>>();
/// assert_eq!(codes("AccesDenied"), ["AccessDenied"]);
/// assert_eq!(codes("nosuchlifecycle")[0], "NoSuchLifecycleConfiguration");
/// assert!(codes("zzzzzzzzzz").is_empty());
/// ```
#[must_use]
pub fn suggest(input: &str) -> Vec<&'static Entry> {
    let query: String = input
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect::<String>()
        .to_ascii_lowercase();
    // Beyond twice the longest code nothing is similar enough; and the cost
    // of comparing grows with the length of what was pasted.
    if query.len() < 2 || query.len() > 2 * MAX_CODE_LEN {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &'static Entry)> = ENTRIES
        .iter()
        .map(|e| {
            // A tool's code is also compared without its tool's name
            // (`obs.012` is close to `Browser Obs.0012`).
            let bare = e.tool().map(|_| e.bare_code());
            let best = std::iter::once(e.code)
                .chain(bare)
                .chain(e.aliases.iter().copied())
                .map(|k| similarity(&query, &k.replace(' ', "").to_ascii_lowercase()))
                .fold(0.0, f64::max);
            (best, e)
        })
        .filter(|(s, _)| *s >= SUGGEST_THRESHOLD)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.code.cmp(b.1.code)));
    // Only suggest codes nearly as close as the best one: a clear winner
    // should not come with two distractors.
    let best = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(s, _)| *s >= best - SUGGEST_MARGIN)
        .take(3)
        .map(|(_, e)| e)
        .collect()
}

const SUGGEST_THRESHOLD: f64 = 0.72;
const SUGGEST_MARGIN: f64 = 0.08;

fn similarity(query: &str, code: &str) -> f64 {
    // Optimal string alignment: Damerau-Levenshtein (swaps count as one edit)
    // without the alphabet map that makes strsim's unrestricted version slow.
    let longest = query.chars().count().max(code.chars().count()).max(1);
    let edit = 1.0 - strsim::osa_distance(query, code) as f64 / longest as f64;
    let prefix = if query.len() >= 4 && code.starts_with(query) {
        // Longer typed prefixes are stronger evidence.
        0.75 + 0.2 * (query.len() as f64 / code.len() as f64)
    } else {
        0.0
    };
    let jw = strsim::jaro_winkler(query, code) - 0.12;
    edit.max(prefix).max(jw)
}

impl Entry {
    /// The words a shell may complete for a code: every code, and every alias that
    /// is one shell word (an alias with a space, a documentation typo, would be
    /// split by the shell into two words that name nothing), then each shared tool
    /// code once (`Obs.0012`, which names an entry of each tool that uses it).
    /// Each comes with its first entry, whose message a shell may show beside it.
    pub fn completion_words() -> impl Iterator<Item = (&'static str, &'static Entry)> {
        let one_word = |w: &str| {
            w.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        };
        let codes = ENTRIES
            .iter()
            .flat_map(|e| {
                std::iter::once(e.code)
                    .chain(e.aliases.iter().copied())
                    .map(move |w| (w, e))
            })
            .filter(move |(w, _)| one_word(w));
        let shared = ENTRIES
            .iter()
            .filter_map(|e| e.shared_code.map(|c| (c, e)))
            .filter(|(c, e)| lookup_all(c).first().is_some_and(|f| std::ptr::eq(*f, *e)));
        codes.chain(shared)
    }
}

#[cfg(test)]
mod tests {
    use super::super::data::entries;
    use super::*;

    #[test]
    fn every_code_is_a_completion_word_and_every_word_resolves() {
        let words: Vec<&str> = Entry::completion_words().map(|(w, _)| w).collect();
        for e in entries().iter().filter(|e| !e.code.contains(' ')) {
            assert!(words.contains(&e.code), "{} is not completed", e.code);
        }
        for w in &words {
            assert!(!lookup_all(w).is_empty(), "{w} is completed but not found");
            assert!(!w.contains(char::is_whitespace), "{w:?} is not one word");
        }
        assert!(words.contains(&"Obs.0012"));
        let unique: std::collections::BTreeSet<&&str> = words.iter().collect();
        assert_eq!(unique.len(), words.len(), "a word is offered twice");
    }

    #[test]
    fn codes_and_aliases_fit_max_code_len() {
        for e in ENTRIES {
            assert!(e.code.len() <= MAX_CODE_LEN, "{}", e.code);
            assert!(
                e.aliases.iter().all(|a| a.len() <= MAX_CODE_LEN),
                "{}",
                e.code
            );
        }
        assert!(suggest(&"NoSuchKey".repeat(20)).is_empty());
    }

    #[test]
    fn suggestions_catch_the_usual_typos() {
        let cases = [
            ("NoSuchKy", "NoSuchKey"),
            ("AccesDenied", "AccessDenied"),
            ("AccessDeniedd", "AccessDenied"),
            ("SignatureDoesntMatch", "SignatureDoesNotMatch"),
            ("RequestTimeSkewed", "RequestTimeTooSkewed"),
            ("nosuchlifecycle", "NoSuchLifecycleConfiguration"),
            ("InvalidAccessKey", "InvalidAccessKeyId"),
            ("NOSUCHBUCKETT", "NoSuchBucket"),
            ("BucketNotEmty", "BucketNotEmpty"),
            ("EntityToLarge", "EntityTooLarge"),
        ];
        for (typo, want) in cases {
            let got: Vec<&str> = suggest(typo).iter().map(|e| e.code).collect();
            assert!(got.len() <= 3);
            assert_eq!(got.first().copied(), Some(want), "{typo}: {got:?}");
        }
        assert!(suggest("zzzzzzzzzz").is_empty());
        assert!(suggest("").is_empty());
    }
}
