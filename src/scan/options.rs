//! What a scan is asked for: what errors are grouped by ([`By`]), the time
//! window and whether failed objects are kept ([`ScanOptions`]), and how
//! regular files are read ([`Mapping`]).

/// What errors are grouped by (`scan --by`): each [`Group`](crate::Group) of a
/// report shares the code and status, or the value named here.
///
/// ```
/// use obserr::{scan_bytes, By, ScanOptions};
///
/// let log = "787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:01:04 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F1 REST.PUT.OBJECT photos/2026/a.jpg \
///     \"PUT /media-prod/photos/2026/a.jpg HTTP/1.1\" 403 AccessDenied 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n";
/// let report = scan_bytes(log.as_bytes(), ScanOptions { by: By::Bucket, ..ScanOptions::default() });
/// let group = &report.groups[0];
/// assert_eq!((group.value.as_deref(), group.code.as_deref()), (Some("media-prod"), None));
/// assert_eq!(group.codes[0].value, "AccessDenied");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    /// Error code and HTTP status.
    #[default]
    Code,
    /// HTTP status.
    Status,
    /// The operation (REST.PUT.OBJECT).
    Operation,
    /// The bucket.
    Bucket,
    /// The key up to its first '/' (the whole key when it has none).
    Prefix,
    /// The object key.
    Key,
    /// The requester's account or user ID.
    Requester,
    /// The client's IP address.
    Ip,
    /// The minute the request was made.
    Minute,
}

/// What to scan for: what errors are grouped by, the time window (`--since`
/// and `--until`, as [`ScanOptions::parse_time`] reads them) and whether the
/// failed objects are kept. The default groups by code and reads everything.
///
/// ```
/// use obserr::{scan_bytes, ScanOptions};
///
/// let log = "787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:00:30 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F3 REST.PUT.OBJECT photos/2026/c.jpg \
///     \"PUT /media-prod/photos/2026/c.jpg HTTP/1.1\" 503 SlowDown 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n\
///     787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:01:04 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F1 REST.PUT.OBJECT photos/2026/a.jpg \
///     \"PUT /media-prod/photos/2026/a.jpg HTTP/1.1\" 403 AccessDenied 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n";
/// let since = ScanOptions::parse_time("2026-11-26T08:01");
/// let report = scan_bytes(log.as_bytes(), ScanOptions { since, failed_objects: true, ..ScanOptions::default() });
/// assert_eq!((report.errors, report.outside), (1, 1));
/// assert_eq!(report.failed_objects, [("media-prod".to_string(), "photos/2026/a.jpg".to_string())]);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ScanOptions {
    /// What errors are grouped by.
    pub by: By,
    /// Only requests at or after this time (milliseconds since the epoch).
    pub since: Option<i64>,
    /// Only requests before this time.
    pub until: Option<i64>,
    /// Keep the bucket and key of every failed request
    /// ([`Report::failed_objects`](crate::scan::Report::failed_objects)).
    pub failed_objects: bool,
}

impl ScanOptions {
    /// A time a user gives `scan --since` or `--until`, in UTC: a date
    /// (`2026-11-26`), a date and minute (`2026-11-26T08:00`), or a timestamp
    /// as logs write them (`2026-11-26T08:00:00Z`, with a fraction or an
    /// offset; an HTTP date). Milliseconds since the epoch; `None` for anything
    /// else. A time ago (`30m`) needs the clock: the caller reads that.
    ///
    /// ```
    /// use obserr::ScanOptions;
    ///
    /// assert_eq!(ScanOptions::parse_time("2026-11-26"), Some(1_795_651_200_000));
    /// assert_eq!(ScanOptions::parse_time("2026-11-26T08:00"), ScanOptions::parse_time("2026-11-26T08:00:00Z"));
    /// assert_eq!(ScanOptions::parse_time("yesterday"), None);
    /// ```
    #[must_use]
    pub fn parse_time(s: &str) -> Option<i64> {
        let s = s.trim();
        [
            s.to_string(),
            format!("{s}Z"),
            format!("{s}:00Z"),
            format!("{s}T00:00:00Z"),
        ]
        .iter()
        .find_map(|t| crate::timestamp::parse_millis(t))
    }
}

impl ScanOptions {
    /// Whether a request at `time` is in the range asked for.
    #[inline]
    #[must_use]
    pub fn in_range(&self, time: Option<i64>) -> bool {
        match (self.since, self.until) {
            (None, None) => true,
            (since, until) => {
                time.is_some_and(|t| since.is_none_or(|s| t >= s) && until.is_none_or(|u| t < u))
            }
        }
    }
}

/// Bytes mapped at once (the last window of a file may be shorter).
const WINDOW: usize = 4 << 20;

/// How regular files are read: mapped in windows of `window` bytes by
/// `threads` threads, or (`None`) with `read()` like any other input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mapping {
    /// Bytes mapped at once; files smaller than a window are read.
    pub window: usize,
    /// Threads that sort windows (the calling one included).
    pub threads: usize,
}

impl Default for Mapping {
    fn default() -> Mapping {
        Mapping {
            window: WINDOW,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get().min(2)),
        }
    }
}
