package extract

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/iostreams"
)

// The flags' meaning is tested in cmdutil (TestBatchFlags); this checks
// that the command has them and hands them on.
func TestNewCmdExtractFlags(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *ExtractOptions
	cmd := NewCmdExtract(&cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}, func(_ context.Context, o *ExtractOptions) error {
		got = o
		return nil
	})
	cmd.SetArgs([]string{"-j", "3", "--timeout-per-file", "5s", "-q", "-f", "csv", "-o", "x.csv", "--max-size", "2MB", "-k", "weakness,metric", "--explain", "a", "b/"})
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Format != "csv" || got.Output != "x.csv" || got.Jobs != 3 || got.Timeout != 5*time.Second || !got.Quiet ||
		got.Web.MaxSize != 2<<20 || got.Version != "1.2.3" || got.IO != ios || got.Extractor != nil ||
		!slices.Equal(got.Args, []string{"a", "b/"}) {
		t.Errorf("options %+v", *got)
	}
	if !slices.Equal(got.Kinds, []string{"weakness", "metric"}) || !got.Explain {
		t.Errorf("kinds %q explain %v", got.Kinds, got.Explain)
	}
	if u := cmd.Flags().Lookup("format").Usage; strings.Contains(u, "html") != false {
		t.Errorf("--format: %q", u)
	}
}
