//! What the environment says about where output goes, gathered once
//! ([`Terminal::detect`]): colour (the `NO_COLOR`, `CLICOLOR` and
//! `CLICOLOR_FORCE` conventions and `TERM`), the terminal's size, the locale's
//! box-drawing, the pager; and how a command line from the environment (a
//! pager, an opener) is split into words.

use crate::cli::{Cli, ColorChoice, Paging};
use obserr::Style;
use std::io::{self, IsTerminal};

/// What the environment says about where output goes.
#[derive(Debug, Clone)]
pub struct Terminal {
    /// How the renderers write: colour, width, box-drawing, hyperlinks.
    pub style: Style,
    /// The terminal's height in rows, when stdout is one that says.
    pub height: Option<usize>,
    /// The pager, unless paging is off (or `auto` and stdout no terminal).
    pub pager: Option<Pager>,
    /// Standard input is a terminal: `decode` says how to end a paste.
    pub stdin_tty: bool,
    /// Standard error is a terminal: `scan` may draw a progress bar there.
    pub stderr_tty: bool,
}

/// The pager command, and whether output goes through it even when short
/// (`--paging always`).
#[derive(Debug, Clone)]
pub struct Pager {
    /// The command line, as the environment gives it.
    pub command: String,
    /// `--paging always`: page even what fits.
    pub always: bool,
}

impl Terminal {
    /// Reads stdout's, stdin's and stderr's terminals and the environment,
    /// as the options given ask.
    pub fn detect(cli: &Cli) -> Terminal {
        let tty = io::stdout().is_terminal();
        let var = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
        let color_env = ColorEnv::read();
        let color = !cli.options.json && use_color(cli.options.color, tty, color_env);
        let size = if tty {
            terminal_size::terminal_size()
        } else {
            None
        };
        let (columns, rows) = size.map_or((0, 0), |(w, h)| (w.0, h.0));
        let pager = match cli.options.paging {
            Paging::Never => None,
            Paging::Auto if !tty || cli.options.json => None,
            paging => Some(Pager {
                command: pager_command(var),
                always: paging == Paging::Always,
            }),
        };
        Terminal {
            style: Style {
                color,
                width: tty.then(|| dimension(columns, var("COLUMNS"), 80)),
                // Only tables care, and only terminals get tables.
                ascii: tty && !unicode_locale(var),
                hyperlinks: tty
                    && !cli.options.json
                    && cli.options.color != ColorChoice::Never
                    && !color_env.dumb_term,
            },
            // Unknown on a terminal that reports no height and no LINES: then
            // nothing is paged (`--paging always` aside), as nothing can be
            // known to be too tall.
            height: tty.then(|| known_dimension(rows, var("LINES"))).flatten(),
            pager,
            stdin_tty: io::stdin().is_terminal(),
            stderr_tty: io::stderr().is_terminal(),
        }
    }
}

/// A terminal dimension: the environment variable (`COLUMNS`, `LINES`) when
/// it holds a positive number, else what the terminal reports unless that is
/// zero (a pseudo-terminal nobody sized), else `fallback`.
pub fn dimension(reported: u16, env: Option<String>, fallback: usize) -> usize {
    known_dimension(reported, env).unwrap_or(fallback)
}

/// [`dimension`] without a fallback: `None` when neither says.
pub fn known_dimension(reported: u16, env: Option<String>) -> Option<usize> {
    env.and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
        .or((reported > 0).then_some(usize::from(reported)))
}

/// The pager: `OBSERR_PAGER`, else `PAGER`, else `less -FRX` (an empty
/// variable counts as unset).
pub fn pager_command(var: impl Fn(&str) -> Option<String>) -> String {
    ["OBSERR_PAGER", "PAGER"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "less -FRX".to_string())
}

