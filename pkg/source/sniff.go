package source

import (
	"bytes"
)

// Binary is the kind of content findings does not read: images, archives,
// office files and other binaries. No Document has this kind.
const Binary Kind = "binary"

// SniffLen is how many leading bytes Sniff needs to decide.
const SniffLen = 4096

// binaryMagic are the openings of common files that are not reports in a
// readable form: their content decides, never their name.
var binaryMagic = [][]byte{
	[]byte("\x89PNG"),
	[]byte("\xFF\xD8\xFF"), // JPEG
	[]byte("GIF87a"),
	[]byte("GIF89a"),
	[]byte("II*\x00"), // TIFF
	[]byte("MM\x00*"),
	[]byte("PK\x03\x04"),         // zip, docx, xlsx, odt, epub
	[]byte("PK\x05\x06"),         // empty zip
	[]byte("\x1F\x8B"),           // gzip
	[]byte("\xFD7zXZ\x00"),       // xz
	[]byte("7z\xBC\xAF\x27\x1C"), // 7-zip
	[]byte("Rar!"),
	[]byte("\xD0\xCF\x11\xE0"), // old Office (doc, xls)
	[]byte("{\\rtf"),           // RTF is text, but its markup would read as findings
}

// htmlOpenings are what an HTML page starts with, after white space and
// comments, compared without case. Like net/http's sniffer, a tag must be
// followed by a space or '>' so that "<br" does not match "<bread".
var htmlOpenings = []string{
	"<!doctype html", "<html", "<head", "<body", "<title", "<meta", "<script",
	"<style", "<link", "<div", "<p", "<h1", "<h2", "<table", "<iframe", "<main",
	"<article", "<section", "<header", "<nav", "<a", "<b", "<br", "<font",
}

// Sniff decides what a document is from its first bytes (up to SniffLen):
// PDF by its %PDF- header, HTML by its opening markup, Binary by a known
// file signature or by bytes no text has, otherwise Text.
func Sniff(head []byte) Kind {
	if len(head) > SniffLen {
		head = head[:SniffLen]
	}
	if i := bytes.Index(head[:min(len(head), 1024)], pdfMagic); i >= 0 {
		return PDF
	}
	// A byte-order mark means text, even UTF-16 with its NUL bytes.
	for _, bom := range [][]byte{{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE}, {0xFE, 0xFF}} {
		if bytes.HasPrefix(head, bom) {
			if bom[0] == 0xEF && looksHTML(head[3:]) {
				return HTML
			}
			return Text
		}
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, m) {
			return Binary
		}
	}
	if bytes.IndexByte(head, 0) >= 0 || controlShare(head) > 0.05 {
		return Binary
	}
	if looksHTML(head) {
		return HTML
	}
	return Text
}

// looksHTML reports whether b opens with HTML markup. An XML declaration
// and comments may come first.
func looksHTML(b []byte) bool {
	b = skipSpace(b)
	if hasPrefixFold(b, "<?xml") {
		if i := bytes.Index(b, []byte("?>")); i >= 0 {
			b = skipSpace(b[i+2:])
		}
	}
	for hasPrefixFold(b, "<!--") {
		i := bytes.Index(b, []byte("-->"))
		if i < 0 {
			return false
		}
		b = skipSpace(b[i+3:])
	}
	for _, o := range htmlOpenings {
		if hasPrefixFold(b, o) && len(b) > len(o) && (b[len(o)] == ' ' || b[len(o)] == '>' || b[len(o)] == '\n' || b[len(o)] == '\t' || b[len(o)] == '\r') {
			return true
		}
	}
	return false
}

func skipSpace(b []byte) []byte {
	return bytes.TrimLeft(b, " \t\r\n\f")
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}
