//! Counting with bounded memory: every map holds at most a fixed number of
//! distinct values, and what arrives beyond it is counted as "other", so a log
//! with a million distinct keys costs what one with a thousand costs.

use std::collections::HashMap;

/// Counts of distinct values, at most `cap` of them.
#[derive(Debug, Clone)]
pub struct Counter {
    map: HashMap<Box<str>, u64>,
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
            map: HashMap::new(),
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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
}
