//! How scan reads a regular file: mapped into memory one window at a time
//! (no copy into a buffer; the kernel's copy cost a 500 MB scan 80 ms), the
//! windows sorted by every thread at once, and what they found applied in
//! file order by the calling thread, so that the report is the one a reading
//! of the file line by line gives, whatever the threads' timing.
//!
//! Sorting a window is pure: each line is a run of access-log successes
//! (counted per minute) or a line to read in full ([`Scanner::line`], in
//! order, on the calling thread, since captures, groups and their caps
//! depend on order). A line cut by a window's end is carried over as
//! [`input`](super::input) carries one across chunks.
//!
//! Memory stays bounded: at most [`AHEAD`] windows are mapped beyond the one
//! being applied, and each is unmapped once applied. A file that grows while
//! it is scanned is read on with `read()` past the size it had; one truncated
//! while a window of it is mapped can make the process receive `SIGBUS` (the
//! risk ripgrep takes too; GUIDE.md says so, and `scan --no-mmap` avoids it).
//! Each window's size is checked just before it is mapped, which narrows
//! that risk to a file truncated while that window is being sorted.

use super::access::{self, Fast, MinuteCache};
use super::input::{InputReport, Lines, Progress, MAX_LINE, SNIFF};
use super::{Options, Scanner};
use memchr::{memchr, memchr_iter, memrchr};
use memmap2::{Mmap, MmapOptions};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Seek, SeekFrom};
use std::os::unix::fs::FileExt;
use std::sync::{Condvar, Mutex};

/// Bytes mapped at once (the last window of a file may be shorter).
pub const WINDOW: usize = 4 << 20;
/// Windows sorted ahead of the one being applied.
const AHEAD: usize = 4;
/// Pieces a window is sorted into at most; the rest of it is read in full.
/// Bounds the memory a window of tiny lines needs.
const MAX_PIECES: usize = 1 << 16;

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

/// A stretch of a window's whole lines, in file order.
#[derive(Debug, Clone, Copy)]
enum Piece {
    /// Access-log successes: `lines` of them, of which `requests` are in
    /// the time range, all of those in one minute, from `first` to `last`.
    Successes {
        lines: u64,
        requests: u64,
        minute: i64,
        first: i64,
        last: i64,
    },
    /// Lines to read in full, `start..end` of the window (each ends with
    /// a line break).
    Read { start: usize, end: usize },
}

/// A window, mapped and sorted.
struct Sorted {
    map: Option<Mmap>,
    /// Bytes of the window mapped; less than planned when the file shrank
    /// or could not be mapped, and then the last window mapped.
    len: usize,
    short: bool,
    /// Where its first whole line starts: 0 for the first window, else just
    /// after its first line break (`None` when it has none).
    start: Option<usize>,
    /// Just after its last line break.
    end: usize,
    pieces: Vec<Piece>,
}

impl Sorted {
    fn bytes(&self) -> &[u8] {
        self.map.as_deref().map_or(&[], |m| &m[..self.len])
    }
}

/// Maps window `index` of `file` (planned to be `planned` bytes long) and
/// sorts its lines.
fn sort_window(
    file: &File,
    index: usize,
    window: usize,
    planned: usize,
    options: &Options,
    cache: &mut MinuteCache,
) -> Sorted {
    let offset = (index * window) as u64;
    // The file may have shrunk since it was opened: map only what is there.
    let now = file.metadata().map_or(0, |m| m.len());
    let len = usize::try_from(now.saturating_sub(offset)).map_or(planned, |n| n.min(planned));
    let map = (len > 0)
        .then(|| {
            // SAFETY: the mapping is read-only and private to this process;
            // the one risk is another process truncating the file while it
            // is mapped (SIGBUS), accepted and documented in the module
            // comment and GUIDE.md (`scan --no-mmap` avoids it).
            unsafe { MmapOptions::new().offset(offset).len(len).map(file) }.ok()
        })
        .flatten();
    let mut sorted = Sorted {
        len: if map.is_some() { len } else { 0 },
        short: map.is_none() || len < planned,
        map,
        start: None,
        end: 0,
        pieces: Vec::new(),
    };
    let data = sorted.bytes();
    let start = if index == 0 {
        Some(0)
    } else {
        memchr(b'\n', data).map(|i| i + 1)
    };
    if let Some(start) = start {
        let end = memrchr(b'\n', &data[start..]).map_or(start, |i| start + i + 1);
        let pieces = sort(&data[start..end], start, options, cache);
        sorted.start = Some(start);
        sorted.end = end;
        sorted.pieces = pieces;
    }
    sorted
}

