//! The command line's definition: [`Cli`], the global options, the
//! subcommands and what each takes. The doc comments are clap's help text;
//! the value parsers are in [`super::values`], the help's examples in
//! [`super::help`].
// The doc comments are terminal help, where rustdoc backticks would show;
// fields and variants that need none for --help stay undocumented rather than
// change it (a ValueEnum variant's doc comment would show beside its value).
#![allow(clippy::doc_markdown)]
// The doc comments below are help text for people, not rustdoc: brackets in
// pasted forms like 'error code [NoSuchKey]' are not links.
#![allow(rustdoc::broken_intra_doc_links)]

use super::help::{self, EXAMPLES};
use super::values::{kind_values, parse_time, source_ids, CodeValues, StatusValues};
use clap::builder::TypedValueParser;
use clap::{Args, CommandFactory, Parser, ValueEnum};
use obserr::{Kind, StatusFilter};

/// Explain Huawei Cloud / Open Telekom Cloud OBS error codes, offline and instantly.
///
/// obserr knows every documented OBS error code (server, SDK and tool): what it
/// means, why it happens, what to do, whether to retry (and whether your SDK
/// already did), and where it is documented.
#[derive(Debug, Parser)]
#[command(
    name = "obserr",
    version = env!("OBSERR_VERSION"),
    after_long_help = EXAMPLES,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub options: GlobalArgs,

    #[command(subcommand)]
    pub command: Subcommand,

    /// A secret key was given as an option (`--secret-key`, see
    /// [`super::parse::KEY_OPTIONS`]): the run is refused. Read before clap
    /// sees the line, so the option is neither in help nor in completions nor
    /// suggested for a misspelt option, and its value reaches no error message.
    #[arg(skip)]
    pub key_as_argument: bool,
}

/// The heading the global options have in help, after each command's own.
const GLOBAL_HEADING: &str = "Global options";

/// The options every subcommand takes (`global`: before or after the
/// subcommand's name).
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Print machine-readable JSON (never coloured).
    #[arg(long, global = true, help_heading = GLOBAL_HEADING)]
    pub json: bool,

    /// When to use colour: auto uses it on a terminal unless NO_COLOR is set, CLICOLOR is 0 or
    /// TERM is dumb; CLICOLOR_FORCE forces it.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, ignore_case = true, help_heading = GLOBAL_HEADING)]
    pub color: ColorChoice,

    /// When to page output through $OBSERR_PAGER, else $PAGER, else less -FRX: auto pages
    /// output taller than the terminal; --no-pager is --paging never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = Paging::Auto, ignore_case = true, help_heading = GLOBAL_HEADING)]
    pub paging: Paging,
}

/// The command line as obserr shows it in help and errors; the completion
/// scripts and the man page are built from it too.
#[must_use]
pub fn command() -> clap::Command {
    help::decorate(Cli::command())
}

// `--color`: when to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

// `--paging`: when to page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paging {
    Auto,
    Always,
    Never,
}

/// What `scan --by` groups errors by: the binary's own copy of
/// [`obserr::scan::By`], so that the library derives no clap trait (the doc
/// comments are the help of each value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    /// Error code and HTTP status.
    Code,
    /// HTTP status.
    Status,
    /// The operation (REST.PUT.OBJECT).
    Operation,
    /// The bucket.
    Bucket,
    /// The key up to its first '/' (the whole key when it has none).
    Prefix,
    /// The object key.
    Key,
    /// The requester's account or user ID.
    Requester,
    /// The client's IP address.
    Ip,
    /// The minute the request was made.
    Minute,
}

/// The other way, so that a value `By` gains fails to compile here until
/// `--by` offers it too.
impl From<obserr::By> for GroupBy {
    fn from(by: obserr::By) -> Self {
        use obserr::By;
        match by {
            By::Code => GroupBy::Code,
            By::Status => GroupBy::Status,
            By::Operation => GroupBy::Operation,
            By::Bucket => GroupBy::Bucket,
            By::Prefix => GroupBy::Prefix,
            By::Key => GroupBy::Key,
            By::Requester => GroupBy::Requester,
            By::Ip => GroupBy::Ip,
            By::Minute => GroupBy::Minute,
        }
    }
}

