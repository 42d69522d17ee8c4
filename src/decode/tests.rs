//! decode's entry points end to end: framing, headers and body together,
//! invalid UTF-8 and binary input, several responses in one input.

use super::*;

#[test]
fn head_responses_take_everything_from_headers() {
    let r = decode(b"HTTP/1.1 404 Not Found\r\nServer: OBS\r\nx-obs-error-code: NoSuchKey\r\nx-obs-error-message: The specified key does not exist.\r\nx-obs-request-id: R\r\nx-obs-id-2: H\r\nx-reserved-indicator: I\r\nContent-Length: 0\r\n\r\n");
    assert_eq!(r.framing, Framing::Include);
    assert_eq!(r.body, Body::Empty);
    assert_eq!(
        (r.status, r.reason.as_deref()),
        (Some(404), Some("Not Found"))
    );
    assert_eq!(r.code.as_deref(), Some("NoSuchKey"));
    assert_eq!(
        r.message.as_deref(),
        Some("The specified key does not exist.")
    );
    assert_eq!(r.request_id.as_deref(), Some("R"));
    assert_eq!(r.host_id.as_deref(), Some("H"));
    assert_eq!(r.reserved_indicator.as_deref(), Some("I"));
}

#[test]
fn the_body_wins_over_headers_and_amz_headers_count() {
    let r = decode(b"HTTP/2 403\r\nx-amz-request-id: HR\r\nx-amz-id-2: HH\r\n\r\n<Error><Code>AccessDenied</Code><RequestId>BR</RequestId></Error>");
    assert_eq!(r.code.as_deref(), Some("AccessDenied"));
    assert_eq!(r.request_id.as_deref(), Some("BR"));
    assert_eq!(r.host_id.as_deref(), Some("HH"));
    assert_eq!(r.reason, None);
}

#[test]
fn proxy_pages_and_website_pages() {
    let r = decode(b"HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
    assert_eq!(r.body, Body::ProxyPage);
    assert_eq!(r.proxy.as_deref(), Some("nginx"));
    let r = decode(b"<html><head><title>404 Not Found</title></head><body><ul><li>Code: NoSuchKey</li></ul></body></html>");
    assert_eq!(r.body, Body::Html);
    assert_eq!(
        (r.status, r.code.as_deref()),
        (Some(404), Some("NoSuchKey"))
    );
}

#[test]
fn invalid_utf8_and_junk() {
    let r = decode(b"\xff\xfe<Error><Code>No\xffSuchKey</Code></Error>");
    assert_eq!(r.code.as_deref(), Some("No\u{fffd}SuchKey"));
    let r = decode(b"<Error><Code>No\xffKey</Code></Error>");
    assert_eq!(r.code.as_deref(), Some("No\u{fffd}Key"));
    let r = decode(b"<Error><Code>No\xff\xfe\xc3Key\xe2\x82</Code></Error>");
    assert_eq!(r.code.as_deref(), Some("No\u{fffd}Key\u{fffd}"));
    // Valid characters around the invalid run stay when ASCII parts them.
    let mut bytes = "<Error><Message>für \u{9519}\u{8bef} x\u{fffd}</Message></Error>"
        .as_bytes()
        .to_vec();
    bytes.push(0xff);
    let r = decode(&bytes);
    assert_eq!(r.message.as_deref(), Some("für 错误 x\u{fffd}"));
    let r = decode(b"just some text");
    assert!(r.is_empty());
    assert_eq!(r.body, Body::Unrecognised);
}

#[test]
fn binary_data_is_not_read() {
    let r = decode(b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0\x00\x10JFIF<Error><Code>NoSuchKey</Code></Error>");
    assert_eq!(r.status, Some(200));
    assert_eq!(r.binary_at, Some(49));
    assert_eq!(r.code, None);
    let r = decode(b"<Error><Code>NoSuchKey</Code></Error>");
    assert_eq!(r.binary_at, None);
}

#[test]
fn sdk_exceptions_with_embedded_xml() {
    let r = decode(b"com.obs.services.exception.ObsException: Error message:Request Error.OBS servcie Error Message. -- ResponseCode: 403, ResponseStatus: Forbidden, XML Error Message: <?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R</RequestId></Error>");
    assert_eq!(r.code.as_deref(), Some("AccessDenied"));
    assert_eq!(r.status, Some(403));
}

#[test]
fn several_responses_in_order_and_a_code_named_in_passing() {
    let two = b"HTTP/1.1 404 Not Found\r\n\r\n<Error><Code>NoSuchKey</Code></Error>\nHTTP/1.1 403 Forbidden\r\n\r\n<Error><Code>AccessDenied</Code></Error>\n";
    let all = decode_all(two);
    let codes: Vec<_> = all.iter().map(|r| (r.status, r.code.as_deref())).collect();
    assert_eq!(
        codes,
        [
            (Some(404), Some("NoSuchKey")),
            (Some(403), Some("AccessDenied"))
        ]
    );
    let all = decode_all(b"the multipart upload keeps failing with NoSuchUpload, why?");
    assert_eq!(all[0].code.as_deref(), Some("NoSuchUpload"));
    assert!(decode_all(b"Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\nValueError: bad value\n").is_empty());
}

/// aws --debug (tests/fixtures/clients/aws-cli): the parameters logged
/// before a request name a bucket and key, and each logged request
/// starts a response of its own (a retry is another response).
#[test]
fn a_debug_log_gives_one_response_per_logged_request() {
    let log = b"params: {'Bucket': 'b', 'Key': 'k'}\n\
        DEBUG - http://h:1 \"GET /b/k HTTP/1.1\" 503 284\n\
        <Error><Code>SlowDown</Code><RequestId>R1</RequestId></Error>\n\
        DEBUG - http://h:1 \"GET /b/k HTTP/1.1\" 503 284\n\
        <Error><Code>SlowDown</Code><RequestId>R2</RequestId></Error>\n\
        An error occurred (SlowDown) when calling the GetObject operation (reached max retries: 1): x\n";
    let all = decode_all(log);
    let got: Vec<_> = all
        .iter()
        .map(|r| {
            (
                r.status,
                r.code.as_deref(),
                r.request_id.as_deref(),
                r.operation,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some(503), Some("SlowDown"), Some("R1"), Some("GetObject")),
            (Some(503), Some("SlowDown"), Some("R2"), Some("GetObject"))
        ]
    );
}
