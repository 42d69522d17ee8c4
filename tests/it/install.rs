//! The install lines of the docs work as written: each shell's completion
//! line and the man page line are run with a fresh HOME and only obserr's
//! directory (`~/.cargo/bin`, where `cargo install` puts it) and the system's
//! on PATH; then the files must be where the shells look, the bash script must
//! work without the bash-completion package, and `man -w obserr` must find the
//! page with no MANPATH set (man-db searches `../share/man` beside every PATH
//! directory). Without man-db that last check says it was skipped (CI
//! installs it and requires it with `OBSERR_REQUIRE_SHELLS=1`).

use crate::common;

use common::user_docs as docs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh HOME with obserr in `~/.cargo/bin`.
fn home(name: &str) -> PathBuf {
    let home = std::env::temp_dir().join(format!("obserr-install-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let bin = home.join(".cargo/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_obserr"), bin.join("obserr")).unwrap();
    home
}

fn path(home: &Path) -> String {
    format!("{}:/usr/bin:/bin", home.join(".cargo/bin").display())
}

/// Runs `line` in `bash -c` (tilde expansion, `&&`, `>`) in `home`.
fn run(home: &Path, line: &str) -> std::process::Output {
    Command::new("bash")
        .args(["--norc", "--noprofile", "-c", line])
        .env_clear()
        .env("HOME", home)
        .env("PATH", path(home))
        .current_dir(home)
        .output()
        .unwrap()
}

/// The first `code span` of the install table's row for `shell`.
fn install_line(docs: &str, shell: &str) -> String {
    let row = docs
        .lines()
        .find(|l| l.starts_with(&format!("| {shell} | `")))
        .unwrap_or_else(|| panic!("no install row for {shell}"));
    row.split('`').nth(1).unwrap().to_string()
}

/// Where a line's last `>` writes, with `~` expanded.
fn target(home: &Path, line: &str) -> PathBuf {
    let file = line.rsplit('>').next().unwrap().trim();
    home.join(file.strip_prefix("~/").expect("a path under ~"))
}

#[test]
fn completion_install_lines_create_their_directories_and_work() {
    let docs = docs();
    for (shell, arg) in [
        ("bash", "bash"),
        ("zsh", "zsh"),
        ("fish", "fish"),
        ("elvish", "elvish"),
        ("PowerShell", "powershell"),
    ] {
        let home = home(arg);
        let line = install_line(&docs, shell);
        let out = run(&home, &line);
        assert!(
            out.status.success(),
            "{shell}: `{line}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = target(&home, &line);
        let script = std::fs::read(&file).unwrap_or_else(|e| panic!("{shell}: {file:?}: {e}"));
        let fresh = Command::new(env!("CARGO_BIN_EXE_obserr"))
            .args(["completions", arg])
            .output()
            .unwrap()
            .stdout;
        assert_eq!(script, fresh, "{shell}");
        if shell == "bash" {
            // No bash-completion package: the script, sourced as the docs
            // say, registers itself.
            let source = format!("source {}; complete -p obserr", file.display());
            assert!(docs.contains("source ~/.local/share/bash-completion/completions/obserr"));
            let out = run(&home, &source);
            let registered = String::from_utf8_lossy(&out.stdout);
            assert!(registered.contains("-F _obserr"), "{registered}");
        }
        std::fs::remove_dir_all(&home).unwrap();
    }
}

#[test]
fn the_man_page_line_puts_it_where_man_finds_it() {
    let docs = docs();
    let line = docs
        .lines()
        .find(|l| l.contains("obserr man >") && l.contains("mkdir -p"))
        .expect("a man page install line")
        .split("  #")
        .next()
        .unwrap()
        .trim()
        .to_string();
    let home = home("man");
    let out = run(&home, &line);
    assert!(
        out.status.success(),
        "`{line}`: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = target(&home, &line);
    assert!(
        std::fs::metadata(&page).is_ok_and(|m| m.len() > 0),
        "{page:?}"
    );
    if !common::available("man", "`man -w obserr` was not run") {
        return;
    }
    let out = Command::new("man")
        .args(["-w", "obserr"])
        .env_clear()
        .env("HOME", &home)
        .env("PATH", path(&home))
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        shown.trim(),
        page.display().to_string(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&home).unwrap();
}
