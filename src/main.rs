//! `obserr`: parses the command line, runs it, and turns the outcome into an exit
//! code (0 found, 1 nothing found, 2 usage or input error).
//!
//! The binary's modules: [`cli`] (the clap definition and how a line is
//! read), [`assets`] (the completion scripts and the man page generated from
//! it) and [`app`] (one room per command, the terminal, and writing the
//! output). They reach the library only through its public paths.

mod app;
mod assets;
mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::try_parse_from_at_exit(std::env::args_os()) {
        Ok(cli) => cli,
        Err(err) => {
            let json = std::env::args_os().skip(1).any(|a| a == "--json");
            return app::clap_failure(&err, json);
        }
    };
    let terminal = app::Terminal::detect(&cli);
    let output = app::run(&cli, &terminal);
    app::emit(output, &terminal)
}
