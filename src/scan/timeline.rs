//! The per-minute series of a scan (its timeline, and the series the findings
//! judge): each keeps its earliest minutes, so that the series of parts of a
//! log merge into the whole's, and a minute read back must be one a timestamp
//! can name.

use std::collections::BTreeMap;

/// Distinct minutes kept in the timeline (91 days).
pub const MAX_TIMELINE: usize = 1 << 17;

/// The slot of `minute` in a timeline that keeps its `cap` earliest minutes
/// (the first 91 days of a longer log): `None` when it is later than all of
/// them in a full one. Keeping the earliest, not the first met, is what
/// makes timelines of parts merge into the whole's.
pub(super) fn earliest<V: Default>(
    minutes: &mut BTreeMap<i64, V>,
    minute: i64,
    cap: usize,
) -> Option<&mut V> {
    if minutes.len() >= cap && !minutes.contains_key(&minute) {
        let (&last, _) = minutes.last_key_value()?;
        if minute > last {
            return None;
        }
        minutes.pop_last();
    }
    Some(minutes.entry(minute).or_default())
}

/// Whether a minute (since the epoch) is one of a year from -9999 to 9999,
/// as timestamps name them: a report read back may have been written by
/// hand, and its minutes are multiplied into milliseconds.
#[must_use]
pub fn minute_in_range(minute: i64) -> bool {
    minute.unsigned_abs() < 5_300_000_000
}
