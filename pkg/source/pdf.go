package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"regexp"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/unicode/norm"

	"github.com/findings/findings/pkg/report"
)

// Problems with a PDF.
var (
	ErrNoText    = errors.New("no text layer: scanned?")
	ErrEncrypted = errors.New("encrypted PDF")
	ErrTruncated = errors.New("truncated PDF: no end-of-file marker")
	ErrCorrupt   = errors.New("corrupt PDF")
	ErrGarbled   = errors.New("PDF text is garbled")
)

// pdfMagic starts every PDF. Readers accept it anywhere in the first
// kilobyte, after junk some producers write first.
var pdfMagic = []byte("%PDF-")

// PDF engines, as Document.Via names them.
const (
	ViaPdftotext = "pdftotext"
	ViaBuiltin   = "builtin"
)

// readPDF reads a PDF's text with the built-in reader, and when that fails
// or its text fails the quality gate, with pdftotext if opts.Pdftotext
// names it. The built-in reader comes first so that output does not depend
// on what else is installed; on the development PDFs it scores as well as
// pdftotext's text (see pdf_test.go).
func readPDF(ctx context.Context, b []byte, opts Options) (Document, error) {
	if !bytes.Contains(b[max(0, len(b)-2048):], []byte("%%EOF")) {
		return Document{}, ErrTruncated
	}
	text, err := builtinPDF(ctx, b)
	if err == nil {
		err = checkText(text)
	}
	if err == nil {
		return Document{Document: report.Document{Text: text}, Kind: PDF, Via: ViaBuiltin}, nil
	}
	if ctx.Err() != nil {
		return Document{}, ctx.Err()
	}
	if opts.Pdftotext == "" {
		if errors.Is(err, ErrGarbled) {
			return Document{}, fmt.Errorf("%w (pdftotext, from poppler-utils, may read it)", err)
		}
		return Document{}, err
	}
	text, toolErr := pdftotext(ctx, opts.Pdftotext, b)
	if toolErr == nil {
		toolErr = checkText(text)
	}
	if toolErr == nil {
		return Document{Document: report.Document{Text: text}, Kind: PDF, Via: ViaPdftotext}, nil
	}
	if ctx.Err() != nil {
		return Document{}, ctx.Err()
	}
	if errors.Is(err, toolErr) || errors.Is(toolErr, err) {
		return Document{}, err
	}
	return Document{}, fmt.Errorf("%w; pdftotext: %v", err, toolErr)
}

// pdftotext runs poppler's pdftotext in its default mode, which is how the
// development texts were made, feeding it the PDF on standard input.
func pdftotext(ctx context.Context, tool string, b []byte) (string, error) {
	cmd := exec.CommandContext(ctx, tool, "-enc", "UTF-8", "fd://0", "-")
	cmd.Stdin = bytes.NewReader(b)
	var out, errOut bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &limited{buf: &errOut, n: 4096}
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errOut.String())
		if strings.Contains(msg, "Incorrect password") {
			return "", ErrEncrypted
		}
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = err.Error()
		}
		return "", errors.New(oneLine(msg))
	}
	return strings.ToValidUTF8(out.String(), "\uFFFD"), nil
}

// limited keeps the first n bytes written to it and drops the rest.
type limited struct {
	buf *bytes.Buffer
	n   int
}

func (l *limited) Write(p []byte) (int, error) {
	if room := l.n - l.buf.Len(); room > 0 {
		l.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// builtinPDF reads a PDF's text with the pure-Go reader, laying out each
// page's glyphs as pdftotext would. The library panics on some malformed
// files; a panic becomes ErrCorrupt.
func builtinPDF(ctx context.Context, b []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%w: %s", ErrCorrupt, oneLine(fmt.Sprint(r)))
		}
	}()
	at := bytes.Index(b, pdfMagic)
	if at < 0 {
		return "", fmt.Errorf("%w: no %%PDF- header", ErrCorrupt)
	}
	b = b[at:]
	// The library knows versions 1.0 to 1.7 only; 2.0 files read the same.
	if bytes.HasPrefix(b, []byte("%PDF-2.")) {
		b = append([]byte("%PDF-1.7"), b[8:]...)
	}
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", classifyPDFError(err)
	}
	var sb strings.Builder
	n := r.NumPage()
	if n == 0 {
		return "", fmt.Errorf("%w: no pages", ErrCorrupt)
	}
	pages, err := pageList(r, n)
	if err != nil {
		return "", err
	}
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		gs, err := pageGlyphs(p)
		if err != nil {
			return "", fmt.Errorf("%w: page %d %v", ErrCorrupt, i+1, err)
		}
		sb.WriteString(layoutPage(gs))
		sb.WriteByte('\f')
	}
	return normalisePDFText(sb.String()), nil
}

