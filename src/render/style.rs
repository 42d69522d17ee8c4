//! [`Style`]: how human output looks (colour, width, ASCII tables, links),
//! decided by the caller and passed in, and the paints every renderer uses.

use owo_colors::{OwoColorize, Style as Paint};

/// How human output should look: colour, wrapping width, ASCII tables and
/// links, decided by the caller (the binary asks the terminal) and passed to
/// [`Human`](crate::Human). The default is plain text for a pipe.
///
/// ```
/// use obserr::{Human, Style};
///
/// let entry = obserr::lookup("NoSuchKey").unwrap();
/// let show = |style: &Style| {
///     let mut out = Vec::new();
///     Human::new(style).entry(&mut out, entry).unwrap();
///     String::from_utf8(out).unwrap()
/// };
/// assert!(!show(&Style::default()).contains('\x1b'));
/// assert!(show(&Style { color: true, ..Style::default() }).contains("\x1b["));
/// ```
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
    /// A code: bold cyan.
    pub(super) fn code(&self, text: &str) -> String {
        self.paint(text, Paint::new().bold().cyan())
    }
    /// A label: bold.
    pub(super) fn label(&self, text: &str) -> String {
        self.paint(text, Paint::new().bold())
    }
    /// A status: red for 5xx, yellow for 4xx, blue otherwise.
    pub(super) fn status(&self, status: u16, text: &str) -> String {
        let paint = match status {
            500.. => Paint::new().red().bold(),
            400..=499 => Paint::new().yellow().bold(),
            _ => Paint::new().blue().bold(),
        };
        self.paint(text, paint)
    }
    /// Good news: green.
    pub(super) fn good(&self, text: &str) -> String {
        self.paint(text, Paint::new().green())
    }
    /// Bad news: red.
    pub(super) fn bad(&self, text: &str) -> String {
        self.paint(text, Paint::new().red())
    }
    /// `text` as a link to `url` when hyperlinks are on (OSC 8, ended by ST).
    pub(super) fn link(&self, url: &str, text: &str) -> String {
        if self.hyperlinks {
            format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\")
        } else {
            text.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
