//! Reads a JSON error body, as OBS's extension APIs send it
//! (`{"code": "SYS.0014", "message": ..., "request_id": ...}`), also the
//! `error_code`/`error_msg` spelling and an `{"error": {...}}` wrapper.
//!
//! Only the top-level scalars (and one nested `error` object) are kept:
//! arrays and other nested values are skipped by serde without being built,
//! so a large document costs no memory. `serde_json`'s recursion limit bounds
//! nesting. A truncated document still yields the `"key": "value"` pairs that
//! arrived.

use super::response::{Response, MAX_DETAILS};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;

/// A value as far as obserr cares.
enum Value {
    Text(String),
    Object(Vec<(String, Value)>),
    Skipped,
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Skipped)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Skipped)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Value>()?;
            if fields.len() < MAX_DETAILS {
                fields.push((key, value));
            }
        }
        Ok(Value::Object(fields))
    }
}

/// Reads `json` into `found`; false when it is no object with an error field.
pub fn read(json: &str, found: &mut Response) -> bool {
    let mut stream = serde_json::Deserializer::from_str(json).into_iter::<Value>();
    match stream.next() {
        Some(Ok(Value::Object(fields))) => put_fields(fields, found, true),
        Some(Ok(_)) => {}
        // Truncated or broken: keep the string pairs that arrived.
        Some(Err(_)) | None => {
            scan_pairs(json, found);
            found.truncated = true;
        }
    }
    found.code.is_some() || found.message.is_some()
}

fn put_fields(fields: Vec<(String, Value)>, found: &mut Response, top: bool) {
    for (key, value) in fields {
        match value {
            Value::Text(text) => found.put(&key, &text),
            Value::Object(inner) if top && key.eq_ignore_ascii_case("error") => {
                put_fields(inner, found, false);
            }
            Value::Object(_) | Value::Skipped => {}
        }
    }
}

/// Finds `"key": "string"` pairs in text that does not parse as a whole.
fn scan_pairs(json: &str, found: &mut Response) {
    let mut rest = json;
    while let Some(start) = rest.find('"') {
        let Some((key, after)) = string_at(&rest[start..]) else {
            return;
        };
        let after_colon = after.trim_start();
        let Some(value_part) = after_colon.strip_prefix(':') else {
            rest = after;
            continue;
        };
        let value_part = value_part.trim_start();
        if let Some(unquoted) = value_part.strip_prefix('"') {
            if let Some((value, next)) = string_at(value_part) {
                found.put(&key, &value);
                rest = next;
            } else {
                // The document ends inside this value: keep what arrived.
                let raw = unquoted.replace("\\\"", "\"");
                found.put(&key, &raw);
                return;
            }
        } else {
            rest = value_part;
        }
    }
}

/// Reads the JSON string at the start of `s` (which begins with `"`).
fn string_at(s: &str) -> Option<(String, &str)> {
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => {
                let value = serde_json::from_str::<String>(&s[..=i]).ok()?;
                return Some((value, &s[i + 1..]));
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(json: &str) -> (bool, Response) {
        let mut f = Response::default();
        let ok = read(json, &mut f);
        (ok, f)
    }

    #[test]
    fn obs_extension_errors() {
        let (ok, f) = read_str(
            r#"{"code":"SYS.0014","message":"Invalid parameter \u0041.","request_id":"R1","count":3,"list":[1,2,{"a":1}],"nested":{"x":"y"}}"#,
        );
        assert!(ok);
        assert_eq!(f.code.as_deref(), Some("SYS.0014"));
        assert_eq!(f.message.as_deref(), Some("Invalid parameter A."));
        assert_eq!(f.request_id.as_deref(), Some("R1"));
        assert_eq!(f.details, [("count".to_string(), "3".to_string())]);
    }

    #[test]
    fn other_spellings_and_wrappers() {
        let (_, f) = read_str(
            r#"{"error": {"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information"}, "request_id": "R"}"#,
        );
        assert_eq!(f.code.as_deref(), Some("APIGW.0301"));
        assert_eq!(
            f.message.as_deref(),
            Some("Incorrect IAM authentication information")
        );
        assert_eq!(f.request_id.as_deref(), Some("R"));
    }

    #[test]
    fn truncated_json_keeps_what_arrived() {
        let (ok, f) = read_str(r#"{"code": "SYS.0014", "message": "The req"#);
        assert!(ok && f.truncated);
        assert_eq!(f.code.as_deref(), Some("SYS.0014"));
        assert_eq!(f.message.as_deref(), Some("The req"));
    }

    #[test]
    fn deep_or_odd_json_is_harmless() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(!read_str(&deep).0);
        let deep = "{\"a\":".repeat(10_000);
        assert!(!read_str(&deep).0);
        for odd in [
            "", "{", "\"", "{\"a\"", "{\"a\":", "[1,2]", "null", "{\"\\", "\"\\u12",
        ] {
            let _ = read_str(odd);
        }
    }
}
