//! The one alias table: the fields every reader recognises, and each name
//! (`Code`, `error_code`, `errorCode`, ...) a field goes by.

/// A field every reader recognises under several names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status,
    Reason,
    Code,
    Message,
    RequestId,
    HostId,
    Resource,
    Bucket,
    Key,
}

impl Field {
    /// The name a detail gets when a log line names it some other way.
    pub fn canonical(self) -> &'static str {
        match self {
            Field::Status => "Status",
            Field::Reason => "Reason",
            Field::Code => "Code",
            Field::Message => "Message",
            Field::RequestId => "RequestId",
            Field::HostId => "HostId",
            Field::Resource => "Resource",
            Field::Bucket => "BucketName",
            Field::Key => "Key",
        }
    }
}

/// The one alias table: every name (its letters and digits, lower case) a
/// reader may meet for a field (`Code`, `error_code`, `errorCode`, ...).
const ALIASES: &[(&str, Field)] = &[
    ("status", Field::Status),
    ("stat", Field::Status),
    ("httpstatus", Field::Status),
    ("statuscode", Field::Status),
    ("responsecode", Field::Status),
    ("httpcode", Field::Status),
    ("reason", Field::Reason),
    ("responsestatus", Field::Reason),
    ("code", Field::Code),
    ("errorcode", Field::Code),
    ("message", Field::Message),
    ("errormessage", Field::Message),
    ("errormsg", Field::Message),
    ("requestid", Field::RequestId),
    ("hostid", Field::HostId),
    ("id2", Field::HostId),
    ("resource", Field::Resource),
    ("bucket", Field::Bucket),
    ("bucketname", Field::Bucket),
    ("key", Field::Key),
    ("objectkey", Field::Key),
    ("objectname", Field::Key),
];

/// A name's letters and digits in lower case: `error_code` -> `errorcode`.
pub fn normalize(name: &str) -> String {
    // One allocation: the letters and digits kept are ASCII, so bytes will do.
    let mut out = String::with_capacity(name.len());
    out.extend(
        name.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase())),
    );
    out
}

/// The field a name (already [`normalize`]d) stands for.
pub fn field(normalized: &str) -> Option<Field> {
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == normalized)
        .map(|(_, f)| *f)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn normalize_keeps_ascii_letters_and_digits_lower_cased(name in "[a-zA-Z0-9_ .:\u{e9}\u{130}\u{212a}-]{0,24}") {
            let chars: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
            proptest::prop_assert_eq!(normalize(&name), chars.to_ascii_lowercase());
        }
    }
}