// Bounds on a page tree: real ones are a few levels deep, with a node or
// two for each page.
const (
	maxPageTreeDepth = 64
	maxPageTreeNodes = 1 << 20
)

// pageList is the first n pages of a PDF, in order: Reader.Page's walk of
// the page tree, done once for all pages and within bounds. Reader.Page
// loops for ever when a node's /Kids lead back to it, and its context
// cannot stop it.
func pageList(r *pdf.Reader, n int) ([]pdf.Page, error) {
	var out []pdf.Page
	nodes := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		nodes++
		switch {
		case depth > maxPageTreeDepth:
			return fmt.Errorf("%w: page tree loops or is over %d levels deep", ErrCorrupt, maxPageTreeDepth)
		case nodes > min(4*n+1024, maxPageTreeNodes):
			return fmt.Errorf("%w: page tree loops or has far more nodes than its %d pages", ErrCorrupt, n)
		}
		kids := v.Key("Kids")
		for i := 0; i < kids.Len() && len(out) < n; i++ {
			kid := kids.Index(i)
			switch kid.Key("Type").Name() {
			case "Pages":
				if err := walk(kid, depth+1); err != nil {
					return err
				}
			case "Page":
				out = append(out, pdf.Page{V: kid})
			}
		}
		return nil
	}
	if root := r.Trailer().Key("Root").Key("Pages"); root.Key("Type").Name() == "Pages" {
		if err := walk(root, 0); err != nil {
			return nil, err
		}
	}
	if len(out) < n {
		return nil, fmt.Errorf("%w: page %d missing", ErrCorrupt, len(out)+1)
	}
	return out, nil
}

func classifyPDFError(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword), strings.Contains(strings.ToLower(msg), "encrypt"):
		return ErrEncrypted
	}
	// readPDF has seen the end-of-file marker, so a library that misses it
	// (it looks in the last 100 bytes only) has a corrupt file, not a
	// truncated one.
	for _, p := range []string{"malformed PDF: ", "malformed PDF file: ", "not a PDF file: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	if msg == "missing %%EOF" {
		msg = "no trailer where it should be"
	}
	return fmt.Errorf("%w: %s", ErrCorrupt, oneLine(msg))
}

// maxMessage bounds a library's or a tool's message, in characters.
const maxMessage = 160

// oneLine makes a message from the PDF library or pdftotext fit one line
// of a terminal: they quote the file's own bytes back, line breaks and
// control characters included, so these become spaces, runs of white
// space one, and a long message is cut with "…".
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxMessage {
		s = string(r[:maxMessage]) + "…"
	}
	return s
}

// normalisePDFText undoes what PDF fonts do to text: ligatures (ﬁ) and
// other compatibility forms become plain letters, and the DEL code some
// fonts use for a bullet becomes one.
func normalisePDFText(s string) string {
	s = norm.NFKC.String(s)
	return strings.ReplaceAll(s, "\x7f", "•")
}

var longRun = regexp.MustCompile(`[a-z]{20,}`)

// checkText is the quality gate on a PDF's text: almost no letters means no
// text layer; words run together, words broken into letters or many
// unmapped glyphs mean the text is garbled.
func checkText(text string) error {
	pages := max(1, strings.Count(text, "\f"))
	letters, odd := 0, 0
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == unicode.ReplacementChar, unicode.Is(unicode.Co, r):
			// private-use code points: symbol fonts' bullets, and glyphs
			// a font gave no Unicode value
			odd++
		}
	}
	if letters < 50 || letters/pages < 20 {
		return ErrNoText
	}
	words, single, long := 0, 0, 0
	for _, f := range strings.Fields(text) {
		words++
		if len(f) == 1 && unicode.IsLetter(rune(f[0])) && f != "a" && f != "A" && f != "I" {
			single++
		}
		if longRun.MatchString(f) {
			long++
		}
	}
	switch {
	case float64(odd) > 0.02*float64(letters):
		return fmt.Errorf("%w: %d glyphs with no letter", ErrGarbled, odd)
	case float64(long) > 0.01*float64(words):
		return fmt.Errorf("%w: words run together", ErrGarbled)
	case float64(single) > 0.1*float64(words):
		return fmt.Errorf("%w: words broken into letters", ErrGarbled)
	}
	return nil
}

// affine is a PDF transformation matrix [a b c d e f].
type affine [6]float64