/// Sorts whole lines (`data` ends with a line break; it starts `at` bytes
/// into its window).
fn sort(data: &[u8], at: usize, options: &Options, cache: &mut MinuteCache) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut start = 0;
    let newline = access::Finder::new(b'\n');
    while let Some(end) = newline.find(&data[start..]).map(|i| start + i) {
        let line = &data[start..end];
        let success = if line.len() > MAX_LINE {
            None
        } else {
            match access::fast(line.strip_suffix(b"\r").unwrap_or(line), cache) {
                Fast::Success(t) => Some(t),
                Fast::Parse | Fast::Other => None,
            }
        };
        match (success, pieces.last_mut()) {
            (Some(t), last) => {
                let counted = options.in_range(Some(t));
                let minute = t.div_euclid(60_000);
                match last {
                    Some(Piece::Successes {
                        lines,
                        requests,
                        minute: m,
                        first,
                        last,
                    }) if !counted || *requests == 0 || *m == minute => {
                        *lines += 1;
                        if counted {
                            if *requests == 0 {
                                (*m, *first, *last) = (minute, t, t);
                            }
                            *requests += 1;
                            *first = (*first).min(t);
                            *last = (*last).max(t);
                        }
                    }
                    _ => pieces.push(Piece::Successes {
                        lines: 1,
                        requests: u64::from(counted),
                        minute,
                        first: t,
                        last: t,
                    }),
                }
            }
            (None, Some(Piece::Read { end: e, .. })) if *e == at + start => *e = at + end + 1,
            (None, _) => pieces.push(Piece::Read {
                start: at + start,
                end: at + end + 1,
            }),
        }
        start = end + 1;
        if pieces.len() >= MAX_PIECES && start < data.len() {
            pieces.push(Piece::Read {
                start: at + start,
                end: at + data.len(),
            });
            break;
        }
    }
    pieces
}

/// What the threads share: which window is next to sort, which one the
/// calling thread applies, and the windows sorted but not yet applied.
struct Queue {
    next: usize,
    applied: usize,
    stop: bool,
    done: BTreeMap<usize, Sorted>,
}

impl Scanner {
    /// Scans a file: a regular file of at least one window (not a gzip) is
    /// mapped ([`Mapping`]), anything else read as [`Scanner::scan`] reads
    /// it. The report is the same either way.
    pub fn scan_file(&mut self, name: &str, file: &mut File, progress: &mut dyn Progress) {
        let len = file
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map(|m| m.len());
        let mut magic = [0u8; 2];
        let mappable = match (self.mapping, len) {
            (Some(mapping), Some(len)) => {
                len >= mapping.window as u64
                    && len >= 2
                    && file.read_exact_at(&mut magic, 0).is_ok()
                    && magic != [0x1f, 0x8b]
            }
            _ => false,
        };
        match (self.mapping, len) {
            (Some(mapping), Some(len)) if mappable => {
                self.scan_mapped(name, file, len, mapping, progress);
            }
            _ => self.scan(name, file, progress),
        }
    }

    fn scan_mapped(
        &mut self,
        name: &str,
        file: &mut File,
        len: u64,
        mapping: Mapping,
        progress: &mut dyn Progress,
    ) {
        let mut report = InputReport {
            name: name.to_string(),
            ..InputReport::default()
        };
        // The start tells text from binary, as `Scanner::scan` tells it
        // (which then has read one chunk).
        let mut head = vec![0u8; usize::try_from(len).map_or(SNIFF, |n| n.min(SNIFF))];
        if let Err(e) = file.read_exact_at(&mut head, 0) {
            report.error = Some(e.to_string());
            self.inputs.push(report);
            return;
        }
        if crate::decode::binary_at(&head).is_some() {
            report.binary = true;
            report.bytes = len.min(super::input::CHUNK as u64);
            self.inputs.push(report);
            return;
        }
        let mut lines = Lines {
            carry: Vec::new(),
            skipping: false,
            sniffed: true,
        };
        let window = mapping.window.max(1);
        let mapped = self.map_windows(
            file,
            len,
            window,
            mapping.threads,
            &mut lines,
            &mut report,
            progress,
        );
        // What is left: what could not be mapped, and what was written to
        // the file since it was opened.
        let read = file.seek(SeekFrom::Start(mapped)).map(|_| ());
        let tick = || mapped;
        match read {
            Ok(()) => {
                let mut file: &File = file;
                let source: &mut (dyn std::io::Read + Send) = &mut file;
                if self.read_rest(source, &mut lines, &mut report, progress, &tick) {
                    self.last_line(&lines, &mut report);
                }
            }
            Err(e) => {
                report.cut_short = Some(e.to_string());
                self.last_line(&lines, &mut report);
            }
        }
        report.invalid_utf8 = self.end_input();
        self.inputs.push(report);
    }

