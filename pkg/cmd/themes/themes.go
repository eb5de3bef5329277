// Package themes is the `findings themes` command.
package themes

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
	"github.com/findings/findings/pkg/timeline"
)

// ThemesOptions are the command's dependencies, then its flag values.
type ThemesOptions struct {
	IO        *iostreams.IOStreams
	Extractor func() (*extract.Extractor, error)
	Version   string

	cmdutil.BatchFlags
	Args []string
}

// NewCmdThemes builds the command; runF replaces the run in tests.
func NewCmdThemes(f *cmdutil.Factory, runF func(context.Context, *ThemesOptions) error) *cobra.Command {
	opts := &ThemesOptions{IO: f.IOStreams, Extractor: f.Extractor, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "themes [FILE|FOLDER|PATTERN|URL...]",
		Short: "Rank the themes of many reports' findings, with a typical strength and weakness each",
		Long: `Themes reads reports as extract does and counts their findings by theme:
workforce and caseloads, the front door, assessment and planning, child
protection, children in care, permanence, care leavers, missing children
and exploitation, disabled children, early help, the voice of the child,
quality assurance, leadership, partnerships. A finding can be about several
themes (extract shows them). Themes are ranked by how many findings they
have; each row counts strengths, weaknesses and mixed findings, the reports
that have the theme and those with a weakness about it, and shows a typical
strength and a typical weakness: whole sentences with the most of the
theme's cue words, then the shortest. A last row counts the findings with
no theme.

Counts are kept as reports are read, so a folder of any size goes through
in little memory. On a terminal the output is a table; piped, it is
tab-separated with the columns rank, theme, findings, strengths,
weaknesses, mixed, reports, reports_with_weaknesses, strength_example,
weakness_example. --format html writes a page with a chart of the themes'
strengths against their weaknesses and one of each authority's grades over
time (as timeline), and the tables under them.`,
		Example: `  findings themes reports/
  findings themes --format csv -o themes.csv reports/
  findings themes --format html -o themes.html reports/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Args, err = opts.Complete(cmd, opts.IO, args); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return themesRun(cmd.Context(), opts)
		},
	}
	cmdutil.AddBatchFlags(cmd, &opts.BatchFlags, format.AcrossNames)
	return cmd
}

// themesRun tallies the themes of every report read (and the timeline
// too for the web page, which shows both), then writes them.
func themesRun(ctx context.Context, opts *ThemesOptions) error {
	a := format.Across{Themes: theme.NewTally()}
	if format.NeedsBoth(opts.Format) {
		a.Timeline = timeline.New()
	}
	add := func(r *report.Report) {
		a.Reports++
		a.Themes.Add(r)
		if a.Timeline != nil {
			a.Timeline.Add(r)
		}
	}
	write := func(out io.Writer) error {
		return format.WriteThemes(out, a, format.Options{Format: opts.Format, Width: opts.IO.TerminalWidth()})
	}
	check := func() error { return format.CheckAcross(opts.Format) }
	rd := opts.Reading(opts.IO, opts.Extractor, opts.Version, opts.Args)
	return batch.Reports(ctx, rd, cmdutil.TallySink(opts.IO.Out, opts.Output, check, add, write))
}
