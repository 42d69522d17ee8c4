//! How scan writes numbers, shares, sizes and times.

use crate::timestamp::format_utc;
use serde::Serializer;

/// `1234567` as `1,234,567`.
pub(super) fn n(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `part` of `whole` as a percentage with two decimals.
pub(super) fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "-".to_string();
    }
    format!("{:.2}%", part as f64 * 100.0 / whole as f64)
}

pub(super) fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// Milliseconds since the epoch as `2026-11-26T08:00:00Z`, as scan's JSON
/// writes times.
#[must_use]
pub fn utc(ms: i64) -> String {
    format_utc(ms)
}

/// Writes milliseconds as [`utc`] does, for `#[serde(serialize_with)]`.
// serde's `serialize_with` hands the field by reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(super) fn utc_json<S: Serializer>(ms: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&utc(*ms))
}

/// [`utc_json`] for a time that may be unknown (`null`).
// serde's `serialize_with` hands the field as `&Option<T>`.
#[allow(clippy::ref_option)]
pub(super) fn utc_json_opt<S: Serializer>(ms: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    match ms {
        Some(ms) => utc_json(ms, s),
        None => s.serialize_none(),
    }
}

/// A time as people read it: `2026-11-26 08:00:00 UTC`.
pub(super) fn when(ms: i64) -> String {
    format_utc(ms).replace('T', " ").replace('Z', " UTC")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_sizes() {
        assert_eq!(n(0), "0");
        assert_eq!(n(1234567), "1,234,567");
        assert_eq!(n(100), "100");
        assert_eq!(size(512 * 1024 * 1024), "512.0 MiB");
        assert_eq!(percent(1, 3), "33.33%");
    }
}
