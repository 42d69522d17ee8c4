//! What the catalogue holds: an [`Entry`] per code and the types of its
//! fields (kind, causes and where they come from, documented rows, checks),
//! the pages codes come from ([`Source`]) and what a status means
//! ([`StatusInfo`]). Only what an entry says about itself is computed here;
//! what needs the whole catalogue (a status's reason phrase, filters, retry
//! rules) is beside its data in the sibling modules.

use super::sdk::Sdk;

/// Where an error comes from: an OBS server's response, an SDK, a tool, or
/// an SDK's name for a bare HTTP status. Every [`Entry`] has one
/// ([`Entry::kind`]); `list --kind` and [`ListFilter::kind`](crate::ListFilter::kind)
/// filter by it.
///
/// ```
/// use obserr::{lookup, Kind};
///
/// assert_eq!(lookup("NoSuchKey").unwrap().kind, Kind::Server);
/// assert_eq!(lookup("ConnectionFailed").unwrap().kind, Kind::Client);
/// assert_eq!(lookup("obsutil 8").unwrap().kind, Kind::Tool);
/// let sdk = lookup("HttpErrorNotFound").unwrap();
/// assert_eq!((sdk.kind, sdk.kind.name()), (Kind::SdkStatus, "sdk-status"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An OBS server sent it in a response.
    Server,
    /// An SDK raised it itself, without (or before) a server response.
    Client,
    /// A tool reports it: obsutil's return codes, OBS Console and OBS Browser+.
    Tool,
    /// An SDK's name for a server's HTTP status whose error code it did not
    /// read (the C SDK's `HttpErrorNotFound` for a 404 without a body, as
    /// every HEAD of a missing object gets).
    SdkStatus,
}

impl Kind {
    /// Every kind, in the order `list --kind` offers them.
    pub const ALL: [Kind; 4] = [Kind::Server, Kind::Client, Kind::Tool, Kind::SdkStatus];

    /// The name `list --kind` and the JSON use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Kind::Server => "server",
            Kind::Client => "client",
            Kind::Tool => "tool",
            Kind::SdkStatus => "sdk-status",
        }
    }
}

/// What kind of page a [`Source`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// An error-code table of the documentation.
    Table,
    /// The error rows of one operation's page.
    Page,
    /// An SDK's source code.
    Sdk,
    /// A tool's documented list of codes.
    Tool,
}

/// What to look at on the user's side for a client or tool code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The network path to the endpoint (firewall, routes, timeouts).
    Network,
    /// Name resolution of the endpoint.
    Dns,
    /// A proxy or gateway between the client and OBS.
    Proxy,
    /// TLS: certificates, CA bundle, interception.
    Tls,
    /// A local file or directory: path, permissions, free space.
    LocalFile,
    /// The arguments passed to the SDK or tool.
    Arguments,
    /// The access key, secret key or token.
    Credentials,
    /// The local clock.
    Clock,
    /// Memory available to the process.
    Memory,
}

/// One reason a code happens: how to confirm or rule it out, and the fix.
/// An entry lists its causes most frequent first ([`Entry::causes`]);
/// [`Entry::cause_for`] picks the one a server's message points to, by its
/// `when` phrases.
///
/// ```
/// let e = obserr::lookup("AccessDenied").unwrap();
/// let likely = &e.causes[0];
/// assert!(likely.when.is_empty(), "the most frequent cause is a generic one");
/// assert!(!likely.check.is_empty() && !likely.fix.is_empty());
/// let date = e.cause_for("AWS authentication requires a valid Date or x-amz-date header").unwrap();
/// assert!(date.when.contains(&"x-amz-date"));
/// ```
#[derive(Debug)]
pub struct Cause {
    /// What happened.
    pub cause: &'static str,
    /// How to confirm or rule it out.
    pub check: &'static str,
    /// What to do about it.
    pub fix: &'static str,
    /// Lower-case phrases of a server message that point to this cause;
    /// empty for a generic cause.
    pub when: &'static [&'static str],
    /// Where the cause comes from: a documentation page, an SDK's source, a
    /// FAQ page, or experience no OBS page states.
    pub source: CauseSource,
}

