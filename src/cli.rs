//! The command line, declared once with clap's derive API: the doc comments are
//! the help text, and the same definition feeds completions and the man page.

use clap::{Parser, Subcommand, ValueEnum};
use obserr::catalogue::StatusFilter;

const EXAMPLES: &str = "\
Examples:
  obserr explain NoSuchKey              explain one code (any case, aliases, typos get suggestions)
  obserr explain 'error code [AccessDenied]' 403
  obserr list --status 4xx              codes by status or class
  obserr list --source s3api            codes documented in one page (obs_21_2002, api-ref, s3api)
  obserr search signature mismatch      fuzzy search over codes, messages and solutions
  obserr --json explain SlowDown        machine-readable output
  curl -si URL | obserr decode          diagnose a pasted error response (also curl -v, XML,
                                        JSON, HTML, obsutil/SDK log lines)

Exit status: 0 found, 1 nothing found, 2 usage or input error.";

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
    clap::builder::PossibleValuesParser::new(obserr::catalogue::sources().iter().map(|s| s.id))
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
        #[arg(required = true, value_name = "CODE")]
        codes: Vec<String>,
    },
    /// List catalogued codes, optionally by status (403) or class (4xx), or by
    /// the documentation page that documents them.
    List {
        /// Only codes with this HTTP status (e.g. 403) or class (e.g. 4xx).
        #[arg(long, short, value_name = "STATUS")]
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
    fn malformed_status_filters_are_usage_errors() {
        for bad in ["abc", "4x", "6xx"] {
            let err = Cli::try_parse_from(["obserr", "list", "--status", bad]).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad}");
        }
    }
}
