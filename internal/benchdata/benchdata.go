// Package benchdata loads the texts the benchmarks read: the reports
// written for this project (testdata/reports) and, when the shared corpus
// is beside the repository, a slice of its bulk reports, so that the
// figures speak for real report text.
package benchdata

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
)

// BulkFiles is how many bulk reports the benchmarks read (about 1.2 MB).
const BulkFiles = 40

// root is the repository root, found from this file's place.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Texts returns the benchmark texts and their total size in bytes.
func Texts(tb testing.TB) ([]string, int64) {
	tb.Helper()
	own, _ := filepath.Glob(filepath.Join(root(), "testdata", "reports", "*.txt"))
	bulk, _ := filepath.Glob(filepath.Join(root(), "..", "shared", "corpus", "bulk", "*.txt"))
	sort.Strings(bulk)
	if len(bulk) > BulkFiles {
		// every nth file, to mix eras and kinds
		step := len(bulk) / BulkFiles
		var pick []string
		for i := 0; i < len(bulk) && len(pick) < BulkFiles; i += step {
			pick = append(pick, bulk[i])
		}
		bulk = pick
	}
	var texts []string
	var n int64
	for _, p := range append(own, bulk...) {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
		n += int64(len(b))
	}
	if len(texts) == 0 {
		tb.Skip("no benchmark texts")
	}
	return texts, n
}
