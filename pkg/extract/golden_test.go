package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/findings/findings/pkg/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden extracts the short reports written for this project (one news
// page with site chrome, one PDF-converted ILACS report with footers and a
// judgement table, one focused-visit letter) and compares the JSON with the
// golden files. Run `go test ./pkg/extract -update` after a deliberate
// change and read the diff.
func TestGolden(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"news-chrome", "ilacs-2023-full", "focused-visit-letter"} {
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reports", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := x.Extract(context.Background(), report.Document{Source: name + ".txt", Text: string(text)})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(rep, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file (-want +got):\n%s", name, cmp.Diff(string(want), string(got)))
			}
		})
	}
}
