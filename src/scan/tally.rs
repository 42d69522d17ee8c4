//! Counting with bounded memory: every map holds at most a fixed number of
//! distinct values, and what arrives beyond it is counted as "other", so a log
//! with a million distinct keys costs what one with a thousand costs.
//!
//! Which values a full map keeps is chosen so that maps of the parts of a log
//! merge into exactly the map of the whole (`scan --merge`): a [`Sketch`]
//! keeps the `cap` values of lowest [`rank`] (a hash fixed forever), a
//! bottom-k sample. A value kept in the whole is among the lowest of every
//! part it occurs in, so every part counted all of its occurrences; first
//! come, first kept would lose the occurrences a part met after its map was
//! full (CONTRIBUTING.md: scan, merging).

use std::collections::BTreeMap;

/// A value's place in a [`Sketch`]: a 64-bit hash of its bytes, fixed
/// forever so that reports written by any obserr on any machine rank alike
/// (std's hashers promise no such thing). Eight bytes a step (FxHash's
/// rotate, xor and multiply, little-endian words), then MurmurHash3's
/// finaliser so that every bit of the value moves the high bits that rank
/// first.
#[must_use]
#[inline]
pub fn rank(value: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = value.as_bytes();
    let mut h = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A map from strings that keeps at most `cap` of them: those of lowest
/// `(rank, value)`. Iterated (and serialised) in that order.
#[derive(Debug, Clone)]
pub struct Sketch<V> {
    /// Values by rank; a rank shared by two values (a collision) holds both,
    /// ordered by value.
    map: BTreeMap<u64, Vec<(Box<str>, V)>>,
    len: usize,
    cap: usize,
}

impl<V> Sketch<V> {
    /// An empty sketch of at most `cap` values.
    #[must_use]
    pub fn new(cap: usize) -> Self {
        Sketch {
            map: BTreeMap::new(),
            len: 0,
            cap,
        }
    }

    /// The entry for `key`, when kept.
    #[inline]
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.get_mut_ranked(rank(key), key)
    }

    /// [`Sketch::get_mut`], the rank of `key` known.
    #[inline]
    fn get_mut_ranked(&mut self, r: u64, key: &str) -> Option<&mut V> {
        self.map
            .get_mut(&r)?
            .iter_mut()
            .find(|(k, _)| &**k == key)
            .map(|(_, v)| v)
    }

    /// The entry for `key`, made with `make` if it is not kept and is
    /// taken; what left the sketch to make room, if anything did (perhaps
    /// the new entry itself, then `None` for the entry).
    pub fn entry(
        &mut self,
        key: &str,
        make: impl FnOnce() -> V,
    ) -> (Option<&mut V>, Option<(Box<str>, V)>) {
        let r = rank(key);
        if self.get_mut_ranked(r, key).is_some() {
            return (self.get_mut_ranked(r, key), None);
        }
        let out = self.insert_ranked(r, key, make());
        let refused = out.as_ref().is_some_and(|(k, _)| &**k == key);
        if refused {
            return (None, out);
        }
        (self.get_mut_ranked(r, key), out)
    }

    /// Whether `key` is kept.
    #[must_use]
    pub fn contains(&self, key: &str) -> bool {
        self.map
            .get(&rank(key))
            .is_some_and(|b| b.iter().any(|(k, _)| &**k == key))
    }

    /// Adds `key` (not kept yet) with `value`. When that overfills the
    /// sketch, the entry of highest rank leaves: returned, perhaps the new
    /// one itself.
    pub fn insert(&mut self, key: &str, value: V) -> Option<(Box<str>, V)> {
        self.insert_ranked(rank(key), key, value)
    }

    fn insert_ranked(&mut self, r: u64, key: &str, value: V) -> Option<(Box<str>, V)> {
        if self.cap == 0 {
            return Some((key.into(), value));
        }
        if self.len >= self.cap {
            let (&last, bucket) = self.map.last_key_value()?;
            let highest = &bucket.last()?.0;
            if (r, key) > (last, &**highest) {
                return Some((key.into(), value));
            }
        }
        let bucket = self.map.entry(r).or_default();
        let at = bucket.partition_point(|(k, _)| &**k < key);
        bucket.insert(at, (key.into(), value));
        self.len += 1;
        if self.len > self.cap {
            let mut last = self.map.last_entry()?;
            let out = last.get_mut().pop();
            if last.get().is_empty() {
                last.remove();
            }
            self.len -= 1;
            return out;
        }
        None
    }

    /// Values kept.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing is kept.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every entry, by rank.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.map
            .values()
            .flat_map(|b| b.iter().map(|(k, v)| (&**k, v)))
    }

    /// Every value, by rank.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }
}

