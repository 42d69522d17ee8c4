//! How scan reads an input it is handed (the binary opens files, walks
//! directories and passes standard input): through a gzip decoder when it
//! starts with gzip's magic bytes (multi-member, as `cat a.gz b.gz` makes).
//! Input is
//! read in chunks of [`CHUNK`] bytes and cut into lines; a line longer than
//! [`MAX_LINE`] is skipped and counted, so memory stays bounded whatever the
//! input. Nothing here stops a scan: an unreadable input, a binary file or a
//! truncated gzip is noted in the input's [`InputReport`] and the scan goes on.
//!
//! One thread reads (the kernel's copy, or gzip's inflating) while the
//! calling one parses: on two cores that took a 500 MB scan from 189 ms to
//! 138 ms (CONTRIBUTING.md: Performance, scan).

use super::report::InputReport;
use super::scanner::Scanner;
use flate2::read::MultiGzDecoder;
use std::io::{self, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};

/// Bytes read at once. Small enough that the buffers stay in the L2 cache
/// while the kernel copies into them: on the development machine (2 MiB L2
/// per core) 64 KiB chunks took 80 ms of system time for 500 MB, 256 KiB
/// to 4 MiB chunks 230 ms (CONTRIBUTING.md: Performance, scan).
pub const CHUNK: usize = 64 * 1024;
/// Longer lines are skipped (and counted): no log line is that long.
pub const MAX_LINE: usize = 1024 * 1024;
/// Bytes at the start of an input looked at to tell text from binary.
pub(super) const SNIFF: usize = 8 * 1024;

/// Told how reading goes, so a caller can draw a progress bar: the caller
/// says when an input starts (it knows the file's size), the scanner how
/// many of its bytes are read. `()` is told nothing.
///
/// ```
/// use obserr::{Progress, ScanOptions, Scanner};
///
/// #[derive(Default)]
/// struct Bar { len: Option<u64>, done: u64 }
/// impl Progress for Bar {
///     fn start(&mut self, _name: &str, len: Option<u64>) { self.len = len; }
///     fn advance(&mut self, done: u64) { self.done = done; }
/// }
/// let log = "2026/11/26 08:02:30 obs: service returned error: Status=403 Forbidden, Code=AccessDenied, \
///     Message=Access Denied, RequestId=00000190ABCDEF\n";
/// let (mut bar, mut scanner) = (Bar::default(), Scanner::new(ScanOptions::default()));
/// bar.start("sdk.log", Some(log.len() as u64));
/// scanner.scan("sdk.log", &mut log.as_bytes(), &mut bar);
/// assert_eq!(Some(bar.done), bar.len);
/// ```
pub trait Progress {
    /// An input starts; `len` is its size on disk when known.
    fn start(&mut self, _name: &str, _len: Option<u64>) {}
    /// `done` bytes of the input (on disk: compressed for a gzip) are read.
    fn advance(&mut self, _done: u64) {}
}

impl Progress for () {}

/// Counts the bytes read through it, for progress (read on the other thread).
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Fills `buf` as far as the source allows (a pipe or a decoder gives less
/// per call): the bytes read (0 only at the end), and the error that stopped
/// it, if one did.
fn fill(source: &mut (dyn Read + Send), buf: &mut [u8]) -> (usize, Option<io::Error>) {
    let mut n = 0;
    while n < buf.len() {
        match source.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (n, Some(e)),
        }
    }
    (n, None)
}

/// Chunks in flight between the reading thread and the parsing one (8
/// measured no better than 3).
const BUFFERS: usize = 3;

impl Scanner {
    /// Records an input that could not be opened or read at all (the
    /// caller opens paths; the scanner only reads).
    pub fn unreadable(&mut self, name: &str, error: String) {
        self.add_input(InputReport {
            name: name.to_string(),
            error: Some(error),
            ..InputReport::default()
        });
    }