impl From<GroupBy> for obserr::By {
    fn from(by: GroupBy) -> Self {
        use obserr::By;
        match by {
            GroupBy::Code => By::Code,
            GroupBy::Status => By::Status,
            GroupBy::Operation => By::Operation,
            GroupBy::Bucket => By::Bucket,
            GroupBy::Prefix => By::Prefix,
            GroupBy::Key => By::Key,
            GroupBy::Requester => By::Requester,
            GroupBy::Ip => By::Ip,
            GroupBy::Minute => By::Minute,
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum Subcommand {
    /// Explain error codes or HTTP statuses: meaning, causes, solution, retry advice.
    ///
    /// Accepts codes in any case, documented aliases, bare statuses (403) and the
    /// forms pasted from logs: 'NoSuchKey (404)', 'error code [NoSuchKey]',
    /// 'x-obs-error-code: NoSuchKey'. A tool's code follows the tool's name:
    /// 'obsutil 8' (a shell shows obsutil's -1 as 255), 'console Obs.0012',
    /// 'browser Obs.0012'; a bare Obs.0012 shows both tools' meanings.
    Explain(ExplainArgs),
    /// List catalogued codes, optionally by status (403) or class (4xx), or by
    /// the documentation page that documents them.
    List(ListArgs),
    /// Fuzzy search over codes, messages and solutions, best match first.
    Search(SearchArgs),
    /// Decode a pasted OBS error response into a diagnosis: what went wrong, why,
    /// what to do, whether to retry, and the ids support needs.
    ///
    /// Reads curl -i and curl -v output (HTTP/1.0 to HTTP/3, 100 Continue, followed
    /// redirects: the last response counts), bare XML or JSON error bodies, header
    /// blocks of HEAD responses, HTML error pages, obsutil/SDK log lines, and the
    /// error text SDKs and tools print (exception messages, stack traces, log
    /// lines); each error an input holds is diagnosed in turn. Reads standard input when no file is given; at most 8 MiB per input. With
    /// several files each is decoded in turn.
    Decode(DecodeArgs),
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
    /// --follow watches a live log as tail -F does; --merge combines the
    /// --json reports of parts of a log into the report of the whole;
    /// --failed-objects lists the objects to retry.
    /// Exit status 0 when errors were found, 1 when none, 2 when an input could
    /// not be read.
    Scan(ScanArgs),
    /// Say exactly why a signature does not match (SignatureDoesNotMatch).
    ///
    /// Reads what decode reads (curl -v output with the request, an SDK debug log,
    /// or the error body alone) and, in another file, the client's own string to
    /// sign if an SDK log printed it. Compares the server's StringToSign with the
    /// client's, component by component, and with the secret key tells a wrong key
    /// from a wrong string. The key comes only from OBS_SECRET_ACCESS_KEY, then
    /// AWS_SECRET_ACCESS_KEY, then --secret-key-file, then a prompt without echo
    /// on a terminal; never from an argument. It is never printed.
    Sigcheck(SigcheckArgs),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    ///
    /// The script completes subcommands, options, every catalogued code for
    /// explain, the catalogued statuses and classes for list --status, and file
    /// names for decode. The guide says where each shell looks for it.
    Completions(CompletionsArgs),
    /// Print the man page (roff), to install where man finds it.
    Man,
}

/// What `obserr explain` takes.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Error codes or HTTP statuses. Without any, they are read from standard input, one a
    /// line (echo NoSuchKey | obserr explain), unless it is a terminal.
    #[arg(value_name = "CODE", value_parser = CodeValues, hide_possible_values = true, allow_negative_numbers = true)]
    pub codes: Vec<String>,
    /// Open the page that documents the code in the browser (OBSERR_OPENER names
    /// another command to run with its address) instead of explaining it.
    #[arg(long)]
    pub open: bool,
}

/// What `obserr list` takes.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only codes with this HTTP status (e.g. 403) or class (e.g. 4xx); a comma-separated
    /// list (403,404) or the option repeated gives codes of any of them.
    #[arg(long, short, value_name = "STATUS", value_parser = StatusValues, hide_possible_values = true, value_delimiter = ',')]
    pub status: Vec<StatusFilter>,
    /// Only codes documented in this page: obs_21_2002 (OBS Server-side Error
    /// Codes), api-ref (API Reference), s3api (S3-compatible API), swiftapi,
    /// a per-operation page, an SDK, obsutil, console or browser.
    #[arg(long, value_name = "ID", value_parser = source_ids(), ignore_case = true)]
    pub source: Option<String>,
    /// Only codes of this kind: server (in a server response), client (an
    /// SDK raised it without one), tool (obsutil, OBS Console, OBS Browser+)
    /// or sdk-status (an SDK's name for a server's HTTP status).
    #[arg(long, value_name = "KIND", value_parser = kind_values(), ignore_case = true)]
    pub kind: Option<Kind>,
    /// Only codes a client should retry.
    #[arg(long)]
    pub retryable: bool,
}

/// What `obserr search` takes.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for; typos and paraphrases are forgiven.
    #[arg(required = true, value_name = "WORDS")]
    pub words: Vec<String>,
    /// Show at most this many results (at least 1).
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10,
          value_parser = clap::value_parser!(u16).range(1..).map(usize::from))]
    pub limit: usize,
}

