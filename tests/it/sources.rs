//! The catalogue against the documentation it comes from: every (code, status)
//! row of each error table in `tests/upstream` (vendored copies of the
//! documentation, see its README) is catalogued with that
//! source and status, every source an entry claims lists the code, and the
//! number of codes per source is pinned, so an edit cannot silently drop one.

use obserr::internals::CauseSourceKind;
use obserr::Entry;
use obserr::Kind;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Each source id with its table's file (under `tests/upstream`), its rows
/// and its distinct codes.
const TABLES: &[(&str, &str, usize, usize)] = &[
    (
        "obs_21_2002",
        "obs_21_2002_server-side_error_codes.rst",
        80,
        80,
    ),
    ("api-ref", "api-ref_error_codes.rst", 96, 95),
    ("s3api", "s3api_error_codes.rst", 111, 110),
    ("swiftapi", "swiftapi_error_codes.rst", 16, 16),
    (
        "api-ref-put-inventory",
        "per-api/api-ref_advanced_bucket_settings_configuring_bucket_inventories.rst",
        4,
        4,
    ),
    (
        "api-ref-get-inventory",
        "per-api/api-ref_advanced_bucket_settings_obtaining_a_specific_inventory_of_a_bucket.rst",
        1,
        1,
    ),
    (
        "api-ref-get-encryption",
        "per-api/api-ref_advanced_bucket_settings_obtaining_bucket_encryption_configuration.rst",
        1,
        1,
    ),
    (
        "api-ref-get-replication",
        "per-api/api-ref_advanced_bucket_settings_obtaining_the_cross-region_replication_configuration_of_a_bucket.rst",
        1,
        1,
    ),
    (
        "api-ref-put-object-tags",
        "per-api/api-ref_operations_on_objects_adding_object_tags.rst",
        6,
        6,
    ),
    (
        "api-ref-put-object-worm",
        "per-api/api-ref_operations_on_objects_configuring_worm_retention_for_an_object.rst",
        4,
        3,
    ),
    (
        "api-ref-options-bucket",
        "per-api/api-ref_static_website_hosting_options_bucket.rst",
        3,
        2,
    ),
    (
        "api-ref-options-object",
        "per-api/api-ref_static_website_hosting_options_object.rst",
        3,
        2,
    ),
    (
        "s3api-get-encryption",
        "per-api/s3api_operations_on_buckets_get_bucket_encryption.rst",
        1,
        1,
    ),
    (
        "s3api-get-replication",
        "per-api/s3api_operations_on_buckets_get_bucket_replication.rst",
        1,
        1,
    ),
    (
        "s3api-put-bucket-tagging",
        "per-api/s3api_operations_on_buckets_put_bucket_tagging.rst",
        2,
        2,
    ),
    (
        "s3api-put-object-worm",
        "per-api/s3api_operations_on_objects_configuring_worm_retention_for_an_object.rst",
        4,
        3,
    ),
];

/// Codes in the union of the server tables above.
const TOTAL: usize = 142;

/// Each tool's source id, the word that names it on the command line, its
/// list's file and its number of codes.
const TOOLS: [(&str, &str, &str, usize); 3] = [
    ("obsutil", "obsutil", "obsutil_return_codes.rst", 11),
    ("console", "console", "umn_console_error_codes.rst", 23),
    ("browser", "browser", "umn_browser_error_codes.rst", 36),
];

/// Entries per source, for the sources whose pages cannot be vendored (a
/// licence that allows facts only, or an SDK's code): pinned here, with the
/// vendored tables' above, so that an edit cannot silently drop one.
const UNVENDORED: [(&str, usize); 12] = [
    ("oef-api", 42),
    ("append-object", 3),
    ("errorcode-0017", 1),
    ("errorcode-0018", 1),
    ("errorcode-0029", 1),
    ("obsa", 1),
    ("c-sdk-server", 11),
    ("java-sdk", 2),
    ("dotnet-sdk", 3),
    ("dotnet-sdk-status", 6),
    ("nodejs-sdk", 12),
    ("c-sdk", 57),
];

/// Entries per kind.
const KINDS: [(Kind, usize); 4] = [
    (Kind::Server, 202),
    (Kind::Client, 67),
    (Kind::Tool, 70),
    (Kind::SdkStatus, 6),
];

/// The vendored upstream pages: part of the repository, so the tests need
/// nothing beside the clone.
fn sources_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/upstream")
}

