//! What the free-text readers ([`super::labels`], [`super::sdk`],
//! [`super::needles`]) find: a [`Fact`] each, in the order of the text, for
//! [`super::freetext`]'s `Grouper` to make errors of.

use super::response::Response;

/// Something one reader found, at a byte offset of the text.
#[derive(Debug, Clone)]
pub struct Fact {
    pub at: usize,
    pub kind: FactKind,
}

/// What a fact says.
#[derive(Debug, Clone)]
pub enum FactKind {
    Status(u16),
    /// A reason phrase, with or without its status.
    Reason(String),
    /// A status known only from a reason phrase in a reason's place: it fills
    /// the status, but never starts another error.
    ReasonStatus(u16),
    Code(String),
    Message(String),
    RequestId(String),
    HostId(String),
    /// Any other named field (`BucketName`, `Key`).
    Detail(String, String),
    /// No HTTP response arrived; the text that says so.
    NoResponse(String),
    /// An SDK error that states nothing more (`ObsException`).
    Marker,
    /// What follows is another error, whatever its fields.
    Boundary,
    /// An error on its own (never merged), with its code if it has one.
    Standalone(Option<String>),
    /// An XML error body.
    Xml(Box<Response>),
}

/// Adds a fact found at `at` (an offset in the text).
pub fn push(facts: &mut Vec<Fact>, at: usize, kind: FactKind) {
    facts.push(Fact { at, kind });
}

/// For tests: kinds compare by what they say.
#[cfg(test)]
impl PartialEq for FactKind {
    fn eq(&self, other: &Self) -> bool {
        format!("{self:?}") == format!("{other:?}")
    }
}
