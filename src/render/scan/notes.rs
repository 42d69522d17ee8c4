//! What a scan tells on stderr, as [`Message`]s.

use crate::render::message::Message;
use crate::scan::Report;

/// What to tell on stderr about a scan: inputs that could not be read, what
/// was skipped, and a scan without errors.
#[must_use]
pub fn messages(r: &Report) -> Vec<Message> {
    let mut out = Vec::new();
    for i in &r.inputs {
        let name = &i.name;
        if let Some(error) = &i.error {
            out.push(Message::ScanUnreadable {
                name: name.clone(),
                error: error.clone(),
            });
        }
        if i.binary {
            out.push(Message::ScanBinary { name: name.clone() });
        }
        if let Some(error) = &i.cut_short {
            out.push(Message::ScanCutShort {
                name: name.clone(),
                gzip: i.gzip,
                error: error.clone(),
                bytes: i.bytes,
            });
        }
        if i.long_lines > 0 {
            out.push(Message::ScanLongLines {
                name: name.clone(),
                count: i.long_lines,
            });
        }
        if i.invalid_utf8 > 0 {
            out.push(Message::ScanInvalidUtf8 {
                name: name.clone(),
                count: i.invalid_utf8,
            });
        }
    }
    if r.untimed > 0 {
        out.push(Message::ScanUntimed { count: r.untimed });
    }
    if r.failed_dropped > 0 {
        out.push(Message::ScanFailedDropped {
            count: r.failed_dropped,
        });
    }
    if r.outcome() == crate::outcome::Outcome::NothingFound {
        out.push(Message::ScanNoErrors {
            requests: r.requests,
            outside: r.outside + r.untimed,
        });
    }
    out
}
