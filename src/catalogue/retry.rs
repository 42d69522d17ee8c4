//! Whether and how a code is retried: the advice a client gets ([`Retry`],
//! by the code's `retryable` flag and primary status) and what the official
//! OBS SDKs and tools retry by themselves ([`sdk_retries`]).
//!
//! The SDKs' rules are read from their source code, so that `explain` can
//! say whether "it failed" means "it already failed several times". Each rule
//! names the file and lines it was read from, at these commits: Python huaweicloud-sdk-python-obs@14032dc,
//! Go huaweicloud-sdk-go-obs@745aa98, Java huaweicloud-sdk-java-obs@1e4e5b7,
//! .NET huaweicloud-sdk-dotnet-obs@1f9a020, Node.js huaweicloud-sdk-nodejs-obs@5cc75e2,
//! C huaweicloud-sdk-c-obs@98f052d, obsutil huaweicloud-obs-obsutil@45ac956,
//! Hadoop connector obsa-hdfs@ab0c47c. The browser SDK retries only `UploadPart`,
//! when the caller sets `PartRetryNum` (default 0), so no code is listed for it.
//!
//! Only server codes are judged here, by the status and code of the response;
//! a client code lists the SDKs that retry it in its own data (`retried_by`).

use super::entry::{Entry, Kind};
use super::sdk::Sdk;

/// The retry advice for a code, by its `retryable` flag and primary status:
/// what [`Entry::retry`] returns and the printers put in words (GUIDE.md:
/// the retry rule).
///
/// ```
/// use obserr::{lookup, Retry};
///
/// let advice = |code| lookup(code).unwrap().retry();
/// assert_eq!(advice("SlowDown"), Retry::AfterSlowingDown);
/// assert_eq!(advice("InternalError"), Retry::ServerFailure);
/// assert_eq!(advice("PermanentRedirect"), Retry::FollowAddress);
/// assert_eq!(advice("NoSuchKey"), Retry::FixFirst);
/// assert_eq!(advice("ConnectionFailed"), Retry::RunAgain);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Throttled (`SlowDown`, `TooManyRequests`): retry after slowing down.
    AfterSlowingDown,
    /// A 5xx failure: retry with exponential backoff.
    ServerFailure,
    /// Failed in transit or interrupted: send it again.
    SendAgain,
    /// A conflicting operation (`OperationAborted`): retry once it has
    /// ended; a bucket creation may need another name instead.
    AfterConflict,
    /// A redirect: send the request to the address in the response.
    FollowAddress,
    /// The same request will fail again: fix it first.
    FixFirst,
    /// A client or tool code that may pass: run it again (the SDK or tool
    /// may already have).
    RunAgain,
    /// A client or tool code that will fail again: fix its cause first.
    FixCause,
}

/// Codes whose documented remedy is to slow down: they are retried after backoff.
const THROTTLED: [&str; 4] = [
    "GetQosTokenException",
    "SlowDown",
    "SYS.0011",
    "TooManyRequests",
];

impl Entry {
    /// What a client should do about retrying (GUIDE.md: the retry rule);
    /// `render` words it.
    #[must_use]
    pub fn retry(&self) -> Retry {
        match (self.kind, self.retryable) {
            (Kind::Server, _) => {}
            (_, true) => return Retry::RunAgain,
            (_, false) => return Retry::FixCause,
        }
        match (self.retryable, self.status().unwrap_or(0)) {
            (true, 429 | 503) if THROTTLED.contains(&self.code) => Retry::AfterSlowingDown,
            (true, 500..) => Retry::ServerFailure,
            (true, 409) => Retry::AfterConflict,
            (true, _) => Retry::SendAgain,
            (false, 300..=399) => Retry::FollowAddress,
            (false, _) => Retry::FixFirst,
        }
    }
    /// The official SDKs and tools that retry this code by themselves, and on
    /// what condition (see `sdk_retries`).
    #[must_use]
    pub fn sdk_retries(&self) -> Vec<SdkRetry> {
        sdk_retries(self)
    }
}

/// On what condition an SDK retries a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Always, up to its retry limit.
    Always,
    /// After correcting its clock by the server's, when the client enables it
    /// (Java: `LocalTimeUtil`, auto-retry for skewed time).
    AfterClockCorrection,
    /// Only for idempotent operations (the Hadoop connector).
    IdempotentOnly,
    /// A redirect (3xx other than 304): the SDK sends the request again to
    /// the response's `Location`, when there is one; `retries` is then its
    /// redirect limit. Seen through the SDK, the code means the response had
    /// no `Location`, or the limit was reached.
    FollowsLocation,
}

/// One SDK that retries a code by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SdkRetry {
    /// The SDK or tool.
    pub sdk: Sdk,
    /// When it retries.
    pub condition: Condition,
    /// How many times it retries at most, by the SDK's default settings (for
    /// a redirect: how many it follows; `None`: no limit of its own).
    pub retries: Option<u8>,
}

