// Package summary is the `findings summary` command.
package summary

import (
	"context"
	"io"
	"runtime"
	"time"

	"github.com/spf13/cobra"

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

	Args    []string
	Format  string
	Output  string
	Jobs    int
	Timeout time.Duration
	Quiet   bool
	Verbose bool
	Web     cmdutil.WebOptions
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
			opts.Args = args
			if !cmd.Flags().Changed("format") {
				opts.Format = "tsv"
				if opts.IO.IsStdoutTTY() && opts.Output == "" {
					opts.Format = "table"
				}
			}
			if opts.Jobs < 1 {
				return cmdutil.FlagErrorf("--jobs must be at least 1")
			}
			if opts.Timeout <= 0 {
				return cmdutil.FlagErrorf("--timeout-per-file must be more than 0")
			}
			if err := opts.Web.Validate("fetch-timeout"); err != nil {
				return err
			}
			if len(opts.Args) == 0 {
				if opts.IO.IsStdinTTY() {
					return cmdutil.FlagErrorf("no input: name a report file or folder, or pipe one in")
				}
				opts.Args = []string{"-"}
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return summaryRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "output `format`: table, tsv, csv, json, jsonl or markdown (default table on a terminal, else tsv)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	cmd.Flags().IntVarP(&opts.Jobs, "jobs", "j", runtime.NumCPU(), "read `N` documents at a time")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout-per-file", cmdutil.DefaultTimeout, "give up on a document after `DURATION`")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress bar, notes or closing count on standard error (failures still show)")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "list each skipped file and each PDF read with pdftotext")
	cmd.MarkFlagsMutuallyExclusive("quiet", "verbose")
	cmdutil.AddWebFlags(cmd.Flags(), &opts.Web, "fetch-timeout")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(format.Names, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func summaryRun(ctx context.Context, opts *SummaryOptions) error {
	b := &cmdutil.BatchOptions{
		IO: opts.IO, Extractor: opts.Extractor, Web: opts.Web.NewClient(opts.Version),
		Args: opts.Args, Output: opts.Output, Jobs: opts.Jobs, Timeout: opts.Timeout, MaxBytes: int64(opts.Web.MaxSize), Quiet: opts.Quiet, Verbose: opts.Verbose,
	}
	return cmdutil.RunBatch(ctx, b, func(out io.Writer, docs int) (format.Writer, error) {
		return format.NewSummary(out, format.Options{Format: opts.Format, Width: opts.IO.TerminalWidth(), Documents: docs})
	})
}
