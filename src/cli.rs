//! The command line, declared once with clap's derive API: the doc comments are
//! the help text, and the same definition feeds the shell completions and the
//! man page ([`crate::assets`]). It lives in the library so that the tests can
//! regenerate those files from it.
//!
//! The values a shell offers come from the embedded catalogue through two value
//! parsers, [`CodeValues`] and [`StatusValues`]: they list the catalogue's codes
//! and statuses as possible values (hidden from `--help`, which would otherwise
//! print every code) and still parse exactly what they did before.
// Doc comments here are clap's help text; fields and variants that need
// none for --help stay undocumented rather than change it.
#![allow(missing_docs)]
// The same doc comments are terminal help, where rustdoc backticks would show.
#![allow(clippy::doc_markdown)]
// The doc comments below are help text for people, not rustdoc: brackets in
// pasted forms like 'error code [NoSuchKey]' are not links.
#![allow(rustdoc::broken_intra_doc_links)]

use crate::catalogue::{self, StatusFilter};
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsStr;

/// The long help's closing text. The man page's EXAMPLES section is read from
/// it too, so the two cannot disagree: one example a line, two spaces before
/// the command, two or more after it, continuation lines indented further.
pub const EXAMPLES: &str = "\
Examples:
  obserr explain NoSuchKey              explain one code (any case, aliases, typos get suggestions)
  obserr explain 'error code [AccessDenied]' 403
  obserr list --status 4xx              codes by status or class
  obserr list --source s3api            codes documented in one page (obs_21_2002, api-ref, s3api)
  obserr search signature mismatch      fuzzy search over codes, messages and solutions
  obserr --json explain SlowDown        machine-readable output
  curl -si URL | obserr decode          diagnose a pasted error response (also curl -v, XML,
                                        JSON, HTML, obsutil/SDK log lines)
  obserr scan logs/                     triage every error in access logs, obsutil logs and
                                        result lists (.gz too), most frequent first
  obserr completions bash               print the completion script for bash (or zsh, fish,
                                        powershell, elvish); the README says where it goes
  obserr man > obserr.1                 print the man page (roff)

Exit status: 0 found, 1 nothing found, 2 usage or input error.";

/// The exit statuses, for the man page (README.md's and GUIDE.md's tables say the same).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (
        0,
        "found: every code or status asked for is catalogued, the list or search is not empty, scan found errors",
    ),
    (
        1,
        "nothing found: an unknown code, a status with no catalogued code, an empty list or search, a scan without errors",
    ),
    (
        2,
        "usage or input error: a bad option or filter; for decode, empty, unreadable, missing or over-8-MiB input; for scan, a path that cannot be read",
    ),
];

/// Explain Huawei Cloud / Open Telekom Cloud OBS error codes, offline and instantly.
///
/// obserr knows every OBS server-side error code: what it means, what to do,
/// whether to retry, and where it is documented.
#[derive(Debug, Parser)]
#[command(name = "obserr", version, after_long_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// Print machine-readable JSON (never coloured).
    #[arg(long, global = true)]
    pub json: bool,

    /// When to use colour: auto uses it on a terminal unless NO_COLOR is set or TERM is dumb;
    /// CLICOLOR_FORCE forces it.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Never pipe long output through $PAGER.
    #[arg(long, global = true)]
    pub no_pager: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// `list --source` accepts the ids of `data/sources.json`, so clap lists them
