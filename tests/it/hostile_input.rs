//! `obserr decode` as a hostile peer would feed it, through the real binary:
//! terminal escapes in the body, the headers and the status line; an external
//! entity that must not be read; 256 MiB on standard input with the peak
//! memory measured; and the faults around reading (missing, a directory,
//! unreadable, empty).

use crate::common;

use common::{assert_clean, strip_sgr};
use rusty_fork::rusty_fork_test;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn obserr() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_obserr"));
    cmd.env_clear();
    cmd
}

/// Runs `obserr ARGS decode` with `input` on standard input.
fn decode(args: &[&str], input: &[u8]) -> Output {
    let mut child = obserr()
        .arg("decode")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn obserr");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for obserr");
    writer.join().unwrap();
    out
}

/// Escapes an attacker would try: clear screen, set title (OSC), CSI as one
/// C1 character, cursor report, DEL, a bidi override, raw CR.
const PAYLOADS: &[&str] = &[
    "\x1b[2J\x1b[H",
    "\x1b]0;pwned\x07",
    "\u{9b}31m",
    "\x1b[6n",
    "\x7f\x08",
    "\u{202e}exe.gpj",
    "fake\rline",
];

/// The same payload in every place of a response obserr shows.
fn poisoned_response(p: &str) -> String {
    format!(
        "HTTP/1.1 403 Forbid{p}den\r\n\
         x-obs-request-id: RID{p}\r\n\
         x-obs-id-2: HID{p}\r\n\
         x-reserved-indicator: IND{p}\r\n\
         Location: https://evil{p}.example/\r\n\
         Server: OBS{p}\r\n\
         \r\n\
         <?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>\
         <Message>Access {p} Denied</Message><Resource>/b/k{p}</Resource>\
         <BucketName>b{p}</BucketName><Other{n}>v{p}</Other{n}>\
         <StringToSign>GET\n{p}\n/b/k</StringToSign></Error>",
        n = 1,
    )
}

#[test]
fn escapes_in_body_headers_and_status_line_never_reach_the_output_raw() {
    for p in PAYLOADS {
        let input = poisoned_response(p);
        for args in [
            &["--color", "never"][..],
            &["--color", "always"][..],
            &["--color", "never", "--verbose"][..],
            &["--color", "always", "--verbose"][..],
            &["--json"][..],
        ] {
            let out = decode(args, input.as_bytes());
            let what = format!("{args:?} {p:?}");
            assert_eq!(out.status.code(), Some(0), "{what}: {out:?}");
            assert_clean(&what, &out.stdout);
            assert_clean(&what, &out.stderr);
            // The payload is shown, escaped, not dropped: support may need it.
            let text = strip_sgr(&String::from_utf8_lossy(&out.stdout));
            assert!(text.contains("RID"), "{what}: {text}");
            if args == ["--json"] {
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                let id = v[0]["request_id"].as_str().unwrap();
                assert_eq!(id, format!("RID{p}"), "JSON carries the value itself");
            }
        }
    }
}

#[test]
fn an_external_entity_is_never_read() {
    let input = "<?xml version=\"1.0\"?>\
        <!DOCTYPE Error [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\
        <!ENTITY remote SYSTEM \"http://127.0.0.1:9/x\">]>\
        <Error><Code>NoSuchKey</Code><Message>a&xxe;b&remote;c</Message>\
        <Key>&xxe;</Key></Error>";
    // The message is shown by --verbose (the short form shows the meaning).
    for args in [&["--verbose"][..], &["--json"][..]] {
        let out = decode(args, input.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains("root:"), "/etc/passwd was read: {text}");
        assert!(text.contains("a&xxe;b&remote;c"), "{text}");
    }
}

#[test]
fn a_million_nested_elements_and_an_entity_bomb_end_quickly_with_a_result() {
    let nested = format!("<Error><Code>SlowDown</Code>{}", "<a>".repeat(1_000_000));
    let out = decode(&[], nested.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("SlowDown"));

    let bomb = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">{}]>\
         <Error><Code>NoSuchKey</Code><Message>&lol9;</Message></Error>",
        (1..10)
            .map(|i| format!(
                "<!ENTITY lol{i} \"{}\">",
                format!("&lol{};", i - 1).repeat(10)
            ))
            .collect::<String>()
            .replace("&lol0;", "&lol;")
    );
    let out = decode(&["--json"], bomb.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["code"], "NoSuchKey");
    assert_eq!(v[0]["message"], "&lol9;", "entities are not expanded");
}

