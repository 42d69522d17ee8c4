//! The filters of `list`: by documented status or class ([`StatusFilter`]),
//! source, kind and retryability ([`ListFilter`]), and the `list --status`
//! values worth completing.

use super::data::ENTRIES;
use super::entry::{Entry, Kind};

/// A `list --status` filter: one status (`403`) or a class (`4xx`), parsed
/// from what a user types; [`ListFilter::status`] takes them, and `explain
/// 4xx` answers with a class ([`Explained::Class`](crate::Explained::Class)).
///
/// ```
/// use obserr::StatusFilter;
///
/// let class: StatusFilter = "4xx".parse().unwrap();
/// assert_eq!(class, StatusFilter::Class(4));
/// assert!(class.matches(404) && !class.matches(503));
/// assert_eq!("403".parse(), Ok(StatusFilter::Exact(403)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// One status: `403`.
    Exact(u16),
    /// A class by its first digit: `4` for `4xx`.
    Class(u16),
}

impl StatusFilter {
    /// Whether `status` matches.
    #[must_use]
    pub fn matches(self, status: u16) -> bool {
        match self {
            StatusFilter::Exact(s) => s == status,
            StatusFilter::Class(c) => status / 100 == c,
        }
    }
}

/// What [`StatusFilter`]'s `FromStr` refused: the text given, which is no
/// HTTP status (`100`-`599`) and no class (`1xx`-`5xx`). The caller says so
/// in its own words.
///
/// ```
/// use obserr::{BadStatusFilter, StatusFilter};
///
/// let refused = "6xx".parse::<StatusFilter>().unwrap_err();
/// assert_eq!(refused, BadStatusFilter("6xx".to_string()));
/// assert!("40".parse::<StatusFilter>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadStatusFilter(pub String);

impl std::str::FromStr for StatusFilter {
    type Err = BadStatusFilter;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        let bytes = t.as_bytes();
        let valid_class = |b: u8| (b'1'..=b'5').contains(&b);
        match bytes {
            [c, b'x', b'x'] if valid_class(*c) => Ok(StatusFilter::Class(u16::from(c - b'0'))),
            [hundreds, tens, ones]
                if valid_class(*hundreds) && tens.is_ascii_digit() && ones.is_ascii_digit() =>
            {
                Ok(StatusFilter::Exact(t.parse().expect("three ASCII digits")))
            }
            _ => Err(BadStatusFilter(s.to_string())),
        }
    }
}

/// The filters of `list`, for [`list`](crate::list): each one set must
/// match, and the default (none set) matches every entry.
///
/// ```
/// use obserr::{list, Kind, ListFilter, StatusFilter};
///
/// let statuses = [StatusFilter::Class(5)];
/// let filter = ListFilter { status: &statuses, kind: Some(Kind::Server), retryable: true, ..ListFilter::default() };
/// let codes = list(&filter);
/// assert!(codes.iter().any(|e| e.code == "SlowDown"));
/// assert!(codes.iter().all(|e| e.retryable && e.statuses().iter().any(|s| *s >= 500)));
/// let s3 = ListFilter { source: Some("s3api"), ..ListFilter::default() };
/// assert!(list(&s3).iter().all(|e| e.documented_in("s3api")));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ListFilter<'a> {
    /// A documented status (any table's) matches one of these; none: any.
    pub status: &'a [StatusFilter],
    /// A source id that documents the code.
    pub source: Option<&'a str>,
    /// The entry's kind.
    pub kind: Option<Kind>,
    /// Only codes a client should retry.
    pub retryable: bool,
}

impl ListFilter<'_> {
    /// Whether `e` passes every filter set.
    #[must_use]
    pub fn matches(&self, e: &Entry) -> bool {
        (self.status.is_empty() || self.status.iter().any(|f| e.has_status(*f)))
            && self.source.is_none_or(|id| e.documented_in(id))
            && self.kind.is_none_or(|k| e.kind == k)
            && (!self.retryable || e.retryable)
    }
}

/// Entries with a documented status (any table's) that matches the filter, in
/// catalogue order: `RequestTimeout` is 408, and 400 in the S3-compatible API.
pub fn by_status(filter: StatusFilter) -> impl Iterator<Item = &'static Entry> {
    ENTRIES.iter().filter(move |e| e.has_status(filter))
}

impl Entry {
    /// Whether any table documents a status that matches `filter`.
    #[must_use]
    pub fn has_status(&self, filter: StatusFilter) -> bool {
        self.documented
            .iter()
            .any(|d| d.status.is_some_and(|s| filter.matches(s)))
    }
}

/// `list`: the catalogued entries that match every filter set (all entries
/// when none is), in catalogue order.
///
/// ```
/// use obserr::{list, Kind, ListFilter};
///
/// let all = list(&ListFilter::default());
/// let statuses = ["403".parse().unwrap()];
/// let forbidden = list(&ListFilter { status: &statuses, ..ListFilter::default() });
/// assert!(forbidden.len() < all.len());
/// assert!(forbidden.iter().any(|e| e.code == "AccessDenied"));
/// let tools = list(&ListFilter { kind: Some(Kind::Tool), ..ListFilter::default() });
/// assert!(tools.iter().all(|e| e.kind == Kind::Tool));
/// ```
#[must_use]
pub fn list(filter: &ListFilter) -> Vec<&'static Entry> {
    super::data::entries()
        .iter()
        .filter(|e| filter.matches(e))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_filters_parse_and_reject() {
        assert_eq!("403".parse(), Ok(StatusFilter::Exact(403)));
        assert_eq!("4xx".parse(), Ok(StatusFilter::Class(4)));
        assert_eq!("5XX".parse(), Ok(StatusFilter::Class(5)));
        for bad in ["abc", "4x", "40", "4033", "", "6xx", "x03", "099"] {
            assert!(bad.parse::<StatusFilter>().is_err(), "{bad}");
        }
        assert!(by_status(StatusFilter::Exact(403)).all(|e| e.documents_status(403)));
        let codes_400: Vec<&str> = by_status(StatusFilter::Exact(400))
            .map(|e| e.code)
            .collect();
        assert!(
            codes_400.contains(&"RequestTimeout"),
            "documented 400 in s3api"
        );
        assert!(by_status(StatusFilter::Exact(408)).any(|e| e.code == "RequestTimeout"));
        assert!(by_status(StatusFilter::Class(5)).count() >= 4);
        assert_eq!(by_status(StatusFilter::Exact(402)).count(), 0);
    }
}
