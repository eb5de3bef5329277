package cmdutil

import (
	"time"

	"github.com/findings/findings/pkg/iostreams"
)

// AcrossFlags checks the flags that the commands reading across reports
// (themes, timeline) share, and picks the format when none was given: a
// table on a terminal, else tsv. A web page is not for a terminal.
func AcrossFlags(ios *iostreams.IOStreams, formatSet bool, format *string, output string, jobs int, timeout time.Duration) error {
	if !formatSet {
		*format = "tsv"
		if ios.IsStdoutTTY() && output == "" {
			*format = "table"
		}
	}
	if jobs < 1 {
		return FlagErrorf("--jobs must be at least 1")
	}
	if timeout <= 0 {
		return FlagErrorf("--timeout-per-file must be more than 0")
	}
	if *format == "html" && (output == "" || output == "-") && ios.IsStdoutTTY() {
		return FlagErrorf("--format html writes a web page: name its file with --output")
	}
	return nil
}
