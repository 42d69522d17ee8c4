//! Patterns only the whole log shows, gathered while scanning ([`Evidence`])
//! and judged at the end ([`LogFinding`]): when throttling began on a prefix,
//! signature failures on keys that need encoding, clock-skew bursts from one
//! client, 403s concentrated on one requester or operation, and 5xx spread
//! over time (the service) or concentrated on one key (a hot key).
//!
//! A finding is data; its sentence is written in `render::scan`.

use super::record::LogRecord;
use super::tally::{self, Counter, Sketch, Span};
use super::timeline::{earliest, minute_in_range};
use std::collections::BTreeMap;

/// At least this many throttled responses in a minute, on one prefix ...
const THROTTLE_MIN: u64 = 10;
/// ... and at least this share (percent) of that minute's requests.
const THROTTLE_PERCENT: u64 = 5;
/// Signature failures needed before their keys say anything.
const SIGNATURE_MIN: u64 = 3;
/// Clock-skew errors from one address that make a burst.
const SKEW_MIN: u64 = 3;
/// 403s (and 5xx) needed before their concentration says anything.
const CONCENTRATION_MIN: u64 = 10;
/// Share (percent) of 403s from one requester or operation that is
/// "concentrated".
const FORBIDDEN_PERCENT: u64 = 80;
/// Share (percent) of 5xx on one key that makes it a hot key.
const HOT_KEY_PERCENT: u64 = 50;
/// Findings of one kind reported at most.
const MAX_EACH: usize = 5;

/// One pattern only the whole log shows (throttling that began on a prefix,
/// clock skew from one client, 403s concentrated on one requester, 5xx on a
/// hot key...), for the renderers to put into words: a
/// [`Report`](crate::Report) lists them in `findings`.
///
/// ```
/// use obserr::{scan_bytes, LogFinding, ScanOptions};
///
/// let skewed = "787f2f92b20943998a4fe2ab75eb09b8 media-prod [26/Nov/2026:08:01:04 +0000] 10.0.0.42 \
///     0a1b2c3d4e5f60718293a4b5c6d7e8f9 4B73AEB8C8B76BA79D7EDF2EBEAEC2F1 REST.PUT.OBJECT photos/2026/a.jpg \
///     \"PUT /media-prod/photos/2026/a.jpg HTTP/1.1\" 403 RequestTimeTooSkewed 251 - 17 18 \"-\" \"obsutil/5.5.12\" - - STANDARD -\n";
/// let report = scan_bytes(skewed.repeat(3).as_bytes(), ScanOptions::default());
/// let [LogFinding::ClockSkewFromClient { ip, count, .. }] = &report.findings[..] else { panic!() };
/// assert_eq!((ip.as_str(), *count), ("10.0.0.42", 3));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogFinding {
    /// Throttling (`SlowDown`, 503, 429) on a key prefix rose above
    /// 5% of all requests in the minute starting `since` (and at least 10).
    ThrottlingBegan {
        /// The key prefix.
        prefix: String,
        /// The start of the first minute above the share (milliseconds since the epoch).
        since: i64,
        /// Throttled responses on the prefix in that minute.
        throttled_that_minute: u64,
        /// All requests in that minute.
        requests_that_minute: u64,
        /// Throttled responses on the prefix in all.
        throttled_total: u64,
    },
    /// Most `SignatureDoesNotMatch` errors were on keys with characters that
    /// must be percent-encoded when signed.
    SignatureOnKeysNeedingEncoding {
        /// How many of them.
        count: u64,
        /// All of that kind.
        total: u64,
        /// Keys involved (samples, or how many).
        keys: Vec<String>,
    },
    /// `RequestTimeTooSkewed` from one client address.
    ClockSkewFromClient {
        /// The client address.
        ip: String,
        /// How many of them.
        count: u64,
        /// When the first one was made (milliseconds since the epoch).
        first_seen: Option<i64>,
        /// When the last one was made.
        last_seen: Option<i64>,
    },
    /// Most 403s came from one requester or one operation (not counting
    /// the signature and clock failures, which have findings of their own).
    ForbiddenConcentrated {
        /// What the 403s concentrate on.
        on: Dimension,
        /// The value grouped by (`--by` other than code and status).
        value: String,
        /// How many of them.
        count: u64,
        /// All of that kind.
        total: u64,
    },
    /// Most 5xx were on one key: a hot key, not the service.
    ServerErrorsOnHotKey {
        /// The key.
        key: String,
        /// 5xx on it.
        count: u64,
        /// All 5xx (throttling aside).
        total: u64,
    },
    /// 5xx spread over many keys and minutes: the service, not the client
    /// (throttling, which has its own finding, is not counted).
    ServerErrorsSpread {
        /// How many of them.
        count: u64,
        /// Keys involved (samples, or how many).
        keys: usize,
        /// Minutes with such errors.
        minutes: usize,
        /// Minutes from the first to the last.
        span_minutes: i64,
    },
}

