//! The embedded catalogue of OBS error codes: its types, exact lookup (any case,
//! aliases), filters by status or class, and "did you mean" suggestions.
//!
//! The data itself is `data/*.json`, validated and turned into statics by
//! `build.rs`; nothing is parsed at run time.

pub use crate::retry::Sdk;
use serde::Serialize;

/// Where an error comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
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
    #[serde(rename = "sdk-status")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
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
#[derive(Debug, Serialize)]
pub struct Cause {
    /// What happened.
    pub cause: &'static str,
    /// How to confirm or rule it out.
    pub check: &'static str,
    /// What to do about it.
    pub fix: &'static str,
    /// Lower-case phrases of a server message that point to this cause;
    /// empty for a generic cause.
    #[serde(skip)]
    pub when: &'static [&'static str],
    /// Where the cause comes from: a documentation page, an SDK's source, a
    /// FAQ page, or experience no OBS page states.
    pub source: CauseSource,
}

/// What kind of evidence a [`Cause`] rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Debug, Serialize)]
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

/// A documentation page that lists error codes.
#[derive(Debug, Serialize)]
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

/// One error code as the server sends it, with everything documented about it.
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

/// What an HTTP status means for OBS.
#[derive(Debug, Serialize)]
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

/// One word of the search index and the entries (index, field weight) it
/// occurs in. Stored as spans of one string and one array, not as pointers:
/// a pointer in a static costs a relocation at start-up.
#[derive(Debug)]
pub struct Term {
    word_at: u32,
    word_len: u8,
    postings_at: u32,
    postings_len: u16,
}

impl Term {
    /// The normalised word.
    #[must_use]
    pub fn word(&self) -> &'static str {
        let at = self.word_at as usize;
        &VOCAB_TEXT[at..at + usize::from(self.word_len)]
    }
    /// (entry index, field weight) pairs.
    #[must_use]
    pub fn postings(&self) -> &'static [(u16, u8)] {
        let at = self.postings_at as usize;
        &POSTINGS[at..at + usize::from(self.postings_len)]
    }
}

/// One lookup key (a code or alias, lower case) as a span of `LOOKUP_TEXT`,
/// and the index of its entry.
#[derive(Debug)]
pub(crate) struct Key {
    at: u32,
    len: u8,
    entry: u16,
}

impl Key {
    fn text(&self) -> &'static str {
        let at = self.at as usize;
        &LOOKUP_TEXT[at..at + usize::from(self.len)]
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogue_data.rs"));

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
    /// The reason phrase of [`Entry::status`], as OBS writes it.
    pub fn reason(&self) -> &'static str {
        self.status().and_then(reason).unwrap_or("")
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
    /// What a client should do about retrying (GUIDE.md: the retry rule);
    /// `render` words it.
    #[must_use]
    pub fn retry(&self) -> Retry {
        match (self.kind, self.retryable) {
            (Kind::Server, _) => {}
            (_, true) => return Retry::RunAgain,
            (_, false) => return Retry::FixCause,
        }
        match (self.retryable, self.status().unwrap_or(0)) {
            (true, 429 | 503) if THROTTLED.contains(&self.code) => Retry::AfterSlowingDown,
            (true, 500..) => Retry::ServerFailure,
            (true, 409) => Retry::AfterConflict,
            (true, _) => Retry::SendAgain,
            (false, 300..=399) => Retry::FollowAddress,
            (false, _) => Retry::FixFirst,
        }
    }
    /// Whether the code is documented with `status` in any table.
    #[must_use]
    pub fn documents_status(&self, status: u16) -> bool {
        self.documented.iter().any(|d| d.status == Some(status))
    }
    /// Whether any table documents a status that matches `filter`.
    #[must_use]
    pub fn has_status(&self, filter: StatusFilter) -> bool {
        self.documented
            .iter()
            .any(|d| d.status.is_some_and(|s| filter.matches(s)))
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
    /// The official SDKs and tools that retry this code by themselves, and on
    /// what condition (see [`crate::retry`]).
    #[must_use]
    pub fn sdk_retries(&self) -> Vec<crate::retry::SdkRetry> {
        crate::retry::sdk_retries(self)
    }
}

/// Codes whose documented remedy is to slow down: they are retried after backoff.
const THROTTLED: [&str; 4] = [
    "GetQosTokenException",
    "SlowDown",
    "SYS.0011",
    "TooManyRequests",
];

/// Every catalogued entry, sorted by code (case-insensitively).
#[must_use]
pub fn entries() -> &'static [Entry] {
    ENTRIES
}

