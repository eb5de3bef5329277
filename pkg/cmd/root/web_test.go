package root

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/findings/findings/pkg/fetch/fetchtest"
)

// webCmds are the testscript commands for scripts that read the web:
//
//	serve                      serve testdata/web (see fetchtest) on
//	                           loopback for the rest of the script, as $URL
//	samereport [-ignore F] A B the reports in JSON files A and B are the same
//	                           but for their "source" (and the facts F)
var webCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"serve": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 0 {
			ts.Fatalf("usage: serve")
		}
		srv := fetchtest.New(fetchtest.Dir())
		ts.Defer(srv.Close)
		ts.Setenv("URL", srv.URL)
	},
	"samereport": func(ts *testscript.TestScript, neg bool, args []string) {
		fs := flag.NewFlagSet("samereport", flag.ContinueOnError)
		var ignore stringList
		fs.Var(&ignore, "ignore", "a fact to leave out (repeatable)")
		if err := fs.Parse(args); err != nil || fs.NArg() != 2 {
			ts.Fatalf("usage: samereport [-ignore fact] a.json b.json")
		}
		a, b := readReport(ts, fs.Arg(0), ignore), readReport(ts, fs.Arg(1), ignore)
		same := reflect.DeepEqual(a, b)
		if same == neg {
			ja, _ := json.MarshalIndent(a, "", "  ")
			jb, _ := json.MarshalIndent(b, "", "  ")
			ts.Logf("%s:\n%s\n%s:\n%s", fs.Arg(0), ja, fs.Arg(1), jb)
			if neg {
				ts.Fatalf("reports are the same")
			}
			ts.Fatalf("reports differ")
		}
	},
}

// readReport reads one report written by --format json, without its
// source and the facts to ignore.
func readReport(ts *testscript.TestScript, name string, ignore []string) map[string]any {
	data, err := os.ReadFile(ts.MkAbs(name))
	ts.Check(err)
	var r map[string]any
	ts.Check(json.Unmarshal(data, &r))
	delete(r, "source")
	if facts, ok := r["report"].(map[string]any); ok {
		for _, f := range ignore {
			delete(facts, f)
		}
	}
	return r
}

type stringList []string

func (l *stringList) String() string     { return "" }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// Ctrl-C stops a download that extract is waiting on at once: exit 130.
func TestMainInterruptedDownload(t *testing.T) {
	srv := fetchtest.New(fetchtest.Dir())
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	code := Main(ctx, "test", []string{"extract", "--quiet", "--no-cache", "--format", "jsonl", "--output", filepath.Join(t.TempDir(), "out.jsonl"), srv.URL + "/slow"})
	if code != 130 {
		t.Errorf("exit code %d, want 130", code)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %s to stop", took)
	}
}
