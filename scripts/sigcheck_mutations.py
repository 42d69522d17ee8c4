#!/usr/bin/env python3
"""Mutation corpus for `obserr sigcheck`: for each usual cause of a
SignatureDoesNotMatch, captured-style inputs (a `curl -v` transcript: the
request as sent and the OBS-style 403 error the server would return, its
StringToSign computed from what the server received) and what sigcheck must
conclude. The client's string is signed by esdk-obs-python's own
canonicalisation (OBS, V2) or botocore (V4), mutated the way each cause does.

    /tmp/v/bin/python scripts/sigcheck_mutations.py > tests/fixtures/sigcheck/mutations.jsonl

One JSON object per line: cause, the key the user gives (`key`), the expected
verdict, component, header name and cause, and the capture. Seeded.
"""
import datetime
import hashlib
import hmac
import json
import random
from urllib.parse import quote
from xml.sax.saxutils import escape

from obs import auth as obs_auth, convertor, util
import botocore.auth as ba
from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

rng = random.Random(14)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
PER_CAUSE = 6


def sk():
    return "".join(rng.choice(ALNUM) for _ in range(40))


def ak():
    return "".join(rng.choice(ALNUM[:26] + ALNUM[52:]) for _ in range(20))


def bucket():
    return "bkt-" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(3, 12)))


def date():
    t = 1700000000 + rng.randint(0, 60000000)
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc)


def http_date(d):
    return d.strftime("%a, %d %b %Y %H:%M:%S GMT")


def canonical(scheme, path_style, server, method, b, key, args, headers):
    ha = convertor.Adapter("obs" if scheme == "obs" else "aws")
    a = obs_auth.Authentication("AK", "unused", path_style, ha, server, False)
    return a.getSignature(method, b, key, args, dict(headers))["CanonicalString"]


def sign_v1(secret, sts):
    import base64
    return base64.b64encode(hmac.new(secret.encode(), sts.encode(), hashlib.sha1).digest()).decode()


def error_xml(access_key, provided, sts, cr=None):
    parts = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<Error><Code>SignatureDoesNotMatch</Code>",
             "<Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>",
             "<RequestId>0000018C%016X</RequestId>" % rng.getrandbits(60),
             "<HostId>%s</HostId>" % "".join(rng.choice(ALNUM) for _ in range(32)),
             "<AWSAccessKeyId>%s</AWSAccessKeyId>" % access_key,
             "<SignatureProvided>%s</SignatureProvided>" % escape(provided),
             "<StringToSign>%s</StringToSign>" % escape(sts),
             "<StringToSignBytes>%s</StringToSignBytes>" % " ".join("%02x" % c for c in sts.encode())]
    if cr is not None:
        parts.append("<CanonicalRequest>%s</CanonicalRequest>" % escape(cr))
        parts.append("<CanonicalRequestBytes>%s</CanonicalRequestBytes>" % " ".join("%02x" % c for c in cr.encode()))
    parts.append("</Error>")
    return "".join(parts)


def capture(method, target, headers, body):
    lines = ["*   Trying 203.0.113.7:443...", "* Connected to %s (203.0.113.7) port 443" % dict(headers)["Host"],
             "> %s %s HTTP/1.1" % (method, target)]
    lines += ["> %s: %s" % (k, v) for k, v in headers]
    lines += [">", "< HTTP/1.1 403 Forbidden", "< Server: OBS", "< Content-Type: application/xml",
              "< x-obs-request-id: 0000018C%016X" % rng.getrandbits(60), "< Content-Length: %d" % len(body), "<", body]
    return "\n".join(lines) + "\n"