/// The day the catalogue was last checked against the documentation
/// (`data/catalogue.json`, YYYY-MM-DD; `--version` shows it).
#[must_use]
pub fn updated() -> &'static str {
    UPDATED
}

/// The documentation pages the catalogue is built from.
#[must_use]
pub fn sources() -> &'static [Source] {
    SOURCES
}

/// Every entry a code names: the one entry of a code or alias, or all the
/// entries of a shared tool code (`Obs.0012` is one code in OBS Console and
/// another in OBS Browser+). Empty when nothing is catalogued under it.
#[must_use]
pub fn lookup_all(code: &str) -> Vec<&'static Entry> {
    if let Some(e) = lookup(code) {
        return vec![e];
    }
    let key = code.trim().to_ascii_lowercase();
    SHARED
        .binary_search_by(|(k, _)| (*k).cmp(key.as_str()))
        .map(|i| SHARED[i].1.iter().map(|&n| &ENTRIES[n as usize]).collect())
        .unwrap_or_default()
}

/// Exact lookup of a code or alias, ignoring ASCII case and surrounding space.
#[must_use]
pub fn lookup(code: &str) -> Option<&'static Entry> {
    let key = code.trim().to_ascii_lowercase();
    LOOKUP
        .binary_search_by(|k| k.text().cmp(key.as_str()))
        .ok()
        .map(|i| &ENTRIES[usize::from(LOOKUP[i].entry)])
}

/// What OBS says about an HTTP status, if it is one the catalogue knows.
#[must_use]
pub fn status_info(status: u16) -> Option<&'static StatusInfo> {
    STATUSES.iter().find(|s| s.status == status)
}

/// The reason phrase for a status, as OBS's tables write it.
#[must_use]
pub fn reason(status: u16) -> Option<&'static str> {
    status_info(status).map(|s| s.reason)
}

/// Statuses any table documents for at least one code, ascending: the
/// statuses [`by_status`] finds codes for.
#[must_use]
pub fn catalogued_statuses() -> Vec<u16> {
    let mut out: Vec<u16> = ENTRIES
        .iter()
        .flat_map(|e| e.documented.iter().filter_map(|d| d.status))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The words a shell may complete for a code: every code, and every alias that
/// is one shell word (an alias with a space, a documentation typo, would be
/// split by the shell into two words that name nothing), then each shared tool
/// code once (`Obs.0012`, which names an entry of each tool that uses it).
/// Each comes with its first entry, whose message a shell may show beside it.
pub fn completion_words() -> impl Iterator<Item = (&'static str, &'static Entry)> {
    let one_word = |w: &str| {
        w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
    };
    let codes = ENTRIES
        .iter()
        .flat_map(|e| {
            std::iter::once(e.code)
                .chain(e.aliases.iter().copied())
                .map(move |w| (w, e))
        })
        .filter(move |(w, _)| one_word(w));
    let shared = ENTRIES
        .iter()
        .filter_map(|e| e.shared_code.map(|c| (c, e)))
        .filter(|(c, e)| lookup_all(c).first().is_some_and(|f| std::ptr::eq(*f, *e)));
    codes.chain(shared)
}

/// The words that name a tool before its code: `obserr explain obsutil 8`,
/// `obserr explain console Obs.0012`. Each is the first word of its tool's
/// entries' codes, in any case.
pub const TOOL_WORDS: [&str; 3] = ["obsutil", "console", "browser"];

/// The entries of one tool's code: `tool` is one of [`TOOL_WORDS`] (any case),
/// `code` its code (`8`, `255` for obsutil's -1, `Obs.0012`).
#[must_use]
pub fn lookup_tool(tool: &str, code: &str) -> Option<&'static Entry> {
    let tool = tool.trim().to_ascii_lowercase();
    if !TOOL_WORDS.contains(&tool.as_str()) {
        return None;
    }
    lookup(&format!("{tool} {}", code.trim()))
}

