//! Every byte obserr writes to stdout is produced here, into any `io::Write`.
//! Renderers are pure: the colour decision and the terminal width are values
//! passed in ([`Style`]), never looked up, so output can be compared exactly.

pub mod diagnosis;
pub mod human;
pub mod json;
pub mod message;
mod names;
pub mod scan;
pub mod sigcheck;

pub use message::Message;

use owo_colors::{OwoColorize, Style as Paint};
use unicode_width::UnicodeWidthStr;

/// How human output should look.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
    /// Terminal width to wrap and fit tables to; `None` when not a terminal,
    /// which also selects plain, greppable lines for lists.
    pub width: Option<usize>,
    /// Draw tables with ASCII only (`+`, `-`, `|`): the locale is not UTF-8.
    pub ascii: bool,
    /// Make documentation links clickable with OSC 8 escapes (a terminal that
    /// does not know them shows the plain text).
    pub hyperlinks: bool,
}

impl Style {
    fn paint(&self, text: &str, paint: Paint) -> String {
        if self.color {
            text.style(paint).to_string()
        } else {
            text.to_string()
        }
    }
    fn code(&self, text: &str) -> String {
        self.paint(text, Paint::new().bold().cyan())
    }
    fn label(&self, text: &str) -> String {
        self.paint(text, Paint::new().bold())
    }
    fn status(&self, status: u16, text: &str) -> String {
        let paint = match status {
            500.. => Paint::new().red().bold(),
            400..=499 => Paint::new().yellow().bold(),
            _ => Paint::new().blue().bold(),
        };
        self.paint(text, paint)
    }
    fn good(&self, text: &str) -> String {
        self.paint(text, Paint::new().green())
    }
    fn bad(&self, text: &str) -> String {
        self.paint(text, Paint::new().red())
    }
    /// `text` as a link to `url` when hyperlinks are on (OSC 8, ended by ST).
    fn link(&self, url: &str, text: &str) -> String {
        if self.hyperlinks {
            format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\")
        } else {
            text.to_string()
        }
    }
}

/// How many terminal columns `text` takes (wide characters count two).
#[must_use]
pub fn columns(text: &str) -> usize {
    // Nearly every word obserr wraps is ASCII: one column a byte, no tables.
    if text.is_ascii() {
        text.len()
    } else {
        text.width()
    }
}

/// Writes `label` padded to `width` columns, then `text` wrapped under it.
fn field(
    out: &mut impl std::io::Write,
    s: &Style,
    width: usize,
    label: &str,
    text: &str,
) -> std::io::Result<()> {
    let padded = format!("{label:<width$}");
    writeln!(out, "{}{}", s.label(&padded), wrap(text, width, s.width))
}

/// The `Retry:` line of an entry: its advice, wrapped like every field, green
/// when a retry helps (each line painted on its own, so that a pager showing
/// part of it still resets the colour).
fn retry(
    out: &mut impl std::io::Write,
    s: &Style,
    width: usize,
    e: &crate::Entry,
) -> std::io::Result<()> {
    let wrapped = wrap(retry_advice(e.retry()), width, s.width);
    let padded = format!("{:<width$}", "Retry:");
    if !s.color {
        return writeln!(out, "{padded}{wrapped}");
    }
    let advice: Vec<String> = wrapped
        .split('\n')
        .map(|line| {
            let (pad, words) = line.split_at(line.len() - line.trim_start().len());
            let painted = if e.retryable {
                s.good(words)
            } else {
                s.bad(words)
            };
            format!("{pad}{painted}")
        })
        .collect();
    writeln!(out, "{}{}", s.label(&padded), advice.join("\n"))
}

/// The retry advice in one sentence.
#[must_use]
pub fn retry_advice(retry: crate::catalogue::Retry) -> &'static str {
    use crate::catalogue::Retry;
    match retry {
        Retry::AfterSlowingDown => {
            "yes, after slowing down: reduce the request rate and retry with exponential backoff"
        }
        Retry::ServerFailure => "yes: a server-side failure; retry with exponential backoff",
        Retry::SendAgain => "yes: the request failed in transit or was interrupted; send it again",
        Retry::AfterConflict => {
            "yes, once the conflicting operation has ended; when creating a bucket, see the causes: another name may be needed"
        }
        Retry::FollowAddress => "no: send the request to the address given in the response",
        Retry::FixFirst => "no: the same request will fail again; fix it first",
        Retry::RunAgain => {
            "yes: the failure may pass; run it again (the SDK or tool may already have)"
        }
        Retry::FixCause => "no: it will fail again; fix the cause first",
    }
}

