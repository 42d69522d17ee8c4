//! The human report of a signature check.

use super::words::{
    cause_text, component_label, component_name, key_issue_text, must_equal, next_text,
    scheme_text, shown, shown_into, verdict_text,
};
use crate::render::style::Style;
use crate::sanitize::visible;
use crate::sigcheck::{
    ClientSource, Difference, Missing, Part, SignatureCheck, SignatureFinding, Verdict,
};
use std::io::{self, Write};

/// Width of the labels in the component tables.
const LABEL: usize = 24;

fn parts(
    out: &mut impl Write,
    s: &Style,
    title: &str,
    parts: &[Part],
    explain: bool,
) -> io::Result<()> {
    writeln!(out, "{}", s.label(title))?;
    // Each line is built in one buffer and written whole: `writeln!` with a
    // padded argument and a `String` per value cost more than the check.
    let mut line = String::new();
    let pad = |line: &mut String, label: &str| {
        line.push_str("  ");
        line.push_str(label);
        let width = label.chars().count();
        line.extend(std::iter::repeat_n(' ', LABEL.saturating_sub(width)));
    };
    for p in parts {
        line.clear();
        pad(&mut line, component_label(p.component));
        shown_into(&mut line, &p.value);
        line.push('\n');
        if explain {
            pad(&mut line, "");
            line.push_str("= ");
            line.push_str(must_equal(p.component));
            line.push('\n');
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn difference(out: &mut impl Write, s: &Style, d: &Difference) -> io::Result<()> {
    let side = |v: &Option<String>| v.as_deref().map_or_else(|| "(absent)".to_string(), shown);
    writeln!(
        out,
        "  {}",
        s.code(&component_name(d.component, d.name.as_deref()))
    )?;
    writeln!(out, "    client  {}", side(&d.client))?;
    writeln!(out, "    server  {}", side(&d.server))?;
    writeln!(out, "    usual cause: {}", cause_text(d.cause))?;
    Ok(())
}

/// The human report.
pub fn human(out: &mut impl Write, s: &Style, c: &SignatureCheck) -> io::Result<()> {
    // Said once, on stderr, as decode says it finds no response.
    if c.verdict == Verdict::NotASignatureError {
        return Ok(());
    }
    let ak = c.access_key_id.as_deref().map(visible).unwrap_or_default();
    writeln!(
        out,
        "SignatureDoesNotMatch  {}  access key {ak}",
        scheme_text(c.scheme, c.presigned)
    )?;
    writeln!(out, "{} {}", s.label("Verdict:"), verdict_text(c))?;
    for f in &c.findings {
        match f {
            SignatureFinding::Key { issue } => writeln!(out, "  note: {}", key_issue_text(*issue))?,
            SignatureFinding::ClientStringConfirmed => writeln!(
                out,
                "  confirmed: with the key given, the client's string signs to the signature sent"
            )?,
            SignatureFinding::AccessKeyIdDiffers { request, server } => writeln!(
                out,
                "  note: the request names access key {} but the error {}",
                visible(request),
                visible(server)
            )?,
            SignatureFinding::TextDiffersFromBytes => writeln!(
                out,
                "  note: StringToSign and StringToSignBytes disagree; the bytes were used"
            )?,
            SignatureFinding::WouldSettle { inputs } if !inputs.is_empty() => {
                let names: Vec<&str> = inputs
                    .iter()
                    .map(|m| match m {
                        Missing::SecretKey => "the secret key",
                        Missing::Request => "the request as sent (curl -v)",
                        Missing::SdkLog => "the SDK's debug log with its string to sign",
                    })
                    .collect();
                writeln!(out, "  would settle it: {}", names.join(", "))?;
            }
            SignatureFinding::WouldSettle { .. } => {}
        }
    }
    if !c.differences.is_empty() {
        let from = match c.client_source {
            Some(ClientSource::SdkLog) => "the SDK's log",
            Some(ClientSource::Request) => "rebuilt from the request",
            Some(ClientSource::KeySearch) => "found with the key",
            None => "",
        };
        writeln!(out, "\n{} (client: {from})", s.label("Differs:"))?;
        for d in &c.differences {
            difference(out, s, d)?;
        }
    }
    writeln!(out)?;
    let explain = c.verdict == Verdict::NoKey;
    parts(out, s, "Server's string to sign:", &c.server, explain)?;
    if let Some(id) = &c.request_id {
        writeln!(out, "\n{} {}", s.label("Request id:"), visible(id))?;
    }
    writeln!(out, "{} {}", s.label("Next:"), next_text(c))?;
    Ok(())
}
