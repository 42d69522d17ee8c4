//! What obserr does on a terminal, where trycmd cannot look: each case runs
//! the binary in a pseudo-terminal made by `script` (util-linux), with a
//! clean environment and, where a size matters, `stty` setting it first. A
//! pseudo-terminal nobody sized reports 0x0, which is a case of its own.
//! Without `script` the tests say they were skipped (CI requires it with
//! `OBSERR_REQUIRE_SHELLS=1`).

use crate::common;

use std::process::{Command, Stdio};
use unicode_width::UnicodeWidthStr;

const BIN: &str = env!("CARGO_BIN_EXE_obserr");

fn have_script() -> bool {
    common::available("script", "no terminal test ran")
}

/// Runs `obserr ARGS` on a fresh pseudo-terminal of `size` (columns, rows;
/// `None`: left at 0x0) with only `env` beside PATH, TERM=xterm and a UTF-8
/// locale (unless `env` sets one), and returns what the terminal received,
/// with the terminal's CR LF turned back into LF.
fn tty(size: Option<(u16, u16)>, env: &[(&str, &str)], args: &[&str]) -> String {
    let out = tty_run(size, env, args);
    String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
}

/// [`tty`], with the exit status (`script -e` passes the command's on).
fn tty_run(size: Option<(u16, u16)>, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = String::new();
    if let Some((cols, rows)) = size {
        line += &format!("stty cols {cols} rows {rows}; ");
    }
    line += &quote(BIN);
    for arg in args {
        line += " ";
        line += &quote(arg);
    }
    // A pager waiting for a key would hang the test run: 30 s at most.
    let mut cmd = Command::new("timeout");
    cmd.args(["30", "script", "-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("SHELL", "/bin/sh")
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stderr(Stdio::inherit());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("script runs")
}

/// What obserr prints when piped, for comparison.
fn piped(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn tables_never_break_a_code_and_fall_back_when_narrow() {
    if !have_script() {
        return;
    }
    let codes: Vec<&str> = obserr::entries().iter().map(|e| e.code).collect();
    for cols in [100, 140] {
        // Tall enough for the whole table: no pager.
        let text = tty(Some((cols, 5000)), &[], &["list"]);
        assert!(text.contains("│ Code"), "{cols}: {text}");
        assert!(widest(&text) <= usize::from(cols), "{cols}: {text}");
        for code in &codes {
            assert!(
                text.contains(&format!("│ {code} ")),
                "{cols}: {code} broken:\n{text}"
            );
        }
    }
    // At 40 and 60 columns no table is workable: the stacked form, each code
    // and its status on a line, its message wrapped and indented under it.
    for cols in [40, 60] {
        let text = tty(Some((cols, 5000)), &[("NO_COLOR", "1")], &["list"]);
        assert!(!text.contains('│'), "{cols}: {text}");
        let heads: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
        assert_eq!(heads.len(), codes.len(), "{cols}: {text}");
        for (head, code) in heads.iter().zip(&codes) {
            assert!(head.starts_with(&format!("{code}  ")), "{cols}: {head}");
        }
        for line in text.lines().filter(|l| l.starts_with(' ')) {
            let fits = UnicodeWidthStr::width(line) <= usize::from(cols);
            assert!(fits || !line.trim().contains(' '), "{cols}: {line:?}");
        }
    }
}

#[test]
fn piped_lists_are_tab_separated_and_codes_hold_no_space() {
    let text = piped(&["list"]);
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "{line:?}");
        assert!(!fields[0].contains(' '), "{line:?}");
    }
    assert!(text.contains("Obs.0000\ttool\tbrowser\t"), "{text}");
}

#[test]
fn scan_wraps_its_first_line_and_seen_lines_at_words_never_inside_a_time() {
    if !have_script() {
        return;
    }
    let log = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scan/logs/access.log"
    );
    let text = tty(Some((60, 5000)), &[("NO_COLOR", "1")], &["scan", log]);
    let time = |s: &str| {
        s.len() == "2026-11-26 08:00:04 UTC".len()
            && s.ends_with(" UTC")
            && s.as_bytes()[10] == b' '
    };
    // The first line wraps before the time range, which stays whole.
    let mut lines = text.lines();
    let first = lines.next().unwrap();
    let second = lines.next().unwrap();
    assert!(
        first.starts_with("40 requests, 12 errors") && first.len() <= 60,
        "{text}"
    );
    let (from, to) = second.split_once(" to ").unwrap();
    assert!(time(from) && time(to), "{text}");
    // A "Seen:" range too long for a line breaks after "to", not inside a time.
    let seen: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Seen:"))
        .take(2)
        .collect();
    assert!(seen[0].ends_with(" UTC to"), "{text}");
    assert!(time(seen[1].trim()), "{text}");
    assert!(text.lines().all(|l| l.trim() != "UTC"), "{text}");
}

