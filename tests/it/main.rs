//! The integration tests, as one test binary (as ripgrep and just have them):
//! one link step instead of one per file. Each module is what was a
//! `tests/*.rs` file; `common` holds the helpers they share. Run one module
//! with `cargo test --test it realworld::` (a filter on the test path).

mod common;

mod api;

mod cli;
mod clients;
mod completions;
mod decode;
mod docs_links;
mod hostile_args;
mod hostile_input;
mod install;
mod layers;
mod pipe;
mod properties;
mod realworld;
mod scan;
mod scan_follow;
mod scan_links;
mod scan_mapped;
mod scan_merge;
mod search_quality;
mod sigcheck_mutations;
mod sigcheck_secrets;
mod sigcheck_vectors;
mod sources;
mod terminal;