/// What a concentration is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// The requester (account or user ID).
    Requester,
    /// The operation.
    Operation,
}

/// What the findings are judged from, gathered error by error, bounded.
/// Part of a `scan --json` report's state: the evidence of consecutive parts
/// of a log merges ([`Evidence::merge`]) into the evidence of the whole.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub(crate) throttled: Sketch<BTreeMap<i64, u64>>,
    pub(crate) signature_total: u64,
    pub(crate) signature_encoded: u64,
    pub(crate) signature_keys: tally::Sample,
    pub(crate) skew: Sketch<(u64, Span)>,
    pub(crate) forbidden: u64,
    pub(crate) forbidden_requesters: Counter,
    pub(crate) forbidden_operations: Counter,
    pub(crate) server: u64,
    pub(crate) server_minutes: BTreeMap<i64, u64>,
    pub(crate) server_keys: Counter,
    pub(crate) server_span: Span,
}

/// Distinct prefixes followed for throttling, and addresses for skew.
const MAX_TRACKED: usize = 256;
/// Minutes kept per followed series.
const MAX_MINUTES: usize = 1 << 14;

impl Default for Evidence {
    fn default() -> Self {
        Evidence {
            throttled: Sketch::new(MAX_TRACKED),
            signature_total: 0,
            signature_encoded: 0,
            signature_keys: tally::Sample::default(),
            skew: Sketch::new(MAX_TRACKED),
            forbidden: 0,
            forbidden_requesters: Counter::new(1024),
            forbidden_operations: Counter::new(256),
            server: 0,
            server_minutes: BTreeMap::new(),
            server_keys: Counter::new(4096),
            server_span: Span::default(),
        }
    }
}

/// Whether a key, as logged (perhaps already percent-encoded), holds a
/// character outside the ones a signature may carry unencoded
/// (`A-Z a-z 0-9 - _ . ~ /`).
#[must_use]
pub fn needs_encoding(key: &str) -> bool {
    let bytes = key.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        // An escape stands for a character that needed one, unless it is
        // one of the unreserved `-`, `.` and `/` escaped for no reason.
        b'%' => bytes.get(i + 1..i + 3).is_none_or(|h| {
            !h.iter().all(u8::is_ascii_hexdigit)
                || !matches!(h, [b'2', b'D' | b'd' | b'E' | b'e' | b'F' | b'f'])
        }),
        _ => !(b.is_ascii_alphanumeric() || b"-_.~/".contains(&b)),
    })
}

fn bump(map: &mut BTreeMap<i64, u64>, minute: i64) {
    bump_n(map, minute, 1);
}

/// Whether `part` is at least `percent` % of `whole`, without overflow
/// whatever the counts (a report read back may hold any).
fn at_least_percent(part: u64, whole: u64, percent: u64) -> bool {
    u128::from(part) * 100 >= u128::from(whole) * u128::from(percent)
}