var identity = affine{1, 0, 0, 1, 0, 0}

// mul is m then n: a point is transformed by m first.
func (m affine) mul(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(tx, ty float64) affine { return affine{1, 0, 0, 1, tx, ty} }

// gstate is the part of the graphics state that places text.
type gstate struct {
	ctm                     affine
	tc, tw, th, tl, tfs, ts float64
	font                    *pdfFont
}

// pdfFont is what placing a font's glyphs needs: how to split a string
// into codes, each code's text and its width.
type pdfFont struct {
	enc     pdf.TextEncoding
	twoByte bool
	first   int
	widths  []float64       // simple fonts, from first
	cid     map[int]float64 // composite fonts
	dw      float64         // composite fonts' default width
}

func newPDFFont(v pdf.Value) *pdfFont {
	f := pdf.Font{V: v}
	pf := &pdfFont{enc: f.Encoder()}
	if v.Key("Subtype").Name() == "Type0" {
		pf.twoByte = true
		desc := v.Key("DescendantFonts").Index(0)
		pf.dw = 1000
		if dw := desc.Key("DW"); !dw.IsNull() {
			pf.dw = dw.Float64()
		}
		pf.cid = map[int]float64{}
		w := desc.Key("W")
		// Two bytes make 65,536 codes: widths outside them are left out,
		// and the widths set are counted, so that a few bytes of ranges
		// ("0 65535 500" over and over) cannot ask for billions of them.
		budget := maxFontWidths
		for i := 0; i < w.Len() && budget > 0; {
			c := int(w.Index(i).Int64())
			if i+1 < w.Len() && w.Index(i+1).Kind() == pdf.Array {
				arr := w.Index(i + 1)
				for j := 0; j < arr.Len() && j < 1<<16 && budget > 0; j++ {
					if c+j >= 0 && c+j <= 0xFFFF {
						pf.cid[c+j] = arr.Index(j).Float64()
					}
					budget--
				}
				i += 2
				continue
			}
			if i+2 >= w.Len() {
				break
			}
			last, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
			for c2 := max(c, 0); c2 <= min(last, 0xFFFF) && budget > 0; c2++ {
				pf.cid[c2] = width
				budget--
			}
			i += 3
		}
		return pf
	}
	pf.first = f.FirstChar()
	ws := v.Key("Widths")
	pf.widths = make([]float64, ws.Len())
	for i := range pf.widths {
		pf.widths[i] = ws.Index(i).Float64()
	}
	return pf
}

func (f *pdfFont) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.cid[code]; ok {
			return w
		}
		return f.dw
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return 0
}

// maxFontWidths bounds the widths read from a composite font's /W array:
// four for each of its 65,536 codes.
const maxFontWidths = 1 << 18

// maxFormDepth bounds form XObjects drawn inside one another (and loops).
// maxPageForms, maxPageGlyphs and maxPageContent bound the work on a page,
// and its memory: a form that draws itself many times over is drawn that
// many times to the power of the depth, and a compressed stream of a few
// hundred KB can hold a string of a GB.
const (
	maxFormDepth   = 8
	maxPageForms   = 10000
	maxPageGlyphs  = 1 << 20
	maxPageContent = 64 << 20
)

