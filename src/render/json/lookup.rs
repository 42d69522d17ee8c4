//! What `explain --json` and `search --json` print beside entries: a
//! status, a code several tools share, an argument that named nothing, a
//! search hit.

use super::entry::EntryJson;
use crate::catalogue::{Entry, StatusInfo};
use crate::query::Explained;
use crate::search::Hit;
use serde::Serialize;

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
            error: crate::render::message::Message::UnknownStatus(status).error(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::json::write;

    #[test]
    fn unknown_input_is_escaped() {
        let mut buf = Vec::new();
        write(&mut buf, &UnknownJson::new("a\x1bb", &[])).unwrap();
        assert!(!buf.contains(&0x1b));
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["input"], "a\x1bb");
    }
}
