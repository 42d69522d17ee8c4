//! What obserr concludes about one response: the [`Diagnosis`] (entry,
//! meaning, cause, hints) and the command to run [`Next`].

use super::hint::Hint;
use super::meaning::Meaning;
use crate::catalogue::{self, Entry, StatusInfo};
use crate::decode::Response;

/// The obserr command to run next, as [`diagnose`](crate::diagnose) judges
/// it from the response ([`Diagnosis::next`]); the printers write it as a
/// command line.
///
/// ```
/// use obserr::{decode, diagnose, Next};
///
/// let next = |paste: &[u8]| diagnose(decode(paste)).next;
/// assert_eq!(next(b"<Error><Code>NoSuchKy</Code></Error>"), Next::Explain("NoSuchKey"));
/// assert_eq!(next(b"HTTP/1.1 503 Service Unavailable\r\n\r\n"), Next::ExplainStatus(503));
/// assert_eq!(next(b"<Error><Code>QuuxFrobnicated</Code></Error>"), Next::Search(vec!["quux".into(), "frobnicated".into()]));
/// assert_eq!(next(b"hello"), Next::List);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// `obserr explain CODE`, a catalogued code.
    Explain(&'static str),
    /// `obserr explain STATUS`, a status the catalogue describes.
    ExplainStatus(u16),
    /// `obserr search WORDS`, the words of an uncatalogued code.
    Search(Vec<String>),
    /// `obserr list`.
    List,
    /// `obserr sigcheck INPUT`: a `SignatureDoesNotMatch` with the server's
    /// string to sign, which sigcheck compares with the client's. The input
    /// as the command line named it (`-` for standard input), once known.
    Sigcheck(Option<String>),
}

/// What obserr concludes about one response: the response itself, its
/// catalogue entry and likely cause, what the status means, the [`Hint`]s and
/// the [`Next`] command. Made by [`diagnose`](crate::diagnose); printed by
/// [`Human::diagnosis`](crate::Human::diagnosis) or as JSON through
/// [`Decoded`](crate::Decoded).
///
/// ```
/// let d = obserr::diagnose(obserr::decode(b"HTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>AccessDenied</Code>\
///     <Message>Access Denied</Message><RequestId>0000018C0650265B41EC8BDC</RequestId></Error>"));
/// assert!(d.found());
/// assert_eq!(d.entry.map(|e| e.code), Some("AccessDenied"));
/// assert_eq!((d.reason(), d.retryable()), (Some("Forbidden"), Some(false)));
/// assert_eq!(d.response.request_id.as_deref(), Some("0000018C0650265B41EC8BDC"));
/// assert!(!d.cause_matched, "\"Access Denied\" points to no cause: the most frequent one is given");
/// ```
#[derive(Debug, Clone)]
pub struct Diagnosis {
    /// The response diagnosed.
    pub response: Response,
    /// The catalogue entry for the response's code.
    pub entry: Option<&'static Entry>,
    /// Which of the entry's documented meanings applies (see `meaning`).
    pub meaning: Option<Meaning>,
    /// The catalogue's cause that the server's message points to, else the
    /// code's most frequent one (see [`Entry::cause_for`]); `None` for a code
    /// without causes.
    pub cause: Option<&'static catalogue::Cause>,
    /// Whether the server's message pointed to `cause` (else it is only the
    /// most frequent one).
    pub cause_matched: bool,
    /// What the response's status means, when the catalogue knows it.
    pub status_info: Option<&'static StatusInfo>,
    /// For an uncatalogued code: the nearest catalogued ones.
    pub suggestions: Vec<&'static Entry>,
    /// What obserr noticed, most important first.
    pub findings: Vec<Hint>,
    /// The command to run next.
    pub next: Next,
}

impl Diagnosis {
    /// A catalogued code was found (exit status 0).
    #[must_use]
    pub fn found(&self) -> bool {
        self.entry.is_some()
    }
    /// The catalogue's retry advice; unknown without a catalogued code.
    #[must_use]
    pub fn retryable(&self) -> Option<bool> {
        self.entry.map(|e| e.retryable)
    }
    /// The reason phrase to show: the response's own, else the catalogue's.
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        reason(&self.response)
    }
    /// What this diagnosis means for the exit status.
    #[must_use]
    pub fn outcome(&self) -> crate::outcome::Outcome {
        if self.found() {
            crate::outcome::Outcome::Found
        } else {
            crate::outcome::Outcome::NothingFound
        }
    }
}

/// The reason phrase to show for a response: its own, else the catalogue's.
pub(super) fn reason(r: &Response) -> Option<&str> {
    r.reason
        .as_deref()
        .or_else(|| r.status.and_then(catalogue::reason))
}
