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
//! Memory stays bounded: at most `AHEAD` (4) windows are mapped beyond the one
//! being applied, and each is unmapped once applied. A file that grows while
//! it is scanned is read on with `read()` past the size it had; one truncated
//! while a window of it is mapped can make the process receive `SIGBUS` (the
//! risk ripgrep takes too; GUIDE.md says so, and `scan --no-mmap` avoids it).
//! Each window's size is checked just before it is mapped, which narrows
//! that risk to a file truncated while that window is being sorted.

use super::access::{self, Fast, MinuteCache};
use super::input::{Lines, Progress, CHUNK, MAX_LINE, SNIFF};
use super::options::{Mapping, ScanOptions};
use super::report::InputReport;
use super::scanner::Scanner;
use memchr::{memchr, memchr_iter, memrchr};
use memmap2::{Mmap, MmapOptions};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Seek, SeekFrom};
use std::os::unix::fs::FileExt;
use std::sync::{Condvar, Mutex};

/// Windows sorted ahead of the one being applied.
const AHEAD: usize = 4;
/// Pieces a window is sorted into at most; the rest of it is read in full.
/// Bounds the memory a window of tiny lines needs.
const MAX_PIECES: usize = 1 << 16;

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

/// A window's bytes: mapped from a file, or (tests, fuzzing) a slice of
/// text already in memory, which goes through the same windows.
enum Bytes<'a> {
    Mapped(Mmap),
    Memory(&'a [u8]),
    Nothing,
}

/// A window, mapped and sorted.
struct Sorted<'a> {
    bytes: Bytes<'a>,
    /// Bytes of the window; less than planned when the file shrank or
    /// could not be mapped, and then the last window applied.
    len: usize,
    short: bool,
    /// Where its first whole line starts: 0 for the first window, else just
    /// after its first line break (`None` when it has none).
    start: Option<usize>,
    /// Just after its last line break.
    end: usize,
    pieces: Vec<Piece>,
}

impl Sorted<'_> {
    fn bytes(&self) -> &[u8] {
        match &self.bytes {
            Bytes::Mapped(map) => &map[..self.len],
            Bytes::Memory(text) => &text[..self.len],
            Bytes::Nothing => &[],
        }
    }
}

/// Maps window `index` of `file` (planned to be `planned` bytes long).
fn map_window(file: &File, index: usize, window: usize, planned: usize) -> Sorted<'static> {
    let offset = index as u64 * window as u64;
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
    Sorted {
        len: if map.is_some() { len } else { 0 },
        short: map.is_none() || len < planned,
        bytes: map.map_or(Bytes::Nothing, Bytes::Mapped),
        start: None,
        end: 0,
        pieces: Vec::new(),
    }
}

/// Sorts the lines of window `index` (its bytes in `sorted`).
fn sort_window<'a>(
    mut sorted: Sorted<'a>,
    index: usize,
    options: &ScanOptions,
    cache: &mut MinuteCache,
) -> Sorted<'a> {
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
fn sort(data: &[u8], at: usize, options: &ScanOptions, cache: &mut MinuteCache) -> Vec<Piece> {
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
struct Queue<'a> {
    next: usize,
    applied: usize,
    stop: bool,
    done: BTreeMap<usize, Sorted<'a>>,
}