/// Whether the terminal can show box-drawing characters: the locale
/// (`LC_ALL`, else `LC_CTYPE`, else `LANG`, the first one set) names UTF-8.
/// Windows terminals always can.
pub fn unicode_locale(var: impl Fn(&str) -> Option<String>) -> bool {
    if cfg!(windows) {
        return true;
    }
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .is_some_and(|locale| {
            let locale = locale.to_ascii_lowercase();
            locale.contains("utf-8") || locale.contains("utf8")
        })
}

/// What the environment says about colour. The conventions (`NO_COLOR`,
/// `CLICOLOR`, `CLICOLOR_FORCE`) are read by anstyle-query, the crate clap and
/// anstream read them with; `TERM` is only asked whether it is `dumb`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    /// `CLICOLOR`, when set: `Some(false)` when it is `0`.
    pub clicolor: Option<bool>,
    /// `CLICOLOR_FORCE` is set, not empty and not `0`.
    pub clicolor_force: bool,
    /// `TERM` is `dumb`.
    pub dumb_term: bool,
}

impl ColorEnv {
    /// The four variables as the process has them.
    pub fn read() -> ColorEnv {
        ColorEnv {
            no_color: anstyle_query::no_color(),
            clicolor: anstyle_query::clicolor(),
            // anstyle-query takes any value but the empty one, `0` too; the
            // convention (bixense.com/clicolors) forces colour when it is not
            // `0`, and `CLICOLOR_FORCE=0` turns forcing off (the CLI cases run so).
            clicolor_force: anstyle_query::clicolor_force()
                && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0"),
            // Not anstyle_query::term_supports_color, which also refuses an
            // unset TERM: obserr colours a terminal that names no TERM.
            dumb_term: std::env::var_os("TERM").is_some_and(|t| t == "dumb"),
        }
    }
}

/// The colour decision: `always`/`never` win; `auto` means stdout is a terminal,
/// `NO_COLOR` unset or empty, `CLICOLOR` not `0` and `TERM` not `dumb`, unless
/// `CLICOLOR_FORCE` (set, not empty, not `0`) forces colour.
pub fn use_color(choice: ColorChoice, tty: bool, env: ColorEnv) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            env.clicolor_force
                || (tty && !env.no_color && env.clicolor != Some(false) && !env.dumb_term)
        }
    }
}

