package extract

import (
	"context"
	"errors"
	"io"
	"slices"
	"testing"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/cmdutil/cmdtest"
	"github.com/findings/findings/pkg/iostreams"
)

func TestNewCmdExtractFlags(t *testing.T) {
	var opts *ExtractOptions
	cmdtest.CheckBatchFlags(t, func(f *cmdutil.Factory, got func(cmdtest.Run)) *cobra.Command {
		return NewCmdExtract(f, func(_ context.Context, o *ExtractOptions) error {
			opts = o
			got(cmdtest.Run{Flags: o.BatchFlags, Args: o.Args, IO: o.IO, Extractor: o.Extractor, Version: o.Version})
			return nil
		})
	}, true, "-k", "weakness,metric", "--explain")
	if !slices.Equal(opts.Kinds, []string{"weakness", "metric"}) || !opts.Explain {
		t.Errorf("kinds %q explain %v", opts.Kinds, opts.Explain)
	}
}

// TestExtractFlagErrors checks the usage mistakes of the new formats:
// sqlite without a file to write, --append without sqlite.
func TestExtractFlagErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "sqlite", "a.txt"}, "--format sqlite writes a database: name its file with --output"},
		{[]string{"--format", "sqlite", "-o", "-", "a.txt"}, "--format sqlite writes a database: name its file with --output"},
		{[]string{"--append", "-o", "x.tsv", "a.txt"}, "--append adds to a database: use it with --format sqlite"},
	} {
		ios, _, _, _ := iostreams.Test()
		cmd := NewCmdExtract(&cmdutil.Factory{IOStreams: ios}, func(context.Context, *ExtractOptions) error { return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		var ferr *cmdutil.FlagError
		if !errors.As(err, &ferr) || err.Error() != tt.want {
			t.Errorf("%q: %v, want the usage error %q", tt.args, err, tt.want)
		}
	}
}
