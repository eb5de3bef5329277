// Package gctune paces the collector for findings. main imports it for
// its init alone, which runs during package initialisation, before main
// and before the packages initialised after it (GODEBUG=inittrace=1 shows
// where). Set in main, the pace came after package init had grown the
// heap past the default 4 MB goal, and a collection ran at start-up in 19
// of 20 runs of a 3 KB report; set here, in none of 20
// (GODEBUG=gctrace=1, 2026-12-06).
package gctune

import (
	"os"
	"runtime/debug"
)

// init trades memory the run has to spare for fewer collections:
// extraction allocates many short-lived strings, and collecting at 4x the
// live heap instead of 2x saves about a sixth of the CPU time. A soft limit
// keeps the heap bounded on big batches. GOGC and GOMEMLIMIT, when set,
// win.
//
// Going further buys little: on the bulk corpus with two jobs (live heap
// about 12 MB) the collector's marking took about 0.3 s of 15 s of CPU in
// 43 cycles at 400; 800 halved the cycles and saved about 0.1 s but raised
// the peak RSS from about 95 MB to 128 MB, near the 150 MB the tool keeps
// under (measured 2026-12-04 with GODEBUG=gctrace=1 and /usr/bin/time -v).
func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(120 << 20)
	}
}
