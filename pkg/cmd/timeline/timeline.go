// Package timeline is the `findings timeline` command.
package timeline

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/batch"
	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/format"
	"github.com/findings/findings/pkg/iostreams"
	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/theme"
	tl "github.com/findings/findings/pkg/timeline"
)

// TimelineOptions are the command's dependencies, then its flag values.
type TimelineOptions struct {
	IO        *iostreams.IOStreams
	Extractor func() (*extract.Extractor, error)
	Version   string

	cmdutil.BatchFlags
	Args []string
}

// NewCmdTimeline builds the command; runF replaces the run in tests.
func NewCmdTimeline(f *cmdutil.Factory, runF func(context.Context, *TimelineOptions) error) *cobra.Command {
	opts := &TimelineOptions{IO: f.IOStreams, Extractor: f.Extractor, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "timeline [FILE|FOLDER|PATTERN|URL...]",
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
			var err error
			if opts.Args, err = opts.Complete(cmd, opts.IO, args); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return timelineRun(cmd.Context(), opts)
		},
	}
	cmdutil.AddBatchFlags(cmd, &opts.BatchFlags, format.AcrossNames)
	return cmd
}

// timelineRun follows each authority across the reports read (keeping a
// small digest of each report, never the report; and the themes too for
// the web page, which shows both), then writes the timelines.
func timelineRun(ctx context.Context, opts *TimelineOptions) error {
	a := format.Across{Timeline: tl.New()}
	if format.NeedsBoth(opts.Format) {
		a.Themes = theme.NewTally()
	}
	add := func(r *report.Report) {
		a.Reports++
		a.Timeline.Add(r)
		if a.Themes != nil {
			a.Themes.Add(r)
		}
	}
	write := func(out io.Writer) error {
		return format.WriteTimeline(out, a, format.Options{Format: opts.Format, Width: opts.IO.TerminalWidth()})
	}
	check := func() error { return format.CheckAcross(opts.Format) }
	rd := opts.Reading(opts.IO, opts.Extractor, opts.Version, opts.Args)
	return batch.Reports(ctx, rd, cmdutil.TallySink(opts.IO.Out, opts.Output, check, add, write))
}
