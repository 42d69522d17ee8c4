//! The binary's rooms: one module per command, each owning its command's
//! orchestration (what it reads, which library call computes the answer,
//! which renderer writes it) — `explain`, `list`, `search`, `decode`, `scan`,
//! `sigcheck`. Around them: the terminal and environment facts gathered once
//! (`terminal`), reading an input (`read`), the secret key (`secret`), what
//! a run produces (`output`) and how it is written, paged and ends
//! (`emit`).
//!
//! [`run`] renders everything into memory ([`output::Output`]): only
//! [`emit()`](emit::emit) writes to stdout and stderr, and decides the exit status.

mod decode;
mod emit;
mod explain;
mod list;
mod output;
mod read;
mod scan;
mod search;
mod secret;
mod sigcheck;
mod terminal;

pub use emit::{clap_failure, emit};
pub use terminal::Terminal;

use crate::cli::{Cli, CompletionsArgs, Subcommand};
use obserr::Message;
use output::{usage_error, Output};

/// Runs the command in its room: the library computes, `render` writes into
/// memory, and only the inputs are read here. Rendering into memory cannot
/// fail; errors are reported through the output's messages and outcome.
pub fn run(cli: &Cli, terminal: &Terminal) -> Output {
    let mut out = Output::default();
    let json = cli.options.json;
    let result = match &cli.command {
        _ if cli.key_as_argument => usage_error(&mut out, json, Message::KeyAsArgument),
        Subcommand::Explain(args) => explain::run(&mut out, args, json, terminal),
        Subcommand::List(args) => list::run(&mut out, args, json, terminal),
        Subcommand::Search(args) => search::run(&mut out, args, json, terminal),
        Subcommand::Decode(args) => decode::run(&mut out, args, json, terminal),
        Subcommand::Scan(args) => scan::run(&mut out, args, json, terminal),
        Subcommand::Sigcheck(args) => sigcheck::run(&mut out, args, json, terminal),
        // Generated files are meant to be redirected: never paged or coloured.
        Subcommand::Completions(CompletionsArgs { shell }) => {
            out.unpaged = true;
            crate::assets::completions(*shell, &mut out.stdout);
            Ok(())
        }
        Subcommand::Man => {
            out.unpaged = true;
            crate::assets::man_page(&mut out.stdout)
        }
    };
    result.expect("writing to memory cannot fail");
    out
}
