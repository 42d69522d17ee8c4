//! Machine-readable output: typed `Serialize` structs whose declaration order
//! is the key order. Shapes are documented in GUIDE.md; they never carry
//! colour, and `serde_json` escapes every control character.

use crate::catalogue::{self, Cause, Check, Entry, Kind, Source, StatusInfo};
use crate::query::Explained;
use crate::retry::SdkRetry;
use crate::search::Hit;
use serde::Serialize;
use std::io::{self, Write};

/// A catalogue entry as `explain --json`, `list --json` and `search --json` print it.
#[derive(Serialize)]
pub struct EntryJson {
    /// The code, without a space: a tool's code without its tool's name
    /// (`Obs.0012`, `-1`), which is [`EntryJson::tool`].
    pub code: &'static str,
    /// The tool a tool's code belongs to (`obsutil`, `console`, `browser`;
    /// `explain TOOL CODE` names the entry); null for other codes.
    pub tool: Option<&'static str>,
    /// `server`, `client` or `tool`.
    pub kind: Kind,
    /// The code as its tool shows it when another tool reuses it.
    pub shared_code: Option<&'static str>,
    /// The primary documented status (`null` for N/A).
    pub status: Option<u16>,
    /// Its reason phrase.
    pub reason: Option<&'static str>,
    /// What the error means.
    pub message: &'static str,
    /// What to do.
    pub solution: &'static str,
    /// The solution is obserr's, implied by the documentation.
    pub solution_inferred: bool,
    /// Whether the same request may succeed when sent again.
    pub retryable: bool,
    /// The official SDKs that retry the code by themselves.
    pub sdk_retries: Vec<SdkRetry>,
    /// What to look at on the user's side (client and tool codes).
    pub checks: &'static [Check],
    /// Why the code happens, most frequent first.
    pub causes: &'static [Cause],
    /// Other spellings of the code.
    pub aliases: &'static [&'static str],
    /// Every page that documents the code.
    pub sources: &'static [&'static Source],
    /// Every documented row, primary first.
    pub documented: Vec<DocumentedJson>,
}

/// One documented row of an entry.
#[derive(Serialize)]
pub struct DocumentedJson {
    /// The page's id.
    pub source: &'static str,
    /// The page's address.
    pub url: &'static str,
    /// The primary documented status (`null` for N/A).
    pub status: Option<u16>,
    /// Its reason phrase.
    pub reason: Option<&'static str>,
    /// What the error means.
    pub message: &'static str,
    /// What to do.
    pub solution: &'static str,
    /// The solution is obserr's, implied by the documentation.
    pub solution_inferred: bool,
    /// How the row disagrees with the others.
    pub note: Option<&'static str>,
}

impl From<&'static Entry> for EntryJson {
    fn from(e: &'static Entry) -> Self {
        EntryJson {
            code: e.bare_code(),
            tool: e.tool(),
            kind: e.kind,
            shared_code: e.shared_code,
            status: e.status(),
            reason: e.status().and_then(catalogue::reason),
            message: e.message(),
            solution: e.solution(),
            solution_inferred: e.solution_inferred(),
            retryable: e.retryable,
            sdk_retries: e.sdk_retries(),
            checks: e.checks,
            causes: e.causes,
            aliases: e.aliases,
            sources: e.sources,
            documented: e
                .documented
                .iter()
                .map(|d| DocumentedJson {
                    source: d.source.id,
                    url: d.source.url,
                    status: d.status,
                    reason: d.status.and_then(catalogue::reason),
                    message: d.message,
                    solution: d.solution,
                    solution_inferred: d.solution_inferred,
                    note: d.note,
                })
                .collect(),
        }
    }
}

/// `explain 403 --json`: what the status means and its codes.
#[derive(Serialize)]
pub struct StatusJson {
    /// The status.
    pub status: u16,
    /// Its reason phrase.
    pub reason: Option<&'static str>,
    /// What it means for OBS.
    pub meaning: Option<&'static str>,
    /// Its usual causes.
    pub causes: &'static [&'static str],
    /// The catalogued codes with this status.
    pub codes: Vec<EntryJson>,
}

