package themes

import (
	"context"
	"io"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/iostreams"
)

func TestNewCmdThemes(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		tty     bool
		want    ThemesOptions
		wantErr string
	}{
		{name: "defaults piped", args: []string{"reports"},
			want: ThemesOptions{Args: []string{"reports"}, Format: "tsv", Jobs: runtime.NumCPU(), Timeout: cmdutil.DefaultTimeout}},
		{name: "defaults on a terminal", args: []string{"reports"}, tty: true,
			want: ThemesOptions{Args: []string{"reports"}, Format: "table", Jobs: runtime.NumCPU(), Timeout: cmdutil.DefaultTimeout}},
		{name: "to a file from a terminal", args: []string{"-o", "out.tsv", "reports"}, tty: true,
			want: ThemesOptions{Args: []string{"reports"}, Format: "tsv", Output: "out.tsv", Jobs: runtime.NumCPU(), Timeout: cmdutil.DefaultTimeout}},
		{name: "flags", args: []string{"-j", "3", "--timeout-per-file", "5s", "-q", "-f", "html", "-o", "p.html", "a", "b"}, tty: true,
			want: ThemesOptions{Args: []string{"a", "b"}, Format: "html", Output: "p.html", Jobs: 3, Timeout: 5 * time.Second, Quiet: true}},
		{name: "html piped", args: []string{"-f", "html", "a"},
			want: ThemesOptions{Args: []string{"a"}, Format: "html", Jobs: runtime.NumCPU(), Timeout: cmdutil.DefaultTimeout}},
		{name: "stdin when piped", args: nil,
			want: ThemesOptions{Args: []string{"-"}, Format: "tsv", Jobs: runtime.NumCPU(), Timeout: cmdutil.DefaultTimeout}},
		{name: "html to a terminal", args: []string{"-f", "html", "a"}, tty: true, wantErr: "--format html writes a web page: name its file with --output"},
		{name: "no input on a terminal", args: nil, tty: true, wantErr: "no input: name report files or folders, or pipe one in"},
		{name: "no jobs", args: []string{"-j", "0", "a"}, wantErr: "--jobs must be at least 1"},
		{name: "no time", args: []string{"--timeout-per-file", "0s", "a"}, wantErr: "--timeout-per-file must be more than 0"},
		{name: "quiet and verbose", args: []string{"-q", "-v", "a"}, wantErr: "if any flags in the group [quiet verbose] are set none of the others can be; [quiet verbose] were all set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetTTY(tt.tty, tt.tty, tt.tty)
			var got *ThemesOptions
			cmd := NewCmdThemes(&cmdutil.Factory{IOStreams: ios}, func(_ context.Context, o *ThemesOptions) error {
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
			if got.Format != tt.want.Format || got.Output != tt.want.Output || got.Jobs != tt.want.Jobs ||
				got.Timeout != tt.want.Timeout || got.Quiet != tt.want.Quiet || !slices.Equal(got.Args, tt.want.Args) {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}
