//! Reading one input of `decode` or `sigcheck` (a file, or standard input
//! with a prompt on a terminal), never more than the library's
//! [`Input::MAX_BYTES`].

use super::terminal::Terminal;
use obserr::{Input, Message, ReadError};
use std::io;

/// Reads at most `cap` bytes; one byte more means the input is too large, and
/// the rest is never read. Nothing but white space is [`ReadError::Empty`].
pub fn read_capped(reader: impl io::Read, cap: u64) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    io::Read::read_to_end(&mut io::Read::take(reader, cap + 1), &mut buf).map_err(ReadError::Io)?;
    if buf.len() as u64 > cap {
        return Err(ReadError::TooLarge);
    }
    if buf.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    Ok(buf)
}

/// One input's bytes (`decode`'s or `sigcheck`'s), at most [`Input::MAX_BYTES`] of
/// them; on a terminal, standard input is asked for first.
pub fn read_input(input: &Input, terminal: &Terminal) -> Result<Vec<u8>, ReadError> {
    match input {
        Input::File(path) => {
            let file = std::fs::File::open(path).map_err(ReadError::Io)?;
            read_capped(file, Input::MAX_BYTES)
        }
        Input::Stdin => {
            if terminal.stdin_tty {
                // Said at once, not buffered: otherwise obserr seems to hang.
                let _ = Message::PastePrompt.write(&mut io::stderr());
            }
            read_capped(io::stdin().lock(), Input::MAX_BYTES)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_one_byte_past_the_cap() {
        assert_eq!(read_capped(&b"abc"[..], 3).unwrap(), b"abc");
        assert!(matches!(
            read_capped(&b"abcd"[..], 3),
            Err(ReadError::TooLarge)
        ));
        assert!(matches!(
            read_capped(&b" \n\t"[..], 3),
            Err(ReadError::Empty)
        ));
    }
}
