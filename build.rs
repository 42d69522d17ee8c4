//! Turns `data/*.json` into Rust statics at build time, after validating it, so
//! that a broken catalogue fails the build instead of the user, and a lookup
//! costs no parsing at run time (see the README's performance section).

#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;

#[allow(dead_code)]
#[path = "src/timestamp.rs"]
mod timestamp;

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::{env, fs, path::Path};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    code: String,
    aliases: Vec<String>,
    /// `server` (a server response carries it), `client` (an SDK raises it
    /// without, or before, a response) or `tool` (obsutil, OBS Console, OBS Browser+).
    kind: String,
    /// The code as a tool shows it when another tool uses the same code for
    /// something else (`Obs.0012`): a lookup of it shows every such entry.
    #[serde(default)]
    shared_code: Option<String>,
    retryable: bool,
    /// Every table that names the code, in the order of `sources.json`; a
    /// table whose row says nothing new is listed here but has no `documented` row.
    sources: Vec<String>,
    documented: Vec<RawDoc>,
    /// Why the code happens, most frequent first, each with its check and fix.
    #[serde(default)]
    causes: Vec<RawCause>,
    /// For client and tool codes: what to look at on the user's side.
    #[serde(default)]
    checks: Vec<String>,
    /// For client codes: the SDKs that retry the failure by themselves (a
    /// server code's are derived from the SDKs' rules, see `src/catalogue/retry.rs`).
    #[serde(default)]
    retried_by: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCause {
    cause: String,
    check: String,
    fix: String,
    /// Lower-case phrases: a server message containing one of them points to
    /// this cause. A cause without any is a generic one.
    #[serde(default)]
    when: Vec<String>,
    /// Where the cause comes from (CONTRIBUTING: the catalogue's data).
    source: RawCauseSource,
}

/// Where a cause comes from: `doc` (a page of `sources.json` or `pages.json`,
/// `at` its row, table or section), `faq` (a FAQ page of `pages.json`), `sdk`
/// (`at` is `owner/repo@<40-hex commit>:path#Lnn`) or `experience`
/// (well-known S3-compatible behaviour no OBS page states; `at` says where
/// it was seen, if anywhere).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCauseSource {
    kind: String,
    #[serde(default)]
    page: Option<String>,
    #[serde(default)]
    at: Option<String>,
}

/// `data/pages.json`: documentation pages that causes cite but that document
/// no code (FAQ, signature pages), each vendored in `tests/upstream`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPage {
    id: String,
    title: String,
    /// The vendored copy, under `tests/upstream`.
    file: String,
    url: String,
    /// `page` or `faq`.
    kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc {
    source: String,
    /// `null` where the table says "N/A".
    status: Option<u16>,
    message: String,
    solution: String,
    #[serde(default)]
    solution_inferred: bool,
    /// How this row disagrees with the others (another status, a contradicting
    /// text), shown beside it.
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatus {
    status: u16,
    reason: String,
    meaning: String,
    causes: Vec<String>,
    from_docs: bool,
}

/// `data/catalogue.json`: facts about the catalogue as a whole.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    /// The day the catalogue was last checked against the documentation
    /// (YYYY-MM-DD): whoever updates `codes.json` sets it. `--version` shows it.
    updated: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    page: String,
    url: String,
    /// `table` (an error-code table), `page` (a per-operation page), `sdk`
    /// (an SDK's source) or `tool` (a tool's documented code list).
    kind: String,
    /// The source's licence allows facts only: messages from it are our words.
    #[serde(default)]
    own_words: bool,
}

fn read<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = Path::new("data").join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check_text(what: &str, s: &str) {
    assert!(!s.trim().is_empty(), "{what}: empty text");
    assert!(
        !s.chars().any(|c| c.is_control() && c != '\n'),
        "{what}: control character in text"
    );
    assert_eq!(s, s.trim(), "{what}: leading or trailing white space");
}

