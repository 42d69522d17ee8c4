//! Properties of `explain` and `search` on any string: no panic, an exit status
//! of 0, 1 or 2, JSON that always parses, and no raw control character from
//! the input in any output. In-process through the library for many cases,
//! then through the real binary for fewer (each starts a process).

use crate::common;

use common::{assert_clean, assert_clean_list};
use obserr::internals::resolve;
use obserr::internals::Resolved;
use obserr::internals::{write_json, EntryJson, HitJson, StatusJson, UnknownJson};
use obserr::search;
use obserr::StatusFilter;
use obserr::{Human, Message, Style};
use proptest::prelude::*;
use std::process::Command;

/// Strings people and fuzzers throw at obserr: codes with typos, pasted log
/// forms, statuses, escapes, wide and combining characters, or anything.
fn input() -> impl Strategy<Value = String> {
    let codes: Vec<&'static str> = obserr::entries().iter().map(|e| e.code).collect();
    prop_oneof![
        any::<String>(),
        proptest::sample::select(codes.clone()).prop_map(str::to_string),
        (proptest::sample::select(codes), any::<String>(), 0usize..40).prop_map(
            |(code, noise, at)| {
                let mut s = code.to_string();
                let at = (0..=at.min(s.len()))
                    .rev()
                    .find(|&i| s.is_char_boundary(i))
                    .unwrap_or(0);
                s.insert_str(at, &noise);
                s
            }
        ),
        "[a-zA-Z ]{0,40}",
        "(error code \\[|x-obs-error-code: |status \\[)[A-Za-z]{0,20}\\]?",
        "[0-9x]{1,4}",
        "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}a-z]{0,20}",
    ]
}

fn style(color: bool) -> Style {
    Style {
        color,
        width: Some(80),
        ..Style::default()
    }
}

fn json_of(value: &impl serde::Serialize) -> serde_json::Value {
    let mut out = Vec::new();
    write_json(&mut out, value).unwrap();
    assert_clean("json", &out);
    serde_json::from_slice(&out).expect("JSON output parses")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn explain_renders_any_string_safely(arg in input()) {
        for color in [false, true] {
            let mut out = Vec::new();
            match resolve(&arg) {
                Resolved::Code(e) => {
                    Human::new(&style(color)).entry(&mut out, e).unwrap();
                    let v = json_of(&EntryJson::from(e));
                    prop_assert_eq!(v["code"].as_str(), Some(e.bare_code()));
                    prop_assert_eq!(v["tool"].as_str(), e.tool());
                }
                Resolved::Shared(entries) => {
                    prop_assert!(entries.len() >= 2);
                    for e in entries {
                        Human::new(&style(color)).entry(&mut out, e).unwrap();
                        let v = json_of(&EntryJson::from(e));
                        prop_assert_eq!(v["shared_code"].as_str(), e.shared_code);
                    }
                }
                Resolved::Status(status) => {
                    let codes: Vec<_> = obserr::internals::by_status(StatusFilter::Exact(status)).collect();
                    let info = obserr::internals::status_info(status);
                    Human::new(&style(color)).status(&mut out, status, info, &codes).unwrap();
                    let v = json_of(&StatusJson::new(status, info, &codes));
                    prop_assert_eq!(v["status"].as_u64(), Some(u64::from(status)));
                }
                Resolved::Class(filter) => {
                    let codes: Vec<_> = obserr::internals::by_status(filter).collect();
                    Human::new(&style(color)).list(&mut out, &codes).unwrap();
                }
                Resolved::Unknown { token, suggestions } => {
                    prop_assert!(suggestions.len() <= 3);
                    let v = json_of(&UnknownJson::new(&arg, &suggestions));
                    Message::UnknownCode { token, suggestions }.write(&mut out).unwrap();
                    prop_assert_eq!(v["input"].as_str(), Some(arg.as_str()));
                }
            }
            assert_clean(&format!("explain {arg:?}"), &out);
        }
    }

    #[test]
    fn search_renders_any_string_safely(query in input(), limit in 0usize..20) {
        let hits = search(&query, limit);
        prop_assert!(hits.len() <= limit);
        prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "best first");
        for color in [false, true] {
            let mut out = Vec::new();
            Human::new(&style(color)).hits(&mut out, &hits).unwrap();
            assert_clean(&format!("search {query:?}"), &out);
        }
        let rows: Vec<HitJson> = hits.iter().map(HitJson::from).collect();
        let v = json_of(&rows);
        prop_assert_eq!(v.as_array().map(Vec::len), Some(hits.len()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_cli_answers_any_argument_with_0_1_or_2(
        arg in input().prop_filter("no NUL in argv", |s| !s.contains('\0')),
        command in proptest::sample::select(vec!["explain", "search"]),
        color in proptest::sample::select(vec!["never", "always"]),
        as_json in any::<bool>(),
    ) {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_obserr"));
        cmd.env_clear().args(["--color", color]);
        if as_json {
            cmd.arg("--json");
        }
        // `--` so that an argument starting with '-' is an argument, not a flag.
        let out = cmd.args([command, "--", &arg]).output().unwrap();
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0..=2)), "{code:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(!stderr.contains("panicked"), "{stderr}");
        let what = format!("{command} {arg:?}");
        assert_clean_list(&what, &out.stdout);
        assert_clean(&what, &out.stderr);
        if as_json && !out.stdout.is_empty() {
            let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&out.stdout);
            prop_assert!(parsed.is_ok(), "{what}: {}", String::from_utf8_lossy(&out.stdout));
        }
        if code == Some(0) {
            prop_assert!(!out.stdout.is_empty(), "{what}: found, but printed nothing");
        }
    }
}
