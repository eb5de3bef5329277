// Command findings reads inspection reports and hands back their findings
// as data. See the README for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	// for its init: the collector's pace, set before main runs
	_ "github.com/findings/findings/cmd/findings/internal/gctune"
	"github.com/findings/findings/pkg/cmd/root"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := root.Main(ctx, version, os.Args[1:])
	stop()
	os.Exit(code)
}
