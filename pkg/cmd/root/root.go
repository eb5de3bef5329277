// Package root builds the findings command tree and runs it.
package root

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/cmd/extract"
	fetchcmd "github.com/findings/findings/pkg/cmd/fetch"
	"github.com/findings/findings/pkg/cmd/summary"
	"github.com/findings/findings/pkg/cmd/themes"
	"github.com/findings/findings/pkg/cmd/timeline"
	"github.com/findings/findings/pkg/cmdutil"
)

// NewCmdRoot returns the findings command with its subcommands.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "findings <command> [flags]",
		Short: "Read inspection reports and hand back their findings as data",
		Long: `findings reads inspection reports (Ofsted reports on councils' children's
services, and news articles about them) and extracts their strengths and
weaknesses, the numbers they state, their graded judgements, and the
authority and kind of inspection.`,
		Example: `  findings extract report.txt
  findings extract --format json report.pdf | jq '.judgements'
  findings extract --format jsonl --output reports.jsonl reports/
  findings summary reports/
  findings fetch -o reports --follow https://reports.ofsted.gov.uk/provider/44/80449
  cat report.txt | findings extract --kind weakness`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       f.Version,
	}
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.SetVersionTemplate("findings {{.Version}}\n")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cmdutil.FlagError{Err: err}
	})
	cmd.AddCommand(extract.NewCmdExtract(f, nil))
	cmd.AddCommand(summary.NewCmdSummary(f, nil))
	cmd.AddCommand(fetchcmd.NewCmdFetch(f, nil))
	cmd.AddCommand(themes.NewCmdThemes(f, nil))
	cmd.AddCommand(timeline.NewCmdTimeline(f, nil))
	cmd.AddCommand(newCmdVersion(f))
	return cmd
}

func newCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintf(f.IOStreams.Out, "findings %s\n", f.Version)
		},
	}
}

// Main runs findings with the process's arguments and returns its exit code.
func Main(ctx context.Context, version string, args []string) int {
	f := cmdutil.NewFactory(version)
	cmd := NewCmdRoot(f)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(ctx)
	return exitCode(f, cmd, err)
}

// exitCode reports err as the user should see it and picks the exit code.
func exitCode(f *cmdutil.Factory, cmd *cobra.Command, err error) int {
	stderr := f.IOStreams.ErrOut
	var flagErr *cmdutil.FlagError
	switch {
	case err == nil:
		return cmdutil.ExitOK
	case errors.Is(err, cmdutil.ErrInterrupted) || errors.Is(err, context.Canceled):
		return cmdutil.ExitInterrupt
	case errors.Is(err, cmdutil.ErrSilent):
		return cmdutil.ExitError
	case errors.As(err, &flagErr) || isUsageError(err):
		fmt.Fprintf(stderr, "findings: %s\n", err)
		fmt.Fprintf(stderr, "Run 'findings --help' for usage.\n")
		return cmdutil.ExitUsage
	}
	fmt.Fprintf(stderr, "findings: %s\n", err)
	return cmdutil.ExitError
}

// isUsageError recognises Cobra's own argument errors ("unknown command").
func isUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "invalid argument"} {
		if len(msg) >= len(p) && (msg[:len(p)] == p) {
			return true
		}
	}
	return false
}
