//! `obserr decode` against hostile and oversized input: the size cap (a pipe
//! past it is in `hostile_input.rs`, with its memory measured), property tests
//! (any bytes: no panic, exit 0, 1 or 2, no raw control character in human
//! output), and the pathological documents the issue names. Timings are measured in the README's benchmark, not here.

use obserr::decode;
use obserr::decode_all;
use obserr::diagnose;
use obserr::internals::MAX_RESPONSES;
use obserr::internals::{diagnosis_human, diagnosis_verbose, write_json, ResponseJson};
use obserr::Input;
use obserr::Style;
use proptest::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};

const CAP: usize = 8 * 1024 * 1024;

fn obserr() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_obserr"));
    cmd.env_clear();
    cmd
}

/// Renders `bytes` every way obserr can and checks the human forms carry no
/// raw control character but line feeds (and, with colour, obserr's own SGR).
fn render_all(bytes: &[u8]) {
    let response = decode(bytes);
    let d = diagnose(response);
    for (color, verbose) in [(false, false), (true, false), (false, true), (true, true)] {
        let mut out = Vec::new();
        let render = if verbose {
            diagnosis_verbose
        } else {
            diagnosis_human
        };
        render(
            &mut out,
            &Style {
                color,
                width: Some(80),
                ..Style::default()
            },
            &d,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut rest = text.as_str();
        while let Some(i) = rest.find(|c: char| obserr::internals::is_unsafe(c) && c != '\n') {
            let tail = &rest[i..];
            assert!(
                color && tail.starts_with("\x1b["),
                "raw control in {text:?}"
            );
            let end = tail.find('m').expect("SGR ends with m");
            assert!(tail[2..end]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b';'));
            rest = &tail[end..];
        }
    }
    let mut out = Vec::new();
    write_json(&mut out, &[ResponseJson::new(&d, &Input::Stdin)]).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(!text
        .chars()
        .any(|c| obserr::internals::is_unsafe(c) && c != '\n'));
    let _: serde_json::Value = serde_json::from_str(&text).unwrap();
}

/// Pieces of real responses, to shake the readers harder than random bytes.
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"HTTP/1.1 403 Forbidden\r\n".to_vec()),
        Just(b"HTTP/2 404 \n".to_vec()),
        Just(b"< HTTP/1.1 301 Moved\n".to_vec()),
        Just(b"> GET /k HTTP/1.1\n".to_vec()),
        Just(b"x-obs-error-code: NoSuchKey\r\n".to_vec()),
        Just(b"Location: https://x/\r\n".to_vec()),
        Just(b"Date: Fri, 15 Mar 2024 10:15:00 GMT\r\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"<?xml version=\"1.0\"?>".to_vec()),
        Just(b"<Error>".to_vec()),
        Just(b"</Error>".to_vec()),
        Just(b"<Code>RequestTimeTooSkewed</Code>".to_vec()),
        Just(b"<Code>SignatureDoesNotMatch</Code>".to_vec()),
        Just(b"<Code>PermanentRedirect</Code>".to_vec()),
        Just(b"<RequestTime>20240315T101500Z</RequestTime>".to_vec()),
        Just(b"<ServerTime>2024-03-15T10:38:12Z</ServerTime>".to_vec()),
        Just(b"<StringToSign>GET\n\n/b</StringToSign>".to_vec()),
        Just(b"<![CDATA[".to_vec()),
        Just(b"&#x1b;&#155;&amp;&lol;".to_vec()),
        Just(b"<!DOCTYPE x [<!ENTITY a \"&a;\">]>".to_vec()),
        Just(b"{\"code\": \"SYS.0014\", \"message\": \"".to_vec()),
        Just(b"<html><title>502 Bad Gateway</title><li>Code: NoSuchKey</li>".to_vec()),
        Just(b"status [409], error code [".to_vec()),
        Just(b"Status=404 Not Found, Code=".to_vec()),
        Just(b"]".to_vec()),
        Just(vec![0x1b, b'[', b'2', b'J']),
        Just(vec![0xc2, 0x9b, 0xe2, 0x80, 0xae, 0xff, 0x00, 0x7f]),
        proptest::collection::vec(any::<u8>(), 0..16),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_decode_and_render_safely(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        render_all(&bytes);
    }

    #[test]
    fn response_shaped_bytes_decode_and_render_safely(
        parts in proptest::collection::vec(fragment(), 0..24)
    ) {
        render_all(&parts.concat());
    }
}

