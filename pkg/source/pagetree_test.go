package source

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/findings/findings/pkg/source/pdftest"
)

// A page tree that leads back on itself, or says it has more pages than it
// has, is a corrupt PDF, said at once: the library's own walk loops for
// ever on the first, and nothing can stop it.
func TestPageTreeLoops(t *testing.T) {
	lines := []string{
		"Inspection of Fenbury local authority children's services, on two lines",
		"Children in Fenbury are safe and well supported by social workers who know them.",
	}
	two := [][]pdftest.Line{
		{{Text: lines[0], Size: 11, X: 72, Y: 760}},
		{{Text: lines[1], Size: 11, X: 72, Y: 760}},
	}
	// objects: 1 catalog, 2 page tree, 3 font, 4 and 6 contents, 5 and 7
	// pages; an edit keeps the length, so that the offsets hold
	plain := pdftest.Write(pdftest.Spec{Pages: two})
	edit := func(old, new string) []byte {
		if !bytes.Contains(plain, []byte(old)) || len(old) != len(new) {
			t.Fatalf("cannot put %q for %q", new, old)
		}
		return bytes.Replace(plain, []byte(old), []byte(new), 1)
	}
	if _, err := readPDF(context.Background(), plain, Options{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		pdf  []byte
		err  string
	}{
		{"itself", edit("/Kids [5 0 R 7 0 R]", "/Kids [2 0 R 7 0 R]"), "page tree loops or is over 64 levels deep"},
		{"itself twice", edit("/Kids [5 0 R 7 0 R]", "/Kids [2 0 R 2 0 R]"), "page tree loops or is over 64 levels deep"},
		{"through a kid", edit("/Type /Page /Parent 2 0 R", "/Type/Pages /Kids [2 0 R]"), "page tree loops or is over 64 levels deep"},
		{"count too high", edit("/Count 2", "/Count 3"), "page 3 missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := readPDF(context.Background(), tt.pdf, Options{})
			if !errors.Is(err, ErrCorrupt) || !strings.HasSuffix(err.Error(), tt.err) {
				t.Errorf("err = %v, want ...%s", err, tt.err)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
