//! A catalogue entry as `explain --json`, `list --json`, `search --json` and
//! `decode --json` print it.

use crate::catalogue::retry::{Condition, SdkRetry};
use crate::catalogue::Sdk;
use crate::catalogue::{
    self, Cause, CauseSource, CauseSourceKind, Check, Entry, Source, SourceKind,
};
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
    /// `server`, `client`, `tool` or `sdk-status` (as `list --kind` takes it).
    pub kind: &'static str,
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
    pub sdk_retries: Vec<SdkRetryJson>,
    /// What to look at on the user's side (client and tool codes).
    pub checks: Vec<&'static str>,
    /// Why the code happens, most frequent first.
    pub causes: Vec<CauseJson>,
    /// Other spellings of the code.
    pub aliases: &'static [&'static str],
    /// Every page that documents the code.
    pub sources: Vec<SourceJson>,
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
            kind: e.kind.name(),
            shared_code: e.shared_code,
            status: e.status(),
            reason: e.status().and_then(catalogue::reason),
            message: e.message(),
            solution: e.solution(),
            solution_inferred: e.solution_inferred(),
            retryable: e.retryable,
            sdk_retries: e.sdk_retries().iter().map(SdkRetryJson::from).collect(),
            checks: e.checks.iter().map(|c| check_key(*c)).collect(),
            causes: e.causes.iter().map(CauseJson::from).collect(),
            aliases: e.aliases,
            sources: e.sources.iter().map(|s| SourceJson::from(*s)).collect(),
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

/// One reason a code happens, with how to confirm it, the fix and where it
/// comes from. The phrases of a server message that point to it stay
/// internal.
#[derive(Serialize)]
pub struct CauseJson {
    /// What happened.
    pub cause: &'static str,
    /// How to confirm or rule it out.
    pub check: &'static str,
    /// What to do about it.
    pub fix: &'static str,
    /// Where the cause comes from.
    pub source: CauseSourceJson,
}

impl From<&'static Cause> for CauseJson {
    fn from(c: &'static Cause) -> Self {
        CauseJson {
            cause: c.cause,
            check: c.check,
            fix: c.fix,
            source: CauseSourceJson::from(&c.source),
        }
    }
}

/// Where a cause comes from: the whole source, where human output shows a
/// short tag.
#[derive(Serialize)]
pub struct CauseSourceJson {
    /// `doc`, `faq`, `sdk` or `experience`.
    pub kind: &'static str,
    /// The page's id, or the SDK's repository; null for experience.
    pub page: Option<&'static str>,
    /// The page's title, or the SDK file's name.
    pub title: Option<&'static str>,
    /// Where on the page, the SDK file's lines, or where it was seen.
    pub at: Option<&'static str>,
    /// The page's address, or the SDK file's at its commit and lines.
    pub url: Option<&'static str>,
}

impl From<&'static CauseSource> for CauseSourceJson {
    fn from(s: &'static CauseSource) -> Self {
        CauseSourceJson {
            kind: match s.kind {
                CauseSourceKind::Doc => "doc",
                CauseSourceKind::Faq => "faq",
                CauseSourceKind::Sdk => "sdk",
                CauseSourceKind::Experience => "experience",
            },
            page: s.page,
            title: s.title,
            at: s.at,
            url: s.url,
        }
    }
}

/// A documentation page that lists the code.
#[derive(Serialize)]
pub struct SourceJson {
    /// Its id, as `list --source` takes it.
    pub id: &'static str,
    /// Its title.
    pub title: &'static str,
    /// Its file name in the documentation.
    pub page: &'static str,
    /// Where it is published.
    pub url: &'static str,
    /// `table`, `page`, `sdk` or `tool`.
    pub kind: &'static str,
    /// Its licence allows facts only: its rows are in obserr's words.
    pub own_words: bool,
}

impl From<&'static Source> for SourceJson {
    fn from(s: &'static Source) -> Self {
        SourceJson {
            id: s.id,
            title: s.title,
            page: s.page,
            url: s.url,
            kind: match s.kind {
                SourceKind::Table => "table",
                SourceKind::Page => "page",
                SourceKind::Sdk => "sdk",
                SourceKind::Tool => "tool",
            },
            own_words: s.own_words,
        }
    }
}

/// An official SDK that retries the code by itself.
#[derive(Serialize)]
pub struct SdkRetryJson {
    /// `python`, `go`, `java`, `dotnet`, `nodejs`, `c`, `obsutil` or `obsa`.
    pub sdk: &'static str,
    /// `always`, `after_clock_correction`, `idempotent_only` or
    /// `follows_location`.
    pub condition: &'static str,
    /// How many times at most by default (null: no limit of its own).
    pub retries: Option<u8>,
}

impl From<&SdkRetry> for SdkRetryJson {
    fn from(r: &SdkRetry) -> Self {
        SdkRetryJson {
            sdk: match r.sdk {
                Sdk::Python => "python",
                Sdk::Go => "go",
                Sdk::Java => "java",
                Sdk::Dotnet => "dotnet",
                Sdk::Nodejs => "nodejs",
                Sdk::C => "c",
                Sdk::Obsutil => "obsutil",
                Sdk::Obsa => "obsa",
            },
            condition: match r.condition {
                Condition::Always => "always",
                Condition::AfterClockCorrection => "after_clock_correction",
                Condition::IdempotentOnly => "idempotent_only",
                Condition::FollowsLocation => "follows_location",
            },
            retries: r.retries,
        }
    }
}

/// What to look at on the user's side, as the JSON names it.
fn check_key(c: Check) -> &'static str {
    match c {
        Check::Network => "network",
        Check::Dns => "dns",
        Check::Proxy => "proxy",
        Check::Tls => "tls",
        Check::LocalFile => "local-file",
        Check::Arguments => "arguments",
        Check::Credentials => "credentials",
        Check::Clock => "clock",
        Check::Memory => "memory",
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
