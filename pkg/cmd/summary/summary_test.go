package summary

import (
	"context"
	"testing"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/cmdutil/cmdtest"
)

func TestNewCmdSummaryFlags(t *testing.T) {
	cmdtest.CheckBatchFlags(t, func(f *cmdutil.Factory, got func(cmdtest.Run)) *cobra.Command {
		return NewCmdSummary(f, func(_ context.Context, o *SummaryOptions) error {
			got(cmdtest.Run{Flags: o.BatchFlags, Args: o.Args, IO: o.IO, Extractor: o.Extractor, Version: o.Version})
			return nil
		})
	}, false)
}