fn main() {
    println!("cargo:rerun-if-changed=src/text.rs");
    println!("cargo:rerun-if-changed=src/timestamp.rs");
    let entries: Vec<RawEntry> = read("codes.json");
    let statuses: Vec<RawStatus> = read("statuses.json");
    let sources: Vec<RawSource> = read("sources.json");
    let catalogue: RawCatalogue = read("catalogue.json");
    let pages: Vec<RawPage> = read("pages.json");

    validate(&entries, &statuses, &sources);
    validate_cause_sources(&entries, &sources, &pages);
    validate_date(&catalogue.updated);
    // `obserr --version`: the version, the catalogue's date and its size, as
    // tealdeer shows the age of its cache.
    println!(
        "cargo:rustc-env=OBSERR_VERSION={} (catalogue {}, {} codes)",
        env::var("CARGO_PKG_VERSION").unwrap(),
        catalogue.updated,
        entries.len()
    );

    let mut out = String::new();
    writeln!(
        out,
        "pub(crate) static UPDATED: &str = {:?};",
        catalogue.updated
    )
    .unwrap();
    emit_sources(&mut out, &sources);
    emit_statuses(&mut out, &statuses);
    emit_entries(&mut out, &entries, &sources, &pages);
    emit_lookup(&mut out, &entries);
    emit_vocab(&mut out, &entries, &statuses);
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("catalogue_data.rs"), out).unwrap();
    fs::write(
        Path::new(&out_dir).join("decode_codes.rs"),
        decode_codes(&entries),
    )
    .unwrap();
}

fn validate(entries: &[RawEntry], statuses: &[RawStatus], sources: &[RawSource]) {
    assert!(
        statuses.windows(2).all(|w| w[0].status < w[1].status),
        "statuses.json: not sorted by status, or a duplicate"
    );
    for s in statuses {
        assert!(
            (300..=599).contains(&s.status),
            "statuses.json: {} out of range",
            s.status
        );
        check_text(&format!("status {}", s.status), &s.reason);
        check_text(&format!("status {}", s.status), &s.meaning);
        assert!(!s.causes.is_empty(), "status {}: no causes", s.status);
        s.causes
            .iter()
            .for_each(|c| check_text(&format!("status {}", s.status), c));
    }
    let source_ids: BTreeSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        source_ids.len(),
        sources.len(),
        "sources.json: duplicate id"
    );
    for s in sources {
        assert!(
            SOURCE_KINDS.contains(&s.kind.as_str()),
            "{}: kind {} is not one of {SOURCE_KINDS:?}",
            s.id,
            s.kind
        );
        check_text(&s.id, &s.title);
        check_text(&s.id, &s.page);
        assert!(s.url.starts_with("https://"), "{}: url must be https", s.id);
    }
    let mut keys = BTreeSet::new();
    for pair in entries.windows(2) {
        assert!(
            canonical(&pair[0].code) < canonical(&pair[1].code),
            "codes.json: {} must come before {} (sorted case-insensitively, no duplicates)",
            pair[1].code,
            pair[0].code
        );
    }
    for e in entries {
        check_text("code", &e.code);
        assert!(
            KINDS.contains(&e.kind.as_str()),
            "{}: kind {} is not one of {KINDS:?}",
            e.code,
            e.kind
        );
        // A server code is one word as the server sends it; a tool's code is
        // named with its tool ("obsutil 8", "Console Obs.0012").
        let word = |w: &str| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_')
        };
        let one_word = word(&e.code);
        assert!(
            one_word || (e.kind != "server" && e.code.split(' ').all(word)),
            "{}: a code is one word as the server sends it (add spellings as aliases)",
            e.code
        );
        validate_extras(e);
        assert!(!e.documented.is_empty(), "{}: no documented row", e.code);
        for key in std::iter::once(&e.code).chain(&e.aliases) {
            check_text(&e.code, key);
            assert!(
                keys.insert(key.to_ascii_lowercase()),
                "{key}: code or alias used twice"
            );
        }
        validate_sources(e, sources);
        for d in &e.documented {
            assert!(
                e.sources.contains(&d.source),
                "{}: documented in {}, which is not in its sources",
                e.code,
                d.source
            );
            if let Some(status) = d.status {
                assert!(
                    statuses.iter().any(|s| s.status == status),
                    "{}: status {status} missing from statuses.json",
                    e.code,
                );
            }
            check_text(&e.code, &d.message);
            check_text(&e.code, &d.solution);
            if let Some(note) = &d.note {
                check_text(&e.code, note);
            }
        }
    }
    // A shared code names its entries only: it is no code or alias itself.
    for shared in entries.iter().filter_map(|e| e.shared_code.as_ref()) {
        assert!(
            !keys.contains(&shared.to_ascii_lowercase()),
            "{shared}: a shared code must not also be a code or alias"
        );
    }
}

