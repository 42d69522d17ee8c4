#!/usr/bin/env python3
"""Records what real S3 and OBS clients print for each OBS error code, into
tests/fixtures/clients/<client>/<operation>-<code>[.<form>].{txt,toml}.

Run by scripts/record-clients.sh, which installs the clients and starts the
local server (scripts/obs_error_server.py); see CONTRIBUTING.md. Needs:

    record_clients.py --tools DIR --port PORT --server-log FILE --out DIR [--only CLIENT]

Each recording is the exact bytes a user sees (a CLI's stderr and stdout as
a terminal shows them, merged in order; a library's uncaught exception or
logged form; a debug log), and its `.toml` says which client and version
made it, with what command, and which responses the server sent that the
text shows (`[[expected]]`, from the server's own log of what it sent).
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_PY = os.path.join(HERE, "clients", "py_case.py")
CASES_JS = os.path.join(HERE, "clients", "node_case.mjs")

# Obviously fake credentials: never a real secret in a recording.
AK = "FAKEACCESSKEYID00000"
SK = "fakeSecretKeyForRecordingOnly00000000000"
B = "mybucket"

# (operation, bucket, key, code): the natural operation that meets each code.
CASES = [
    ("getobject", B, "nosuchkey", "NoSuchKey"),
    ("headobject", B, "nosuchkey", "NoSuchKey"),
    ("listobjects", "nosuchbucket", "", "NoSuchBucket"),
    ("getobject", B, "accessdenied.txt", "AccessDenied"),
    ("headobject", B, "accessdenied.txt", "AccessDenied"),
    ("listobjects", "invalidaccesskeyid", "", "InvalidAccessKeyId"),
    ("getobject", B, "signaturedoesnotmatch.txt", "SignatureDoesNotMatch"),
    ("putobject", B, "signaturedoesnotmatch.txt", "SignatureDoesNotMatch"),
    ("listobjects", "requesttimetooskewed", "", "RequestTimeTooSkewed"),
    ("createbucket", "bucketalreadyexists", "", "BucketAlreadyExists"),
    ("deletebucket", "bucketnotempty", "", "BucketNotEmpty"),
    ("putobject", B, "entitytoolarge.bin", "EntityTooLarge"),
    ("putobject", B, "invalidargument.txt", "InvalidArgument"),
    ("getobject", B, "slowdown.txt", "SlowDown"),
    ("putobject", B, "internalerror.txt", "InternalError"),
    ("listobjects", "serviceunavailable", "", "ServiceUnavailable"),
    ("deleteobject", B, "methodnotallowed.txt", "MethodNotAllowed"),
    ("getobject-ifmatch", B, "preconditionfailed.txt", "PreconditionFailed"),
    ("getobject-range", B, "invalidrange.txt", "InvalidRange"),
]
# Cases whose str()/repr()/toString() forms are recorded too.
FORM_CASES = {("getobject", "NoSuchKey"), ("headobject", "NoSuchKey"), ("getobject", "AccessDenied"), ("getobject", "SlowDown")}
# Cases recorded with each tool's debug log.
DEBUG_CASES = {
    ("getobject", "NoSuchKey"),
    ("headobject", "NoSuchKey"),
    ("getobject", "AccessDenied"),
    ("getobject", "SignatureDoesNotMatch"),
    ("putobject", "SignatureDoesNotMatch"),
    ("listobjects", "NoSuchBucket"),
    ("listobjects", "ServiceUnavailable"),
}


class Run:
    """One recording: how to run it and what to say about it."""

    def __init__(self, client, name, argv, notes="", log=None, stdin=None):
        self.client, self.name, self.argv, self.notes, self.log = client, name, argv, notes, log


def py(tools, venv, client, op, bucket, key, form):
    return [os.path.join(tools, venv, "bin", "python"), CASES_PY, client, op, bucket, key, form]


def js(client, op, bucket, key, form):
    return ["node", CASES_JS, client, op, bucket, key, form]


def shown(argv, tools):
    """The command as the toml shows it: paths made relative and generic."""
    out = []
    for a in argv:
        a = a.replace(tools + "/", "$TOOLS/").replace(HERE + "/", "scripts/")
        out.append(a)
    return shlex.join(out)


def library_runs(tools, client, venv=None):
    """Runs for a library that raises: uncaught, plus str/repr forms."""
    runs = []
    forms = ["str", "repr"] if venv else ["tostring"]
    for op, bucket, key, code in CASES:
        if client == "s3fs" and op == "getobject-ifmatch":
            continue  # s3fs has no way to send If-Match
        if client == "minio-js" and op == "getobject-ifmatch":
            continue  # minio-js 8 getObject takes no If-Match
        make = (lambda f: py(tools, venv, client, op, bucket, key, f)) if venv else (lambda f: js(client, op, bucket, key, f))
        runs.append(Run(client, f"{op}-{code}", make("uncaught")))
        if (op, code) in FORM_CASES:
            for f in forms:
                runs.append(Run(client, f"{op}-{code}.{f}", make(f)))
    return runs


def obs_runs(tools, client):
    """The OBS SDKs return an error result: print what their examples print,
    the whole result, and the SDK's log file for some cases."""
    runs = []
    for op, bucket, key, code in CASES:
        if client == "esdk-obs-python":
            make = lambda f: py(tools, "esdk-obs-python", "obs", op, bucket, key, f)  # noqa: E731
            forms = [("print", ""), ("str", ".str")]
        else:
            make = lambda f: js("obs", op, bucket, key, f)  # noqa: E731
            forms = [("print", ""), ("inspect", ".inspect")]
        for f, suffix in forms:
            if suffix and (op, code) not in FORM_CASES:
                continue
            runs.append(Run(client, f"{op}-{code}{suffix}", make(f)))
        if (op, code) in DEBUG_CASES:
            runs.append(Run(client, f"{op}-{code}.sdklog", make("log"), log="sdk.log", notes="The SDK's own log file (debug level)."))
    return runs


