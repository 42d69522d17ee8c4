//! Every byte obserr writes to stdout is produced here, into any `io::Write`.
//! Renderers are pure: the colour decision and the terminal width are values
//! passed in ([`Style`]), never looked up, so output can be compared exactly.

pub mod diagnosis;
pub mod human;
pub mod json;
pub mod message;
pub mod scan;

pub use message::Message;

use owo_colors::{OwoColorize, Style as Paint};

/// How human output should look.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
    /// Terminal width to wrap and fit tables to; `None` when not a terminal,
    /// which also selects plain, greppable lines for lists.
    pub width: Option<usize>,
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

/// The `Retry:` line of an entry: its advice, green when a retry helps.
fn retry(
    out: &mut impl std::io::Write,
    s: &Style,
    width: usize,
    e: &crate::Entry,
) -> std::io::Result<()> {
    let advice = if e.retryable {
        s.good(retry_advice(e.retry()))
    } else {
        s.bad(retry_advice(e.retry()))
    };
    writeln!(out, "{}{advice}", s.label(&format!("{:<width$}", "Retry:")))
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
        Retry::FollowAddress => "no: send the request to the address given in the response",
        Retry::FixFirst => "no: the same request will fail again; fix it first",
    }
}

/// Word-wraps `text` to `width` columns, continuing lines with `indent` spaces.
/// The first line is assumed to start after a label of `indent` columns.
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
            let len = word.chars().count();
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
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 24),
            "{wrapped}"
        );
        assert!(wrapped.lines().skip(1).all(|l| l.starts_with("    ")));
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>().join(" "),
            text
        );
        assert_eq!(wrap("a\n\nb", 3, None), "a\n\n   b");
    }

    #[test]
    fn colour_is_only_used_when_asked() {
        let plain = Style {
            color: false,
            width: None,
        };
        let colored = Style {
            color: true,
            width: None,
        };
        assert_eq!(plain.code("X"), "X");
        assert!(colored.code("X").contains("\x1b["));
    }
}