/// Counts of distinct values, at most `cap` of them (a [`Sketch`]).
#[derive(Debug, Clone)]
pub struct Counter {
    map: Sketch<u64>,
    /// Occurrences of values not kept.
    pub other: u64,
}

/// One counted value, as reports list them.
#[derive(Debug, Clone, PartialEq, Eq)]
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
            map: Sketch::new(cap),
            other: 0,
        }
    }

    /// Counts one occurrence of `value`.
    pub fn add(&mut self, value: &str) {
        self.add_n(value, 1);
    }

    /// Counts `n` occurrences of `value`.
    pub fn add_n(&mut self, value: &str, n: u64) {
        let r = rank(value);
        if let Some(count) = self.map.get_mut_ranked(r, value) {
            *count = count.saturating_add(n);
        } else if let Some((_, dropped)) = self.map.insert_ranked(r, value, n) {
            self.other = self.other.saturating_add(dropped);
        }
    }

    /// Adds the counts of `other`, a counter of another part of the input,
    /// as if this counter had read that part too.
    pub fn merge(&mut self, other: &Counter) {
        for (value, n) in other.map.iter() {
            self.add_n(value, *n);
        }
        self.other = self.other.saturating_add(other.other);
    }

    /// How often `value` was counted (0 when it is not kept).
    #[cfg(test)]
    #[must_use]
    pub fn get(&self, value: &str) -> u64 {
        self.map
            .iter()
            .find(|(k, _)| *k == value)
            .map_or(0, |(_, n)| *n)
    }

    /// The `n` most frequent values, ties by value, so output is stable.
    #[must_use]
    pub fn top(&self, n: usize) -> Vec<Count> {
        let mut all: Vec<(&str, u64)> = self.map.iter().map(|(k, v)| (k, *v)).collect();
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

    /// Widens the span to take in `other`.
    pub fn merge(&mut self, other: Span) {
        self.see(other.first);
        self.see(other.last);
    }
}

/// The `cap` earliest distinct values (by the earliest time each was seen,
/// then by value; a value without a time after every timed one). Such a
/// sample of a whole is that of the samples of its parts, in any order: what
/// `scan --merge` needs, whatever order the parts come in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sample(Vec<(i64, String)>);

impl Sample {
    /// Takes in `value`, seen at `time`.
    pub fn add(&mut self, cap: usize, time: Option<i64>, value: &str) {
        let t = time.unwrap_or(i64::MAX);
        if let Some(at) = self.0.iter().position(|(_, v)| v == value) {
            if t >= self.0[at].0 {
                return;
            }
            self.0.remove(at);
        } else if self.0.len() >= cap
            && self
                .0
                .last()
                .is_some_and(|(lt, lv)| (t, value) >= (*lt, lv.as_str()))
        {
            return;
        }
        let at = self
            .0
            .partition_point(|(et, ev)| (*et, ev.as_str()) < (t, value));
        self.0.insert(at, (t, value.to_string()));
        self.0.truncate(cap);
    }

    /// Takes in the sample of another part.
    pub fn merge(&mut self, cap: usize, other: &Sample) {
        for (t, v) in &other.0 {
            self.add(cap, (*t != i64::MAX).then_some(*t), v);
        }
    }