const KINDS: [&str; 4] = ["server", "client", "tool", "sdk-status"];
const SOURCE_KINDS: [&str; 4] = ["table", "page", "sdk", "tool"];
/// What a user checks on their side for a client or tool code.
const CHECKS: [&str; 9] = [
    "network",
    "dns",
    "proxy",
    "tls",
    "local-file",
    "arguments",
    "credentials",
    "clock",
    "memory",
];
/// The official SDKs and tools whose retry rules obserr knows (`src/catalogue/retry.rs`).
const SDKS: [&str; 8] = [
    "python", "go", "java", "dotnet", "nodejs", "c", "obsutil", "obsa",
];

/// Kind-specific fields: causes, checks, SDK retries, shared codes.
fn validate_extras(e: &RawEntry) {
    for c in &e.causes {
        check_text(&e.code, &c.cause);
        check_text(&e.code, &c.check);
        check_text(&e.code, &c.fix);
        for w in &c.when {
            check_text(&e.code, w);
            assert_eq!(
                w,
                &w.to_lowercase(),
                "{}: a cause's `when` phrases are lower case",
                e.code
            );
        }
    }
    if let Some(first) = e.causes.first() {
        assert!(
            first.when.is_empty(),
            "{}: the first cause is the generic one (no `when`)",
            e.code
        );
    }
    let mut seen = BTreeSet::new();
    for c in &e.causes {
        assert!(seen.insert(&c.cause), "{}: a cause is listed twice", e.code);
    }
    for c in &e.checks {
        assert!(
            CHECKS.contains(&c.as_str()),
            "{}: check {c} is not one of {CHECKS:?}",
            e.code
        );
    }
    match e.kind.as_str() {
        "server" => assert!(
            e.checks.is_empty() && e.retried_by.is_empty() && e.shared_code.is_none(),
            "{}: checks, retried_by and shared_code are for client and tool codes",
            e.code
        ),
        "client" | "sdk-status" => assert!(
            !e.checks.is_empty() && e.shared_code.is_none(),
            "{}: a client or sdk-status code says what to check, and has no shared code",
            e.code
        ),
        _ => assert!(
            e.retried_by.is_empty(),
            "{}: a tool code lists no SDK retries",
            e.code
        ),
    }
    for sdk in &e.retried_by {
        assert!(
            SDKS.contains(&sdk.as_str()),
            "{}: SDK {sdk} is not one of {SDKS:?}",
            e.code
        );
    }
    if let Some(shared) = &e.shared_code {
        assert!(
            e.code.ends_with(&format!(" {shared}")),
            "{}: the code is its tool's name, a space and the shared code {shared}",
            e.code
        );
    }
}

/// `catalogue.json`'s date is a real day, written YYYY-MM-DD (read by the
/// same code that reads the dates of responses).
fn validate_date(date: &str) {
    let shape = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let day = timestamp::parse_millis(&format!("{date}T00:00:00Z"));
    assert!(
        shape && day.is_some_and(|ms| ms >= 1_577_836_800_000),
        "catalogue.json: updated must be a day written YYYY-MM-DD, 2020 or later, not {date:?}"
    );
}