/// The retry advice for a code, by its `retryable` flag and primary status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Throttled (`SlowDown`, `TooManyRequests`): retry after slowing down.
    AfterSlowingDown,
    /// A 5xx failure: retry with exponential backoff.
    ServerFailure,
    /// Failed in transit or interrupted: send it again.
    SendAgain,
    /// A conflicting operation (`OperationAborted`): retry once it has
    /// ended; a bucket creation may need another name instead.
    AfterConflict,
    /// A redirect: send the request to the address in the response.
    FollowAddress,
    /// The same request will fail again: fix it first.
    FixFirst,
    /// A client or tool code that may pass: run it again (the SDK or tool
    /// may already have).
    RunAgain,
    /// A client or tool code that will fail again: fix its cause first.
    FixCause,
}

/// A `list --status` filter: one status (`403`) or a class (`4xx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// One status: `403`.
    Exact(u16),
    /// A class by its first digit: `4` for `4xx`.
    Class(u16),
}

impl StatusFilter {
    /// Whether `status` matches.
    #[must_use]
    pub fn matches(self, status: u16) -> bool {
        match self {
            StatusFilter::Exact(s) => s == status,
            StatusFilter::Class(c) => status / 100 == c,
        }
    }
}

/// What [`StatusFilter`]'s `FromStr` refused: the text given, which is no
/// HTTP status (`100`-`599`) and no class (`1xx`-`5xx`). The caller says so
/// in its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadStatusFilter(pub String);

impl std::str::FromStr for StatusFilter {
    type Err = BadStatusFilter;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        let bytes = t.as_bytes();
        let valid_class = |b: u8| (b'1'..=b'5').contains(&b);
        match bytes {
            [c, b'x', b'x'] if valid_class(*c) => Ok(StatusFilter::Class(u16::from(c - b'0'))),
            [hundreds, tens, ones]
                if valid_class(*hundreds) && tens.is_ascii_digit() && ones.is_ascii_digit() =>
            {
                Ok(StatusFilter::Exact(t.parse().expect("three ASCII digits")))
            }
            _ => Err(BadStatusFilter(s.to_string())),
        }
    }
}

/// The filters of `list`; each one set must match.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListFilter<'a> {
    /// A documented status (any table's) matches one of these; none: any.
    pub status: &'a [StatusFilter],
    /// A source id that documents the code.
    pub source: Option<&'a str>,
    /// The entry's kind.
    pub kind: Option<Kind>,
    /// Only codes a client should retry.
    pub retryable: bool,
}

impl ListFilter<'_> {
    /// Whether `e` passes every filter set.
    #[must_use]
    pub fn matches(&self, e: &Entry) -> bool {
        (self.status.is_empty() || self.status.iter().any(|f| e.has_status(*f)))
            && self.source.is_none_or(|id| e.documented_in(id))
            && self.kind.is_none_or(|k| e.kind == k)
            && (!self.retryable || e.retryable)
    }
}

/// Entries with a documented status (any table's) that matches the filter, in
/// catalogue order: `RequestTimeout` is 408, and 400 in the S3-compatible API.
pub fn by_status(filter: StatusFilter) -> impl Iterator<Item = &'static Entry> {
    ENTRIES.iter().filter(move |e| e.has_status(filter))
}

/// No catalogued code or alias is longer (a test keeps it so), in bytes.
const MAX_CODE_LEN: usize = 64;

