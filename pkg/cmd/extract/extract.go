// Package extract is the `findings extract` command.
package extract

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/batch"
	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/format"
	"github.com/findings/findings/pkg/iostreams"
)

// ExtractOptions are the command's dependencies, then its flag values.
type ExtractOptions struct {
	IO        *iostreams.IOStreams
	Extractor func() (*extract.Extractor, error)
	Version   string

	cmdutil.BatchFlags
	Args    []string
	Kinds   []string
	Explain bool
	Holdout []string
	Model   string
	Append  bool
}

// NewCmdExtract builds the command; runF replaces the run in tests.
func NewCmdExtract(f *cmdutil.Factory, runF func(context.Context, *ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{IO: f.IOStreams, Extractor: f.Extractor, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "extract [FILE|FOLDER|PATTERN|URL...]",
		Short: "Extract strengths, weaknesses, metrics and judgements from reports",
		Long: `Extract reads each report and prints its findings: the authority and kind
of inspection, the graded judgements, the numbers it states (metrics), and
each evaluative sentence tagged strength, weakness or mixed.

Arguments are files, folders (read recursively), patterns such as
'reports/*.pdf', and http or https URLs. Content decides how a file or
download is read: PDF, web page (HTML) or text; never its name or the
server's Content-Type. In folders and patterns, hidden files, files that
are not text, PDF or HTML, data or code (.json, .csv, .py and the like),
READMEs and licences are skipped; -v lists them. With no argument, or
with "-", it reads standard input.

URLs are downloaded within limits (--fetch-timeout, --max-size, 10
redirects, retries of 429 and 5xx) and cached (--cache-dir, --no-cache);
see 'findings fetch --help'.

Reports are read in parallel (--jobs) and written in the order of the
arguments. A file that cannot be read is reported on standard error and
the run goes on; the exit status is then 1.

On a terminal the output is a table; piped, it is tab-separated, one item
per line: source, kind, detail, start, end, text, page (the page is
empty for a document without pages).

--format html writes the report as one self-contained web page, its
sentences marked by kind; for several reports, a page each and an index
into the folder --output names. --format sqlite writes one SQLite
database (--output FILE) with tables reports, findings, finding_themes,
metrics and judgements; --append adds to it.`,
		Example: `  findings extract report.txt
  findings extract --format json report.pdf
  findings extract --format jsonl --output reports.jsonl reports/
  findings extract --kind weakness --explain report.txt
  findings extract https://files.ofsted.gov.uk/v1/file/50252240
  cat report.txt | findings extract --format jsonl
  findings extract --format html -o report.html report.pdf
  findings extract --format html -o pages/ reports/
  findings extract --format sqlite -o findings.db reports/
  findings extract --format sqlite --append -o findings.db new-report.pdf`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Args, err = opts.Complete(cmd, opts.IO, args); err != nil {
				return err
			}
			switch {
			case opts.Format == "sqlite" && (opts.Output == "" || opts.Output == "-"):
				return cmdutil.FlagErrorf("--format sqlite writes a database: name its file with --output")
			case opts.Append && opts.Format != "sqlite":
				return cmdutil.FlagErrorf("--append adds to a database: use it with --format sqlite")
			}
			if len(opts.Holdout) > 0 || opts.Model != "" {
				opts.Extractor = func() (*extract.Extractor, error) { return evalExtractor(opts.Holdout, opts.Model) }
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return extractRun(cmd.Context(), opts)
		},
	}
	cmdutil.AddBatchFlags(cmd, &opts.BatchFlags, format.ExtractNames)
	cmd.Flags().BoolVar(&opts.Append, "append", false, "with --format sqlite, add the reports to the database --output names (a report read again replaces its rows)")
	cmd.Flags().StringSliceVarP(&opts.Kinds, "kind", "k", nil, "keep only these `kinds`: strength, weakness, mixed, metric, judgement")
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "show the rule and cue words behind each finding")
	cmd.Flags().StringSliceVar(&opts.Holdout, "holdout", nil, "leave out the lexicon entries these dev documents called for (evaluation)")
	cmd.Flags().StringVar(&opts.Model, "model", "", "weigh sentences with the model in `FILE` (\"none\": the rules alone) instead of the built-in one (evaluation)")
	_ = cmd.Flags().MarkHidden("holdout")
	_ = cmd.Flags().MarkHidden("model")
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(format.KindNames, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func extractRun(ctx context.Context, opts *ExtractOptions) error {
	// the formats that write --output themselves: a database, a folder
	var own func(docs int) bool
	switch opts.Format {
	case "sqlite":
		own = func(int) bool { return true }
	case "html":
		own = func(docs int) bool { return pagesFolder(opts.Output, docs) }
	}
	rd := opts.Reading(opts.IO, opts.Extractor, opts.Version, opts.Args)
	return batch.Reports(ctx, rd, cmdutil.WriterSink(opts.IO.Out, opts.Output, own, func(out io.Writer, docs int) (format.Writer, error) {
		fopts := format.Options{
			Format: opts.Format, Kinds: opts.Kinds, Explain: opts.Explain,
			Color: opts.IO.ColorEnabled() && opts.Output == "", Width: opts.IO.TerminalWidth(), Documents: docs,
		}
		switch {
		case opts.Format == "sqlite":
			return format.NewSQLite(opts.Output, fopts, opts.Append)
		case opts.Format == "html" && out == nil:
			if opts.Output == "" || opts.Output == "-" {
				return nil, cmdutil.FlagErrorf("--format html of %d reports writes a page each: name a folder with --output", docs)
			}
			return format.NewPages(opts.Output, fopts)
		}
		return format.New(out, fopts)
	}))
}

// pagesFolder says whether html goes into a folder, a page per report and
// an index: for several reports, or when --output names a folder.
func pagesFolder(output string, docs int) bool {
	if docs > 1 || strings.HasSuffix(output, "/") {
		return true
	}
	st, err := os.Stat(output)
	return err == nil && st.IsDir()
}

// evalExtractor builds the extractor that leave-one-document-out evaluation
// needs: without the lexicon entries some documents called for, and with a
// model trained without them (or none).
func evalExtractor(holdout []string, modelPath string) (*extract.Extractor, error) {
	opts := []extract.Option{extract.WithoutOrigins(holdout...)}
	switch modelPath {
	case "":
	case "none":
		opts = append(opts, extract.WithModel(nil))
	default:
		f, err := os.Open(modelPath)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		m, err := extract.ReadModel(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", modelPath, err)
		}
		opts = append(opts, extract.WithModel(m))
	}
	return extract.New(opts...)
}