    /// Scans one input (a gzip when it starts like one), line by line. Plain
    /// text is read straight into the chunk buffers: a `BufReader` in between
    /// would copy every byte once more.
    pub fn scan(
        &mut self,
        name: &str,
        reader: &mut (dyn Read + Send),
        progress: &mut dyn Progress,
    ) {
        self.scan_with(name, reader, progress, true);
    }

    /// [`Scanner::scan`], with or without the reading thread (text already
    /// in memory gains nothing from one).
    pub(crate) fn scan_with(
        &mut self,
        name: &str,
        reader: &mut (dyn Read + Send),
        progress: &mut dyn Progress,
        threaded: bool,
    ) {
        let mut report = InputReport {
            name: name.to_string(),
            ..InputReport::default()
        };
        let count = Arc::new(AtomicU64::new(0));
        let mut counted = Counting {
            inner: reader,
            count: Arc::clone(&count),
        };
        // Enough of the start to recognise gzip's magic bytes.
        let mut magic = Vec::with_capacity(2);
        if let Err(e) = (&mut counted).take(2).read_to_end(&mut magic) {
            report.error = Some(e.to_string());
            self.add_input(report);
            return;
        }
        report.gzip = magic == [0x1f, 0x8b];
        let tick = || count.load(Ordering::Relaxed);
        // The magic bytes are read again as the start of the text: as a line
        // carried over they would hide a line break among them.
        let mut whole = io::Cursor::new(magic).chain(counted);
        if report.gzip {
            let mut source = MultiGzDecoder::new(BufReader::with_capacity(CHUNK, whole));
            self.read_lines(&mut source, &mut report, progress, &tick, threaded);
        } else {
            self.read_lines(&mut whole, &mut report, progress, &tick, threaded);
        }
        report.invalid_utf8 = self.end_input();
        self.add_input(report);
    }

    /// With `threaded`, two threads: one reads (the system call's copy, or
    /// gzip's decompression) into [`BUFFERS`] chunks while this one cuts the
    /// previous chunk into lines and reads them. A line cut by a chunk's end
    /// is carried over; one longer than [`MAX_LINE`] is skipped.
    fn read_lines(
        &mut self,
        source: &mut (dyn Read + Send),
        report: &mut InputReport,
        progress: &mut dyn Progress,
        tick: &dyn Fn() -> u64,
        threaded: bool,
    ) {
        let mut lines = Lines {
            carry: Vec::new(),
            skipping: false,
            sniffed: false,
        };
        if !threaded {
            if self.read_rest(source, &mut lines, report, progress, tick) {
                self.last_line(&lines, report);
            }
            return;
        }
        let (full_tx, full) = mpsc::sync_channel::<io::Result<(Vec<u8>, usize)>>(BUFFERS);
        let (empty, empty_rx) = mpsc::channel::<Vec<u8>>();
        for _ in 0..BUFFERS {
            let _ = empty.send(vec![0u8; CHUNK]);
        }
        std::thread::scope(|scope| {
            scope.spawn(move || {
                while let Ok(mut buf) = empty_rx.recv() {
                    let (n, error) = fill(source, &mut buf);
                    if n > 0 && full_tx.send(Ok((buf, n))).is_err() {
                        return;
                    }
                    if let Some(e) = error {
                        let _ = full_tx.send(Err(e));
                        return;
                    }
                    if n == 0 {
                        let _ = full_tx.send(Ok((Vec::new(), 0)));
                        return;
                    }
                }
            });
            while let Ok(message) = full.recv() {
                let (buf, n) = match message {
                    Ok((buf, n)) if n > 0 => (buf, n),
                    Ok(_) => break,
                    Err(e) => {
                        report.cut_short = Some(e.to_string());
                        break;
                    }
                };
                if !self.take(&buf[..n], &mut lines, report) {
                    // Binary: the reading thread, waiting for an empty
                    // buffer (or for room to send one), must learn that
                    // none will come, or the scope would wait for it forever.
                    drop((full, empty));
                    return;
                }
                progress.advance(tick());
                let _ = empty.send(buf);
            }
            self.last_line(&lines, report);
            // Dropping the channels here ends the reading thread.
        });
    }

