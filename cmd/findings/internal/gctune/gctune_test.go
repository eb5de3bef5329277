package gctune

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestPace checks that the package's init set the collector's pace and
// soft limit, unless the environment set them.
func TestPace(t *testing.T) {
	if os.Getenv("GOGC") == "" {
		pct := debug.SetGCPercent(400)
		if pct != 400 {
			t.Errorf("GC percent %d after init, want 400", pct)
		}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		if limit := debug.SetMemoryLimit(-1); limit != 120<<20 {
			t.Errorf("memory limit %d after init, want %d", limit, 120<<20)
		}
	}
}
