//! `list` and `search`: entries as a table fitted to the terminal, stacked
//! when it is too narrow, or one tab-separated line per code when piped.

use crate::catalogue::{Entry, Kind};
#[cfg(feature = "cli")]
use crate::render::layout::columns;
use crate::render::layout::wrap;
use crate::render::style::Style;
use crate::search::Hit;
#[cfg(feature = "cli")]
use comfy_table::{presets, Cell, ColumnConstraint, ContentArrangement, Table};
use std::io::{self, Write};

/// The narrowest message column worth a table: below it, a list is printed
/// in the stacked form rather than squeezing words a few to a line.
#[cfg(feature = "cli")]
const MIN_MESSAGE: usize = 20;

/// How far the stacked form indents a code's message under it.
const STACK_INDENT: usize = 4;

/// A list of entries: on a terminal, a table fitted to it, or when the
/// terminal is too narrow for one (or the binary is built without the `cli`
/// feature, which brings the table crate), the stacked form: code and status
/// on one line, the message wrapped and indented below. Not on a terminal,
/// one line of tab-separated fields per code (`plain_list`). A code is
/// never broken: the code, status and retry columns take their content's
/// width, and the message column wraps.
pub fn list(out: &mut impl Write, s: &Style, entries: &[&Entry]) -> io::Result<()> {
    let statuses: Vec<String> = entries.iter().map(|e| list_status(e)).collect();
    #[cfg(feature = "cli")]
    {
        let widest = |cells: &mut dyn Iterator<Item = usize>, header: &str| {
            cells.max().unwrap_or(0).max(columns(header))
        };
        let code_w = widest(&mut entries.iter().map(|e| columns(e.code)), "Code");
        let status_w = widest(&mut statuses.iter().map(|st| columns(st)), "Status");
        // Four columns: five borders, and one space of padding each side of a cell.
        let fixed = code_w + status_w + columns("Retry") + 5 + 4 * 2;
        if let Some(width) = s.width.filter(|w| *w >= fixed + 2 + MIN_MESSAGE) {
            return table(out, s, width, entries, statuses);
        }
    }
    match s.width {
        Some(width) => stacked(out, s, width, entries, &statuses),
        None => plain_list(out, entries, &statuses),
    }
}

/// The stacked form of a list, for a terminal too narrow for a table: each
/// code and its status on a line, its message wrapped under it.
fn stacked(
    out: &mut impl Write,
    s: &Style,
    width: usize,
    entries: &[&Entry],
    statuses: &[String],
) -> io::Result<()> {
    let pad = " ".repeat(STACK_INDENT);
    for (e, status) in entries.iter().zip(statuses) {
        writeln!(out, "{}  {status}", s.code(e.code))?;
        let message = wrap(&one_line(e.message()), STACK_INDENT, Some(width));
        writeln!(out, "{pad}{message}")?;
    }
    Ok(())
}

