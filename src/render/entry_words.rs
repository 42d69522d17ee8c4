//! Words about a catalogue entry that more than one command writes: the
//! retry advice (`explain`, `decode`, `scan`) and the tag naming where a
//! cause comes from (`explain`, `decode`).

use super::layout::wrap;
use super::style::Style;
use crate::catalogue::{CauseSource, CauseSourceKind, Entry, Retry};

/// The `Retry:` line of an entry: its advice, wrapped like every field, green
/// when a retry helps (each line painted on its own, so that a pager showing
/// part of it still resets the colour).
pub(super) fn retry(
    out: &mut impl std::io::Write,
    s: &Style,
    width: usize,
    e: &Entry,
) -> std::io::Result<()> {
    let wrapped = wrap(retry_advice(e.retry()), width, s.width);
    let padded = format!("{:<width$}", "Retry:");
    if !s.color {
        return writeln!(out, "{padded}{wrapped}");
    }
    let advice: Vec<String> = wrapped
        .split('\n')
        .map(|line| {
            let (pad, words) = line.split_at(line.len() - line.trim_start().len());
            let painted = if e.retryable {
                s.good(words)
            } else {
                s.bad(words)
            };
            format!("{pad}{painted}")
        })
        .collect();
    writeln!(out, "{}{}", s.label(&padded), advice.join("\n"))
}

/// The retry advice in one sentence.
#[must_use]
pub fn retry_advice(retry: Retry) -> &'static str {
    match retry {
        Retry::AfterSlowingDown => {
            "yes, after slowing down: reduce the request rate and retry with exponential backoff"
        }
        Retry::ServerFailure => "yes: a server-side failure; retry with exponential backoff",
        Retry::SendAgain => "yes: the request failed in transit or was interrupted; send it again",
        Retry::AfterConflict => {
            "yes, once the conflicting operation has ended; when creating a bucket, see the causes: another name may be needed"
        }
        Retry::FollowAddress => "no: send the request to the address given in the response",
        Retry::FixFirst => "no: the same request will fail again; fix it first",
        Retry::RunAgain => {
            "yes: the failure may pass; run it again (the SDK or tool may already have)"
        }
        Retry::FixCause => "no: it will fail again; fix the cause first",
    }
}

/// Where a cause comes from, as the short tag after the cause in human output:
/// `[docs: api-ref, row TooManyRequests]`, `[FAQ: Why Am I Unable to Create a
/// Bucket?]`, `[SDK: huaweicloud-sdk-java-obs RestStorageService.java#L682-L689]`,
/// `[experience: no OBS page says so]`. The JSON carries the whole source.
#[must_use]
pub fn cause_source_tag(src: &CauseSource) -> String {
    let text = match src.kind {
        CauseSourceKind::Doc => format!(
            "docs: {}{}",
            src.page.unwrap_or(""),
            src.at.map(|at| format!(", {at}")).unwrap_or_default()
        ),
        CauseSourceKind::Faq => {
            let title = src.title.unwrap_or("");
            format!("FAQ: {}", title.strip_prefix("OBS FAQ: ").unwrap_or(title))
        }
        CauseSourceKind::Sdk => format!(
            "SDK: {} {}#{}",
            src.page
                .map_or("", |repo| repo.rsplit('/').next().unwrap_or(repo)),
            src.title.unwrap_or(""),
            src.at.unwrap_or("")
        ),
        CauseSourceKind::Experience => "experience: no OBS page says so".to_string(),
    };
    format!("[{text}]")
}

/// The shortest tag of where a cause comes from, for decode's short form
/// (`[docs]`, `[FAQ]`, `[SDK]`, `[experience]`): `--verbose`, `explain` and
/// the JSON name the page, row or file.
#[must_use]
pub fn cause_source_kind_tag(src: &CauseSource) -> &'static str {
    match src.kind {
        CauseSourceKind::Doc => "[docs]",
        CauseSourceKind::Faq => "[FAQ]",
        CauseSourceKind::Sdk => "[SDK]",
        CauseSourceKind::Experience => "[experience]",
    }
}
