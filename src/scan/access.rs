//! Reads one line of an OBS bucket access log (the format of the OBS user
//! guide's "Logging Overview", copied in
//! `tests/fixtures/scan/umn_logging_overview_access_log_format.rst`):
//!
//! ```text
//! owner bucket [13/Aug/2015:01:43:42 +0000] ip requester request-id operation key
//! "GET /bucket?location HTTP/1.1" 200 - 211 - 6 6 "-" "HttpClient" - - ...
//! ```
//!
//! Two readers share the work. [`fast`] answers the only question most lines
//! raise, "success or not, and when", with three `memchr` calls and no
//! allocation; [`parse`] reads every field of the few lines that need it. Both
//! tolerate runs of spaces between fields, missing trailing fields (anything
//! after the status) and any number of extra ones.

use memchr::memchr;

/// What [`fast`] learnt from a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fast {
    /// An access-log request that succeeded (status below 400, no error code),
    /// at this time (milliseconds since the epoch).
    Success(i64),
    /// An access-log request that needs a full read: an error, or a line the
    /// fast reader cannot be sure of.
    Parse,
    /// Not an access-log line.
    Other,
}

/// `memchr` for one byte, its implementation picked once: the `memchr`
/// function picks it at every call (through a function pointer, then builds
/// its vectors), which on the hot path's four searches a line cost 10% of
/// its instructions (CONTRIBUTING.md: Performance, scan).
#[derive(Debug, Clone, Copy)]
pub struct Finder {
    byte: u8,
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::One>,
}

impl Finder {
    /// Finds `byte`.
    #[must_use]
    pub fn new(byte: u8) -> Finder {
        Finder {
            byte,
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::One::new(byte),
        }
    }

    /// Where `byte` first is in `haystack`.
    #[inline]
    #[must_use]
    pub fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(avx2) = &self.avx2 {
            return avx2.find(haystack);
        }
        memchr(self.byte, haystack)
    }
}

/// What the hot path keeps from line to line: the last timestamp's minute,
/// so that most lines (logs are in time order) cost two 16-byte comparisons
/// instead of a date calculation, and its byte searchers.
#[derive(Debug, Clone)]
pub struct MinuteCache {
    bracket: Finder,
    quote: Finder,
    /// Bytes 0..16 of the last time read (`13/Aug/2015:01:4`).
    head: u128,
    /// Its bytes 10..26 (`5:01:43:42 +0000`), the seconds (bytes 18 and 19)
    /// zeroed: [`SECONDS`].
    tail: u128,
    /// Milliseconds of that minute, zone applied.
    minute_ms: i64,
    valid: bool,
}

impl Default for MinuteCache {
    fn default() -> MinuteCache {
        MinuteCache {
            bracket: Finder::new(b'['),
            quote: Finder::new(b'"'),
            head: 0,
            tail: 0,
            minute_ms: 0,
            valid: false,
        }
    }
}

/// Zeroes the seconds of a time's bytes 10..26 read as a little-endian
/// `u128` (they are its bytes 8 and 9).
const SECONDS: u128 = !(0xffff << 64);

impl MinuteCache {
    /// Milliseconds of `[13/Aug/2015:01:43:42 +0000]`'s inside (`t` starts
    /// after the `[`, and holds at least 26 bytes).
    #[inline]
    fn time(&mut self, t: &[u8]) -> Option<i64> {
        let t: &[u8; 26] = t.get(..26)?.try_into().ok()?;
        let seconds = two(t[18], t[19])?;
        if seconds > 60 {
            return None;
        }
        let mut head = [0u8; 16];
        head.copy_from_slice(&t[..16]);
        let mut tail = [0u8; 16];
        tail.copy_from_slice(&t[10..]);
        let (head, tail) = (
            u128::from_le_bytes(head),
            u128::from_le_bytes(tail) & SECONDS,
        );
        // The minute and the zone as last time: those bytes were checked then.
        if !(self.valid && head == self.head && tail == self.tail) {
            if t[17] != b':' || t[20] != b' ' {
                return None;
            }
            self.minute_ms = minute_ms(t)?;
            (self.head, self.tail, self.valid) = (head, tail, true);
        }
        Some(self.minute_ms + seconds * 1000)
    }
}

fn two(a: u8, b: u8) -> Option<i64> {
    (a.is_ascii_digit() && b.is_ascii_digit()).then(|| i64::from((a - b'0') * 10 + (b - b'0')))
}