def aws_runs(tools):
    aws = os.path.join(tools, "awscli", "bin", "aws")
    ep = ["--endpoint-url", "$ENDPOINT"]
    s3api = {
        "getobject": lambda b, k: ["s3api", "get-object", "--bucket", b, "--key", k, "out.bin"],
        "headobject": lambda b, k: ["s3api", "head-object", "--bucket", b, "--key", k],
        "listobjects": lambda b, k: ["s3api", "list-objects-v2", "--bucket", b],
        "createbucket": lambda b, k: ["s3api", "create-bucket", "--bucket", b],
        "deletebucket": lambda b, k: ["s3api", "delete-bucket", "--bucket", b],
        "putobject": lambda b, k: ["s3api", "put-object", "--bucket", b, "--key", k, "--body", "hello.txt"],
        "deleteobject": lambda b, k: ["s3api", "delete-object", "--bucket", b, "--key", k],
        "getobject-ifmatch": lambda b, k: ["s3api", "get-object", "--bucket", b, "--key", k, "--if-match", '"0123456789abcdef0123456789abcdef"', "out.bin"],
        "getobject-range": lambda b, k: ["s3api", "get-object", "--bucket", b, "--key", k, "--range", "bytes=100-199", "out.bin"],
    }
    s3 = {
        "getobject": lambda b, k: ["s3", "cp", f"s3://{b}/{k}", "out.bin"],
        "listobjects": lambda b, k: ["s3", "ls", f"s3://{b}"],
        "createbucket": lambda b, k: ["s3", "mb", f"s3://{b}"],
        "deletebucket": lambda b, k: ["s3", "rb", f"s3://{b}"],
        "putobject": lambda b, k: ["s3", "cp", "hello.txt", f"s3://{b}/{k}"],
        "deleteobject": lambda b, k: ["s3", "rm", f"s3://{b}/{k}"],
    }
    runs = []
    for op, bucket, key, code in CASES:
        runs.append(Run("aws-cli", f"s3api-{op}-{code}", [aws, *ep, *s3api[op](bucket, key)]))
        if (op, code) in DEBUG_CASES:
            runs.append(Run("aws-cli", f"s3api-{op}-{code}.debug", [aws, "--debug", *ep, *s3api[op](bucket, key)], notes="aws --debug: the whole debug log on stderr."))
        if op in s3:
            runs.append(Run("aws-cli", f"s3-{op}-{code}", [aws, *ep, *s3[op](bucket, key)]))
    return runs


