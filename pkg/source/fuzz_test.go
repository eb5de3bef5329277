package source

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/findings/findings/pkg/source/pdftest"
)

// readBound is how long a reader may take on one fuzz input, with
// readDeadline as its context's deadline: a reader that ignores its
// context (the PDF library does, within a page) must still come back.
const (
	readDeadline = 2 * time.Second
	readBound    = 10 * time.Second
)

// within runs read with a deadline and fails the test if it does not
// return in time.
func within(t *testing.T, read func(ctx context.Context) (Document, error)) (Document, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), readDeadline)
	defer cancel()
	type result struct {
		doc Document
		err error
	}
	ch := make(chan result, 1)
	go func() {
		doc, err := read(ctx)
		ch <- result{doc, err}
	}()
	select {
	case r := <-ch:
		return r.doc, r.err
	case <-time.After(readBound):
		t.Fatalf("no answer after %v", readBound)
	}
	panic("unreachable")
}

// checkRead holds for every reader: a document of the kind, with valid
// UTF-8 text, or an error of one line.
func checkRead(t *testing.T, kind Kind, doc Document, err error) {
	t.Helper()
	if err != nil {
		if strings.ContainsAny(err.Error(), "\n\r") {
			t.Fatalf("error of more than one line: %q", err)
		}
		return
	}
	if kind != "" && doc.Kind != kind {
		t.Fatalf("kind %s, want %s", doc.Kind, kind)
	}
	if !utf8.ValidString(doc.Text) {
		t.Fatalf("text is not valid UTF-8: %q", doc.Text)
	}
	if strings.TrimSpace(doc.Text) == "" {
		t.Fatalf("a %s document with no text", doc.Kind)
	}
}

// pdfSeeds are PDFs written by pdftest: plain, on two pages, encrypted
// with and without a user password, scanned, and cut short.
func pdfSeeds() [][]byte {
	lines := []string{
		"Inspection of Fenbury local authority children's services",
		"Children in Fenbury are safe and well supported by social workers who",
		"know them well. Caseloads are manageable, and supervision is regular.",
		"Plans for care leavers are not specific enough (45% of them).",
	}
	plain := pdftest.Write(pdftest.Spec{Pages: pdftest.Pages(lines...)})
	two := pdftest.Write(pdftest.Spec{Pages: [][]pdftest.Line{
		{{Text: lines[0], Size: 16, X: 72, Y: 760}, {Text: lines[1], Size: 11, X: 72, Y: 700}},
		{{Text: lines[2], Size: 11, X: 72, Y: 760}, {Text: "2", Size: 9, X: 300, Y: 40}},
	}})
	seeds := [][]byte{
		plain,
		two,
		pdftest.Write(pdftest.Spec{Pages: pdftest.Pages(lines...), Encrypt: true, OwnerPassword: "owner"}),
		pdftest.Write(pdftest.Spec{Pages: pdftest.Pages(lines...), Encrypt: true, UserPassword: "secret"}),
		pdftest.Write(pdftest.Spec{Raw: pdftest.Scanned}),
		pdftest.Write(pdftest.Spec{Pages: pdftest.Pages(lines...), Raw: "q 1 0 0 1 10 10 cm BT /F1 9 Tf [(Tab) -250 (le)] TJ T* (x) ' ET Q\n"}),
		append([]byte("junk before the header\n"), plain...),
		bytes.Replace(plain, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1),
		[]byte("%PDF-1.4\n%%EOF\n"),
		// a page tree that leads back to itself
		bytes.Replace(plain, []byte("/Kids [5 0 R]"), []byte("/Kids [2 0 R]"), 1),
	}
	for _, cut := range []int{len(plain) / 3, len(plain) / 2, len(plain) - 40} {
		seeds = append(seeds, plain[:cut], append(plain[:cut:cut], []byte("\n%%EOF\n")...))
	}
	return seeds
}

