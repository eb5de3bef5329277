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

func TestNewCmdExtractWebFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    cmdutil.WebOptions
		wantErr string
	}{
		{name: "defaults", args: []string{"https://example.org/r.pdf"},
			want: cmdutil.WebOptions{Timeout: 30 * time.Second, MaxSize: 50 << 20}},
		{name: "set", args: []string{"--fetch-timeout", "5s", "--max-size", "2MB", "--cache-dir", "c", "--no-cache", "https://example.org/r.pdf"},
			want: cmdutil.WebOptions{Timeout: 5 * time.Second, MaxSize: 2 << 20, CacheDir: "c", NoCache: true}},
		{name: "zero timeout", args: []string{"--fetch-timeout", "0s", "a"}, wantErr: "--fetch-timeout must be more than 0"},
		{name: "zero size", args: []string{"--max-size", "0", "a"}, wantErr: "--max-size must be more than 0"},
		{name: "bad size", args: []string{"--max-size", "lots", "a"}, wantErr: `invalid argument "lots" for "--max-size" flag: "lots" is not a size such as 500KB or 50MB`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *ExtractOptions
			cmd := NewCmdExtract(&cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}, func(_ context.Context, o *ExtractOptions) error {
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
			if tt.want.CacheDir == "" {
				tt.want.CacheDir = got.Web.CacheDir // the user's cache folder, whatever it is here
			}
			if got.Web != tt.want || got.Version != "1.2.3" {
				t.Errorf("web %+v version %q, want %+v", got.Web, got.Version, tt.want)
			}
		})
	}
}
