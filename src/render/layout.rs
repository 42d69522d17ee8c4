//! Text laid out in terminal columns: widths that count wide characters
//! twice, word wrapping under a label, and the labelled field every human
//! form is made of.

use super::style::Style;
use unicode_width::UnicodeWidthStr;

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
pub(super) fn field(
    out: &mut impl std::io::Write,
    s: &Style,
    width: usize,
    label: &str,
    text: &str,
) -> std::io::Result<()> {
    let padded = format!("{label:<width$}");
    writeln!(out, "{}{}", s.label(&padded), wrap(text, width, s.width))
}

/// Word-wraps `text` to `width` terminal columns, continuing lines with
/// `indent` spaces. The first line is assumed to start after a label of
/// `indent` columns.
/// Without a width, only the text's own line breaks are indented.
pub(super) fn wrap(text: &str, indent: usize, width: Option<usize>) -> String {
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
}