/// One row of an error table: the code as the cell spells it (lines joined
/// without spaces) and the status, `None` for "N/A".
#[derive(Debug)]
struct Row {
    code: String,
    status: Option<u16>,
}

/// Reads the RST grid table whose header names "Error Code": column bounds come
/// from its top border, rows end at each `+---` or `+===` line.
fn error_table(text: &str) -> Vec<Row> {
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.trim().chars().collect()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with(&['+', '-']) {
            i += 1;
            continue;
        }
        let bounds: Vec<usize> = (0..lines[i].len())
            .filter(|&c| lines[i][c] == '+')
            .collect();
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut cells: Vec<Vec<String>> = vec![Vec::new(); bounds.len() - 1];
        i += 1;
        while i < lines.len() && matches!(lines[i].first(), Some('|' | '+')) {
            let line = &lines[i];
            if line[0] == '+' {
                rows.push(cells.iter().map(|c| c.join("\n")).collect());
                cells = vec![Vec::new(); bounds.len() - 1];
            } else {
                for (n, w) in bounds.windows(2).enumerate() {
                    let end = w[1].min(line.len());
                    let cell: String = line[(w[0] + 1).min(end)..end].iter().collect();
                    if !cell.trim().is_empty() {
                        cells[n].push(cell.trim().to_string());
                    }
                }
            }
            i += 1;
        }
        let Some(header) = rows.first() else { continue };
        let Some(code) = header
            .iter()
            .position(|h| h == "Error Code" || h == "Return Code")
        else {
            continue;
        };
        // The tools' lists have no status column.
        let status = header
            .iter()
            .position(|h| h.contains("Status Code") || h.contains("Response Code"));
        for r in &rows[1..] {
            let status = status.map(|n| r[n].as_str()).filter(|s| *s != "N/A");
            out.push(Row {
                code: r[code].replace('\n', ""),
                status: status.map(|s| s[..3].parse().expect("a status")),
            });
        }
    }
    out
}

fn rows_of(file: &str) -> Vec<Row> {
    let path = sources_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    error_table(&text)
}

/// A cell's code as the catalogue knows it: the documentation sometimes breaks
/// a long code inside the cell (`MaxMessageLength Exceeded`).
fn catalogued(code: &str) -> &'static Entry {
    obserr::lookup(code)
        .or_else(|| obserr::lookup(&code.replace(' ', "")))
        .unwrap_or_else(|| panic!("{code}: documented but not catalogued"))
}

#[test]
fn every_documented_row_is_catalogued_with_its_source_and_status() {
    for &(id, file, _, _) in TABLES {
        for row in rows_of(file) {
            let e = catalogued(&row.code);
            assert!(
                e.documented_in(id),
                "{}: not marked as documented in {id}",
                e.code
            );
            let has_status = match row.status {
                Some(st) => e.documents_status(st),
                None => e.documented.iter().any(|d| d.status.is_none()),
            };
            assert!(has_status, "{}: {id} documents {:?}", e.code, row.status);
        }
    }
}

#[test]
fn every_source_an_entry_claims_documents_it() {
    let tables: Vec<(&str, BTreeSet<String>)> = TABLES
        .iter()
        .map(|&(id, file, _, _)| {
            let codes = rows_of(file)
                .iter()
                .map(|r| catalogued(&r.code).code.to_string())
                .collect();
            (id, codes)
        })
        .collect();
    for e in obserr::entries() {
        for s in e.sources {
            // Tools and unvendored sources are checked by their own tests.
            if let Some((_, codes)) = tables.iter().find(|(id, _)| *id == s.id) {
                assert!(codes.contains(e.code), "{}: not in {}", e.code, s.id);
            }
        }
    }
}

#[test]
fn codes_per_source_are_pinned() {
    let mut union = BTreeSet::new();
    for &(id, file, rows, codes) in TABLES {
        let table = rows_of(file);
        let distinct: BTreeSet<&str> = table.iter().map(|r| catalogued(&r.code).code).collect();
        let listed = obserr::entries()
            .iter()
            .filter(|e| e.documented_in(id))
            .count();
        println!("{id}: {} rows, {} codes", table.len(), distinct.len());
        assert_eq!((table.len(), distinct.len()), (rows, codes), "{id}");
        assert_eq!(listed, codes, "{id}: catalogue entries that list it");
        union.extend(distinct);
    }
    assert_eq!(union.len(), TOTAL);
    let from_tables = obserr::entries()
        .iter()
        .filter(|e| TABLES.iter().any(|(id, ..)| e.documented_in(id)))
        .count();
    assert_eq!(from_tables, TOTAL);
}

