//! The label column of an entry's and a status's fields.

use crate::render::layout;
use crate::render::style::Style;
use std::io::{self, Write};

/// Width of the labels in front of an entry's fields (`Solution:` plus a space).
pub(super) const LABEL: usize = 10;

/// Writes `label` in the label column, then `text` wrapped under it.
pub(super) fn field(out: &mut impl Write, s: &Style, label: &str, text: &str) -> io::Result<()> {
    layout::field(out, s, LABEL, label, text)
}
