package source

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"runtime"
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

// writePDF writes a PDF of the given objects, numbered from 1, the first
// the catalog, with a cross-reference table.
func writePDF(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// A form that draws itself 30 times over would be drawn 30 to the 8th
// times, each time adding its text, for ever and in ever more memory: the
// page is an error once it has drawn 10,000 forms.
func TestFormDrawsItself(t *testing.T) {
	stream := func(dict, content string) string {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(content), content)
	}
	page := "BT /F1 11 Tf 72 700 Td (Inspection of Fenbury local authority children's services) Tj ET\n/Fm Do\n"
	form := "BT /F1 11 Tf 72 600 Td (Children in Fenbury are safe) Tj ET\n" + strings.Repeat("/Fm Do\n", 30)
	b := writePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 6 0 R /Contents 4 0 R >>",
		stream("", page),
		stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 6 0 R", form),
		"<< /Font << /F1 7 0 R >> /XObject << /Fm 5 0 R >> >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	})
	done := make(chan error, 1)
	go func() {
		_, err := readPDF(context.Background(), b, Options{})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrCorrupt) || !strings.HasSuffix(err.Error(), "page 1 draws more than 10000 forms") {
			t.Errorf("err = %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no answer after 20s")
	}
}

// A composite font's widths given as ranges ("0 65535 500", over and
// over) asked for a width for each code of each range: 57 KB of PDF took
// two and a half minutes and 6 GB of memory. Only the 65,536 codes two
// bytes make are kept, and the widths read are counted.
func TestFontWidthsBomb(t *testing.T) {
	var w strings.Builder
	for k := range 3000 {
		fmt.Fprintf(&w, "%d %d 500 ", k*65536, k*65536+65535)
		fmt.Fprintf(&w, "0 65535 %d ", 400+k%200)
	}
	page := "BT /F1 11 Tf 72 700 Td <00410042> Tj ET\n"
	b := writePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(page), page),
		"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W [" + w.String() + "] >>",
	})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := readPDF(context.Background(), b, Options{})
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrNoText) {
		t.Errorf("err = %v, want ErrNoText (two glyphs)", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 256<<20 || took > 10*time.Second {
		t.Errorf("%d KB of PDF took %v and %d MB", len(b)>>10, took, n>>20)
	}
}

// A compressed content stream of a few hundred KB can hold a string of a
// GB, which the library reads whole: 600 MB took a minute and 2.5 GB of
// memory. A page's content is read through once first, and a page of more
// than 64 MB is an error.
func TestCompressedContentBomb(t *testing.T) {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write([]byte("BT /F1 11 Tf 72 700 Td ("))
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range 100 {
		zw.Write(chunk)
	}
	zw.Write([]byte(") Tj ET\n"))
	zw.Close()
	b := writePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := readPDF(context.Background(), b, Options{})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrCorrupt) || !strings.HasSuffix(err.Error(), "page 1 has more than 64 MB of content") {
		t.Errorf("err = %v", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
		t.Errorf("%d KB of PDF took %d MB", len(b)>>10, n>>20)
	}
}

// A page laid out in one table cell, as old sites are, with 20,000
// paragraphs: each paragraph asked whether the cell splits into
// paragraphs, which looked through all of them, and the page took some
// 45s. Each container's answer is now kept.
func TestHTMLOneCellManyParagraphs(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><head><title>Inspection of Fenbury children's services</title></head><body><table><tr><td>")
	for i := range 20000 {
		fmt.Fprintf(&b, "<p>Children in Fenbury are safe and well supported, paragraph %d.</p>", i)
	}
	b.WriteString("</td></tr></table></body></html>")
	start := time.Now()
	doc, err := readHTML([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(doc.Text, "Children in Fenbury"); n != 20000 {
		t.Errorf("%d paragraphs, want 20000", n)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}

// The PDF library quotes a file's bytes back in its messages: line breaks,
// terminal escapes and all. What findings prints of them is one line.
func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"malformed hex string 0 s tartxref\n0010%%EOF": "malformed hex string 0 s tartxref 0010%%EOF",
		"bad \x1b[31mred\x1b[0m \x00 \xff end":         "bad [31mred [0m \uFFFD end",
		strings.Repeat("x", 200):                       strings.Repeat("x", 160) + "…",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
