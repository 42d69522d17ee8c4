#!/usr/bin/env python3
"""A local server that answers every request the way OBS answers an error.

Test-only, loopback only (127.0.0.1, a free port), Python standard library
only. Used by scripts/record-clients.sh to record what real S3 and OBS
clients print for each error code (tests/fixtures/clients/).

The code is chosen by name: the first path element after the bucket (the
object key, up to its first `.` or `/`) or else the bucket, lower-cased, is
the code lower-cased: bucket `nosuchbucket`, key `slowdown.txt`. Bucket `mybucket`
answers HEAD and list requests with success (some clients look at the
bucket first); an object that names no code is `NoSuchKey`, a bucket
`NoSuchBucket`. See `choose` for the look-ups around an operation.

Each response has OBS's status line, `Server: OBS`, a unique
`x-obs-request-id`/`x-obs-id-2` and their `x-amz-*` twins (S3 clients read
those), and the XML error body of OBS's documentation (the element set of
tests/upstream/ and the S3 API reference), except for HEAD, which gets none.
SignatureDoesNotMatch carries the StringToSign (and for V4 the
CanonicalRequest) computed from the request as received, as OBS does.
Retryable codes fail every time.

    obs_error_server.py --port-file PORT --log RESPONSES.jsonl

writes the port it listens on to PORT once it is listening, and one JSON
line per response (code, status, request_id, host_id, method, path) to the
log, which is what the recordings' `[[expected]]` are filled from.
"""
import argparse
import base64
import datetime
import hashlib
import json
import os
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote, urlsplit
from xml.sax.saxutils import escape

# code -> (status, reason, message): OBS's messages (api-ref_error_codes).
CODES = {
    "NoSuchKey": (404, "Not Found", "The specified key does not exist."),
    "NoSuchBucket": (404, "Not Found", "The specified bucket does not exist."),
    "AccessDenied": (403, "Forbidden", "Access Denied"),
    "InvalidAccessKeyId": (
        403,
        "Forbidden",
        "The access key Id you provided does not exist in our records.",
    ),
    "SignatureDoesNotMatch": (
        403,
        "Forbidden",
        "The request signature we calculated does not match the signature you provided. "
        "Check your key and signing method.",
    ),
    "RequestTimeTooSkewed": (
        403,
        "Forbidden",
        "The difference between the request time and the server's time is too large.",
    ),
    "BucketAlreadyExists": (
        409,
        "Conflict",
        "The requested bucket name is not available. The bucket namespace is shared by all "
        "users of the system. Please select a different name and try again.",
    ),
    "BucketNotEmpty": (409, "Conflict", "The bucket you tried to delete is not empty"),
    "EntityTooLarge": (
        400,
        "Bad Request",
        "Your proposed upload exceeds the maximum allowed object size.",
    ),
    "InvalidArgument": (400, "Bad Request", "Invalid Argument"),
    "SlowDown": (503, "Service Unavailable", "Please reduce your request rate."),
    "InternalError": (
        500,
        "Internal Server Error",
        "We encountered an internal error. Please try again.",
    ),
    "ServiceUnavailable": (
        503,
        "Service Unavailable",
        "The server is overloaded or has internal errors.",
    ),
    "MethodNotAllowed": (
        405,
        "Method Not Allowed",
        "The specified method is not allowed against this resource.",
    ),
    "PreconditionFailed": (
        412,
        "Precondition Failed",
        "At least one of the pre-conditions you specified did not hold",
    ),
    "InvalidRange": (
        416,
        "Requested Range Not Satisfiable",
        "The requested range cannot be satisfied.",
    ),
}
BY_NAME = {c.lower(): c for c in CODES}

# Sub-resources that belong to the V2 canonical resource (OBS and S3).
SUBRESOURCES = {
    "acl", "append", "cors", "delete", "lifecycle", "location", "logging", "notification",
    "partNumber", "policy", "position", "quota", "replication", "requestPayment", "restore",
    "storageClass", "storageinfo", "tagging", "torrent", "uploadId", "uploads", "versionId",
    "versioning", "versions", "website", "encryption", "response-cache-control",
    "response-content-disposition", "response-content-encoding", "response-content-language",
    "response-content-type", "response-expires",
}

LOCK = threading.Lock()
STATE = {"n": 0, "log": None}


def ids():
    """A request id shaped like OBS's (24 upper-case hex digits) and a host
    id (base64), both unique per response."""
    with LOCK:
        STATE["n"] += 1
        n = STATE["n"]
    rid = "%016X%08X" % (int(time.time() * 1000), n)
    host = base64.b64encode(hashlib.sha256(("host" + rid).encode()).digest()[:24]).decode()
    return rid, host