// pageGlyphs interprets a page's content stream and returns the glyphs it
// draws, in order, with their positions. It does what the library's
// Page.Content does, but it reads two-byte fonts' widths (so that glyphs
// do not pile up at one point), applies word spacing, and draws the text
// of form XObjects. A page over the bounds on forms or glyphs is an error.
func pageGlyphs(p pdf.Page) ([]glyph, error) {
	var gs []glyph
	forms, content, over := 0, int64(0), ""
	var run func(strm, res pdf.Value, g gstate, depth int)
	run = func(strm, res pdf.Value, g gstate, depth int) {
		// the stream is read once through before it is interpreted, a
		// little time in exchange for a bound on what it holds
		if content += contentSize(strm, maxPageContent-content); content > maxPageContent {
			over = fmt.Sprintf("has more than %d MB of content", maxPageContent>>20)
			return
		}
		fonts := map[string]*pdfFont{}
		var stack []gstate
		tm, tlm := identity, identity
		show := func(raw string) {
			f := g.font
			if f == nil {
				return
			}
			step := 1
			if f.twoByte {
				step = 2
			}
			for i := 0; i+step <= len(raw); i += step {
				code := int(raw[i])
				if step == 2 {
					code = code<<8 | int(raw[i+1])
				}
				w0 := f.width(code) / 1000
				trm := affine{g.tfs * g.th, 0, 0, g.tfs, 0, g.ts}.mul(tm).mul(g.ctm)
				// upright text only: rotated labels and watermarks are not prose
				if len(gs) >= maxPageGlyphs {
					over = fmt.Sprintf("draws more than %d characters", maxPageGlyphs)
				} else if trm[0] > 0 && math.Abs(trm[1]) < 0.1*trm[0] {
					gs = append(gs, glyph{x: trm[4], y: trm[5], w: w0 * trm[0], size: math.Hypot(trm[2], trm[3]), s: f.enc.Decode(raw[i : i+step])})
				}
				tx := w0*g.tfs + g.tc
				if step == 1 && raw[i] == ' ' {
					tx += g.tw
				}
				tm = translate(tx*g.th, 0).mul(tm)
			}
		}
		pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
			args := make([]pdf.Value, stk.Len())
			for i := len(args) - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			num := func(i int) float64 {
				if i < len(args) {
					return args[i].Float64()
				}
				return 0
			}
			switch op {
			case "q":
				stack = append(stack, g)
			case "Q":
				if n := len(stack); n > 0 {
					g, stack = stack[n-1], stack[:n-1]
				}
			case "cm":
				if len(args) == 6 {
					g.ctm = affine{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
				}
			case "BT":
				tm, tlm = identity, identity
			case "Tc":
				g.tc = num(0)
			case "Tw":
				g.tw = num(0)
			case "Tz":
				g.th = num(0) / 100
			case "TL":
				g.tl = num(0)
			case "Ts":
				g.ts = num(0)
			case "Tf":
				if len(args) == 2 {
					name := args[0].Name()
					f, ok := fonts[name]
					if !ok {
						f = newPDFFont(res.Key("Font").Key(name))
						fonts[name] = f
					}
					g.font, g.tfs = f, num(1)
				}
			case "TD":
				g.tl = -num(1)
				fallthrough
			case "Td":
				tlm = translate(num(0), num(1)).mul(tlm)
				tm = tlm
			case "Tm":
				if len(args) == 6 {
					tlm = affine{num(0), num(1), num(2), num(3), num(4), num(5)}
					tm = tlm
				}
			case "T*":
				tlm = translate(0, -g.tl).mul(tlm)
				tm = tlm
			case "Tj":
				if len(args) == 1 {
					show(args[0].RawString())
				}
			case "'", "\"":
				if op == "\"" && len(args) == 3 {
					g.tw, g.tc = num(0), num(1)
					args = args[2:]
				}
				tlm = translate(0, -g.tl).mul(tlm)
				tm = tlm
				if len(args) == 1 {
					show(args[0].RawString())
				}
			case "TJ":
				if len(args) != 1 {
					return
				}
				for i := 0; i < args[0].Len(); i++ {
					x := args[0].Index(i)
					if x.Kind() == pdf.String {
						show(x.RawString())
					} else {
						tm = translate(-x.Float64()/1000*g.tfs*g.th, 0).mul(tm)
					}
				}
			case "Do":
				if len(args) != 1 || depth >= maxFormDepth {
					return
				}
				if forms++; forms > maxPageForms {
					over = fmt.Sprintf("draws more than %d forms", maxPageForms)
					return
				}
				xo := res.Key("XObject").Key(args[0].Name())
				if xo.Key("Subtype").Name() != "Form" {
					return
				}
				inner := g
				if m := xo.Key("Matrix"); m.Len() == 6 {
					inner.ctm = affine{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(), m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}.mul(g.ctm)
				}
				xres := xo.Key("Resources")
				if xres.IsNull() {
					xres = res
				}
				run(xo, xres, inner, depth+1)
			}
		})
	}
	run(p.V.Key("Contents"), p.Resources(), gstate{ctm: identity, th: 1}, 0)
	if over != "" {
		return nil, errors.New(over)
	}
	return gs, nil
}

// contentSize is the size of a content stream (or array of them) once
// decoded, read up to max+1 bytes.
func contentSize(strm pdf.Value, max int64) int64 {
	var parts []pdf.Value
	if strm.Kind() == pdf.Array {
		for i := 0; i < strm.Len(); i++ {
			parts = append(parts, strm.Index(i))
		}
	} else {
		parts = append(parts, strm)
	}
	var n int64
	for _, p := range parts {
		rd := p.Reader()
		m, _ := io.Copy(io.Discard, io.LimitReader(rd, max+1-n))
		rd.Close()
		if n += m; n > max {
			break
		}
	}
	return n
}
