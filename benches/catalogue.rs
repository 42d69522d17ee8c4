//! In-process costs of the catalogue paths (`cargo bench`): exact lookup,
//! suggestions for an unknown code, reading pasted arguments, and search.
//! Whole-process figures come from `scripts/bench.sh`.

use divan::black_box;

fn main() {
    divan::main();
}

#[divan::bench(args = ["NoSuchKey", "nosuchkey", "IncorrectNumberOfFilesInPost Request"])]
fn lookup(code: &str) -> Option<&'static obserr::Entry> {
    obserr::lookup(black_box(code))
}

#[divan::bench(args = ["NoSuchKy", "SignatureDoesntMatch", "nosuchlifecycle"])]
fn suggest(code: &str) -> usize {
    obserr::suggest(black_box(code)).len()
}

#[divan::bench(args = ["error code [NoSuchKey]", "x-obs-error-code: NoSuchKey", "403"])]
fn resolve_pasted(arg: &str) -> bool {
    matches!(
        obserr::internals::resolve(black_box(arg)),
        obserr::internals::Resolved::Code(_)
    )
}

#[divan::bench(args = ["signature mismatch", "bukcet polciy", "bucket not empty", "clock skew"])]
fn search(query: &str) -> usize {
    obserr::search(black_box(query), 10).len()
}
