package extract

import (
	"context"
	"slices"
	"testing"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/cmdutil/cmdtest"
)

func TestNewCmdExtractFlags(t *testing.T) {
	var opts *ExtractOptions
	cmdtest.CheckBatchFlags(t, func(f *cmdutil.Factory, got func(cmdtest.Run)) *cobra.Command {
		return NewCmdExtract(f, func(_ context.Context, o *ExtractOptions) error {
			opts = o
			got(cmdtest.Run{Flags: o.BatchFlags, Args: o.Args, IO: o.IO, Extractor: o.Extractor, Version: o.Version})
			return nil
		})
	}, false, "-k", "weakness,metric", "--explain")
	if !slices.Equal(opts.Kinds, []string{"weakness", "metric"}) || !opts.Explain {
		t.Errorf("kinds %q explain %v", opts.Kinds, opts.Explain)
	}
}
