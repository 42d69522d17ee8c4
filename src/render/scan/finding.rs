//! The sentence each [`LogFinding`] becomes.

use super::format::{n, when};
use crate::sanitize::visible;
use crate::scan::{Dimension, LogFinding};

/// One finding, in a sentence.
#[must_use]
// Counts and minutes are non-negative and bounded (91 days of timeline, capped tallies).
#[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
pub fn finding(f: &LogFinding) -> String {
    match f {
        LogFinding::ThrottlingBegan { prefix, since, throttled_that_minute, requests_that_minute, throttled_total } => format!(
            "Throttling began on {} at {}: {} of {} requests that minute were throttled (SlowDown, 503, 429); {} in all. Spread the load over more prefixes or lower the request rate, and retry with backoff.",
            if prefix.is_empty() { "keys without a prefix".to_string() } else { format!("prefix {}", visible(prefix)) },
            when(*since), n(*throttled_that_minute), n(*requests_that_minute), n(*throttled_total)
        ),
        LogFinding::SignatureOnKeysNeedingEncoding { count, total, keys } => format!(
            "{} of {} SignatureDoesNotMatch errors are on keys with characters that must be percent-encoded when signing (e.g. {}): the client signs the key unencoded, or encodes it twice.",
            n(*count), n(*total),
            keys.iter().map(|k| visible(k).into_owned()).collect::<Vec<_>>().join(", ")
        ),
        LogFinding::ClockSkewFromClient { ip, count, first_seen, last_seen } => format!(
            "{} RequestTimeTooSkewed errors came from {}{}: that machine's clock is wrong; sync it with NTP.",
            n(*count),
            if ip.is_empty() { "an unknown address".to_string() } else { visible(ip).into_owned() },
            match (first_seen, last_seen) {
                (Some(a), Some(b)) => format!(" between {} and {}", when(*a), when(*b)),
                _ => String::new(),
            }
        ),
        LogFinding::ForbiddenConcentrated { on, value, count, total } => format!(
            "{} of {} 403 errors came from {} {}: check that {}'s permissions (IAM policy, bucket policy, ACL).",
            n(*count), n(*total),
            match on { Dimension::Requester => "requester", Dimension::Operation => "operation" },
            visible(value),
            match on { Dimension::Requester => "requester", Dimension::Operation => "operation" },
        ),
        LogFinding::ServerErrorsOnHotKey { key, count, total } => format!(
            "{} of {} server errors (5xx) were on one key, {}: a hot key, not the service; spread requests over more keys or cache it.",
            n(*count), n(*total), visible(key)
        ),
        LogFinding::ServerErrorsSpread { count, keys, minutes, span_minutes } => format!(
            "{} server errors (5xx) were spread over {} keys and {} of {} minutes: a service-side problem; retry with backoff, and give support the request IDs below.",
            n(*count), n(*keys as u64), n(*minutes as u64), n(*span_minutes as u64)
        ),
    }
}