/// Where a cause comes from, as the short tag after the cause in human output:
/// `[docs: api-ref, row TooManyRequests]`, `[FAQ: Why Am I Unable to Create a
/// Bucket?]`, `[SDK: huaweicloud-sdk-java-obs RestStorageService.java#L682-L689]`,
/// `[experience: no OBS page says so]`. The JSON carries the whole source.
#[must_use]
pub fn cause_source_tag(src: &crate::catalogue::CauseSource) -> String {
    use crate::catalogue::CauseSourceKind;
    let text = match src.kind {
        CauseSourceKind::Doc => format!(
            "docs: {}{}",
            src.page.unwrap_or(""),
            src.at.map(|at| format!(", {at}")).unwrap_or_default()
        ),
        CauseSourceKind::Faq => {
            let title = src.title.unwrap_or("");
            format!("FAQ: {}", title.strip_prefix("OBS FAQ: ").unwrap_or(title))
        }
        CauseSourceKind::Sdk => format!(
            "SDK: {} {}#{}",
            src.page
                .map_or("", |repo| repo.rsplit('/').next().unwrap_or(repo)),
            src.title.unwrap_or(""),
            src.at.unwrap_or("")
        ),
        CauseSourceKind::Experience => "experience: no OBS page says so".to_string(),
    };
    format!("[{text}]")
}

/// The shortest tag of where a cause comes from, for decode's short form
/// (`[docs]`, `[FAQ]`, `[SDK]`, `[experience]`): `--verbose`, `explain` and
/// the JSON name the page, row or file.
#[must_use]
pub fn cause_source_kind_tag(src: &crate::catalogue::CauseSource) -> &'static str {
    use crate::catalogue::CauseSourceKind;
    match src.kind {
        CauseSourceKind::Doc => "[docs]",
        CauseSourceKind::Faq => "[FAQ]",
        CauseSourceKind::Sdk => "[SDK]",
        CauseSourceKind::Experience => "[experience]",
    }
}

/// Word-wraps `text` to `width` terminal columns, continuing lines with
/// `indent` spaces. The first line is assumed to start after a label of
/// `indent` columns.
/// Without a width, only the text's own line breaks are indented.
fn wrap(text: &str, indent: usize, width: Option<usize>) -> String {
    let pad = " ".repeat(indent);
    let avail = width.map(|w| w.saturating_sub(indent).max(20));
    let mut out = String::new();
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
            }
        }
        let Some(avail) = avail else {
            out.push_str(line);
            continue;
        };
        let mut col = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let len = columns(word);
            if col > 0 && col + 1 + len > avail {
                out.push('\n');
                out.push_str(&pad);
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_words_and_indents() {
        assert_eq!(wrap("aaa bbb ccc", 2, Some(30)), "aaa bbb ccc");
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let wrapped = wrap(text, 4, Some(24));
        assert!(wrapped.lines().all(|l| columns(l) <= 24), "{wrapped}");
        assert!(wrapped.lines().skip(1).all(|l| l.starts_with("    ")));
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>().join(" "),
            text
        );
        assert_eq!(wrap("a\n\nb", 3, None), "a\n\n   b");
    }

    #[test]
    fn wrap_counts_terminal_columns_not_characters() {
        // Six wide characters take twelve columns: at 30 columns with a
        // 10-column label (20 left, the floor), two such words do not fit.
        let wide = "日本語の文字 日本語の文字";
        assert_eq!(columns("日本語の文字"), 12);
        assert_eq!(
            wrap(wide, 10, Some(30)),
            "日本語の文字\n          日本語の文字"
        );
        assert_eq!(wrap("abcdef abcdef", 10, Some(30)), "abcdef abcdef");
    }

    #[test]
    fn links_are_osc8_only_when_on() {
        let on = Style {
            hyperlinks: true,
            ..Style::default()
        };
        assert_eq!(
            on.link("https://x", "X"),
            "\x1b]8;;https://x\x1b\\X\x1b]8;;\x1b\\"
        );
        assert_eq!(Style::default().link("https://x", "X"), "X");
    }

    #[test]
    fn colour_is_only_used_when_asked() {
        let plain = Style::default();
        let colored = Style {
            color: true,
            ..Style::default()
        };
        assert_eq!(plain.code("X"), "X");
        assert!(colored.code("X").contains("\x1b["));
    }
}