#[test]
fn columns_sets_the_width_also_on_a_terminal_of_size_zero() {
    if !have_script() {
        return;
    }
    // Unsized (0x0) and no COLUMNS: 80 columns.
    // A list short enough for any terminal: the S3 API's five 5xx codes.
    let args = ["list", "--status", "5xx", "--source", "s3api"];
    let text = tty(None, &[], &args);
    assert_eq!(widest(&text), 80, "{text}");
    let text = tty(None, &[("COLUMNS", "100")], &args);
    assert_eq!(widest(&text), 100, "{text}");
    // COLUMNS beats the size the terminal reports.
    let text = tty(Some((120, 50)), &[("COLUMNS", "70")], &args);
    assert_eq!(widest(&text), 70, "{text}");
    // 5xx messages are short: the table is narrower than 120 but wider than
    // the 80 of an unknown size.
    let text = tty(Some((120, 50)), &[], &args);
    assert!((81..=120).contains(&widest(&text)), "{text}");
}

#[test]
fn the_retry_field_wraps_like_every_field() {
    if !have_script() {
        return;
    }
    let text = tty(
        Some((50, 50)),
        &[("NO_COLOR", "1")],
        &["explain", "SlowDown"],
    );
    let retry: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Retry:"))
        .take_while(|l| !l.starts_with("Docs:"))
        .collect();
    assert!(widest(&retry.join("\n")) <= 50, "{text}");
    assert!(
        retry[0].starts_with("Retry:    yes, after slowing down:"),
        "{text}"
    );
    assert!(retry[1].starts_with("          "), "{text}");
}

#[test]
fn clicolor_0_and_no_color_turn_colour_off() {
    if !have_script() {
        return;
    }
    let args = ["explain", "NoSuchKey"];
    assert!(tty(None, &[], &args).contains("\x1b[1m"));
    for off in [("CLICOLOR", "0"), ("NO_COLOR", "1")] {
        let text = tty(None, &[off], &args);
        assert!(!text.contains("\x1b["), "{off:?}: {text:?}");
    }
    let forced = tty(None, &[("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")], &args);
    assert!(forced.contains("\x1b[1m"), "{forced:?}");
}

#[test]
fn tables_are_ascii_outside_a_utf8_locale() {
    if !have_script() {
        return;
    }
    let args = ["list", "--status", "5xx"];
    for locale in [("LC_ALL", "C"), ("LANG", "POSIX"), ("LC_ALL", "")] {
        let env = [
            locale,
            ("LANG", if locale.0 == "LANG" { "POSIX" } else { "C" }),
        ];
        let text = tty(Some((100, 50)), &env, &args);
        assert!(text.is_ascii(), "{locale:?}: {text}");
        assert!(text.contains("| Code"), "{locale:?}: {text}");
    }
    let text = tty(Some((100, 50)), &[("LC_ALL", "en_US.UTF-8")], &args);
    assert!(text.contains("│ Code"), "{text}");
}

