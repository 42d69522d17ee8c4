//! How the command line's values are read and offered: the catalogue's
//! codes and statuses as possible values for completion ([`CodeValues`],
//! [`StatusValues`]; hidden from `--help`, which would otherwise print every
//! code), `list --source` and `--kind`, and the times of `scan --since` and
//! `--until`. What a value means is the library's ([`obserr::explain`],//! [`obserr::lookup`]); the words of a refusal are written here.

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use obserr::{visible, BadStatusFilter, Entry, Kind, Source, StatusFilter, StatusInfo};
use std::ffi::OsStr;

/// `--since`/`--until`: a UTC date, date and minute, or full timestamp
/// ([`obserr::ScanOptions::parse_time`]); or a time ago, `30m`, `1h`, `2d`
/// (seconds, minutes, hours, days, weeks), which the clock turns into one.
pub fn parse_time(s: &str) -> Result<i64, String> {
    let s = s.trim();
    if let Some(ago) = ago_millis(s) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        return Ok(now.saturating_sub(ago));
    }
    obserr::ScanOptions::parse_time(s).ok_or_else(|| {
        "expected a UTC time such as 2026-11-26, 2026-11-26T08:00 or 2026-11-26T08:00:00Z, \
         or a time ago such as 30m, 1h or 2d"
            .to_string()
    })
}

/// `30m`, `1h`, `2d`: the milliseconds it stands for.
fn ago_millis(s: &str) -> Option<i64> {
    let unit = s.chars().last()?;
    let ms: i64 = match unit {
        's' => 1_000,
        'm' => 60_000,
        'h' => 3_600_000,
        'd' => 86_400_000,
        'w' => 7 * 86_400_000,
        _ => return None,
    };
    let digits = &s[..s.len() - 1];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<i64>().ok()?.checked_mul(ms)
}

/// `list --source` accepts the ids of `data/sources.json` in any case, so
/// clap lists them in help and in the error for an unknown one, and fish
/// shows each page's title beside it.
pub fn source_ids() -> impl TypedValueParser<Value = String> {
    clap::builder::PossibleValuesParser::new(
        Source::all()
            .iter()
            .map(|s| PossibleValue::new(s.id).help(s.title)),
    )
    .map(|given: String| {
        Source::all()
            .iter()
            .find(|s| s.id.eq_ignore_ascii_case(&given))
            .map_or(given, |s| s.id.to_string())
    })
}

/// `list --kind`: the names of [`Kind`].
pub fn kind_values() -> impl TypedValueParser<Value = Kind> {
    clap::builder::PossibleValuesParser::new(Kind::ALL.map(Kind::name)).map(|name| {
        Kind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(&name))
            .expect("a possible value")
    })
}

/// `explain`'s arguments: any string (pasted forms, statuses and typos are read
/// later, by [`obserr::explain`]), with the catalogue's codes and one-word aliases
/// as possible values for completion.
#[derive(Debug, Clone, Copy)]
pub struct CodeValues;

impl TypedValueParser for CodeValues {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let tools = Entry::TOOL_WORDS.iter().map(|t| {
            PossibleValue::new(*t).help(match *t {
                "obsutil" => "obsutil's return code follows: obsutil 8, obsutil 255",
                "console" => "an OBS Console code follows: console Obs.0012",
                _ => "an OBS Browser+ code follows: browser Obs.0012",
            })
        });
        Some(Box::new(tools.chain(Entry::completion_words().map(
            |(word, entry)| PossibleValue::new(word).help(entry.message()),
        ))))
    }
}

/// `list --status`: parses into a [`StatusFilter`] (a malformed value is a
/// usage error), with the catalogued statuses and their classes as possible
/// values for completion.
#[derive(Debug, Clone, Copy)]
pub struct StatusValues;

impl TypedValueParser for StatusValues {
    type Value = StatusFilter;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<StatusFilter, clap::Error> {
        StringValueParser::new()
            .try_map(|s| s.parse::<StatusFilter>().map_err(not_a_status))
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            status_filter_words()
                .into_iter()
                .map(|(word, about)| PossibleValue::new(word).help(about)),
        ))
    }
}

/// The `list --status` values worth completing, each with the words a shell
/// shows beside it: every catalogued status with its reason phrase, each
/// class (`any 4xx status`) after its statuses (`403 404 4xx 500`).
fn status_filter_words() -> Vec<(String, String)> {
    let mut words = Vec::new();
    let statuses = StatusInfo::catalogued();
    for (i, &status) in statuses.iter().enumerate() {
        words.push((
            status.to_string(),
            StatusInfo::of(status).map_or("", |i| i.reason).to_string(),
        ));
        if statuses
            .get(i + 1)
            .is_none_or(|next| next / 100 != status / 100)
        {
            let class = status / 100;
            words.push((format!("{class}xx"), format!("any {class}xx status")));
        }
    }
    words
}

/// Why a `list --status` value was refused, as clap shows it after
/// `invalid value 'X' for '--status <STATUS>': `.
fn not_a_status(BadStatusFilter(given): BadStatusFilter) -> String {
    format!(
        "'{}' is not an HTTP status (100-599) or a class like 4xx",
        visible(&given)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_completions_are_catalogued_statuses_and_their_classes() {
        let words: Vec<String> = status_filter_words().into_iter().map(|(w, _)| w).collect();
        for w in &words {
            let filter: StatusFilter = w.parse().expect("a completed value parses");
            assert!(
                !obserr::list(&obserr::ListFilter {
                    status: &[filter],
                    ..obserr::ListFilter::default()
                })
                .is_empty(),
                "{w} lists nothing"
            );
        }
        for status in StatusInfo::catalogued() {
            assert!(words.contains(&status.to_string()), "{status} is missing");
            assert!(words.contains(&format!("{}xx", status / 100)));
        }
        let unique: std::collections::BTreeSet<&String> = words.iter().collect();
        assert_eq!(unique.len(), words.len(), "a value is offered twice");
    }
}
