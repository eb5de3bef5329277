#!/usr/bin/env bash
# Leave-one-document-out evaluation: for each gold document, train the
# sentence model without it and drop the lexicon entries that it called for
# (their @origin), extract it, and score all the predictions together. The
# result is what the extractor scores on documents it was not tuned on.
#
#   scripts/eval-lodo.sh [SHARED]     (SHARED defaults to ../shared)
set -euo pipefail
shared=${1:-../shared}
docs=$shared/corpus/dev
gold=$shared/eval/gold
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/findings" ./cmd/findings
go build -o "$tmp/train" ./internal/train
for g in "$gold"/*.gold.json; do
	name=$(basename "$g" .gold.json)
	id=${name%%_*}
	"$tmp/train" -docs "$docs" -gold "$gold" -holdout "$id" -o "$tmp/model-$id.tsv" 2>/dev/null
	"$tmp/findings" extract --format json --holdout "$id" --model "$tmp/model-$id.tsv" "$docs/$name" > "$tmp/pred-$id.json"
done
python3 "$gold/../score.py" score --docs "$docs" --gold "$gold" "${@:2}" "$tmp"/pred-*.json