/// The default number of retries of each SDK for a response with `status`
/// (`None`: a client code, judged by its own data), where it has one.
fn retries(sdk: Sdk, status: Option<u16>) -> Option<u8> {
    match sdk {
        // Java's 4xx path (RequestTimeout, RequestTimeTooSkewed) counts the
        // error first and retries while `errorCount < max` (3): 2 retries
        // (RestStorageService.java L555-557); its 5xx path throws only when
        // `errorCount > max`: 3 retries (L589-593, doRetry L693-697).
        Sdk::Java if status.is_some_and(|s| (400..500).contains(&s)) => Some(2),
        // python client.py L203 max_retry_count=3; go const.go L163; java
        // ObsConstraint.java L83; dotnet Internal/Constants.cs L119; c request.c
        // L1067 (RETRY_NUM); obsutil src/command/misc.go L65.
        Sdk::Python | Sdk::Go | Sdk::Java | Sdk::Dotnet | Sdk::C | Sdk::Obsutil => Some(3),
        Sdk::Nodejs | Sdk::Obsa => None,
    }
}

/// How many redirects each SDK follows by itself (`None`: no limit of its
/// own), or `None` outside when it does not follow them. Every SDK follows a
/// 3xx other than 304 whose response has a `Location` header.
fn redirects(sdk: Sdk) -> Option<Option<u8>> {
    match sdk {
        // client.py L207 max_redirect_count=10, L507-517: the 10th redirect
        // response is returned as the error, so 9 are followed (L999-1000: a
        // 3xx other than 304 with a Location).
        Sdk::Python => Some(Some(9)),
        // const.go L164 DEFAULT_MAX_REDIRECT_COUNT=3; http.go L403-404, L572-585.
        // RestStorageService.java L598-621: on the retry counter, which throws
        // past 3 (doRetry L693-697). utils.js L1459-1471: while retryCount <= 3,
        // from 1. obsutil src/obs/http.go L470-482: within its 3 tries.
        Sdk::Go | Sdk::Java | Sdk::Nodejs | Sdk::Obsutil => Some(Some(3)),
        // Internal/HttpClient.cs L167-195: the retry count is taken back
        // before the next request, so a redirect does not use it up.
        Sdk::Dotnet => Some(None),
        // request.c L537-538: libcurl, CURLOPT_FOLLOWLOCATION, CURLOPT_MAXREDIRS 10.
        Sdk::C => Some(Some(10)),
        // The connector sends its requests through the Java SDK.
        Sdk::Obsa => None,
    }
}

/// Statuses the Hadoop connector never retries (OBSCommonUtils.java L389-462).
const OBSA_FINAL: [u16; 8] = [400, 401, 403, 404, 405, 409, 410, 416];

/// Whether `sdk` retries a server response with this `status` and `code`.
fn rule(sdk: Sdk, status: u16, code: &str, json_api: bool) -> Option<Condition> {
    let always = |yes: bool| yes.then_some(Condition::Always);
    match sdk {
        // Python client.py L1057-1058: status >= 500 raises the internal
        // retry; Go http.go L396-401: 4xx and 304 are final, anything else
        // is retried.
        Sdk::Python | Sdk::Go => always(status >= 500),
        // RestStorageService.java L516-545: 5xx; a 4xx only for RequestTimeout,
        // or RequestTimeTooSkewed after the clock is corrected; JSON (SYS.xxxx)
        // responses are never retried (L507-510).
        Sdk::Java if json_api => None,
        Sdk::Java if code == "RequestTimeTooSkewed" => Some(Condition::AfterClockCorrection),
        // .NET Internal/HttpClient.cs L197-218: a 4xx or 304 only for
        // RequestTimeout; 5xx always.
        Sdk::Java | Sdk::Dotnet => always(status >= 500 || code == "RequestTimeout"),
        // utils.js L494, L1229: transport errors only, never an HTTP status.
        Sdk::Nodejs => None,
        // request.c L1072: 408 or above 499.
        Sdk::C => always(status == 408 || status > 499),
        // obsutil src/obs/http.go L263, L466: 408 and 5xx (3xx and 4xx are final).
        Sdk::Obsutil => always(status >= 500 || status == 408),
        // OBSCommonUtils.java L447: a 503 with GetQosTokenException is
        // throttling, always retried; other statuses only for idempotent calls.
        Sdk::Obsa if status == 503 && code == "GetQosTokenException" => Some(Condition::Always),
        Sdk::Obsa if OBSA_FINAL.contains(&status) || status < 400 => None,
        Sdk::Obsa => Some(Condition::IdempotentOnly),
    }
}