/// Counts `n` in `minute` of a series that keeps its earliest
/// [`MAX_MINUTES`] minutes (so that series of parts merge exactly).
fn bump_n(map: &mut BTreeMap<i64, u64>, minute: i64, n: u64) {
    if let Some(count) = earliest(map, minute, MAX_MINUTES) {
        *count = count.saturating_add(n);
    }
}

impl Evidence {
    /// Takes in one error; `prefix` is its key's prefix.
    pub fn see(&mut self, r: &LogRecord, prefix: &str) {
        let code = r.code.as_deref().unwrap_or("");
        let status = r.status.unwrap_or(0);
        let minute = r.time.map(|t| t.div_euclid(60_000));
        let throttled =
            matches!(code, "SlowDown" | "TooManyRequests") || matches!(status, 429 | 503);
        if throttled && let Some(m) = minute {
            if let Some(series) = self.throttled.get_mut(prefix) {
                bump(series, m);
            } else {
                let mut series = BTreeMap::new();
                bump(&mut series, m);
                self.throttled.insert(prefix, series);
            }
        }
        if code == "SignatureDoesNotMatch" {
            self.signature_total += 1;
            if let Some(key) = r.key.as_deref().filter(|k| needs_encoding(k)) {
                self.signature_encoded += 1;
                self.signature_keys.add(3, r.time, key);
            }
        }
        if code == "RequestTimeTooSkewed" {
            let ip = r.ip.as_deref().unwrap_or("");
            if let Some((n, span)) = self.skew.get_mut(ip) {
                *n += 1;
                span.see(r.time);
            } else {
                let mut span = Span::default();
                span.see(r.time);
                self.skew.insert(ip, (1, span));
            }
        }
        // 403s a finding above explains (signature, clock) are not
        // counted again.
        if status == 403 && !matches!(code, "SignatureDoesNotMatch" | "RequestTimeTooSkewed") {
            self.forbidden += 1;
            self.forbidden_requesters
                .add(r.requester.as_deref().unwrap_or(""));
            self.forbidden_operations
                .add(r.operation.as_deref().unwrap_or(""));
        }
        // Throttling has its own finding: it is the client's rate, not the
        // service failing.
        if status >= 500 && !throttled {
            self.server += 1;
            if let Some(m) = minute {
                bump(&mut self.server_minutes, m);
            }
            self.server_span.see(r.time);
            self.server_keys.add(r.key.as_deref().unwrap_or(""));
        }
    }

    /// Takes in the evidence of the input that came after this one's, as if
    /// this had read it too.
    pub fn merge(&mut self, other: &Evidence) {
        for (prefix, series) in other.throttled.iter() {
            if let Some(mine) = self.throttled.get_mut(prefix) {
                series.iter().for_each(|(m, n)| bump_n(mine, *m, *n));
            } else {
                let mut mine = BTreeMap::new();
                series.iter().for_each(|(m, n)| bump_n(&mut mine, *m, *n));
                self.throttled.insert(prefix, mine);
            }
        }
        self.signature_total = self.signature_total.saturating_add(other.signature_total);
        self.signature_encoded = self
            .signature_encoded
            .saturating_add(other.signature_encoded);
        self.signature_keys.merge(3, &other.signature_keys);
        for (ip, (n, span)) in other.skew.iter() {
            if let Some((mine, my_span)) = self.skew.get_mut(ip) {
                *mine = mine.saturating_add(*n);
                my_span.merge(*span);
            } else {
                self.skew.insert(ip, (*n, *span));
            }
        }
        self.forbidden = self.forbidden.saturating_add(other.forbidden);
        self.forbidden_requesters.merge(&other.forbidden_requesters);
        self.forbidden_operations.merge(&other.forbidden_operations);
        self.server = self.server.saturating_add(other.server);
        for (m, n) in &other.server_minutes {
            bump_n(&mut self.server_minutes, *m, *n);
        }
        self.server_keys.merge(&other.server_keys);
        self.server_span.merge(other.server_span);
    }

