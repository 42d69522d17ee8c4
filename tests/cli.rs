//! CLI cases as data: each `tests/cmd/*.toml` pins a command's arguments, exit
//! status, stdout and stderr (typos' and trycmd's pattern). Regenerate after an
//! intended change with `TRYCMD=overwrite cargo test --test cli`, then review.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("obserr", trycmd::cargo::cargo_bin!("obserr"))
        .case("tests/cmd/*.toml");
}
