//! The two printers a caller renders with: [`Human`] for people (a
//! [`Style`] says whether to paint and how wide to wrap) and [`Json`] for
//! scripts. Each has one method per thing obserr shows, so that the shapes
//! behind them (the files of this module) stay private and free to change.

use super::message::Message;
use super::style::Style;
use super::{diagnosis, human, json, scan, sigcheck};
use crate::catalogue::{Entry, StatusInfo};
use crate::decoded::Decoded;
use crate::diagnose::Diagnosis;
use crate::query::Explained;
use crate::scan::{InputReport, LogRecord, Report, State};
use crate::search::Hit;
use crate::sigcheck::SignatureCheck;
use std::io::{self, Write};

/// Writes what obserr shows people: the same text as the `obserr` command,
/// painted or not as the [`Style`] says.
///
/// ```
/// use obserr::{Human, Style};
///
/// let mut out = Vec::new();
/// let entry = obserr::lookup("NoSuchKey").unwrap();
/// Human::new(&Style::default()).entry(&mut out, entry).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("NoSuchKey"));
/// assert!(text.contains("404"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Human<'s> {
    style: &'s Style,
}

impl<'s> Human<'s> {
    /// A printer that paints and wraps as `style` says.
    #[must_use]
    pub fn new(style: &'s Style) -> Self {
        Human { style }
    }

    /// One catalogue entry in full (`obserr explain CODE`).
    pub fn entry(&self, out: &mut impl Write, entry: &Entry) -> io::Result<()> {
        human::entry(out, self.style, entry)
    }

    /// What a status means and its codes, most frequent first
    /// (`obserr explain 403`).
    pub fn status(
        &self,
        out: &mut impl Write,
        status: u16,
        info: Option<&StatusInfo>,
        codes: &[&Entry],
    ) -> io::Result<()> {
        human::status(out, self.style, status, info, codes)
    }

    /// Entries as a table (on a terminal) or one a line (`obserr list`).
    pub fn list(&self, out: &mut impl Write, entries: &[&Entry]) -> io::Result<()> {
        human::list(out, self.style, entries)
    }

    /// Search hits, best first (`obserr search`).
    pub fn hits(&self, out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
        human::hits(out, self.style, hits)
    }

    /// One diagnosis, short: the headline, what it means, the likely cause
    /// with its check and fix, the retry advice, the ids support needs, and
    /// the next command.
    pub fn diagnosis(&self, out: &mut impl Write, diagnosis: &Diagnosis) -> io::Result<()> {
        diagnosis::human(out, self.style, diagnosis)
    }

    /// One diagnosis in full (`obserr decode --verbose`): every field read,
    /// every documented row and cause.
    pub fn diagnosis_verbose(&self, out: &mut impl Write, diagnosis: &Diagnosis) -> io::Result<()> {
        diagnosis::human_verbose(out, self.style, diagnosis)
    }

    /// The diagnoses of every input, as `obserr decode` prints them: each
    /// input named when there are several, long runs cut with a count.
    pub fn decoded(
        &self,
        out: &mut impl Write,
        decoded: &[Decoded],
        verbose: bool,
    ) -> io::Result<()> {
        diagnosis::human_all(out, self.style, decoded, verbose)
    }

    /// A scan's report (`obserr scan`), with its minute-by-minute chart when
    /// `timeline` is set.
    pub fn scan_report(
        &self,
        out: &mut impl Write,
        report: &Report,
        timeline: bool,
    ) -> io::Result<()> {
        scan::human(out, self.style, report, timeline)
    }

    /// `scan --follow` on a terminal: the screen cleared, the report so far
    /// cut to `height` rows, and a line naming what is followed.
    pub fn scan_live(
        &self,
        out: &mut impl Write,
        report: &Report,
        name: &str,
        height: Option<usize>,
    ) -> io::Result<()> {
        scan::live(out, self.style, report, name, height)
    }

    /// `scan --follow`, piped: one error in a line, as it is read.
    pub fn follow_line(&self, out: &mut impl Write, record: &LogRecord) -> io::Result<()> {
        writeln!(out, "{}", scan::follow_line(record))
    }

    /// `scan --failed-objects`: the bucket and key of every failed request,
    /// one `obs://` address a line.
    pub fn failed_objects(&self, out: &mut impl Write, report: &Report) -> io::Result<()> {
        scan::failed_objects(out, report)
    }