def choose(method, bucket, key, headers):
    """The code this request gets, or None for a success. Codes that only one
    kind of request can meet are sent to that kind only, and the look-ups
    around it answer as OBS would: a client that checks the destination
    before an upload finds no object there (404), one that checks the bucket
    before creating it finds none, one that looks at an object before
    deleting it or reading a range of it finds it."""
    first = key.split("/")[0].split(".")[0].lower() if key else ""
    code = BY_NAME.get(first) or BY_NAME.get(bucket.lower())
    if code is None:
        if bucket == "mybucket" and not key and method in ("HEAD", "GET"):
            return None
        return "NoSuchKey" if key else "NoSuchBucket"
    if code in ("EntityTooLarge", "InvalidArgument") and method not in ("PUT", "POST"):
        return "NoSuchKey"
    if code == "BucketAlreadyExists" and not (method == "PUT" and not key):
        return "NoSuchBucket"
    if code == "BucketNotEmpty" and not (method == "DELETE" and not key):
        return None
    if code == "MethodNotAllowed" and method != "DELETE":
        return None
    if code == "InvalidRange" and "Range" not in headers:
        return None
    if code == "PreconditionFailed" and not any(h in headers for h in ("If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since")):
        return None
    return code


def v2_string_to_sign(h, method, path, query, obs):
    prefix = "x-obs-" if obs else "x-amz-"
    dated = any(k.lower() in ("x-obs-date", "x-amz-date") for k in h.keys())
    lines = [method, h.get("Content-MD5", ""), h.get("Content-Type", ""), "" if dated else h.get("Date", "")]
    special = {}
    for k, v in h.items():
        if k.lower().startswith(prefix):
            special.setdefault(k.lower(), []).append(v.strip())
    canon = "".join(f"{k}:{','.join(v)}\n" for k, v in sorted(special.items()))
    sub = []
    for part in query.split("&") if query else []:
        k, _, v = part.partition("=")
        k = unquote(k)
        if k in SUBRESOURCES:
            sub.append((k, unquote(v) if "=" in part else None))
    sub.sort()
    resource = path + ("?" + "&".join(k if v is None else f"{k}={v}" for k, v in sub) if sub else "")
    return "\n".join(lines) + "\n" + canon + resource


