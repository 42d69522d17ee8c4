//! Shared by the fuzz targets that check rendered output.

/// `text` with obserr's SGR sequences (`ESC [ digits/; m`) removed.
pub fn without_sgr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let end = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(tail.len());
        assert!(tail[end..].starts_with('m'), "not an SGR sequence: {tail:?}");
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}
