// Package timeline is the `findings timeline` command.
package timeline

import (
	"context"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/format"
	"github.com/findings/findings/pkg/iostreams"
)

// TimelineOptions are the command's dependencies, then its flag values.
type TimelineOptions struct {
	IO        *iostreams.IOStreams
	Extractor func() (*extract.Extractor, error)

	Args    []string
	Format  string
	Output  string
	Jobs    int
	Timeout time.Duration
	Quiet   bool
	Verbose bool
}

// NewCmdTimeline builds the command; runF replaces the run in tests.
func NewCmdTimeline(f *cmdutil.Factory, runF func(context.Context, *TimelineOptions) error) *cobra.Command {
	opts := &TimelineOptions{IO: f.IOStreams, Extractor: f.Extractor}
	cmd := &cobra.Command{
		Use:   "timeline [FILE|FOLDER|PATTERN...]",
		Short: "Follow each authority across its reports: grades over time and recurring numbers",
		Long: `Timeline reads reports as extract does, groups them by authority
("Birmingham City Council" and "Birmingham" are one) and orders each
authority's reports by date: the report's own, else one in its file name,
else the latest year its text mentions.

Each row is an authority: how many reports name it, its grades in order
("inadequate 2016 → requires improvement 2019 → good 2023"), whether the
latest grade is better or worse than the one before, and the numbers that
more than one of its reports state (caseloads, agency staff, timeliness,
children in care...), side by side. The grade of an inspection is its
overall effectiveness; from April 2026, when reports give none, it is the
leaders' grade ("leaders good 2026"). Visits (focused, monitoring) are not
graded. When a later report says what an earlier inspection was judged and
that inspection's report was not read, the grade is shown "from a later
report".

On a terminal the output is a table; piped, it is tab-separated with the
columns authority, reports, grades, change, measures. --format json gives
each authority's inspections in full. --format html writes a page with a
chart of each authority's grades over time and one of the themes'
strengths against their weaknesses (as themes), and the tables under them.`,
		Example: `  findings timeline reports/
  findings timeline --format json reports/ | jq '.[] | select(.change == "declined") | .authority'
  findings timeline --format html -o timeline.html reports/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			if err := cmdutil.AcrossFlags(opts.IO, cmd.Flags().Changed("format"), &opts.Format, opts.Output, opts.Jobs, opts.Timeout); err != nil {
				return err
			}
			if len(opts.Args) == 0 {
				if opts.IO.IsStdinTTY() {
					return cmdutil.FlagErrorf("no input: name report files or folders, or pipe one in")
				}
				opts.Args = []string{"-"}
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return timelineRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "output `format`: "+strings.Join(format.AcrossNames, ", ")+" (default table on a terminal, else tsv)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	cmd.Flags().IntVarP(&opts.Jobs, "jobs", "j", runtime.NumCPU(), "read `N` documents at a time")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout-per-file", cmdutil.DefaultTimeout, "give up on a document after `DURATION`")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress bar, notes or closing count on standard error (failures still show)")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "list each skipped file and each PDF read with pdftotext")
	cmd.MarkFlagsMutuallyExclusive("quiet", "verbose")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(slices.Clone(format.AcrossNames), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func timelineRun(ctx context.Context, opts *TimelineOptions) error {
	b := &cmdutil.BatchOptions{
		IO: opts.IO, Extractor: opts.Extractor,
		Args: opts.Args, Output: opts.Output, Jobs: opts.Jobs, Timeout: opts.Timeout, Quiet: opts.Quiet, Verbose: opts.Verbose,
	}
	return cmdutil.RunBatch(ctx, b, func(out io.Writer, docs int) (format.Writer, error) {
		return format.NewTimeline(out, format.Options{Format: opts.Format, Width: opts.IO.TerminalWidth(), Documents: docs})
	})
}
