//! What one run produces before anything is written: stdout's bytes, the
//! messages for stderr (typed, each with its place in stdout), the outcome;
//! and how a usage or input error ends a run.

use obserr::Outcome;
use obserr::{Json, Message};
use std::io;

/// Everything one run produces.
#[derive(Debug, Default)]
pub struct Output {
    /// What goes to stdout, rendered.
    pub stdout: Vec<u8>,
    /// What goes to stderr, each message with how much of stdout came before
    /// it, so that the two streams are written in the order things happened
    /// (`explain A B C` reports B's error between A's and C's explanations).
    /// Written as text only then, by [`emit()`](super::emit::emit).
    pub messages: Vec<(usize, Message)>,
    /// How the run ended: the exit status.
    pub outcome: Outcome,
    /// Written straight to stdout even when it is taller than the terminal.
    pub unpaged: bool,
}

impl Output {
    /// Adds a message for stderr, after what stdout holds so far.
    pub fn say(&mut self, message: Message) {
        self.messages.push((self.stdout.len(), message));
    }
}

/// A usage or input error that ends the run before anything is looked up:
/// its message on stderr, and under `--json` the same as a JSON error object.
pub fn usage_error(out: &mut Output, as_json: bool, message: Message) -> io::Result<()> {
    usage_error_about(out, as_json, message, None)
}

/// [`usage_error`] about one input: the JSON error object names it. Its
/// `error` is the message's error line, as the renderer gives it
/// ([`Message::error`]).
pub fn usage_error_about(
    out: &mut Output,
    as_json: bool,
    message: Message,
    input: Option<String>,
) -> io::Result<()> {
    out.outcome = Outcome::InputError;
    if as_json {
        Json::error(&mut out.stdout, &message, input)?;
    }
    // Before anything else: nothing was written when the run ended.
    out.messages.push((0, message));
    Ok(())
}