def s3cmd_runs(tools):
    s3cmd = [os.path.join(tools, "s3cmd", "bin", "s3cmd"), "-c", "s3cmd.cfg"]
    ops = {
        "getobject": lambda b, k: ["get", "--force", f"s3://{b}/{k}", "out.bin"],
        "headobject": lambda b, k: ["info", f"s3://{b}/{k}"],
        "listobjects": lambda b, k: ["ls", f"s3://{b}"],
        "createbucket": lambda b, k: ["mb", f"s3://{b}"],
        "deletebucket": lambda b, k: ["rb", f"s3://{b}"],
        "putobject": lambda b, k: ["put", "hello.txt", f"s3://{b}/{k}"],
        "deleteobject": lambda b, k: ["del", f"s3://{b}/{k}"],
        # --continue asks for the rest of a partial download: a Range.
        "getobject-range": lambda b, k: ["get", "--continue", f"s3://{b}/{k}", "partial.bin"],
    }
    runs = []
    for op, bucket, key, code in CASES:
        if op not in ops:
            continue  # s3cmd sends no If-Match
        runs.append(Run("s3cmd", f"{op}-{code}", [*s3cmd, *ops[op](bucket, key)]))
        if (op, code) in DEBUG_CASES:
            runs.append(Run("s3cmd", f"{op}-{code}.debug", [*s3cmd, "--debug", *ops[op](bucket, key)], notes="s3cmd --debug: the whole debug log on stderr."))
    return runs


def rclone_runs(tools):
    rclone = [os.path.join(tools, "rclone", "bin", "rclone"), "--retries", "1", "--low-level-retries", "2"]
    ops = {
        "getobject": lambda b, k: ["copyto", f"obs:{b}/{k}", "out.bin"],
        "headobject": lambda b, k: ["lsjson", "--stat", f"obs:{b}/{k}"],
        "listobjects": lambda b, k: ["lsf", f"obs:{b}"],
        "createbucket": lambda b, k: ["mkdir", f"obs:{b}"],
        "deletebucket": lambda b, k: ["rmdir", f"obs:{b}"],
        "putobject": lambda b, k: ["copyto", "hello.txt", f"obs:{b}/{k}"],
        "deleteobject": lambda b, k: ["deletefile", f"obs:{b}/{k}"],
        "getobject-range": lambda b, k: ["cat", "--offset", "100", "--count", "100", f"obs:{b}/{k}"],
    }
    runs = []
    for op, bucket, key, code in CASES:
        if op not in ops:
            continue  # rclone sends no If-Match
        runs.append(Run("rclone", f"{op}-{code}", [*rclone, *ops[op](bucket, key)]))
        if (op, code) in DEBUG_CASES:
            runs.append(Run("rclone", f"{op}-{code}.debug", [*rclone, "-vv", "--dump", "headers", *ops[op](bucket, key)], notes="rclone -vv --dump headers: the debug log on stderr."))
    return runs


def object_store_runs(tools):
    """The Rust object_store crate (scripts/clients/object-store): it has no
    bucket operations, so it cannot meet BucketAlreadyExists or
    BucketNotEmpty."""
    binary = os.path.join(tools, "rust", "release", "object-store-case")
    runs = []
    for op, bucket, key, code in CASES:
        if op in ("createbucket", "deletebucket"):
            continue
        runs.append(Run("object-store", f"{op}-{code}", [binary, op, bucket, key or "-", "uncaught"]))
        if (op, code) in FORM_CASES:
            runs.append(Run("object-store", f"{op}-{code}.display", [binary, op, bucket, key or "-", "display"]))
    return runs


def all_runs(tools):
    return (
        obs_runs(tools, "esdk-obs-python")
        + obs_runs(tools, "esdk-obs-nodejs")
        + library_runs(tools, "boto3", "boto3")
        + aws_runs(tools)
        + s3cmd_runs(tools)
        + rclone_runs(tools)
        + library_runs(tools, "minio", "minio")
        + library_runs(tools, "aws-sdk-js-v3")
        + library_runs(tools, "s3fs", "s3fs")
        + library_runs(tools, "minio-js")
        + object_store_runs(tools)
    )


def code_of(name):
    """The code a run's name ends with (before any form suffix)."""
    return name.split(".")[0].rsplit("-", 1)[1]


# How clients write a code of their own for a response without one (a HEAD
# answer has no body): Go v2's `api error NotFound:`, minio's `code:
# NoSuchKey,` or `code='NoSuchKey'`, Node's inspect `code: 'NotFound'`, the
# AWS SDK for JavaScript's `NotFound: UnknownError`, s3cmd's `404 (NoSuchKey)`.
CLIENT_CODE = [
    re.compile(r"api error ([A-Za-z]+):"),
    re.compile(r"\bcode: ([A-Za-z]+),"),
    re.compile(r"\bcode='([A-Za-z]+)'"),
    re.compile(r"\b[Cc]ode: '([A-Za-z]+)'"),
    re.compile(r"^([A-Z][A-Za-z]+): UnknownError$", re.M),
    re.compile(r"\b\d{3} \(([A-Za-z]+)\)"),
]
# HTTP reason phrases (as their status reads them): a client's name for a
# status that is its reason phrase written as one word shows the status, not
# a code (`api error Forbidden`). Those that are also OBS codes
# (ServiceUnavailable, MethodNotAllowed, PreconditionFailed) and `NotFound`,
# an SDK code of the catalogue, are codes.
REASONS = {
    400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
    409: "Conflict", 412: "Precondition Failed", 416: "Requested Range Not Satisfiable",
    500: "Internal Server Error", 503: "Service Unavailable",
}
# Names that say no code is known (`Unknown: UnknownError`).
PLACEHOLDERS = {"Unknown", "UnknownError", "ErrorUnknown"}
REASON_ONLY = {"BadRequest", "Forbidden", "Conflict", "RequestedRangeNotSatisfiable", "InternalServerError"}