/// A command line from the environment (a pager, an opener) as a program and
/// its arguments, split as a POSIX shell splits words (shell-words): quotes
/// and backslashes group and escape, `""` is an empty argument, and nothing
/// is expanded or run by a shell. `less -R "+/x y"` is `less`, `-R`, `+/x y`.
pub fn command_words(line: &str, empty: &str) -> io::Result<(String, Vec<String>)> {
    let mut words = shell_words::split(line)
        .map_err(|e| io::Error::other(e.to_string()))?
        .into_iter();
    let program = words
        .next()
        .ok_or_else(|| io::Error::other(empty.to_string()))?;
    Ok((program, words.collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusty_fork::rusty_fork_test;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn columns_and_lines_beat_the_reported_size_and_zero_means_unknown() {
        assert_eq!(dimension(120, Some("60".into()), 80), 60);
        assert_eq!(dimension(120, None, 80), 120);
        assert_eq!(dimension(0, None, 80), 80);
        assert_eq!(dimension(0, Some("0".into()), 80), 80);
        assert_eq!(dimension(0, Some("wide".into()), 80), 80);
        assert_eq!(dimension(0, Some("70".into()), 80), 70);
        assert_eq!(known_dimension(0, None), None);
        assert_eq!(known_dimension(0, Some("30".into())), Some(30));
    }

    #[test]
    fn obserr_pager_beats_pager() {
        assert_eq!(pager_command(env(&[])), "less -FRX");
        assert_eq!(pager_command(env(&[("PAGER", "more")])), "more");
        let both = [("PAGER", "more"), ("OBSERR_PAGER", "most")];
        assert_eq!(pager_command(env(&both)), "most");
        let empty = [("PAGER", "more"), ("OBSERR_PAGER", "")];
        assert_eq!(pager_command(env(&empty)), "more");
    }

    #[test]
    fn command_lines_split_as_a_shell_splits_words() {
        let split = |line: &str| command_words(line, "empty").map_err(|e| e.to_string());
        let words = |program: &str, args: &[&str]| {
            Ok((
                program.to_string(),
                args.iter().map(|a| a.to_string()).collect(),
            ))
        };
        assert_eq!(split("less -FRX"), words("less", &["-FRX"]));
        assert_eq!(split(r#"less -R "+/x y""#), words("less", &["-R", "+/x y"]));
        assert_eq!(split("sed 's/^/paged: /'"), words("sed", &["s/^/paged: /"]));
        assert_eq!(split(r"my\ pager --flag"), words("my pager", &["--flag"]));
        // Windows' default opener: the empty argument is start's window title.
        assert_eq!(
            split(r#"cmd /C start """#),
            words("cmd", &["/C", "start", ""])
        );
        // Nothing is expanded: no shell runs.
        assert_eq!(split("echo $HOME *"), words("echo", &["$HOME", "*"]));
        assert_eq!(split("  "), Err("empty".to_string()));
        assert!(split(r#"less "+/x"#).is_err(), "an unbalanced quote");
    }

    #[test]
    fn box_drawing_needs_a_utf8_locale() {
        assert!(unicode_locale(env(&[("LANG", "en_US.UTF-8")])));
        assert!(unicode_locale(env(&[("LC_CTYPE", "C.utf8")])));
        let c = [("LC_ALL", "C"), ("LANG", "en_US.UTF-8")];
        assert!(!unicode_locale(env(&c)));
        assert!(!unicode_locale(env(&[("LANG", "POSIX")])));
        assert!(!unicode_locale(env(&[])));
    }

    rusty_fork_test! {
        /// Through the real environment, as anstyle-query reads it: in a
        /// process of its own (rusty-fork), as setting variables is not safe
        /// beside other threads.
        #[test]
        fn colour_follows_the_conventions() {
            use ColorChoice::*;
            /// [`ColorEnv::read`] with exactly these of the four variables set.
            fn read(pairs: &[(&str, &str)]) -> ColorEnv {
                // SAFETY: this test runs in a process of its own (rusty-fork)
                // with no other thread reading or writing the environment.
                unsafe {
                    for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
                        std::env::remove_var(name);
                    }
                    for (name, value) in pairs {
                        std::env::set_var(name, value);
                    }
                }
                ColorEnv::read()
            }
            assert!(use_color(Auto, true, read(&[])));
            assert!(!use_color(Auto, false, read(&[])));
            assert!(!use_color(Auto, true, read(&[("NO_COLOR", "1")])));
            assert!(use_color(Auto, true, read(&[("NO_COLOR", "")])));
            assert!(!use_color(Auto, true, read(&[("TERM", "dumb")])));
            assert!(use_color(Auto, false, read(&[("CLICOLOR_FORCE", "1")])));
            assert!(!use_color(Auto, false, read(&[("CLICOLOR_FORCE", "0")])));
            assert!(use_color(Always, false, read(&[("NO_COLOR", "1")])));
            assert!(!use_color(Never, true, read(&[("CLICOLOR_FORCE", "1")])));
            assert!(!use_color(Auto, true, read(&[("CLICOLOR", "0")])));
            assert!(use_color(Auto, true, read(&[("CLICOLOR", "1")])));
            let forced = [("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")];
            assert!(use_color(Auto, false, read(&forced)));
            // The rules this reading keeps where anstyle-query or anstream
            // differ: forcing beats NO_COLOR, an empty CLICOLOR_FORCE forces
            // nothing, and a terminal without TERM gets colour.
            let both = [("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")];
            assert!(use_color(Auto, false, read(&both)));
            assert!(!use_color(Auto, false, read(&[("CLICOLOR_FORCE", "")])));
            assert!(use_color(Auto, true, read(&[("TERM", "xterm")])));
            assert!(use_color(Auto, true, read(&[("CLICOLOR", "")])));
        }
    }
}
