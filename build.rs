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
    retryable: bool,
    /// Every table that names the code, in the order of `sources.json`; a
    /// table whose row says nothing new is listed here but has no `documented` row.
    sources: Vec<String>,
    documented: Vec<RawDoc>,
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

    validate(&entries, &statuses, &sources);
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
    emit_entries(&mut out, &entries, &sources);
    emit_lookup(&mut out, &entries);
    emit_vocab(&mut out, &entries);
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("catalogue_data.rs");
    fs::write(dest, out).unwrap();
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
            e.code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'),
            "{}: a code is one word as the server sends it (add spellings as aliases)",
            e.code
        );
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
        }
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
    assert_eq!(
        e.documented[0].source, e.sources[0],
        "{}: the primary row must come from the first source",
        e.code
    );
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
            "    Source {{ id: {:?}, title: {:?}, page: {:?}, url: {:?} }},",
            s.id, s.title, s.page, s.url
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

fn emit_entries(out: &mut String, entries: &[RawEntry], sources: &[RawSource]) {
    writeln!(out, "pub(crate) static ENTRIES: &[Entry] = &[").unwrap();
    for e in entries {
        let index = |id: &String| sources.iter().position(|s| &s.id == id).unwrap();
        let refs: Vec<String> = e
            .sources
            .iter()
            .map(|id| format!("&SOURCES[{}]", index(id)))
            .collect();
        writeln!(
            out,
            "    Entry {{ code: {:?}, aliases: &{:?}, retryable: {}, sources: &[{}], documented: &[",
            e.code,
            e.aliases,
            e.retryable,
            refs.join(", ")
        )
        .unwrap();
        for d in &e.documented {
            let source = index(&d.source);
            writeln!(
                out,
                "        Documented {{ source: &SOURCES[{source}], status: {:?}, message: {:?}, solution: {:?}, solution_inferred: {} }},",
                d.status, d.message, d.solution, d.solution_inferred
            )
            .unwrap();
        }
        writeln!(out, "    ] }},").unwrap();
    }
    writeln!(out, "];").unwrap();
}

/// Every spelling a user may type, lower-cased, sorted for binary search. Aliases
/// with spaces are also reachable with the spaces removed.
fn emit_lookup(out: &mut String, entries: &[RawEntry]) {
    let mut keys = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for key in std::iter::once(&e.code).chain(&e.aliases) {
            let lower = key.to_ascii_lowercase();
            keys.insert(lower.replace(' ', ""), i);
            keys.insert(lower, i);
        }
    }
    writeln!(out, "pub(crate) static LOOKUP: &[(&str, u16)] = &[").unwrap();
    for (key, i) in keys {
        writeln!(out, "    ({key:?}, {i}),").unwrap();
    }
    writeln!(out, "];").unwrap();
}

/// The search index: each word of a code (weight 3), message (2) or solution (1)
/// with the entries it occurs in, keeping the best weight per entry.
fn emit_vocab(out: &mut String, entries: &[RawEntry]) {
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
            for w in text::prose_words(&d.solution) {
                add(w, i, 1);
            }
        }
    }
    writeln!(out, "pub(crate) static VOCAB: &[Term] = &[").unwrap();
    for (word, postings) in vocab {
        let postings: Vec<(u16, u8)> = postings
            .into_iter()
            .map(|(i, w)| (u16::try_from(i).expect("under 65,536 entries"), w))
            .collect();
        writeln!(
            out,
            "    Term {{ word: {word:?}, postings: &{postings:?} }},"
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}