proptest! {
    // Each case starts a process: fewer of them.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_cli_exits_0_1_or_2_on_any_input(
        parts in proptest::collection::vec(fragment(), 0..16),
        json in any::<bool>(),
    ) {
        let mut cmd = obserr();
        if json {
            cmd.arg("--json");
        }
        let mut child = cmd
            .args(["--color", "always", "decode"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let input = parts.concat();
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0..=2)), "{code:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        prop_assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn input_over_the_cap_is_an_input_error() {
    let dir = std::env::temp_dir().join(format!("obserr-decode-cap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let at = dir.join("at-cap.txt");
    let over = dir.join("over-cap.txt");
    let mut body = b"<Error><Code>NoSuchKey</Code><Message>".to_vec();
    body.resize(CAP - b"</Message></Error>".len(), b'x');
    body.extend_from_slice(b"</Message></Error>");
    std::fs::write(&at, &body).unwrap();
    body.push(b'\n');
    std::fs::write(&over, &body).unwrap();

    let out = obserr()
        .args(["decode", "--verbose"])
        .arg(&at)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Message:    xxxx"));

    let out = obserr().arg("decode").arg(&over).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("obserr: error: '")
            && stderr.contains("over-cap.txt' is larger than 8 MiB"),
        "{stderr}"
    );
    // The hint names the command that reads a whole log.
    let scan_line = format!("with `obserr scan {}`", over.display());
    assert!(stderr.contains(&scan_line), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pathological_documents_end_with_a_result() {
    let nested = format!("<Error>{}<Code>X</Code>", "<a>".repeat(1_000_000));
    let r = decode(nested.as_bytes());
    assert!(r.truncated);

    let bomb = format!(
        "<!DOCTYPE x [<!ENTITY a \"&a;&a;\"><!ENTITY b SYSTEM \"file:///etc/passwd\">]><Error><Code>SlowDown</Code><Message>{}&b;</Message></Error>",
        "&a;".repeat(100_000)
    );
    let r = decode(bomb.as_bytes());
    assert_eq!(r.code.as_deref(), Some("SlowDown"));
    assert!(r.message.unwrap().starts_with("&a;&a;"));

    let siblings = format!(
        "<Error><Code>InternalError</Code>{}</Error>",
        "<D>v</D>".repeat(500_000)
    );
    let r = decode(siblings.as_bytes());
    assert_eq!(r.details.len(), 1);

    let mut state = 0x2545_f491_4f6c_dd1du64;
    let random: Vec<u8> = (0..2 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    render_all(&random);
    for junk in [
        "code [".repeat(200_000),
        "a[]x".repeat(200_000),
        "code=a:".repeat(200_000),
        "{\"code\":".repeat(100_000),
    ] {
        render_all(junk.as_bytes());
    }
}

/// The worst case of each reader of free text, at 2 MiB (a quarter of the
/// cap, to keep a debug test run short; `examples`-free timing at 8 MiB is
/// in `scripts/bench.sh`): one label
/// or shape repeated (on one line and on many), an unclosed quote after every
/// label, thousands of distinct errors, fragments that never close. Each ends
/// with a result and at most [`MAX_RESPONSES`] responses; `scripts/bench.sh`
/// measures them (linear: about as fast as an ordinary 8 MiB log).
#[test]
fn worst_cases_of_the_text_readers_end_with_a_bounded_result() {
    const SIZE: usize = CAP / 4;
    let fill = |unit: &str| -> Vec<u8> { unit.repeat(SIZE / unit.len()).into_bytes() };
    let many_errors: String = (0..SIZE / 24)
        .map(|i| format!("request id: R{i:08}\n"))
        .collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("one label on one line", fill("status code: 403, ")),
        ("one label per line", fill("status code: 403\n")),
        ("distinct errors", many_errors.into_bytes()),
        ("botocore tails", fill(") when calling the ")),
        ("unclosed quotes", fill("code: \"x ")),
        ("unclosed brackets", fill("error code [x ")),
        ("xml declarations", fill("<?xml ")),
        ("unclosed errors", fill("<Error>")),
        ("code fragments", fill("<Code>A</Code>")),
        ("escapes", fill("\\n\\t\\\"")),
        ("box prefixes", fill("│ x\n")),
        ("wire trace", fill("-> \"x\\r\\n\"\n")),
        ("c sdk lines", fill("failed(ErrorUnknown)\n")),
        ("reason phrases", fill("403 Forbidden ")),
        ("code colons", fill("AccessDenied: ")),
        ("status lines", fill("HTTP/1.1 403 Forbidden\n\n")),
    ];
    for (name, bytes) in cases {
        let all = decode_all(&bytes);
        assert!(all.len() <= MAX_RESPONSES, "{name}: {}", all.len());
        render_all(&bytes[..bytes.len().min(64 * 1024)]);
    }
}

/// decode tells a code from a word with the catalogue's words that `build.rs`
/// writes for it (`src/decode/codes.rs`), not with the catalogue, a layer
/// above it. Its two questions answer as the catalogue's lookup does, for
/// every code and alias and for words that are none: reason phrases,
/// placeholders, camel case, tool codes with and without their tool, case
/// and white-space variants. `value::catalogued_code` and `labels`' bare-code
/// test asked the same of `obserr::lookup` before; the rest of each is
/// unchanged, so they answer as they did.
#[test]
fn decode_knows_the_codes_the_catalogue_looks_up() {
    let data =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/codes.json")).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_str(&data).unwrap();
    let mut words: Vec<String> = Vec::new();
    for record in &records {
        let spellings = std::iter::once(&record["code"])
            .chain(record["aliases"].as_array().unwrap())
            .chain(record.get("shared_code"))
            .filter_map(serde_json::Value::as_str);
        for w in spellings {
            let tool_less = w.rsplit(' ').next().unwrap();
            let mut chars = w.chars();
            chars.next_back();
            words.extend([
                w.to_string(),
                w.to_ascii_lowercase(),
                w.to_ascii_uppercase(),
                w.replace(' ', ""),
                format!(" {w}\t"),
                format!("{w}x"),
                format!("{w}."),
                chars.as_str().to_string(),
                tool_less.to_string(),
                tool_less.to_ascii_lowercase(),
            ]);
        }
    }
    words.extend(
        [
            "",
            " ",
            "Forbidden",
            "forbidden",
            "NotFound",
            "Not Found",
            "OK",
            "Conflict",
            "PermanentRedirect",
            "MethodNotAllowed",
            "null",
            "None",
            "nil",
            "UnknownError",
            "ErrorUnknown",
            "Unknown",
            "-1",
            "...",
            "<ID>",
            "xxx",
            "Error",
            "Exception",
            "SignatureDoesNotMatchX",
            "MyBucketName",
            "HeadObject",
            "ObsClient",
            "ObsException",
            "AmazonS3Exception",
            "NoSuchKeyException",
            "obsutil",
            "obsutil 8",
            "obsutil8",
            "Obs.0012",
            "console Obs.0012",
            "NoSuch\u{212a}ey",
            "NoSuchK\u{e9}y",
            "İnvalid",
            "a",
            "Z",
            "zzzz",
            "NoSuchKey\u{0}",
        ]
        .map(str::to_string),
    );
    assert!(words.len() > 4000, "{}", words.len());
    for w in &words {
        let entry = obserr::lookup(w);
        assert_eq!(
            obserr::internals::is_catalogued_code(w),
            entry.is_some_and(|e| e.code == w),
            "{w:?}"
        );
        assert_eq!(
            obserr::internals::is_catalogue_key(w),
            entry.is_some(),
            "{w:?}"
        );
    }
}