    /// Whether every minute is one a timestamp can name (a report read
    /// back may have been written by hand).
    #[must_use]
    pub fn minutes_in_range(&self) -> bool {
        self.throttled
            .values()
            .flat_map(BTreeMap::keys)
            .chain(self.server_minutes.keys())
            .all(|m| minute_in_range(*m))
    }

    /// The findings, given the requests counted per minute.
    #[must_use]
    pub fn judge(&self, requests: &BTreeMap<i64, u64>) -> Vec<LogFinding> {
        let mut out = Vec::new();
        let mut onsets: Vec<LogFinding> = self
            .throttled
            .iter()
            .filter_map(|(prefix, series)| {
                let (&minute, &n) = series.iter().find(|&(m, &n)| {
                    let all = requests.get(m).copied().unwrap_or(n).max(n);
                    n >= THROTTLE_MIN && at_least_percent(n, all, THROTTLE_PERCENT)
                })?;
                Some(LogFinding::ThrottlingBegan {
                    prefix: prefix.to_string(),
                    since: minute * 60_000,
                    throttled_that_minute: n,
                    requests_that_minute: requests.get(&minute).copied().unwrap_or(n).max(n),
                    throttled_total: series.values().fold(0, |a: u64, n| a.saturating_add(*n)),
                })
            })
            .collect();
        // The prefix last: the map's order is random, the report's must not be.
        onsets.sort_by_cached_key(|f| match f {
            LogFinding::ThrottlingBegan {
                prefix,
                since,
                throttled_total,
                ..
            } => (*since, u64::MAX - throttled_total, prefix.clone()),
            _ => (0, 0, String::new()),
        });
        out.extend(onsets.into_iter().take(MAX_EACH));
        if self.signature_total >= SIGNATURE_MIN
            && at_least_percent(self.signature_encoded, self.signature_total, 80)
        {
            out.push(LogFinding::SignatureOnKeysNeedingEncoding {
                count: self.signature_encoded,
                total: self.signature_total,
                keys: self.signature_keys.values(),
            });
        }
        let mut skew: Vec<(&str, &(u64, Span))> = self
            .skew
            .iter()
            .filter(|(_, (n, _))| *n >= SKEW_MIN)
            .collect();
        skew.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        out.extend(skew.into_iter().take(MAX_EACH).map(|(ip, (n, span))| {
            LogFinding::ClockSkewFromClient {
                ip: ip.to_string(),
                count: *n,
                first_seen: span.first,
                last_seen: span.last,
            }
        }));
        if self.forbidden >= CONCENTRATION_MIN {
            for (on, counter) in [
                (Dimension::Requester, &self.forbidden_requesters),
                (Dimension::Operation, &self.forbidden_operations),
            ] {
                if let Some(top) = counter.first().filter(|t| !t.value.is_empty())
                    && at_least_percent(top.count, self.forbidden, FORBIDDEN_PERCENT)
                {
                    out.push(LogFinding::ForbiddenConcentrated {
                        on,
                        value: top.value,
                        count: top.count,
                        total: self.forbidden,
                    });
                }
            }
        }
        if self.server >= CONCENTRATION_MIN {
            match self.server_keys.first() {
                Some(top)
                    if !top.value.is_empty()
                        && at_least_percent(top.count, self.server, HOT_KEY_PERCENT) =>
                {
                    out.push(LogFinding::ServerErrorsOnHotKey {
                        key: top.value,
                        count: top.count,
                        total: self.server,
                    });
                }
                _ => {
                    let span = match (self.server_span.first, self.server_span.last) {
                        (Some(f), Some(l)) => (l.div_euclid(60_000))
                            .saturating_sub(f.div_euclid(60_000))
                            .saturating_add(1),
                        _ => 0,
                    };
                    out.push(LogFinding::ServerErrorsSpread {
                        count: self.server,
                        keys: self.server_keys.len(),
                        minutes: self.server_minutes.len(),
                        span_minutes: span,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn rec(code: &str, status: u16, key: &str, t: i64) -> LogRecord<'static> {
        LogRecord {
            time: Some(t),
            status: Some(status),
            code: Some(Cow::Owned(code.to_string())),
            key: Some(Cow::Owned(key.to_string())),
            ip: Some(Cow::Borrowed("10.0.0.9")),
            requester: Some(Cow::Borrowed("u1")),
            operation: Some(Cow::Borrowed("REST.GET.OBJECT")),
            ..LogRecord::default()
        }
    }

    #[test]
    fn keys_that_need_encoding() {
        for key in [
            "a b",
            "a%20b",
            "caf\u{e9}",
            "a+b",
            "x?y",
            "a%2Bb",
            "q=1",
            "100%",
            "a%zz",
        ] {
            assert!(needs_encoding(key), "{key}");
        }
        for key in ["photos/2024/a.jpg", "a-b_c.d~e", "a%2Fb", "-"] {
            assert!(!needs_encoding(key), "{key}");
        }
    }

    #[test]
    fn throttling_onset_is_the_first_minute_above_the_share() {
        let mut e = Evidence::default();
        let mut requests = BTreeMap::new();
        // Minute 1: 5 throttled of 1000 requests (0.5%); minute 2: 60 of 1000.
        for (minute, n) in [(1, 5), (2, 60), (3, 80)] {
            requests.insert(minute, 1000);
            for _ in 0..n {
                e.see(
                    &rec("SlowDown", 503, "logs/x", minute * 60_000 + 5),
                    "logs/",
                );
            }
        }
        let f = e.judge(&requests);
        assert_eq!(
            f[0],
            LogFinding::ThrottlingBegan {
                prefix: "logs/".into(),
                since: 120_000,
                throttled_that_minute: 60,
                requests_that_minute: 1000,
                throttled_total: 145,
            }
        );
    }

    #[test]
    fn signature_skew_forbidden_and_server_findings() {
        let mut e = Evidence::default();
        for i in 0..4 {
            e.see(&rec("SignatureDoesNotMatch", 403, "a b.txt", i), "");
            e.see(&rec("RequestTimeTooSkewed", 403, "k", i * 1000), "");
        }
        for i in 0..12 {
            e.see(&rec("InternalError", 500, &format!("k{i}"), i * 60_000), "");
        }
        let f = e.judge(&BTreeMap::new());
        assert!(f.contains(&LogFinding::SignatureOnKeysNeedingEncoding {
            count: 4,
            total: 4,
            keys: vec!["a b.txt".into()]
        }));
        assert!(f.contains(&LogFinding::ClockSkewFromClient {
            ip: "10.0.0.9".into(),
            count: 4,
            first_seen: Some(0),
            last_seen: Some(3000)
        }));
        assert!(
            !f.iter()
                .any(|f| matches!(f, LogFinding::ForbiddenConcentrated { .. })),
            "signature and clock 403s have findings of their own: {f:?}"
        );
        assert!(f.contains(&LogFinding::ServerErrorsSpread {
            count: 12,
            keys: 12,
            minutes: 12,
            span_minutes: 12
        }));
        let mut e = Evidence::default();
        for i in 0..12 {
            e.see(&rec("AccessDenied", 403, "k", i), "");
            e.see(
                &rec("InternalError", 500, if i < 8 { "hot" } else { "cold" }, i),
                "",
            );
        }
        let f = e.judge(&BTreeMap::new());
        assert!(f.contains(&LogFinding::ServerErrorsOnHotKey {
            key: "hot".into(),
            count: 8,
            total: 12
        }));
        assert!(f.contains(&LogFinding::ForbiddenConcentrated {
            on: Dimension::Operation,
            value: "REST.GET.OBJECT".into(),
            count: 12,
            total: 12
        }));
    }
}
