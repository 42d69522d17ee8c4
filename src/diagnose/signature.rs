//! `SignatureDoesNotMatch`: what the server computed (its string to sign,
//! the access key id), and what sigcheck proves from the input alone.

use super::hint::Hint;
use crate::decode::Response;

/// The hints of a signature mismatch, in the order they are shown.
pub(super) fn signature(r: &Response, f: &mut Vec<Hint>) {
    // What the input alone proves (no key): the server's string against the
    // request shown with it.
    let check = crate::sigcheck::check(r, None, None);
    if check.verdict == crate::sigcheck::Verdict::StringToSignDiffers
        && !check.differences.is_empty()
    {
        f.push(Hint::SignatureDiffers {
            differences: check.differences,
        });
    }
    if let Some(sts) = r.detail("StringToSign") {
        f.push(Hint::StringToSign {
            value: sts.to_string(),
        });
    }
    if let Some(ak) = r
        .detail("AWSAccessKeyId")
        .or_else(|| r.detail("AccessKeyId"))
    {
        f.push(Hint::AccessKey { id: ak.to_string() });
    }
    f.push(Hint::SignatureCauses);
}

#[cfg(test)]
mod tests {
    use super::super::diagnosis::Next;
    use super::*;
    use crate::decode::decode;
    use crate::diagnose::diagnose;

    #[test]
    fn signature_mismatch_carries_the_string_to_sign() {
        let d = diagnose(decode(b"<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\nFri, 15 Mar 2024 10:15:00 GMT\n/b/k</StringToSign><AWSAccessKeyId>AK</AWSAccessKeyId></Error>"));
        assert_eq!(
            d.findings[..3],
            [
                Hint::StringToSign {
                    value: "GET\n\n\nFri, 15 Mar 2024 10:15:00 GMT\n/b/k".into()
                },
                Hint::AccessKey { id: "AK".into() },
                Hint::SignatureCauses,
            ]
        );
        assert_eq!(d.next, Next::Sigcheck(None));
    }
}