#[test]
fn invalid_utf8_and_random_bytes_are_read_without_panic() {
    let out = decode(
        &[],
        b"<Error><Code>NoSuch\xffKey</Code>\xc3\x28\xe2\x82</Error>",
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("NoSuch\u{fffd}Key"), "{text}");

    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let random: Vec<u8> = (0..4 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    for args in [&[][..], &["--json"][..], &["--color", "always"][..]] {
        let out = decode(args, &random);
        assert!(matches!(out.status.code(), Some(0..=2)), "{out:?}");
        assert_clean("random bytes", &out.stdout);
        assert_clean("random bytes", &out.stderr);
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

// Each measures a child's peak resident set with wait4. A child started from
// this process (posix_spawn shares the parent's memory until exec) is charged
// the parent's own peak, and in the one test binary the parent is every test
// at once; so each runs in a fresh copy of the test binary (rusty-fork), whose
// peak is this test's alone, as when it had its own binary.
rusty_fork_test! {
    /// 256 MiB piped in: exit 2 with a clear message, and the peak resident set
    /// (the child's own, from wait4) stays near the 8 MiB cap, not the input.
    #[cfg(target_os = "linux")]
    #[test]
    #[allow(clippy::zombie_processes)] // reaped by wait4, which also gives its rusage
    fn a_256_mib_pipe_is_refused_with_bounded_memory() {
        use std::os::unix::process::ExitStatusExt;

        let mut child = obserr()
            .arg("decode")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let chunk = vec![b'<'; 1024 * 1024];
            let mut written = 0usize;
            for _ in 0..256 {
                if stdin.write_all(&chunk).is_err() {
                    break;
                }
                written += chunk.len();
            }
            written
        });
        let mut stderr = child.stderr.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut stderr, &mut s).unwrap();
            s
        });
        let mut status = 0;
        // SAFETY: rusage is plain data; wait4 fills it for this child only.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let pid = child.id() as libc::pid_t;
        let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        assert_eq!(waited, pid);
        let status = std::process::ExitStatus::from_raw(status);
        let written = writer.join().unwrap();
        let stderr = reader.join().unwrap();

        assert_eq!(status.code(), Some(2), "{stderr}");
        assert_eq!(
            stderr,
            "obserr: error: standard input is larger than 8 MiB; no single error response is that big\n\
             hint: cut the failing response out of the log first, or pipe the whole log to `obserr scan`, which triages every error in it\n"
        );
        let peak_mib = usage.ru_maxrss as f64 / 1024.0; // ru_maxrss is in KiB on Linux
        eprintln!("peak resident set: {peak_mib:.1} MiB; the writer got {written} bytes in");
        assert!(peak_mib < 32.0, "peak {peak_mib:.1} MiB for an 8 MiB cap");
        assert!(written < 64 * 1024 * 1024, "obserr read {written} bytes");
    }

    /// The free-text readers at the 8 MiB cap, on their worst input (a labelled
    /// field on every line, with runs of invalid UTF-8 so the text is copied,
    /// escapes to undo so it is copied again): a result, and a peak resident set
    /// of a few copies of the input, not more.
    #[cfg(target_os = "linux")]
    #[test]
    #[allow(clippy::zombie_processes)] // reaped by wait4, which also gives its rusage
    fn the_text_readers_at_the_cap_stay_within_a_few_copies_of_it() {
        use std::os::unix::process::ExitStatusExt;

        // The labelled line; and a paragraph of one word, the record splitter's
        // worst case (2.8 million records, each a span and line starts).
        for line in [
            &b"status code: 403, request id: R\\n\xff\xfe, host id: H\n"[..],
            &b"x\n\n"[..],
        ] {
        let input: Vec<u8> = line.repeat(8 * 1024 * 1024 / line.len());
        let path = std::env::temp_dir().join(format!("obserr-text-cap-{}.txt", std::process::id()));
        std::fs::write(&path, &input).unwrap();
        let mut child = obserr()
            .arg("decode")
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut status = 0;
        // SAFETY: rusage is plain data; wait4 fills it for this child only.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let pid = child.id() as libc::pid_t;
        let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        let _ = child.stdin.take();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(waited, pid);
        let status = std::process::ExitStatus::from_raw(status);
        assert_eq!(status.code(), Some(1), "no catalogued code, but a result");
        let peak_mib = usage.ru_maxrss as f64 / 1024.0;
        eprintln!("peak resident set: {peak_mib:.1} MiB for 8 MiB of {:?}", String::from_utf8_lossy(line));
        assert!(peak_mib < 48.0, "peak {peak_mib:.1} MiB for an 8 MiB input");
        }
    }
}

#[test]
fn read_faults_name_the_file_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("obserr-faults-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, " \r\n\t\n").unwrap();
    let missing = dir.join("missing.txt");

    let mut cases = vec![
        (missing.clone(), "No such file or directory"),
        (dir.clone(), "Is a directory"),
        (empty.clone(), "is empty"),
        (blank.clone(), "is empty"),
    ];
    // Opens, then fails to read (root ignores chmod, so a mode-000 file
    // would be readable in CI): the process's own memory at offset 0.
    if cfg!(target_os = "linux") {
        cases.push(("/proc/self/mem".into(), "Input/output error"));
    }
    for (path, why) in cases {
        let out = obserr().arg("decode").arg(&path).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let what = format!("{}: {stderr}", path.display());
        assert_eq!(out.status.code(), Some(2), "{what}");
        assert!(out.stdout.is_empty(), "{what}");
        assert!(stderr.starts_with("obserr: error: "), "{what}");
        assert!(
            stderr.contains(&format!("'{}'", path.display())),
            "names the file: {what}"
        );
        assert!(stderr.contains(why), "{what}");
    }
    // A good file after a bad one is still decoded; the status stays 2.
    let good = dir.join("good.xml");
    std::fs::write(&good, "<Error><Code>NoSuchKey</Code></Error>").unwrap();
    let out = obserr()
        .arg("decode")
        .arg(&missing)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("NoSuchKey"));
    std::fs::remove_dir_all(&dir).unwrap();
}
