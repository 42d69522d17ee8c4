//! The secret key never shows: every mutation capture is checked with its key
//! (from the environment and from a key file, human and `--json` output) and
//! the key's bytes appear neither in stdout nor in stderr, error paths
//! included; a key given as an option is refused and not echoed.

use std::path::PathBuf;
use std::process::{Command, Output};

fn obserr() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_obserr"));
    c.env_remove("OBS_SECRET_ACCESS_KEY")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null());
    c
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("obserr-sigcheck-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The key's core (without the stray white space some fixtures add) is
/// nowhere in what obserr wrote.
fn assert_hidden(key: &str, out: &Output, what: &str) {
    let core = key.trim();
    assert!(
        core.len() >= 16,
        "{what}: the key is long enough to look for"
    );
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains(core),
            "{what}: the key is in {stream}:\n{text}"
        );
        // Not even a long piece of it.
        for piece in core.as_bytes().windows(12) {
            let piece = std::str::from_utf8(piece).unwrap_or("");
            assert!(
                piece.is_empty() || !text.contains(piece),
                "{what}: part of the key is in {stream}"
            );
        }
    }
}

#[derive(serde::Deserialize)]
struct Case {
    cause: String,
    key: String,
    capture: String,
}

#[test]
fn no_fixture_ever_shows_its_key() {
    let text = include_str!("../fixtures/sigcheck/mutations.jsonl");
    let capture = scratch("capture.txt");
    let key_file = scratch("key");
    for (i, line) in text.lines().enumerate() {
        let case: Case = serde_json::from_str(line).unwrap();
        std::fs::write(&capture, &case.capture).unwrap();
        std::fs::write(&key_file, &case.key).unwrap();
        for json in [false, true] {
            let mut env = obserr();
            env.arg("sigcheck")
                .arg(&capture)
                .env("OBS_SECRET_ACCESS_KEY", &case.key);
            let mut file = obserr();
            file.arg("sigcheck")
                .arg("--secret-key-file")
                .arg(&key_file)
                .arg(&capture);
            for (how, mut cmd) in [("env", env), ("file", file)] {
                if json {
                    cmd.arg("--json");
                }
                let out = cmd.output().unwrap();
                let what = format!("case {i} ({}), key from {how}, json {json}", case.cause);
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "{what}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                assert_hidden(&case.key, &out, &what);
            }
        }
        // Error paths with the key set: an unreadable input, no signature error.
        let missing = scratch("missing.txt");
        let out = obserr()
            .args(["sigcheck"])
            .arg(&missing)
            .env("OBS_SECRET_ACCESS_KEY", &case.key)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_hidden(&case.key, &out, "unreadable input");
        let plain = scratch("plain.txt");
        std::fs::write(&plain, "<Error><Code>NoSuchKey</Code></Error>").unwrap();
        let out = obserr()
            .arg("sigcheck")
            .arg(&plain)
            .arg("--json")
            .env("AWS_SECRET_ACCESS_KEY", &case.key)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_hidden(&case.key, &out, "not a signature error");
    }
}

#[test]
fn a_key_given_as_an_option_is_refused_and_not_echoed() {
    let key = "Zx9kQ2mW7rT4yU1iO3pA5sD6fG8hJ0kL2zX4cV6b";
    for args in [
        vec![
            "sigcheck".to_string(),
            "--secret-key".into(),
            key.into(),
            "x.txt".into(),
        ],
        vec!["sigcheck".to_string(), format!("--secret-key={key}")],
        vec!["sigcheck".to_string(), "--sk".into(), key.into()],
        vec![
            "sigcheck".to_string(),
            format!("--secret-access-key={key}"),
            "--json".into(),
        ],
    ] {
        let out = obserr().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("never taken as an argument"), "{stderr}");
        assert_hidden(key, &out, &format!("{args:?}"));
    }
}

#[test]
fn a_key_typed_where_a_file_goes_is_not_echoed() {
    let key = "Zx9kQ2mW7rT4yU1iO3pA5sD6fG8hJ0kL2zX4cV6b";
    let out = obserr().args(["sigcheck", key]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("looks like a secret key"), "{stderr}");
    assert_hidden(key, &out, "key as FILE");
    // The same for --secret-key-file KEY.
    let capture = scratch("capture-for-keyfile.txt");
    std::fs::write(&capture, "<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\n\n/b/k</StringToSign></Error>").unwrap();
    let out = obserr()
        .args(["sigcheck", "--secret-key-file", key])
        .arg(&capture)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the secret key"));
    assert_hidden(key, &out, "key as KEYFILE");
    // An ordinary missing file is named, as decode names it.
    let out = obserr()
        .args(["sigcheck", "no-such-capture.txt"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-capture.txt"));
}