/// What `obserr decode` takes.
#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// Files holding the response; '-' is standard input.
    #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<std::path::PathBuf>,
    /// Show everything: the server's message, every detail, how the input was
    /// read, every finding and every cause (the default shows the likely one).
    #[arg(long, short)]
    pub verbose: bool,
}

/// What `obserr scan` takes.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Log files or directories (read recursively); '-' or nothing is standard input.
    #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<std::path::PathBuf>,
    /// Group errors by this instead of code and status.
    #[arg(long, value_enum, value_name = "FIELD", default_value_t = GroupBy::Code, ignore_case = true)]
    pub by: GroupBy,
    /// Only requests at or after this time: a UTC time (2026-11-26,
    /// 2026-11-26T08:00 or 2026-11-26T08:00:00Z) or a time ago (30m, 1h, 2d).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub since: Option<i64>,
    /// Only requests before this time (same forms as --since).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub until: Option<i64>,
    /// Read files with read() instead of mapping them into memory, which is
    /// slower but safe from a file truncated while it is scanned (see GUIDE.md).
    #[arg(long)]
    pub no_mmap: bool,
    /// Follow symbolic links to directories inside the folders scanned
    /// (loops are skipped); without it they are skipped, as rg does.
    #[arg(long, short = 'L')]
    pub follow_links: bool,
    /// Print the objects of failed requests as obs://bucket/key, one a line,
    /// in first-seen order without repeats, instead of the summary.
    #[arg(long, conflicts_with_all = ["merge", "follow"])]
    pub failed_objects: bool,
    /// PATHs are `scan --json` reports of parts of a log: print the report of
    /// the whole, as one scan of all the parts would.
    #[arg(long, requires = "paths",
          conflicts_with_all = ["since", "until", "by", "follow", "no_mmap", "follow_links"])]
    pub merge: bool,
    /// Keep reading the one FILE (or '-') as it grows, surviving rotation and
    /// truncation like tail -F; Ctrl-C prints the summary.
    #[arg(long)]
    pub follow: bool,
}

/// What `obserr sigcheck` takes.
#[derive(Debug, Args)]
pub struct SigcheckArgs {
    /// Files holding the exchange and, optionally, the SDK's log; '-' is standard input.
    #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<std::path::PathBuf>,
    /// Read the secret key from this file (one trailing line break is ignored).
    #[arg(long, value_name = "KEYFILE", value_hint = clap::ValueHint::FilePath)]
    pub secret_key_file: Option<std::path::PathBuf>,
}

/// What `obserr completions` takes.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL", ignore_case = true)]
    pub shell: clap_complete::Shell,
}
