//! Writing JSON, pretty or one a line, with every character a terminal
//! could act on escaped.

use serde::Serialize;
use std::io::{self, Write};

/// Writes `value` as pretty JSON followed by a line break.
pub fn write(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *out,
        SafeFormatter(serde_json::ser::PrettyFormatter::default()),
    );
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes `value` as JSON on one line (JSON Lines, as `scan --follow --json`
/// streams), escaped as [`write()`] escapes.
pub fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *out,
        SafeFormatter(serde_json::ser::CompactFormatter),
    );
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// `serde_json`'s pretty printer, except that DEL, C1 controls (U+009B is a
/// terminal's CSI) and bidirectional overrides are written as `\uXXXX` too:
/// JSON only requires escaping C0, but `obserr --json` often lands on a
/// terminal, and the strings may come from a pasted response.
struct SafeFormatter<F>(F);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeFormatter<F> {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if crate::sanitize::is_unsafe(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_controls_del_and_bidi_overrides_are_escaped_too() {
        let mut buf = Vec::new();
        write(&mut buf, &["a\u{9b}2J\u{7f}\u{202e}é\x1b"]).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text, "[\n  \"a\\u009b2J\\u007f\\u202eé\\u001b\"\n]\n");
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ["a\u{9b}2J\u{7f}\u{202e}é\x1b"]);
    }
}
