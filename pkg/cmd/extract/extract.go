// Package extract is the `findings extract` command.
package extract

import (
	"context"
	"errors"
	"fmt"
	"os/exec"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/format"
	"github.com/findings/findings/pkg/iostreams"
	"github.com/findings/findings/pkg/source"
)

// ExtractOptions are the command's dependencies, then its flag values.
type ExtractOptions struct {
	IO        *iostreams.IOStreams
	Extractor func() (*extract.Extractor, error)

	Args    []string
	Format  string
	Kinds   []string
	Explain bool
	Output  string
	Holdout []string
}

// NewCmdExtract builds the command; runF replaces the run in tests.
func NewCmdExtract(f *cmdutil.Factory, runF func(context.Context, *ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{IO: f.IOStreams, Extractor: f.Extractor}
	cmd := &cobra.Command{
		Use:   "extract [FILE...]",
		Short: "Extract strengths, weaknesses, metrics and judgements from reports",
		Long: `Extract reads each report and prints its findings: the authority and kind
of inspection, the graded judgements, the numbers it states (metrics), and
each evaluative sentence tagged strength, weakness or mixed.

With no FILE, or with "-", it reads standard input. On a terminal the
output is a table; piped, it is tab-separated, one item per line:
source, kind, detail, start, end, text.`,
		Example: `  findings extract report.txt
  findings extract --format json report.txt
  findings extract --kind weakness --explain report.txt
  cat report.txt | findings extract --format jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			if !cmd.Flags().Changed("format") {
				opts.Format = "tsv"
				if opts.IO.IsStdoutTTY() && opts.Output == "" {
					opts.Format = "table"
				}
			}
			if len(opts.Args) == 0 {
				if opts.IO.IsStdinTTY() {
					return cmdutil.FlagErrorf("no input: name a report file, or pipe one in")
				}
				opts.Args = []string{"-"}
			}
			if len(opts.Holdout) > 0 {
				opts.Extractor = func() (*extract.Extractor, error) { return extract.New(extract.WithoutOrigins(opts.Holdout...)) }
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return extractRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "output `format`: table, tsv, csv, json, jsonl or markdown (default table on a terminal, else tsv)")
	cmd.Flags().StringSliceVarP(&opts.Kinds, "kind", "k", nil, "keep only these `kinds`: strength, weakness, mixed, metric, judgement")
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "show the rule and cue words behind each finding")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	cmd.Flags().StringSliceVar(&opts.Holdout, "holdout", nil, "leave out the lexicon entries these dev documents called for (evaluation)")
	_ = cmd.Flags().MarkHidden("holdout")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(format.Names, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(format.KindNames, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func extractRun(ctx context.Context, opts *ExtractOptions) error {
	x, err := opts.Extractor()
	if err != nil {
		return err
	}
	srcOpts := source.Options{Stdin: opts.IO.In}
	if p, err := exec.LookPath("pdftotext"); err == nil {
		srcOpts.Pdftotext = p
	}
	inputs, skipped := source.Expand(opts.Args, srcOpts)
	for _, s := range skipped {
		fmt.Fprintf(opts.IO.ErrOut, "findings: skipped %s: %s\n", s.Path, s.Reason)
	}
	out, commit, err := cmdutil.OpenOutput(opts.IO.Out, opts.Output)
	if err != nil {
		return err
	}
	w, err := format.New(out, format.Options{
		Format: opts.Format, Kinds: opts.Kinds, Explain: opts.Explain,
		Color: opts.IO.ColorEnabled() && opts.Output == "", Width: opts.IO.TerminalWidth(), Documents: len(inputs),
	})
	if err != nil {
		commit(err)
		return &cmdutil.FlagError{Err: err}
	}
	failed := 0
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			commit(err)
			return cmdutil.ErrInterrupted
		}
		if err := one(ctx, x, in, srcOpts, w); err != nil {
			var werr *writeError
			if errors.As(err, &werr) {
				commit(err)
				return werr.err
			}
			failed++
			fmt.Fprintf(opts.IO.ErrOut, "findings: %s\n", err)
		}
	}
	if err := w.Close(); err != nil {
		commit(err)
		return err
	}
	if err := commit(nil); err != nil {
		return err
	}
	if failed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// writeError is a failure to write output: it stops the run, unlike a bad
// document.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }

func one(ctx context.Context, x *extract.Extractor, in source.Input, srcOpts source.Options, w format.Writer) error {
	doc, err := in.Load(ctx, srcOpts)
	if err != nil {
		return err
	}
	rep, err := x.Extract(ctx, doc)
	if err != nil {
		return &source.Error{Source: in.Name, Err: err}
	}
	if err := w.Write(rep); err != nil {
		return &writeError{err: err}
	}
	return nil
}

