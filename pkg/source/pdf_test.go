package source

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/source/pdftest"
)

// body is a page of a report: a heading, then two paragraphs of wrapped
// lines, the second after a numbered paragraph marker.
func body(first string) []pdftest.Line {
	return []pdftest.Line{
		{Text: first, Size: 18, X: 72, Y: 760},
		{Text: "Children in Anytown are safe and well supported by", Size: 11, X: 72, Y: 730},
		{Text: "social workers who know them well. Caseloads are", Size: 11, X: 72, Y: 716},
		{Text: "manageable, and supervision is regular.", Size: 11, X: 72, Y: 702},
		{Text: "1.", Size: 11, X: 72, Y: 670},
		{Text: "Plans for care leavers are not specific enough and", Size: 11, X: 100, Y: 670},
		{Text: "too few young people are in suitable accommodation.", Size: 11, X: 100, Y: 656},
	}
}

func TestBuiltinPDF(t *testing.T) {
	tests := []struct {
		name string
		spec pdftest.Spec
		want []string // lines of the text, in order
		err  error
	}{
		{
			name: "lines, blocks and pages",
			spec: pdftest.Spec{Pages: [][]pdftest.Line{body("Inspection of Anytown"), body("Summary for children")}},
			want: []string{
				"Inspection of Anytown",
				"Children in Anytown are safe and well supported by",
				"social workers who know them well. Caseloads are",
				"manageable, and supervision is regular.",
				"1.",
				"",
				"Plans for care leavers are not specific enough and",
				"too few young people are in suitable accommodation.",
				"",
				"\fSummary for children",
			},
		},
		{
			name: "hyphenated line end",
			spec: pdftest.Spec{Pages: [][]pdftest.Line{{
				{Text: "The council has a long-", Size: 11, X: 72, Y: 700},
				{Text: "standing shortage of foster carers and of well-", Size: 11, X: 72, Y: 686},
				{Text: "trained staff in every team of the service.", Size: 11, X: 72, Y: 672},
			}}},
			want: []string{"The council has a longstanding shortage of foster carers and of welltrained staff in every team of the service."},
		},
		{
			name: "drawn out of order",
			spec: pdftest.Spec{Pages: [][]pdftest.Line{{
				{Text: "Page 3 of the report on children's services", Size: 8, X: 72, Y: 40},
				{Text: "The first line of the page, drawn after the footer,", Size: 11, X: 72, Y: 700},
				{Text: "and the second line of the same paragraph of text.", Size: 11, X: 72, Y: 686},
			}}},
			want: []string{
				"The first line of the page, drawn after the footer,",
				"and the second line of the same paragraph of text.",
				"",
				"Page 3 of the report on children's services",
			},
		},
		{
			name: "no text layer",
			spec: pdftest.Spec{Pages: [][]pdftest.Line{{}}, Raw: "0 0 1 rg 72 72 200 300 re f\n"},
			err:  ErrNoText,
		},
		{
			name: "encrypted",
			spec: pdftest.Spec{Pages: [][]pdftest.Line{body("Inspection of Anytown")}, Encrypt: true, UserPassword: "secret"},
			err:  ErrEncrypted,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readPDF(context.Background(), pdftest.Write(tt.spec), Options{})
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Kind != PDF || doc.Via != ViaBuiltin {
				t.Errorf("kind %s via %s, want pdf via %s", doc.Kind, doc.Via, ViaBuiltin)
			}
			want := strings.Join(tt.want, "\n")
			if !strings.HasPrefix(doc.Text, want) {
				t.Errorf("text:\n%s\nwant it to start:\n%s", doc.Text, want)
			}
		})
	}
}

func TestReadPDFErrors(t *testing.T) {
	good := pdftest.Write(pdftest.Spec{Pages: [][]pdftest.Line{body("Inspection of Anytown")}})
	tests := []struct {
		name string
		b    []byte
		err  error
	}{
		{"truncated", good[:len(good)/2], ErrTruncated},
		{"no xref", []byte("%PDF-1.4\n1 0 obj\n<< /Title (" + strings.Repeat("x", 200) + ") >>\nendobj\n%%EOF\n"), ErrCorrupt},
		{"tiny", []byte("%PDF-1.4\ngarbage\n%%EOF\n"), ErrCorrupt},
		{"garbage after the header", append([]byte("%PDF-1.4\n"), append(bytes.Repeat([]byte{0xde, 0xad}, 500), "\n%%EOF\n"...)...), ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readPDF(context.Background(), tt.b, Options{})
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
		})
	}
}

