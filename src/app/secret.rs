//! The secret key `sigcheck` checks signatures with: from the environment,
//! a key file, or a prompt without echo; never from an argument, and never
//! shown (a key file whose name looks like a key is not named either).

use super::terminal::Terminal;
use obserr::{Input, Message, SecretKey};
use std::io::{self, IsTerminal};

/// The secret key: `OBS_SECRET_ACCESS_KEY`, then `AWS_SECRET_ACCESS_KEY` (set
/// and not empty), then
/// the key file (one trailing line break dropped), then a prompt without echo
/// when standard input (not read as an input) and stderr are terminals.
pub fn secret_key(
    key_file: Option<&std::path::Path>,
    inputs: &[Input],
    terminal: &Terminal,
) -> Result<Option<SecretKey>, Message> {
    use zeroize::Zeroizing;
    for name in ["OBS_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"] {
        // An empty variable counts as unset, as for the pager variables.
        if let Some(value) = std::env::var_os(name).filter(|v| !v.is_empty()) {
            return Ok(Some(SecretKey::new(value.into_encoded_bytes())));
        }
    }
    if let Some(path) = key_file {
        let mut bytes = Zeroizing::new(Vec::new());
        // The file's name is shown unless a key was typed in its place.
        let shown = Some(path).filter(|p| !SecretKey::looks_like_a_key(&p.to_string_lossy()));
        let unreadable = |error: io::Error| Message::KeyFileUnreadable {
            path: shown.map(std::path::Path::to_path_buf),
            error,
        };
        let file = std::fs::File::open(path).map_err(unreadable)?;
        io::Read::read_to_end(&mut io::Read::take(file, 4096), &mut bytes).map_err(unreadable)?;
        let mut end = bytes.len();
        if bytes[..end].ends_with(b"\n") {
            end -= 1;
            if bytes[..end].ends_with(b"\r") {
                end -= 1;
            }
        }
        if end == 0 {
            return Err(Message::EmptyKey);
        }
        return Ok(Some(SecretKey::new(bytes[..end].to_vec())));
    }
    let stdin_read = inputs.contains(&Input::Stdin);
    if !stdin_read && terminal.stdin_tty && io::stderr().is_terminal() {
        let typed =
            rpassword::prompt_password("obserr: secret access key (not echoed, Enter for none): ")
                .map(Zeroizing::new)
                .map_err(Message::KeyPromptFailed)?;
        if typed.is_empty() {
            return Ok(None);
        }
        return Ok(Some(SecretKey::new(typed.as_bytes().to_vec())));
    }
    Ok(None)
}
