//! A catalogue entry as `explain --json`, `list --json`, `search --json` and
//! `decode --json` print it.

use crate::catalogue::{self, Cause, Check, Entry, Kind, Source};
use crate::retry::SdkRetry;
use serde::Serialize;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::json::write;

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
}