def v1_case(cause):
    scheme = "obs" if rng.random() < 0.7 else "v2"
    prefix = "x-obs-" if scheme == "obs" else "x-amz-"
    region = rng.choice(["cn-north-4", "eu-de", "ap-southeast-1"])
    server = "obs.%s.myhuaweicloud.com" % region
    path_style = cause != "path_style_vs_virtual_host" and rng.random() < 0.4
    b = bucket()
    key = rng.choice(["report.pdf", "dir/sub/file.txt", "photo 2024.jpg", "a+b.txt", "日本/語.txt", "x%y.bin"])
    method = rng.choice(["GET", "PUT", "HEAD"])
    d = date()
    headers = {"Date": http_date(d)}
    if rng.random() < 0.5:
        headers[prefix + "meta-owner"] = "alice"
    args = {}
    client_secret = server_secret = given = sk()
    client_headers, client_args, client_key = None, None, key
    client_resource = None
    expect = {"verdict": "string_to_sign_differs"}
    if cause == "wrong_secret_key":
        server_secret = sk()
        expect = {"verdict": "wrong_secret_key"}
    elif cause == "stray_whitespace_key":
        given = client_secret = server_secret + rng.choice([" ", "\n", "\r\n", "\t"])
        if rng.random() < 0.5:
            given = client_secret = rng.choice([" ", "\t"]) + server_secret
        expect = {"verdict": "wrong_secret_key", "key_issue": True}
    elif cause == "header_added_after_signing":
        client_headers = dict(headers)
        headers["Content-Type"] = rng.choice(["application/octet-stream", "binary/octet-stream", "application/x-www-form-urlencoded"])
        expect.update(component="content_type", cause="added_after_signing")
    elif cause == "date_changed":
        client_headers = dict(headers)
        expect.update(component="date", cause="changed_after_signing")
    elif cause == "proxy_added_header":
        client_headers = dict(headers)
        name = prefix + rng.choice(["meta-via", "meta-gateway", "acl"])
        expect.update(component="canonical_header", name=name, cause="added_after_signing")
    elif cause == "key_encoded_differently":
        key = client_key = rng.choice(["photo 2024.jpg", "a b/c d.txt", "日本.txt", "x y z"])
        client_resource = "decoded"
        expect.update(component="canonical_resource", cause="key_encoded_differently")
    elif cause == "sub_resource_not_signed":
        args = rng.choice([{"acl": None}, {"versionId": "v123"}, {"uploads": None}, {"tagging": None}])
        client_args = {}
        expect.update(component="canonical_resource", cause="sub_resource_not_signed")
    elif cause == "header_not_signed":
        name = prefix + rng.choice(["acl", "storage-class", "meta-color"])
        headers[name] = {"acl": "public-read", "storage-class": "WARM"}.get(name[len(prefix):], "blue")
        client_headers = {k: v for k, v in headers.items() if k != name}
        expect.update(component="canonical_header", name=name, cause="header_not_signed")
    elif cause == "path_style_vs_virtual_host":
        client_resource = "no_bucket"
        expect.update(component="canonical_resource", cause="addressing_style")
    elif cause == "security_token_not_signed":
        name = prefix + "security-token"
        headers[name] = "gQpjbi1ub3J0aC00" + "".join(rng.choice(ALNUM) for _ in range(60))
        client_headers = {k: v for k, v in headers.items() if k != name}
        expect.update(component="canonical_header", name=name, cause="security_token_not_signed")
    client_sts = canonical(scheme, path_style, server, method, b, client_key,
                           args if client_args is None else client_args,
                           headers if client_headers is None else client_headers)
    if client_resource == "decoded":
        enc = util.encode_object_key(key)
        client_sts = client_sts.replace(enc, key)
    elif client_resource == "no_bucket":
        client_sts = client_sts.replace("/" + b + "/", "/", 1)
    signature = sign_v1(client_secret, client_sts)
    # What the server receives: the request, plus what the way changed.
    server_headers = dict(headers)
    if cause == "date_changed":
        server_headers["Date"] = http_date(d + datetime.timedelta(seconds=rng.randint(1, 900)))
    if cause == "proxy_added_header":
        server_headers[expect["name"]] = {"acl": "private"}.get(expect["name"][len(prefix):], "proxy-01")
    server_sts = canonical(scheme, path_style, server, method, b, key, args, server_headers)
    assert sign_v1(server_secret, server_sts) != signature
    fmt = util.RequestFormat.get_path_format() if path_style else util.RequestFormat.get_sub_domain_format()
    target = fmt.get_url(b, key, args) if args else fmt.get_path_base(b, key)
    host = server if path_style else b + "." + server
    access = ak()
    wire = [("Host", host), ("User-Agent", "obs-sdk-python/3.24.3")] + list(headers.items())
    wire.append(("Authorization", "%s %s:%s" % ("OBS" if scheme == "obs" else "AWS", access, signature)))
    body = error_xml(access, signature, server_sts)
    return {"cause": cause, "scheme": scheme, "key": given, "expect": expect,
            "capture": capture(method, target, wire, body)}


