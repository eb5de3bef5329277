#!/usr/bin/env bash
# Scores the extractor three ways and fails when a score drops below its floor:
#   1. the dev gold as it stands (the model was trained on it: an upper bound);
#   2. the dev gold leave-one-document-out (each document scored by a model and
#      lexicon that never saw it: the honest figure);
#   3. the short reports written for this project (testdata/reports), which no
#      rule or model was tuned on.
# Skips (exit 0) when the shared material is absent.
set -euo pipefail
shared=${1:-../shared}
if [ ! -f "$shared/eval/score.py" ]; then
	echo "eval: $shared/eval/score.py not found; skipping"
	exit 0
fi
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
go build -o findings ./cmd/findings
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== dev gold (model trained on it)"
python3 "$shared/eval/score.py" run --bin ./findings --args "extract --format json" \
	--docs "$shared/corpus/dev" --gold "$shared/eval/gold" | tee "$tmp/dev.txt" | tail -9
echo "== dev gold, leave one document out"
scripts/eval-lodo.sh "$shared" | tee "$tmp/lodo.txt" | tail -15
echo "== project test reports (testdata/reports)"
python3 testdata/reports/check_expect.py --gold "$tmp/tgold" >/dev/null
python3 "$shared/eval/score.py" run --bin ./findings --args "extract --format json" \
	--docs testdata/reports --gold "$tmp/tgold" | tee "$tmp/own.txt" | tail -9

# floors: just under what was measured when they were set
fail=0
# the committed model must be the one `make train` makes from this code
go run ./internal/train -docs "$shared/corpus/dev" -gold "$shared/eval/gold" -self "$shared/corpus/bulk" -o "$tmp/model.tsv" 2>/dev/null
if ! cmp -s "$tmp/model.tsv" pkg/extract/data/model.tsv; then
	echo "eval: pkg/extract/data/model.tsv is stale: run make train"
	fail=1
fi
# and pkg/extract/data/polarity.tsv the one `make polarity` makes from the
# bulk corpus (the model's polarity features are read from it)
if [ -d "$shared/corpus/bulk" ]; then
	if ! go run ./internal/lexmine -docs "$shared/corpus/bulk" -o "$tmp/polarity.tsv" 2>"$tmp/lexmine.err"; then
		echo "eval: internal/lexmine failed:"; cat "$tmp/lexmine.err"
		fail=1
	elif ! cmp -s "$tmp/polarity.tsv" pkg/extract/data/polarity.tsv; then
		echo "eval: pkg/extract/data/polarity.tsv is stale: run make polarity (then make train)"
		fail=1
	fi
fi
check() { # file key floor [max]
	local v
	v=$(grep '^score:' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | tail -1)
	if [ -z "$v" ]; then echo "eval: no $2 in $1"; fail=1; return; fi
	if [ "${4:-}" = max ]; then
		awk -v v="$v" -v f="$3" 'BEGIN{exit !(v<=f)}' || { echo "eval: $2=$v above $3 ($(basename "$1"))"; fail=1; }
	else
		awk -v v="$v" -v f="$3" 'BEGIN{exit !(v>=f)}' || { echo "eval: $2=$v below floor $3 ($(basename "$1"))"; fail=1; }
	fi
}
# precision and recall apart: a metrics F1 can hide a quarter of noise
# behind a high recall. "metrics: P=0.90 R=0.98 F1=..." -> metrics_P, metrics_R
pr() { # file -> "P R" of the metrics line
	sed -n 's/^metrics: P=\([0-9.]*\) R=\([0-9.]*\).*/\1 \2/p' "$1" | tail -1
}
for f in dev lodo own; do
	read -r p r <<<"$(pr "$tmp/$f.txt")"
	echo "$f: metrics precision=${p:-?} recall=${r:-?}"
	echo "score: metrics_P=${p:-} metrics_R=${r:-}" >>"$tmp/$f.txt"
done
check "$tmp/dev.txt" metrics_F1 0.92
check "$tmp/dev.txt" judgements_F1 0.90
check "$tmp/dev.txt" authority 0.90
check "$tmp/dev.txt" inspection_type 0.99
check "$tmp/dev.txt" leaks 0 max
check "$tmp/lodo.txt" findings_macroF1 0.78
# the issue-14 targets, on documents the rules were not tuned on
check "$tmp/lodo.txt" metrics_F1 0.95
check "$tmp/lodo.txt" metrics_P 0.93
check "$tmp/lodo.txt" metrics_R 0.95
check "$tmp/lodo.txt" judgements_F1 0.97
check "$tmp/lodo.txt" authority 1.00
check "$tmp/lodo.txt" inspection_type 1.00
check "$tmp/lodo.txt" leaks 0 max
check "$tmp/own.txt" findings_macroF1 0.85
check "$tmp/own.txt" metrics_F1 0.95
check "$tmp/own.txt" metrics_P 0.93
check "$tmp/own.txt" judgements_F1 0.97
check "$tmp/own.txt" leaks 0 max
exit $fail
