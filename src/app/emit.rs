//! Writing what a run produced: stdout through the pager when it is taller
//! than the terminal, else stdout and stderr interleaved in the order things
//! happened; what clap refused or was asked for (help, version); the exit
//! status. A closed pipe is not an error.

use super::output::Output;
use super::terminal::{command_words, Terminal};
use obserr::Outcome;
use obserr::{Json, Message};
use std::io::{self, Write};
use std::process::{ExitCode, Stdio};

/// Writes the output where it belongs and returns the exit code. A closed pipe
/// is not an error: the reader has what it wanted.
pub fn emit(output: Output, terminal: &Terminal) -> ExitCode {
    let tall = |height: usize| rows(&output.stdout, terminal.style.width) >= height;
    let pager = match &terminal.pager {
        Some(pager) if !output.unpaged && (pager.always || terminal.height.is_some_and(tall)) => {
            Some(pager)
        }
        _ => None,
    };
    // The pager takes all of stdout: the messages come first.
    let paged = pager.is_some_and(|pager| {
        for (_, message) in &output.messages {
            let _ = message.write(&mut io::stderr());
        }
        page(&pager.command, &output.stdout).is_ok()
    });
    if paged {
        return ExitCode::from(output.outcome.exit_status());
    }
    let said = if pager.is_some() {
        &[][..]
    } else {
        &output.messages[..]
    };
    match interleave(&output.stdout, said) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            let _ = Message::CannotWrite(e).write(&mut io::stderr());
            return ExitCode::from(Outcome::InputError.exit_status());
        }
    }
    ExitCode::from(output.outcome.exit_status())
}

/// Writes stdout, and each message to stderr where it came in stdout, so that
/// a terminal shows both in the order they happened. A closed stdout ends the
/// stdout part only: the messages are still written.
fn interleave(stdout_bytes: &[u8], said: &[(usize, Message)]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    let mut written = 0;
    let mut result = Ok(());
    for (at, message) in said {
        let at = (*at).min(stdout_bytes.len());
        if result.is_ok() && at > written {
            result = stdout
                .write_all(&stdout_bytes[written..at])
                .and_then(|()| stdout.flush());
            written = at;
        }
        let _ = message.write(&mut io::stderr());
    }
    result?;
    stdout.write_all(&stdout_bytes[written..])?;
    stdout.flush()
}

/// Reports what clap refused (or the help and version it was asked for).
/// clap echoes the offending argument, so the text is made visible first.
/// Under `--json` a usage error is also a JSON error object on stdout.
pub fn clap_failure(err: &clap::Error, json: bool) -> ExitCode {
    let text = err.render().to_string();
    let text = visible_lines(&text);
    if !err.use_stderr() {
        // --help and --version go to stdout with status 0; a closed pipe is fine.
        drop(io::stdout().lock().write_all(text.as_bytes()));
        return ExitCode::from(Outcome::Found.exit_status());
    }
    // Same shape as obserr's own errors: `obserr: error: ...`.
    let prefix = if text.starts_with("error:") {
        "obserr: "
    } else {
        ""
    };
    drop(io::stderr().write_all(format!("{prefix}{text}").as_bytes()));
    if json {
        // The error paragraph, before the usage lines, on one line.
        let paragraph = text.split("\n\n").next().unwrap_or_default();
        let paragraph = paragraph.strip_prefix("error: ").unwrap_or(paragraph);
        let error = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut buf = Vec::new();
        Json::error(&mut buf, &Message::Refused(error), None).expect("memory");
        drop(io::stdout().lock().write_all(&buf));
    }
    ExitCode::from(Outcome::InputError.exit_status())
}

/// How many terminal rows `text` takes at `width` columns: long lines wrap.
/// Escape sequences (colour, hyperlinks) take no room; wide characters two
/// columns.
fn rows(text: &[u8], width: Option<usize>) -> usize {
    let text = String::from_utf8_lossy(text);
    text.lines()
        .map(|line| {
            let visible = anstream::adapter::strip_str(line).to_string();
            let columns = unicode_width::UnicodeWidthStr::width(visible.as_str());
            width.map_or(1, |w| columns.div_ceil(w.max(1)).max(1))
        })
        .sum()
}

/// Shows `text` through the user's pager (split into words as a shell would,
/// but no shell runs). Fails, so the caller prints directly, when the pager
/// is empty, unbalanced in its quotes or cannot start.
fn page(pager: &str, text: &[u8]) -> io::Result<()> {
    let (program, args) = command_words(pager, "empty PAGER")?;
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // The user may quit the pager before reading everything.
        let _ = stdin.write_all(text);
    }
    child.wait()?;
    Ok(())
}

/// `text` made visible line by line: every control character escaped but the
/// line feeds, which clap's multi-line messages need.
fn visible_lines(text: &str) -> String {
    text.split('\n')
        .map(obserr::visible)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_count_wrapped_lines_and_ignore_colour() {
        assert_eq!(rows(b"a\nb\n", Some(80)), 2);
        assert_eq!(rows(&[b'x'; 200], Some(80)), 3);
        assert_eq!(rows(b"\x1b[1mbold\x1b[0m\n\n", Some(4)), 2);
        assert_eq!(rows(b"", Some(80)), 0);
        let link = "\x1b]8;;https://example.com/m\x1b\\docs\x1b]8;;\x1b\\\n";
        assert_eq!(rows(link.as_bytes(), Some(4)), 1);
        assert_eq!(rows("日本語".as_bytes(), Some(4)), 2);
    }
}
