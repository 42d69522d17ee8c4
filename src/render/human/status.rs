//! `explain STATUS`: what a bare HTTP status means for OBS, and its codes.

use super::label::{field, LABEL};
use super::list::one_line;
use crate::catalogue::{Entry, StatusInfo};
use crate::render::layout::wrap;
use crate::render::style::Style;
use std::io::{self, Write};

/// What a bare HTTP status means for OBS, and the codes that come with it.
pub fn status(
    out: &mut impl Write,
    s: &Style,
    status: u16,
    info: Option<&StatusInfo>,
    codes: &[&Entry],
) -> io::Result<()> {
    let reason = info.map_or("", |i| i.reason);
    writeln!(
        out,
        "{}",
        s.status(status, format!("HTTP {status} {reason}").trim_end())
    )?;
    if let Some(info) = info {
        field(out, s, "Meaning:", info.meaning)?;
        for (n, cause) in info.causes.iter().enumerate() {
            let label = if n == 0 { "Causes:" } else { "" };
            let label = s.label(&format!("{label:<LABEL$}"));
            writeln!(out, "{label}- {}", wrap(cause, LABEL + 2, s.width))?;
        }
    }
    if codes.is_empty() {
        return field(out, s, "Codes:", "no catalogued error code has this status");
    }
    writeln!(out, "{}", s.label(&format!("Codes with status {status}:")))?;
    let max = codes.iter().map(|e| e.code.len()).max().unwrap_or(0);
    for e in codes {
        let pad = " ".repeat(max - e.code.len());
        let message = wrap(&one_line(e.message()), max + 4, s.width);
        writeln!(out, "  {}{pad}  {message}", s.code(e.code))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;
    use crate::render::testing::render;

    #[test]
    fn a_status_fits_the_terminal_with_hanging_indents() {
        let codes: Vec<&Entry> =
            catalogue::by_status(catalogue::StatusFilter::Exact(403)).collect();
        let style = Style {
            width: Some(70),
            ..Style::default()
        };
        let text = render(|o| status(o, &style, 403, catalogue::status_info(403), &codes));
        assert!(text.lines().all(|l| l.chars().count() <= 70), "{text}");
        // A cause that wraps continues under its own text, not under the dash.
        let causes: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("Causes:"))
            .collect();
        assert!(causes[1].starts_with("            "), "{text}");
        let plain = render(|o| {
            status(
                o,
                &Style::default(),
                403,
                catalogue::status_info(403),
                &codes,
            )
        });
        assert_eq!(
            plain.lines().filter(|l| l.starts_with("  ")).count(),
            codes.len() + 5
        );
    }
}
