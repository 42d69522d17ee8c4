//! Counting with bounded memory: every map holds at most a fixed number of
//! distinct values, and what arrives beyond it is counted as "other", so a log
//! with a million distinct keys costs what one with a thousand costs.
//!
//! The values kept are the first `cap` distinct ones in input order (an
//! [`IndexMap`] remembers that order), so that two counters of consecutive
//! parts of a log merge ([`Counter::merge`]) into the counter of the whole:
//! the values kept are exactly the whole's, and so are their counts unless a
//! part's counter was full (then its later occurrences of a value another
//! part kept were counted as "other"; CONTRIBUTING.md: scan, merging).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Counts of distinct values, at most `cap` of them, in first-seen order.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Counter {
    map: IndexMap<Box<str>, u64>,
    cap: usize,
    /// Occurrences of values that arrived after the map was full.
    pub other: u64,
}

/// One counted value, as reports list them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Count {
    /// The value.
    pub value: String,
    /// How often it occurred.
    pub count: u64,
}

impl Counter {
    /// A counter of at most `cap` distinct values.
    #[must_use]
    pub fn new(cap: usize) -> Counter {
        Counter {
            map: IndexMap::new(),
            cap,
            other: 0,
        }
    }

    /// Counts one occurrence of `value`.
    pub fn add(&mut self, value: &str) {
        self.add_n(value, 1);
    }

    /// Counts `n` occurrences of `value`.
    pub fn add_n(&mut self, value: &str, n: u64) {
        if let Some(count) = self.map.get_mut(value) {
            *count += n;
        } else if self.map.len() < self.cap {
            self.map.insert(value.into(), n);
        } else {
            self.other += n;
        }
    }

    /// Adds the counts of `other`, a counter of the input that came after
    /// this one's, as if this counter had read that input too.
    pub fn merge(&mut self, other: &Counter) {
        for (value, n) in &other.map {
            self.add_n(value, *n);
        }
        self.other += other.other;
    }

    /// How often `value` was counted (0 when it is not kept).
    #[must_use]
    pub fn get(&self, value: &str) -> u64 {
        self.map.get(value).copied().unwrap_or(0)
    }

    /// The `n` most frequent values, ties by value, so output is stable.
    #[must_use]
    pub fn top(&self, n: usize) -> Vec<Count> {
        let mut all: Vec<(&str, u64)> = self.map.iter().map(|(k, v)| (&**k, *v)).collect();
        all.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        all.into_iter()
            .take(n)
            .map(|(value, count)| Count {
                value: value.to_string(),
                count,
            })
            .collect()
    }

    /// The most frequent value and its count.
    #[must_use]
    pub fn first(&self) -> Option<Count> {
        self.top(1).pop()
    }

    /// Distinct values kept.
    #[must_use]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether nothing was counted.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// First and last time seen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The earliest time.
    pub first: Option<i64>,
    /// The latest time.
    pub last: Option<i64>,
}

impl Span {
    /// Widens the span to take in `time`, if known.
    pub fn see(&mut self, time: Option<i64>) {
        if let Some(t) = time {
            self.first = Some(self.first.map_or(t, |f| f.min(t)));
            self.last = Some(self.last.map_or(t, |l| l.max(t)));
        }
    }

    /// Widens the span to take in `other`.
    pub fn merge(&mut self, other: Span) {
        self.see(other.first);
        self.see(other.last);
    }
}

/// Adds `value` to `sample`, the first `cap` distinct values in input order.
/// Such samples merge exactly: the first `cap` distinct values of a whole are
/// those of its first part, then the next part's that are new, and so on.
pub fn sample(sample: &mut Vec<String>, cap: usize, value: &str) {
    if sample.len() < cap && !sample.iter().any(|x| x == value) {
        sample.push(value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_counter_counts_the_rest_as_other() {
        let mut c = Counter::new(2);
        for v in ["a", "b", "a", "c", "d", "a", "b"] {
            c.add(v);
        }
        assert_eq!(c.len(), 2);
        assert_eq!(c.other, 2);
        assert_eq!(
            c.top(5),
            vec![
                Count {
                    value: "a".into(),
                    count: 3
                },
                Count {
                    value: "b".into(),
                    count: 2
                }
            ]
        );
    }

    #[test]
    fn spans_keep_the_extremes_whatever_the_order() {
        let mut s = Span::default();
        for t in [Some(5), None, Some(2), Some(9)] {
            s.see(t);
        }
        assert_eq!((s.first, s.last), (Some(2), Some(9)));
    }

    #[test]
    fn counters_of_consecutive_parts_merge_into_the_whole() {
        let all = ["a", "b", "a", "c", "b", "d", "a", "e"];
        for cut in 0..=all.len() {
            let mut whole = Counter::new(3);
            let (mut first, mut second) = (Counter::new(3), Counter::new(3));
            for v in &all {
                whole.add(v);
            }
            all[..cut].iter().for_each(|v| first.add(v));
            all[cut..].iter().for_each(|v| second.add(v));
            first.merge(&second);
            let total = |c: &Counter| c.map.values().sum::<u64>() + c.other;
            assert_eq!(total(&first), total(&whole), "cut {cut}");
            // Keys kept are the whole's, in its order; counts too when the
            // second part's counter did not overflow.
            assert_eq!(
                first.map.keys().collect::<Vec<_>>(),
                whole.map.keys().collect::<Vec<_>>(),
                "cut {cut}"
            );
            if second.other == 0 {
                assert_eq!(first.top(5), whole.top(5), "cut {cut}");
            }
        }
    }
}
