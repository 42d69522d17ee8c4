//! How obserr names what it read, for people: an input (`standard input`,
//! a file name made visible) and a path as a user would type it into a
//! shell. Shared by the diagnoses ([`super::diagnosis`]) and the messages on
//! stderr ([`super::message`]), so that neither imports the other.

use crate::decoded::Input;
use crate::sanitize::visible;

/// An input's name for people: the path made safe, or `standard input`.
#[must_use]
pub fn input_name(input: &Input) -> String {
    match input {
        Input::Stdin => "standard input".to_string(),
        Input::File(path) => visible(&path.to_string_lossy()).into_owned(),
    }
}

/// A path as a user would type it into a shell: as it is when it holds only
/// safe characters, else in single quotes; made visible either way.
#[must_use]
pub fn shell_word(path: &str) -> String {
    let plain = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-+,:@%~".contains(&b));
    if plain && !path.is_empty() {
        path.to_string()
    } else {
        format!("'{}'", visible(&path.replace('\'', r"'\''")))
    }
}
