//! Renders a [`Diagnosis`]: for people, short ([`human`]) or in full
//! ([`human_verbose`]), and as a `decode --json` response object
//! ([`ResponseJson`]). Every sentence a [`Hint`] becomes is written here
//! ([`finding`]). Every piece of text that came from the response goes
//! through [`visible`] on the human side, colour or not; JSON leaves it to
//! `serde_json`, which escapes every control character.
//!
//! [`Diagnosis`]: crate::diagnose::Diagnosis
//! [`Hint`]: crate::diagnose::Hint

mod hint;
mod hint_json;
mod json;
mod lines;
mod short;
mod verbose;

pub use json::{json_all, ResponseJson};
pub use short::{human, SHORT_LINES};
pub use verbose::human_verbose;

use crate::decoded::{Decoded, Input};
use crate::render::names::input_name;
use crate::render::style::Style;
use std::io::{self, Write};

/// Errors of one input shown in full; past it, a count and where to look.
pub const MAX_SHOWN: usize = 20;

/// Every decoded input for people: with several inputs, a `==> NAME <==`
/// line before each. Unreadable inputs are left out (their error is on
/// stderr). Each response in the short form of [`human`], or with
/// `verbose` in the full form of [`human_verbose`].
pub fn human_all(
    out: &mut impl Write,
    s: &Style,
    decoded: &[Decoded],
    verbose: bool,
) -> io::Result<()> {
    let several = decoded.len() > 1;
    let mut first = true;
    for item in decoded {
        let Ok(diagnoses) = &item.result else {
            continue;
        };
        let count = diagnoses.len();
        for (n, d) in diagnoses.iter().take(MAX_SHOWN).enumerate() {
            if !first {
                writeln!(out)?;
            }
            first = false;
            match (several, count > 1) {
                (true, true) => writeln!(
                    out,
                    "==> {} ({} of {count}) <==",
                    input_name(&item.input),
                    n + 1
                )?,
                (true, false) => writeln!(out, "==> {} <==", input_name(&item.input))?,
                (false, true) => writeln!(out, "==> {} of {count} <==", n + 1)?,
                (false, false) => {}
            }
            if verbose {
                human_verbose(out, s, d)?;
            } else {
                human(out, s, d)?;
            }
        }
        if count > MAX_SHOWN {
            let file = match &item.input {
                Input::File(_) => input_name(&item.input),
                Input::Stdin => "FILE".to_string(),
            };
            let more = if count >= crate::decode::MAX_RESPONSES {
                "at least ".to_string()
            } else {
                String::new()
            };
            writeln!(
                out,
                "\n... and {more}{} more errors: `obserr scan {file}` lists every error in a log",
                count - MAX_SHOWN
            )?;
        }
    }
    Ok(())
}