/// `13/Aug/2015:01:43:?? +0000` to the milliseconds of its minute in UTC.
// A month index (0..12) always fits an i64.
#[allow(clippy::cast_possible_wrap)]
fn minute_ms(t: &[u8]) -> Option<i64> {
    const MONTHS: &[u8; 36] = b"JanFebMarAprMayJunJulAugSepOctNovDec";
    if t[2] != b'/' || t[6] != b'/' || t[11] != b':' || t[14] != b':' {
        return None;
    }
    let day = two(t[0], t[1])?;
    let month = MONTHS.chunks(3).position(|m| m == &t[3..6])? as i64 + 1;
    let year = two(t[7], t[8])? * 100 + two(t[9], t[10])?;
    let (hour, minute) = (two(t[12], t[13])?, two(t[15], t[16])?);
    let sign = match t[21] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let offset = sign * (two(t[22], t[23])? * 60 + two(t[24], t[25])?);
    if !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    let days = crate::timestamp::days_from_civil(year, month, day);
    Some(((days * 24 + hour) * 60 + minute - offset) * 60_000)
}

/// Where the time field's inside starts: the first `[` preceded by a space,
/// after two fields.
fn time_start(line: &[u8], bracket: &Finder) -> Option<usize> {
    let open = bracket.find(line)?;
    // owner and bucket come first: at least "o b [".
    (open >= 4 && line[open - 1] == b' ').then_some(open + 1)
}

/// Whether `s` is `" NNN ` or `" NNN` at the end: the request URI's closing
/// quote and the status after it.
fn status_at(s: &[u8]) -> Option<u16> {
    match s {
        [b'"', b' ', a, b, c, rest @ ..]
            if a.is_ascii_digit()
                && b.is_ascii_digit()
                && c.is_ascii_digit()
                && rest.first().is_none_or(|&x| x == b' ') =>
        {
            Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
        }
        _ => None,
    }
}

/// The hot path: whether `line` is an access-log request that succeeded.
/// A line it is unsure of is [`Fast::Parse`], never a wrong answer.
#[inline]
pub fn fast(line: &[u8], cache: &mut MinuteCache) -> Fast {
    let Some(t) = time_start(line, &cache.bracket) else {
        return Fast::Other;
    };
    let Some(time) = cache.time(&line[t..]) else {
        return Fast::Other;
    };
    // `]`, then ip, requester, request id, operation and key before the URI.
    let after = t + 27;
    let Some(open) = line.get(after..).and_then(|s| cache.quote.find(s)) else {
        return Fast::Parse;
    };
    let uri = after + open + 1;
    let Some(close) = cache.quote.find(&line[uri..]) else {
        return Fast::Parse;
    };
    let close = uri + close;
    match status_at(&line[close..]) {
        // After the status: nothing, or the error code field `-` (then
        // more fields). Anything else, even a code a line too short to hold
        // more, is read in full.
        Some(status) if status < 400 => match &line[close + 5..] {
            [] | [b' '] | [b' ', b'-'] | [b' ', b'-', b' ', ..] => Fast::Success(time),
            _ => Fast::Parse,
        },
        _ => Fast::Parse,
    }
}

/// Every field of an access-log line that scan uses, borrowed from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessLine<'a> {
    /// The bucket owner's account ID.
    pub owner: &'a [u8],
    /// The bucket.
    pub bucket: &'a [u8],
    /// Milliseconds since the epoch.
    pub time: i64,
    /// The client's IP address.
    pub remote_ip: &'a [u8],
    /// The requester's account or user ID.
    pub requester: &'a [u8],
    /// The request ID.
    pub request_id: &'a [u8],
    /// The operation (`REST.PUT.OBJECT`).
    pub operation: &'a [u8],
    /// The object key as logged (`-` for a bucket request).
    pub key: &'a [u8],
    /// The request line inside the quotes.
    pub request_uri: &'a [u8],
    /// The HTTP status, if known.
    pub status: u16,
    /// `None` where the log says `-` or the field is missing.
    pub error_code: Option<&'a [u8]>,
}

/// The space-separated fields of `s`, where a run of spaces is one separator.
fn words(s: &[u8]) -> impl Iterator<Item = &[u8]> {
    s.split(|&b| b == b' ').filter(|w| !w.is_empty())
}

