//! Helpers shared by the integration tests' modules (`use crate::common;`),
//! and the two corpora helpers beside them.
#![allow(dead_code)]

pub mod corpus;
pub mod genlog;

/// The control characters obserr must never write raw: C0 but line feed, DEL,
/// C1 (U+0080..U+009F) and the bidi marks that reorder what a reader sees.
/// Written apart from obserr's own `sanitize::is_unsafe`, so a gap there shows.
pub fn is_raw_control(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Removes the SGR colour sequences obserr itself writes.
pub fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            let mut seq = String::new();
            while let Some(&d) = chars.peek() {
                chars.next();
                if d == 'm' {
                    break;
                }
                seq.push(d);
            }
            assert!(
                seq.chars().all(|d| d.is_ascii_digit() || d == ';'),
                "foreign escape: {seq:?}"
            );
            continue;
        }
        out.push(c);
    }
    out
}

pub fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let rest = strip_sgr(&text);
    let bad: Vec<char> = rest.chars().filter(|&c| is_raw_control(c)).collect();
    assert!(
        bad.is_empty(),
        "{what}: raw control characters {bad:?} in {text:?}"
    );
}

/// [`assert_clean`] for stdout that may hold a piped list: a line with a tab
/// holds exactly three, obserr's own field separators (code, status, tool,
/// message); the fields between them must be clean.
pub fn assert_clean_list(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for line in text.lines().filter(|l| l.contains('\t')) {
        assert_eq!(line.matches('\t').count(), 3, "{what}: {line:?}");
    }
    assert_clean(what, text.replace('\t', " ").as_bytes());
}

/// Whether `program` runs here (`program --version` succeeds). A missing tool
/// is a visible skip, not a pass: the line goes straight to stderr, past the
/// test harness's capture. With `OBSERR_REQUIRE_SHELLS=1` (CI sets it after
/// installing zsh, fish, man-db and script) it fails instead.
pub fn available(program: &str, what: &str) -> bool {
    use std::io::Write;
    let found = std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let required = std::env::var_os("OBSERR_REQUIRE_SHELLS").is_some_and(|v| v == "1");
        assert!(
            !required,
            "{program} is required (OBSERR_REQUIRE_SHELLS=1) but not installed"
        );
        let _ = writeln!(
            std::io::stderr().lock(),
            "SKIPPED: {program} is not installed; {what}"
        );
    }
    found
}

/// The user-facing docs (README.md and GUIDE.md), joined: what they promise
/// is checked wherever it is written.
pub fn user_docs() -> String {
    ["README.md", "GUIDE.md"]
        .iter()
        .filter_map(|f| {
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(f)).ok()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