/// Where windows come from.
#[derive(Clone, Copy)]
enum Windows<'a> {
    File(&'a File),
    Memory(&'a [u8]),
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
        match (self.mapping(), len) {
            (Some(mapping), Some(len))
                if len >= mapping.window as u64
                    && len >= 2
                    && file.read_exact_at(&mut magic, 0).is_ok()
                    && magic != [0x1f, 0x8b] =>
            {
                let (mut report, lines) =
                    self.scan_windows(name, Windows::File(file), len, mapping, progress);
                // What is left: what could not be mapped, and what was
                // written to the file since it was opened.
                if let Some(mut lines) = lines {
                    let done = report.bytes;
                    let tick = || done;
                    match file.seek(SeekFrom::Start(done)) {
                        Ok(_) => {
                            let mut file: &File = file;
                            if self.read_rest(&mut file, &mut lines, &mut report, progress, &tick) {
                                self.last_line(&lines, &mut report);
                            }
                        }
                        Err(e) => {
                            report.cut_short = Some(e.to_string());
                            self.last_line(&lines, &mut report);
                        }
                    }
                    report.invalid_utf8 = self.end_input();
                }
                self.add_input(report);
            }
            _ => self.scan(name, file, progress),
        }
    }

    /// Scans text in memory through the windows a mapped file goes through
    /// ([`Scanner::scan_file`]), for tests and fuzzing: the report must be
    /// the one [`crate::scan::scan_bytes`] gives.
    pub fn scan_windows_of(&mut self, text: &[u8], mapping: Mapping) {
        if text.len() >= mapping.window && text.len() >= 2 && !text.starts_with(&[0x1f, 0x8b]) {
            let (mut report, lines) = self.scan_windows(
                "-",
                Windows::Memory(text),
                text.len() as u64,
                mapping,
                &mut (),
            );
            if let Some(lines) = lines {
                self.last_line(&lines, &mut report);
                report.invalid_utf8 = self.end_input();
            }
            self.add_input(report);
        } else {
            self.scan_with("-", &mut std::io::Cursor::new(text), &mut (), false);
        }
    }

    /// Reads the windows of `len` bytes of `source`: the input's report so
    /// far and the line cut by the last window's end (the caller reads on,
    /// then ends the input), or no line when the input is done with
    /// (binary, unreadable).
    fn scan_windows(
        &mut self,
        name: &str,
        source: Windows<'_>,
        len: u64,
        mapping: Mapping,
        progress: &mut dyn Progress,
    ) -> (InputReport, Option<Lines>) {
        let mut report = InputReport {
            name: name.to_string(),
            ..InputReport::default()
        };
        // The start tells text from binary, as `Scanner::scan` tells it
        // (which then has read one chunk).
        let sniff = usize::try_from(len).map_or(SNIFF, |n| n.min(SNIFF));
        let mut head = vec![0u8; sniff];
        let read = match source {
            Windows::File(file) => file.read_exact_at(&mut head, 0),
            Windows::Memory(text) => {
                head.copy_from_slice(&text[..sniff]);
                Ok(())
            }
        };
        if let Err(e) = read {
            report.error = Some(e.to_string());
            return (report, None);
        }
        if crate::decode::binary_at(&head).is_some() {
            report.binary = true;
            report.bytes = len.min(CHUNK as u64);
            return (report, None);
        }
        let mut lines = Lines {
            carry: Vec::new(),
            skipping: false,
            sniffed: true,
        };
        let window = mapping.window.max(1);
        self.map_windows(
            source,
            len,
            window,
            mapping.threads,
            &mut lines,
            &mut report,
            progress,
        );
        (report, Some(lines))
    }

    /// Maps, sorts and applies every window of the first `len` bytes of
    /// `source`, until one comes short (the file shrank or could not be
    /// mapped).
    // The input's state (lines, report, progress) is the caller's, as in `read_lines`.
    #[allow(clippy::too_many_arguments)]
    fn map_windows(
        &mut self,
        source: Windows<'_>,
        len: u64,
        window: usize,
        threads: usize,
        lines: &mut Lines,
        report: &mut InputReport,
        progress: &mut dyn Progress,
    ) {
        let count = usize::try_from(len.div_ceil(window as u64)).unwrap_or(usize::MAX);
        let options = self.options();
        let get = |index: usize, cache: &mut MinuteCache| {
            let offset = index as u64 * window as u64;
            let planned = usize::try_from((len - offset).min(window as u64)).unwrap_or(window);
            let bytes = match source {
                Windows::File(file) => map_window(file, index, window, planned),
                Windows::Memory(text) => {
                    // Within `len`, which is `text.len()`.
                    #[allow(clippy::cast_possible_truncation)]
                    let at = offset as usize;
                    Sorted {
                        bytes: Bytes::Memory(&text[at..at + planned]),
                        len: planned,
                        short: false,
                        start: None,
                        end: 0,
                        pieces: Vec::new(),
                    }
                }
            };
            sort_window(bytes, index, &options, cache)
        };
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
            let mut helpers = Vec::new();
            for _ in 1..threads.max(1) {
                helpers.push(scope.spawn(|| {
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
                        let sorted = get(index, &mut cache);
                        lock().done.insert(index, sorted);
                        changed.notify_all();
                    }
                }));
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
                        let sorted = get(mine, &mut cache);
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
            // Joined, not left to the scope: the scope only waits for the
            // closures, and a thread still running its thread-local
            // destructors after it returns looked like a leak to the fuzz
            // target's LeakSanitizer.
            for helper in helpers {
                let _ = helper.join();
            }
        });
    }

    /// Applies a sorted window: the line carried into it, its pieces, and
    /// the line cut by its end.
    fn apply(&mut self, sorted: &Sorted<'_>, lines: &mut Lines, report: &mut InputReport) {
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
                    self.successes(n, requests, minute, first, last);
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
