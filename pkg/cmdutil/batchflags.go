package cmdutil

import (
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/iostreams"
)

// BatchFlags are the flags of the commands that read many documents
// (extract, summary, themes, timeline): one definition, so that they mean
// the same everywhere.
type BatchFlags struct {
	Format  string
	Output  string
	Jobs    int
	Timeout time.Duration
	Quiet   bool
	Verbose bool
	Web     WebOptions

	formats []string
}

// AddBatchFlags binds b to cmd's --format (one of formats), --output,
// --jobs, --timeout-per-file, --quiet, --verbose and the web flags
// (--fetch-timeout, --max-size, --cache-dir, --no-cache).
func AddBatchFlags(cmd *cobra.Command, b *BatchFlags, formats []string) {
	b.formats = slices.Clone(formats)
	fs := cmd.Flags()
	fs.StringVarP(&b.Format, "format", "f", "", "output `format`: "+strings.Join(formats, ", ")+" (default table on a terminal, else tsv)")
	fs.StringVarP(&b.Output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	fs.IntVarP(&b.Jobs, "jobs", "j", runtime.NumCPU(), "read `N` documents at a time")
	fs.DurationVar(&b.Timeout, "timeout-per-file", DefaultTimeout, "give up on a document after `DURATION`")
	fs.BoolVarP(&b.Quiet, "quiet", "q", false, "no progress bar, notes or closing count on standard error (failures still show)")
	fs.BoolVarP(&b.Verbose, "verbose", "v", false, "list each skipped file and each PDF read with pdftotext")
	cmd.MarkFlagsMutuallyExclusive("quiet", "verbose")
	AddWebFlags(fs, &b.Web, "fetch-timeout")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(b.formats, cobra.ShellCompDirectiveNoFileComp))
}

// Complete checks the flags once cmd has parsed them, picks the format
// when none was given (a table on a terminal unless --output is set, else
// tsv) and returns the arguments to read: standard input ("-") when none
// is named and it is piped.
func (b *BatchFlags) Complete(cmd *cobra.Command, ios *iostreams.IOStreams, args []string) ([]string, error) {
	if !cmd.Flags().Changed("format") {
		b.Format = "tsv"
		if ios.IsStdoutTTY() && b.Output == "" {
			b.Format = "table"
		}
	}
	if b.Jobs < 1 {
		return nil, FlagErrorf("--jobs must be at least 1")
	}
	if b.Timeout <= 0 {
		return nil, FlagErrorf("--timeout-per-file must be more than 0")
	}
	if err := b.Web.Validate("fetch-timeout"); err != nil {
		return nil, err
	}
	if b.Format == "html" && slices.Contains(b.formats, "html") && (b.Output == "" || b.Output == "-") && ios.IsStdoutTTY() {
		return nil, FlagErrorf("--format html writes a web page: name its file with --output")
	}
	if len(args) > 0 {
		return args, nil
	}
	if ios.IsStdinTTY() {
		return nil, FlagErrorf("no input: name report files or folders, or pipe one in")
	}
	return []string{"-"}, nil
}
