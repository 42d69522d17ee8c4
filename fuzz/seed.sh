#!/usr/bin/env bash
# Seeds the fuzz corpora from the project's own test data, so fuzzing starts
# from realistic inputs instead of from nothing:
#   decode: every response in tests/fixtures/decode/ and every real-world
#           sample in tests/fixtures/realworld/
#   scan:   the logs in tests/fixtures/scan/ and the responses above
#   lookup: every catalogued code and alias, pasted forms of some, and the
#           queries of tests/it/search_quality.rs
#   sigcheck: every capture of tests/fixtures/sigcheck/mutations.jsonl
#   records: the decode corpus, every client recording, and pairs of
#            real-world samples pasted together
# Run from anywhere; writes fuzz/corpus/{decode,lookup,scan,sigcheck,records}/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p fuzz/corpus/decode fuzz/corpus/lookup fuzz/corpus/scan fuzz/corpus/sigcheck fuzz/corpus/records
cp tests/fixtures/decode/* fuzz/corpus/decode/
for sample in tests/fixtures/realworld/*/*.txt; do
    cp "$sample" "fuzz/corpus/decode/realworld-$(basename "$(dirname "$sample")")-$(basename "$sample")"
done
# records: the decode corpus, the client recordings, and pairs of samples.
cp fuzz/corpus/decode/* fuzz/corpus/records/
for sample in tests/fixtures/clients/*/*.txt; do
    cp "$sample" "fuzz/corpus/records/client-$(basename "$(dirname "$sample")")-$(basename "$sample")"
done
prev=""
for sample in tests/fixtures/realworld/*/*.txt; do
    if [ -n "$prev" ]; then
        { cat "$prev"; printf '\n\n'; cat "$sample"; } >"fuzz/corpus/records/pair-$(basename "$prev")-$(basename "$sample")"
    fi
    prev=$sample
done
# scan: the logs of the guide's examples, and every decode fixture (other lines).
cp tests/fixtures/scan/logs/* tests/fixtures/scan/ok.log fuzz/corpus/scan/
cp tests/fixtures/decode/* fuzz/corpus/scan/
# sigcheck: every capture of the mutation corpus (JSON-decoded by python3).
python3 - <<'PY'
import json
for i, line in enumerate(open("tests/fixtures/sigcheck/mutations.jsonl", encoding="utf-8")):
    with open("fuzz/corpus/sigcheck/mutation-%02d" % i, "w", encoding="utf-8") as f:
        f.write(json.loads(line)["capture"])
PY

n=0
seed() { n=$((n + 1)); printf '%s' "$1" >"fuzz/corpus/lookup/seed-$n"; }
# Codes and aliases, straight from the catalogue's data.
while IFS= read -r code; do
    seed "$code"
    seed "$code (404)"
    seed "error code [$code]"
    seed "x-obs-error-code: $code"
done < <(sed -n 's/^ *"code": "\(.*\)",$/\1/p' data/codes.json)
while IFS= read -r alias; do
    seed "$alias"
done < <(sed -n '/"aliases": \[/,/\]/s/^ *"\([^"]*\)",\{0,1\}$/\1/p' data/codes.json)
# Search queries people type, from the search-quality table.
while IFS= read -r query; do
    seed "$query"
done < <(sed -n 's/^ *("\([^"]*\)", *"[^"]*"),.*$/\1/p' tests/it/search_quality.rs)
for s in 403 4xx 5xx NoSuchKy AccesDenied nosuchlifecycle $'\x1b[31mred' $'\xc2\x9b2J'; do
    seed "$s"
done
echo "seeded fuzz/corpus/decode ($(ls fuzz/corpus/decode | wc -l) files) and fuzz/corpus/lookup ($n files)"
