package extract

import (
	"context"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/iostreams"
)

func TestNewCmdExtractBatchFlags(t *testing.T) {
	tests := []struct {
		name        string
		args        []string
		wantJobs    int
		wantTimeout time.Duration
		wantArgs    int
		wantErr     string
	}{
		{name: "defaults", args: []string{"reports/"}, wantJobs: runtime.NumCPU(), wantTimeout: cmdutil.DefaultTimeout, wantArgs: 1},
		{name: "set", args: []string{"--jobs", "2", "--timeout-per-file", "1m30s", "a.pdf", "b/", "c/*.txt"}, wantJobs: 2, wantTimeout: 90 * time.Second, wantArgs: 3},
		{name: "negative jobs", args: []string{"-j", "-1", "a"}, wantErr: "--jobs must be at least 1"},
		{name: "zero timeout", args: []string{"--timeout-per-file", "0", "a"}, wantErr: "--timeout-per-file must be more than 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *ExtractOptions
			cmd := NewCmdExtract(&cmdutil.Factory{IOStreams: ios}, func(_ context.Context, o *ExtractOptions) error {
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
			if got.Jobs != tt.wantJobs || got.Timeout != tt.wantTimeout || len(got.Args) != tt.wantArgs {
				t.Errorf("jobs %d timeout %s args %q", got.Jobs, got.Timeout, got.Args)
			}
		})
	}
}
