//! The words of help that clap does not derive from the definition: the
//! closing text of the long help (its examples, which the man page reads
//! too), each subcommand's examples, the help of `man` and `completions`,
//! and the environment and exit statuses the man page documents.

/// The long help's closing text. The man page's EXAMPLES section is read from
/// it too, so the two cannot disagree: one example a line, two spaces before
/// the command, two or more after it, continuation lines indented further.
pub const EXAMPLES: &str = "\
Examples:
  obserr explain NoSuchKey              explain one code (any case, aliases, typos get suggestions)
  obserr explain 'error code [AccessDenied]' 403
  obserr explain --open SlowDown        open the code's documentation page in the browser
  obserr explain obsutil 8              a tool's code: obsutil's return codes (255 is -1),
                                        console Obs.0012, browser Obs.0012, or Obs.0012 for both
  obserr list --status 4xx              codes by status or class (--status 403,404: several)
  obserr list --source s3api            codes documented in one page (obs_21_2002, api-ref, s3api, ...)
  obserr list --kind client             codes an SDK raises without a server response
  obserr list --retryable --status 5xx  codes a client should retry
  obserr search signature mismatch      fuzzy search over codes, messages and solutions
  obserr --json explain SlowDown        machine-readable output
  curl -si URL | obserr decode          diagnose a pasted error response (also curl -v, XML,
                                        JSON, HTML, obsutil/SDK log lines)
  obserr scan logs/                     triage every error in access logs, obsutil logs and
                                        result lists (.gz too), most frequent first
  curl -sv URL 2>&1 | obserr sigcheck   why a signature does not match (key from
                                        OBS_SECRET_ACCESS_KEY, --secret-key-file or a prompt)
  obserr completions bash               print the completion script for bash (or zsh, fish,
                                        powershell, elvish); the guide says where it goes
  obserr man > obserr.1                 print the man page (roff)

Exit status: 0 found, 1 nothing found, 2 usage or input error.";

/// The exit statuses, for the man page (README.md's and GUIDE.md's tables say the same).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (
        0,
        "found: every code or status asked for is catalogued, the list or search is not empty, scan found errors; sigcheck reached a verdict that says why",
    ),
    (
        1,
        "nothing found: an unknown code, a status with no catalogued code, an empty list or search, a scan without errors; sigcheck without a key and nothing to compare, or no signature error",
    ),
    (
        2,
        "usage or input error: a bad option or filter; for decode and sigcheck, empty, unreadable, missing or over-8-MiB input; for scan, a path that cannot be read; a secret key given as an argument",
    ),
];

/// Each subcommand's own examples, shown by `obserr help SUBCOMMAND` and
/// `obserr SUBCOMMAND --help`.
const EXPLAIN_EXAMPLES: &str = "\
Examples:
  obserr explain NoSuchKey              one code
  obserr explain nosuchky               a typo: the one close code is explained (exit status 1)
  obserr explain 'x-obs-error-code: AccessDenied' 'NoSuchKey (404)'
  obserr explain 403                    a status and the codes that come with it
  obserr explain --open SlowDown        open the page that documents the code
  echo NoSuchKey | obserr explain       codes read from standard input
  obserr --json explain SlowDown        machine-readable (always an array)";

const LIST_EXAMPLES: &str = "\
Examples:
  obserr list                           every code
  obserr list --status 403,404          codes of either status
  obserr list --status 5xx              codes of a class
  obserr list --source s3api            codes documented in the S3-compatible API
  obserr list | grep -i bucket          piped: tab-separated code, status, tool, message";

const SEARCH_EXAMPLES: &str = "\
Examples:
  obserr search signature mismatch
  obserr search acces denid --limit 3   typos are forgiven
  obserr --json search clock skew";

const DECODE_EXAMPLES: &str = "\
Examples:
  curl -si URL | obserr decode          the response as curl -i prints it
  curl -sv URL 2>&1 | obserr decode     or curl -v
  obserr decode response.txt other.txt  several files, each decoded in turn
  obserr --json decode response.txt";

const SCAN_EXAMPLES: &str = "\
Examples:
  obserr scan access-2026-11-26.log     one log (.gz read transparently)
  obserr scan logs/ ~/.obsutil_output   directories, read recursively
  obserr scan --by prefix logs/         errors by key prefix (or status, operation, bucket,
                                        requester, ip, minute)
  obserr scan --since 2026-11-26T08:00 --until 2026-11-26T09:00 logs/
  zcat old.log.gz | obserr scan         standard input
  obserr --json scan logs/              one JSON document";

