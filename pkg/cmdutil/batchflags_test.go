package cmdutil

import (
	"io"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/iostreams"
)

func TestBatchFlags(t *testing.T) {
	defaultWeb := WebOptions{Timeout: 30 * time.Second, MaxSize: 50 << 20}
	tests := []struct {
		name     string
		formats  []string
		args     []string
		tty      bool
		want     BatchFlags
		wantArgs []string
		wantErr  string
	}{
		{name: "defaults piped", args: []string{"reports"},
			want: BatchFlags{Format: "tsv", Jobs: runtime.NumCPU(), Timeout: DefaultTimeout, Web: defaultWeb}, wantArgs: []string{"reports"}},
		{name: "defaults on a terminal", args: []string{"reports"}, tty: true,
			want: BatchFlags{Format: "table", Jobs: runtime.NumCPU(), Timeout: DefaultTimeout, Web: defaultWeb}, wantArgs: []string{"reports"}},
		{name: "to a file from a terminal", args: []string{"-o", "out.tsv", "reports"}, tty: true,
			want: BatchFlags{Format: "tsv", Output: "out.tsv", Jobs: runtime.NumCPU(), Timeout: DefaultTimeout, Web: defaultWeb}, wantArgs: []string{"reports"}},
		{name: "stdin when piped", args: nil,
			want: BatchFlags{Format: "tsv", Jobs: runtime.NumCPU(), Timeout: DefaultTimeout, Web: defaultWeb}, wantArgs: []string{"-"}},
		{name: "set", args: []string{"-j", "3", "--timeout-per-file", "1m30s", "-q", "-f", "csv", "-o", "s.csv",
			"--fetch-timeout", "5s", "--max-size", "2MB", "--cache-dir", "c", "--no-cache", "a", "b/", "c/*.txt"},
			want: BatchFlags{Format: "csv", Output: "s.csv", Jobs: 3, Timeout: 90 * time.Second, Quiet: true,
				Web: WebOptions{Timeout: 5 * time.Second, MaxSize: 2 << 20, CacheDir: "c", NoCache: true}},
			wantArgs: []string{"a", "b/", "c/*.txt"}},
		{name: "html to a file", formats: []string{"table", "html"}, args: []string{"-f", "html", "-o", "p.html", "a"}, tty: true,
			want: BatchFlags{Format: "html", Output: "p.html", Jobs: runtime.NumCPU(), Timeout: DefaultTimeout, Web: defaultWeb}, wantArgs: []string{"a"}},
		{name: "html piped", formats: []string{"table", "html"}, args: []string{"-f", "html", "a"},
			want: BatchFlags{Format: "html", Jobs: runtime.NumCPU(), Timeout: DefaultTimeout, Web: defaultWeb}, wantArgs: []string{"a"}},
		{name: "html to a terminal", formats: []string{"table", "html"}, args: []string{"-f", "html", "a"}, tty: true,
			wantErr: "--format html writes a web page: name its file with --output"},
		{name: "no input on a terminal", args: nil, tty: true, wantErr: "no input: name report files or folders, or pipe one in"},
		{name: "no jobs", args: []string{"-j", "0", "a"}, wantErr: "--jobs must be at least 1"},
		{name: "negative jobs", args: []string{"-j", "-1", "a"}, wantErr: "--jobs must be at least 1"},
		{name: "no time", args: []string{"--timeout-per-file", "0s", "a"}, wantErr: "--timeout-per-file must be more than 0"},
		{name: "no fetch time", args: []string{"--fetch-timeout", "0s", "a"}, wantErr: "--fetch-timeout must be more than 0"},
		{name: "no size", args: []string{"--max-size", "0", "a"}, wantErr: "--max-size must be more than 0"},
		{name: "bad size", args: []string{"--max-size", "lots", "a"}, wantErr: `invalid argument "lots" for "--max-size" flag: "lots" is not a size such as 500KB or 50MB`},
		{name: "quiet and verbose", args: []string{"-q", "-v", "a"}, wantErr: "if any flags in the group [quiet verbose] are set none of the others can be; [quiet verbose] were all set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetTTY(tt.tty, tt.tty, tt.tty)
			formats := tt.formats
			if formats == nil {
				formats = []string{"table", "tsv", "csv"}
			}
			var b BatchFlags
			var gotArgs []string
			cmd := &cobra.Command{Use: "x", RunE: func(cmd *cobra.Command, args []string) (err error) {
				gotArgs, err = b.Complete(cmd, ios, args)
				return err
			}}
			AddBatchFlags(cmd, &b, formats)
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
			if tt.want.Web.CacheDir == "" {
				tt.want.Web.CacheDir = b.Web.CacheDir // the user's cache folder, whatever it is here
			}
			b.formats = nil
			if !reflect.DeepEqual(b, tt.want) {
				t.Errorf("flags %+v, want %+v", b, tt.want)
			}
			if !slices.Equal(gotArgs, tt.wantArgs) {
				t.Errorf("args %q, want %q", gotArgs, tt.wantArgs)
			}
		})
	}
}

func TestBatchFlagsReading(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	b := BatchFlags{Output: "o", Jobs: 2, Timeout: time.Second, Verbose: true, Web: WebOptions{Timeout: time.Second, MaxSize: 1 << 20}}
	rd := b.Reading(ios, nil, "1.2.3", []string{"a"})
	if rd.IO != ios || rd.Jobs != 2 || rd.Timeout != time.Second || !rd.Verbose || rd.Quiet ||
		rd.Source.MaxBytes != 1<<20 || rd.Source.Stdin != ios.In || rd.Source.Fetch == nil || rd.CacheErr == nil ||
		!slices.Equal(rd.Args, []string{"a"}) {
		t.Errorf("reading %+v", rd)
	}
}
