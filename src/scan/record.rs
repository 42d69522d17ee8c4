//! One request as an access-log line, another log line or a capture tells it
//! ([`LogRecord`]): what the scanner counts, and what an error's group and the
//! findings' evidence keep of it.

use std::borrow::Cow;

/// One request as a line or a capture tells it; errors are the ones with a
/// status of 400 or more or an error code. What the scanner counts, and what
/// `scan --follow` shows of each error ([`Scanner::take_watched`](crate::Scanner::take_watched)).
///
/// ```
/// use obserr::{ScanOptions, Scanner};
///
/// let log = "787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:01:04 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F1 REST.PUT.OBJECT photos/2026/a.jpg \
///     \"PUT /media-prod/photos/2026/a.jpg HTTP/1.1\" 403 AccessDenied 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n";
/// let mut scanner = Scanner::new(ScanOptions::default());
/// scanner.watch(true);
/// scanner.line(log.trim_end().as_bytes());
/// let (errors, more) = scanner.take_watched();
/// let error = &errors[0];
/// assert_eq!((error.status, error.code.as_deref(), more), (Some(403), Some("AccessDenied"), 0));
/// assert_eq!((error.bucket.as_deref(), error.key.as_deref()), (Some("media-prod"), Some("photos/2026/a.jpg")));
/// assert!(error.is_error());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogRecord<'a> {
    /// When (milliseconds since the epoch).
    pub time: Option<i64>,
    /// The HTTP status, if known.
    pub status: Option<u16>,
    /// The error code, if the log names one.
    pub code: Option<Cow<'a, str>>,
    /// The request ID.
    pub request_id: Option<Cow<'a, str>>,
    /// The operation (`REST.PUT.OBJECT`).
    pub operation: Option<Cow<'a, str>>,
    /// The bucket.
    pub bucket: Option<Cow<'a, str>>,
    /// The object key, as logged.
    pub key: Option<Cow<'a, str>>,
    /// The requester's account or user ID.
    pub requester: Option<Cow<'a, str>>,
    /// The client address.
    pub ip: Option<Cow<'a, str>>,
    /// A tool's failure before any request was sent (obsutil's `n/a` status).
    pub client_failure: bool,
}

impl LogRecord<'_> {
    /// The same record, owning its strings.
    #[must_use]
    pub fn to_owned_record(&self) -> LogRecord<'static> {
        let own = |f: &Option<Cow<'_, str>>| f.as_deref().map(|s| Cow::Owned(s.to_string()));
        LogRecord {
            time: self.time,
            status: self.status,
            code: own(&self.code),
            request_id: own(&self.request_id),
            operation: own(&self.operation),
            bucket: own(&self.bucket),
            key: own(&self.key),
            requester: own(&self.requester),
            ip: own(&self.ip),
            client_failure: self.client_failure,
        }
    }

    /// Whether the request failed.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.client_failure || self.code.is_some() || self.status.is_some_and(|s| s >= 400)
    }
}

/// The prefix of a key: up to and including its first `/`, or the whole key.
#[must_use]
pub fn prefix(key: &str) -> &str {
    key.find('/').map_or(key, |i| &key[..=i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        assert_eq!(prefix("a/b/c"), "a/");
        assert_eq!(prefix("abc"), "abc");
        assert_eq!(prefix(""), "");
    }
}