/// The SDKs and tools that retry `entry` by themselves, in [`Sdk::ALL`] order.
/// A server code is judged by its primary status (none: nobody retries it); a
/// client code by its data.
#[must_use]
pub fn sdk_retries(entry: &Entry) -> Vec<SdkRetry> {
    if entry.kind != Kind::Server {
        return entry
            .retried_by
            .iter()
            .map(|&sdk| SdkRetry {
                sdk,
                condition: Condition::Always,
                retries: retries(sdk, None),
            })
            .collect();
    }
    let Some(status) = entry.status() else {
        return Vec::new();
    };
    if (300..400).contains(&status) && status != 304 {
        return Sdk::ALL
            .iter()
            .filter_map(|&sdk| {
                redirects(sdk).map(|limit| SdkRetry {
                    sdk,
                    condition: Condition::FollowsLocation,
                    retries: limit,
                })
            })
            .collect();
    }
    let json_api = entry.code.starts_with("SYS.");
    Sdk::ALL
        .iter()
        .filter_map(|&sdk| {
            rule(sdk, status, entry.code, json_api).map(|condition| SdkRetry {
                sdk,
                condition,
                retries: retries(sdk, Some(status)),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::data::entries;
    use super::super::lookup::lookup;
    use super::*;

    fn sdks(code: &str) -> Vec<Sdk> {
        sdk_retries(lookup(code).unwrap())
            .iter()
            .map(|r| r.sdk)
            .collect()
    }

    #[test]
    fn the_sdks_rules_as_read_from_their_source() {
        // 5xx: everyone but Node.js; the Hadoop connector for idempotent calls.
        assert_eq!(
            sdks("InternalError"),
            [
                Sdk::Python,
                Sdk::Go,
                Sdk::Java,
                Sdk::Dotnet,
                Sdk::C,
                Sdk::Obsutil,
                Sdk::Obsa
            ]
        );
        // 501 is retried by every SDK that retries 5xx, although it cannot help.
        assert!(sdks("NotImplemented").contains(&Sdk::Python));
        // RequestTimeout: Java and .NET by code, C and obsutil by 408.
        assert_eq!(
            sdks("RequestTimeout"),
            [Sdk::Java, Sdk::Dotnet, Sdk::C, Sdk::Obsutil, Sdk::Obsa]
        );
        // No SDK retries 429 by code; only the connector, for idempotent calls.
        assert_eq!(sdks("TooManyRequests"), [Sdk::Obsa]);
        assert!(sdks("NoSuchKey").is_empty());
        let skew = sdk_retries(lookup("RequestTimeTooSkewed").unwrap());
        assert_eq!(skew.len(), 1);
        assert_eq!(skew[0].condition, Condition::AfterClockCorrection);
    }

    #[test]
    fn java_retries_a_4xx_twice_and_a_5xx_three_times() {
        let count = |code: &str, sdk: Sdk| {
            sdk_retries(lookup(code).unwrap())
                .iter()
                .find(|r| r.sdk == sdk)
                .and_then(|r| r.retries)
        };
        assert_eq!(count("RequestTimeout", Sdk::Java), Some(2));
        assert_eq!(count("RequestTimeTooSkewed", Sdk::Java), Some(2));
        assert_eq!(count("InternalError", Sdk::Java), Some(3));
        // .NET's 4xx path uses the same check as its 5xx path.
        assert_eq!(count("RequestTimeout", Sdk::Dotnet), Some(3));
    }

    #[test]
    fn every_sdk_follows_a_redirect_with_a_location() {
        for code in [
            "PermanentRedirect",
            "TemporaryRedirect",
            "WebsiteRedirect",
            "Redirect",
            "MovedPermanently",
        ] {
            let rs = sdk_retries(lookup(code).unwrap());
            let sdks: Vec<Sdk> = rs.iter().map(|r| r.sdk).collect();
            assert_eq!(
                sdks,
                [
                    Sdk::Python,
                    Sdk::Go,
                    Sdk::Java,
                    Sdk::Dotnet,
                    Sdk::Nodejs,
                    Sdk::C,
                    Sdk::Obsutil
                ],
                "{code}"
            );
            assert!(rs.iter().all(|r| r.condition == Condition::FollowsLocation));
        }
        let python = &sdk_retries(lookup("PermanentRedirect").unwrap())[0];
        assert_eq!(python.retries, Some(9));
        // 304 is not a redirect: nobody follows it.
        assert!(lookup("NotModified").is_none_or(|e| sdk_retries(e)
            .iter()
            .all(|r| r.condition != Condition::FollowsLocation)));
    }

    #[test]
    fn retryable_follows_the_documented_rule() {
        const ALSO_RETRYABLE: [&str; 3] = ["IncompleteBody", "OperationAborted", "RequestTimeout"];
        // Documented as 500, but the condition stays: an expired token, a
        // wrong account ID.
        const FINAL_500: [&str; 2] = ["SYS.0008", "SYS.0039"];
        for e in entries().iter().filter(|e| e.kind == Kind::Server) {
            let status = e.status().unwrap_or(0);
            // 501: the server does not implement it; a retry cannot help.
            let rule = (status >= 500 && status != 501 && !FINAL_500.contains(&e.code))
                || status == 429
                || ALSO_RETRYABLE.contains(&e.code);
            assert_eq!(e.retryable, rule, "{}", e.code);
        }
        for code in ["NotImplemented", "ServiceNotImplemented"] {
            assert!(!lookup(code).unwrap().retryable, "{code}");
        }
        assert!(lookup("GetQosTokenException").unwrap().retryable);
        assert!(lookup("TooManyRequests").unwrap().retryable);
        assert_eq!(
            lookup("TooManyRequests").unwrap().retry(),
            Retry::AfterSlowingDown
        );
    }
}