/// An entry's sources are known, listed once, in the order of `sources.json`,
/// and the primary documented row comes from the first of them.
fn validate_sources(e: &RawEntry, sources: &[RawSource]) {
    let positions: Vec<usize> = e
        .sources
        .iter()
        .map(|id| {
            sources
                .iter()
                .position(|s| &s.id == id)
                .unwrap_or_else(|| panic!("{}: unknown source {id}", e.code))
        })
        .collect();
    assert!(!positions.is_empty(), "{}: no sources", e.code);
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "{}: sources repeated or not in the order of sources.json",
        e.code
    );
    // The primary row comes from the first source, unless the entry has
    // causes: its primary row is then the generic meaning, wherever it is
    // documented (AccessDenied: the S3-compatible API's "Access denied.").
    assert!(
        e.documented[0].source == e.sources[0] || !e.causes.is_empty(),
        "{}: the primary row must come from the first source",
        e.code
    );
}

const CAUSE_SOURCE_KINDS: [&str; 4] = ["doc", "faq", "sdk", "experience"];

/// Every cause says where it comes from, and the page or file it names exists.
fn validate_cause_sources(entries: &[RawEntry], sources: &[RawSource], pages: &[RawPage]) {
    let mut ids = BTreeSet::new();
    for p in pages {
        assert!(
            ids.insert(p.id.as_str()),
            "pages.json: duplicate id {}",
            p.id
        );
        assert!(
            !sources.iter().any(|s| s.id == p.id),
            "pages.json: {} is also a source id",
            p.id
        );
        assert!(
            p.kind == "page" || p.kind == "faq",
            "pages.json: {}: kind is page or faq",
            p.id
        );
        check_text(&p.id, &p.title);
        assert!(
            p.file.ends_with(".rst") && !p.file.contains(".."),
            "pages.json: {}: file is a vendored .rst under tests/upstream",
            p.id
        );
        assert!(
            p.url.starts_with("https://"),
            "pages.json: {}: https url",
            p.id
        );
        println!("cargo:rerun-if-changed=tests/upstream/{}", p.file);
        assert!(
            Path::new("tests/upstream").join(&p.file).is_file(),
            "pages.json: {}: tests/upstream/{} is not vendored",
            p.id,
            p.file
        );
    }
    for e in entries {
        for c in &e.causes {
            let src = &c.source;
            let what = format!("{}: cause {:?}", e.code, c.cause);
            assert!(
                CAUSE_SOURCE_KINDS.contains(&src.kind.as_str()),
                "{what}: source kind {} is not one of {CAUSE_SOURCE_KINDS:?}",
                src.kind
            );
            if let Some(at) = &src.at {
                check_text(&what, at);
            }
            match src.kind.as_str() {
                "doc" | "faq" => {
                    let page = src
                        .page
                        .as_deref()
                        .unwrap_or_else(|| panic!("{what}: a {} source names its page", src.kind));
                    let known =
                        sources.iter().any(|s| s.id == page) || pages.iter().any(|p| p.id == page);
                    assert!(known, "{what}: unknown page {page}");
                    let faq = pages.iter().any(|p| p.id == page && p.kind == "faq");
                    assert_eq!(
                        src.kind == "faq",
                        faq,
                        "{what}: kind faq is for the FAQ pages of pages.json, and only them"
                    );
                    assert!(
                        faq || src.at.is_some(),
                        "{what}: a doc source says where on the page (row, table, section)"
                    );
                }
                "sdk" => {
                    assert!(src.page.is_none(), "{what}: an sdk source has no page");
                    let at = src
                        .at
                        .as_deref()
                        .unwrap_or_else(|| panic!("{what}: no file"));
                    sdk_file(at).unwrap_or_else(|| {
                        panic!("{what}: {at} is not owner/repo@<40-hex commit>:path#Lnn")
                    });
                }
                _ => assert!(src.page.is_none(), "{what}: experience cites no page"),
            }
        }
    }
}

