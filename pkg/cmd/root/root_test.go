package root

import (
	"context"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain makes the test binary the findings command when a script runs
// it, as cmd/findings/main.go does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"findings": func() {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			code := Main(ctx, "test", os.Args[1:])
			stop()
			os.Exit(code)
		},
	})
}

// TestScript runs the whole-CLI scripts in testdata/script.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("..", "..", "..", "testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("FINDINGS_FORCE_TTY", "")
			env.Setenv("NO_COLOR", "1")
			// the download cache's default place, inside the script's folder
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			return nil
		},
		Cmds:      scriptCmds(webCmds, badInputCmds),
		Condition: badInputCondition,
	})
}

// scriptCmds merges the commands of the scripts' helper files.
func scriptCmds(sets ...map[string]func(*testscript.TestScript, bool, []string)) map[string]func(*testscript.TestScript, bool, []string) {
	all := map[string]func(*testscript.TestScript, bool, []string){}
	for _, set := range sets {
		for name, cmd := range set {
			all[name] = cmd
		}
	}
	return all
}

// An interrupted run exits 130 and leaves no --output file behind.
func TestMainInterrupted(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(report, []byte("Inspection of Anytown local authority children's services\n\nChildren are safe.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if code := Main(ctx, "test", []string{"extract", "--quiet", "--format", "jsonl", "--output", out, report}); code != 130 {
		t.Errorf("exit code %d, want 130", code)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}
