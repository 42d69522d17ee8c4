//! Arguments are untrusted too: whatever control characters they carry, obserr
//! never writes them raw, with colour on or off. obserr's own colour sequences
//! (SGR: ESC [ digits ; m) are the only escapes allowed in the output.

use crate::common;

use common::{assert_clean, assert_clean_list};
use std::process::Command;

const NASTY: &[&str] = &[
    "No\x1b[2JSuchKey",
    "\x1b]0;pwned\x07",
    "\u{9b}31mRed",
    "Access\x7fDenied\r\n",
    "x\u{202e}gnp.exe",
    "\x01\x02\x08\x1b[6n",
];

#[test]
fn control_characters_in_arguments_never_reach_the_output_raw() {
    for color in ["never", "always"] {
        for nasty in NASTY {
            for args in [
                vec!["explain", nasty],
                vec!["explain", "NoSuchKey", nasty],
                vec!["search", nasty],
                vec!["list", "--status", nasty],
                vec!["--json", "explain", nasty],
            ] {
                let out = Command::new(env!("CARGO_BIN_EXE_obserr"))
                    .arg("--color")
                    .arg(color)
                    .args(&args)
                    .output()
                    .expect("run obserr");
                let what = format!("--color {color} {args:?}");
                assert!(matches!(out.status.code(), Some(0..=2)), "{what}");
                // Piped lists are tab-separated: obserr's own separators.
                assert_clean_list(&what, &out.stdout);
                assert_clean(&what, &out.stderr);
            }
        }
    }
}

#[test]
fn the_echoed_argument_shows_its_escapes() {
    let out = Command::new(env!("CARGO_BIN_EXE_obserr"))
        .args(["explain", "No\x1b[2JSuchKey"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(r"unknown error code 'No\x1b[2JSuchKey'"),
        "{stderr}"
    );
}

/// A pasted page as an argument (100 KB, under Linux's 128 KiB per argument):
/// answered, not echoed whole, and without comparing all of it to every code.
#[test]
fn a_huge_argument_is_answered_and_not_echoed_whole() {
    let page: String = (0..10_000).map(|i| format!("w{i}xq ")).collect();
    for command in ["explain", "search"] {
        let out = Command::new(env!("CARGO_BIN_EXE_obserr"))
            .args([command, &page])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{command}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.len() < 300,
            "{command}: {} bytes echoed",
            stderr.len()
        );
    }
    let out = Command::new(env!("CARGO_BIN_EXE_obserr"))
        .args(["explain", &page])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("obserr: error: unknown error code 'w0xq"),
        "{stderr}"
    );
    assert!(stderr.contains("'…\n"), "marked as cut: {stderr}");
}

/// What `explain` reads from standard input is bounded: a stray file piped in
/// ends at once with exit status 2, and its control characters never reach
/// the output raw.
#[test]
fn explain_on_standard_input_is_bounded_and_clean() {
    use std::io::Write;
    use std::process::Stdio;
    let run = |input: Vec<u8>| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_obserr"))
            .args(["--color", "always", "explain"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // The reader may stop early: a closed pipe is fine.
        let _ = stdin.write_all(&input);
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    let many: Vec<u8> = (0..1001)
        .flat_map(|n| format!("Code{n}\n").into_bytes())
        .collect();
    let out = run(many);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("holds 1001 lines"), "{stderr}");
    assert!(out.stdout.is_empty());

    let nasty: Vec<u8> = NASTY.join("\n").into_bytes();
    let out = run(nasty);
    assert!(matches!(out.status.code(), Some(0..=2)));
    assert_clean("explain < NASTY", &out.stdout);
    assert_clean("explain < NASTY", &out.stderr);

    let out = run(vec![0xff, 0xfe, b'\n', b' ', b'\n']);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}