    /// Reads `source` to its end on this thread, chunk by chunk; `false`
    /// when the input turned out binary.
    pub(super) fn read_rest(
        &mut self,
        source: &mut (dyn Read + Send),
        lines: &mut Lines,
        report: &mut InputReport,
        progress: &mut dyn Progress,
        tick: &dyn Fn() -> u64,
    ) -> bool {
        let mut buf = vec![0u8; CHUNK];
        loop {
            let (n, error) = fill(source, &mut buf);
            if n > 0 && !self.take(&buf[..n], lines, report) {
                return false;
            }
            progress.advance(tick());
            if let Some(e) = error {
                report.cut_short = Some(e.to_string());
                return true;
            }
            if n == 0 {
                return true;
            }
        }
    }

    /// Takes in one chunk; `false` when the input turned out binary (the
    /// first chunk is looked at) and must not be read on.
    fn take(&mut self, data: &[u8], lines: &mut Lines, report: &mut InputReport) -> bool {
        report.bytes += data.len() as u64;
        if !lines.sniffed {
            lines.sniffed = true;
            let head: Vec<u8> = lines
                .carry
                .iter()
                .chain(data)
                .take(SNIFF)
                .copied()
                .collect();
            if crate::decode::binary_at(&head).is_some() {
                report.binary = true;
                return false;
            }
        }
        self.chunk(data, lines, report);
        true
    }

    /// The last line, when the input does not end with a line break.
    pub(super) fn last_line(&mut self, lines: &Lines, report: &mut InputReport) {
        if lines.carry.is_empty() || lines.skipping {
            return;
        }
        if !lines.sniffed && crate::decode::binary_at(&lines.carry).is_some() {
            report.binary = true;
            return;
        }
        report.lines += 1;
        self.line(&lines.carry);
    }

    /// Reads the lines of one chunk, the carried line first.
    fn chunk(&mut self, mut data: &[u8], state: &mut Lines, report: &mut InputReport) {
        if !state.carry.is_empty() || state.skipping {
            let Some(i) = memchr::memchr(b'\n', data) else {
                if !state.skipping {
                    state.carry.extend_from_slice(data);
                    state.check_length(report);
                }
                return;
            };
            if state.skipping {
                state.skipping = false;
            } else {
                state.carry.extend_from_slice(&data[..i]);
                if state.carry.len() > MAX_LINE {
                    report.long_lines += 1;
                } else {
                    self.line(&state.carry);
                }
                report.lines += 1;
            }
            state.carry.clear();
            data = &data[i + 1..];
        }
        let end = memchr::memrchr(b'\n', data).map_or(0, |i| i + 1);
        report.lines += self.lines(&data[..end]);
        state.carry.extend_from_slice(&data[end..]);
        state.check_length(report);
    }

    /// Reads the complete lines of `chunk` (which ends with a line break);
    /// returns how many there were.
    fn lines(&mut self, chunk: &[u8]) -> u64 {
        let mut start = 0;
        let mut n = 0;
        for end in memchr::memchr_iter(b'\n', chunk) {
            self.line(&chunk[start..end]);
            start = end + 1;
            n += 1;
        }
        n
    }
}

/// The line cut by the end of the last chunk.
pub(super) struct Lines {
    pub(super) carry: Vec<u8>,
    /// Inside a line longer than [`MAX_LINE`], until its end.
    pub(super) skipping: bool,
    /// The start of the input was looked at for binary data.
    pub(super) sniffed: bool,
}

