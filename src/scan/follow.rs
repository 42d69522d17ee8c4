//! `scan --follow`: reading a log that grows. [`Feed`] cuts bytes as they
//! come into lines for the scanner (a line waits for its line break; one
//! longer than [`MAX_LINE`] is skipped and counted, so memory stays bounded
//! however long it runs). [`Tail`] follows a file by name as `tail -F` does:
//! it reads what was appended since the last [`Tail::poll`], and when the
//! name points to another file (rotation: renamed away and created anew) it
//! finishes the old file and reads the new one from its start; when the file
//! shrank (truncation: `> app.log`, `truncate -s0`) it reads again from the
//! start. The caller decides how often to poll (the binary: every 200 ms)
//! and which errors to show ([`Scanner::watch`]).

use super::input::{CHUNK, MAX_LINE};
use super::report::InputReport;
use super::scanner::Scanner;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Cuts bytes into lines for a scanner, whatever the sizes they come in:
/// what `scan --follow` reads standard input with, and what a [`Tail`]
/// feeds. A line waits for its line break; [`Feed::finish`] reads the last
/// one and lists the input among the report's.
///
/// ```
/// use obserr::{Feed, ScanOptions, Scanner};
///
/// let log = "2026/11/26 08:02:30 obs: service returned error: Status=403 Forbidden, Code=AccessDenied, \
///     Message=Access Denied, RequestId=00000190ABCDEF\n";
/// let mut scanner = Scanner::new(ScanOptions::default());
/// let mut feed = Feed::new("-");
/// let (start, rest) = log.as_bytes().split_at(40);
/// feed.take(&mut scanner, start);
/// assert_eq!(scanner.snapshot().errors, 0, "the line waits for its end");
/// feed.take(&mut scanner, rest);
/// assert_eq!(scanner.snapshot().errors, 1);
/// feed.finish(&mut scanner);
/// assert_eq!(scanner.finish().inputs[0].lines, 1);
/// ```
#[derive(Debug, Default)]
pub struct Feed {
    carry: Vec<u8>,
    skipping: bool,
    /// What was read: bytes, lines, lines skipped.
    pub report: InputReport,
}

impl Feed {
    /// How many bytes to read at a time before feeding them: what the
    /// scanner's own readers use.
    pub const CHUNK: usize = CHUNK;

    /// A feed for the input `name`.
    #[must_use]
    pub fn new(name: &str) -> Feed {
        Feed {
            report: InputReport {
                name: name.to_string(),
                ..InputReport::default()
            },
            ..Feed::default()
        }
    }

    /// Reads the whole lines in `data` (the line it ends in, if cut, waits).
    pub fn take(&mut self, scanner: &mut Scanner, mut data: &[u8]) {
        self.report.bytes += data.len() as u64;
        while let Some(i) = memchr::memchr(b'\n', data) {
            let (head, rest) = (&data[..i], &data[i + 1..]);
            data = rest;
            if self.skipping {
                self.skipping = false;
                continue;
            }
            self.report.lines += 1;
            if self.carry.is_empty() {
                scanner.line(head);
            } else {
                self.carry.extend_from_slice(head);
                scanner.line(&self.carry);
                self.carry.clear();
            }
        }
        if self.skipping {
            return;
        }
        self.carry.extend_from_slice(data);
        if self.carry.len() > MAX_LINE {
            self.carry = Vec::new();
            self.skipping = true;
            self.report.long_lines += 1;
            self.report.lines += 1;
        }
    }

    /// The input ended (or was replaced): a last line without a line break
    /// is read, and a capture under way is decoded.
    pub fn end(&mut self, scanner: &mut Scanner) {
        if !self.carry.is_empty() && !self.skipping {
            self.report.lines += 1;
            scanner.line(&self.carry);
        }
        self.carry.clear();
        self.skipping = false;
        scanner.end_capture();
    }

    /// Forgets a line cut short (the file it came from was truncated).
    fn forget(&mut self) {
        self.carry.clear();
        self.skipping = false;
    }

    /// Ends the feed: its report joins the scanner's inputs.
    pub fn finish(mut self, scanner: &mut Scanner) {
        self.end(scanner);
        self.report.invalid_utf8 = scanner.end_input();
        scanner.add_input(self.report);
    }
}

/// Which file a name points to: device and inode where there are such.
#[cfg(unix)]
fn identity(m: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// A file followed by name, as `tail -F` follows it (`scan --follow`): each
/// [`Tail::poll`] reads what was appended since the last, following the name
/// to a new file after a rotation, or back to the start after a truncation.
/// The caller decides how often to poll.
///
/// ```
/// use obserr::{ScanOptions, Scanner, Tail};
/// use std::io::Write;
///
/// let log = "2026/11/26 08:02:30 obs: service returned error: Status=403 Forbidden, Code=AccessDenied, \
///     Message=Access Denied, RequestId=00000190ABCDEF\n";
/// let path = std::env::temp_dir().join(format!("obserr-doctest-tail-{}.log", std::process::id()));
/// std::fs::write(&path, "")?;
/// let mut scanner = Scanner::new(ScanOptions::default());
/// let mut tail = Tail::open(&path, "app.log")?;
/// std::fs::OpenOptions::new().append(true).open(&path)?.write_all(log.as_bytes())?;
/// assert_eq!(tail.poll(&mut scanner)?, log.len() as u64);
/// assert_eq!(scanner.snapshot().errors, 1);
/// tail.feed.finish(&mut scanner);
/// std::fs::remove_file(&path)?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Tail {
    path: PathBuf,
    file: File,
    id: Option<(u64, u64)>,
    /// Bytes of the current file read.
    at: u64,
    buf: Vec<u8>,
    /// The lines read, over every file the name pointed to.
    pub feed: Feed,
}

