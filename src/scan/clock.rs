//! The time a log line that is not an access-log line starts with, in the
//! forms tools write:
//!
//! - obsutil's and most tools' ISO 8601, `2024-11-20T10:00:03Z`, with an
//!   offset (`+01:00`, `+0100`) or without a zone (read as UTC), a space for
//!   the `T`, and `,123` or `.123` fractions: `2024-11-20 10:00:03,123`;
//! - Go's `log` package, `2024/11/20 10:00:03` (`.123456` with
//!   `Lmicroseconds`), in local time, read as UTC;
//! - syslog, `Nov 20 10:00:03`, which has no year: the current year, or the
//!   one before when that would be more than a day ahead (a December log
//!   read in January);
//! - epoch seconds (`1732096803`, `1732096803.123`) and milliseconds
//!   (`1732096803123`), the first word of a line, in the years 2001 to 2286;
//! - any form `timestamp::parse_millis` reads (the HTTP date aside).
//!
//! A leading `[` and trailing `]` are allowed around the time.

use crate::timestamp::parse_millis;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The time `line` starts with (milliseconds since the epoch, UTC).
#[must_use]
pub fn leading_time(line: &str) -> Option<i64> {
    leading_time_at(line, now_millis())
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// [`leading_time`], with `now` for the year syslog leaves out.
#[must_use]
pub fn leading_time_at(line: &str, now: i64) -> Option<i64> {
    let mut words = line.split_ascii_whitespace();
    let first = words.next()?.trim_start_matches('[');
    let first_byte = *first.as_bytes().first()?;
    if first_byte.is_ascii_alphabetic() {
        return syslog(first, words.next()?, words.next()?, now);
    }
    if !first_byte.is_ascii_digit() {
        return None;
    }
    let first = first.trim_end_matches(']');
    if let Some(t) = epoch(first) {
        return Some(t);
    }
    if first.len() < 10 {
        return None;
    }
    // Go's log package: 2024/11/20.
    let date = first.replace('/', "-");
    parse_millis(&date).or_else(|| {
        let second = words.next()?.trim_end_matches(']');
        // The fraction (`,123` is Python's and log4j's) as ISO 8601 has it.
        let second = second.replacen(',', ".", 1);
        let zone = match words.next().map(|w| w.trim_end_matches(']')) {
            Some(z) if z.len() == 5 && (z.starts_with('+') || z.starts_with('-')) => z,
            _ => "",
        };
        let has_zone =
            second.contains(['Z', 'z', '+']) || second.get(1..).is_some_and(|s| s.contains('-'));
        let zone = if has_zone || !zone.is_empty() {
            zone
        } else {
            "Z"
        };
        parse_millis(&format!("{date}T{second}{zone}"))
    })
}

/// `1732096803`, `1732096803.123` or `1732096803123`.
fn epoch(word: &str) -> Option<i64> {
    let (whole, fraction) = word.split_once('.').unwrap_or((word, ""));
    if !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > 9
    {
        return None;
    }
    let n: i64 = whole.parse().ok()?;
    match whole.len() {
        // 2001-09-09 to 2286-11-20.
        10 => {
            let ms = if fraction.is_empty() {
                0
            } else {
                format!("{fraction:0<3}")[..3].parse::<i64>().ok()?
            };
            Some(n * 1000 + ms)
        }
        13 if fraction.is_empty() => Some(n),
        _ => None,
    }
}

/// `Nov 20 10:00:03` (the day may be padded: `Nov  2`).
fn syslog(month: &str, day: &str, clock: &str, now: i64) -> Option<i64> {
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    let day: i64 = day.parse().ok()?;
    let (clock, _) = clock.split_once('.').unwrap_or((clock, ""));
    let mut parts = clock.split(':');
    let (h, m, s) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || [h, m, s].iter().any(|p| p.len() != 2) {
        return None;
    }
    let year = crate::timestamp::format_utc(now)
        .get(..4)?
        .parse::<i64>()
        .ok()?;
    let at = |year: i64| parse_millis(&format!("{year:04}-{month:02}-{day:02}T{h}:{m}:{s}Z"));
    let t = at(year)?;
    if t > now + 86_400_000 {
        return at(year - 1);
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-11-20T10:00:03Z.
    const T: i64 = 1_732_096_803_000;

    #[test]
    fn every_form_reads_the_same_moment() {
        let now = T + 3_600_000;
        for line in [
            "2024-11-20T10:00:03Z obs: service returned error",
            "[2024-11-20T10:00:03Z] x",
            "2024-11-20 10:00:03 x",
            "2024-11-20 10:00:03,000 ERROR x",
            "2024-11-20T11:00:03+01:00 x",
            "2024-11-20 11:00:03+01:00 x",
            "2024-11-20 11:00:03 +0100 x",
            "2024/11/20 10:00:03 x",
            "2024/11/20 10:00:03.000000 x",
            "Nov 20 10:00:03 host app[1]: x",
            "1732096803 x",
            "1732096803.000 x",
            "1732096803000 x",
        ] {
            assert_eq!(leading_time_at(line, now), Some(T), "{line}");
        }
        assert_eq!(
            leading_time_at("1732096803.5 x", now),
            Some(T + 500),
            "a fraction of a second"
        );
    }

    #[test]
    fn syslog_takes_the_year_that_is_not_ahead() {
        // Read on 2025-01-02: a "Dec 31" line is from 2024.
        let january = parse_millis("2025-01-02T00:00:00Z").unwrap();
        assert_eq!(
            leading_time_at("Dec 31 23:59:59 h x", january),
            parse_millis("2024-12-31T23:59:59Z")
        );
        assert_eq!(
            leading_time_at("Jan  1 00:00:01 h x", january),
            parse_millis("2025-01-01T00:00:01Z")
        );
    }

    #[test]
    fn what_is_not_a_time_is_none() {
        for line in [
            "",
            "123 bytes",
            "12345678901234 x",
            "Nov 99 10:00:03 x",
            "Foo 20 10:00:03 x",
            "Nov 20 10:0:03 x",
            "2024/13/20 10:00:03 x",
            "obs: service returned error",
            "1732096803.1234567890 x",
        ] {
            assert_eq!(leading_time_at(line, T), None, "{line}");
        }
    }
}
