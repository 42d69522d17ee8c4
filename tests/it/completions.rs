//! The committed completion scripts are what the CLI generates today (the
//! built obserr's `completions SHELL`), and they work in real shells: bash
//! always (it is everywhere), fish and zsh when they are installed (otherwise
//! the test says it skipped them); the man page (`obserr man`) has its
//! sections.
//!
//! After an intended change of the CLI or the catalogue, rewrite the scripts
//! with `OBSERR_UPDATE_COMPLETIONS=1 cargo test --test it completions::` and review
//! the diff.

use crate::common;

use clap::ValueEnum;
use clap_complete::{Generator, Shell};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn completions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("completions")
}

fn script_path(shell: Shell) -> PathBuf {
    completions_dir().join(shell.file_name("obserr"))
}

/// What the built obserr writes to stdout for `args`; it must succeed.
fn obserr_stdout(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_obserr"))
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "obserr {args:?} failed: {stderr}");
    out.stdout
}

/// The completion script obserr generates for `shell` today.
fn fresh_script(shell: Shell) -> Vec<u8> {
    let name = shell.to_possible_value().expect("a shell's name");
    obserr_stdout(&["completions", name.get_name()])
}

#[test]
fn committed_scripts_are_fresh() {
    let update = std::env::var_os("OBSERR_UPDATE_COMPLETIONS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for shell in Shell::value_variants() {
        let fresh = fresh_script(*shell);
        let path = script_path(*shell);
        if std::fs::read(&path).ok().as_deref() == Some(&fresh[..]) {
            continue;
        }
        if update {
            std::fs::create_dir_all(completions_dir()).unwrap();
            std::fs::write(&path, &fresh).unwrap();
        } else {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale completion scripts: {stale:?}\n\
         rewrite them with `OBSERR_UPDATE_COMPLETIONS=1 cargo test --test it completions::`"
    );
}

fn available(program: &str) -> bool {
    common::available(program, "its completion script was not run")
}

/// Runs a shell in the project folder, killed if it takes over 30 seconds (a
/// shell waiting for input would otherwise hang the test run).
fn run_raw(program: &str, args: &[&str]) -> String {
    let mut child = Command::new(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("HOME", std::env::temp_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{program} {args:?} took over 30 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{program} failed: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn run(program: &str, args: &[&str]) -> Vec<String> {
    run_raw(program, args)
        .lines()
        // fish prints `value<TAB>description`.
        .map(|l| l.split('\t').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// What bash offers for the command line `line` (completing its last word),
/// asked the way bash's readline asks: COMP_* set, the function called.
fn bash_complete(line: &str) -> Vec<String> {
    const SCRIPT: &str = r#"
source completions/obserr.bash
COMP_LINE="$1"
COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_obserr obserr "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    run(
        "bash",
        &["--norc", "--noprofile", "-c", SCRIPT, "bash", line],
    )
}

fn fish_complete(line: &str) -> Vec<String> {
    let script = format!(
        "source completions/obserr.fish; complete -C '{}'",
        line.replace('\'', "\\'")
    );
    run("fish", &["--no-config", "-c", &script])
}

/// What zsh offers: zsh completes only inside its line editor, so this drives
/// an interactive `zsh -f` through a pseudo-terminal (zsh/zpty), loads
/// `completions/_obserr` with compinit, types the line and a Tab, and reports
/// every match passed to `compadd` as `<<match>>`; the shell exits after
/// completing.
fn zsh_complete(line: &str) -> Vec<String> {
    const SCRIPT: &str = r#"
zmodload zsh/zpty || exit 3
zpty z zsh -f -i
zpty -w z 'PROMPT= RPROMPT=; fpath=($PWD/completions $fpath); autoload -Uz compinit; compinit -u -D'
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a __hits; builtin compadd -A __hits "$@"; (( $#__hits )) && print -rl -- "<<"${^__hits}">>"; builtin compadd "$@"; }'
zpty -w z 'comppostfuncs=(exit)'
zpty -w z "$1"$'\t'
local out chunk
while zpty -r z chunk; do out+=$chunk; done
print -r -- $out
"#;
    let screen = run_raw("zsh", &["-f", "-c", SCRIPT, "zsh", line]);
    // Matches are words; the echoed definition of compadd has quotes inside.
    screen
        .split("<<")
        .skip(1)
        .filter_map(|rest| rest.split_once(">>").map(|(m, _)| m))
        .filter(|m| !m.is_empty() && !m.contains(['"', ' ', '<', '>']))
        .map(str::to_string)
        .collect()
}

/// The checks every shell must pass: codes for explain, statuses and classes
/// for list --status, subcommands by prefix.
fn check_shell(shell: &str, complete: impl Fn(&str) -> Vec<String>) {
    let offered = complete("obserr explain NoSuchK");
    assert!(
        offered.contains(&"NoSuchKey".into()),
        "{shell}: {offered:?}"
    );
    assert!(
        offered.iter().all(|w| w.starts_with("NoSuchK")),
        "{shell}: {offered:?}"
    );

    // Any case, as fish does by itself: bash and zsh through obserr's additions.
    let offered = complete("obserr explain nosuchk");
    assert!(
        offered.contains(&"NoSuchKey".into()),
        "{shell}: lower case: {offered:?}"
    );
    let offered = complete("obserr list --source S3");
    assert!(offered.contains(&"s3api".into()), "{shell}: {offered:?}");
    assert!(
        offered.iter().all(|w| w.starts_with("s3api")),
        "{shell}: {offered:?}"
    );

    let offered = complete("obserr explain NoSuchKey NoSuchBuck");
    assert!(
        offered.contains(&"NoSuchBucket".into()),
        "{shell}: a second code: {offered:?}"
    );

    // "40" is a prefix of 403 and 404, not of the class 4xx; "4" is.
    let offered = complete("obserr list --status 40");
    for status in ["403", "404"] {
        assert!(offered.contains(&status.into()), "{shell}: {offered:?}");
    }
    assert!(
        offered.iter().all(|w| w.starts_with("40")),
        "{shell}: {offered:?}"
    );
    let offered = complete("obserr list --status 4");
    assert!(offered.contains(&"4xx".into()), "{shell}: {offered:?}");
    let (first, last) = catalogued_4xx();
    for status in [first, last] {
        assert!(
            offered.contains(&status.to_string()),
            "{shell}: {offered:?}"
        );
    }

    assert_eq!(complete("obserr de"), ["decode"], "{shell}");
    // The global options where they mean something, not after man and
    // completions (which refuse them).
    assert!(
        complete("obserr explain --js").contains(&"--json".into()),
        "{shell}"
    );
    let offered = complete("obserr man --");
    assert!(offered.contains(&"--help".into()), "{shell}: {offered:?}");
    assert!(!offered.contains(&"--json".into()), "{shell}: {offered:?}");
    let offered = complete("obserr completions ");
    for name in ["bash", "elvish", "fish", "powershell", "zsh"] {
        assert!(offered.contains(&name.into()), "{shell}: {offered:?}");
    }
}

/// The lowest and highest catalogued 4xx statuses: what `4<Tab>` offers.
fn catalogued_4xx() -> (u16, u16) {
    let statuses: Vec<u16> = obserr::entries()
        .iter()
        .flat_map(|e| e.statuses())
        .filter(|s| (400..500).contains(s))
        .collect();
    (
        *statuses.iter().min().unwrap(),
        *statuses.iter().max().unwrap(),
    )
}

#[test]
fn the_docs_say_what_4_tab_offers() {
    let (first, last) = catalogued_4xx();
    let claim = format!("`4<Tab>` offers `{first}` … `{last}` and `4xx`");
    // Line breaks in the docs are spaces.
    let docs = common::user_docs();
    let docs = docs.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(docs.contains(&claim), "the docs should say: {claim}");
}

/// zsh and fish complete file names for `decode` themselves.
fn check_files(shell: &str, complete: impl Fn(&str) -> Vec<String>) {
    let offered = complete("obserr decode tests/fixtures/decode/skewed-t");
    assert!(
        offered.iter().any(|f| f.ends_with("skewed-time.txt")),
        "{shell}: {offered:?}"
    );
}

#[test]
fn bash_offers_codes_statuses_and_subcommands() {
    if available("bash") {
        check_shell("bash", bash_complete);
        // A word with no value of ours falls back to file names.
        let registered = run(
            "bash",
            &[
                "--norc",
                "--noprofile",
                "-c",
                "source completions/obserr.bash; complete -p obserr",
            ],
        );
        assert!(registered[0].contains("-o default"), "{registered:?}");
    }
}

#[test]
fn fish_offers_codes_statuses_subcommands_and_files() {
    if available("fish") {
        check_shell("fish", fish_complete);
        check_files("fish", fish_complete);
        // Each page's title beside its id.
        let script = "source completions/obserr.fish; complete -C 'obserr list --source '";
        let offered = run_raw("fish", &["--no-config", "-c", script]);
        for source in obserr::internals::sources() {
            let line = format!("{}\t{}", source.id, source.title);
            assert!(offered.lines().any(|l| l == line), "{line:?} in {offered}");
        }
    }
}

#[test]
fn zsh_offers_codes_statuses_subcommands_and_files() {
    if available("zsh") {
        check_shell("zsh", zsh_complete);
        check_files("zsh", zsh_complete);
    }
}

#[test]
fn man_page_has_the_commands_exit_status_and_examples() {
    let page = String::from_utf8(obserr_stdout(&["man"])).unwrap();
    assert!(page.contains(".TH OBSERR 1"), "{page}");
    for section in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "COMMANDS",
        "ENVIRONMENT",
        "\"EXIT STATUS\"",
        "EXAMPLES",
    ] {
        assert!(page.contains(&format!(".SH {section}\n")), "no {section}");
    }
    for sub in ["explain", "list", "search", "decode", "completions", "man"] {
        assert!(page.contains(&format!(".SS \"obserr {sub}\"")), "no {sub}");
    }
    assert!(page.contains("\\fBobserr explain NoSuchKey\\fR"), "{page}");
    for name in [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "PAGER",
        "OBSERR_PAGER",
        "COLUMNS",
        "OBSERR_OPENER",
    ] {
        assert!(
            page.contains(&format!(".TP\n\\fB{name}\\fR\n")),
            "no {name}"
        );
    }
    // The guide's environment table names every variable the page does.
    let guide = common::user_docs();
    let table = &guide[guide
        .find("### Environment")
        .expect("an Environment section")..];
    let environment = &page[page.find(".SH ENVIRONMENT\n").unwrap()..];
    let environment = &environment[..environment[1..].find("\n.SH ").unwrap()];
    let documented: Vec<&str> = environment
        .split(".TP\n\\fB")
        .skip(1)
        .filter_map(|item| item.split_once("\\fR"))
        .map(|(names, _)| names)
        .collect();
    assert!(documented.len() >= 10, "{environment}");
    for names in documented {
        for name in names.split(", ") {
            assert!(
                table.contains(&format!("`{name}`")),
                "the guide lacks {name}"
            );
        }
    }
    // Possible values stay hidden: the page does not list every code.
    assert!(!page.contains("AccessForbidden"), "{page}");
}
