//! `sigcheck --json`: the check as one object.

use super::words::next_text;
use crate::sigcheck::{
    ClientSource, Difference, Part, Scheme, SignatureCheck, SignatureFinding, Verdict,
};
use serde::Serialize;
use std::io::{self, Write};

/// `sigcheck --json`.
#[derive(Debug, Serialize)]
pub struct SigcheckJson<'a> {
    scheme: Option<Scheme>,
    access_key_id: Option<&'a str>,
    verdict: Verdict,
    differences: &'a [Difference],
    findings: &'a [SignatureFinding],
    next: String,
    presigned: bool,
    client_source: Option<ClientSource>,
    server: &'a [Part],
    client: &'a [Part],
    request_id: Option<&'a str>,
}

impl<'a> From<&'a SignatureCheck> for SigcheckJson<'a> {
    fn from(c: &'a SignatureCheck) -> Self {
        SigcheckJson {
            scheme: c.scheme,
            access_key_id: c.access_key_id.as_deref(),
            verdict: c.verdict,
            differences: &c.differences,
            findings: &c.findings,
            next: next_text(c),
            presigned: c.presigned,
            client_source: c.client_source,
            server: &c.server,
            client: &c.client,
            request_id: c.request_id.as_deref(),
        }
    }
}

/// Writes `--json`.
pub fn json(out: &mut impl Write, c: &SignatureCheck) -> io::Result<()> {
    crate::render::json::write(out, &SigcheckJson::from(c))
}
