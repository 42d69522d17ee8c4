#!/usr/bin/env python3
"""Reference vectors for `obserr sigcheck`, signed by the official SDKs.

OBS and S3 V2 schemes (header and pre-signed URL): esdk-obs-python's own
`obs.auth.Authentication` and its URL builders (`obs.util.RequestFormat`).
S3 V4 (header and pre-signed URL): botocore's `S3SigV4Auth` /
`S3SigV4QueryAuth`. One JSON object per line: the request as it goes on the
wire (method, target, headers with Host and Authorization), the secret key,
and the SDK's string to sign, canonical request (V4) and signature.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install esdk-obs-python botocore
    /tmp/v/bin/python scripts/sigcheck_vectors.py > tests/fixtures/sigcheck/vectors.jsonl

Deterministic (seeded); the tests read only the output.
"""
import json
import random
import sys
import time
from urllib.parse import quote

from obs import auth as obs_auth, convertor, util
from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

rng = random.Random(20261127)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
KEY_PIECES = ["a", "b", "photo", "2024", " ", "+", "%", "//", "é", "日本", "~", "(x)", "=", "&", "*", "'", "!", "ü", "-", "_", ".", "@", ",", ";", "$"]
SUBRESOURCES = [("acl", None), ("versionId", "v1.A_b"), ("uploads", None), ("uploadId", "00000ABC"),
                ("partNumber", "3"), ("response-content-type", "text/plain"), ("tagging", None),
                ("response-content-disposition", "attachment; filename=\"a b.txt\""), ("restore", None),
                ("append", None), ("position", "0"), ("versions", None), ("metadata", None)]
PLAIN_PARAMS = [("prefix", "dir/"), ("max-keys", "10"), ("marker", "a b")]
METHODS = ["GET", "PUT", "HEAD", "DELETE", "POST"]
REGIONS = ["cn-north-4", "eu-de", "ap-southeast-1", "la-south-2"]


def secret():
    k = "".join(rng.choice(ALNUM) for _ in range(40))
    if rng.random() < 0.1:
        k = k[:30] + "é+/ =%" + k[36:]
    return k


def object_key():
    if rng.random() < 0.1:
        return ""
    return "".join(rng.choice(KEY_PIECES) for _ in range(rng.randint(1, 8))).lstrip("/") or "k"


def bucket():
    return "b" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-") for _ in range(rng.randint(2, 20))) + "x"


def http_date():
    t = 1700000000 + rng.randint(0, 60000000)
    return time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(t)), t


def query_args():
    args = {}
    for name, value in rng.sample(SUBRESOURCES, rng.choice([0, 0, 1, 1, 2])):
        args[name] = value
    if rng.random() < 0.2:
        name, value = rng.choice(PLAIN_PARAMS)
        args[name] = value
    return args


def v1_vector(scheme, presigned):
    ak = "".join(rng.choice(ALNUM.upper()[:36]) for _ in range(20))
    sk = secret()
    prefix = "x-obs-" if scheme == "obs" else "x-amz-"
    path_style = rng.random() < 0.4
    server = "obs.%s.myhuaweicloud.com" % rng.choice(REGIONS)
    b, key = bucket(), object_key()
    method = rng.choice(METHODS)
    args = query_args()
    date, t = http_date()
    headers = {}
    if rng.random() < 0.5:
        headers["Content-Type"] = rng.choice(["text/plain", "application/octet-stream", "image/jpeg"])
    if rng.random() < 0.2:
        headers["Content-MD5"] = "1B2M2Y8AsgTpgAmY7PhCfg=="
    if not presigned:
        if rng.random() < 0.3:
            headers[prefix + "date"] = date
        else:
            headers["Date"] = date
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        headers[prefix + "meta-" + rng.choice(["color", "owner", "x", "long-name"])] = rng.choice(["red", " padded ", "a,b", "v"])
    if rng.random() < 0.2:
        headers[prefix + "acl"] = "public-read"
    if rng.random() < 0.15:
        headers[prefix + "security-token"] = "tok" + "".join(rng.choice(ALNUM) for _ in range(30))
    if rng.random() < 0.2:
        headers[prefix + "storage-class"] = "WARM"
    ha = convertor.Adapter("obs" if scheme == "obs" else "aws")
    a = obs_auth.Authentication(ak, sk, path_style, ha, server, False)
    expires = str(t + 3600) if presigned else None
    sig = a.getSignature(method, b, key, args, dict(headers), expires)
    fmt = util.RequestFormat.get_path_format() if path_style else util.RequestFormat.get_sub_domain_format()
    path = fmt.get_url(b, key, args) if args else fmt.get_path_base(b, key)
    host = server if path_style else b + "." + server
    wire = [("Host", host)] + list(headers.items())
    if presigned:
        extra = ("AccessKeyId" if scheme == "obs" else "AWSAccessKeyId", ak)
        qs = "%s=%s&Expires=%s&Signature=%s" % (extra[0], quote(ak, safe=""), expires, quote(sig["Signature"], safe=""))
        path += ("&" if "?" in path else "?") + qs
    else:
        wire.append(("Authorization", "%s %s:%s" % ("OBS" if scheme == "obs" else "AWS", ak, sig["Signature"])))
    return {"scheme": scheme, "presigned": presigned, "secret": sk, "method": method, "target": path,
            "headers": wire, "string_to_sign": sig["CanonicalString"], "signature": sig["Signature"]}


