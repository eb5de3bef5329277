package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// textLine is a line a test PDF shows: its text, font size and baseline.
type textLine struct {
	text string
	size float64
	x, y float64
}

// pdfSpec describes a PDF to write for a test.
type pdfSpec struct {
	pages   [][]textLine
	encrypt bool // add an /Encrypt dictionary no password opens
	raw     string
}

// helveticaWidth is a rough advance width (in 1/1000 em) for the test font.
func helveticaWidth(c byte) int {
	switch {
	case c == ' ':
		return 278
	case c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == '\'':
		return 222
	case c == 'm' || c == 'w' || c == 'M' || c == 'W':
		return 833
	case c >= 'A' && c <= 'Z':
		return 667
	}
	return 556
}

// makePDF writes a small PDF by hand: a Type1 font with WinAnsi encoding
// and widths, and one content stream per page drawing each line with Tj.
func makePDF(spec pdfSpec) []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	add("<< /Type /Catalog /Pages 2 0 R >>")
	add("") // pages, filled in below
	var widths strings.Builder
	for c := 32; c <= 126; c++ {
		fmt.Fprintf(&widths, "%d ", helveticaWidth(byte(c)))
	}
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + widths.String() + "] >>")
	var kids []string
	for _, page := range spec.pages {
		var content strings.Builder
		for _, l := range page {
			esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(l.text)
			fmt.Fprintf(&content, "BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n", l.size, l.x, l.y, esc)
		}
		if spec.raw != "" {
			content.WriteString(spec.raw)
		}
		c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len()+1, content.String()))
		p := add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", font, c))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	enc := 0
	if spec.encrypt {
		enc = add("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + strings.Repeat("ab", 32) + "> /U <" + strings.Repeat("cd", 32) + "> >>")
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
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
	trailer := fmt.Sprintf("/Size %d /Root 1 0 R", len(objs)+1)
	if enc != 0 {
		trailer += fmt.Sprintf(" /Encrypt %d 0 R /ID [<%s> <%s>]", enc, strings.Repeat("01", 16), strings.Repeat("01", 16))
	}
	fmt.Fprintf(&b, "trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return b.Bytes()
}

// body is a page of a report: a heading, then two paragraphs of wrapped
// lines, the second after a numbered paragraph marker.
func body(first string) []textLine {
	return []textLine{
		{first, 18, 72, 760},
		{"Children in Anytown are safe and well supported by", 11, 72, 730},
		{"social workers who know them well. Caseloads are", 11, 72, 716},
		{"manageable, and supervision is regular.", 11, 72, 702},
		{"1.", 11, 72, 670},
		{"Plans for care leavers are not specific enough and", 11, 100, 670},
		{"too few young people are in suitable accommodation.", 11, 100, 656},
	}
}

func TestBuiltinPDF(t *testing.T) {
	tests := []struct {
		name string
		spec pdfSpec
		want []string // lines of the text, in order
		err  error
	}{
		{
			name: "lines, blocks and pages",
			spec: pdfSpec{pages: [][]textLine{body("Inspection of Anytown"), body("Summary for children")}},
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
			spec: pdfSpec{pages: [][]textLine{{
				{"The council has a long-", 11, 72, 700},
				{"standing shortage of foster carers and of well-", 11, 72, 686},
				{"trained staff in every team of the service.", 11, 72, 672},
			}}},
			want: []string{"The council has a longstanding shortage of foster carers and of welltrained staff in every team of the service."},
		},
		{
			name: "drawn out of order",
			spec: pdfSpec{pages: [][]textLine{{
				{"Page 3 of the report on children's services", 8, 72, 40},
				{"The first line of the page, drawn after the footer,", 11, 72, 700},
				{"and the second line of the same paragraph of text.", 11, 72, 686},
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
			spec: pdfSpec{pages: [][]textLine{{}}, raw: "0 0 1 rg 72 72 200 300 re f\n"},
			err:  ErrNoText,
		},
		{
			name: "encrypted",
			spec: pdfSpec{pages: [][]textLine{body("Inspection of Anytown")}, encrypt: true},
			err:  ErrEncrypted,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readPDF(context.Background(), makePDF(tt.spec), Options{})
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
	good := makePDF(pdfSpec{pages: [][]textLine{body("Inspection of Anytown")}})
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
	noText := makePDF(pdfSpec{pages: [][]textLine{{}}, raw: "0 0 1 rg 72 72 200 300 re f\n"})
	good := makePDF(pdfSpec{pages: [][]textLine{body("Inspection of Anytown")}})

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