/// in help and in the error for an unknown one.
fn source_ids() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(catalogue::sources().iter().map(|s| s.id))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Explain error codes or HTTP statuses: meaning, solution, retry advice.
    ///
    /// Accepts codes in any case, documented aliases, bare statuses (403) and the
    /// forms pasted from logs: 'NoSuchKey (404)', 'error code [NoSuchKey]',
    /// 'x-obs-error-code: NoSuchKey'.
    Explain {
        /// Error codes or HTTP statuses.
        #[arg(required = true, value_name = "CODE", value_parser = CodeValues, hide_possible_values = true)]
        codes: Vec<String>,
    },
    /// List catalogued codes, optionally by status (403) or class (4xx), or by
    /// the documentation page that documents them.
    List {
        /// Only codes with this HTTP status (e.g. 403) or class (e.g. 4xx).
        #[arg(long, short, value_name = "STATUS", value_parser = StatusValues, hide_possible_values = true)]
        status: Option<StatusFilter>,
        /// Only codes documented in this page: obs_21_2002 (OBS Server-side Error
        /// Codes), api-ref (API Reference) or s3api (S3-compatible API).
        #[arg(long, value_name = "ID", value_parser = source_ids())]
        source: Option<String>,
    },
    /// Fuzzy search over codes, messages and solutions, best match first.
    Search {
        /// Words to look for; typos and paraphrases are forgiven.
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
        /// Show at most this many results.
        #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
        limit: usize,
    },
    /// Decode a pasted OBS error response into a diagnosis: what went wrong, why,
    /// what to do, whether to retry, and the ids support needs.
    ///
    /// Reads curl -i and curl -v output (HTTP/1.0 to HTTP/3, 100 Continue, followed
    /// redirects: the last response counts), bare XML or JSON error bodies, header
    /// blocks of HEAD responses, HTML error pages, and obsutil/SDK log lines.
    /// Reads standard input when no file is given; at most 8 MiB per input. With
    /// several files each is decoded in turn.
    Decode {
        /// Files holding the response; '-' is standard input.
        #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        files: Vec<std::path::PathBuf>,
    },
    /// Triage the errors in OBS logs: what failed, how often, since when, and what to do.
    ///
    /// Reads OBS bucket access logs, obsutil logs and failure result lists
    /// (cp_failed_report_*.txt), SDK log lines, and curl -i/-v captures, line
    /// by line, at disk speed and in bounded memory; .gz files are read
    /// transparently. Errors are grouped by code and status, most frequent
    /// first, with their share of all requests, first and last time seen,
    /// sample request IDs, top operations, buckets and key prefixes, and the
    /// retry advice and fix from the catalogue. Findings point out throttling,
    /// clock skew, signature failures on keys that need encoding, concentrated
    /// 403s, and whether 5xx errors are spread (the service) or on one key.
    /// Exit status 0 when errors were found, 1 when none, 2 when an input could
    /// not be read.
    Scan {
        /// Log files or directories (read recursively); '-' or nothing is standard input.
        #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<std::path::PathBuf>,
        /// Group errors by this instead of code and status.
        #[arg(long, value_enum, value_name = "FIELD", default_value_t = crate::scan::By::Code)]
        by: crate::scan::By,
        /// Only requests at or after this UTC time: 2026-11-26, 2026-11-26T08:00 or
        /// 2026-11-26T08:00:00Z.
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        since: Option<i64>,
        /// Only requests before this UTC time (same forms as --since).
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        until: Option<i64>,
    },
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    ///
    /// The script completes subcommands, options, every catalogued code for
    /// explain, the catalogued statuses and classes for list --status, and file
    /// names for decode. The README says where each shell looks for it.
    Completions {
        /// The shell to complete for.
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): obserr man > ~/.local/share/man/man1/obserr.1
    Man,
}

/// `--since`/`--until`: a UTC date, date and minute, or full timestamp.
fn parse_time(s: &str) -> Result<i64, String> {
    let s = s.trim();
    [
        s.to_string(),
        format!("{s}Z"),
        format!("{s}:00Z"),
        format!("{s}T00:00:00Z"),
    ]
    .iter()
    .find_map(|t| crate::timestamp::parse_millis(t))
    .ok_or_else(|| {
        "expected a UTC time such as 2026-11-26, 2026-11-26T08:00 or 2026-11-26T08:00:00Z"
            .to_string()
    })
}

/// `explain`'s arguments: any string (pasted forms, statuses and typos are read
/// later, by [`crate::query`]), with the catalogue's codes and one-word aliases
/// as possible values for completion.
#[derive(Debug, Clone, Copy)]
pub struct CodeValues;

impl TypedValueParser for CodeValues {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(catalogue::completion_words().map(
            |(word, entry)| PossibleValue::new(word).help(entry.message()),
        )))
    }
}

/// `list --status`: parses into a [`StatusFilter`] (a malformed value is a
/// usage error), with the catalogued statuses and their classes as possible
/// values for completion.
#[derive(Debug, Clone, Copy)]
pub struct StatusValues;

impl TypedValueParser for StatusValues {
    type Value = StatusFilter;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<StatusFilter, clap::Error> {
        StringValueParser::new()
            .try_map(|s| s.parse::<StatusFilter>())
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            catalogue::status_filter_words()
                .into_iter()
                .map(|(word, about)| PossibleValue::new(word).help(about)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_flags_work_before_and_after_the_subcommand() {
        for args in [
            &["obserr", "--json", "--color", "never", "list"][..],
            &["obserr", "list", "--json", "--color", "never"][..],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert!(cli.json);
            assert_eq!(cli.color, ColorChoice::Never);
        }
    }

    #[test]
    fn list_source_accepts_the_catalogue_ids_only() {
        for id in ["obs_21_2002", "api-ref", "s3api"] {
            assert!(Cli::try_parse_from(["obserr", "list", "--source", id]).is_ok());
        }
        let err = Cli::try_parse_from(["obserr", "list", "--source", "aws"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(
            err.to_string().contains("obs_21_2002, api-ref, s3api"),
            "{err}"
        );
    }

    #[test]
    fn scan_times_take_a_date_a_minute_or_a_timestamp() {
        assert_eq!(parse_time("2026-11-26"), Ok(1_795_651_200_000));
        assert_eq!(parse_time("2026-11-26T08:00"), Ok(1_795_680_000_000));
        assert_eq!(parse_time("2026-11-26T08:00:00Z"), Ok(1_795_680_000_000));
        assert!(parse_time("yesterday").is_err());
        let err = Cli::try_parse_from(["obserr", "scan", "--since", "soon"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn malformed_status_filters_are_usage_errors() {
        for bad in ["abc", "4x", "6xx"] {
            let err = Cli::try_parse_from(["obserr", "list", "--status", bad]).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad}");
        }
    }
}
