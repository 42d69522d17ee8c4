//! Reads the timestamps OBS error responses carry, as milliseconds since the
//! Unix epoch (UTC): the HTTP date of `Date` headers (`Fri, 15 Mar 2024
//! 10:15:00 GMT`), the ISO 8601 basic form of `x-obs-date`/`x-amz-date` and
//! `RequestTime` (`20240315T101500Z`), and the extended form of `ServerTime`
//! (`2024-03-15T10:38:12.000Z`, with or without an offset).
//!
//! Three fixed formats are a few lines of arithmetic; a date crate would add
//! far more code than it saves.

/// Milliseconds since 1970-01-01T00:00:00Z, or `None` when `s` is none of the
/// supported forms or names an impossible date.
pub fn parse_millis(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.len() > 64 {
        return None;
    }
    http_date(s).or_else(|| iso8601(s))
}

/// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days in month `m` of year `y` (Gregorian leap years).
fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn millis(date: (i64, i64, i64), time: (i64, i64, i64), ms: i64, offset_min: i64) -> Option<i64> {
    let (y, mo, d) = date;
    let (h, mi, sec) = time;
    let valid = (1..=9999).contains(&y)
        && (1..=12).contains(&mo)
        && (1..=days_in_month(y, mo)).contains(&d)
        && (0..=23).contains(&h)
        && (0..=59).contains(&mi)
        && (0..=60).contains(&sec);
    if !valid {
        return None;
    }
    let secs = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec - offset_min * 60;
    Some(secs * 1000 + ms)
}

fn num(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Month abbreviations of the HTTP date, in order.
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `[Fri, ]15 Mar 2024 10:15:00 GMT` (also `UTC`, `+0000`, `Z`).
fn http_date(s: &str) -> Option<i64> {
    let s = s.split_once(", ").map_or(s, |(_, rest)| rest);
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [day, month, year, time, zone] = parts.as_slice() else {
        return None;
    };
    let month = MONTHS.iter().position(|m| month.eq_ignore_ascii_case(m))?;
    let month = i64::try_from(month).ok()? + 1;
    let offset = match *zone {
        "GMT" | "UTC" | "Z" => 0,
        z => offset_minutes(z)?,
    };
    let (h, rest) = time.split_once(':')?;
    let (mi, sec) = rest.split_once(':')?;
    millis(
        (num(year)?, month, num(day)?),
        (num(h)?, num(mi)?, num(sec)?),
        0,
        offset,
    )
}

/// `+0100`, `-05:30`.
fn offset_minutes(z: &str) -> Option<i64> {
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 {
        return None;
    }
    Some(sign * (num(digits.get(..2)?)? * 60 + num(digits.get(2..)?)?))
}

/// `20240315T101500Z` or `2024-03-15T10:38:12[.123](Z|+01:00)`.
fn iso8601(s: &str) -> Option<i64> {
    let (date, time) = s.split_once(['T', 't', ' '])?;
    let date: String = date.chars().filter(|c| *c != '-').collect();
    if date.len() != 8 {
        return None;
    }
    let zone_at = time.find(['Z', 'z', '+', '-']).unwrap_or(time.len());
    let (clock, zone) = time.split_at(zone_at);
    let offset = match zone {
        "" | "Z" | "z" => 0,
        z => offset_minutes(z)?,
    };
    let (clock, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let clock: String = clock.chars().filter(|c| *c != ':').collect();
    if clock.len() != 6 {
        return None;
    }
    let ms = if fraction.is_empty() {
        0
    } else {
        let f: String = fraction.chars().chain("000".chars()).take(3).collect();
        num(&f)?
    };
    millis(
        (
            num(date.get(..4)?)?,
            num(date.get(4..6)?)?,
            num(date.get(6..)?)?,
        ),
        (
            num(clock.get(..2)?)?,
            num(clock.get(2..4)?)?,
            num(clock.get(4..)?)?,
        ),
        ms,
        offset,
    )
}

/// The civil date of a day counted from 1970-01-01 (Howard Hinnant's
/// algorithm, the inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Milliseconds since the epoch as `2024-03-15T10:15:00Z` (whole seconds, UTC).
pub fn format_utc(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_forms_agree() {
        let want = Some(1_710_497_700_000); // 2024-03-15T10:15:00Z
        assert_eq!(parse_millis("Fri, 15 Mar 2024 10:15:00 GMT"), want);
        assert_eq!(parse_millis("15 Mar 2024 11:15:00 +0100"), want);
        assert_eq!(parse_millis("20240315T101500Z"), want);
        assert_eq!(parse_millis("2024-03-15T10:15:00Z"), want);
        assert_eq!(parse_millis("2024-03-15T10:15:00.000Z"), want);
        assert_eq!(parse_millis("2024-03-15T12:15:00+02:00"), want);
        assert_eq!(
            parse_millis("2024-03-15T10:15:00.25Z"),
            Some(1_710_497_700_250)
        );
        assert_eq!(parse_millis("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_millis("2000-02-29T00:00:00Z"), Some(951_782_400_000));
    }

    #[test]
    fn nonsense_is_none() {
        for bad in [
            "",
            "yesterday",
            "2024-13-01T00:00:00Z",
            "20240315T1015Z",
            "Fri, 15 Foo 2024 10:15:00 GMT",
            "2024-03-15T10:15:00+1",
            "é-é-éTé",
            "99999999999999999999T000000Z",
            "aééébT000000Z",
            "20240315Tééé",
            "1 Jan 999999999999999999 00:00:00 GMT",
        ] {
            assert_eq!(parse_millis(bad), None, "{bad}");
        }
    }

    #[test]
    fn formatting_is_the_inverse_of_parsing() {
        for text in [
            "1970-01-01T00:00:00Z",
            "2000-02-29T23:59:59Z",
            "2024-03-15T10:15:00Z",
            "1969-12-31T23:59:59Z",
            "2100-03-01T00:00:00Z",
        ] {
            assert_eq!(format_utc(parse_millis(text).unwrap()), text);
        }
        assert_eq!(format_utc(1_710_497_700_999), "2024-03-15T10:15:00Z");
    }

    #[test]
    fn impossible_dates_are_none_in_every_form() {
        for bad in [
            "2024-02-31T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "20240431T000000Z",
            "Sat, 31 Jun 2024 10:15:00 GMT",
            "31 Sep 2024 10:15:00 GMT",
            "2024-11-31T23:59:59+01:00",
            "2024-01-00T00:00:00Z",
        ] {
            assert_eq!(parse_millis(bad), None, "{bad}");
        }
        // The last day of each month, leap days included, stays valid.
        for good in [
            "2024-02-29T00:00:00Z",
            "2000-02-29T00:00:00Z",
            "2023-02-28T00:00:00Z",
            "2024-04-30T00:00:00Z",
            "Wed, 31 Jul 2024 10:15:00 GMT",
            "20241231T235959Z",
        ] {
            assert!(parse_millis(good).is_some(), "{good}");
        }
        assert_eq!(
            parse_millis("2024-03-01T00:00:00Z").unwrap()
                - parse_millis("2024-02-29T00:00:00Z").unwrap(),
            86_400_000
        );
    }
}
