//! The input as the readers get it: where its bytes turn binary
//! ([`binary_at`]), the rest as text ([`lossy`]), and the two searches every
//! reader runs over that text ([`find`], [`split_inclusive_lines`]), with
//! memchr's SIMD code: decode goes over up to 8 MiB several times.

/// `bytes` as text. Each run of non-ASCII bytes that is not valid UTF-8
/// becomes one U+FFFD. One per invalid byte, as `String::from_utf8_lossy`
/// writes, adds nothing a reader can use, and on megabytes of random high
/// bytes costs over a hundred milliseconds of mispredicted branches. Valid
/// characters are never split: all bytes of a multi-byte character are
/// non-ASCII, so a run holds whole characters or none.
pub fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.into();
    }
    let mut text = String::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            text.push(char::from(b));
            i += 1;
            continue;
        }
        let end = bytes[i..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |n| i + n);
        let run = &bytes[i..end];
        // Only 0xC2..=0xF4 lead a character of two or more bytes: in random
        // bytes most runs fail this, and skip the full check.
        match Some(run)
            .filter(|r| r.len() >= 2 && matches!(r[0], 0xc2..=0xf4))
            .and_then(|r| std::str::from_utf8(r).ok())
        {
            Some(valid) => text.push_str(valid),
            None => text.push('\u{fffd}'),
        }
        i = end;
    }
    text.into()
}

/// Bytes of at most this many are looked at together by [`binary_at`].
const BLOCK: usize = 4096;
/// A block with this many (one in sixteen) binary control bytes is binary.
const BINARY_CONTROLS: usize = BLOCK / 16;

/// Where the input stops being text: the first NUL, or the first control byte
/// of a block dense with the control bytes text never holds (those `file(1)`
/// counts as binary; not tab, line breaks, ESC or DEL). No text encoding
/// obserr may meet (UTF-8, Latin-1, GBK) puts them there; random bytes and
/// compressed or image data have one in ten. Reading on would turn binary
/// data into a U+FFFD per byte for nothing. A few stray controls, as an
/// escape-injection attempt carries, stay text: they are shown escaped.
#[must_use]
pub fn binary_at(bytes: &[u8]) -> Option<usize> {
    let is_binary_control = |b: u8| matches!(b, 0..=8 | 0x0e..=0x1a | 0x1c..=0x1f);
    let nul = memchr::memchr(0, bytes);
    let searched = &bytes[..nul.unwrap_or(bytes.len())];
    let dense = searched.chunks(BLOCK).enumerate().find_map(|(i, block)| {
        // u16 lanes: LLVM vectorises this; a block has at most 4096 of them.
        let controls = block
            .iter()
            .fold(0u16, |n, &b| n + u16::from(is_binary_control(b)));
        (usize::from(controls) >= BINARY_CONTROLS).then(|| {
            i * BLOCK
                + block
                    .iter()
                    .position(|&b| is_binary_control(b))
                    .unwrap_or(0)
        })
    });
    dense.or(nul)
}

/// [`String::from_utf8_lossy`], with the standard library's faster check of
/// valid UTF-8 first: the lossy conversion walks its input a byte at a time
/// even when nothing needs replacing.
pub fn utf8_lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// `haystack.find(needle)`, with memchr's SIMD search: these scans run over
/// the whole input, up to 8 MiB of it.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes())
}

/// `text.split_inclusive('\n')`, with memchr's search for the line feed: the
/// standard library's character searcher costs about two hundred
/// instructions a line, and decode goes over the lines of its input several
/// times (`inclusive_lines_agree_with_split_inclusive` pins the equivalence).
pub fn split_inclusive_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lossy_keeps_every_ascii_byte_and_all_valid_text(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512),
            text in ".{0,64}",
        ) {
            let out = lossy(&bytes);
            let ascii = |b: &[u8]| b.iter().copied().filter(u8::is_ascii).collect::<Vec<u8>>();
            proptest::prop_assert_eq!(ascii(&bytes), ascii(out.as_bytes()));
            proptest::prop_assert!(out.len() <= bytes.len().max(1) * 3);
            proptest::prop_assert_eq!(lossy(text.as_bytes()), text.as_str());
        }
    }

    proptest::proptest! {
        #[test]
        fn inclusive_lines_agree_with_split_inclusive(text in "[a\\n\\r\u{e9}]{0,40}") {
            let ours: Vec<&str> = split_inclusive_lines(&text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn binary_starts_at_a_nul_or_in_a_block_dense_with_controls() {
        let mut text = b"HTTP/1.1 200 OK\r\n\tx\x1b[31m\x07\x7f\r\n\r\n".repeat(300);
        assert_eq!(binary_at(&text), None, "stray controls are text");
        let at = text.len();
        text.extend((1u8..=255).cycle().take(10_000));
        let found = binary_at(&text).unwrap();
        assert!(found <= at + 1, "{found} vs {at}");
        assert!(found + BLOCK > at, "{found} vs {at}");
        assert_eq!(binary_at(b"abc\0def\x01"), Some(3));
        let multibyte = "错误码 [NoSuchKey] ".as_bytes().repeat(1000);
        assert_eq!(binary_at(&multibyte), None);
    }
}
