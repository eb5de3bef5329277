package summary

import (
	"context"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/iostreams"
)

func TestNewCmdSummary(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		tty     bool
		want    SummaryOptions
		wantErr string
	}{
		{name: "defaults piped", args: []string{"reports"},
			want: SummaryOptions{Args: []string{"reports"}, Format: "tsv", Jobs: runtime.NumCPU(), Timeout: cmdutil.DefaultTimeout}},
		{name: "defaults on a terminal", args: []string{"reports"}, tty: true,
			want: SummaryOptions{Args: []string{"reports"}, Format: "table", Jobs: runtime.NumCPU(), Timeout: cmdutil.DefaultTimeout}},
		{name: "flags", args: []string{"-j", "3", "--timeout-per-file", "5s", "-q", "-f", "csv", "-o", "s.csv", "a", "b"},
			want: SummaryOptions{Args: []string{"a", "b"}, Format: "csv", Output: "s.csv", Jobs: 3, Timeout: 5 * time.Second, Quiet: true}},
		{name: "stdin when piped", args: nil,
			want: SummaryOptions{Args: []string{"-"}, Format: "tsv", Jobs: runtime.NumCPU(), Timeout: cmdutil.DefaultTimeout}},
		{name: "no jobs", args: []string{"-j", "0", "a"}, wantErr: "--jobs must be at least 1"},
		{name: "no time", args: []string{"--timeout-per-file", "0s", "a"}, wantErr: "--timeout-per-file must be more than 0"},
		{name: "quiet and verbose", args: []string{"-q", "-v", "a"}, wantErr: "if any flags in the group [quiet verbose] are set none of the others can be; [quiet verbose] were all set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetTTY(false, tt.tty, tt.tty)
			var got *SummaryOptions
			cmd := NewCmdSummary(&cmdutil.Factory{IOStreams: ios}, func(_ context.Context, o *SummaryOptions) error {
				got = o
				return nil
			})
			cmd.SetArgs(tt.args)
			cmd.SetOut(io.Discard)
			cmd.SetErr(io.Discard)
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO, got.Extractor = nil, nil
			if got.Format != tt.want.Format || got.Output != tt.want.Output || got.Jobs != tt.want.Jobs ||
				got.Timeout != tt.want.Timeout || got.Quiet != tt.want.Quiet || len(got.Args) != len(tt.want.Args) {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
			for i := range got.Args {
				if got.Args[i] != tt.want.Args[i] {
					t.Errorf("args %q, want %q", got.Args, tt.want.Args)
				}
			}
		})
	}
}

func TestNewCmdSummaryWebFlags(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *SummaryOptions
	cmd := NewCmdSummary(&cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}, func(_ context.Context, o *SummaryOptions) error {
		got = o
		return nil
	})
	cmd.SetArgs([]string{"--fetch-timeout", "5s", "--max-size", "512KB", "--no-cache", "https://example.org/r.pdf"})
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Web.Timeout != 5*time.Second || got.Web.MaxSize != 512<<10 || !got.Web.NoCache || got.Version != "1.2.3" {
		t.Errorf("web %+v version %q", got.Web, got.Version)
	}
}
