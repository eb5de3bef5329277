package nlp

import (
	"math"
	"slices"
	"testing"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// TestModelWordsAsDecoded checks that the model's words read in place
// (u32s, f32s) are the ones a copy decodes, at every offset of the model's
// bytes modulo 4, and that a truncated read is an error.
func TestModelWordsAsDecoded(t *testing.T) {
	b := aptagmodel.English[:4096]
	for off := range 4 {
		n := (len(b) - off) / 4
		r := &modelReader{b: b[off:]}
		want := decodeU32s(b[off : off+4*n])
		if got := r.u32s(n); !slices.Equal(got, want) {
			t.Fatalf("u32s at offset %d differs from the decoded words", off)
		}
		r = &modelReader{b: b[off:]}
		fs := r.f32s(n)
		for i, w := range want {
			if math.Float32bits(fs[i]) != w {
				t.Fatalf("f32s at offset %d, word %d: %v, want the bits %#x", off, i, fs[i], w)
			}
		}
		if r.u32s(1); r.err == nil {
			t.Fatalf("reading past the end at offset %d: no error", off)
		}
	}
}