// FuzzReadPDF feeds the PDF reader (the built-in one, with the quality
// gate and the error classes; pdftotext is left out to keep the fuzzer
// fast): it never panics, answers within readBound, and gives a PDF
// document with valid UTF-8 text or a one-line error.
func FuzzReadPDF(f *testing.F) {
	for _, b := range pdfSeeds() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := within(t, func(ctx context.Context) (Document, error) { return readPDF(ctx, b, Options{}) })
		checkRead(t, PDF, doc, err)
	})
}

// htmlSeeds are pages written for the fuzz target.
var htmlSeeds = []string{
	`<!DOCTYPE html><html><head><title>Inspection of Fenbury children's services</title>
<meta property="article:published_time" content="2025-02-07T10:00:00+00:00"></head>
<body><nav><a href="/">Home</a></nav><main><h1>Inspection of Fenbury children's services</h1>
<p>Social workers in Fenbury know their children well and visit them often.</p>
<ul><li>Plans are <br>not reviewed.</li><li><p>Nested</p><p>paragraphs</p></li></ul>
<table><tr><th>Overall effectiveness</th><td>Good</td></tr></table>
<blockquote><p>Quoted.</p></blockquote><script>var x = "<p>no</p>";</script></main></body></html>`,
	`<html><head><title>Page not found - Inspection reports</title></head><body><h1>Page not found</h1><p>Sorry.</p></body></html>`,
	"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><p>Na\xefve \x93quotes\x94 and \x80 signs.</p></body></html>",
	"\xef\xbb\xbf<p>A paragraph after a byte-order mark.</p>",
	`<html><body></body></html>`,
	`<!-- comment --><?xml version="1.0"?><div><div><div><p>Deep <b>bold <i>italic</b> crossed</i></p></div></div></div>`,
	`<table><tr><td><table><tr><td>Inner cell</td></tr></table></td></tr></table><dl><dt>Term</dt><dd>Definition</dd></dl>`,
}

// FuzzReadHTML feeds the web-page reader: it never panics, answers within
// readBound, and gives an HTML document with valid UTF-8 text or a
// one-line error.
func FuzzReadHTML(f *testing.F) {
	for _, s := range htmlSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := within(t, func(context.Context) (Document, error) { return readHTML(b) })
		checkRead(t, HTML, doc, err)
	})
}

// FuzzDecode feeds whatever bytes to Decode, as Load hands it a file's
// content: sniffing, then the text decoder (byte-order marks, UTF-16,
// Windows-1252, NUL bytes), the HTML reader or the PDF reader. Whatever
// the bytes, the answer is a document with valid UTF-8 text or an *Error
// naming the document in one line.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"Inspection of Fenbury\r\n\r\nChildren are safe.\r\n",
		"\xef\xbb\xbfA UTF-8 byte-order mark.",
		"\xff\xfeU\x00T\x00F\x00-\x001\x006\x00 \x00L\x00E\x00",
		"\xfe\xff\x00U\x00T\x00F\x00-\x001\x006\x00 \x00B\x00E\x00\xd8",
		"Windows-1252: caf\xe9, \x93quoted\x94, \x80 5, \x81\x8d\x8f\x90\x9d.",
		"text with a NUL\x00 byte",
		"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		" \n\t\f ",
		"{\\rtf1 not read}",
	} {
		f.Add([]byte(s))
	}
	f.Add([]byte(htmlSeeds[0]))
	f.Add(pdfSeeds()[0])
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := within(t, func(ctx context.Context) (Document, error) {
			return Decode(ctx, "fuzz", b, Options{})
		})
		if err != nil {
			var serr *Error
			if !errors.As(err, &serr) || serr.Source != "fuzz" {
				t.Fatalf("error %v does not name the document", err)
			}
		} else if doc.Source != "fuzz" {
			t.Fatalf("source %q", doc.Source)
		}
		checkRead(t, "", doc, err)
	})
}