impl Lines {
    /// A carried line past [`MAX_LINE`] is dropped, and the rest of it skipped.
    pub(super) fn check_length(&mut self, report: &mut InputReport) {
        if self.carry.len() > MAX_LINE {
            report.long_lines += 1;
            report.lines += 1;
            self.carry = Vec::new();
            self.skipping = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::options::ScanOptions;
    use crate::scan::report::Report;
    use std::io::Write;

    fn scan(bytes: &[u8]) -> Report {
        let mut s = Scanner::new(ScanOptions::default());
        s.scan("t", &mut io::Cursor::new(bytes), &mut ());
        s.finish()
    }

    const LINE: &[u8] =
        b"o b [13/Aug/2015:01:43:42 +0000] ip r id OP k \"GET /b/k HTTP/1.1\" 503 SlowDown 1\n";

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn lines_across_chunks_and_without_a_final_break() {
        let mut text = LINE.repeat(CHUNK / LINE.len() * 3 + 7);
        text.pop();
        let r = scan(&text);
        let n = (CHUNK / LINE.len() * 3 + 7) as u64;
        assert_eq!((r.lines, r.requests, r.errors), (n, n, n));
        assert_eq!(r.bytes, text.len() as u64);
        // The same without the reading thread.
        let mut s = Scanner::new(ScanOptions::default());
        s.scan_with("-", &mut io::Cursor::new(&text[..]), &mut (), false);
        let here = s.finish();
        assert_eq!(
            (here.lines, here.bytes, &here.groups),
            (r.lines, r.bytes, &r.groups)
        );
    }

    #[test]
    fn gzip_multi_member_and_truncated() {
        let mut gz = gzip(&LINE.repeat(3));
        gz.extend(gzip(&LINE.repeat(2)));
        let r = scan(&gz);
        assert!(r.inputs[0].gzip);
        assert_eq!((r.errors, r.inputs[0].cut_short.as_deref()), (5, None));
        let big = gzip(&LINE.repeat(10_000));
        let r = scan(&big[..big.len() / 2]);
        assert!(r.inputs[0].cut_short.is_some());
        assert!(r.errors > 100 && r.errors < 10_000, "{}", r.errors);
    }

    #[test]
    fn long_lines_binary_and_invalid_utf8_are_counted_not_fatal() {
        let mut text = LINE.to_vec();
        text.extend(vec![b'x'; 10 * 1024 * 1024]);
        text.push(b'\n');
        text.extend(LINE);
        text.extend(b"o b [13/Aug/2015:01:43:42 +0000] ip r id OP k\xff \"GET /b/k HTTP/1.1\" 503 SlowDown 1\n");
        let r = scan(&text);
        assert_eq!(r.inputs[0].long_lines, 1);
        assert_eq!(r.inputs[0].invalid_utf8, 1);
        assert_eq!((r.lines, r.errors), (4, 3));
        let mut binary = vec![0u8; 100];
        binary.extend(LINE);
        let r = scan(&binary);
        assert!(r.inputs[0].binary);
        assert_eq!(r.errors, 0);
    }

    #[test]
    fn a_line_break_in_the_first_two_bytes_ends_a_line() {
        // Found by tests/it/scan_mapped.rs: the two bytes read to recognise
        // gzip were carried as the start of one line, whatever they held.
        for text in [&b"\nx\ny\n"[..], b"x\ny\n", b"\n\n", b"\n", b"\nx"] {
            let r = scan(text);
            let breaks = text.iter().filter(|&&b| b == b'\n').count();
            let last = usize::from(!text.ends_with(b"\n"));
            assert_eq!(r.lines, (breaks + last) as u64, "{text:?}");
        }
    }

    #[test]
    fn a_binary_input_of_many_chunks_ends_the_reading_thread() {
        // Found by tests/it/scan_mapped.rs: the scan waited forever for the
        // reading thread, itself waiting for a buffer.
        let r = scan(&vec![0u8; (BUFFERS + 2) * CHUNK]);
        assert!(r.inputs[0].binary);
        assert_eq!(r.bytes, CHUNK as u64);
    }
}