    /// Why a signature does not match (`obserr sigcheck`).
    pub fn signature_check(&self, out: &mut impl Write, check: &SignatureCheck) -> io::Result<()> {
        sigcheck::human(out, self.style, check)
    }

    /// Moves the cursor home and clears the screen, as [`Human::scan_live`]
    /// does first: to redraw after something else was written.
    pub fn clear_screen(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(scan::CLEAR.as_bytes())
    }
}

/// Writes what obserr shows scripts: JSON whose shapes GUIDE.md documents,
/// every control character escaped. Reports it wrote for `scan --json` read
/// back with [`Json::read_report`].
///
/// ```
/// use obserr::Json;
///
/// let mut out = Vec::new();
/// Json::entries(&mut out, &[obserr::lookup("AccessDenied").unwrap()]).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#""code": "AccessDenied""#));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Json;

impl Json {
    /// Entries as an array of objects (`obserr list --json`).
    pub fn entries(out: &mut impl Write, entries: &[&'static Entry]) -> io::Result<()> {
        let rows: Vec<json::EntryJson> =
            entries.iter().map(|e| json::EntryJson::from(*e)).collect();
        json::write(out, &rows)
    }

    /// What each `explain` argument names, in argument order.
    pub fn explained(out: &mut impl Write, explained: &[Explained]) -> io::Result<()> {
        let items: Vec<json::ExplainedJson> =
            explained.iter().map(json::ExplainedJson::from).collect();
        json::write(out, &items)
    }

    /// Search hits with their scores (`obserr search --json`).
    pub fn hits(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
        let rows: Vec<json::HitJson> = hits.iter().map(json::HitJson::from).collect();
        json::write(out, &rows)
    }

    /// The diagnoses of every input, and each unreadable input's error
    /// (`obserr decode --json`).
    pub fn decoded(out: &mut impl Write, decoded: &[Decoded]) -> io::Result<()> {
        json::write(out, &diagnosis::json_all(decoded))
    }

    /// A scan's report with the state `--merge` reads back, pretty-printed.
    pub fn scan_report(out: &mut impl Write, report: &Report) -> io::Result<()> {
        json::write(out, &scan::ScanJson::new(report))
    }

    /// [`Json::scan_report`] in one line, as `scan --follow --json` ends.
    pub fn scan_report_line(out: &mut impl Write, report: &Report) -> io::Result<()> {
        json::write_line(out, &scan::ScanJson::new(report))
    }

    /// One error of `scan --follow --json`, in a line.
    pub fn follow_record(out: &mut impl Write, record: &LogRecord) -> io::Result<()> {
        json::write_line(out, &scan::FollowJson::new(record))
    }

    /// `scan --failed-objects --json`: an array of `obs://` addresses.
    pub fn failed_objects(out: &mut impl Write, report: &Report) -> io::Result<()> {
        json::write(out, &scan::failed_urls(report))
    }

    /// A signature check: verdict, components and their values
    /// (`obserr sigcheck --json`).
    pub fn signature_check(out: &mut impl Write, check: &SignatureCheck) -> io::Result<()> {
        sigcheck::json(out, check)
    }

    /// A usage or input error as an object: the message's error line and,
    /// when it concerns one input, its name.
    pub fn error(out: &mut impl Write, message: &Message, input: Option<String>) -> io::Result<()> {
        json::write(out, &json::ErrorJson::new(message.error(), input))
    }

    /// Reads back a report [`Json::scan_report`] wrote: its inputs and the
    /// state [`crate::merge`] takes.
    ///
    /// # Errors
    ///
    /// The message to show when the bytes are not such a report (`name` is
    /// the file's), or one of another format version.
    pub fn read_report(bytes: &[u8], name: &str) -> Result<(Vec<InputReport>, State), Message> {
        scan::read_report(bytes).map_err(|e| match e {
            scan::PartError::NotReport(error) => Message::MergeNotReport {
                name: name.to_string(),
                error,
            },
            scan::PartError::Version(found) => Message::MergeVersion {
                name: name.to_string(),
                found,
            },
        })
    }
}

impl Message {
    /// What to tell on stderr about a scan: inputs that could not be read,
    /// what was skipped or cut short, and a scan that found no error.
    #[must_use]
    pub fn scan_notes(report: &Report) -> Vec<Message> {
        scan::messages(report)
    }
}