/// What kind of evidence a [`Cause`] rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CauseSourceKind {
    /// A documentation page: an error table's row, a table or a section.
    Doc,
    /// A FAQ page of the documentation.
    Faq,
    /// An official SDK's source file, at a pinned commit.
    Sdk,
    /// Well-known S3-compatible behaviour that no OBS page states.
    Experience,
}

/// Where a [`Cause`] comes from. Every cause has one (`build.rs` checks it);
/// the pages it names are vendored in `tests/upstream` (`tests/it/sources.rs`).
#[derive(Debug)]
pub struct CauseSource {
    /// Documentation, FAQ, SDK source or experience.
    pub kind: CauseSourceKind,
    /// The page's id (`data/sources.json` or `data/pages.json`), or the SDK's
    /// repository (`huaweicloud/huaweicloud-sdk-c-obs`); `None` for experience.
    pub page: Option<&'static str>,
    /// The page's title, or the SDK file's name.
    pub title: Option<&'static str>,
    /// Where on the page (`row TooManyRequests`, `Table 3`), the SDK file's
    /// lines (`L1062-L1091`), or where an experience was seen.
    pub at: Option<&'static str>,
    /// The page's address, or the SDK file's at its commit and lines.
    pub url: Option<&'static str>,
}

/// A documentation page that lists error codes: OBS's error-code tables, an
/// operation's page, an SDK's source or a tool's list. An entry names every
/// page that documents it ([`Entry::sources`]) and the one to open
/// ([`Entry::doc_page`]); [`Source::all`] lists them all.
///
/// ```
/// let page = obserr::lookup("NoSuchKey").unwrap().doc_page();
/// assert_eq!(page.id, "api-ref");
/// assert!(page.url.starts_with("https://docs.otc.t-systems.com/"));
/// assert!(obserr::Source::all().iter().any(|s| s.id == page.id));
/// ```
#[derive(Debug)]
pub struct Source {
    /// Short identifier used in `codes.json` and by `list --source`.
    pub id: &'static str,
    /// The page's title.
    pub title: &'static str,
    /// The page's file name in the documentation (`:original_name:`).
    pub page: &'static str,
    /// Where the page is published.
    pub url: &'static str,
    /// What kind of page it is.
    pub kind: SourceKind,
    /// The page's licence allows facts only: its rows are in our words.
    pub own_words: bool,
}

/// One row of one documentation table for a code.
#[derive(Debug)]
pub struct Documented {
    /// The page whose table this row is.
    pub source: &'static Source,
    /// `None` where the table says "N/A".
    pub status: Option<u16>,
    /// The table's description of the error.
    pub message: &'static str,
    /// The table's solution (or ours, see `solution_inferred`).
    pub solution: &'static str,
    /// The table gives no solution; this one is what the documentation implies.
    pub solution_inferred: bool,
    /// How the row disagrees with the others (status, contradicting text).
    pub note: Option<&'static str>,
}

/// One error code as the server sends it (or an SDK or tool reports it), with
/// everything documented about it: its status, message and solution, its
/// causes, whether to retry, and the pages it comes from. Found with
/// [`lookup`](crate::lookup), [`search`](crate::search) or
/// [`list`](crate::list); every one is in [`entries`](crate::entries).
///
/// ```
/// let e = obserr::lookup("SlowDown").unwrap();
/// assert_eq!((e.code, e.status(), e.reason()), ("SlowDown", Some(503), "Service Unavailable"));
/// assert!(e.retryable);
/// assert_eq!(e.retry(), obserr::Retry::AfterSlowingDown);
/// assert!(!e.message().is_empty() && !e.solution().is_empty());
/// ```
#[derive(Debug)]
pub struct Entry {
    /// The code exactly as OBS sends it (`NoSuchKey`).
    pub code: &'static str,
    /// Other spellings that name the same code (documentation typos, split words).
    pub aliases: &'static [&'static str],
    /// Server, client or tool.
    pub kind: Kind,
    /// The code as its tool shows it when another tool reuses it (`Obs.0012`).
    pub shared_code: Option<&'static str>,
    /// Whether a client should simply retry the same request (GUIDE.md: the retry rule).
    pub retryable: bool,
    /// Why the code happens, most frequent first.
    pub causes: &'static [Cause],
    /// For client and tool codes: what to look at on the user's side.
    pub checks: &'static [Check],
    /// For client codes: the SDKs that retry the failure by themselves.
    pub retried_by: &'static [Sdk],
    /// Every documentation page whose table names the code, in the order of
    /// `data/sources.json`.
    pub sources: &'static [&'static Source],
    /// The documented rows, primary first. A further row is kept only where a
    /// table says something the rows before it do not (another status, another
    /// cause); a table that repeats them is only listed in [`Entry::sources`].
    pub documented: &'static [Documented],
}

