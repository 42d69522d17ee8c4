//! `obserr sigcheck`'s output: the verdict, the differing components (client
//! and server side by side, invisible characters made visible) with their
//! usual cause, the server's string to sign component by component, and as
//! `--json` the same as one typed object.

mod human;
mod json;
mod words;

pub use human::human;
pub use json::{json, DifferenceJson, SigcheckJson};
pub use words::component_name;
