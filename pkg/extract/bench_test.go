package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/findings/findings/pkg/source"
)

// benchDocs are the texts the benchmarks read: the project's own reports,
// and a slice of ../shared/corpus/bulk when it is there.
func benchDocs(b *testing.B) []source.Document {
	b.Helper()
	var paths []string
	own, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	paths = append(paths, own...)
	bulk, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "bulk", "*.txt"))
	if len(bulk) > 40 {
		bulk = bulk[:40]
	}
	paths = append(paths, bulk...)
	var docs []source.Document
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, source.Document{Source: p, Kind: source.Text, Text: string(t)})
	}
	return docs
}

func BenchmarkExtract(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	docs := benchDocs(b)
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		for _, d := range docs {
			if _, err := x.Extract(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