// A PDF the built-in reader cannot read goes to pdftotext when there is
// one; a fake stands in for it here.
func TestReadPDFFallsBackToPdftotext(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell script")
	}
	tool := filepath.Join(t.TempDir(), "pdftotext")
	script := "#!/bin/sh\ncat >/dev/null\nprintf 'Inspection of Anytown\\n\\nChildren are safe and well supported by social workers who know them well.\\n\\f'\n"
	if err := os.WriteFile(tool, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	noText := pdftest.Write(pdftest.Spec{Pages: [][]pdftest.Line{{}}, Raw: "0 0 1 rg 72 72 200 300 re f\n"})
	good := pdftest.Write(pdftest.Spec{Pages: [][]pdftest.Line{body("Inspection of Anytown")}})

	doc, err := readPDF(context.Background(), noText, Options{Pdftotext: tool})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Via != ViaPdftotext || !strings.Contains(doc.Text, "well supported") {
		t.Errorf("via %s, text %q: want pdftotext's text", doc.Via, doc.Text)
	}
	doc, err = readPDF(context.Background(), good, Options{Pdftotext: tool})
	if err != nil || doc.Via != ViaBuiltin {
		t.Errorf("a PDF the built-in reader reads: via %q, err %v; want the built-in reader", doc.Via, err)
	}
}

func TestCheckText(t *testing.T) {
	prose := strings.Repeat("Children in care are well supported by their social workers. ", 40)
	tests := []struct {
		name string
		text string
		err  error
	}{
		{"prose", prose + "\f", nil},
		{"blank pages", "\f\f \n\f", ErrNoText},
		{"a page number per page", "1\f2\f3\f", ErrNoText},
		{"words run together", strings.Repeat("Childrenincarearewellsupportedbytheirsocialworkers ", 40), ErrGarbled},
		{"letters apart", strings.Repeat("C h i l d r e n in care ", 60), ErrGarbled},
		{"unmapped glyphs", prose + strings.Repeat("\ue000\ue001 ", 200), ErrGarbled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := checkText(tt.text); !errors.Is(err, tt.err) {
				t.Errorf("checkText = %v, want %v", err, tt.err)
			}
		})
	}
}

// The built-in reader lays out the development PDFs as pdftotext does: the
// texts in the corpus were made by pdftotext from these PDFs, and the rest
// of findings was tuned on them.
func TestBuiltinMatchesPdftotext(t *testing.T) {
	pdfs, _ := filepath.Glob(filepath.Join(sharedDir, "corpus", "pdf", "*.pdf"))
	if len(pdfs) == 0 {
		t.Skip("no development corpus here")
	}
	for _, p := range pdfs {
		name := strings.TrimSuffix(filepath.Base(p), ".pdf")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(sharedDir, "corpus", "dev", name+".txt"))
			if err != nil {
				t.Skip(err)
			}
			text, err := builtinPDF(context.Background(), b)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkText(text); err != nil {
				t.Fatalf("quality gate: %v", err)
			}
			gotLines, wantLines := strings.Split(text, "\n"), strings.Split(string(want), "\n")
			same := commonInOrder(gotLines, wantLines)
			if share := float64(same) / float64(len(wantLines)); share < 0.99 {
				t.Errorf("%d of %d lines as pdftotext has them (%.3f), want 0.99", same, len(wantLines), share)
			}
			gotWords, wantWords := strings.Fields(text), strings.Fields(string(want))
			same = commonInOrder(gotWords, wantWords)
			if share := float64(same) / float64(len(wantWords)); share < 0.999 {
				t.Errorf("%d of %d words as pdftotext has them (%.4f), want 0.999", same, len(wantWords), share)
			}
		})
	}
}

// commonInOrder is the length of the longest common subsequence of a and b.
func commonInOrder(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// sharedDir is ../shared beside the repository, when it is there: the
// development corpus the tests that need it read (they skip without it).
const sharedDir = "../../../shared"