#[test]
fn every_tool_code_is_catalogued_with_its_tool() {
    for (id, word, file, count) in TOOLS {
        let rows = rows_of(file);
        assert_eq!(rows.len(), count, "{id}");
        for row in &rows {
            let e = obserr::internals::lookup_tool(word, &row.code)
                .unwrap_or_else(|| panic!("{word} {}: documented but not catalogued", row.code));
            assert_eq!(e.kind, Kind::Tool, "{}", e.code);
            assert_eq!(e.sources.len(), 1, "{}", e.code);
            assert_eq!(e.sources[0].id, id, "{}", e.code);
        }
        let listed = obserr::entries()
            .iter()
            .filter(|e| e.documented_in(id))
            .count();
        assert_eq!(listed, count, "{id}: catalogue entries that list it");
    }
}

#[test]
fn unvendored_sources_and_kinds_are_pinned() {
    for (id, count) in UNVENDORED {
        let listed = obserr::entries()
            .iter()
            .filter(|e| e.documented_in(id))
            .count();
        println!("{id}: {listed} codes");
        assert_eq!(listed, count, "{id}");
    }
    let known: Vec<&str> = TABLES
        .iter()
        .map(|(id, ..)| *id)
        .chain(TOOLS.iter().map(|(id, ..)| *id))
        .chain(UNVENDORED.iter().map(|(id, _)| *id))
        .collect();
    for s in obserr::internals::sources() {
        assert!(known.contains(&s.id), "{}: its count is not pinned", s.id);
    }
    for (kind, count) in KINDS {
        let n = obserr::entries().iter().filter(|e| e.kind == kind).count();
        println!("{}: {n} codes", kind.name());
        assert_eq!(n, count, "{}", kind.name());
    }
    let all: usize = KINDS.iter().map(|(_, n)| n).sum();
    assert_eq!(obserr::entries().len(), all);
}

#[test]
fn the_parser_joins_wrapped_codes_and_reads_na() {
    let text = "\
+-------------+-------+------------------+
| Error Code  | Desc  | HTTP Status Code |
+=============+=======+==================+
| KeyToo      | x     | 400 Bad Request  |
| Long        |       |                  |
+-------------+-------+------------------+
| Other       | y     | N/A              |
+-------------+-------+------------------+
";
    let rows = error_table(text);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].code.as_str(), rows[0].status),
        ("KeyTooLong", Some(400))
    );
    assert_eq!((rows[1].code.as_str(), rows[1].status), ("Other", None));
}