/// Up to three catalogued codes a mistyped `input` probably meant, best first.
///
/// Scores each code by the best of: edit similarity of the whole code (catches a
/// missing, extra or swapped letter, and wrong case), similarity of its words
/// (catches a changed word: `SignatureDoesntMatch`), and being a prefix of it
/// (`nosuchlifecycle`, `InvalidAccessKey`).
#[must_use]
pub fn suggest(input: &str) -> Vec<&'static Entry> {
    let query: String = input
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect::<String>()
        .to_ascii_lowercase();
    // Beyond twice the longest code nothing is similar enough; and the cost
    // of comparing grows with the length of what was pasted.
    if query.len() < 2 || query.len() > 2 * MAX_CODE_LEN {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &'static Entry)> = ENTRIES
        .iter()
        .map(|e| {
            // A tool's code is also compared without its tool's name
            // (`obs.012` is close to `Browser Obs.0012`).
            let bare = e.tool().map(|_| e.bare_code());
            let best = std::iter::once(e.code)
                .chain(bare)
                .chain(e.aliases.iter().copied())
                .map(|k| similarity(&query, &k.replace(' ', "").to_ascii_lowercase()))
                .fold(0.0, f64::max);
            (best, e)
        })
        .filter(|(s, _)| *s >= SUGGEST_THRESHOLD)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.code.cmp(b.1.code)));
    // Only suggest codes nearly as close as the best one: a clear winner
    // should not come with two distractors.
    let best = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(s, _)| *s >= best - SUGGEST_MARGIN)
        .take(3)
        .map(|(_, e)| e)
        .collect()
}

const SUGGEST_THRESHOLD: f64 = 0.72;
const SUGGEST_MARGIN: f64 = 0.08;

fn similarity(query: &str, code: &str) -> f64 {
    // Optimal string alignment: Damerau-Levenshtein (swaps count as one edit)
    // without the alphabet map that makes strsim's unrestricted version slow.
    let longest = query.chars().count().max(code.chars().count()).max(1);
    let edit = 1.0 - strsim::osa_distance(query, code) as f64 / longest as f64;
    let prefix = if query.len() >= 4 && code.starts_with(query) {
        // Longer typed prefixes are stronger evidence.
        0.75 + 0.2 * (query.len() as f64 / code.len() as f64)
    } else {
        0.0
    };
    let jw = strsim::jaro_winkler(query, code) - 0.12;
    edit.max(prefix).max(jw)
}

