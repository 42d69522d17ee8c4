//! What the renderers' unit tests share: a renderer's output as text, and
//! the report of one small access log with an escape sequence in it.

use crate::scan::{scan_bytes, Report, ScanOptions};
use std::io;

/// What `f` writes, as text.
pub(crate) fn render(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut buf = Vec::new();
    f(&mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

/// Three requests: a 404, a success, and a 403 whose requester and key hold
/// escape sequences.
const LOG: &str = "\
o bkt [26/Nov/2026:08:00:01 +0000] 10.0.0.1 u1 R1 REST.GET.OBJECT a/1 \"GET /bkt/a/1 HTTP/1.1\" 404 NoSuchKey 1 - 1 1 \"-\" \"ua\" -
o bkt [26/Nov/2026:08:00:02 +0000] 10.0.0.1 u1 R2 REST.GET.OBJECT a/2 \"GET /bkt/a/2 HTTP/1.1\" 200 - 1 - 1 1 \"-\" \"ua\" -
o bkt [26/Nov/2026:08:03:02 +0000] 10.0.0.2 u\x1b[31m R3 REST.PUT.OBJECT b/\x1b[2J \"PUT /bkt/b HTTP/1.1\" 403 AccessDenied 1 - 1 1 \"-\" \"ua\" -
";

/// [`LOG`] scanned with the default options.
pub(crate) fn access_log_report() -> Report {
    scan_bytes(LOG.as_bytes(), ScanOptions::default())
}