impl StatusJson {
    /// The object for `status`.
    #[must_use]
    pub fn new(status: u16, info: Option<&'static StatusInfo>, codes: &[&'static Entry]) -> Self {
        StatusJson {
            status,
            reason: info.map(|i| i.reason),
            meaning: info.map(|i| i.meaning),
            causes: info.map_or(&[], |i| i.causes),
            codes: codes.iter().map(|e| EntryJson::from(*e)).collect(),
        }
    }
}

/// An argument that named nothing catalogued.
#[derive(Serialize)]
pub struct UnknownJson {
    /// Always `unknown error code`.
    pub error: &'static str,
    /// The argument as given.
    pub input: String,
    /// The nearest catalogued codes, best first.
    pub suggestions: Vec<&'static str>,
}

impl UnknownJson {
    /// The object for an argument that named nothing.
    #[must_use]
    pub fn new(input: &str, suggestions: &[&'static Entry]) -> Self {
        UnknownJson {
            error: "unknown error code",
            input: input.to_string(),
            suggestions: suggestions.iter().map(|e| e.code).collect(),
        }
    }
}

/// A bare status that no table documents a code with. Its `error` is the
/// line the human form writes on stderr, so the two say the same.
#[derive(Serialize)]
pub struct UnknownStatusJson {
    /// `OBS documents no error code with status N`.
    pub error: String,
    /// The argument as given.
    pub input: String,
    /// The status.
    pub status: u16,
}

impl UnknownStatusJson {
    /// The object for `status`, given as `input`.
    #[must_use]
    pub fn new(input: &str, status: u16) -> Self {
        UnknownStatusJson {
            error: super::Message::UnknownStatus(status).error(),
            input: input.to_string(),
            status,
        }
    }
}

/// One element of the `explain --json` array.
#[derive(Serialize)]
#[serde(untagged)]
pub enum ExplainedJson {
    /// A catalogued code.
    Code(EntryJson),
    /// A code two tools use with different meanings: every entry.
    Shared(SharedJson),
    /// A bare status.
    Status(StatusJson),
    /// A class of statuses: its codes.
    Class(Vec<EntryJson>),
    /// A bare status with no catalogued code.
    UnknownStatus(UnknownStatusJson),
    /// An argument that named nothing catalogued.
    Unknown(UnknownJson),
}

impl From<&Explained> for ExplainedJson {
    fn from(x: &Explained) -> Self {
        match x {
            Explained::Code(e) => ExplainedJson::Code(EntryJson::from(*e)),
            Explained::Shared { input, entries } => ExplainedJson::Shared(SharedJson {
                input: input.clone(),
                shared_code: entries.first().and_then(|e| e.shared_code),
                entries: entries.iter().map(|e| EntryJson::from(*e)).collect(),
            }),
            Explained::Status {
                status,
                info,
                codes,
            } => ExplainedJson::Status(StatusJson::new(*status, *info, codes)),
            Explained::Class { codes, .. } => {
                ExplainedJson::Class(codes.iter().map(|e| EntryJson::from(*e)).collect())
            }
            Explained::UnknownStatus { input, status } => {
                ExplainedJson::UnknownStatus(UnknownStatusJson::new(input, *status))
            }
            Explained::Unknown {
                input, suggestions, ..
            } => ExplainedJson::Unknown(UnknownJson::new(input, suggestions)),
        }
    }
}

/// `explain Obs.0012`: one argument naming a code of several tools.
#[derive(Serialize)]
pub struct SharedJson {
    /// The argument as given.
    pub input: String,
    /// The code the tools share (`Obs.0012`).
    pub shared_code: Option<&'static str>,
    /// One entry per tool.
    pub entries: Vec<EntryJson>,
}

/// An error that ended a run with exit status 2, for stdout under `--json`.
#[derive(Serialize)]
pub struct ErrorJson {
    /// What went wrong, the line stderr shows after `obserr: error: `.
    pub error: String,
    /// The input it concerns (a file name, `-` for standard input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
}

impl ErrorJson {
    /// An error about `input`, if any.
    #[must_use]
    pub fn new(error: String, input: Option<String>) -> Self {
        ErrorJson { error, input }
    }
}

/// One search hit: the entry plus its score.
#[derive(Serialize)]
pub struct HitJson {
    #[serde(flatten)]
    /// The entry, its keys inline.
    pub entry: EntryJson,
    /// Relevance, rounded to three decimals.
    pub score: f64,
}

impl From<&Hit> for HitJson {
    fn from(h: &Hit) -> Self {
        HitJson {
            entry: EntryJson::from(h.entry),
            score: (h.score * 1000.0).round() / 1000.0,
        }
    }
}

/// Writes `value` as pretty JSON followed by a line break.
pub fn write(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *out,
        SafeFormatter(serde_json::ser::PrettyFormatter::default()),
    );
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes `value` as JSON on one line (JSON Lines, as `scan --follow --json`
/// streams), escaped as [`write`] escapes.
pub fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *out,
        SafeFormatter(serde_json::ser::CompactFormatter),
    );
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// `serde_json`'s pretty printer, except that DEL, C1 controls (U+009B is a
/// terminal's CSI) and bidirectional overrides are written as `\uXXXX` too:
/// JSON only requires escaping C0, but `obserr --json` often lands on a
/// terminal, and the strings may come from a pasted response.
struct SafeFormatter<F>(F);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeFormatter<F> {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if crate::sanitize::is_unsafe(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON `explain --json` prints for a code, parsed back.
    fn entry_json(code: &str) -> serde_json::Value {
        let mut buf = Vec::new();
        write(&mut buf, &EntryJson::from(catalogue::lookup(code).unwrap())).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    #[test]
    fn an_entry_has_the_documented_keys() {
        let v = entry_json("NoSuchKey");
        for key in [
            "code",
            "kind",
            "causes",
            "sdk_retries",
            "status",
            "reason",
            "message",
            "solution",
            "retryable",
            "aliases",
            "sources",
            "documented",
        ] {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(v["code"], "NoSuchKey");
        assert_eq!(v["status"], 404);
        assert_eq!(v["retryable"], false);
        assert_eq!(v["kind"], "server");
        assert!(v["causes"][0]["check"].is_string());
        assert!(
            v["causes"][0].get("when").is_none(),
            "matching phrases stay internal"
        );
        let source = &v["causes"][0]["source"];
        assert_eq!(source["kind"], "doc");
        assert_eq!(source["page"], "obs_21_2002");
        assert_eq!(source["at"], "row NoSuchKey");
        assert!(source["url"].as_str().unwrap().starts_with("https://"));
        let sdk = &entry_json("RequestTimeout")["causes"][1]["source"];
        assert_eq!(sdk["kind"], "sdk");
        assert_eq!(sdk["page"], "huaweicloud/huaweicloud-sdk-java-obs");
        assert_eq!(sdk["title"], "RestStorageService.java");
        assert_eq!(sdk["at"], "L682-L689");
        assert!(sdk["url"]
            .as_str()
            .unwrap()
            .contains("/blob/1e4e5b70c23a4fbb5e94af3be4e9415e026473dd/"));
        let guess = &entry_json("TooManyRequests")["causes"][1]["source"];
        assert_eq!(guess["kind"], "experience");
        assert!(guess["url"].is_null());
        let v = entry_json("InternalError");
        assert_eq!(v["sdk_retries"][0]["sdk"], "python");
        assert_eq!(v["sdk_retries"][0]["condition"], "always");
        assert_eq!(v["sdk_retries"][0]["retries"], 3);
    }

    #[test]
    fn c1_controls_del_and_bidi_overrides_are_escaped_too() {
        let mut buf = Vec::new();
        write(&mut buf, &["a\u{9b}2J\u{7f}\u{202e}é\x1b"]).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text, "[\n  \"a\\u009b2J\\u007f\\u202eé\\u001b\"\n]\n");
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ["a\u{9b}2J\u{7f}\u{202e}é\x1b"]);
    }

    #[test]
    fn unknown_input_is_escaped() {
        let mut buf = Vec::new();
        write(&mut buf, &UnknownJson::new("a\x1bb", &[])).unwrap();
        assert!(!buf.contains(&0x1b));
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["input"], "a\x1bb");
    }
}
