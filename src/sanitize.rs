//! Makes untrusted text safe to show: control characters (C0, DEL, C1 such as
//! U+009B CSI) and bidirectional overrides become visible escapes, so nothing
//! pasted into obserr can move the cursor, recolour or rewrite the terminal.

use std::borrow::Cow;

/// Characters that must never reach a terminal raw.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn escape_into(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
        c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// `s` with every control character (line breaks included) written as an escape
/// such as `\x1b` or `\n`. Borrowed when there is nothing to escape. The
/// printers apply it to everything a paste carries; a caller that shows a
/// response's values itself should too.
///
/// ```
/// use std::borrow::Cow;
///
/// assert_eq!(obserr::visible("NoSuchKey\x1b[2J\r\n"), "NoSuchKey\\x1b[2J\\r\\n");
/// assert_eq!(obserr::visible("rev\u{202E}txt"), "rev\\u{202e}txt");
/// assert!(matches!(obserr::visible("NoSuchKey"), Cow::Borrowed(_)));
/// ```
#[must_use]
pub fn visible(s: &str) -> Cow<'_, str> {
    escape(s, |_| false)
}

fn escape(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) && !keep(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(visible("a\x1b[31mb"), "a\\x1b[31mb");
        assert_eq!(visible("\u{9b}2J"), "\\x9b2J");
        assert_eq!(visible("x\x7fy\x00"), "x\\x7fy\\x00");
        assert_eq!(visible("l1\r\nl2\t"), "l1\\r\\nl2\\t");
        assert_eq!(visible("rev\u{202E}txt"), "rev\\u{202e}txt");
        assert!(matches!(visible("NoSuchKey ünïcode"), Cow::Borrowed(_)));
    }
}