#[test]
fn every_vendored_page_says_where_it_came_from() {
    let dir = sources_dir();
    let readme = std::fs::read_to_string(dir.join("README.md")).expect("tests/upstream/README.md");
    assert!(dir.join("LICENSE-docs").is_file(), "the pages' licence");
    let mut pages = Vec::new();
    for sub in [dir.clone(), dir.join("per-api")] {
        for f in std::fs::read_dir(&sub).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_some_and(|e| e == "rst") {
                pages.push(
                    path.strip_prefix(&dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    assert!(pages.len() >= 7, "{pages:?}");
    for page in pages {
        assert!(
            readme.contains(&format!("| `{page}` |")),
            "{page}: not in the README"
        );
        let text = std::fs::read_to_string(dir.join(&page)).unwrap();
        assert!(
            text.contains(":original_name:"),
            "{page}: no :original_name:"
        );
    }
}

/// The codes known only from Huawei Cloud's per-code pages: their status, their
/// page and whether the text is the page's (in our words) or inferred.
#[test]
fn huawei_cloud_per_code_pages_give_status_and_source() {
    for (code, status, source, inferred, causes) in [
        ("UserRestricted", 403, "errorcode-0017", false, 2),
        ("SymlinkTargetNotExist", 404, "errorcode-0029", false, 2),
        ("NoSuchBucketAlias", 404, "errorcode-0018", true, 0),
    ] {
        let e = obserr::lookup(code).unwrap_or_else(|| panic!("{code}: not catalogued"));
        assert_eq!(e.kind, Kind::Server, "{code}");
        assert_eq!(e.status(), Some(status), "{code}");
        assert!(!e.retryable, "{code}");
        assert_eq!(e.sources.len(), 1, "{code}");
        assert_eq!(e.sources[0].id, source, "{code}");
        assert!(
            e.sources[0].own_words,
            "{code}: the pages' licence is unknown, so our words"
        );
        assert!(
            e.sources[0]
                .url
                .starts_with("https://support.huaweicloud.com/"),
            "{code}"
        );
        assert_eq!(e.solution_inferred(), inferred, "{code}");
        assert_eq!(e.causes.len(), causes, "{code}");
    }
    // The page of NoSuchBucketAlias was not read: its text says so.
    let alias = obserr::lookup("NoSuchBucketAlias").unwrap();
    assert!(alias.message().contains("inferred"), "{}", alias.message());
}

/// Pages a cause may cite although they cannot be vendored: their licence
/// allows facts only (`own_words`), so the catalogue states those facts in
/// its own words and the page stays where it is published.
const CITED_UNVENDORED: [&str; 2] = ["errorcode-0017", "errorcode-0029"];

/// Causes that rest on experience alone (no OBS page states them): few, and
/// pinned so that a new one is a decision.
const EXPERIENCE: usize = 9;

/// The vendored file of a page a cause cites: an error table or tool list
/// above, or a page of `data/pages.json`.
fn vendored_file(id: &str) -> Option<String> {
    let pages: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/pages.json"))
            .expect("data/pages.json"),
    )
    .expect("pages.json is JSON");
    TABLES
        .iter()
        .find(|t| t.0 == id)
        .map(|t| t.1.to_string())
        .or_else(|| TOOLS.iter().find(|t| t.0 == id).map(|t| t.2.to_string()))
        .or_else(|| {
            pages
                .iter()
                .find(|p| p["id"] == id)
                .map(|p| p["file"].as_str().expect("a file").to_string())
        })
}

/// Every cause cites a vendored page (and the words it cites are on it), an
/// SDK file at a pinned commit, or experience.
#[test]
fn every_cause_cites_a_vendored_page_or_a_pinned_sdk_file() {
    let mut experience = 0;
    let mut cited = 0;
    for e in obserr::entries() {
        for c in e.causes {
            let src = &c.source;
            let what = format!("{}: {:?}", e.code, c.cause);
            match src.kind {
                CauseSourceKind::Doc | CauseSourceKind::Faq => {
                    let id = src.page.expect("a page");
                    if CITED_UNVENDORED.contains(&id) {
                        let s = obserr::internals::sources()
                            .iter()
                            .find(|s| s.id == id)
                            .unwrap();
                        assert!(s.own_words, "{what}: {id} could be vendored");
                        continue;
                    }
                    let file =
                        vendored_file(id).unwrap_or_else(|| panic!("{what}: {id} is not vendored"));
                    let text = std::fs::read_to_string(sources_dir().join(&file))
                        .unwrap_or_else(|e| panic!("{what}: {file}: {e}"));
                    if let Some(at) = src.at {
                        let words = at
                            .strip_prefix("row ")
                            .or_else(|| at.strip_prefix("section "))
                            .unwrap_or(at);
                        assert!(text.contains(words), "{what}: {file} has no {words:?}");
                    }
                    cited += 1;
                }
                CauseSourceKind::Sdk => {
                    let url = src.url.expect("an address");
                    let rest = url
                        .strip_prefix("https://github.com/huaweicloud/")
                        .unwrap_or_else(|| panic!("{what}: {url} is no official SDK's"));
                    let commit = rest.split('/').nth(2).unwrap_or("");
                    assert!(
                        rest.split('/').nth(1) == Some("blob")
                            && commit.len() == 40
                            && commit.bytes().all(|b| b.is_ascii_hexdigit()),
                        "{what}: {url} is not at a pinned commit"
                    );
                    assert!(url.contains("#L"), "{what}: {url} names no line");
                    cited += 1;
                }
                CauseSourceKind::Experience => {
                    assert!(src.page.is_none() && src.url.is_none(), "{what}");
                    experience += 1;
                }
            }
        }
    }
    println!("{cited} causes cite a page or file, {experience} rest on experience");
    assert_eq!(experience, EXPERIENCE, "causes resting on experience");
    assert!(cited > 4 * experience, "experience must stay the exception");
}