/// `owner/repo@commit:path#Lnn[-Lmm]` split into its parts; `None` unless the
/// commit is 40 hex digits and the line anchor is there.
fn sdk_file(at: &str) -> Option<(&str, &str, &str, &str)> {
    let (repo, rest) = at.split_once('@')?;
    let (commit, rest) = rest.split_once(':')?;
    let (path, lines) = rest.split_once('#')?;
    let repo_ok = repo.split('/').count() == 2
        && repo
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c));
    let commit_ok = commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit());
    let path_ok = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.+".contains(c));
    let lines_ok = lines.starts_with('L')
        && lines.split('-').all(|l| {
            l.len() > 1 && l.starts_with('L') && l[1..].bytes().all(|b| b.is_ascii_digit())
        });
    (repo_ok && commit_ok && path_ok && lines_ok).then_some((repo, commit, path, lines))
}

/// The Rust expression of a cause's source.
fn cause_source(src: &RawCauseSource, sources: &[RawSource], pages: &[RawPage]) -> String {
    let (kind, page, title, url) = match src.kind.as_str() {
        "doc" | "faq" => {
            let id = src.page.as_deref().unwrap();
            let (title, url) = sources
                .iter()
                .find(|s| s.id == id)
                .map(|s| (s.title.as_str(), s.url.clone()))
                .or_else(|| {
                    pages
                        .iter()
                        .find(|p| p.id == id)
                        .map(|p| (p.title.as_str(), p.url.clone()))
                })
                .unwrap();
            let kind = if src.kind == "doc" { "Doc" } else { "Faq" };
            (
                kind,
                Some(id.to_string()),
                Some(title.to_string()),
                Some(url),
            )
        }
        "sdk" => {
            let (repo, commit, path, lines) = sdk_file(src.at.as_deref().unwrap()).unwrap();
            let url = format!(
                "https://github.com/{repo}/blob/{commit}/{}#{lines}",
                path.replace('+', "%2B")
            );
            let file = path.rsplit('/').next().unwrap_or(path);
            let at = Some(lines.to_string());
            return format!(
                "CauseSource {{ kind: CauseSourceKind::Sdk, page: Some({repo:?}), title: Some({file:?}), at: {at:?}, url: Some({url:?}) }}"
            );
        }
        _ => ("Experience", None, None, None),
    };
    let at = src.at.clone();
    format!(
        "CauseSource {{ kind: CauseSourceKind::{kind}, page: {page:?}, title: {title:?}, at: {at:?}, url: {url:?} }}"
    )
}

