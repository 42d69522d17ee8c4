//! `obserr scan --follow`, as a user runs it: the binary follows a file
//! while the test appends to it, rotates it and truncates it; each new error
//! must come out on the pipe within a second, and SIGINT or SIGTERM must end
//! it with the summary and a scan's exit status.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const OK: &str = "o bkt [26/Nov/2026:08:00:01 +0000] 10.0.0.1 u1 R0 REST.GET.OBJECT a/0 \"GET /bkt/a/0 HTTP/1.1\" 200 - 1 - 1 1 \"-\" \"ua\" -\n";

fn error_line(id: &str, code: &str, status: u16) -> String {
    format!("o bkt [26/Nov/2026:08:00:02 +0000] 10.0.0.1 u1 {id} REST.GET.OBJECT a/{id} \"GET /bkt/a/{id} HTTP/1.1\" {status} {code} 1 - 1 1 \"-\" \"ua\" -\n")
}

/// Each test in its own directory.
fn dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("obserr-follow-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The binary following `path` (`-`: its standard input, piped), and its
/// stdout as lines arriving on a channel.
fn follow(path: &Path, args: &[&str]) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_obserr"))
        .arg("scan")
        .args(args)
        .arg("--follow")
        .arg(path)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    (child, rx)
}

/// The next line out, which must come within a second (two here: the
/// machine running the tests may be busy; obserr polls every 200 ms).
fn next(rx: &mpsc::Receiver<String>) -> String {
    rx.recv_timeout(Duration::from_millis(2000))
        .expect("a line within a second")
}

fn append(path: &Path, text: &str) {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

/// Sends `signal` and waits for the end: the exit status and the rest of
/// stdout.
fn stop(mut child: Child, rx: &mpsc::Receiver<String>, signal: i32) -> (i32, String) {
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) with the pid of a child this test spawned and has not
    // waited for yet.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let status = child.wait().unwrap();
    let mut rest = String::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_millis(500)) {
        rest.push_str(&line);
        rest.push('\n');
    }
    (
        status.code().expect("ended by itself, not by the signal"),
        rest,
    )
}

#[test]
fn appended_rotated_and_truncated_lines_are_shown_and_sigint_ends_with_the_summary() {
    let dir = dir("file");
    let path = dir.join("app.log");
    std::fs::write(&path, format!("{OK}{}", error_line("R1", "NoSuchKey", 404))).unwrap();
    let (child, rx) = follow(&path, &[]);
    // What was there at the start.
    assert!(next(&rx).contains("NoSuchKey 404"), "read to the end first");
    // Appended.
    append(&path, &error_line("R2", "AccessDenied", 403));
    let line = next(&rx);
    assert!(
        line.contains("AccessDenied 403") && line.contains("request_id=R2"),
        "{line}"
    );
    // Rotated: renamed away, a new file under the name.
    std::fs::rename(&path, dir.join("app.log.1")).unwrap();
    std::fs::write(&path, error_line("R3", "SlowDown", 503)).unwrap();
    assert!(next(&rx).contains("request_id=R3"), "the new file is read");
    // Truncated, then written again.
    std::fs::write(&path, "").unwrap();
    std::thread::sleep(Duration::from_millis(400));
    append(&path, &error_line("R4", "InternalError", 500));
    assert!(
        next(&rx).contains("request_id=R4"),
        "read again from the start"
    );
    let (code, rest) = stop(child, &rx, libc::SIGINT);
    assert_eq!(code, 0, "errors were seen: {rest}");
    assert!(rest.starts_with("5 requests, 4 errors"), "{rest}");
    assert!(rest.contains("Errors by code"), "{rest}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sigterm_without_errors_exits_1_and_json_is_one_object_a_line() {
    let dir = dir("json");
    let path = dir.join("app.log");
    std::fs::write(&path, OK).unwrap();
    let (child, rx) = follow(&path, &["--json"]);
    std::thread::sleep(Duration::from_millis(500));
    let (code, rest) = stop(child, &rx, libc::SIGTERM);
    assert_eq!(code, 1, "{rest}");
    let summary: serde_json::Value = serde_json::from_str(rest.trim_end()).unwrap();
    assert_eq!(summary["requests"], 1);

    std::fs::write(&path, OK).unwrap();
    let (child, rx) = follow(&path, &["--json"]);
    append(&path, &error_line("R9", "NoSuchKey", 404));
    let error: serde_json::Value = serde_json::from_str(&next(&rx)).unwrap();
    assert_eq!(error["code"], "NoSuchKey");
    assert_eq!(error["request_id"], "R9");
    let (code, _) = stop(child, &rx, libc::SIGINT);
    assert_eq!(code, 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn standard_input_that_stays_open_is_followed() {
    let (mut child, rx) = follow(Path::new("-"), &[]);
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(error_line("R5", "NoSuchKey", 404).as_bytes())
        .unwrap();
    stdin.flush().unwrap();
    assert!(
        next(&rx).contains("request_id=R5"),
        "shown while stdin is open"
    );
    stdin
        .write_all(error_line("R6", "AccessDenied", 403).as_bytes())
        .unwrap();
    stdin.flush().unwrap();
    assert!(next(&rx).contains("request_id=R6"));
    let (code, rest) = stop(child, &rx, libc::SIGINT);
    assert_eq!(code, 0);
    assert!(rest.starts_with("2 requests, 2 errors"), "{rest}");
}

/// On a terminal (a pseudo-terminal made by `script`), a summary is kept
/// on screen, redrawn, with a line saying what is followed; SIGINT (sent by
/// `timeout`) gives way to the final summary.
#[test]
fn on_a_terminal_the_summary_is_redrawn() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` (util-linux) to make a terminal");
        return;
    }
    let dir = dir("tty");
    let path = dir.join("app.log");
    std::fs::write(&path, format!("{OK}{}", error_line("R7", "NoSuchKey", 404))).unwrap();
    let line = format!(
        "stty cols 100 rows 30; timeout --preserve-status -s INT 1.5 '{}' scan --follow '{}'",
        env!("CARGO_BIN_EXE_obserr"),
        path.display()
    );
    let out = Command::new("timeout")
        .args(["30", "script", "-qec", &line, "/dev/null"])
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    assert_eq!(out.status.code(), Some(0), "{text}");
    let live = text
        .find("Following")
        .expect("the live summary's last line");
    assert!(
        text[..live].contains("\x1b[H\x1b[2J"),
        "drawn on a cleared screen: {text:?}"
    );
    assert!(text[..live].contains("NoSuchKey 404"), "{text:?}");
    let last = text.rfind("\x1b[H\x1b[2J").unwrap();
    let end = &text[last..];
    assert!(
        end.contains("2 requests, 1 error") && !end.contains("Following"),
        "the final summary replaces the live one: {end:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