def v4_strings(h, method, path, query, auth):
    fields = dict(
        p.strip().split("=", 1) for p in auth[len("AWS4-HMAC-SHA256"):].split(",") if "=" in p
    )
    signed = fields.get("SignedHeaders", "").split(";")
    scope = fields.get("Credential", "").split("/", 1)[-1]
    pairs = []
    for part in query.split("&") if query else []:
        k, _, v = part.partition("=")
        pairs.append((quote(unquote(k), safe="-_.~"), quote(unquote(v), safe="-_.~")))
    canon_query = "&".join(f"{k}={v}" for k, v in sorted(pairs))
    headers = "".join(f"{n}:{' '.join((h.get(n) or '').split())}\n" for n in signed)
    canonical = "\n".join(
        [method, path, canon_query, headers, ";".join(signed), h.get("x-amz-content-sha256", "UNSIGNED-PAYLOAD")]
    )
    sts = "\n".join(
        ["AWS4-HMAC-SHA256", h.get("x-amz-date", ""), scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )
    return canonical, sts, fields.get("Signature", ""), fields.get("Credential", "").split("/")[0]


def spaced_hex(s):
    return " ".join("%02x" % b for b in s.encode())


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "OBS"
    sys_version = ""

    def log_message(self, *args):
        pass

    def version_string(self):
        return "OBS"

    def drain(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return
                self.rfile.read(size + 2)
        left = int(self.headers.get("Content-Length") or 0)
        while left > 0:
            got = self.rfile.read(min(left, 1 << 16))
            if not got:
                return
            left -= len(got)

    def handle_any(self):
        self.drain()
        url = urlsplit(self.path)
        raw_path = url.path or "/"
        parts = unquote(raw_path).lstrip("/").split("/", 1)
        bucket, key = parts[0], (parts[1] if len(parts) > 1 else "")
        code = choose(self.command, bucket, key, self.headers)
        rid, host = ids()
        status = 200
        if code is None:
            self.success(bucket, key, url.query, rid, host)
        else:
            status, reason, message = CODES[code]
            extra = self.extra(code, bucket, key, raw_path, url.query)
            resource = raw_path
            body = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f"<Error><Code>{code}</Code><Message>{escape(message)}</Message>"
                f"<Resource>{escape(resource)}</Resource><RequestId>{rid}</RequestId>"
                f"<HostId>{host}</HostId>{extra}</Error>"
            ).encode()
            self.answer(status, reason, rid, host, body)
        record = {
            "time": time.time(),
            "method": self.command,
            "path": self.path,
            "code": code,
            "status": status,
            "request_id": rid,
            "host_id": host,
            "body": self.command != "HEAD" and code is not None,
        }
        with LOCK:
            with open(STATE["log"], "a", encoding="utf-8") as log:
                log.write(json.dumps(record) + "\n")

    def extra(self, code, bucket, key, raw_path, query):
        auth = self.headers.get("Authorization", "")
        access_key = ""
        if auth.startswith(("OBS ", "AWS ")):
            access_key = auth[4:].split(":")[0]
        elif auth.startswith("AWS4-HMAC-SHA256"):
            access_key = auth.split("Credential=", 1)[-1].split("/")[0]
        if code == "NoSuchKey":
            return f"<Key>{escape(key)}</Key>"
        if code in ("NoSuchBucket", "BucketAlreadyExists", "BucketNotEmpty"):
            return f"<BucketName>{escape(bucket)}</BucketName>"
        if code == "InvalidAccessKeyId":
            return f"<AWSAccessKeyId>{escape(access_key)}</AWSAccessKeyId>"
        if code == "MethodNotAllowed":
            return f"<Method>{self.command}</Method><ResourceType>OBJECT</ResourceType>"
        if code == "RequestTimeTooSkewed":
            sent = self.headers.get("x-amz-date") or self.headers.get("x-obs-date") or self.headers.get("Date", "")
            now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            return (
                f"<RequestTime>{escape(sent)}</RequestTime><ServerTime>{now}</ServerTime>"
                "<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>"
            )
        if code == "InvalidRange":
            return f"<RangeRequested>{escape(self.headers.get('Range', ''))}</RangeRequested><ActualObjectSize>0</ActualObjectSize>"
        if code == "PreconditionFailed":
            return "<Condition>If-Match</Condition>"
        if code == "SignatureDoesNotMatch":
            h = self.headers
            if auth.startswith("AWS4-HMAC-SHA256"):
                canonical, sts, provided, ak = v4_strings(h, self.command, raw_path, query, auth)
                return (
                    f"<AWSAccessKeyId>{escape(ak)}</AWSAccessKeyId><StringToSign>{escape(sts)}</StringToSign>"
                    f"<SignatureProvided>{escape(provided)}</SignatureProvided>"
                    f"<StringToSignBytes>{spaced_hex(sts)}</StringToSignBytes>"
                    f"<CanonicalRequest>{escape(canonical)}</CanonicalRequest>"
                    f"<CanonicalRequestBytes>{spaced_hex(canonical)}</CanonicalRequestBytes>"
                )
            if auth.startswith(("OBS ", "AWS ")):
                sts = v2_string_to_sign(h, self.command, raw_path, query, auth.startswith("OBS "))
                provided = auth[4:].split(":", 1)[-1]
                return (
                    f"<AWSAccessKeyId>{escape(access_key)}</AWSAccessKeyId><SignatureProvided>{escape(provided)}</SignatureProvided>"
                    f"<StringToSign>{escape(sts)}</StringToSign><StringToSignBytes>{spaced_hex(sts)}</StringToSignBytes>"
                )
        return ""

    def success(self, bucket, key, query, rid, host):
        """A plain success: an empty listing, a location, an object of five
        bytes, or an empty 200/204 for anything else."""
        extra = []
        body = b""
        if self.command in ("GET", "HEAD") and key:
            body = b"hello"
            extra = [("ETag", '"5d41402abc4b2a76b9719d911017c592"'), ("Last-Modified", "Mon, 07 Dec 2026 00:00:00 GMT"), ("Content-Type", "text/plain")]
        elif self.command == "GET" and "location" in query:
            body = b'<?xml version="1.0" encoding="UTF-8"?><Location xmlns="http://obs.myhwclouds.com/doc/2015-06-30/">us-east-1</Location>'
        elif self.command == "GET":
            body = (
                '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
                f"<Name>{escape(bucket)}</Name><Prefix></Prefix><Marker></Marker><MaxKeys>1000</MaxKeys>"
                "<IsTruncated>false</IsTruncated></ListBucketResult>"
            ).encode()
            extra = [("Content-Type", "application/xml")]
        status, reason = (204, "No Content") if self.command == "DELETE" else (200, "OK")
        self.answer(status, reason, rid, host, body, extra)

    def answer(self, status, reason, rid, host, body, extra=()):
        self.send_response_only(status, reason)
        self.send_header("Server", "OBS")
        self.send_header("Date", formatdate(usegmt=True))
        self.send_header("x-obs-request-id", rid)
        self.send_header("x-obs-id-2", host)
        self.send_header("x-amz-request-id", rid)
        self.send_header("x-amz-id-2", host)
        for name, value in extra:
            self.send_header(name, value)
        if status >= 300:
            self.send_header("Content-Type", "application/xml")
        if status != 204:
            # A HEAD answer states the length its GET would have for an
            # object, and none for an error (OBS sends 0).
            length = len(body) if status < 300 or self.command != "HEAD" else 0
            self.send_header("Content-Length", str(length))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = handle_any


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    args = ap.parse_args()
    STATE["log"] = args.log
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(tmp, args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