/// What an HTTP status means for OBS: its reason phrase, meaning and usual
/// causes, quoted from OBS's documentation where it says. `obserr explain
/// 503` shows it; a [`Diagnosis`](crate::Diagnosis) carries it for the
/// response's status.
///
/// ```
/// let info = obserr::StatusInfo::of(503).unwrap();
/// assert_eq!(info.reason, "Service Unavailable");
/// assert!(info.from_docs);
/// assert!(obserr::StatusInfo::catalogued().contains(&503));
/// ```
#[derive(Debug)]
pub struct StatusInfo {
    /// The status.
    pub status: u16,
    /// Its reason phrase (`Not Found`).
    pub reason: &'static str,
    /// What it means for an OBS request.
    pub meaning: &'static str,
    /// Its usual causes.
    pub causes: &'static [&'static str],
    /// Meaning and causes are quoted from OBS's documentation (otherwise ours).
    pub from_docs: bool,
}

/// The words that name a tool before its code: `obserr explain obsutil 8`,
/// `obserr explain console Obs.0012`. Each is the first word of its tool's
/// entries' codes, in any case.
pub const TOOL_WORDS: [&str; 3] = ["obsutil", "console", "browser"];

impl Entry {
    /// The words that name a tool before its code (`obsutil 8`,
    /// `console Obs.0012`).
    pub const TOOL_WORDS: [&'static str; 3] = TOOL_WORDS;
}

impl Entry {
    /// The tool a tool's code belongs to, as `explain TOOL CODE` and the
    /// `tool` field of JSON and piped lists name it (`obsutil`, `console`,
    /// `browser`); `None` for server and client codes.
    #[must_use]
    pub fn tool(&self) -> Option<&'static str> {
        if self.kind != Kind::Tool {
            return None;
        }
        let word = self.code.split(' ').next()?;
        TOOL_WORDS
            .iter()
            .copied()
            .find(|t| t.eq_ignore_ascii_case(word))
    }

