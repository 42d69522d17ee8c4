//! CLI cases as data: each `tests/cmd/*.toml` pins a command's arguments, exit
//! status, stdout and stderr (typos' and trycmd's pattern), and every `console`
//! block of README.md, GUIDE.md and CONTRIBUTING.md is run and compared too. Regenerate after an intended
//! change with `TRYCMD=overwrite cargo test --test it cli::`, then review the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("obserr", trycmd::cargo::cargo_bin!("obserr"))
        // The documents' examples run in the test's environment: keep it plain.
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "0")
        // sigcheck's examples without a key must not find one in the caller's environment.
        .env("OBS_SECRET_ACCESS_KEY", "")
        .env("AWS_SECRET_ACCESS_KEY", "")
        .case("tests/cmd/*.toml")
        .case("README.md")
        .case("GUIDE.md")
        .case("CONTRIBUTING.md");
}