/// Reads every field of an access-log line, or `None` when it is not one.
/// The request URI ends at the first `"` followed by a status, so a quote
/// inside the URI does not end it early.
#[must_use]
pub fn parse(line: &[u8]) -> Option<AccessLine<'_>> {
    let t = time_start(line, &Finder::new(b'['))?;
    let mut head = words(&line[..t - 1]);
    let (owner, bucket) = (head.next()?, head.next()?);
    if head.next().is_some() {
        return None;
    }
    let time = MinuteCache::default().time(&line[t..])?;
    if line.get(t + 26) != Some(&b']') {
        return None;
    }
    let after = t + 27;
    let open = after + memchr(b'"', line.get(after..)?)?;
    let mut middle = words(&line[after..open]);
    let remote_ip = middle.next()?;
    let requester = middle.next()?;
    let request_id = middle.next()?;
    let operation = middle.next()?;
    // The key is logged as one word; tolerate a missing one.
    let key = middle.next().unwrap_or(b"-");
    let uri = open + 1;
    let (close, status) = memchr::memchr_iter(b'"', &line[uri..])
        .map(|i| uri + i)
        .find_map(|i| status_at(&line[i..]).map(|s| (i, s)))?;
    let error_code = line
        .get(close + 6..)
        .and_then(|rest| words(rest).next())
        .filter(|w| *w != b"-");
    Some(AccessLine {
        owner,
        bucket,
        time,
        remote_ip,
        requester,
        request_id,
        operation,
        key,
        request_uri: &line[uri..close],
        status,
        error_code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the format's documentation, on one line (the page
    /// wraps it), with its double spaces.
    const DOC: &[u8] = b"787f2f92b20943998a4fe2ab75eb09b8 bucket [13/Aug/2015:01:43:42 +0000] xx.xx.xx.xx 787f2f92b20943998a4fe2ab75eb09b8 281599BACAD9376ECE141B842B94535B  REST.GET.BUCKET.LOCATION - \"GET /bucket?location HTTP/1.1\" 200 - 211 - 6 6 \"-\"  \"HttpClient\" - -";

    const T: i64 = 1_439_430_222_000; // 2015-08-13T01:43:42Z

    fn error_line(status: &str, code: &str) -> Vec<u8> {
        format!("o b [13/Aug/2015:01:43:42 +0000] 1.2.3.4 req RID REST.PUT.OBJECT photos/a.jpg \"PUT /b/photos/a.jpg HTTP/1.1\" {status} {code} 300 - 6 6 \"-\" \"obsutil\" - - STANDARD -").into_bytes()
    }

    #[test]
    fn the_documented_example() {
        assert_eq!(fast(DOC, &mut MinuteCache::default()), Fast::Success(T));
        let l = parse(DOC).unwrap();
        assert_eq!(l.owner, b"787f2f92b20943998a4fe2ab75eb09b8");
        assert_eq!(l.bucket, b"bucket");
        assert_eq!(l.time, T);
        assert_eq!(l.remote_ip, b"xx.xx.xx.xx");
        assert_eq!(l.request_id, b"281599BACAD9376ECE141B842B94535B");
        assert_eq!(l.operation, b"REST.GET.BUCKET.LOCATION");
        assert_eq!(l.key, b"-");
        assert_eq!(l.request_uri, b"GET /bucket?location HTTP/1.1");
        assert_eq!((l.status, l.error_code), (200, None));
    }

    #[test]
    fn errors_need_a_full_read() {
        let line = error_line("403", "AccessDenied");
        assert_eq!(fast(&line, &mut MinuteCache::default()), Fast::Parse);
        let l = parse(&line).unwrap();
        assert_eq!((l.status, l.error_code), (403, Some(&b"AccessDenied"[..])));
        assert_eq!(l.key, b"photos/a.jpg");
        // A code with a success status (an odd log) is read in full too.
        let line = error_line("200", "InternalError");
        assert_eq!(fast(&line, &mut MinuteCache::default()), Fast::Parse);
        // A 4xx without a code.
        let line = error_line("404", "-");
        let l = parse(&line).unwrap();
        assert_eq!((l.status, l.error_code), (404, None));
    }

    #[test]
    fn missing_and_extra_trailing_fields() {
        let cut = b"o b [13/Aug/2015:01:43:42 +0000] ip r id OP k \"GET /b/k HTTP/1.1\" 200";
        assert_eq!(fast(cut, &mut MinuteCache::default()), Fast::Success(T));
        assert_eq!(parse(cut).unwrap().error_code, None);
        let cut =
            b"o b [13/Aug/2015:01:43:42 +0000] ip r id OP k \"GET /b/k HTTP/1.1\" 503 SlowDown";
        assert_eq!(parse(cut).unwrap().error_code, Some(&b"SlowDown"[..]));
        let mut long = DOC.to_vec();
        long.extend_from_slice(b" STANDARD_IA GLACIER x y z \"new field\"");
        assert_eq!(fast(&long, &mut MinuteCache::default()), Fast::Success(T));
        assert_eq!(parse(&long).unwrap().status, 200);
    }

    #[test]
    fn a_one_byte_code_at_the_end_of_the_line_is_read_in_full() {
        // Found by fuzzing: the hot path took the line for a success.
        let line = b"o b [13/Aug/2015:01:43:42 +0000] ip r id OP k \"PUT HTTP/1.1\" 200 /";
        assert_eq!(fast(line, &mut MinuteCache::default()), Fast::Parse);
        assert_eq!(parse(line).unwrap().error_code, Some(&b"/"[..]));
        for ok in [&b"\" 200"[..], b"\" 200 ", b"\" 200 -", b"\" 200 - 5"] {
            let mut line =
                b"o b [13/Aug/2015:01:43:42 +0000] ip r id OP k \"GET / HTTP/1.1".to_vec();
            line.extend_from_slice(ok);
            assert_eq!(
                fast(&line, &mut MinuteCache::default()),
                Fast::Success(T),
                "{ok:?}"
            );
            assert_eq!(parse(&line).unwrap().error_code, None);
        }
    }

    #[test]
    fn a_quote_in_the_uri_does_not_end_it() {
        let line =
            b"o b [13/Aug/2015:01:43:42 +0000] ip r id OP k \"GET /b/a\"b HTTP/1.1\" 200 - 1";
        assert_eq!(fast(line, &mut MinuteCache::default()), Fast::Parse);
        let l = parse(line).unwrap();
        assert_eq!(l.request_uri, b"GET /b/a\"b HTTP/1.1");
        assert_eq!(l.status, 200);
    }

    #[test]
    fn zones_and_the_cache() {
        let mut cache = MinuteCache::default();
        let at =
            |t: &str| format!("o b [{t}] ip r id OP k \"GET / HTTP/1.1\" 200 - 1").into_bytes();
        assert_eq!(
            fast(&at("13/Aug/2015:03:43:42 +0200"), &mut cache),
            Fast::Success(T)
        );
        assert_eq!(
            fast(&at("13/Aug/2015:03:43:50 +0200"), &mut cache),
            Fast::Success(T + 8000)
        );
        assert_eq!(
            fast(&at("13/Aug/2015:03:43:50 +0000"), &mut cache),
            Fast::Success(T + 8000 + 7_200_000)
        );
        assert_eq!(
            fast(&at("31/Dec/1999:23:59:59 -0100"), &mut cache),
            Fast::Success(946_688_399_000)
        );
    }

    #[test]
    fn hostile_lines_are_other_or_parse_never_a_panic() {
        let mut cache = MinuteCache::default();
        for line in [
            &b""[..],
            b"[",
            b"a b [",
            b"a b [13/Aug/2015:01:43:42 +0000]",
            b"a b [13/Aug/2015:01:43:42 +0000] \"",
            b"a b [13/Aug/2015:01:43:42 +0000] x \"\"",
            b"a b [99/Xyz/2015:01:43:42 +0000] x y z w k \"GET\" 200 -",
            b"a b [13/Aug/2015:25:43:42 +0000] x y z w k \"GET\" 200 -",
            b"a b [13/Aug/2015:01:43:42 *0000] x y z w k \"GET\" 200 -",
            b"a b [\xff\xfe/Aug/2015:01:43:42 +0000] x y z w k \"GET\" 200 -",
            b"2024-03-15T10:15:00Z [ERROR]: status [403], error code [AccessDenied]",
            b"a b [13/Aug/2015:01:43:42 +0000] x y z w k \"GET\" 2000 -",
            b"a b [13/Aug/2015:01:43:42 +0000] x y z w k \"GET\" 20",
        ] {
            let f = fast(line, &mut cache);
            assert_ne!(f, Fast::Success(T), "{line:?}");
            let _ = parse(line);
        }
        assert_eq!(
            fast(b"2024-03-15T10:15:00Z [ERROR]: x", &mut cache),
            Fast::Other
        );
        assert!(parse(b"a b [13/Aug/2015:25:43:42 +0000] x y z w k \"GET\" 200 -").is_none());
        assert!(parse(b"a b [13/Aug/2015:01:43:42 +0000] x y z w k \"GET\" 2000 -").is_none());
    }
}
