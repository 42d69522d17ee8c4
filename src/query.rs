//! Reads what a user passes to `explain`: a code in any case, an alias, a bare
//! HTTP status, or a code in the forms people paste from logs
//! (`NoSuchKey (404)`, `404 NoSuchKey`, `error code [NoSuchKey]`,
//! `x-obs-error-code: NoSuchKey`, `<Code>NoSuchKey</Code>`), and a tool's
//! code after the tool's name (`obsutil 8`, `console Obs.0012`); and what
//! each argument turns out to name ([`explain`]). It also reads the times a
//! user gives `scan --since` and `--until` ([`parse_time`]).

use crate::catalogue::{self, Entry, StatusFilter, StatusInfo};
use crate::decode::{self, value};
use crate::outcome::Outcome;

/// What one `explain` argument names.
#[derive(Debug)]
pub enum Resolved {
    /// A catalogued code.
    Code(&'static Entry),
    /// A code two tools use with different meanings (`Obs.0012`): every entry.
    Shared(Vec<&'static Entry>),
    /// A bare HTTP status.
    Status(u16),
    /// A class of statuses (`4xx`).
    Class(StatusFilter),
    /// Nothing catalogued; `token` is the part that looked like a code.
    Unknown {
        /// The part of the argument that looked like a code.
        token: String,
        /// The nearest catalogued codes, best first.
        suggestions: Vec<&'static Entry>,
    },
}

/// Words that surround a code in pasted log lines and headers.
const NOISE: &[&str] = &[
    "code",
    "error",
    "errorcode",
    "error_code",
    "http",
    "status",
    "x-amz-error-code",
    "x-obs-error-code",
    "obs",
    "s3",
];

/// Resolves the arguments of `explain`: a tool's name (`obsutil`, `console`,
/// `browser`) and the argument after it are one code (`obsutil 8`); every
/// other argument stands alone. Each result comes with the argument(s) it read.
#[must_use]
pub fn resolve_args(args: &[String]) -> Vec<(String, Resolved)> {
    let mut out = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        // `explain 403 Forbidden`, unquoted: a status and its reason phrase
        // are one status line, not a status and the Swift API's `Forbidden`.
        if let Some(status) = parse_status(arg.trim()) {
            let reason = catalogue::reason(status).unwrap_or_default();
            let words: Vec<&str> = reason.split_whitespace().collect();
            let following: Vec<&String> = rest.clone().take(words.len()).collect();
            let same = !words.is_empty()
                && following.len() == words.len()
                && following
                    .iter()
                    .zip(&words)
                    .all(|(a, w)| a.trim().eq_ignore_ascii_case(w));
            if same {
                rest.nth(words.len() - 1);
                out.push((format!("{arg} {reason}"), Resolved::Status(status)));
                continue;
            }
        }
        let tool = arg.trim().to_ascii_lowercase();
        if catalogue::TOOL_WORDS.contains(&tool.as_str()) {
            let Some(code) = rest.next() else {
                out.push((arg.clone(), resolve(arg)));
                continue;
            };
            let both = format!("{arg} {code}");
            let resolved = match catalogue::lookup_tool(&tool, code) {
                Some(entry) => Resolved::Code(entry),
                None => resolve(&both),
            };
            out.push((both, resolved));
            continue;
        }
        out.push((arg.clone(), resolve(arg)));
    }
    out
}

/// Resolves one argument of `explain`. A pasted error (an SDK's message, a
/// status line, `403 Forbidden`) is read by `decode`'s own readers, so that
/// what `decode` recognises in a text, `explain` recognises in an argument.
pub fn resolve(arg: &str) -> Resolved {
    if let Some(entry) = catalogue::lookup(arg) {
        return Resolved::Code(entry);
    }
    match catalogue::lookup_all(arg).as_slice() {
        [] => {}
        [one] => return Resolved::Code(one),
        several => return Resolved::Shared(several.to_vec()),
    }
    if let Some(class) = parse_class(arg.trim()) {
        return Resolved::Class(class);
    }
    // A bare number that is no status keeps its sign (`-1`), and is offered
    // as obsutil's return code when it is one (`explain 8`, `explain -1`).
    let trimmed = arg.trim();
    if parse_status(trimmed).is_none() && trimmed.parse::<i64>().is_ok() {
        return Resolved::Unknown {
            token: trimmed.to_string(),
            suggestions: catalogue::lookup_tool("obsutil", trimmed)
                .into_iter()
                .collect(),
        };
    }
    if let Some(status) = value::status_in(arg) {
        return Resolved::Status(status);
    }
    // A bare code-like word (a code with a typo, `NoSuchKey.`) holds no
    // label, XML or SDK phrase: the readers, whose automata cost more to build
    // than the whole lookup, are for pasted text.
    let pasted = if arg.trim().chars().all(value::is_code_char) {
        Vec::new()
    } else {
        decode::decode_all(arg.as_bytes())
    };
    if let Some(entry) = pasted
        .iter()
        .find_map(|r| r.code.as_deref().and_then(catalogue::lookup))
    {
        return Resolved::Code(entry);
    }
    if let [r] = pasted.as_slice()
        && let (None, Some(status)) = (&r.code, r.status)
    {
        return Resolved::Status(status);
    }
    // Dots and dashes belong to codes (`KMS.DisabledException`), but not at
    // either end: that is the sentence around it (`InternalError.`).
    let tokens: Vec<&str> = arg
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .map(|t| t.trim_matches(|c| matches!(c, '.' | '-' | '_')))
        .filter(|t| !t.is_empty())
        .collect();
    let status = tokens.iter().find_map(|t| parse_status(t));
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| parse_status(t).is_none() && !NOISE.contains(&t.to_ascii_lowercase().as_str()))
        .collect();
    if let Some(entry) = words.iter().find_map(|w| catalogue::lookup(w)) {
        return Resolved::Code(entry);
    }
    if let Some(entry) = catalogue::lookup(&words.concat()) {
        return Resolved::Code(entry);
    }
    match (words.first(), status) {
        (None, Some(status)) => Resolved::Status(status),
        (None, None) => Resolved::Unknown {
            token: arg.trim().to_string(),
            suggestions: Vec::new(),
        },
        (Some(_), _) => {
            let token = words.concat();
            let suggestions = catalogue::suggest(&token);
            // With control characters in it the argument is no clean paste:
            // echo all of it (made visible) rather than a cleaned-up guess.
            let token = if arg.chars().any(char::is_control) {
                arg.trim().to_string()
            } else {
                token
            };
            Resolved::Unknown { token, suggestions }
        }
    }
}