    /// The values, earliest first.
    #[must_use]
    pub fn values(&self) -> Vec<String> {
        self.0.iter().map(|(_, v)| v.clone()).collect()
    }
}

// Accessors for render::scan::state, which writes a report's state as JSON
// and reads it back (the format's names live there).

impl<V> Sketch<V> {
    /// The most values kept.
    pub(crate) fn cap(&self) -> usize {
        self.cap
    }
}

impl Counter {
    /// The values counted, with their counts.
    pub(crate) fn sketch(&self) -> &Sketch<u64> {
        &self.map
    }

    /// A counter of these counts, as a report read back holds them.
    pub(crate) fn from_parts(map: Sketch<u64>, other: u64) -> Counter {
        Counter { map, other }
    }
}

impl Sample {
    /// The values with the earliest time each was seen (`i64::MAX`: none),
    /// earliest first.
    pub(crate) fn entries(&self) -> &[(i64, String)] {
        &self.0
    }

    /// A sample of these entries, as a report read back holds them.
    pub(crate) fn from_entries(entries: Vec<(i64, String)>) -> Sample {
        Sample(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_counter_keeps_the_lowest_ranks_and_counts_the_rest_as_other() {
        let values = ["a", "b", "a", "c", "d", "a", "b", "e", "c"];
        let mut c = Counter::new(2);
        for v in values {
            c.add(v);
        }
        assert_eq!(c.len(), 2);
        let mut ranked: Vec<&str> = vec!["a", "b", "c", "d", "e"];
        ranked.sort_by_key(|v| rank(v));
        let kept = &ranked[..2];
        for v in kept {
            let n = values.iter().filter(|x| *x == v).count() as u64;
            assert_eq!(c.get(v), n, "{v}: every occurrence counted");
        }
        let rest = values.iter().filter(|v| !kept.contains(v)).count() as u64;
        assert_eq!(c.other, rest);
    }

    #[test]
    fn samples_of_parts_merge_in_any_order() {
        let seen = [
            (5, "c"),
            (1, "a"),
            (9, "b"),
            (3, "c"),
            (2, "d"),
            (7, "e"),
            (0, "f"),
        ];
        let mut whole = Sample::default();
        seen.iter().for_each(|(t, v)| whole.add(3, Some(*t), v));
        assert_eq!(whole.values(), ["f", "a", "d"]);
        for cut in 0..=seen.len() {
            let (mut a, mut b) = (Sample::default(), Sample::default());
            seen[..cut].iter().for_each(|(t, v)| a.add(3, Some(*t), v));
            seen[cut..].iter().for_each(|(t, v)| b.add(3, Some(*t), v));
            let mut ba = b.clone();
            ba.merge(3, &a);
            a.merge(3, &b);
            assert_eq!(a, whole, "cut {cut}");
            assert_eq!(ba, whole, "cut {cut}");
        }
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
    fn counters_of_parts_merge_into_the_whole() {
        let all = ["a", "b", "a", "c", "b", "d", "a", "e", "f", "b", "g", "e"];
        for cut in 0..=all.len() {
            let mut whole = Counter::new(3);
            let (mut first, mut second) = (Counter::new(3), Counter::new(3));
            for v in &all {
                whole.add(v);
            }
            all[..cut].iter().for_each(|v| first.add(v));
            all[cut..].iter().for_each(|v| second.add(v));
            // In either order.
            let mut reversed = second.clone();
            reversed.merge(&first);
            first.merge(&second);
            for merged in [&first, &reversed] {
                let entries = |c: &Counter| {
                    c.map
                        .iter()
                        .map(|(k, v)| (k.to_string(), *v))
                        .collect::<Vec<_>>()
                };
                assert_eq!(entries(merged), entries(&whole), "cut {cut}");
                assert_eq!(merged.other, whole.other, "cut {cut}");
            }
        }
    }
}