const SIGCHECK_EXAMPLES: &str = "\
Examples:
  curl -sv URL 2>&1 | obserr sigcheck   the exchange as curl -v prints it (request and error)
  obserr sigcheck capture.txt sdk.log   the client's string to sign from an SDK debug log
  obserr sigcheck --secret-key-file ~/.obs-sk capture.txt
  OBS_SECRET_ACCESS_KEY=... obserr --json sigcheck capture.txt";
const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  obserr completions bash > ~/.local/share/bash-completion/completions/obserr
  obserr completions zsh > ~/.zfunc/_obserr
  obserr completions fish > ~/.config/fish/completions/obserr.fish";

const MAN_EXAMPLES: &str = "\
Examples:
  mkdir -p ~/.cargo/share/man/man1 && obserr man > ~/.cargo/share/man/man1/obserr.1
  obserr man | man -l -                 read it without installing it";

/// The help of `man` and `completions`: the global options mean nothing to
/// them (they are refused when given, see
/// [`super::parse`]), so their help shows only
/// what they take.
const MAN_HELP: &str = "\
{about-with-newline}
{usage-heading} {usage}

Options:
  -h, --help  Print help{after-help}";

const COMPLETIONS_HELP: &str = "\
{about-with-newline}
{usage-heading} {usage}

Arguments:
{positionals}

Options:
  -h, --help  Print help{after-help}";

/// The environment variables obserr reads, for the man page's ENVIRONMENT
/// section (the guide says the same).
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR",
        "Set and not empty: no colour (with --color auto).",
    ),
    (
        "CLICOLOR",
        "0: no colour (with --color auto).",
    ),
    (
        "CLICOLOR_FORCE",
        "Set, not empty and not 0: colour even when output is not a terminal (with --color auto).",
    ),
    (
        "OBSERR_PAGER",
        "The pager for long output on a terminal; beats PAGER. Split into words as a shell splits them (quotes group words), run without a shell.",
    ),
    (
        "PAGER",
        "The pager when OBSERR_PAGER is not set; the default is less -FRX.",
    ),
    (
        "COLUMNS",
        "The terminal width to fit tables and text to, instead of what the terminal reports.",
    ),
    (
        "LINES",
        "The terminal height that decides whether output is paged, instead of what the terminal reports.",
    ),
    (
        "LC_ALL, LC_CTYPE, LANG",
        "The first one set decides whether tables use box-drawing characters (a UTF-8 locale) or ASCII.",
    ),
    (
        "OBSERR_OPENER",
        "The command explain --open runs with the page's address, instead of xdg-open (open on macOS, start on Windows).",
    ),
    (
        "OBS_SECRET_ACCESS_KEY, AWS_SECRET_ACCESS_KEY",
        "The secret key sigcheck checks signatures with (the first one set). Never printed.",
    ),
];

/// Adds what only help and error messages show: each subcommand's examples,
/// and the help of `man` and `completions` without the global options they
/// refuse. A run that prints neither never builds these (clap builds every
/// subcommand at start-up; CONTRIBUTING: Performance).
pub fn decorate(cmd: clap::Command) -> clap::Command {
    let examples = [
        ("explain", EXPLAIN_EXAMPLES),
        ("list", LIST_EXAMPLES),
        ("search", SEARCH_EXAMPLES),
        ("decode", DECODE_EXAMPLES),
        ("scan", SCAN_EXAMPLES),
        ("sigcheck", SIGCHECK_EXAMPLES),
        ("completions", COMPLETIONS_EXAMPLES),
        ("man", MAN_EXAMPLES),
    ];
    let mut cmd = examples.iter().fold(cmd, |cmd, (name, text)| {
        cmd.mut_subcommand(*name, |sub| sub.after_long_help(*text))
    });
    cmd = cmd.mut_subcommand("completions", |sub| {
        sub.help_template(COMPLETIONS_HELP)
            .override_usage("obserr completions <SHELL>")
    });
    cmd.mut_subcommand("man", |sub| {
        sub.help_template(MAN_HELP).override_usage("obserr man")
    })
}
