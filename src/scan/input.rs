//! Where scan's bytes come from: files, directories (recursively, in name
//! order), standard input, each read through a gzip decoder when it starts
//! with gzip's magic bytes (multi-member, as `cat a.gz b.gz` makes). Input is
//! read in chunks of [`CHUNK`] bytes and cut into lines; a line longer than
//! [`MAX_LINE`] is skipped and counted, so memory stays bounded whatever the
//! input. Nothing here stops a scan: an unreadable path, a binary file or a
//! truncated gzip is noted in the input's [`InputReport`] and the scan goes on.

use super::Scanner;
use flate2::read::MultiGzDecoder;
use std::cell::Cell;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Bytes read at once.
pub const CHUNK: usize = 1024 * 1024;
/// Longer lines are skipped (and counted): no log line is that long.
pub const MAX_LINE: usize = CHUNK;
/// Bytes at the start of an input looked at to tell text from binary.
const SNIFF: usize = 8 * 1024;

/// What one input gave, and what of it was skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputReport {
    /// The path as given or found (`-` for standard input).
    pub name: String,
    /// Bytes of text read (after decompression).
    pub bytes: u64,
    pub lines: u64,
    pub gzip: bool,
    /// Binary data (a NUL, dense control bytes) at its start: not read.
    pub binary: bool,
    /// Lines longer than [`MAX_LINE`], skipped.
    pub long_lines: u64,
    /// Lines read (errors and other lines) that held invalid UTF-8; their
    /// invalid bytes were read as U+FFFD.
    pub invalid_utf8: u64,
    /// The input ended in a read error after `bytes` (a truncated or
    /// corrupt gzip): what came before it counts.
    pub cut_short: Option<String>,
    /// The input could not be opened or read at all.
    pub error: Option<String>,
}

/// Told how reading goes, so a caller can draw a progress bar.
pub trait Progress {
    /// An input starts; `len` is its size on disk when known.
    fn start(&mut self, _name: &str, _len: Option<u64>) {}
    /// `done` bytes of the input (on disk: compressed for a gzip) are read.
    fn advance(&mut self, _done: u64) {}
}

impl Progress for () {}

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// The inputs `paths` name: `-` is standard input, a directory stands for
/// every file under it (by name, not following links to directories); no
/// path means standard input. A path that cannot be walked is an `Err`.
pub fn sources(paths: &[PathBuf]) -> Vec<Result<Source, InputReport>> {
    if paths.is_empty() {
        return vec![Ok(Source::Stdin)];
    }
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
            continue;
        }
        if !path.is_dir() {
            out.push(Ok(Source::File(path.clone())));
            continue;
        }
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => out.push(Ok(Source::File(e.into_path()))),
                Err(e) => out.push(Err(InputReport {
                    name: e.path().unwrap_or(path).to_string_lossy().into_owned(),
                    error: Some(
                        e.io_error()
                            .map_or_else(|| e.to_string(), ToString::to_string),
                    ),
                    ..InputReport::default()
                })),
            }
        }
    }
    out
}

/// Counts the bytes read through it, for progress.
struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

impl Scanner {
    /// Scans every source, in order.
    pub fn scan_sources(
        &mut self,
        sources: Vec<Result<Source, InputReport>>,
        progress: &mut dyn Progress,
    ) {
        for source in sources {
            match source {
                Ok(Source::Stdin) => {
                    progress.start("standard input", None);
                    self.scan("-", &mut io::stdin().lock(), progress);
                }
                Ok(Source::File(path)) => self.scan_file(&path, progress),
                Err(report) => self.inputs.push(report),
            }
        }
    }

    fn scan_file(&mut self, path: &Path, progress: &mut dyn Progress) {
        let name = path.to_string_lossy().into_owned();
        match std::fs::File::open(path) {
            Ok(file) => {
                progress.start(&name, file.metadata().ok().map(|m| m.len()));
                self.scan(&name, &mut { file }, progress);
            }
            Err(e) => self.inputs.push(InputReport {
                name,
                error: Some(e.to_string()),
                ..InputReport::default()
            }),
        }
    }

