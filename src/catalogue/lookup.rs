//! Finding entries: exact lookup of a code or alias in any case, a shared
//! tool code's every entry, a tool's code by its tool, and what the
//! catalogue says about an HTTP status.

use super::data::{ENTRIES, LOOKUP, SHARED, STATUSES};
use super::entry::{Entry, StatusInfo, TOOL_WORDS};

/// Every entry a code names: the one entry of a code or alias, or all the
/// entries of a shared tool code (`Obs.0012` is one code in OBS Console and
/// another in OBS Browser+). Empty when nothing is catalogued under it.
#[must_use]
pub fn lookup_all(code: &str) -> Vec<&'static Entry> {
    if let Some(e) = lookup(code) {
        return vec![e];
    }
    let key = code.trim().to_ascii_lowercase();
    SHARED
        .binary_search_by(|(k, _)| (*k).cmp(key.as_str()))
        .map(|i| SHARED[i].1.iter().map(|&n| &ENTRIES[n as usize]).collect())
        .unwrap_or_default()
}

/// Exact lookup of a code or alias, ignoring ASCII case and surrounding
/// space: the catalogue's [`Entry`] for it, or `None` ([`suggest`](crate::suggest)
/// then finds what a typo meant).
///
/// ```
/// let e = obserr::lookup(" nosuchkey\n").unwrap();
/// assert_eq!((e.code, e.status()), ("NoSuchKey", Some(404)));
/// assert_eq!(obserr::lookup("obsutil:8").unwrap().code, "obsutil 8");
/// assert!(obserr::lookup("NoSuchKy").is_none());
/// ```
#[must_use]
pub fn lookup(code: &str) -> Option<&'static Entry> {
    let key = code.trim().to_ascii_lowercase();
    LOOKUP
        .binary_search_by(|k| k.text().cmp(key.as_str()))
        .ok()
        .map(|i| &ENTRIES[usize::from(LOOKUP[i].entry)])
}

/// What OBS says about an HTTP status, if it is one the catalogue knows.
#[must_use]
pub fn status_info(status: u16) -> Option<&'static StatusInfo> {
    STATUSES.iter().find(|s| s.status == status)
}

/// The reason phrase for a status, as OBS's tables write it.
#[must_use]
pub fn reason(status: u16) -> Option<&'static str> {
    status_info(status).map(|s| s.reason)
}

/// The entries of one tool's code: `tool` is one of `TOOL_WORDS` (any case),
/// `code` its code (`8`, `255` for obsutil's -1, `Obs.0012`).
#[must_use]
pub fn lookup_tool(tool: &str, code: &str) -> Option<&'static Entry> {
    let tool = tool.trim().to_ascii_lowercase();
    if !TOOL_WORDS.contains(&tool.as_str()) {
        return None;
    }
    lookup(&format!("{tool} {}", code.trim()))
}

impl StatusInfo {
    /// What OBS says about `status`, if the catalogue knows it.
    ///
    /// ```
    /// let info = obserr::StatusInfo::of(404).unwrap();
    /// assert_eq!(info.reason, "Not Found");
    /// assert!(obserr::StatusInfo::of(299).is_none());
    /// ```
    #[must_use]
    pub fn of(status: u16) -> Option<&'static StatusInfo> {
        status_info(status)
    }

    /// Every status some catalogued code is documented with, ascending (what
    /// `list --status` finds codes for).
    #[must_use]
    pub fn catalogued() -> Vec<u16> {
        let mut out: Vec<u16> = ENTRIES
            .iter()
            .flat_map(|e| e.documented.iter().filter_map(|d| d.status))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl Entry {
    /// The reason phrase of [`Entry::status`], as OBS writes it.
    pub fn reason(&self) -> &'static str {
        self.status().and_then(reason).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::super::data::entries;
    use super::super::entry::Kind;
    use super::*;

    #[test]
    fn no_bare_code_has_a_space_and_the_tool_and_code_find_the_entry() {
        for e in entries() {
            assert!(!e.bare_code().contains(char::is_whitespace), "{}", e.code);
            match e.tool() {
                Some(tool) => {
                    assert_eq!(e.kind, Kind::Tool, "{}", e.code);
                    let found = lookup_tool(tool, e.bare_code()).map(|f| f.code);
                    assert_eq!(found, Some(e.code));
                }
                None => assert_eq!(e.bare_code(), e.code),
            }
        }
        let e = lookup("Browser Obs.0000").unwrap();
        assert_eq!((e.tool(), e.bare_code()), (Some("browser"), "Obs.0000"));
    }

    #[test]
    fn tool_codes_are_found_with_their_tool_and_shared_codes_show_every_tool() {
        assert_eq!(lookup_tool("obsutil", "8").unwrap().code, "obsutil 8");
        assert_eq!(lookup_tool("OBSUTIL", "255").unwrap().code, "obsutil -1");
        assert_eq!(lookup_tool("obsutil", "-1").unwrap().code, "obsutil -1");
        assert_eq!(lookup("obsutil:8").unwrap().code, "obsutil 8");
        assert!(lookup_tool("obsutil", "10").is_none());
        assert!(lookup_tool("aws", "8").is_none());
        let both: Vec<&str> = lookup_all("obs.0012").iter().map(|e| e.code).collect();
        assert_eq!(both, ["Browser Obs.0012", "Console Obs.0012"]);
        assert_eq!(
            lookup_tool("console", "Obs.0012").unwrap().code,
            "Console Obs.0012"
        );
        // Only OBS Browser+ goes past Obs.0022.
        assert_eq!(lookup_all("Obs.0030").len(), 1);
        for e in entries().iter().filter(|e| e.kind == Kind::Tool) {
            let tool = e.code.split(' ').next().unwrap().to_ascii_lowercase();
            assert!(TOOL_WORDS.contains(&tool.as_str()), "{}", e.code);
        }
    }

    #[test]
    fn every_entry_is_reachable_by_code_and_alias_in_any_case() {
        for e in entries() {
            assert_eq!(lookup(e.code).map(|f| f.code), Some(e.code));
            assert_eq!(
                lookup(&e.code.to_ascii_uppercase()).map(|f| f.code),
                Some(e.code)
            );
            assert_eq!(
                lookup(&format!("  {} \n", e.code.to_ascii_lowercase())).map(|f| f.code),
                Some(e.code)
            );
            for a in e.aliases {
                assert_eq!(lookup(a).map(|f| f.code), Some(e.code), "alias {a}");
            }
        }
        assert!(lookup("NoSuchKy").is_none());
        assert!(lookup("").is_none());
    }

    #[test]
    fn entries_are_in_canonical_order_and_unique_case_insensitively() {
        for w in entries().windows(2) {
            assert!(
                w[0].code.to_ascii_lowercase() < w[1].code.to_ascii_lowercase(),
                "{} before {}",
                w[0].code,
                w[1].code
            );
        }
        let mut keys: Vec<String> = entries()
            .iter()
            .flat_map(|e| std::iter::once(e.code).chain(e.aliases.iter().copied()))
            .map(|k| k.to_ascii_lowercase().replace(' ', ""))
            .collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        // An alias may differ from its own code only by spaces (a doc spelling).
        let self_aliases = entries()
            .iter()
            .flat_map(|e| {
                e.aliases
                    .iter()
                    .filter(move |a| a.replace(' ', "").eq_ignore_ascii_case(e.code))
            })
            .count();
        assert_eq!(keys.len(), n - self_aliases, "codes and aliases unique");
    }
}
