//! The error of a run that ended with exit status 2, for stdout under
//! `--json`.

use serde::Serialize;

/// An error that ended a run with exit status 2, for stdout under `--json`.
#[derive(Serialize)]
pub struct ErrorJson {
    /// What went wrong, the line stderr shows after `obserr: error: `.
    pub error: String,
    /// The input it concerns (a file name, `-` for standard input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
}

impl ErrorJson {
    /// An error about `input`, if any.
    #[must_use]
    pub fn new(error: String, input: Option<String>) -> Self {
        ErrorJson { error, input }
    }
}
