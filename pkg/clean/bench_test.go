package clean

import (
	"testing"

	"github.com/findings/findings/internal/benchdata"
)

// BenchmarkBlocks cleans the benchmark texts into blocks.
func BenchmarkBlocks(b *testing.B) {
	texts, n := benchdata.Texts(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			MarkOffTopic(Blocks(t), "Anytown")
		}
	}
}
