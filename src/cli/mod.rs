//! The command line, declared once with clap's derive API: the doc comments
//! are the help text, and the same definition feeds the shell completions and
//! the man page ([`crate::assets`]).
//!
//! - `args`: [`Cli`], the global options, the subcommands and what each takes;
//! - `parse`: reading a line, lean first, with the implied `explain` and the
//!   refusals clap cannot express;
//! - `values`: the value parsers (the catalogue's codes and statuses offered
//!   for completion) and the times of `scan --since`;
//! - `help`: the examples and the texts of help and of the man page.

mod args;
mod help;
mod parse;
mod values;

#[cfg(test)]
mod tests;

pub use args::{
    command, Cli, ColorChoice, CompletionsArgs, DecodeArgs, ExplainArgs, ListArgs, Paging,
    ScanArgs, SearchArgs, SigcheckArgs, Subcommand,
};
pub use help::{ENVIRONMENT, EXAMPLES, EXIT_STATUS};
pub use parse::{try_parse_from_at_exit, FILE_COMMANDS};