/// The Rust variant for a data value: `local-file` -> `LocalFile`, `dotnet` -> `Dotnet`.
fn variant(value: &str) -> String {
    value
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The order of `codes.json`: case-insensitive, ties broken by the exact spelling.
fn canonical(code: &str) -> (String, &str) {
    (code.to_ascii_lowercase(), code)
}

fn emit_sources(out: &mut String, sources: &[RawSource]) {
    writeln!(out, "pub(crate) static SOURCES: &[Source] = &[").unwrap();
    for s in sources {
        writeln!(
            out,
            "    Source {{ id: {:?}, title: {:?}, page: {:?}, url: {:?}, kind: SourceKind::{}, own_words: {} }},",
            s.id, s.title, s.page, s.url, variant(&s.kind), s.own_words
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn emit_statuses(out: &mut String, statuses: &[RawStatus]) {
    writeln!(out, "pub(crate) static STATUSES: &[StatusInfo] = &[").unwrap();
    for s in statuses {
        writeln!(
            out,
            "    StatusInfo {{ status: {}, reason: {:?}, meaning: {:?}, causes: &{:?}, from_docs: {} }},",
            s.status, s.reason, s.meaning, s.causes, s.from_docs
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn emit_entries(out: &mut String, entries: &[RawEntry], sources: &[RawSource], pages: &[RawPage]) {
    writeln!(out, "pub(crate) static ENTRIES: &[Entry] = &[").unwrap();
    for e in entries {
        let index = |id: &String| sources.iter().position(|s| &s.id == id).unwrap();
        let refs: Vec<String> = e
            .sources
            .iter()
            .map(|id| format!("&SOURCES[{}]", index(id)))
            .collect();
        let causes: Vec<String> = e
            .causes
            .iter()
            .map(|c| {
                format!(
                    "Cause {{ cause: {:?}, check: {:?}, fix: {:?}, when: &{:?}, source: {} }}",
                    c.cause,
                    c.check,
                    c.fix,
                    c.when,
                    cause_source(&c.source, sources, pages)
                )
            })
            .collect();
        let variants = |ty: &str, values: &[String]| -> Vec<String> {
            values
                .iter()
                .map(|v| format!("{ty}::{}", variant(v)))
                .collect()
        };
        let checks = variants("Check", &e.checks);
        let retried_by = variants("Sdk", &e.retried_by);
        writeln!(
            out,
            "    Entry {{ code: {:?}, aliases: &{:?}, kind: Kind::{}, shared_code: {:?}, retryable: {}, \
             causes: &[{}], checks: &[{}], retried_by: &[{}], sources: &[{}], documented: &[",
            e.code,
            e.aliases,
            variant(&e.kind),
            e.shared_code,
            e.retryable,
            causes.join(", "),
            checks.join(", "),
            retried_by.join(", "),
            refs.join(", ")
        )
        .unwrap();
        for d in &e.documented {
            let source = index(&d.source);
            writeln!(
                out,
                "        Documented {{ source: &SOURCES[{source}], status: {:?}, message: {:?}, solution: {:?}, solution_inferred: {}, note: {:?} }},",
                d.status, d.message, d.solution, d.solution_inferred, d.note
            )
            .unwrap();
        }
        writeln!(out, "    ] }},").unwrap();
    }
    writeln!(out, "];").unwrap();
}

/// Every spelling a user may type, lower-cased, with the entry it names (the
/// last entry to claim a spelling keeps it). Aliases with spaces are also
/// reachable with the spaces removed.
fn lookup_keys(entries: &[RawEntry]) -> BTreeMap<String, usize> {
    let mut keys = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for key in std::iter::once(&e.code).chain(&e.aliases) {
            let lower = key.to_ascii_lowercase();
            keys.insert(lower.replace(' ', ""), i);
            keys.insert(lower, i);
        }
    }
    keys
}

/// [`lookup_keys`], sorted for binary search.
fn emit_lookup(out: &mut String, entries: &[RawEntry]) {
    let keys = lookup_keys(entries);
    // Keys as spans of one string, not `&str`s: each pointer in a static is
    // a relocation the static-pie start-up applies (CONTRIBUTING: Performance).
    let mut text = String::new();
    writeln!(out, "pub(crate) static LOOKUP: &[Key] = &[").unwrap();
    for (key, i) in keys {
        let len = u8::try_from(key.len()).expect("a key under 256 bytes");
        writeln!(
            out,
            "    Key {{ at: {}, len: {len}, entry: {i} }},",
            text.len()
        )
        .unwrap();
        text.push_str(&key);
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "pub(crate) static LOOKUP_TEXT: &str = {text:?};").unwrap();
    let mut shared: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(code) = &e.shared_code {
            shared.entry(code.to_ascii_lowercase()).or_default().push(i);
        }
    }
    writeln!(out, "pub(crate) static SHARED: &[(&str, &[u16])] = &[").unwrap();
    for (key, list) in shared {
        writeln!(out, "    ({key:?}, &{list:?}),").unwrap();
    }
    writeln!(out, "];").unwrap();
}

/// The search index: each word of a code (weight 3), message or documented
/// status's reason phrase (2: people type "moved permanently"), solution or
/// cause (1) with the entries it occurs in, keeping the best weight per entry.
fn emit_vocab(out: &mut String, entries: &[RawEntry], statuses: &[RawStatus]) {
    let mut vocab: BTreeMap<String, BTreeMap<usize, u8>> = BTreeMap::new();
    let mut add = |word: String, entry: usize, weight: u8| {
        let slot = vocab.entry(word).or_default().entry(entry).or_insert(0);
        *slot = (*slot).max(weight);
    };
    for (i, e) in entries.iter().enumerate() {
        for key in std::iter::once(&e.code).chain(&e.aliases) {
            for w in text::code_words(key)
                .into_iter()
                .filter(|w| !text::is_stopword(w))
            {
                add(w, i, 3);
            }
        }
        for d in &e.documented {
            for w in text::prose_words(&d.message) {
                add(w, i, 2);
            }
            let reason = statuses.iter().find(|s| Some(s.status) == d.status);
            if let Some(reason) = reason {
                for w in text::prose_words(&reason.reason) {
                    add(w, i, 2);
                }
            }
            for w in text::prose_words(&d.solution) {
                add(w, i, 1);
            }
        }
        for c in &e.causes {
            for w in text::prose_words(&c.cause) {
                add(w, i, 1);
            }
        }
    }
    // Words and postings as spans of one string and one array, not pointers
    // (see emit_lookup).
    let mut words = String::new();
    let mut all: Vec<(u16, u8)> = Vec::new();
    writeln!(out, "pub(crate) static VOCAB: &[Term] = &[").unwrap();
    for (word, postings) in vocab {
        let start = all.len();
        all.extend(
            postings
                .into_iter()
                .map(|(i, w)| (u16::try_from(i).expect("under 65,536 entries"), w)),
        );
        writeln!(
            out,
            "    Term {{ word_at: {}, word_len: {}, postings_at: {start}, postings_len: {} }},",
            words.len(),
            u8::try_from(word.len()).expect("an index word under 256 bytes"),
            u16::try_from(all.len() - start).expect("under 65,536 postings a word")
        )
        .unwrap();
        words.push_str(&word);
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "pub(crate) static VOCAB_TEXT: &str = {words:?};").unwrap();
    writeln!(out, "pub(crate) static POSTINGS: &[(u16, u8)] = &{all:?};").unwrap();
}

/// The catalogue's words that `src/decode` needs, for `src/decode/codes.rs`
/// (decode sits below the catalogue and may not look into it): the codes a
/// lookup finds as spelled (`catalogue::lookup(w)` is the entry whose code is
/// `w`), and every key a lookup finds, lower case (`lookup(w)` finds
/// something). Each list sorted for binary search, as spans of one string.
fn decode_codes(entries: &[RawEntry]) -> String {
    let keys = lookup_keys(entries);
    let codes: BTreeSet<&str> = entries
        .iter()
        .enumerate()
        .filter(|(i, e)| keys.get(&e.code.to_ascii_lowercase()) == Some(i))
        .map(|(_, e)| e.code.as_str())
        .collect();
    let mut out = String::new();
    emit_words(&mut out, "CODES", codes.into_iter());
    emit_words(&mut out, "KEYS", keys.keys().map(String::as_str));
    out
}

/// `static NAME: Words`: sorted `words` as `(offset, length)` spans of one
/// string (a span is no pointer: no relocation at start-up, see emit_lookup).
fn emit_words<'a>(out: &mut String, name: &str, words: impl Iterator<Item = &'a str>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut last: Option<&str> = None;
    for word in words {
        assert!(last.is_none_or(|l| l < word), "{name}: not sorted");
        last = Some(word);
        let at = u16::try_from(text.len()).expect("decode's words under 64 KiB");
        let len = u8::try_from(word.len()).expect("a word under 256 bytes");
        spans.push((at, len));
        text.push_str(word);
    }
    writeln!(
        out,
        "static {name}: Words = Words {{ text: {text:?}, spans: &{spans:?} }};"
    )
    .unwrap();
}