    /// Maps, sorts and applies every window of the first `len` bytes of
    /// `file`; returns the bytes applied (less than `len` when the file
    /// shrank or a window could not be mapped).
    #[allow(clippy::too_many_arguments)]
    fn map_windows(
        &mut self,
        file: &File,
        len: u64,
        window: usize,
        threads: usize,
        lines: &mut Lines,
        report: &mut InputReport,
        progress: &mut dyn Progress,
    ) -> u64 {
        let count = usize::try_from(len.div_ceil(window as u64)).unwrap_or(usize::MAX);
        let planned = |index: usize| {
            let offset = index as u64 * window as u64;
            usize::try_from((len - offset).min(window as u64)).unwrap_or(window)
        };
        let options = self.options;
        let queue = Mutex::new(Queue {
            next: 0,
            applied: 0,
            stop: false,
            done: BTreeMap::new(),
        });
        let changed = Condvar::new();
        let lock = || {
            queue
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        let mut applied = 0u64;
        std::thread::scope(|scope| {
            for _ in 1..threads.max(1) {
                scope.spawn(|| {
                    let mut cache = MinuteCache::default();
                    loop {
                        let mut q = lock();
                        while !q.stop && q.next < count && q.next > q.applied + AHEAD {
                            q = changed
                                .wait(q)
                                .unwrap_or_else(std::sync::PoisonError::into_inner);
                        }
                        if q.stop || q.next >= count {
                            return;
                        }
                        let index = q.next;
                        q.next += 1;
                        drop(q);
                        let sorted =
                            sort_window(file, index, window, planned(index), &options, &mut cache);
                        lock().done.insert(index, sorted);
                        changed.notify_all();
                    }
                });
            }
            let mut cache = MinuteCache::default();
            for index in 0..count {
                let sorted = loop {
                    let mut q = lock();
                    if let Some(sorted) = q.done.remove(&index) {
                        break sorted;
                    }
                    if q.next < count && q.next <= index + AHEAD {
                        let mine = q.next;
                        q.next += 1;
                        drop(q);
                        let sorted =
                            sort_window(file, mine, window, planned(mine), &options, &mut cache);
                        if mine == index {
                            break sorted;
                        }
                        lock().done.insert(mine, sorted);
                        continue;
                    }
                    drop(changed.wait(q));
                };
                self.apply(&sorted, lines, report);
                applied += sorted.len as u64;
                progress.advance(applied);
                let mut q = lock();
                q.applied = index + 1;
                q.stop = sorted.short;
                drop(q);
                changed.notify_all();
                if sorted.short {
                    break;
                }
            }
            lock().stop = true;
            changed.notify_all();
        });
        applied
    }

    /// Applies a sorted window: the line carried into it, its pieces, and
    /// the line cut by its end.
    fn apply(&mut self, sorted: &Sorted, lines: &mut Lines, report: &mut InputReport) {
        let data = sorted.bytes();
        report.bytes += data.len() as u64;
        let Some(start) = sorted.start else {
            if !lines.skipping {
                lines.carry.extend_from_slice(data);
                lines.check_length(report);
            }
            return;
        };
        if start > 0 {
            // The end of the line carried over (or a whole line when the
            // previous window ended with a line break).
            if lines.skipping {
                lines.skipping = false;
            } else {
                let head = &data[..start - 1];
                let line: &[u8] = if lines.carry.is_empty() {
                    head
                } else {
                    lines.carry.extend_from_slice(head);
                    &lines.carry
                };
                if line.len() > MAX_LINE {
                    report.long_lines += 1;
                } else {
                    self.line(line);
                }
                report.lines += 1;
            }
            lines.carry.clear();
        }
        for piece in &sorted.pieces {
            match *piece {
                Piece::Successes {
                    lines: n,
                    requests,
                    minute,
                    first,
                    last,
                } => {
                    report.lines += n;
                    self.successes(requests, minute, first, last);
                }
                Piece::Read { start, end } => {
                    let text = &data[start..end];
                    let mut from = 0;
                    for to in memchr_iter(b'\n', text) {
                        let line = &text[from..to];
                        if line.len() > MAX_LINE {
                            report.long_lines += 1;
                        } else {
                            self.line(line);
                        }
                        report.lines += 1;
                        from = to + 1;
                    }
                }
            }
        }
        lines.carry.extend_from_slice(&data[sorted.end..]);
        lines.check_length(report);
    }
}
