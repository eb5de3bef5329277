// Package summary is the `findings summary` command.
package summary

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/batch"
	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/format"
	"github.com/findings/findings/pkg/iostreams"
)

// SummaryOptions are the command's dependencies, then its flag values.
type SummaryOptions struct {
	IO        *iostreams.IOStreams
	Extractor func() (*extract.Extractor, error)
	Version   string

	cmdutil.BatchFlags
	Args []string
}

// NewCmdSummary builds the command; runF replaces the run in tests.
func NewCmdSummary(f *cmdutil.Factory, runF func(context.Context, *SummaryOptions) error) *cobra.Command {
	opts := &SummaryOptions{IO: f.IOStreams, Extractor: f.Extractor, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "summary [FILE|FOLDER|PATTERN|URL...]",
		Short: "One row per report: authority, inspection, date, grade and counts",
		Long: `Summary reads reports as extract does and prints one row for each: its
source, authority, kind of inspection, date, overall grade (or, when it
gives none, its other grades), and how many strengths, weaknesses and
metrics it states.

Arguments are files, folders (read recursively), patterns and http or
https URLs, read in parallel (--jobs) and written in the order given. On
a terminal the output is a table; piped, it is tab-separated with the
columns source, authority, inspection_type, date, grade, strengths,
weaknesses, metrics.`,
		Example: `  findings summary reports/
  findings summary --format csv --output summary.csv reports/
  findings summary --format jsonl 'reports/*.pdf' | jq 'select(.grade == "inadequate")'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Args, err = opts.Complete(cmd, opts.IO, args); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return summaryRun(cmd.Context(), opts)
		},
	}
	cmdutil.AddBatchFlags(cmd, &opts.BatchFlags, format.Names)
	return cmd
}

func summaryRun(ctx context.Context, opts *SummaryOptions) error {
	rd := opts.Reading(opts.IO, opts.Extractor, opts.Version, opts.Args)
	return batch.Reports(ctx, rd, cmdutil.WriterSink(opts.IO.Out, opts.Output, nil, func(out io.Writer, docs int) (format.Writer, error) {
		return format.NewSummary(out, format.Options{Format: opts.Format, Width: opts.IO.TerminalWidth(), Documents: docs})
	}))
}
