//! Word splitting shared by the build script (which indexes the catalogue) and
//! the search at run time (which splits the query), so both see the same words.
//!
//! This file is compiled twice: as `obserr::text` and, through `#[path]`, inside
//! `build.rs`. It must therefore use nothing but `std`.

/// Words too common in the catalogue's prose to say anything about a code.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "been",
    "by",
    "can",
    "do",
    "does",
    "for",
    "from",
    "has",
    "have",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "my",
    "of",
    "on",
    "or",
    "so",
    "that",
    "the",
    "their",
    "then",
    "this",
    "to",
    "was",
    "when",
    "which",
    "with",
    "you",
    "your",
    "error",
    "errors",
    "code",
    "message",
    "please",
    "specified",
];

/// True for words that are skipped in both the index and the query.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Lower-cases a word and folds a plain English plural (`buckets` -> `bucket`),
/// so that singular and plural land on the same index entry.
pub fn normalize(word: &str) -> String {
    let mut w = word.to_ascii_lowercase();
    if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
    w
}

/// Splits prose into normalised words: runs of ASCII letters and digits,
/// stop words dropped. Non-ASCII characters separate words.
#[allow(dead_code)] // build.rs indexes the catalogue's prose with it
pub fn prose_words(text: &str) -> Vec<String> {
    // Bare numbers ("5 GB", "100 KB") say little and would outrank `md5` or
    // `sys 0014`, whose digits a query splits off.
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .map(normalize)
        .filter(|w| !is_stopword(w))
        .collect()
}

/// Splits an error code at case changes and punctuation:
/// `NoSuchKey` -> `no such key`, `AZRedundancyTypeNotSupported` -> `az redundancy
/// type not supported`, `KMS.DisabledException` -> `kms disabled exception`.
pub fn code_words(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            push_word(&mut words, &mut current);
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let boundary = match prev {
            Some(p) if c.is_ascii_uppercase() => {
                p.is_ascii_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
            }
            Some(p) if c.is_ascii_digit() => p.is_ascii_alphabetic(),
            _ => false,
        };
        if boundary {
            push_word(&mut words, &mut current);
        }
        current.push(c);
    }
    push_word(&mut words, &mut current);
    words
}

fn push_word(words: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        words.push(normalize(current));
        current.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_words_split_at_case_changes_and_acronyms() {
        assert_eq!(code_words("NoSuchKey"), ["no", "such", "key"]);
        assert_eq!(
            code_words("AZRedundancyTypeNotSupported"),
            ["az", "redundancy", "type", "not", "supported"]
        );
        assert_eq!(
            code_words("KMS.DisabledException"),
            ["kms", "disabled", "exception"]
        );
        assert_eq!(code_words("InvalidURI"), ["invalid", "uri"]);
        assert_eq!(
            code_words("MalformedPOSTRequest"),
            ["malformed", "post", "request"]
        );
    }

    #[test]
    fn prose_words_drop_stopwords_and_fold_plurals() {
        assert_eq!(
            prose_words("Delete some buckets and try again."),
            ["delete", "some", "bucket", "try", "again"]
        );
        assert_eq!(prose_words("Access™ denied"), ["access", "denied"]);
        assert_eq!(normalize("access"), "access");
        assert_eq!(normalize("Status"), "status");
    }
}
