package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A running header or footer is a line that sits within edgeLines non-blank
// lines of a page break and recurs on many pages.
const edgeLines = 4

var (
	pageNumberRE = regexp.MustCompile(`(?i)^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$`)
)

// markFurniture flags page numbers and running headers and footers.
//
// The signals are general: a line that is only a number; a line near a page
// break whose shape (digits ignored) recurs near other page breaks.
func markFurniture(lines []line) {
	pages := 1
	if n := len(lines); n > 0 {
		pages = lines[n-1].page + 1
	}
	for i := range lines {
		if !lines[i].blank && pageNumberRE.MatchString(lines[i].text) {
			lines[i].furniture = true
		}
	}
	if pages < 3 {
		return
	}
	edge := edgeLinesOf(lines)
	shapes, pagesOf := edgeShapes(lines, edge)
	need := max(2, pages/3)
	// the document's opening lines are its title even when the running
	// footer repeats them: keep them
	title := 0
	for title < len(lines) && lines[title].page == 0 {
		if !lines[title].blank {
			edge[title] = false
			if title++; countNonBlank(lines[:title]) >= 3 {
				break
			}
			continue
		}
		title++
	}
	for i := range lines {
		if edge[i] && shapes[i] != "" && pagesOf[shapes[i]].n >= need {
			lines[i].furniture = true
		}
	}
}

// edgeLinesOf marks the lines near each page's top and bottom: the first
// and last edgeLines non-blank lines of every page.
func edgeLinesOf(lines []line) []bool {
	edge := make([]bool, len(lines))
	mark := func(from, to int) { // the first and last edgeLines non-blank lines of [from, to)
		n := 0
		for i := from; i < to && n < edgeLines; i++ {
			if !lines[i].blank {
				edge[i] = true
				n++
			}
		}
		n = 0
		for i := to - 1; i >= from && n < edgeLines; i-- {
			if !lines[i].blank {
				edge[i] = true
				n++
			}
		}
	}
	first, seen := 0, 0
	for i := range lines {
		if lines[i].page != seen {
			mark(first, i)
			first, seen = i, lines[i].page
		}
	}
	mark(first, len(lines))
	return edge
}

// edgeShapes is the shape of each edge line that is not blank or
// furniture yet ("" for the others), and the pages each shape is seen on,
// counted once a page (the lines come in page order). Each line's shape is
// taken once.
func edgeShapes(lines []line, edge []bool) ([]string, map[string]*pageCount) {
	pagesOf := map[string]*pageCount{}
	shapes := make([]string, len(lines))
	for i, l := range lines {
		if !edge[i] || l.blank || l.furniture {
			continue
		}
		k := shape(l.text)
		if k == "" {
			continue
		}
		shapes[i] = k
		c := pagesOf[k]
		if c == nil {
			c = &pageCount{last: -1}
			pagesOf[k] = c
		}
		if c.last != l.page {
			c.n, c.last = c.n+1, l.page
		}
	}
	return shapes, pagesOf
}

// pageCount is how many pages a line's shape is seen on, and the last.
type pageCount struct{ n, last int }

// shape is a line's text with digits, case and spacing ignored, or "" when
// it has too few letters to be recognised safely (a lone "Good" cell must
// not be taken for a footer).
func shape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, digit, hash, n := false, false, false, 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1 // most lines are ASCII
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r >= '0' && r <= '9':
			if !digit {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteByte('#')
				hash = true
			}
			digit, space = true, false
			continue
		case unicode.IsSpace(r):
			if !space {
				n++
			}
			space, digit = true, false
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space, digit = false, false
		if 'A' <= r && r <= 'Z' {
			b.WriteByte(byte(r) + 'a' - 'A')
		} else if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	if n < 1 && !hash {
		return "" // one word: too few letters to be told from a table cell
	}
	return b.String()
}

func countNonBlank(lines []line) int {
	n := 0
	for _, l := range lines {
		if !l.blank {
			n++
		}
	}
	return n
}
