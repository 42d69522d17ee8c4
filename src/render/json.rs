//! Machine-readable output. Shapes are documented in the README; they never
//! carry colour, and serde_json escapes every control character.

use crate::catalogue::{self, Cause, Check, Entry, Kind, Source, StatusInfo};
use crate::retry::SdkRetry;
use crate::search::Hit;
use serde::Serialize;
use std::io::{self, Write};

/// A catalogue entry as `explain --json`, `list --json` and `search --json` print it.
#[derive(Serialize)]
pub struct EntryJson {
    pub code: &'static str,
    /// `server`, `client` or `tool`.
    pub kind: Kind,
    /// The code as its tool shows it when another tool reuses it.
    pub shared_code: Option<&'static str>,
    pub status: Option<u16>,
    pub reason: Option<&'static str>,
    pub message: &'static str,
    pub solution: &'static str,
    pub solution_inferred: bool,
    pub retryable: bool,
    /// The official SDKs that retry the code by themselves.
    pub sdk_retries: Vec<SdkRetry>,
    /// What to look at on the user's side (client and tool codes).
    pub checks: &'static [Check],
    /// Why the code happens, most frequent first.
    pub causes: &'static [Cause],
    pub aliases: &'static [&'static str],
    pub sources: &'static [&'static Source],
    pub documented: Vec<DocumentedJson>,
}

/// One documented row of an entry.
#[derive(Serialize)]
pub struct DocumentedJson {
    pub source: &'static str,
    pub url: &'static str,
    pub status: Option<u16>,
    pub reason: Option<&'static str>,
    pub message: &'static str,
    pub solution: &'static str,
    pub solution_inferred: bool,
    /// How the row disagrees with the others.
    pub note: Option<&'static str>,
}

impl From<&'static Entry> for EntryJson {
    fn from(e: &'static Entry) -> Self {
        EntryJson {
            code: e.code,
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
    pub status: u16,
    pub reason: Option<&'static str>,
    pub meaning: Option<&'static str>,
    pub causes: &'static [&'static str],
    pub codes: Vec<EntryJson>,
}

impl StatusJson {
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
    pub error: &'static str,
    pub input: String,
    pub suggestions: Vec<&'static str>,
}

impl UnknownJson {
    pub fn new(input: &str, suggestions: &[&'static Entry]) -> Self {
        UnknownJson {
            error: "unknown error code",
            input: input.to_string(),
            suggestions: suggestions.iter().map(|e| e.code).collect(),
        }
    }
}

/// One search hit: the entry plus its score.
#[derive(Serialize)]
pub struct HitJson {
    #[serde(flatten)]
    pub entry: EntryJson,
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
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter::default());
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// serde_json's pretty printer, except that DEL, C1 controls (U+009B is a
/// terminal's CSI) and bidirectional overrides are written as `\uXXXX` too:
/// JSON only requires escaping C0, but `obserr --json` often lands on a
/// terminal, and the strings may come from a pasted response.
#[derive(Default)]
struct SafeFormatter(serde_json::ser::PrettyFormatter<'static>);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl serde_json::ser::Formatter for SafeFormatter {
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
