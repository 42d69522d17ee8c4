//! Links to directories inside a scanned folder: skipped by default, as rg
//! skips them, followed with `-L`, where a link back to a directory above it
//! (a loop) is skipped too. Neither is an error. Built in a temporary
//! directory: a loop inside the repository would trouble every tool that
//! walks it (cargo warns on each build).

#![cfg(unix)]

use std::process::Command;

const LINE: &str = "o bkt [26/Nov/2026:08:00:02 +0000] 10.0.0.1 u1 R1 REST.GET.OBJECT a/1 \"GET /bkt/a/1 HTTP/1.1\" 404 NoSuchKey 1 - 1 1 \"-\" \"ua\" -\n";

fn scan(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_obserr"))
        .arg("scan")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn links_to_directories_and_loops_are_never_errors() {
    let root = std::env::temp_dir().join(format!("obserr-links-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let logs = root.join("logs");
    let elsewhere = root.join("elsewhere");
    std::fs::create_dir_all(logs.join("day1")).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(logs.join("day1/a.log"), LINE).unwrap();
    std::fs::write(elsewhere.join("b.log"), LINE).unwrap();
    std::os::unix::fs::symlink(&elsewhere, logs.join("linked")).unwrap();
    std::os::unix::fs::symlink(&logs, logs.join("day1/loop")).unwrap();
    let dir = logs.to_str().unwrap();

    let (code, out, err) = scan(&[dir]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("1 request, 1 error"),
        "links skipped: {out}"
    );
    assert!(!err.contains("directory"), "{err}");

    let (code, out, err) = scan(&["-L", dir]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("2 requests, 2 errors") && out.contains("(2 inputs)"),
        "the link followed, the loop skipped: {out}"
    );
    std::fs::remove_dir_all(&root).unwrap();
}
