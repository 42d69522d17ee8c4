//! A closed pipe is success: `obserr list | head -1` must exit 0 with nothing on
//! stderr. The reading end is closed before obserr writes, so every write fails
//! with EPIPE, deterministically.

use std::io::Read;
use std::process::{Child, Command, Stdio};

const RESPONSE: &str = "tests/fixtures/decode/curl-v-http2.txt";

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_obserr"))
        .args(args)
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn obserr")
}

fn run_with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let mut child = spawn(args);
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait for obserr");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_command_treats_a_closed_pipe_as_success() {
    let cases: &[&[&str]] = &[
        &["list"],
        &["--json", "list"],
        &["explain", "NoSuchKey", "AccessDenied", "403"],
        &["--json", "explain", "NoSuchKey"],
        &["search", "bucket"],
        &["--json", "search", "bucket"],
        &["--help"],
        &["list", "--help"],
        &["--version"],
        &["decode", RESPONSE],
        &["--json", "decode", RESPONSE, RESPONSE],
        &["--color", "always", "decode", RESPONSE],
        &["completions", "zsh"],
        &["man"],
    ];
    for args in cases {
        let (code, stderr) = run_with_closed_stdout(args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// `| head -c 1`: the reader takes one byte, then goes away mid-output.
#[test]
fn a_reader_that_leaves_after_one_byte_is_success() {
    let cases: &[&[&str]] = &[
        &["list"],
        &["--json", "list"],
        &["--color", "always", "list", "--no-pager"],
        &["explain", "403", "404", "500"],
        &["search", "bucket", "-n", "100"],
        &["decode", RESPONSE, RESPONSE, RESPONSE],
        &["completions", "bash"],
        &["man"],
        &["--help"],
    ];
    for args in cases {
        let mut child = spawn(args);
        let mut stdout = child.stdout.take().unwrap();
        let mut byte = [0u8; 1];
        stdout.read_exact(&mut byte).expect("one byte of output");
        drop(stdout);
        let out = child.wait_with_output().expect("wait for obserr");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(matches!(out.status.code(), Some(0)), "{args:?}: {out:?}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn a_closed_pipe_keeps_the_not_found_status() {
    let (code, stderr) = run_with_closed_stdout(&["explain", "NoSuchKy"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("obserr: error: unknown error code 'NoSuchKy'"),
        "{stderr}"
    );
}