def v4_vector(presigned):
    ak = "".join(rng.choice(ALNUM.upper()[:36]) for _ in range(20))
    sk = secret()
    region = rng.choice(REGIONS)
    server = "obs.%s.myhuaweicloud.com" % region
    path_style = rng.random() < 0.4
    b, key = bucket(), object_key()
    method = rng.choice(METHODS)
    args = query_args()
    path = ("/" + b if path_style else "") + "/" + quote(key, safe="/~")
    host = server if path_style else b + "." + server
    q = "&".join(quote(k, safe="-_.~") + ("" if v is None else "=" + quote(v, safe="-_.~")) for k, v in args.items())
    url = "https://%s%s%s" % (host, path, "?" + q if q else "")
    headers = {}
    if rng.random() < 0.5:
        headers["Content-Type"] = "text/plain"
    for _ in range(rng.choice([0, 1, 2])):
        headers["x-amz-meta-" + rng.choice(["color", "owner"])] = rng.choice(["red", " two  spaces ", "v"])
    if rng.random() < 0.2:
        headers["x-amz-security-token"] = "tok" + "".join(rng.choice(ALNUM) for _ in range(30))
    body = b"" if presigned or method in ("GET", "HEAD", "DELETE") else b"hello"
    req = AWSRequest(method=method, url=url, headers=headers, data=body)
    creds = Credentials(ak, sk)
    signer = S3SigV4QueryAuth(creds, "s3", region, expires=3600) if presigned else S3SigV4Auth(creds, "s3", region)
    # botocore reads the clock; pin it so the vectors are reproducible.
    import datetime
    import botocore.auth as ba
    ts = 1700000000 + rng.randint(0, 60000000)
    saved = ba.get_current_datetime
    ba.get_current_datetime = lambda *a, **k: datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).replace(tzinfo=None)
    # Record what botocore itself hashes and signs while it signs.
    seen = {}
    orig_cr, orig_sts = signer.canonical_request, signer.string_to_sign
    def record_cr(r):
        return seen.setdefault("cr", orig_cr(r))
    def record_sts(r, c):
        return seen.setdefault("sts", orig_sts(r, c))
    signer.canonical_request, signer.string_to_sign = record_cr, record_sts
    try:
        signer.add_auth(req)
    finally:
        ba.get_current_datetime = saved
    cr, sts = seen["cr"], seen["sts"]
    prepared = req.prepare()
    target = prepared.url.split(host, 1)[1]
    wire = [("Host", host)] + [(k, v) for k, v in prepared.headers.items() if k.lower() != "host"]
    if presigned:
        sig = target.rsplit("X-Amz-Signature=", 1)[1].split("&")[0]
    else:
        sig = prepared.headers["Authorization"].rsplit("Signature=", 1)[1]
    return {"scheme": "v4", "presigned": presigned, "secret": sk, "method": method, "target": target,
            "headers": wire, "string_to_sign": sts, "canonical_request": cr, "signature": sig}


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1200
    for i in range(n):
        kind = i % 6
        if kind < 4:
            v = v1_vector("obs" if kind < 2 else "v2", kind % 2 == 1)
        else:
            v = v4_vector(kind == 5)
        print(json.dumps(v, ensure_ascii=False, separators=(",", ":")))


main()
