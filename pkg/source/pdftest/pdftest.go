// Package pdftest writes small PDFs for tests: pages of text in a Type1
// font, pages with no text layer, and documents encrypted with the
// standard security handler (RC4, 128-bit, revision 3), so that tests need
// no PDF files checked in and no tool to make them.
package pdftest

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"strings"
)

// Line is a line of text a page shows, at a font size and a baseline.
type Line struct {
	Text string
	Size float64
	X, Y float64
}

// Spec describes a PDF.
type Spec struct {
	// Pages are the lines each page shows.
	Pages [][]Line
	// Raw is content added to every page's stream, such as drawing with
	// no text for a scanned page.
	Raw string
	// Encrypt encrypts the document; it opens with UserPassword ("": any
	// reader opens it) or OwnerPassword.
	Encrypt                     bool
	UserPassword, OwnerPassword string
}

// Pages lays out lines of text on pages of 50 lines, 11 points, as a
// report's body would be.
func Pages(lines ...string) [][]Line {
	var pages [][]Line
	for i, l := range lines {
		if i%50 == 0 {
			pages = append(pages, nil)
		}
		pages[len(pages)-1] = append(pages[len(pages)-1], Line{Text: l, Size: 11, X: 72, Y: 760 - float64(i%50)*14})
	}
	return pages
}

// Scanned is a page's content with no text: a filled rectangle where a
// scanned image would be.
const Scanned = "q 0.9 g 72 72 451 698 re f Q\n"

// width is a rough advance width (in 1/1000 em) of Helvetica's glyphs.
func width(c byte) int {
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

// id is the document's file identifier, fixed so that output is the same
// each time.
var id = []byte("findings-pdftest")

// Write makes the PDF: objects, a cross-reference table and a trailer, the
// stream lengths and offsets exact.
func Write(s Spec) []byte {
	var objs []string
	streams := map[int]bool{} // objects that are streams, to encrypt
	add := func(o string) int { objs = append(objs, o); return len(objs) }
	add("<< /Type /Catalog /Pages 2 0 R >>")
	add("") // the page tree, once the pages are known
	var widths strings.Builder
	for c := 32; c <= 126; c++ {
		fmt.Fprintf(&widths, "%d ", width(byte(c)))
	}
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + widths.String() + "] >>")

	var enc *encryption
	if s.Encrypt {
		enc = newEncryption(s.UserPassword, s.OwnerPassword)
	}
	pages := s.Pages
	if len(pages) == 0 {
		pages = [][]Line{nil}
	}
	var kids []string
	for _, page := range pages {
		var content strings.Builder
		for _, l := range page {
			esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(l.Text)
			fmt.Fprintf(&content, "BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n", l.Size, l.X, l.Y, esc)
		}
		content.WriteString(s.Raw)
		c := add(content.String())
		streams[c] = true
		p := add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", font, c))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	encObj := 0
	if enc != nil {
		encObj = add(fmt.Sprintf("<< /Filter /Standard /V 2 /R 3 /Length 128 /P %d /O <%x> /U <%x> >>", enc.p, enc.o, enc.u))
	}

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		n := i + 1
		offsets[i] = b.Len()
		if streams[n] {
			data := []byte(o)
			if enc != nil {
				data = enc.crypt(n, data)
			}
			fmt.Fprintf(&b, "%d 0 obj\n<< /Length %d >>\nstream\n", n, len(data))
			b.Write(data)
			b.WriteString("\nendstream\nendobj\n")
			continue
		}
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	trailer := fmt.Sprintf("/Size %d /Root 1 0 R /ID [<%x> <%x>]", len(objs)+1, id, id)
	if encObj != 0 {
		trailer += fmt.Sprintf(" /Encrypt %d 0 R", encObj)
	}
	fmt.Fprintf(&b, "trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return b.Bytes()
}

// encryption is the standard security handler, revision 3 (PDF 32000-1,
// 7.6.3): a 128-bit RC4 key from the user password.
type encryption struct {
	key  []byte
	o, u []byte
	p    int32
}

// pad is the padding string of algorithm 2.
var pad = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

func padded(pw string) []byte {
	b := append([]byte(pw), pad...)
	return b[:32]
}

func rc4Rounds(key, data []byte) []byte {
	out := append([]byte(nil), data...)
	for i := 0; i <= 19; i++ {
		k := append([]byte(nil), key...)
		for j := range k {
			k[j] ^= byte(i)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(out, out)
	}
	return out
}

// md5Rounds hashes b, then hashes the hash 50 times over.
func md5Rounds(b []byte) []byte {
	h := md5.Sum(b)
	for range 50 {
		h = md5.Sum(h[:])
	}
	return h[:]
}

func newEncryption(user, owner string) *encryption {
	if owner == "" {
		owner = user
	}
	e := &encryption{p: -3904} // print and copy allowed
	// algorithm 3: O
	e.o = rc4Rounds(md5Rounds(padded(owner)), padded(user))
	// algorithm 2: the key
	h := md5.New()
	h.Write(padded(user))
	h.Write(e.o)
	p := uint32(e.p)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	key := h.Sum(nil)
	for range 50 {
		k := md5.Sum(key)
		key = k[:]
	}
	e.key = key
	// algorithm 5: U
	sum := md5.Sum(append(append([]byte(nil), pad...), id...))
	e.u = append(rc4Rounds(e.key, sum[:]), make([]byte, 16)...)
	return e
}

// crypt encrypts (or decrypts) the data of object n, generation 0.
func (e *encryption) crypt(n int, data []byte) []byte {
	k := md5.Sum(append(append([]byte(nil), e.key...), byte(n), byte(n>>8), byte(n>>16), 0, 0))
	c, _ := rc4.NewCipher(k[:])
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}
