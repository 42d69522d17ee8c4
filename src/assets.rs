//! Files generated from the clap definition ([`crate::cli`]): the shell
//! completion scripts and the man page. Pure: each writes into a `Vec<u8>`, so
//! `obserr completions` and `obserr man` print them and a test compares the
//! committed `completions/` with a fresh generation.

use crate::cli::{self, ENVIRONMENT, EXAMPLES, EXIT_STATUS};
use clap_complete::Shell;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;
use std::io;

/// The name the scripts complete and the man page documents.
pub const BIN_NAME: &str = "obserr";

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut Vec<u8>) {
    let mut cmd = completion_command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN_NAME, &mut script);
    match shell {
        Shell::Bash => out.extend(bash_any_case(&script)),
        Shell::Zsh => out.extend(zsh_any_case(&script)),
        _ => out.extend(script),
    }
    if shell == Shell::Fish {
        fish_positionals(&cmd, out);
    }
}

/// The command line as the completion scripts describe it: the global options
/// offered where they mean something, not after `man` and `completions`
/// (which refuse them). clap would copy a global option into every
/// subcommand, so here each is made local and added to the subcommands that
/// take it; parsing still uses [`cli::command`].
fn completion_command() -> clap::Command {
    let cmd = cli::command();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.clone().global(false))
        .collect();
    let mut cmd = cmd.mut_args(|a| a.global(false));
    // Every subcommand in turn (clap moves a changed one to the end), so the
    // order stays the definition's.
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let takes = !cli::FILE_COMMANDS.contains(&name.as_str());
        cmd = cmd.mut_subcommand(name, |mut sub| {
            for arg in globals.iter().filter(|_| takes) {
                sub = sub.arg(arg.clone());
            }
            sub
        });
    }
    cmd
}

/// bash's `compgen -W` matches case-sensitively (fish ignores case); obserr's
/// values do not care (`explain nosuchk<Tab>` gives `NoSuchKey`), so every
/// `compgen -W WORDS -- "${cur}"` of clap's script goes through a function that
/// matches in any case. Bash 4 or newer (`${x,,}`), as clap's script needs.
fn bash_any_case(script: &[u8]) -> Vec<u8> {
    const MATCHER: &str = "\
# Words of $1 that start with $2 in any case (added by obserr: compgen -W
# matches case-sensitively, and obserr's values do not care about case).
__obserr_compgen() {
    local word prefix=\"${2,,}\"
    for word in $1; do
        [[ \"${word,,}\" == \"$prefix\"* ]] && printf '%s\\n' \"$word\"
    done
    return 0
}

";
    let script = String::from_utf8_lossy(script);
    let mut out = String::with_capacity(script.len() + MATCHER.len());
    let mut rest: &str = &script;
    while let Some(at) = rest.find("compgen -W ") {
        let after = &rest[at + "compgen -W ".len()..];
        let Some(end) = after.find(" -- \"${cur}\")") else {
            break;
        };
        out.push_str(&rest[..at]);
        out.push_str("__obserr_compgen ");
        out.push_str(&after[..end]);
        out.push_str(" \"${cur}\")");
        rest = &after[end + " -- \"${cur}\")".len()..];
    }
    out.push_str(rest);
    let start = out.find("_obserr() {").unwrap_or(0);
    out.insert_str(start, MATCHER);
    out.into_bytes()
}

/// zsh matches values case-sensitively unless told otherwise; this style,
/// set when the script loads and only for obserr's arguments, lets a
/// lower-case letter match either case, as fish does.
fn zsh_any_case(script: &[u8]) -> Vec<u8> {
    const STYLE: &str = "\
# Values in any case (added by obserr): explain nosuchk<Tab> gives NoSuchKey.
zstyle ':completion:*:*:obserr(|-*):*' matcher 'm:{a-zA-Z}={A-Za-z}'
";
    let script = String::from_utf8_lossy(script);
    let anchor = "autoload -U is-at-least\n";
    match script.find(anchor) {
        Some(at) => {
            let (head, tail) = script.split_at(at + anchor.len());
            format!("{head}{STYLE}{tail}").into_bytes()
        }
        None => script.into_owned().into_bytes(),
    }
}

/// `clap_complete`'s fish script completes options only, not positional values
/// (its documented limit); these lines add them: the codes for `explain`, the
/// shells for `completions`. One `complete` line a value, each description in
/// single quotes, where fish expands nothing.
fn fish_positionals(cmd: &clap::Command, out: &mut Vec<u8>) {
    let quote = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
    out.extend_from_slice(
        b"\n# Positional values (added by obserr: clap_complete's fish script has none)\n",
    );
    for sub in cmd.get_subcommands() {
        for arg in sub.get_positionals() {
            for value in arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
            {
                let mut line = format!(
                    "complete -c {BIN_NAME} -n \"__fish_{BIN_NAME}_using_subcommand {}\" -f -a {}",
                    sub.get_name(),
                    quote(value.get_name()),
                );
                if let Some(about) = value.get_help() {
                    line += &format!(" -d {}", quote(&about.to_string().replace('\n', " ")));
                }
                out.extend_from_slice(line.as_bytes());
                out.push(b'\n');
            }
        }
    }
}

/// Writes the man page: name, synopsis, description and global options, a
/// section for each subcommand, then exit status, examples and version.
pub fn man_page(out: &mut Vec<u8>) -> io::Result<()> {
    let cmd = cli::command();
    let man = Man::new(cmd.clone())
        .title("OBSERR")
        .manual("User Commands");
    man.render_title(out)?;
    let sections: [Section; 4] = [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ];
    for render in sections {
        append(out, &man, render, true)?;
    }

    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    write_roff(out, &roff)?;
    // The unbuilt subcommands: the global options are not yet copied into
    // them (they are documented once, above) and there is no `help` command.
    for sub in cmd.get_subcommands() {
        let name = format!("{BIN_NAME} {}", sub.get_name());
        let mut roff = Roff::new();
        roff.control("SS", [name.as_str()]);
        write_roff(out, &roff)?;
        let sub = Man::new(sub.clone().bin_name(&name).disable_help_flag(true));
        let sections: [Section; 3] = [
            Man::render_synopsis_section,
            Man::render_description_section,
            Man::render_options_section,
        ];
        for render in sections {
            append(out, &sub, render, false)?;
        }
    }

    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(*name)]);
        roff.text([roman(*meaning)]);
    }
    roff.control("SH", ["EXIT STATUS"]);
    for (status, meaning) in EXIT_STATUS {
        roff.control("TP", []);
        roff.text([bold(status.to_string())]);
        roff.text([roman(*meaning)]);
    }
    roff.control("SH", ["EXAMPLES"]);
    for (command, what) in examples() {
        roff.control("TP", []);
        roff.text([bold(command)]);
        if !what.is_empty() {
            roff.text([roman(what)]);
        }
    }
    write_roff(out, &roff)?;
    append(out, &man, Man::render_version_section, true)
}

