//! The catalogue's codes, as decode needs them to tell a code from a word:
//! decode sits below the catalogue and does not look into it. `build.rs`
//! writes the words from `data/codes.json` with the catalogue's own statics
//! (`decode_codes.rs`), so the two never disagree; `tests/it/decode.rs` checks
//! both answers against `catalogue::lookup` for every code, alias and a
//! sample of other words.

use std::cmp::Ordering;

/// Sorted words as `(offset, length)` spans of one string: spans are no
/// pointers, so they cost the start-up no relocation.
struct Words {
    text: &'static str,
    spans: &'static [(u16, u8)],
}

impl Words {
    /// The place of the word `cmp` finds equal, by binary search.
    fn search(&self, cmp: impl Fn(&[u8]) -> Ordering) -> bool {
        self.spans
            .binary_search_by(|&(at, len)| {
                let at = usize::from(at);
                cmp(&self.text.as_bytes()[at..at + usize::from(len)])
            })
            .is_ok()
    }
}

include!(concat!(env!("OUT_DIR"), "/decode_codes.rs"));

/// Whether `word` is a catalogued code exactly as the catalogue spells it:
/// `catalogue::lookup(word)` is the entry whose code is `word`.
#[must_use]
pub fn is_code(word: &str) -> bool {
    CODES.search(|code| code.cmp(word.as_bytes()))
}

/// Whether the catalogue knows `word` as a code or alias, in any ASCII case
/// and with white space around it (an alias with spaces also without them):
/// `catalogue::lookup(word)` finds an entry.
#[must_use]
pub fn is_key(word: &str) -> bool {
    let word = word.trim().as_bytes();
    // The keys are lower case: compare with the word's lower case, without
    // a copy of it.
    KEYS.search(|key| {
        key.iter()
            .copied()
            .cmp(word.iter().map(u8::to_ascii_lowercase))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_as_spelled_and_keys_in_any_case() {
        assert!(is_code("NoSuchKey"));
        assert!(!is_code("nosuchkey"));
        assert!(!is_code(" NoSuchKey"));
        assert!(is_key("nosuchkey"));
        assert!(is_key(" NOSUCHKEY\n"));
        assert!(!is_key("NoSuchThing"));
        assert!(!is_key(""));
    }
}
