#!/usr/bin/env bash
# The peer benchmark (issue 16): wink-nlp, a JavaScript NLP library that
# splits sentences and tokens and tags entities, against findings extract
# --jobs 1 on the same files in the same run, whole process each, the median
# of RUNS runs. wink-nlp is installed with npm into a temporary folder, never
# a dependency of the tool; the script skips (exit 0) without node or npm.
# Usage: scripts/bench-peers.sh [SHARED] [RUNS]
set -euo pipefail
shared=${1:-../shared}
runs=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
bulk=$(cd "$shared/corpus/bulk" 2>/dev/null && pwd) || bulk=$shared/corpus/bulk
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "bench-peers: node or npm not found; skipped"
	exit 0
fi
if [ ! -d "$bulk" ]; then
	echo "bench-peers: $bulk not found; skipped"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm install --silent --no-audit --no-fund --no-save wink-nlp wink-eng-lite-web-model >/dev/null)
cp scripts/peers/wink.js "$tmp/"
go build -o "$tmp/findings" ./cmd/findings

# median wall seconds of RUNS runs of CMD...
median() {
	: >"$tmp/times"
	for _ in $(seq "$runs"); do
		/usr/bin/time -f "%e" -o "$tmp/one" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; return 1; }
		cat "$tmp/one" >>"$tmp/times"
	done
	sort -n "$tmp/times" | awk '{t[NR]=$1} END {print t[int((NR+1)/2)]}'
}

mb=$(du -sb "$bulk" | awk '{printf "%.1f", $1/1048576}')
echo "machine: $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | sed 's/^ *//'), go $(go env GOVERSION), node $(node --version), wink-nlp $(node -p "require('$tmp/node_modules/wink-nlp/package.json').version")"
w=$(cd "$tmp" && median node wink.js "$bulk")
f=$(median "$tmp/findings" extract --quiet --format jsonl --jobs 1 "$bulk")
printf "bulk (%s MB), %d runs each: wink-nlp %.2f s (%.2f MB/s); findings --jobs 1 %.2f s (%.2f MB/s); findings/wink speed = %.2fx\n" \
	"$mb" "$runs" "$w" "$(echo "$mb/$w" | bc -l)" "$f" "$(echo "$mb/$f" | bc -l)" "$(echo "$w/$f" | bc -l)"
