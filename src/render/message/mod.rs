//! Every line obserr writes to stderr, as one [`Message`] type with one
//! shape: `obserr: error: WHAT`, then an optional `hint: WHAT TO DO` line.
//! The variants and how a message's lines are put together are in
//! `variants`; the first line's text in `error` (also the `error` of a usage
//! error's JSON object); the hint in `hint`.

mod error;
mod hint;
mod variants;

#[cfg(test)]
mod tests;

pub use error::read_error;
pub use variants::Message;