fn write_roff(out: &mut Vec<u8>, roff: &Roff) -> io::Result<()> {
    let mut piece = Vec::new();
    roff.to_writer(&mut piece)?;
    out.extend(without_preamble(&piece, true));
    Ok(())
}

/// One of `clap_mangen`'s section renderers.
type Section = fn(&Man, &mut dyn io::Write) -> io::Result<()>;

/// Renders one section and appends it; as a subcommand's part, its `.SH`
/// heading is dropped and a paragraph break put in its place.
fn append(out: &mut Vec<u8>, man: &Man, render: Section, heading: bool) -> io::Result<()> {
    let mut section = Vec::new();
    render(man, &mut section)?;
    let body = without_preamble(&section, heading);
    if !body.is_empty() && !heading {
        out.extend_from_slice(b".PP\n");
    }
    out.extend(body);
    Ok(())
}

/// The section without the string definitions roff's writer puts before every
/// piece (the title already has them) and, unless `heading`, its `.SH` lines.
fn without_preamble(section: &[u8], heading: bool) -> Vec<u8> {
    let mut body = Vec::new();
    for line in section.split_inclusive(|&b| b == b'\n') {
        let preamble = line.starts_with(b".ie \\n(.g .ds Aq") || line.starts_with(b".el .ds Aq");
        if preamble || (!heading && line.starts_with(b".SH ")) {
            continue;
        }
        body.extend_from_slice(line);
    }
    body
}

/// The examples of the long help as (command, what it does) pairs.
#[must_use]
pub fn examples() -> Vec<(&'static str, String)> {
    let mut pairs: Vec<(&'static str, String)> = Vec::new();
    for line in EXAMPLES.lines() {
        let Some(rest) = line.strip_prefix("  ") else {
            continue;
        };
        if rest.starts_with(' ') {
            // A continuation of the previous example's description.
            if let Some((_, what)) = pairs.last_mut() {
                what.push(' ');
                what.push_str(rest.trim());
            }
            continue;
        }
        let (command, what) = rest.split_once("  ").unwrap_or((rest, ""));
        pairs.push((command, what.trim().to_string()));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_read_from_the_long_help() {
        let examples = examples();
        assert!(examples.len() >= 8, "{examples:?}");
        assert!(examples.iter().all(|(c, _)| c.contains("obserr")));
        let decode = examples.iter().find(|(c, _)| c.contains("decode")).unwrap();
        assert!(decode.1.ends_with("obsutil/SDK log lines)"), "{decode:?}");
    }

    #[test]
    fn every_shell_has_a_script_naming_obserr() {
        for shell in <Shell as clap::ValueEnum>::value_variants() {
            let mut script = Vec::new();
            completions(*shell, &mut script);
            let script = String::from_utf8(script).unwrap();
            assert!(script.contains("decode"), "{shell}");
            // clap_complete's elvish and PowerShell scripts offer no values at
            // all, only subcommands and options (GUIDE.md: Shell completions).
            let values = !matches!(shell, Shell::Elvish | Shell::PowerShell);
            assert_eq!(script.contains("NoSuchKey"), values, "{shell}");
            assert_eq!(script.contains("412"), values, "{shell}");
        }
    }

    #[test]
    fn exit_statuses_match_the_readme_and_the_guide() {
        for (name, doc) in [
            ("README.md", include_str!("../README.md")),
            ("GUIDE.md", include_str!("../GUIDE.md")),
        ] {
            for (status, meaning) in EXIT_STATUS {
                let row = format!(
                    "| {status} | {} |",
                    meaning
                        .replace("decode", "`decode`")
                        .replace("scan", "`scan`")
                        .replace("sigcheck", "`sigcheck`")
                );
                assert!(doc.contains(&row), "{name} lacks: {row}");
            }
        }
    }
}