def status_shown(text, status, codes):
    """The text states the status: its number, or its reason phrase (spaced
    or as one word, but not where it is a code: `MethodNotAllowed`)."""
    if re.search(r"(?<![0-9A-Za-z])%d(?![0-9])" % status, text):
        return True
    reason = REASONS.get(status)
    if not reason:
        return False
    for code in codes:
        if code:
            text = text.replace(code, "")
    return any(re.search(r"\b%s\b" % re.escape(r), text) for r in (reason, reason.replace(" ", "")))


def expected(text, responses, name):
    """The responses the text shows, each with the fields it shows, from what
    the server logged that it sent; and notes on what it leaves out."""
    notes = []
    if len(responses) > 1:
        notes.append(f"The client made {len(responses)} requests (retries, or a look-up first).")
    # Each response the text shows by its request id, in the order the text
    # first shows it (a debug log shows successful look-ups too).
    shown = sorted((r for r in responses if r["request_id"] in text), key=lambda r: text.index(r["request_id"]))
    errors = [r for r in responses if r["status"] >= 300]
    if not shown and errors:
        shown = [errors[-1]]
        notes.append("The text shows no request id: the entry is the last error the server sent.")
    if not shown:
        return [], notes + ["The server sent no error."]
    if len(shown) > 1:
        notes.append(
            "A code counts as shown for a response when it is written between that response's "
            "request id and the next one's."
        )
    out = []
    for n, r in enumerate(shown):
        # Where this response is told: from its request id to the next one's.
        if len(shown) > 1:
            a = text.index(r["request_id"])
            b = text.index(shown[n + 1]["request_id"]) if n + 1 < len(shown) else len(text)
            window = text[a:b]
        else:
            window = text
        e = {}
        client_code = None
        if r["code"] and r["body"] and re.search(r"\b%s\b" % re.escape(r["code"]), window):
            e["code"] = r["code"]
        elif r["code"] and not r["body"]:
            inferred = next((m.group(1) for rx in CLIENT_CODE for m in [rx.search(window)] if m), None)
            if inferred and inferred not in REASON_ONLY and inferred not in PLACEHOLDERS:
                e["client_code"] = client_code = inferred
                notes.append(f"The response had no body (HEAD); {inferred} in the text is the client's own name for it.")
            else:
                notes.append(f"The text does not show the code {r['code']}: the response had no body (HEAD).")
        elif r["code"]:
            notes.append(f"The text does not show the code {r['code']}.")
        if status_shown(text, r["status"], [client_code, r["code"]]):
            e["status"] = r["status"]
        else:
            notes.append(f"The text does not show the status {r['status']}.")
        if r["request_id"] in text:
            e["request_id"] = r["request_id"]
        else:
            notes.append("The text does not show the request id.")
        if r["host_id"] in text:
            e["host_id"] = r["host_id"]
        else:
            notes.append("The text does not show the host id.")
        out.append(e)
    if not any(out):
        notes.append("The text shows nothing of the server's response: decode must find none.")
        out = []
    if not notes:
        notes.append("The text shows every field the server sent.")
    return out, list(dict.fromkeys(notes))


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def write_toml(path, client, version, command, notes, entries):
    lines = [
        f"client = {toml_str(client)}",
        f"version = {toml_str(version)}",
        f"command = {toml_str(command)}",
        f"recorded = {toml_str(time.strftime('%Y-%m-%d', time.gmtime()))}",
        "server = \"scripts/obs_error_server.py (local, OBS-like)\"",
        f"notes = {toml_str(' '.join(notes))}",
    ]
    for e in entries:
        lines.append("")
        lines.append("[[expected]]")
        for k in ("code", "client_code", "status", "request_id", "host_id"):
            if k in e:
                v = e[k]
                lines.append(f"{k} = {v}" if isinstance(v, int) else f"{k} = {toml_str(v)}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def read_log(path, start):
    with open(path, encoding="utf-8") as f:
        f.seek(start)
        data = f.read()
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tools", required=True)
    ap.add_argument("--port", required=True)
    ap.add_argument("--server-log", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--versions", required=True, help="JSON: client -> version")
    ap.add_argument("--only", action="append")
    args = ap.parse_args()
    tools = os.path.abspath(args.tools)
    versions = json.load(open(args.versions))
    endpoint = f"http://127.0.0.1:{args.port}"
    work = tempfile.mkdtemp(prefix="obserr-rec-")
    with open(os.path.join(work, "hello.txt"), "w") as f:
        f.write("hello\n")
    open(os.path.join(work, "rclone.conf"), "w").close()
    with open(os.path.join(work, "s3cmd.cfg"), "w") as f:
        f.write(
            "[default]\n"
            f"access_key = {AK}\nsecret_key = {SK}\n"
            f"host_base = 127.0.0.1:{args.port}\nhost_bucket = 127.0.0.1:{args.port}\n"
            "use_https = False\nmax_retries = 1\nbucket_location = us-east-1\n"
        )
    with open(os.path.join(work, "aws.cfg"), "w") as f:
        f.write("[default]\nregion = us-east-1\nmax_attempts = 2\nretry_mode = standard\ns3 =\n  addressing_style = path\n")
    env = {
        "PATH": os.environ["PATH"],
        "HOME": work,
        "LANG": "C.UTF-8",
        "TERM": "dumb",
        "AWS_ACCESS_KEY_ID": AK,
        "AWS_SECRET_ACCESS_KEY": SK,
        "AWS_CONFIG_FILE": os.path.join(work, "aws.cfg"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(work, "none"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "OBSERR_REC_ENDPOINT": endpoint,
        "OBSERR_REC_NODE_MODULES": os.path.join(tools, "npm", "node_modules"),
        "RCLONE_CONFIG": os.path.join(work, "rclone.conf"),
        "RCLONE_CONFIG_OBS_TYPE": "s3",
        "RCLONE_CONFIG_OBS_PROVIDER": "HuaweiOBS",
        "RCLONE_CONFIG_OBS_ACCESS_KEY_ID": AK,
        "RCLONE_CONFIG_OBS_SECRET_ACCESS_KEY": SK,
        "RCLONE_CONFIG_OBS_ENDPOINT": endpoint,
        "RCLONE_CONFIG_OBS_REGION": "us-east-1",
        "RCLONE_CONFIG_OBS_FORCE_PATH_STYLE": "true",
    }
    failures = 0
    for run in all_runs(tools):
        if args.only and run.client not in args.only:
            continue
        outdir = os.path.join(args.out, run.client)
        os.makedirs(outdir, exist_ok=True)
        argv = [endpoint if a == "$ENDPOINT" else a for a in run.argv]
        # s3cmd --continue needs a partial file of 100 bytes to ask for the rest.
        with open(os.path.join(work, "partial.bin"), "w") as f:
            f.write("x" * 100)
        log_path = os.path.join(work, "logs", run.name + ".log")
        os.makedirs(os.path.dirname(log_path), exist_ok=True)
        run_env = dict(env, OBSERR_REC_LOG=log_path)
        start = os.path.getsize(args.server_log) if os.path.exists(args.server_log) else 0
        t0 = time.time()
        try:
            proc = subprocess.run(argv, cwd=work, env=run_env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=180)
            out = proc.stdout
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"") + b"\n[recorder: timed out]\n"
            failures += 1
        time.sleep(0.05)
        if run.log:
            # The SDK's log file is the recording; its console output is not.
            found = [os.path.join(os.path.dirname(log_path), n) for n in os.listdir(os.path.dirname(log_path)) if n.startswith(run.name)]
            out = b"".join(open(p, "rb").read() for p in sorted(found))
            for p in found:
                os.remove(p)
        responses = read_log(args.server_log, start)
        text = out.decode("utf-8", "replace")
        entries, notes = expected(text, responses, run.name)
        if run.notes:
            notes.insert(0, run.notes)
        txt = os.path.join(outdir, run.name + ".txt")
        with open(txt, "wb") as f:
            f.write(out)
        command = shown(run.argv, tools)
        write_toml(os.path.join(outdir, run.name + ".toml"), run.client, versions.get(run.client, "?"), command, notes, entries)
        print(f"{run.client:18} {run.name:45} {len(responses)} req {time.time() - t0:5.1f}s {len(entries)} expected", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