impl Tail {
    /// Opens `path` (nothing is read yet: the first [`Tail::poll`] reads it
    /// to its end).
    ///
    /// # Errors
    ///
    /// When it cannot be opened.
    pub fn open(path: &Path, name: &str) -> io::Result<Tail> {
        let file = File::open(path)?;
        let meta = file.metadata()?;
        if meta.is_dir() {
            return Err(io::Error::other("is a directory"));
        }
        Ok(Tail {
            path: path.to_path_buf(),
            id: identity(&meta),
            file,
            at: 0,
            buf: vec![0; CHUNK],
            feed: Feed::new(name),
        })
    }

    /// Reads what the current file holds beyond what was read.
    fn drain(&mut self, scanner: &mut Scanner) -> io::Result<u64> {
        let mut total = 0;
        loop {
            let n = match self.file.read(&mut self.buf) {
                Ok(0) => return Ok(total),
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            self.at += n as u64;
            total += n as u64;
            self.feed.take(scanner, &self.buf[..n]);
        }
    }

    /// Reads what was appended since the last call, following the name to
    /// a new file (rotation) or back to the start (truncation). The bytes
    /// read.
    ///
    /// # Errors
    ///
    /// When the file being read fails (not when the name is missing for a
    /// while, as it is between a rotation's rename and create).
    pub fn poll(&mut self, scanner: &mut Scanner) -> io::Result<u64> {
        let mut total = self.drain(scanner)?;
        let Ok(meta) = std::fs::metadata(&self.path) else {
            return Ok(total);
        };
        let id = identity(&meta);
        if id != self.id && !meta.is_dir() {
            // Rotated: the old file is finished (drained above), the new
            // one read from its start.
            if let Ok(file) = File::open(&self.path) {
                self.feed.end(scanner);
                self.file = file;
                self.id = id;
                self.at = 0;
                total += self.drain(scanner)?;
            }
        } else if meta.len() < self.at {
            // Truncated: what is there now is new.
            self.file.seek(SeekFrom::Start(0))?;
            self.at = 0;
            self.feed.forget();
            total += self.drain(scanner)?;
        }
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::options::ScanOptions;
    use std::io::Write;

    const OK: &str = "o bkt [13/Aug/2015:01:43:42 +0000] 1.2.3.4 req R0 REST.GET.OBJECT a/b \"GET /bkt/a/b HTTP/1.1\" 200 - 5 5 1 1 \"-\" \"ua\" - -\n";
    const ERR: &str = "o bkt [13/Aug/2015:01:43:43 +0000] 1.2.3.4 req R1 REST.GET.OBJECT a/c \"GET /bkt/a/c HTTP/1.1\" 404 NoSuchKey 5 5 1 1 \"-\" \"ua\" - -\n";

    #[test]
    fn a_feed_waits_for_the_line_break_whatever_the_pieces() {
        let text = format!("{OK}{ERR}{OK}");
        for cut in 0..text.len() {
            let mut scanner = Scanner::new(ScanOptions::default());
            scanner.watch(true);
            let mut feed = Feed::new("-");
            feed.take(&mut scanner, &text.as_bytes()[..cut]);
            feed.take(&mut scanner, &text.as_bytes()[cut..]);
            let (errors, _) = scanner.take_watched();
            assert_eq!(errors.len(), 1, "cut {cut}");
            assert_eq!(errors[0].code.as_deref(), Some("NoSuchKey"));
            feed.finish(&mut scanner);
            let r = scanner.finish();
            assert_eq!((r.lines, r.requests, r.errors), (3, 3, 1), "cut {cut}");
        }
    }

    #[test]
    fn a_tail_survives_appends_rotation_and_truncation() {
        let dir = std::env::temp_dir().join(format!("obserr-tail-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("app.log");
        std::fs::write(&path, OK).unwrap();
        let mut scanner = Scanner::new(ScanOptions::default());
        let mut tail = Tail::open(&path, "app.log").unwrap();
        tail.poll(&mut scanner).unwrap();
        // Appended.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(ERR.as_bytes()).unwrap();
        tail.poll(&mut scanner).unwrap();
        assert_eq!(scanner.snapshot().errors, 1);
        // Rotated: renamed away, created anew.
        std::fs::rename(&path, dir.join("app.log.1")).unwrap();
        std::fs::write(&path, format!("{ERR}{ERR}")).unwrap();
        tail.poll(&mut scanner).unwrap();
        assert_eq!(scanner.snapshot().errors, 3);
        // Truncated, then written again (shorter than before).
        std::fs::write(&path, ERR).unwrap();
        tail.poll(&mut scanner).unwrap();
        let feed = tail.feed;
        feed.finish(&mut scanner);
        let r = scanner.finish();
        assert_eq!((r.requests, r.errors), (5, 4));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