    /// Scans one input (a gzip when it starts like one), line by line. Plain
    /// text is read straight into the chunk buffer: a `BufReader` in between
    /// would copy every byte once more.
    pub fn scan(&mut self, name: &str, reader: &mut dyn Read, progress: &mut dyn Progress) {
        let mut report = InputReport {
            name: name.to_string(),
            ..InputReport::default()
        };
        let count = Rc::new(Cell::new(0));
        let mut counted = Counting {
            inner: reader,
            count: Rc::clone(&count),
        };
        // Enough of the start to recognise gzip's magic bytes.
        let mut magic = Vec::with_capacity(2);
        if let Err(e) = (&mut counted).take(2).read_to_end(&mut magic) {
            report.error = Some(e.to_string());
            self.inputs.push(report);
            return;
        }
        report.gzip = magic == [0x1f, 0x8b];
        let tick = || count.get();
        if report.gzip {
            let whole = io::Cursor::new(magic).chain(counted);
            let mut source = MultiGzDecoder::new(BufReader::with_capacity(CHUNK, whole));
            self.read_lines(&mut source, &[], &mut report, progress, &tick);
        } else {
            self.read_lines(&mut counted, &magic, &mut report, progress, &tick);
        }
        report.invalid_utf8 = self.end_input();
        self.inputs.push(report);
    }

    /// The chunk loop: reads, cuts complete lines, carries the last partial
    /// one over; skips lines longer than [`MAX_LINE`].
    fn read_lines(
        &mut self,
        source: &mut dyn Read,
        start: &[u8],
        report: &mut InputReport,
        progress: &mut dyn Progress,
        tick: &dyn Fn() -> u64,
    ) {
        let mut buf = vec![0u8; CHUNK];
        // What was read before (the bytes that told gzip from text).
        buf[..start.len()].copy_from_slice(start);
        report.bytes = start.len() as u64;
        let mut carry = start.len();
        // Inside a line longer than MAX_LINE, until its end.
        let mut skipping = false;
        let mut first = true;
        loop {
            let n = match source.read(&mut buf[carry..]) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    report.cut_short = Some(e.to_string());
                    0
                }
            };
            if first && carry + n > 0 {
                first = false;
                let head = &buf[..(carry + n).min(SNIFF)];
                if crate::decode::binary_at(head).is_some() {
                    report.binary = true;
                    report.bytes += n as u64;
                    return;
                }
            }
            let filled = carry + n;
            report.bytes += n as u64;
            if n == 0 {
                // The last line, without a line break.
                if carry > 0 && !skipping {
                    report.lines += 1;
                    self.line(&buf[..carry]);
                }
                return;
            }
            let mut start = 0;
            if skipping {
                match memchr::memchr(b'\n', &buf[..filled]) {
                    Some(end) => {
                        skipping = false;
                        start = end + 1;
                    }
                    None => {
                        carry = 0;
                        progress.advance(tick());
                        continue;
                    }
                }
            }
            let end = match memchr::memrchr(b'\n', &buf[start..filled]) {
                Some(i) => start + i + 1,
                None => start,
            };
            report.lines += self.lines(&buf[start..end]);
            let rest = filled - end;
            if rest >= MAX_LINE {
                // No line break in a whole buffer: a line too long to read.
                report.long_lines += 1;
                report.lines += 1;
                skipping = true;
                carry = 0;
            } else {
                buf.copy_within(end..filled, 0);
                carry = rest;
            }
            progress.advance(tick());
        }
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

#[cfg(test)]
mod tests {
    use super::super::{Options, Scanner};
    use super::*;
    use std::io::Write;

    fn scan(bytes: &[u8]) -> super::super::Report {
        let mut s = Scanner::new(Options::default());
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
    fn directories_are_walked_in_name_order_and_missing_paths_noted() {
        let dir = std::env::temp_dir().join(format!("obserr-scan-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.log"), LINE).unwrap();
        std::fs::write(dir.join("sub/a.log.gz"), gzip(LINE)).unwrap();
        let found = sources(&[dir.clone(), dir.join("missing")]);
        let names: Vec<String> = found
            .iter()
            .map(|s| match s {
                Ok(Source::File(p)) => p.strip_prefix(&dir).unwrap().display().to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(names[..2], ["b.log", "sub/a.log.gz"]);
        let mut s = Scanner::new(Options::default());
        s.scan_sources(found, &mut ());
        let r = s.finish();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(r.errors, 2);
        assert!(r.input_error());
        assert!(r.inputs[2].error.is_some());
    }
}
