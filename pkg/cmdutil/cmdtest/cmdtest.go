// Package cmdtest checks, for the tests of the commands that read many
// documents, that a command has the shared batch flags and hands them on.
package cmdtest

import (
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/iostreams"
)

// Run is what a batch command's run received.
type Run struct {
	Flags     cmdutil.BatchFlags
	Args      []string
	IO        *iostreams.IOStreams
	Extractor func() (*extract.Extractor, error)
	Version   string
}

// NewCmd builds the command under test with f; its run hands got what it
// received.
type NewCmd func(f *cmdutil.Factory, got func(Run)) *cobra.Command

// CheckBatchFlags runs the command with a set of the shared flags, then
// extra, then two files, and fails t unless its run received them, and
// unless its --format offers html exactly when html says so. The flags'
// meaning is tested in cmdutil (TestBatchFlags).
func CheckBatchFlags(t *testing.T, newCmd NewCmd, html bool, extra ...string) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	var got *Run
	cmd := newCmd(&cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}, func(r Run) { got = &r })
	args := append([]string{"-j", "3", "--timeout-per-file", "5s", "-q", "-f", "csv", "-o", "x.csv", "--max-size", "2MB"}, extra...)
	cmd.SetArgs(append(args, "a", "b/"))
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil {
		t.Fatal("the command's run was not called")
	}
	f := got.Flags
	if f.Format != "csv" || f.Output != "x.csv" || f.Jobs != 3 || f.Timeout != 5*time.Second || !f.Quiet ||
		f.Web.MaxSize != 2<<20 || got.Version != "1.2.3" || got.IO != ios || got.Extractor != nil ||
		!slices.Equal(got.Args, []string{"a", "b/"}) {
		t.Errorf("run got %+v", *got)
	}
	if u := cmd.Flags().Lookup("format").Usage; strings.Contains(u, "html") != html {
		t.Errorf("--format: %q", u)
	}
}
