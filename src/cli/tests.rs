//! The command line read as obserr reads it: the full and the lean
//! definitions, the implied `explain`, the refusals, the help.

use super::args::*;
use super::parse::{lean_definition, parse_lean, try_parse_from};
use super::values::parse_time;
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser};
use std::ffi::OsString;

#[test]
fn clap_definition_is_consistent() {
    Cli::command().debug_assert();
    command().debug_assert();
}

#[test]
fn global_flags_work_before_and_after_the_subcommand() {
    for args in [
        &["obserr", "--json", "--color", "never", "list"][..],
        &["obserr", "list", "--json", "--color", "never"][..],
    ] {
        let cli = Cli::try_parse_from(args).unwrap();
        assert!(cli.options.json);
        assert_eq!(cli.options.color, ColorChoice::Never);
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
fn list_filters_by_kind_and_retryable_and_search_needs_a_limit() {
    let cli = try_parse_from(["obserr", "list", "--kind", "client", "--retryable"]).unwrap();
    assert!(matches!(
        cli.command,
        Subcommand::List(ListArgs {
            kind: Some(obserr::Kind::Client),
            retryable: true,
            ..
        })
    ));
    for bad in [
        &["obserr", "list", "--kind", "sdk"][..],
        &["obserr", "search", "-n", "0", "x"],
    ] {
        let err = try_parse_from(bad).unwrap_err();
        assert_eq!(err.exit_code(), 2, "{bad:?}");
    }
    let cli = try_parse_from(["obserr", "explain", "obsutil", "-1"]).unwrap();
    assert!(
        matches!(cli.command, Subcommand::Explain(ExplainArgs { ref codes, .. }) if codes == &["obsutil", "-1"])
    );
}

#[test]
fn scan_times_take_a_date_a_minute_or_a_timestamp() {
    assert_eq!(parse_time("2026-11-26"), Ok(1_795_651_200_000));
    assert_eq!(parse_time("2026-11-26T08:00"), Ok(1_795_680_000_000));
    assert_eq!(parse_time("2026-11-26T08:00:00Z"), Ok(1_795_680_000_000));
    assert!(parse_time("yesterday").is_err());
    let err = try_parse_from(["obserr", "scan", "--since", "soon"]).unwrap_err();
    assert_eq!(err.exit_code(), 2);
}

#[test]
fn values_are_case_insensitive_and_statuses_a_list() {
    let cli =
        try_parse_from(["obserr", "list", "--source", "S3API", "--status", "403,4XX"]).unwrap();
    let Subcommand::List(ListArgs { status, source, .. }) = cli.command else {
        panic!("not list")
    };
    assert_eq!(source.as_deref(), Some("s3api"));
    assert_eq!(status.len(), 2);
    let cli = try_parse_from(["obserr", "--color", "NEVER", "--paging", "Always", "list"]);
    let cli = cli.unwrap();
    assert_eq!(
        (cli.options.color, cli.options.paging),
        (ColorChoice::Never, Paging::Always)
    );
    assert!(try_parse_from(["obserr", "completions", "ZSH"]).is_ok());
}

#[test]
fn help_shows_each_subcommand_examples_and_errors_their_usage() {
    for sub in [
        "explain",
        "list",
        "search",
        "decode",
        "scan",
        "completions",
        "man",
    ] {
        let help = try_parse_from(["obserr", sub, "--help"])
            .unwrap_err()
            .to_string();
        assert!(help.contains("Examples:\n  "), "{sub}: {help}");
    }
    // The global options come last, under their own heading, after
    // the command's own (`-h` as well as `--help`).
    for flag in ["-h", "--help"] {
        let help = try_parse_from(["obserr", "list", flag])
            .unwrap_err()
            .to_string();
        let own = help.find("--retryable").unwrap();
        let global = help.find("\nGlobal options:\n").unwrap();
        let json = help.find("--json").unwrap();
        assert!(own < global && global < json, "{help}");
    }
    let help = try_parse_from(["obserr", "help", "man"])
        .unwrap_err()
        .to_string();
    assert!(!help.contains("--json"), "{help}");
    let err = try_parse_from(["obserr", "completions"])
        .unwrap_err()
        .to_string();
    assert!(err.contains("Usage: obserr completions <SHELL>"), "{err}");
}

/// `man` and `completions` have help of their own, without the global
/// options they refuse: their one option under clap's usual heading.
#[test]
fn file_commands_help_lists_help_under_options() {
    for sub in ["man", "completions"] {
        let help = try_parse_from(["obserr", sub, "--help"])
            .unwrap_err()
            .to_string();
        assert!(
            help.contains("\nOptions:\n  -h, --help  Print help"),
            "{help}"
        );
    }
}

/// A code, a status or a pasted error where a subcommand belongs is
/// explained; anything else is clap's error with a tip naming explain.
#[test]
fn a_code_as_the_first_word_is_explained() {
    for line in [
        &["obserr", "NoSuchKey"][..],
        &["obserr", "--json", "403"],
        &["obserr", "--color", "never", "nosuchkey", "AccessDenied"],
        &[
            "obserr",
            "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied",
        ],
        &["obserr", "obsutil", "8"],
        &["obserr", "Obs.0012"],
    ] {
        let cli = try_parse_from(line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
        let Subcommand::Explain(ExplainArgs { codes, .. }) = cli.command else {
            panic!("{line:?} is not explain")
        };
        assert_eq!(
            codes.first().map(String::as_str),
            line.iter()
                .copied()
                .find(|w| !w.starts_with('-') && *w != "obserr" && *w != "never"),
            "{line:?}"
        );
    }
    // A code's typo is explain's to guess; a subcommand's is clap's.
    let cli = try_parse_from(["obserr", "NoSuchKy"]).unwrap();
    assert!(matches!(cli.command, Subcommand::Explain(_)));
    let cli = try_parse_from(["obserr", "--json", "403"]).unwrap();
    assert!(cli.options.json);
    for line in [&["obserr", "frobnicate"][..], &["obserr", "lsit"]] {
        let err = try_parse_from(line).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidSubcommand, "{line:?}");
        assert!(err.to_string().contains("'obserr explain CODE'"), "{err}");
    }
    // A subcommand typo keeps clap's own tip too.
    let err = try_parse_from(["obserr", "lsit"]).unwrap_err().to_string();
    assert!(err.contains("'list'"), "{err}");
}

#[test]
fn no_pager_is_paging_never() {
    for args in [
        &["obserr", "--no-pager", "list"][..],
        &["obserr", "list", "--no-pager"],
    ] {
        assert_eq!(try_parse_from(args).unwrap().options.paging, Paging::Never);
    }
    // After `--` it is an argument like any other.
    let cli = try_parse_from(["obserr", "explain", "--", "--no-pager"]).unwrap();
    assert_eq!(cli.options.paging, Paging::Auto);
}

#[test]
fn file_printing_commands_refuse_what_means_nothing_to_them() {
    for args in [
        &["obserr", "man", "--json"][..],
        &["obserr", "--json", "man"],
        &["obserr", "completions", "bash", "--paging", "never"],
        &["obserr", "--no-pager", "completions", "bash"],
        &["obserr", "man", "--color", "always"],
    ] {
        let err = try_parse_from(args).unwrap_err();
        assert_eq!(err.exit_code(), 2, "{args:?}");
        assert!(err.to_string().contains("means nothing to"), "{err}");
    }
    assert!(try_parse_from(["obserr", "man"]).is_ok());
    for args in [
        &["obserr", "--json", "explain", "--open", "x"][..],
        &["obserr", "explain", "--open", "x", "--json"],
    ] {
        let err = try_parse_from(args).unwrap_err();
        assert_eq!(err.exit_code(), 2, "{args:?}");
    }
    assert!(try_parse_from(["obserr", "completions", "fish"]).is_ok());
}

#[test]
fn version_names_the_catalogue_date_and_size() {
    let version = Cli::command().get_version().unwrap().to_string();
    let expected = format!(
        "{} (catalogue {}, {} codes)",
        env!("CARGO_PKG_VERSION"),
        obserr::Entry::catalogue_updated(),
        obserr::entries().len()
    );
    assert_eq!(version, expected);
}

#[test]
fn malformed_status_filters_are_usage_errors() {
    for bad in ["abc", "4x", "6xx"] {
        let err = Cli::try_parse_from(["obserr", "list", "--status", bad]).unwrap_err();
        assert_eq!(err.exit_code(), 2, "{bad}");
    }
}

/// The lean reading (global options moved before the subcommand) takes
/// the usual lines, and whatever it takes it reads as the full
/// definition does; what it cannot take it leaves to the full one.
#[test]
fn the_lean_reading_agrees_with_the_full_one() {
    let full = |line: &[&str]| {
        let mut cmd = command();
        let args = line.iter().map(OsString::from);
        cmd.try_get_matches_from_mut(args)
            .and_then(|mut m| Cli::from_arg_matches_mut(&mut m))
            .map(|cli| format!("{cli:?}"))
    };
    let lean = |line: &[&str]| {
        let args: Vec<OsString> = line.iter().map(OsString::from).collect();
        parse_lean(&args)
            .map(|(_, mut m)| format!("{:?}", Cli::from_arg_matches_mut(&mut m).unwrap()))
    };
    let taken: &[&[&str]] = &[
        &["obserr", "explain", "NoSuchKey"],
        &["obserr", "explain", "NoSuchKey", "--json"],
        &["obserr", "--json", "explain", "NoSuchKey"],
        &[
            "obserr",
            "explain",
            "--color",
            "never",
            "NoSuchKey",
            "--paging=always",
        ],
        &[
            "obserr",
            "--color=always",
            "list",
            "--status",
            "403",
            "--json",
        ],
        &[
            "obserr", "search", "slow", "down", "--color", "Never", "-n", "3",
        ],
        &["obserr", "explain", "obsutil", "-1", "--json"],
        &["obserr", "decode", "--json", "-", "--", "--json"],
        &["obserr", "explain", "--", "--color", "never"],
        &["obserr", "scan", "--by", "minute", "--json", "x.log"],
        &["obserr", "sigcheck", "--json", "capture.txt"],
        &["obserr", "completions", "bash"],
        &["obserr", "man", "--json"],
        &[
            "obserr",
            "scan",
            "--since",
            "2026-11-26",
            "--no-mmap",
            "--by=prefix",
            "-",
        ],
        &[
            "obserr",
            "list",
            "--source",
            "S3API",
            "--kind",
            "server",
            "--retryable",
        ],
        &["obserr", "search", "-n", "3", "no", "such", "key"],
        &["obserr", "list", "--kind", "SERVER"],
        &["obserr", "decode", "-v", "x.txt", "--json"],
        &["obserr", "decode", "--verbose"],
        &["obserr", "scan", "--by", "IP", "x.log"],
        &["obserr", "scan", "--by=Code", "x.log"],
        &[
            "obserr",
            "sigcheck",
            "--secret-key-file",
            "k.txt",
            "c.txt",
            "--json",
        ],
    ];
    // Every subcommand has its lean definition (`help` is clap's own).
    let full_definition = command();
    for sub in full_definition.get_subcommands() {
        assert!(
            lean_definition(sub.get_name()).is_some(),
            "{}",
            sub.get_name()
        );
    }
    for line in taken {
        let lean = lean(line).unwrap_or_else(|| panic!("not taken: {line:?}"));
        assert_eq!(Ok(lean), full(line).map_err(|e| e.kind()), "{line:?}");
    }
    let left: &[&[&str]] = &[
        &["obserr", "explain", "NoSuchKey", "--color"],
        &["obserr", "explain", "--json", "--json", "NoSuchKey"],
        &["obserr", "explain", "--help"],
        &["obserr", "--version"],
        &["obserr", "list", "--kind", "nonsense"],
    ];
    for line in left {
        assert_eq!(lean(line), None, "{line:?}");
    }
}

/// A secret key given as an option is taken out of the line with its
/// value before clap sees it, whatever the subcommand; after `--` it is
/// a file name like any other.
#[test]
fn key_options_are_taken_out_with_their_value() {
    let cli = try_parse_from(["obserr", "sigcheck", "--sk", "--json", "x.txt"]).unwrap();
    assert!(cli.key_as_argument);
    assert!(!cli.options.json, "--json was the option's value");
    assert!(
        matches!(&cli.command, Subcommand::Sigcheck(SigcheckArgs { files, .. }) if files == &[std::path::PathBuf::from("x.txt")])
    );
    for line in [
        &["obserr", "sigcheck", "--secret-key=abc", "x.txt"][..],
        &["obserr", "decode", "--aws-secret-access-key", "abc"],
        &["obserr", "--secret", "abc", "explain", "NoSuchKey"],
    ] {
        assert!(try_parse_from(line).unwrap().key_as_argument, "{line:?}");
    }
    let cli = try_parse_from(["obserr", "sigcheck", "--", "--sk"]).unwrap();
    assert!(!cli.key_as_argument);
    let cli = try_parse_from(["obserr", "sigcheck", "--secret-key-file", "k", "x"]).unwrap();
    assert!(!cli.key_as_argument);
    // Not offered anywhere clap would show it.
    let mut cmd = command();
    cmd.build();
    let sigcheck = cmd.find_subcommand("sigcheck").unwrap();
    assert!(sigcheck
        .get_arguments()
        .all(|a| a.get_long() != Some("secret-key")));
}

#[test]
fn every_group_by_value_is_a_scan_by_and_back() {
    use clap::ValueEnum;
    for by in GroupBy::value_variants() {
        assert_eq!(GroupBy::from(obserr::By::from(*by)), *by);
    }
    assert_eq!(obserr::By::from(GroupBy::Code), obserr::By::default());
}
