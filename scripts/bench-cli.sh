#!/usr/bin/env bash
# Whole-process benchmarks of the built binary (issue 7), several runs each,
# reporting the median and the spread (min..max) and the peak memory:
#   - the bulk corpus (../shared/corpus/bulk) with 1 and 2 jobs;
#   - start-up: one 3 KB report;
#   - a PDF folder (../shared/corpus/pdf) against pdftotext alone.
# Usage: scripts/bench-cli.sh [SHARED] [RUNS]
set -euo pipefail
shared=${1:-../shared}
runs=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/findings" ./cmd/findings
bin=$tmp/findings

# run CMD... RUNS times; prints "median min max peakKB" of wall seconds
measure() {
	local n=$1
	shift
	: >"$tmp/times"
	for _ in $(seq "$n"); do
		/usr/bin/time -f "%e %M" -o "$tmp/one" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; return 1; }
		cat "$tmp/one" >>"$tmp/times"
	done
	sort -n "$tmp/times" | awk '{t[NR]=$1; if ($2>m) m=$2} END {printf "%.3f %.3f %.3f %d\n", t[int((NR+1)/2)], t[1], t[NR], m}'
}

echo "machine: $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | sed 's/^ *//'), go $(go env GOVERSION)"
small=testdata/reports/news-chrome.txt
read -r med lo hi kb < <(measure 10 "$bin" extract --format json "$small")
printf "start-up (%s, %d bytes, 10 runs): median %.0f ms (%.0f..%.0f), peak %d MB\n" "$small" "$(wc -c <"$small")" "$(echo "$med*1000" | bc)" "$(echo "$lo*1000" | bc)" "$(echo "$hi*1000" | bc)" $((kb / 1024))

bulk=$shared/corpus/bulk
if [ -d "$bulk" ]; then
	mb=$(du -sb "$bulk" | awk '{printf "%.1f", $1/1048576}')
	n=$(ls "$bulk" | wc -l)
	for jobs in 1 2; do
		read -r med lo hi kb < <(measure "$runs" "$bin" extract --quiet --format jsonl --jobs "$jobs" "$bulk")
		printf "bulk (%d files, %s MB), --jobs %d, %d runs: median %.2f s (%.2f..%.2f), %.2f MB/s, peak %d MB\n" \
			"$n" "$mb" "$jobs" "$runs" "$med" "$lo" "$hi" "$(echo "$mb/$med" | bc -l)" $((kb / 1024))
		echo "$med" >"$tmp/jobs$jobs"
	done
	printf "speed-up with 2 jobs: %.2fx\n" "$(echo "$(cat "$tmp/jobs1")/$(cat "$tmp/jobs2")" | bc -l)"
else
	echo "bulk: $bulk not found; skipped"
fi

pdfs=$shared/corpus/pdf
if [ -d "$pdfs" ]; then
	read -r med lo hi kb < <(measure "$runs" "$bin" extract --quiet --format jsonl --jobs 1 "$pdfs")
	printf "pdf folder (%d files), findings --jobs 1: median %.2f s (%.2f..%.2f), peak %d MB\n" "$(ls "$pdfs" | wc -l)" "$med" "$lo" "$hi" $((kb / 1024))
	if command -v pdftotext >/dev/null; then
		cat >"$tmp/p2t.sh" <<'EOS'
#!/usr/bin/env bash
for f in "$1"/*.pdf; do pdftotext -enc UTF-8 "$f" - >/dev/null; done
EOS
		chmod +x "$tmp/p2t.sh"
		read -r pmed plo phi pkb < <(measure "$runs" "$tmp/p2t.sh" "$pdfs")
		printf "pdf folder, pdftotext alone: median %.2f s (%.2f..%.2f); findings/pdftotext = %.2fx\n" "$pmed" "$plo" "$phi" "$(echo "$med/$pmed" | bc -l)"
	fi
fi
