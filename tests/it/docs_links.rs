//! Every link in README.md, GUIDE.md and CONTRIBUTING.md that stays in the
//! repository resolves: a file or directory that exists, and an anchor
//! (`#section`, `GUIDE.md#section`) that names a heading of that document, as
//! GitHub computes heading anchors. Addresses on the web are not fetched.
//! The Markdown is read with pulldown-cmark, so code blocks and inline code
//! are never taken for headings or links.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

const DOCUMENTS: [&str; 4] = [
    "README.md",
    "GUIDE.md",
    "CONTRIBUTING.md",
    "docs/performance.md",
];

/// The anchor GitHub gives a heading (github-slugger): the heading's text in
/// lower case, every character but letters, digits, `-`, `_` and spaces
/// removed, each space made a `-`; a repeated anchor gets `-1`, `-2`... in
/// document order.
fn slug(text: &str, seen: &mut HashMap<String, usize>) -> String {
    let base: String = text
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect();
    let count = seen.entry(base.clone()).or_insert(0);
    let anchor = if *count == 0 {
        base.clone()
    } else {
        format!("{base}-{count}")
    };
    *count += 1;
    anchor
}

/// A document's heading anchors and the destinations of its links and images.
fn read(document: &str) -> (BTreeSet<String>, Vec<String>) {
    let text = std::fs::read_to_string(document).unwrap();
    let mut anchors = BTreeSet::new();
    let mut links = Vec::new();
    let mut seen = HashMap::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                let title = heading.take().unwrap_or_default();
                anchors.insert(slug(&title, &mut seen));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                links.push(dest_url.to_string());
            }
            _ => {}
        }
    }
    (anchors, links)
}

#[test]
fn every_link_and_anchor_in_the_documents_resolves() {
    let docs: HashMap<&str, (BTreeSet<String>, Vec<String>)> =
        DOCUMENTS.iter().map(|d| (*d, read(d))).collect();
    let mut broken = Vec::new();
    let mut checked = 0;
    for document in DOCUMENTS {
        for link in &docs[document].1 {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (file, anchor) = link.split_once('#').unwrap_or((link, ""));
            let target = if file.is_empty() { document } else { file };
            if !Path::new(target).exists() {
                broken.push(format!("{document}: {link}: no file {target}"));
                continue;
            }
            if anchor.is_empty() {
                continue;
            }
            let anchors = match docs.get(target) {
                Some((anchors, _)) => anchors.clone(),
                None if target.ends_with(".md") => read(target).0,
                None => {
                    broken.push(format!(
                        "{document}: {link}: an anchor in a non-Markdown file"
                    ));
                    continue;
                }
            };
            if !anchors.contains(anchor) {
                broken.push(format!(
                    "{document}: {link}: no heading has anchor #{anchor}"
                ));
            }
        }
    }
    assert!(checked > 20, "only {checked} links checked");
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn anchors_are_computed_as_github_does() {
    let mut seen = HashMap::new();
    let mut anchor = |t: &str| slug(t, &mut seen);
    assert_eq!(anchor("obserr explain CODE..."), "obserr-explain-code");
    assert_eq!(
        anchor("obserr list [--status S] [--source ID]"),
        "obserr-list---status-s---source-id"
    );
    assert_eq!(
        anchor("Tables, width and locale"),
        "tables-width-and-locale"
    );
    assert_eq!(anchor("Memory, and --no-mmap"), "memory-and---no-mmap");
    assert_eq!(anchor("scan"), "scan");
    assert_eq!(anchor("scan"), "scan-1");
    assert_eq!(
        anchor("Reading pasted text (src/decode/)"),
        "reading-pasted-text-srcdecode"
    );
    // A heading's inline code counts as text.
    let (anchors, _) = read("GUIDE.md");
    assert!(anchors.contains("obserr-scan-path"), "{anchors:?}");
    assert!(!anchors.iter().any(|a| a.contains('`')));
}

/// The guide's table of contents names every command.
#[test]
fn the_guide_contents_name_every_command() {
    let text = std::fs::read_to_string("GUIDE.md").unwrap();
    let contents = text
        .lines()
        .find(|l| l.starts_with("- [Commands](#commands)"))
        .expect("the contents' first line");
    for command in ["explain", "list", "search", "decode", "scan", "sigcheck"] {
        assert!(
            contents.contains(&format!("[`{command}`](#obserr-{command}")),
            "{command} is not in the contents: {contents}"
        );
    }
}