def v4_case(cause):
    region = rng.choice(["cn-north-4", "eu-de", "ap-southeast-1"])
    b = bucket()
    host = "%s.obs.%s.myhuaweicloud.com" % (b, region)
    key = rng.choice(["report.pdf", "dir/file.txt", "photo 2024.jpg"])
    method = "PUT"
    body = rng.choice([b"hello", b"{\"a\":1}", b"x" * 64])
    secret = sk()
    access = ak()
    client_region = region
    if cause == "v4_region_mismatch":
        client_region = rng.choice([r for r in ["us-east-1", "eu-west-0", "cn-east-3"] if r != region])
    req = AWSRequest(method=method, url="https://%s/%s" % (host, quote(key, safe="/~")), headers={"Content-Type": "text/plain"}, data=body)
    d = date()
    seen = {}
    signer = S3SigV4Auth(Credentials(access, secret), "s3", client_region)
    orig_cr = signer.canonical_request
    signer.canonical_request = lambda r: seen.setdefault("cr", orig_cr(r))
    saved = ba.get_current_datetime
    ba.get_current_datetime = lambda *a, **k: d.replace(tzinfo=None)
    try:
        signer.add_auth(req)
    finally:
        ba.get_current_datetime = saved
    prepared = req.prepare()
    cr = seen["cr"]
    amz_date = prepared.headers["X-Amz-Date"]
    server_region = region
    server_cr = cr
    if cause == "v4_payload_hash_mismatch":
        actual = body + b"\n"
        server_cr = cr.rsplit("\n", 1)[0] + "\n" + hashlib.sha256(actual).hexdigest()
        expect = {"verdict": "string_to_sign_differs", "component": "payload_hash", "cause": "payload_hash_mismatch"}
    else:
        expect = {"verdict": "string_to_sign_differs", "component": "credential_scope", "cause": "region_mismatch"}
    scope = "%s/%s/s3/aws4_request" % (amz_date[:8], server_region)
    server_sts = "AWS4-HMAC-SHA256\n%s\n%s\n%s" % (amz_date, scope, hashlib.sha256(server_cr.encode()).hexdigest())
    signature = prepared.headers["Authorization"].rsplit("Signature=", 1)[1]
    target = prepared.url.split(host, 1)[1]
    wire = [("Host", host)] + [(k, v) for k, v in prepared.headers.items() if k.lower() != "host"]
    xml = error_xml(access, signature, server_sts, server_cr)
    return {"cause": cause, "scheme": "v4", "key": secret, "expect": expect,
            "capture": capture(method, target, wire, xml)}


CAUSES = ["wrong_secret_key", "stray_whitespace_key", "header_added_after_signing", "date_changed",
          "proxy_added_header", "key_encoded_differently", "sub_resource_not_signed", "header_not_signed",
          "path_style_vs_virtual_host", "security_token_not_signed"]
for cause in CAUSES:
    for _ in range(PER_CAUSE):
        print(json.dumps(v1_case(cause), ensure_ascii=False, separators=(",", ":")))
for cause in ["v4_region_mismatch", "v4_payload_hash_mismatch"]:
    for _ in range(PER_CAUSE):
        print(json.dumps(v4_case(cause), ensure_ascii=False, separators=(",", ":")))