/// `list`: the catalogued entries that match every filter set (all entries
/// when none is), in catalogue order.
///
/// ```
/// use obserr::catalogue::{Kind, ListFilter};
///
/// let all = obserr::catalogue::list(&ListFilter::default());
/// let statuses = ["403".parse().unwrap()];
/// let forbidden = obserr::catalogue::list(&ListFilter { status: &statuses, ..ListFilter::default() });
/// assert!(forbidden.len() < all.len());
/// assert!(forbidden.iter().any(|e| e.code == "AccessDenied"));
/// let tools = obserr::catalogue::list(&ListFilter { kind: Some(Kind::Tool), ..ListFilter::default() });
/// assert!(tools.iter().all(|e| e.kind == Kind::Tool));
/// ```
#[must_use]
pub fn list(filter: &ListFilter) -> Vec<&'static Entry> {
    entries().iter().filter(|e| filter.matches(e)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_date_is_a_day_not_in_the_future() {
        let day = crate::timestamp::parse_millis(&format!("{}T00:00:00Z", updated()))
            .expect("build.rs checked it");
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis();
        assert!(u128::try_from(day).unwrap() <= now, "{}", updated());
    }

    #[test]
    fn every_code_is_a_completion_word_and_every_word_resolves() {
        let words: Vec<&str> = completion_words().map(|(w, _)| w).collect();
        for e in entries().iter().filter(|e| !e.code.contains(' ')) {
            assert!(words.contains(&e.code), "{} is not completed", e.code);
        }
        for w in &words {
            assert!(!lookup_all(w).is_empty(), "{w} is completed but not found");
            assert!(!w.contains(char::is_whitespace), "{w:?} is not one word");
        }
        assert!(words.contains(&"Obs.0012"));
        let unique: std::collections::BTreeSet<&&str> = words.iter().collect();
        assert_eq!(unique.len(), words.len(), "a word is offered twice");
    }

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
    fn no_bare_code_has_a_space_and_the_tool_and_code_find_the_entry() {
        for e in entries() {
            assert!(!e.bare_code().contains(char::is_whitespace), "{}", e.code);
            match e.tool() {
                Some(tool) => {
                    assert_eq!(e.kind, Kind::Tool, "{}", e.code);
                    let found = lookup_tool(tool, e.bare_code()).map(|f| f.code);
                    assert_eq!(found, Some(e.code));
                }
                None => assert_eq!(e.bare_code(), e.code),
            }
        }
        let e = lookup("Browser Obs.0000").unwrap();
        assert_eq!((e.tool(), e.bare_code()), (Some("browser"), "Obs.0000"));
    }

    #[test]
    fn tool_codes_are_found_with_their_tool_and_shared_codes_show_every_tool() {
        assert_eq!(lookup_tool("obsutil", "8").unwrap().code, "obsutil 8");
        assert_eq!(lookup_tool("OBSUTIL", "255").unwrap().code, "obsutil -1");
        assert_eq!(lookup_tool("obsutil", "-1").unwrap().code, "obsutil -1");
        assert_eq!(lookup("obsutil:8").unwrap().code, "obsutil 8");
        assert!(lookup_tool("obsutil", "10").is_none());
        assert!(lookup_tool("aws", "8").is_none());
        let both: Vec<&str> = lookup_all("obs.0012").iter().map(|e| e.code).collect();
        assert_eq!(both, ["Browser Obs.0012", "Console Obs.0012"]);
        assert_eq!(
            lookup_tool("console", "Obs.0012").unwrap().code,
            "Console Obs.0012"
        );
        // Only OBS Browser+ goes past Obs.0022.
        assert_eq!(lookup_all("Obs.0030").len(), 1);
        for e in entries().iter().filter(|e| e.kind == Kind::Tool) {
            let tool = e.code.split(' ').next().unwrap().to_ascii_lowercase();
            assert!(TOOL_WORDS.contains(&tool.as_str()), "{}", e.code);
        }
    }

    #[test]
    fn every_entry_is_reachable_by_code_and_alias_in_any_case() {
        for e in entries() {
            assert_eq!(lookup(e.code).map(|f| f.code), Some(e.code));
            assert_eq!(
                lookup(&e.code.to_ascii_uppercase()).map(|f| f.code),
                Some(e.code)
            );
            assert_eq!(
                lookup(&format!("  {} \n", e.code.to_ascii_lowercase())).map(|f| f.code),
                Some(e.code)
            );
            for a in e.aliases {
                assert_eq!(lookup(a).map(|f| f.code), Some(e.code), "alias {a}");
            }
        }
        assert!(lookup("NoSuchKy").is_none());
        assert!(lookup("").is_none());
    }

    #[test]
    fn entries_are_in_canonical_order_and_unique_case_insensitively() {
        for w in entries().windows(2) {
            assert!(
                w[0].code.to_ascii_lowercase() < w[1].code.to_ascii_lowercase(),
                "{} before {}",
                w[0].code,
                w[1].code
            );
        }
        let mut keys: Vec<String> = entries()
            .iter()
            .flat_map(|e| std::iter::once(e.code).chain(e.aliases.iter().copied()))
            .map(|k| k.to_ascii_lowercase().replace(' ', ""))
            .collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        // An alias may differ from its own code only by spaces (a doc spelling).
        let self_aliases = entries()
            .iter()
            .flat_map(|e| {
                e.aliases
                    .iter()
                    .filter(move |a| a.replace(' ', "").eq_ignore_ascii_case(e.code))
            })
            .count();
        assert_eq!(keys.len(), n - self_aliases, "codes and aliases unique");
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
    fn retryable_follows_the_documented_rule() {
        const ALSO_RETRYABLE: [&str; 3] = ["IncompleteBody", "OperationAborted", "RequestTimeout"];
        // Documented as 500, but the condition stays: an expired token, a
        // wrong account ID.
        const FINAL_500: [&str; 2] = ["SYS.0008", "SYS.0039"];
        for e in entries().iter().filter(|e| e.kind == Kind::Server) {
            let status = e.status().unwrap_or(0);
            // 501: the server does not implement it; a retry cannot help.
            let rule = (status >= 500 && status != 501 && !FINAL_500.contains(&e.code))
                || status == 429
                || ALSO_RETRYABLE.contains(&e.code);
            assert_eq!(e.retryable, rule, "{}", e.code);
        }
        for code in ["NotImplemented", "ServiceNotImplemented"] {
            assert!(!lookup(code).unwrap().retryable, "{code}");
        }
        assert!(lookup("GetQosTokenException").unwrap().retryable);
        assert!(lookup("TooManyRequests").unwrap().retryable);
        assert_eq!(
            lookup("TooManyRequests").unwrap().retry(),
            Retry::AfterSlowingDown
        );
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

    #[test]
    fn codes_and_aliases_fit_max_code_len() {
        for e in ENTRIES {
            assert!(e.code.len() <= MAX_CODE_LEN, "{}", e.code);
            assert!(
                e.aliases.iter().all(|a| a.len() <= MAX_CODE_LEN),
                "{}",
                e.code
            );
        }
        assert!(suggest(&"NoSuchKey".repeat(20)).is_empty());
    }

    #[test]
    fn status_filters_parse_and_reject() {
        assert_eq!("403".parse(), Ok(StatusFilter::Exact(403)));
        assert_eq!("4xx".parse(), Ok(StatusFilter::Class(4)));
        assert_eq!("5XX".parse(), Ok(StatusFilter::Class(5)));
        for bad in ["abc", "4x", "40", "4033", "", "6xx", "x03", "099"] {
            assert!(bad.parse::<StatusFilter>().is_err(), "{bad}");
        }
        assert!(by_status(StatusFilter::Exact(403)).all(|e| e.documents_status(403)));
        let codes_400: Vec<&str> = by_status(StatusFilter::Exact(400))
            .map(|e| e.code)
            .collect();
        assert!(
            codes_400.contains(&"RequestTimeout"),
            "documented 400 in s3api"
        );
        assert!(by_status(StatusFilter::Exact(408)).any(|e| e.code == "RequestTimeout"));
        assert!(by_status(StatusFilter::Class(5)).count() >= 4);
        assert_eq!(by_status(StatusFilter::Exact(402)).count(), 0);
    }

    #[test]
    fn suggestions_catch_the_usual_typos() {
        let cases = [
            ("NoSuchKy", "NoSuchKey"),
            ("AccesDenied", "AccessDenied"),
            ("AccessDeniedd", "AccessDenied"),
            ("SignatureDoesntMatch", "SignatureDoesNotMatch"),
            ("RequestTimeSkewed", "RequestTimeTooSkewed"),
            ("nosuchlifecycle", "NoSuchLifecycleConfiguration"),
            ("InvalidAccessKey", "InvalidAccessKeyId"),
            ("NOSUCHBUCKETT", "NoSuchBucket"),
            ("BucketNotEmty", "BucketNotEmpty"),
            ("EntityToLarge", "EntityTooLarge"),
        ];
        for (typo, want) in cases {
            let got: Vec<&str> = suggest(typo).iter().map(|e| e.code).collect();
            assert!(got.len() <= 3);
            assert_eq!(got.first().copied(), Some(want), "{typo}: {got:?}");
        }
        assert!(suggest("zzzzzzzzzz").is_empty());
        assert!(suggest("").is_empty());
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
