//! Reads error lines that obsutil and the OBS SDKs write to their logs:
//! `status [409], error code [BucketAlreadyExists], error message [...],
//! request id [...]` (obsutil, SDK log files), `Status=404 Not Found,
//! Code=NoSuchKey, Message=..., RequestId=...` (Go SDK) and `'status': 403,
//! 'errorCode': 'AccessDenied'` (Python SDK). The last line that carries a code
//! or a status counts.

use super::Response;

/// Longer lines are no log lines (and would cost time for nothing).
const MAX_LINE: usize = 64 * 1024;
/// Labelled values read from one line at most.
const MAX_PAIRS: usize = 32;

/// The canonical field a log label names, by the decoder's one alias table.
fn field(label: &str) -> Option<&'static str> {
    super::field(label).map(super::Field::canonical)
}

fn normalize(words: &str) -> String {
    super::normalize(words)
}

/// The field named by the last one or two words of `before`.
fn label_before(before: &str) -> Option<&'static str> {
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '{' | '|' | '(' | ']'))
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    if n >= 2 {
        if let Some(f) = field(&normalize(&format!("{}{}", words[n - 2], words[n - 1]))) {
            return Some(f);
        }
    }
    words.last().and_then(|w| field(&normalize(w)))
}

/// Pairs in `line` of the bracket form `label [value]`. Brackets are
/// matched, so `[a [b] c]` is one value; an unclosed one (a cut line) runs to
/// the end of the line.
fn bracket_pairs(line: &str) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    let mut prev_end = 0;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b'[' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            b']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(label) = label_before(&line[prev_end..open]) {
                        pairs.push((label, line[open + 1..i].to_string()));
                        if pairs.len() >= MAX_PAIRS {
                            return pairs;
                        }
                    }
                    prev_end = i + 1;
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        if let Some(label) = label_before(&line[prev_end..open]) {
            pairs.push((label, line[open + 1..].to_string()));
        }
    }
    pairs
}

/// Pairs in `line` of the form `Label=value` or `'label': value`.
fn assigned_pairs(line: &str) -> Vec<(&'static str, String)> {
    // Where each known label's value starts, and where its label started.
    let mut marks: Vec<(usize, usize, &'static str)> = Vec::new();
    for (i, c) in line.char_indices() {
        if c != '=' && c != ':' {
            continue;
        }
        let before = line[..i].trim_end_matches(['\'', '"']);
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let label = &before[start..];
        if label.len() > 16 {
            continue;
        }
        if let Some(f) = field(&normalize(label)) {
            let label_start = line[..start].trim_end_matches(['\'', '"']).len();
            marks.push((label_start, i + 1, f));
            if marks.len() >= MAX_PAIRS {
                break;
            }
        }
    }
    let mut pairs = Vec::new();
    for (n, &(_, value_start, f)) in marks.iter().enumerate() {
        let end = marks.get(n + 1).map_or(line.len(), |m| m.0);
        if end < value_start {
            continue;
        }
        let value = line[value_start..end]
            .trim()
            .trim_end_matches([',', ';', '}'])
            .trim()
            .trim_matches(['\'', '"']);
        pairs.push((f, value.to_string()));
    }
    pairs
}

/// Reads the last log line of `text` that names a code or a status.
pub fn read(text: &str, found: &mut Response) -> bool {
    // Every log line names a code or a status: skip the others cheaply.
    let candidate = |l: &&str| {
        l.len() <= MAX_LINE
            && ["ode", "ODE", "tatus", "TATUS"]
                .iter()
                .any(|w| l.contains(w))
    };
    for line in text.lines().rev().filter(candidate) {
        let mut pairs = bracket_pairs(line);
        if !pairs.iter().any(|(f, _)| matches!(*f, "Code" | "Status")) {
            pairs = assigned_pairs(line);
        }
        if !pairs.iter().any(|(f, _)| matches!(*f, "Code" | "Status")) {
            continue;
        }
        for (name, value) in pairs {
            if name == "Status" {
                let value = value.trim();
                if let Some(status) = value.get(..3).and_then(|d| d.parse::<u16>().ok()) {
                    found.status.get_or_insert(status);
                    let reason = value[3..].trim();
                    if reason.starts_with(|c: char| c.is_ascii_alphabetic()) {
                        found.reason.get_or_insert_with(|| reason.to_string());
                    }
                }
            } else if name == "Reason" {
                found.reason.get_or_insert_with(|| value.trim().to_string());
            } else {
                found.put(name, &value);
            }
        }
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> Response {
        let mut f = Response::default();
        assert!(read(text, &mut f), "{text}");
        f
    }

    #[test]
    fn obsutil_bracket_lines() {
        let f = read_str("2024-03-15 10:15:00 [ERROR] obsutil: status [409], error code [BucketAlreadyExists], error message [The requested bucket name [x] is not available.], request id [0000018E4A]\n");
        assert_eq!(f.status, Some(409));
        assert_eq!(f.code.as_deref(), Some("BucketAlreadyExists"));
        assert_eq!(
            f.message.as_deref(),
            Some("The requested bucket name [x] is not available.")
        );
        assert_eq!(f.request_id.as_deref(), Some("0000018E4A"));
    }

    #[test]
    fn go_and_python_sdk_lines() {
        let f = read_str("obs: service returned error: Status=404 Not Found, Code=NoSuchKey, Message=The specified key does not exist., RequestId=00000A");
        assert_eq!(
            (f.status, f.reason.as_deref()),
            (Some(404), Some("Not Found"))
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.message.as_deref(),
            Some("The specified key does not exist.")
        );
        assert_eq!(f.request_id.as_deref(), Some("00000A"));
        let f = read_str("{'status': 403, 'reason': 'Forbidden', 'errorCode': 'AccessDenied', 'errorMessage': 'Access Denied', 'requestId': 'R2'}");
        assert_eq!(f.status, Some(403));
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.request_id.as_deref(), Some("R2"));
    }

    #[test]
    fn the_last_line_counts_and_prose_is_not_a_log_line() {
        let f = read_str("status [500], error code [InternalError]\nstatus [503], error code [ServiceUnavailable]\n");
        assert_eq!(f.code.as_deref(), Some("ServiceUnavailable"));
        let mut f = Response::default();
        assert!(!read("nothing to see [here]\nx=y", &mut f));
        for odd in [
            "[",
            "]",
            "code [",
            "code=",
            "status=4",
            "status [abc]",
            "é=é:[é]",
        ] {
            let _ = read(odd, &mut Response::default());
        }
    }
}