#[test]
fn documentation_links_are_hyperlinks_on_a_terminal_only() {
    if !have_script() {
        return;
    }
    let url = obserr::lookup("NoSuchKey").unwrap().sources[0].url;
    let link = format!("\x1b]8;;{url}\x1b\\{url}\x1b]8;;\x1b\\");
    let text = tty(None, &[("NO_COLOR", "1")], &["explain", "NoSuchKey"]);
    assert!(text.contains(&link), "{text:?}");
    let never = tty(None, &[], &["--color", "never", "explain", "NoSuchKey"]);
    assert!(!never.contains('\x1b'), "{never:?}");
    assert!(never.contains(url));
    // Piped, even with colour forced: no links.
    let out = Command::new(BIN)
        .args(["--color", "always", "explain", "NoSuchKey"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\x1b]8"));
}

#[test]
fn a_terminal_of_unknown_height_is_not_paged() {
    if !have_script() {
        return;
    }
    // 0x0 and no LINES: nothing is known to be too tall (a pager would wait
    // for a key nobody presses).
    let pager = [("OBSERR_PAGER", "sed s/^/paged:/")];
    let text = tty(None, &pager, &["list"]);
    assert!(!text.contains("paged:"), "{text}");
}

#[test]
fn a_pager_command_keeps_its_quoted_arguments() {
    if !have_script() {
        return;
    }
    // Split as a shell splits words: the sed script with a space in it is
    // one argument (split on white space, sed got two and failed).
    let pager = [("OBSERR_PAGER", "sed 's/^/paged: /'"), ("PAGER", "false")];
    let tall = tty(Some((100, 5)), &pager, &["explain", "NoSuchKey"]);
    assert!(tall.lines().all(|l| l.starts_with("paged: ")), "{tall}");
}

#[test]
fn paging_auto_pages_only_what_is_taller_than_the_terminal() {
    if !have_script() {
        return;
    }
    let pager = [("OBSERR_PAGER", "sed s/^/paged:/"), ("PAGER", "false")];
    let short = tty(Some((100, 100)), &pager, &["explain", "NoSuchKey"]);
    assert!(!short.contains("paged:"), "{short}");
    let tall = tty(Some((100, 5)), &pager, &["explain", "NoSuchKey"]);
    assert!(tall.lines().all(|l| l.starts_with("paged:")), "{tall}");
    // LINES beats what the terminal reports, as COLUMNS does.
    let tall = tty(
        Some((100, 100)),
        &[pager[0], ("LINES", "5")],
        &["explain", "NoSuchKey"],
    );
    assert!(tall.starts_with("paged:"), "{tall}");
    for never in [&["--paging", "never"][..], &["--no-pager"]] {
        let args = [never, &["explain", "NoSuchKey"]].concat();
        let text = tty(Some((100, 5)), &pager, &args);
        assert!(!text.contains("paged:"), "{never:?}: {text}");
    }
}

#[test]
fn explain_writes_in_argument_order_with_no_stray_blank_line() {
    if !have_script() {
        return;
    }
    // stdout and stderr both go to the terminal: what it shows is the order.
    let args = [
        "--color",
        "never",
        "explain",
        "NoSuchKey",
        "NoSuchKy",
        "Nope",
        "SlowDown",
    ];
    let text = tty(None, &[], &args);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {text}"))
    };
    let order = [
        at("NoSuchKey  404"),
        at("unknown error code 'NoSuchKy'"),
        text.rfind("NoSuchKey  404").unwrap(),
        at("unknown error code 'Nope'"),
        at("SlowDown  503"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}: {text}");
    assert!(!text.contains("\n\n\n"), "{text}");
    assert!(
        !text.starts_with('\n') && !text.ends_with("\n\n"),
        "{text:?}"
    );
}

#[test]
fn explain_without_arguments_on_a_terminal_asks_for_a_code() {
    if !have_script() {
        return;
    }
    let out = tty_run(None, &[], &["explain"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("obserr: error: no error code given"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(2), "{text}");
}

/// `sigcheck` with no key in the environment or a file asks for it on the
/// terminal, and the terminal does not echo what is typed: the key reaches
/// obserr (the verdict needs it) and never the screen. The key is typed only
/// once the prompt is shown, when echo is already off; a terminal that
/// echoed would show it in what `script` recorded.
#[test]
fn sigcheck_asks_for_the_key_without_echo() {
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    if !have_script() {
        return;
    }
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sigcheck/examples"
    );
    let key = std::fs::read_to_string(format!("{dir}/wrong-key.key")).unwrap();
    let key = key.trim_end_matches('\n');
    let line = format!("'{BIN}' sigcheck '{dir}/wrong-key.txt'");
    let mut child = Command::new("timeout")
        .args(["30", "script", "-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("SHELL", "/bin/sh")
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("script runs");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let seen = Arc::clone(&seen);
        let mut stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        })
    };
    let start = Instant::now();
    while !String::from_utf8_lossy(&seen.lock().unwrap()).contains("not echoed") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no prompt: {:?}",
            String::from_utf8_lossy(&seen.lock().unwrap())
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(format!("{key}\n").as_bytes()).unwrap();
    stdin.flush().unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    reader.join().unwrap();
    let text = String::from_utf8_lossy(&seen.lock().unwrap()).replace("\r\n", "\n");
    assert!(text.contains("Verdict: wrong secret key"), "{text}");
    assert!(!text.contains(key), "the typed key was echoed:\n{text}");
    assert_eq!(status.code(), Some(0), "{text}");
}