    /// The page `explain --open` opens: the operation's page when the code's
    /// primary row comes from one (`InvalidTag`: Adding Object Tags), else
    /// the OBS API Reference's error-code table when it lists the code, else
    /// the page of its primary row (the S3-compatible API's table, an SDK's
    /// source, a tool's list of codes).
    #[must_use]
    pub fn doc_page(&self) -> &'static Source {
        let primary = self
            .documented
            .first()
            .map_or(self.sources[0], |d| d.source);
        if primary.kind == SourceKind::Page {
            return primary;
        }
        self.sources
            .iter()
            .copied()
            .find(|s| s.id == "api-ref")
            .unwrap_or(primary)
    }

    /// The code without its tool's name: `Obs.0012` for `Browser Obs.0012`,
    /// `-1` for `obsutil -1`; the code itself for server and client codes.
    /// It never contains a space.
    #[must_use]
    pub fn bare_code(&self) -> &'static str {
        match self.tool() {
            Some(_) => self.code.split_once(' ').map_or(self.code, |(_, c)| c),
            None => self.code,
        }
    }

    fn primary(&self) -> &'static Documented {
        &self.documented[0]
    }
    /// The status of the primary documented row; `None` where the table says "N/A".
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.primary().status
    }
    /// Whether the primary row's solution is ours, implied by the documentation.
    #[must_use]
    pub fn solution_inferred(&self) -> bool {
        self.primary().solution_inferred
    }
    /// The primary row's description of the error.
    #[must_use]
    pub fn message(&self) -> &'static str {
        self.primary().message
    }
    /// The primary row's solution.
    #[must_use]
    pub fn solution(&self) -> &'static str {
        self.primary().solution
    }
    /// The fix to give in one line where the causes cannot be shown (a
    /// summary of many errors): the documented solution, unless the table gives
    /// none and obserr's inferred one refers to the causes, then the fix of
    /// the most frequent cause.
    #[must_use]
    pub fn one_line_fix(&self) -> &'static str {
        match self.causes.first() {
            Some(c) if self.solution_inferred() => c.fix,
            _ => self.solution(),
        }
    }
    /// Whether the code is documented with `status` in any table.
    #[must_use]
    pub fn documents_status(&self, status: u16) -> bool {
        self.documented.iter().any(|d| d.status == Some(status))
    }
    /// Every documented status, each once, primary first.
    #[must_use]
    pub fn statuses(&self) -> Vec<u16> {
        let mut out: Vec<u16> = Vec::new();
        for s in self.documented.iter().filter_map(|d| d.status) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
    /// Whether a page with this source id documents the code.
    #[must_use]
    pub fn documented_in(&self, source: &str) -> bool {
        self.sources.iter().any(|s| s.id == source)
    }
    /// Documented rows beyond the primary one: each says something the rows
    /// before it do not (another status, another cause), so all are shown.
    pub fn alternatives(&self) -> impl Iterator<Item = &'static Documented> + '_ {
        self.documented.iter().skip(1)
    }
    /// The cause a server's message points to: the first cause with a phrase
    /// the message contains (any case), else the generic first cause; `None`
    /// when the entry has no causes.
    ///
    /// ```
    /// let e = obserr::lookup("AccessDenied").unwrap();
    /// let date = e.cause_for("Request has expired or the Date header is missing");
    /// assert!(date.unwrap().cause.contains("Date"));
    /// assert_eq!(e.cause_for("Access Denied").unwrap().cause, e.causes[0].cause);
    /// ```
    #[must_use]
    pub fn cause_for(&self, message: &str) -> Option<&'static Cause> {
        self.cause_matching(message).or_else(|| self.causes.first())
    }
    /// The cause a server's message points to (one of its `when` phrases),
    /// if any.
    #[must_use]
    pub fn cause_matching(&self, message: &str) -> Option<&'static Cause> {
        let message = message.to_lowercase();
        self.causes
            .iter()
            .find(|c| c.when.iter().any(|w| message.contains(w)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::data::{entries, sources};
    use super::super::lookup::{lookup, reason};
    use super::*;

    #[test]
    fn the_page_to_open_documents_the_code() {
        let page = |code: &str| lookup(code).unwrap().doc_page().id;
        assert_eq!(page("InvalidTag"), "api-ref-put-object-tags");
        assert_eq!(page("SymlinkTargetNotExist"), "errorcode-0029");
        // A general code is not sent to one operation's page that lists it.
        assert_eq!(page("AccessDenied"), "api-ref");
        assert_eq!(page("SlowDown"), "api-ref");
        assert_eq!(page("Browser Obs.0012"), "browser");
        assert_eq!(page("obsutil 8"), "obsutil");
        for e in entries() {
            let p = e.doc_page();
            assert!(e.sources.iter().any(|s| std::ptr::eq(*s, p)), "{}", e.code);
        }
    }

    #[test]
    fn no_field_is_empty_and_statuses_have_reasons() {
        for e in entries() {
            assert!(
                !e.message().is_empty() && !e.solution().is_empty(),
                "{}",
                e.code
            );
            for d in e.documented {
                // Only a table's "N/A", an SDK or a tool leaves a row without a status.
                let Some(status) = d.status else {
                    assert!(
                        d.source.id == "s3api" || d.source.kind != SourceKind::Table,
                        "{}",
                        e.code
                    );
                    continue;
                };
                assert!((300..=599).contains(&status), "{}", e.code);
                assert!(reason(status).is_some_and(|r| !r.is_empty()), "{}", e.code);
            }
            for d in e.alternatives() {
                assert!(
                    !d.message.is_empty() && !d.solution.is_empty(),
                    "{}",
                    e.code
                );
            }
        }
    }

    #[test]
    fn the_message_picks_the_cause() {
        let e = lookup("AccessDenied").unwrap();
        let generic = &e.causes[0];
        assert!(generic.when.is_empty());
        assert!(std::ptr::eq(e.cause_for("Access Denied").unwrap(), generic));
        assert!(std::ptr::eq(e.cause_for("").unwrap(), generic));
        let date = e
            .cause_for("AWS authentication requires a valid Date or x-amz-date header")
            .unwrap();
        assert!(date.cause.contains("Date"), "{}", date.cause);
        let worm = e
            .cause_for("The object is protected by WORM retention")
            .unwrap();
        assert!(worm.cause.contains("WORM"), "{}", worm.cause);
        assert!(lookup("NoSuchKey").unwrap().cause_for("x").is_some());
        assert!(lookup("Console Obs.0012").unwrap().cause_for("x").is_none());
        // Every cause with phrases is reachable by one of them.
        for e in entries() {
            for c in e.causes.iter().filter(|c| !c.when.is_empty()) {
                for w in c.when {
                    let picked = e.cause_for(&w.to_uppercase()).unwrap();
                    assert!(!picked.when.is_empty(), "{}: {w}", e.code);
                }
            }
        }
    }

    #[test]
    fn every_client_code_says_what_to_check_and_who_raises_it() {
        for e in entries()
            .iter()
            .filter(|e| matches!(e.kind, Kind::Client | Kind::SdkStatus))
        {
            assert!(!e.checks.is_empty(), "{}", e.code);
            assert!(
                e.sources.iter().all(|s| s.kind == SourceKind::Sdk),
                "{}",
                e.code
            );
        }
        assert_eq!(
            lookup("NameLookupError").unwrap().sdk_retries()[0].sdk,
            Sdk::C
        );
    }

    #[test]
    fn every_entry_lists_the_sources_of_its_rows() {
        for e in entries() {
            assert!(!e.sources.is_empty(), "{}", e.code);
            if e.causes.is_empty() {
                assert_eq!(e.sources[0].id, e.documented[0].source.id, "{}", e.code);
            }
            for d in e.documented {
                assert!(e.documented_in(d.source.id), "{}", e.code);
            }
        }
        let source = |id: &str| sources().iter().find(|s| s.id == id);
        assert!(source("s3api").is_some_and(|s| s.url.starts_with("https://docs.otc.")));
        assert!(source("aws").is_none());
    }

    /// Every example date the catalogue writes (`Fri, 15 Mar 2024 10:15:00
    /// GMT`) names the weekday of that day: an example of a correct RFC 1123
    /// date must be one.
    #[test]
    fn every_example_date_has_the_right_weekday() {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        let mut seen = 0;
        for e in entries() {
            let texts = e
                .documented
                .iter()
                .flat_map(|d| [d.message, d.solution].into_iter().chain(d.note))
                .chain(e.causes.iter().flat_map(|c| [c.cause, c.check, c.fix]));
            for text in texts {
                for (at, _) in text.match_indices(", ") {
                    let Some(name) = at.checked_sub(3).and_then(|s| text.get(s..at)) else {
                        continue;
                    };
                    if !DAYS.contains(&name) {
                        continue;
                    }
                    // "Fri, 15 Mar 2024 10:15:00 GMT": the date is the next
                    // five words after the weekday.
                    let date: Vec<&str> = text[at + 2..].split(' ').take(5).collect();
                    let date = date.join(" ");
                    let date = date.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
                    let ms = crate::timestamp::parse_millis(&format!("{name}, {date}"))
                        .unwrap_or_else(|| {
                            panic!("{}: {name}, {date} is no RFC 1123 date", e.code)
                        });
                    // 1970-01-01 was a Thursday.
                    let day = ms.div_euclid(86_400_000).rem_euclid(7);
                    let actual = DAYS[usize::try_from(day).expect("0 to 6")];
                    assert_eq!(actual, name, "{}: {name}, {date} is a {actual}", e.code);
                    seen += 1;
                }
            }
        }
        assert!(seen >= 1, "AccessDenied's example date was not found");
    }
}
