package format

import (
	"context"
	"io"
	"testing"

	"github.com/findings/findings/internal/benchdata"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/report"
)

// reports extracts the benchmark texts once, for the writers to write.
func reports(b *testing.B) ([]*report.Report, int64) {
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	texts, n := benchdata.Texts(b)
	var out []*report.Report
	for _, t := range texts {
		r, err := x.Extract(context.Background(), report.Document{Source: "bench", Text: t})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, r)
	}
	return out, n
}

// BenchmarkFormat writes the reports in each format; MB/s is of the
// documents the reports came from.
func BenchmarkFormat(b *testing.B) {
	reps, n := reports(b)
	for _, f := range []string{"json", "jsonl", "tsv", "csv", "table"} {
		b.Run(f, func(b *testing.B) {
			b.SetBytes(n)
			b.ReportAllocs()
			for b.Loop() {
				w, err := New(io.Discard, Options{Format: f, Documents: len(reps), Width: 120})
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range reps {
					if err := w.Write(r); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