/// A class of statuses: `4xx` (any case), as `list --status` reads it.
#[must_use]
pub fn parse_class(token: &str) -> Option<StatusFilter> {
    token
        .parse::<StatusFilter>()
        .ok()
        .filter(|f| matches!(f, StatusFilter::Class(_)))
}

/// A three-digit HTTP status between 100 and 599.
#[must_use]
pub fn parse_status(token: &str) -> Option<u16> {
    if token.len() == 3 && token.bytes().all(|b| b.is_ascii_digit()) {
        token.parse().ok().filter(|s| (100..=599).contains(s))
    } else {
        None
    }
}

/// What one `explain` argument turned out to name: a code, a shared tool
/// code, a status or a class with its codes, or nothing (with the nearest
/// codes). [`explain`] returns one per argument; [`Explained::outcome`] says
/// what it means for the exit status.
///
/// ```
/// use obserr::{explain, Explained, Outcome};
///
/// let out = explain(&["4xx", "299"]);
/// assert!(matches!(&out[0], Explained::Class { codes, .. } if codes.iter().any(|e| e.code == "NoSuchKey")));
/// assert!(matches!(out[1], Explained::UnknownStatus { status: 299, .. }));
/// assert_eq!(out[0].outcome(), Outcome::Found);
/// assert_eq!(out[1].outcome(), Outcome::NothingFound);
/// ```
#[derive(Debug)]
pub enum Explained {
    /// A catalogued code.
    Code(&'static Entry),
    /// A code two tools use with different meanings (`Obs.0012`).
    Shared {
        /// The argument(s) as given.
        input: String,
        /// Every entry it names, one per tool.
        entries: Vec<&'static Entry>,
    },
    /// A bare HTTP status the catalogue knows, and its codes.
    Status {
        /// The status.
        status: u16,
        /// What it means for OBS, when the catalogue says.
        info: Option<&'static StatusInfo>,
        /// The catalogued codes documented with it.
        codes: Vec<&'static Entry>,
    },
    /// A class of statuses (`4xx`) and the catalogued codes in it.
    Class {
        /// The class.
        class: StatusFilter,
        /// The codes with a documented status in it, in catalogue order.
        codes: Vec<&'static Entry>,
    },
    /// A status no table documents.
    UnknownStatus {
        /// The argument as given.
        input: String,
        /// The status.
        status: u16,
    },
    /// Nothing catalogued.
    Unknown {
        /// The argument as given.
        input: String,
        /// The part of it that looked like a code.
        token: String,
        /// The nearest catalogued codes, best first.
        suggestions: Vec<&'static Entry>,
    },
}

impl Explained {
    /// Found for a code or a known status; nothing found otherwise.
    #[must_use]
    pub fn outcome(&self) -> Outcome {
        match self {
            Explained::Code(_) | Explained::Shared { .. } | Explained::Status { .. } => {
                Outcome::Found
            }
            Explained::Class { codes, .. } if !codes.is_empty() => Outcome::Found,
            Explained::Class { .. }
            | Explained::UnknownStatus { .. }
            | Explained::Unknown { .. } => Outcome::NothingFound,
        }
    }
}

/// `explain`: what each argument names, in order. An argument may be a code
/// in any case, an alias, a status, a class (`4xx`), or a code as pasted from
/// a log (`NoSuchKey (404)`, `x-obs-error-code: NoSuchKey`).
///
/// ```
/// use obserr::{explain, Explained};
///
/// let out = explain(&["nosuchkey", "403", "NoSuchKy"]);
/// assert!(matches!(out[0], Explained::Code(e) if e.code == "NoSuchKey"));
/// assert!(matches!(out[1], Explained::Status { status: 403, .. }));
/// assert!(matches!(&out[2], Explained::Unknown { suggestions, .. } if suggestions[0].code == "NoSuchKey"));
/// ```
///
/// A tool's name and the argument after it are one code:
///
/// ```
/// use obserr::{explain, Explained};
///
/// let out = explain(&["obsutil", "255", "Obs.0012"]);
/// assert!(matches!(out[0], Explained::Code(e) if e.code == "obsutil -1"));
/// assert!(matches!(&out[1], Explained::Shared { entries, .. } if entries.len() == 2));
/// ```
pub fn explain(args: &[impl AsRef<str>]) -> Vec<Explained> {
    let args: Vec<String> = args.iter().map(|a| a.as_ref().to_string()).collect();
    resolve_args(&args)
        .into_iter()
        .map(|(arg, resolved)| explained(&arg, resolved))
        .collect()
}

fn explained(arg: &str, resolved: Resolved) -> Explained {
    match resolved {
        Resolved::Code(entry) => Explained::Code(entry),
        Resolved::Shared(entries) => Explained::Shared {
            input: arg.to_string(),
            entries,
        },
        Resolved::Status(status) => {
            let info = catalogue::status_info(status);
            let codes: Vec<&Entry> = catalogue::by_status(StatusFilter::Exact(status)).collect();
            if info.is_none() && codes.is_empty() {
                Explained::UnknownStatus {
                    input: arg.to_string(),
                    status,
                }
            } else {
                Explained::Status {
                    status,
                    info,
                    codes,
                }
            }
        }
        Resolved::Class(class) => Explained::Class {
            class,
            codes: catalogue::by_status(class).collect(),
        },
        Resolved::Unknown { token, suggestions } => Explained::Unknown {
            input: arg.to_string(),
            token,
            suggestions,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(arg: &str) -> Option<&'static str> {
        match resolve(arg) {
            Resolved::Code(e) => Some(e.code),
            _ => None,
        }
    }

    #[test]
    fn pasted_forms_resolve_to_the_code() {
        for arg in [
            "NoSuchKey",
            "nosuchkey",
            "  NOSUCHKEY\t",
            "NoSuchKey (404)",
            "404 NoSuchKey",
            "error code [NoSuchKey]",
            "x-obs-error-code: NoSuchKey",
            "x-amz-error-code:NoSuchKey",
            "<Code>NoSuchKey</Code>",
            "\"Code\": \"NoSuchKey\"",
        ] {
            assert_eq!(code(arg), Some("NoSuchKey"), "{arg:?}");
        }
        assert_eq!(
            code("IncorrectNumberOfFilesInPost Request"),
            Some("IncorrectNumberOfFilesInPostRequest")
        );
        assert_eq!(code("KMS.DisabledException"), Some("KMS.DisabledException"));
        for pasted in [
            "An error occurred (NoSuchKey) when calling the GetObject operation: x",
            "Status=404 Not Found, Code=NoSuchKey, Message=x, RequestId=R",
            "(Service: Amazon S3; Status Code: 404; Error Code: NoSuchKey; Request ID: R)",
            "NoSuchKey: The specified key does not exist.\n\tstatus code: 404",
        ] {
            assert_eq!(code(pasted), Some("NoSuchKey"), "{pasted:?}");
        }
        for arg in [
            "InternalError.",
            "InternalError:",
            "InternalError...",
            "(InternalError).",
        ] {
            assert_eq!(code(arg), Some("InternalError"), "{arg:?}");
        }
    }

    #[test]
    fn tool_codes_read_naturally() {
        let args = |a: &[&str]| -> Vec<String> { a.iter().map(|s| s.to_string()).collect() };
        let codes = |a: &[&str]| -> Vec<String> {
            resolve_args(&args(a))
                .into_iter()
                .map(|(input, r)| match r {
                    Resolved::Code(e) => e.code.to_string(),
                    Resolved::Shared(all) => {
                        all.iter().map(|e| e.code).collect::<Vec<_>>().join("+")
                    }
                    Resolved::Status(s) => format!("status {s}"),
                    Resolved::Class(c) => format!("class {c:?}"),
                    Resolved::Unknown { .. } => format!("unknown {input}"),
                })
                .collect()
        };
        assert_eq!(codes(&["obsutil", "8"]), ["obsutil 8"]);
        assert_eq!(codes(&["obsutil", "255"]), ["obsutil -1"]);
        assert_eq!(
            codes(&["OBSUTIL", "-1", "NoSuchKey"]),
            ["obsutil -1", "NoSuchKey"]
        );
        assert_eq!(codes(&["obsutil 8"]), ["obsutil 8"]);
        assert_eq!(codes(&["obsutil:8"]), ["obsutil 8"]);
        assert_eq!(codes(&["Obs.0012"]), ["Browser Obs.0012+Console Obs.0012"]);
        assert_eq!(codes(&["console", "obs.0012"]), ["Console Obs.0012"]);
        assert_eq!(codes(&["browser", "Obs.0030"]), ["Browser Obs.0030"]);
        assert_eq!(codes(&["Obs.0030"]), ["Browser Obs.0030"]);
        assert_eq!(codes(&["obsutil", "42"]), ["unknown obsutil 42"]);
        assert_eq!(codes(&["obsutil"]), ["unknown obsutil"]);
        assert_eq!(codes(&["403", "obsutil", "1"]), ["status 403", "obsutil 1"]);
        // A status and its reason phrase, unquoted, are one status line.
        assert_eq!(codes(&["403", "Forbidden"]), ["status 403"]);
        assert_eq!(
            codes(&["404", "not", "FOUND", "x"]),
            ["status 404", "unknown x"]
        );
        assert_eq!(codes(&["403", "NoSuchKey"]), ["status 403", "NoSuchKey"]);
        assert_eq!(codes(&["404", "Not"]), ["status 404", "unknown Not"]);
    }

    #[test]
    fn bare_statuses_are_statuses() {
        assert!(matches!(resolve("403"), Resolved::Status(403)));
        assert!(matches!(resolve(" 503 "), Resolved::Status(503)));
        assert!(matches!(resolve("HTTP 404"), Resolved::Status(404)));
        assert!(matches!(resolve("999"), Resolved::Unknown { .. }));
        for pasted in [
            "403 Forbidden",
            "HTTP/1.1 403 Forbidden",
            "An error occurred (403) when calling the HeadObject operation: Forbidden",
            "status code: 403, request id: R",
        ] {
            assert!(matches!(resolve(pasted), Resolved::Status(403)), "{pasted}");
        }
        // A reason phrase alone is a status, except where the catalogue has a
        // code of that name (the Swift API's `Forbidden`, 403): then the code.
        assert!(matches!(resolve("Forbidden"), Resolved::Code(e) if e.code == "Forbidden"));
        assert!(matches!(resolve("Gateway Timeout"), Resolved::Status(504)));
        assert!(matches!(
            resolve("4xx"),
            Resolved::Class(StatusFilter::Class(4))
        ));
        assert!(matches!(
            resolve("5XX"),
            Resolved::Class(StatusFilter::Class(5))
        ));
    }

    #[test]
    fn unknown_codes_carry_suggestions() {
        match resolve("error code [NoSuchKy]") {
            Resolved::Unknown { token, suggestions } => {
                assert_eq!(token, "NoSuchKy");
                assert_eq!(suggestions[0].code, "NoSuchKey");
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(resolve(""), Resolved::Unknown { ref suggestions, .. } if suggestions.is_empty())
        );
        // A number keeps its sign, and names obsutil's return code if it is one.
        match resolve("-1") {
            Resolved::Unknown { token, suggestions } => {
                assert_eq!(token, "-1");
                assert_eq!(suggestions[0].code, "obsutil -1");
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(resolve("-42"), Resolved::Unknown { ref token, ref suggestions } if token == "-42" && suggestions.is_empty())
        );
        // A tool's code with a typo is suggested by its own name.
        match resolve("obs.012") {
            Resolved::Unknown { suggestions, .. } => {
                let codes: Vec<&str> = suggestions.iter().map(|e| e.code).collect();
                assert_eq!(codes[..2], ["Browser Obs.0012", "Console Obs.0012"]);
            }
            other => panic!("{other:?}"),
        }
    }
}