#[cfg(feature = "cli")]
fn table(
    out: &mut impl Write,
    s: &Style,
    width: usize,
    entries: &[&Entry],
    statuses: Vec<String>,
) -> io::Result<()> {
    let mut table = Table::new();
    table
        .load_style(if s.ascii {
            presets::ASCII_FULL_CONDENSED
        } else {
            presets::UTF8_FULL_CONDENSED
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header(["Code", "Status", "Message", "Retry"]);
    for (e, status) in entries.iter().zip(statuses) {
        table.add_row([
            // Cells stay uncoloured: comfy-table measures widths in bytes
            // unless built with crossterm, which obserr does not need.
            Cell::new(e.code),
            Cell::new(status),
            Cell::new(one_line(e.message())),
            Cell::new(if e.retryable { "yes" } else { "no" }),
        ]);
    }
    for column in [0, 1, 3] {
        if let Some(column) = table.column_mut(column) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    writeln!(out, "{table}")
}

/// One line per code, for `grep`, `cut` and `awk` (`gh`'s shape): four
/// tab-separated fields, `code`, `status`, `tool` and `message`. No field
/// holds a tab or a line break, and no code a space: a tool's code is
/// written without its tool (`Obs.0012`), whose name (`browser`, as
/// `explain browser Obs.0012` takes it) is the third field, empty for
/// server and client codes.
fn plain_list(out: &mut impl Write, entries: &[&Entry], statuses: &[String]) -> io::Result<()> {
    for (e, status) in entries.iter().zip(statuses) {
        writeln!(
            out,
            "{}\t{status}\t{}\t{}",
            e.bare_code(),
            e.tool().unwrap_or_default(),
            one_line(e.message())
        )?;
    }
    Ok(())
}

/// Search results, best first, in the same shapes as [`list`].
pub fn hits(out: &mut impl Write, s: &Style, hits: &[Hit]) -> io::Result<()> {
    let entries: Vec<&Entry> = hits.iter().map(|h| h.entry).collect();
    list(out, s, &entries)
}

/// The status column of a list: every documented status, primary first
/// (`408/400`); where none is documented, `N/A` for a server code and the
/// kind (`client`, `tool`) for the others, which never have one.
fn list_status(e: &Entry) -> String {
    let statuses = e.statuses();
    if statuses.is_empty() {
        return match e.kind {
            // An SDK's name for a status it has no other name for (the C
            // SDK's HttpErrorUnknown): any status, none documented.
            Kind::Server | Kind::SdkStatus => "N/A".to_string(),
            kind => kind.name().to_string(),
        };
    }
    statuses
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

/// `text` on one line: its white space runs made single spaces.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;
    use crate::render::testing::render;

    #[test]
    fn plain_lists_have_one_line_per_code() {
        let entries: Vec<&Entry> = catalogue::entries().iter().collect();
        let text = render(|o| list(o, &Style::default(), &entries));
        assert_eq!(text.lines().count(), entries.len());
        let first = text.lines().next().unwrap();
        assert!(first.starts_with(entries[0].code));
        // Four tab-separated fields; the code never holds a space, and the
        // tool and code name the entry again.
        for (line, e) in text.lines().zip(&entries) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "{line:?}");
            assert!(!fields[0].contains(' '), "{line:?}");
            let found = if fields[2].is_empty() {
                catalogue::lookup(fields[0])
            } else {
                catalogue::lookup_tool(fields[2], fields[0])
            };
            assert_eq!(found.map(|f| f.code), Some(e.code), "{line:?}");
        }
    }

    #[cfg(feature = "cli")]
    fn table(width: usize, ascii: bool, entries: &[&Entry]) -> String {
        let style = Style {
            width: Some(width),
            ascii,
            ..Style::default()
        };
        render(|o| list(o, &style, entries))
    }

    #[test]
    #[cfg(feature = "cli")]
    fn tables_fit_the_terminal_and_never_break_a_code() {
        let entries: Vec<&Entry> = catalogue::entries().iter().collect();
        let longest = entries.iter().map(|e| e.code.len()).max().unwrap();
        for width in [longest + 50, 100, 120, 200] {
            let text = table(width, false, &entries);
            assert!(text.contains("│ Code"), "{width}: {text}");
            assert!(text.lines().all(|l| columns(l) <= width), "{width}: {text}");
            for e in &entries {
                assert!(
                    text.contains(&format!("│ {} ", e.code)),
                    "{width}: {} is broken:\n{text}",
                    e.code
                );
            }
        }
    }

    #[test]
    #[cfg(feature = "cli")]
    fn too_narrow_for_a_table_is_the_stacked_form() {
        let entries: Vec<&Entry> = catalogue::entries().iter().collect();
        for width in [40, 60] {
            let text = table(width, false, &entries);
            assert!(!text.contains('│'), "{width}: {text}");
            // Each code on a line of its own with its status, never broken;
            // its message under it, indented, fitting the width.
            let heads: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
            assert_eq!(heads.len(), entries.len(), "{width}");
            for (head, e) in heads.iter().zip(&entries) {
                assert!(head.starts_with(&format!("{}  ", e.code)), "{head}");
            }
            for line in text.lines().filter(|l| l.starts_with(' ')) {
                assert!(line.starts_with("    "), "{line:?}");
                // A single word longer than the width is the only overflow.
                assert!(
                    columns(line) <= width || !line.trim().contains(' '),
                    "{width}: {line:?}"
                );
            }
            let words = |t: &str| t.split_whitespace().count();
            let expected: usize = entries
                .iter()
                .map(|e| words(e.code) + 1 + words(e.message()))
                .sum();
            assert_eq!(words(&text), expected, "{width}: no word lost");
        }
    }

    #[test]
    #[cfg(feature = "cli")]
    fn ascii_tables_have_no_box_drawing() {
        let entries: Vec<&Entry> = catalogue::entries().iter().take(5).collect();
        let text = table(100, true, &entries);
        assert!(text.is_ascii(), "{text}");
        assert!(text.contains("| Code"), "{text}");
    }
}
