//! The catalogue's data: the statics `build.rs` generates from `data/*.json`
//! (entries, sources, statuses, the lookup keys and the search index), and
//! the two index types stored as spans of one string rather than as
//! pointers. Nothing is parsed at run time.

use super::entry::{
    Cause, CauseSource, CauseSourceKind, Check, Documented, Entry, Kind, Source, SourceKind,
    StatusInfo,
};
use super::sdk::Sdk;

/// One word of the search index and the entries (index, field weight) it
/// occurs in. Stored as spans of one string and one array, not as pointers:
/// a pointer in a static costs a relocation at start-up.
#[derive(Debug)]
pub struct Term {
    word_at: u32,
    word_len: u8,
    postings_at: u32,
    postings_len: u16,
}

impl Term {
    /// The normalised word.
    #[must_use]
    pub fn word(&self) -> &'static str {
        let at = self.word_at as usize;
        &VOCAB_TEXT[at..at + usize::from(self.word_len)]
    }
    /// (entry index, field weight) pairs.
    #[must_use]
    pub fn postings(&self) -> &'static [(u16, u8)] {
        let at = self.postings_at as usize;
        &POSTINGS[at..at + usize::from(self.postings_len)]
    }
}

/// One lookup key (a code or alias, lower case) as a span of `LOOKUP_TEXT`,
/// and the index of its entry.
#[derive(Debug)]
pub(crate) struct Key {
    at: u32,
    len: u8,
    pub(super) entry: u16,
}

impl Key {
    pub(super) fn text(&self) -> &'static str {
        let at = self.at as usize;
        &LOOKUP_TEXT[at..at + usize::from(self.len)]
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogue_data.rs"));

/// Every catalogued entry, sorted by code (case-insensitively): server,
/// client, tool and SDK-status codes alike, for a caller that filters or
/// indexes the catalogue itself ([`list`](crate::list) filters it as `list` does).
///
/// ```
/// let all = obserr::entries();
/// assert!(all.iter().any(|e| e.code == "NoSuchKey"));
/// assert!(all.windows(2).all(|w| w[0].code.to_lowercase() < w[1].code.to_lowercase()));
/// let retryable = all.iter().filter(|e| e.retryable).count();
/// assert!(0 < retryable && retryable < all.len());
/// ```
#[must_use]
pub fn entries() -> &'static [Entry] {
    ENTRIES
}

/// The day the catalogue was last checked against the documentation
/// (`data/catalogue.json`, YYYY-MM-DD; `--version` shows it).
#[must_use]
pub fn updated() -> &'static str {
    UPDATED
}

/// The documentation pages the catalogue is built from.
#[must_use]
pub fn sources() -> &'static [Source] {
    SOURCES
}

impl Source {
    /// Every documentation page the catalogue quotes, in its order (the
    /// values of `list --source`).
    ///
    /// ```
    /// assert!(obserr::Source::all().iter().any(|s| s.url.starts_with("https://")));
    /// ```
    #[must_use]
    pub fn all() -> &'static [Source] {
        sources()
    }
}

impl Entry {
    /// The date the catalogue's data was last checked against its sources
    /// (`YYYY-MM-DD`).
    #[must_use]
    pub fn catalogue_updated() -> &'static str {
        updated()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_date_is_a_day_not_in_the_future() {
        let day = crate::timestamp::parse_millis(&format!("{}T00:00:00Z", updated()))
            .expect("build.rs checked it");
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis();
        assert!(u128::try_from(day).unwrap() <= now, "{}", updated());
    }
}
