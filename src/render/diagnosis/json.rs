//! `decode --json`: one object per response, with the entry as `explain
//! --json` prints it, the meaning that applies, and each finding as its
//! kind, its sentence and its data.

use super::hint_json::HintJson;
use super::lines::{meaning_text, next_command};
use crate::catalogue::Entry;
use crate::decoded::{Decoded, Input};
use crate::diagnose::{Diagnosis, Meaning};
use crate::render::json::{CauseJson, EntryJson, ErrorJson};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// Details as a JSON object in document order.
struct Details<'a>(&'a [(String, String)]);

impl Serialize for Details<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// One `decode --json` response object, keys in this order.
#[derive(Serialize)]
pub struct ResponseJson<'a> {
    /// The input's name: the file name as given, or `-` for standard input.
    pub input: String,
    status: Option<u16>,
    code: Option<&'a str>,
    message: Option<&'a str>,
    request_id: Option<&'a str>,
    host_id: Option<&'a str>,
    resource: Option<&'a str>,
    /// The operation the response answered, when the text names it.
    operation: Option<&'static str>,
    details: Details<'a>,
    /// The entry exactly as `explain --json` prints it.
    entry: Option<EntryJson>,
    /// Which of the entry's meanings applies to this response.
    meaning: Option<MeaningJson>,
    /// The catalogue's cause the message points to (else the most frequent).
    cause: Option<CauseJson>,
    retryable: Option<bool>,
    hints: Vec<HintJson<'a>>,
    next: String,
}

impl<'a> ResponseJson<'a> {
    /// The JSON object for one diagnosis of `input`.
    pub fn new(d: &'a Diagnosis, input: &Input) -> Self {
        let r = &d.response;
        ResponseJson {
            input: input.name(),
            status: r.status,
            code: r.code.as_deref(),
            message: r.message.as_deref(),
            request_id: r.request_id.as_deref(),
            host_id: r.host_id.as_deref(),
            resource: r.resource.as_deref(),
            operation: r.operation,
            details: Details(&r.details),
            entry: d.entry.map(EntryJson::from),
            meaning: d.entry.map(|e| MeaningJson::new(e, d.meaning)),
            cause: d.cause.map(CauseJson::from),
            retryable: d.retryable(),
            hints: d.findings.iter().map(HintJson::from).collect(),
            next: next_command(&d.next),
        }
    }
}

/// The meaning of a code that applies to one response: the documented row
/// its message names, or the code's generic meaning.
#[derive(Serialize)]
pub struct MeaningJson {
    /// The generic meaning (no documented row's cause is named).
    generic: bool,
    /// The page of the documented row; null for the generic meaning.
    source: Option<&'static str>,
    message: String,
    solution: String,
}

impl MeaningJson {
    fn new(e: &'static Entry, meaning: Option<Meaning>) -> Self {
        let (message, solution) = meaning_text(e, meaning);
        MeaningJson {
            generic: matches!(meaning, Some(Meaning::Generic)),
            source: match meaning {
                Some(Meaning::Documented(row)) => Some(row.source.id),
                Some(Meaning::Generic) => None,
                None => e.documented.first().map(|row| row.source.id),
            },
            message,
            solution,
        }
    }
}

/// An element of the `decode --json` array: a response, or an input that
/// could not be read.
#[derive(Serialize)]
#[serde(untagged)]
pub enum DecodedJson<'a> {
    /// A decoded response.
    Response(Box<ResponseJson<'a>>),
    /// An input that could not be read.
    Error(ErrorJson),
}

/// The `decode --json` array: one object per response, or per unreadable input.
#[must_use]
pub fn json_all(decoded: &[Decoded]) -> Vec<DecodedJson<'_>> {
    let mut items = Vec::new();
    for item in decoded {
        match &item.result {
            Ok(diagnoses) => items.extend(
                diagnoses
                    .iter()
                    .map(|d| DecodedJson::Response(Box::new(ResponseJson::new(d, &item.input)))),
            ),
            Err(e) => items.push(DecodedJson::Error(ErrorJson::new(
                crate::render::message::read_error(&item.input, e),
                Some(item.input.name()),
            ))),
        }
    }
    items
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    #[test]
    fn json_has_exactly_the_documented_keys_in_order() {
        let d = diagnose(decode(b"HTTP/1.1 404 Not Found\r\n\r\n<Error><Code>NoSuchKey</Code><Key>k\x1b</Key><BucketName>b</BucketName></Error>"));
        let text =
            serde_json::to_string(&ResponseJson::new(&d, &Input::File("a.txt".into()))).unwrap();
        assert!(!text.contains('\x1b'));
        let keys = [
            "input",
            "status",
            "code",
            "message",
            "request_id",
            "host_id",
            "resource",
            "details",
            "entry",
            "retryable",
            "hints",
            "next",
        ];
        let mut at = 0;
        for k in keys {
            let i = text[at..]
                .find(&format!("\"{k}\":"))
                .unwrap_or_else(|| panic!("{k}"));
            at += i;
        }
        assert!(
            text.contains("\"details\":{\"Key\":\"k\\u001b\",\"BucketName\":\"b\"}"),
            "{text}"
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["input"], "a.txt");
        assert_eq!(v["entry"]["code"], "NoSuchKey");
        assert_eq!(v["retryable"], false);
        assert_eq!(v["message"], serde_json::Value::Null);
        assert_eq!(v["next"], "obserr explain NoSuchKey");
        let hint = &v["hints"][0];
        assert_eq!(hint["kind"], "involved");
        assert_eq!(hint["bucket"], "b");
        assert_eq!(hint["text"], "It concerns bucket b, object key k\u{1b}.");
    }
}
