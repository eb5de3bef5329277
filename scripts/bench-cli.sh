#!/usr/bin/env bash
# Whole-process benchmarks of the built binary (issue 7), several runs each,
# reporting the median and the spread (min..max) and the peak memory:
#   - the bulk corpus (../shared/corpus/bulk) with 1 and 2 jobs;
#   - start-up: one 3 KB report (wall ms, STARTRUNS runs, 40 unless set),
#     and --version alone;
#   - peak memory on 4x the bulk corpus (4 linked copies in a temp dir);
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

# run CMD... RUNS times; prints "median min max peakKB userCPU" of wall
# seconds, with the median user CPU seconds (the fair figure on a shared
# machine)
measure() {
	local n=$1
	shift
	: >"$tmp/times"
	for _ in $(seq "$n"); do
		/usr/bin/time -f "%e %M %U" -o "$tmp/one" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; return 1; }
		cat "$tmp/one" >>"$tmp/times"
	done
	local user
	user=$(sort -n -k3 "$tmp/times" | awk '{u[NR]=$3} END {printf "%.3f", u[int((NR+1)/2)]}')
	sort -n "$tmp/times" | awk -v user="$user" '{t[NR]=$1; if ($2>m) m=$2} END {printf "%.3f %.3f %.3f %d %s\n", t[int((NR+1)/2)], t[1], t[NR], m, user}'
}

# wallms N CMD... runs CMD N times and prints "median min max" of its
# wall time in milliseconds, each run timed by date +%s%N (start-up is
# tens of ms: /usr/bin/time's %e counts in steps of 10 ms)
wallms() {
	local n=$1
	shift
	: >"$tmp/ms"
	for _ in $(seq "$n"); do
		local t0 t1
		t0=$(date +%s%N)
		"$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; return 1; }
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000)) >>"$tmp/ms"
	done
	sort -n "$tmp/ms" | awk '{t[NR]=$1} END {m=(NR%2)?t[(NR+1)/2]:(t[NR/2]+t[NR/2+1])/2; printf "%.1f %.1f %.1f\n", m/1000, t[1]/1000, t[NR]/1000}'
}

echo "machine: $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | sed 's/^ *//'), go $(go env GOVERSION)"
small=testdata/reports/news-chrome.txt
startruns=${STARTRUNS:-40}
"$bin" extract --format json "$small" >/dev/null # the binary's pages in the page cache
read -r med lo hi < <(wallms "$startruns" "$bin" extract --format json "$small")
read -r _ _ _ kb _ < <(measure 1 "$bin" extract --format json "$small")
printf "start-up (%s, %d bytes, %d runs): median %.1f ms (%.1f..%.1f), peak %d MB [target <= 30 ms]\n" "$small" "$(wc -c <"$small")" "$startruns" "$med" "$lo" "$hi" $((kb / 1024))
read -r med lo hi < <(wallms "$startruns" "$bin" --version)
printf "start-up of --version alone, %d runs: median %.1f ms (%.1f..%.1f)\n" "$startruns" "$med" "$lo" "$hi"

bulk=$shared/corpus/bulk
if [ -d "$bulk" ]; then
	mb=$(du -sb "$bulk" | awk '{printf "%.1f", $1/1048576}')
	n=$(ls "$bulk" | wc -l)
	for jobs in 1 2; do
		read -r med lo hi kb user < <(measure "$runs" "$bin" extract --quiet --format jsonl --jobs "$jobs" "$bulk")
		printf "bulk (%d files, %s MB), --jobs %d, %d runs: median %.2f s (%.2f..%.2f), %.2f MB/s, %.2f s user CPU (%.2f MB per CPU second), peak %d MB\n" \
			"$n" "$mb" "$jobs" "$runs" "$med" "$lo" "$hi" "$(echo "$mb/$med" | bc -l)" "$user" "$(echo "$mb/$user" | bc -l)" $((kb / 1024))
		echo "$med" >"$tmp/jobs$jobs"
		echo "$kb" >"$tmp/kb$jobs"
	done
	printf "1 job: %.2f MB/s [target >= 10]; speed-up with 2 jobs: %.2fx [target >= 1.8]\n" \
		"$(echo "$mb/$(cat "$tmp/jobs1")" | bc -l)" "$(echo "$(cat "$tmp/jobs1")/$(cat "$tmp/jobs2")" | bc -l)"
	# 4x the corpus: four folders of links to the same files, one run
	for k in 1 2 3 4; do
		mkdir "$tmp/x4/c$k" -p
		for f in "$bulk"/*; do ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$tmp/x4/c$k/"; done
	done
	read -r med _ _ kb4 user < <(measure 1 "$bin" extract --quiet --format jsonl --jobs 2 "$tmp/x4")
	printf "bulk x4 (%d files), --jobs 2, 1 run: %.2f s, %.2f s user CPU, peak %d MB (1x: %d MB) [target <= 150 MB and flat]\n" \
		$((n * 4)) "$med" "$user" $((kb4 / 1024)) $(($(cat "$tmp/kb2") / 1024))
else
	echo "bulk: $bulk not found; skipped"
fi

pdfs=$shared/corpus/pdf
if [ -d "$pdfs" ]; then
	read -r med lo hi kb _ < <(measure "$runs" "$bin" extract --quiet --format jsonl --jobs 1 "$pdfs")
	printf "pdf folder (%d files), findings --jobs 1: median %.2f s (%.2f..%.2f), peak %d MB\n" "$(ls "$pdfs" | wc -l)" "$med" "$lo" "$hi" $((kb / 1024))
	if command -v pdftotext >/dev/null; then
		cat >"$tmp/p2t.sh" <<'EOS'
#!/usr/bin/env bash
for f in "$1"/*.pdf; do pdftotext -enc UTF-8 "$f" - >/dev/null; done
EOS
		chmod +x "$tmp/p2t.sh"
		read -r pmed plo phi pkb _ < <(measure "$runs" "$tmp/p2t.sh" "$pdfs")
		printf "pdf folder, pdftotext alone: median %.2f s (%.2f..%.2f); findings/pdftotext = %.2fx\n" "$pmed" "$plo" "$phi" "$(echo "$med/$pmed" | bc -l)"
	fi
fi
