#!/usr/bin/env bash
# Leave-one-document-out evaluation: for each gold document, train the
# sentence model without it and drop the lexicon entries that it called for
# (their @origin), extract it, and score all the predictions together. The
# model self-trains on the bulk reports as `make train` does, less the
# bulk copy of the held-out document. The result is what the extractor
# scores on documents it was not tuned on.
# Two documents run at a time (JOBS=1 for one). The scorer prints the
# per-class P/R/F1 and the confusion matrix (gold rows, predicted columns).
#
#   scripts/eval-lodo.sh [SHARED] [score.py flags...]   (SHARED defaults to ../shared)
#   TRAIN_FLAGS="-classpower 0.3" passes flags to internal/train (experiments).
#   PRED_DIR=dir keeps the predictions (pred-ID.json) for reading the errors.
set -euo pipefail
shared=${1:-../shared}
docs=$shared/corpus/dev
gold=$shared/eval/gold
bulk=$shared/corpus/bulk
jobs=${JOBS:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/findings" ./cmd/findings
go build -o "$tmp/train" ./internal/train
one() { # one gold file: train without it, extract it
	local name id
	name=$(basename "$1" .gold.json)
	id=${name%%_*}
	"$tmp/train" -self "$bulk" ${TRAIN_FLAGS:-} -docs "$docs" -gold "$gold" -holdout "$id" -o "$tmp/model-$id.tsv" 2>/dev/null
	"$tmp/findings" extract --format json --holdout "$id" --model "$tmp/model-$id.tsv" "$docs/$name" > "$tmp/pred-$id.json"
}
export -f one
export tmp docs gold bulk
printf '%s\n' "$gold"/*.gold.json | xargs -P "$jobs" -I{} bash -c 'one "$1"' _ {}
if [ -n "${PRED_DIR:-}" ]; then
	mkdir -p "$PRED_DIR"
	cp "$tmp"/pred-*.json "$PRED_DIR"/
fi
python3 "$(dirname "$0")/confusion.py" "$gold/../score.py" --docs "$docs" --gold "$gold" "$tmp"/pred-*.json
python3 "$gold/../score.py" score --docs "$docs" --gold "$gold" "${@:2}" "$tmp"/pred-*.json
