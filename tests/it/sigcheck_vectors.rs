//! obserr's string to sign and signature are byte-identical to the official
//! SDKs' (esdk-obs-python for OBS and V2, botocore for V4, header and
//! pre-signed URL) for every vector `scripts/sigcheck_vectors.py` generated.

use obserr::internals::canon;
use obserr::internals::parse;
use obserr::internals::Scheme;
use obserr::Request;
use obserr::SecretKey;

#[derive(serde::Deserialize)]
struct Vector {
    scheme: String,
    presigned: bool,
    secret: String,
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    string_to_sign: String,
    canonical_request: Option<String>,
    signature: String,
}

#[test]
fn every_sdk_vector_is_reproduced() {
    let text = include_str!("../fixtures/sigcheck/vectors.jsonl");
    let mut counts = [0usize; 3];
    for (i, line) in text.lines().enumerate() {
        let v: Vector = serde_json::from_str(line).unwrap();
        let req = Request {
            method: v.method.clone(),
            target: v.target.clone(),
            headers: v.headers.clone(),
        };
        let signed =
            parse::signed(&req).unwrap_or_else(|| panic!("vector {i}: no signature found"));
        let want = match v.scheme.as_str() {
            "obs" => Scheme::Obs,
            "v2" => Scheme::V2,
            _ => Scheme::V4,
        };
        assert_eq!(signed.scheme, want, "vector {i}");
        assert_eq!(
            signed.placement != parse::Placement::Header,
            v.presigned,
            "vector {i}"
        );
        assert_eq!(
            signed.signature, v.signature,
            "vector {i}: signature read from the request"
        );
        let rebuilt = canon::rebuild(&req, &signed);
        if let Some(cr) = &v.canonical_request {
            assert_eq!(
                rebuilt.canonical_request.as_deref(),
                Some(cr.as_str()),
                "vector {i}: canonical request"
            );
        }
        assert_eq!(
            rebuilt.string_to_sign, v.string_to_sign,
            "vector {i}: string to sign"
        );
        let key = SecretKey::new(v.secret.into_bytes());
        let sig = match want {
            Scheme::V4 => key.sign_v4(&signed.v4.as_ref().unwrap().scope, &rebuilt.string_to_sign),
            _ => key.sign_v1(&rebuilt.string_to_sign),
        };
        assert_eq!(sig, v.signature, "vector {i}: signature");
        counts[want as usize] += 1;
    }
    assert!(counts.iter().sum::<usize>() >= 1000, "{counts:?}");
    assert!(counts.iter().all(|&n| n >= 200), "{counts:?}");
}
