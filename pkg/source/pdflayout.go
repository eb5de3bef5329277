package source

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// glyph is one character a PDF page shows, where it shows it. Coordinates
// are in points, y growing up the page, as the PDF library gives them.
type glyph struct {
	x, y float64 // baseline origin
	w    float64 // advance width; 0 when the font did not say
	size float64 // font size
	s    string
}

// Layout constants, in multiples of the font size (em). They follow what
// pdftotext does in its default (reading-order) mode, which is how the
// texts the rest of findings was tuned on were made: glyphs make lines,
// lines close above one another make blocks, and blocks that follow one
// another down a column make a flow; a flow ends with a blank line.
const (
	// a glyph whose baseline is within this of the line's stays on it
	sameBaseline = 0.5
	// a gap wider than this between glyphs is a space
	spaceGap = 0.15
	// a gap wider than this on one baseline starts a new block (a table
	// cell, a paragraph number and its text)
	columnGap = 1.0
	// consecutive lines of a block have baselines at most this far apart
	maxLeading = 1.5
	// fonts of lines in one block differ by at most this fraction
	sizeDelta = 0.05
	// consecutive blocks of a flow are at most this far apart
	maxBlockGap = 2.5
	// width assumed for a glyph whose font gave none
	unknownWidth = 0.45
	// how far above and below its baseline a line's glyphs reach
	ascent, descent = 0.8, 0.25
)

// line is glyphs on one baseline, left to right, with spaces put in.
type line struct {
	x0, x1, y, size float64
	text            strings.Builder
	space           bool // a space glyph since the last ink
}

// block is lines that read as one paragraph, heading or cell.
type block struct {
	x0, x1     float64 // extent
	top, base  float64 // top of the first line, bottom of the last
	pmin, pmax float64 // the room it has across the page: its column
	size       float64 // the first line's font size
	lines      []*line
}

// layoutPage turns a page's glyphs, in the order the page draws them, into
// text: one line per line, hyphenated words joined, a blank line after
// each flow, in reading order from the top of the page.
func layoutPage(gs []glyph) string {
	blocks := buildBlocks(buildLines(gs))
	orderBlocks(blocks)
	columns(blocks)
	var sb strings.Builder
	var flow *block // the flow's first block
	for i, b := range blocks {
		if flow != nil && !continuesFlow(flow, blocks[i-1], b) {
			sb.WriteByte('\n')
			flow = nil
		}
		if flow == nil {
			flow = b
		}
		for j, l := range b.lines {
			text := strings.TrimSpace(l.text.String())
			// Like pdftotext, join a word broken at a line's end and drop
			// its hyphen: "longer-" "term" reads "longerterm".
			more := j+1 < len(b.lines) || i+1 < len(blocks) && continuesFlow(flow, b, blocks[i+1])
			if more && hyphenated(text) {
				sb.WriteString(text[:len(text)-1])
				continue
			}
			sb.WriteString(text)
			sb.WriteByte('\n')
		}
	}
	if flow != nil {
		sb.WriteByte('\n')
	}
	return sb.String()
}

// hyphenated reports whether a line ends in a hyphen after a letter or
// digit.
func hyphenated(s string) bool {
	if len(s) < 2 || s[len(s)-1] != '-' {
		return false
	}
	c := s[len(s)-2]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// buildLines groups glyphs into lines in drawing order: Word and most
// producers draw a line's text left to right, so a glyph that drops to
// another baseline, moves back left or jumps far right starts a new line.
// Space glyphs only mark a space: the gaps decide.
func buildLines(gs []glyph) []*line {
	var lines []*line
	var cur *line
	for _, g := range gs {
		if g.size <= 0 || g.s == "" || !printable(g.s) {
			continue
		}
		blank := strings.TrimSpace(g.s) == ""
		if cur != nil {
			size := max(cur.size, g.size)
			gap := g.x - cur.x1
			// a footnote's number, smaller, starts a line of its own
			footnote := cur.size < 0.8*g.size
			if !footnote && math.Abs(g.y-cur.y) <= sameBaseline*size && gap > -unknownWidth*size && gap < columnGap*size {
				if blank {
					cur.space = true
					continue
				}
				if cur.space || gap > spaceGap*size {
					cur.text.WriteByte(' ')
				}
				cur.add(g)
				continue
			}
		}
		if blank {
			continue
		}
		cur = &line{x0: g.x, y: g.y, size: g.size}
		cur.add(g)
		lines = append(lines, cur)
	}
	return lines
}

func (l *line) add(g glyph) {
	l.text.WriteString(g.s)
	w := g.w
	if w <= 0 {
		w = unknownWidth * g.size
	}
	l.x1 = g.x + w
	l.size = max(l.size, g.size)
	l.space = false
}

// printable is false for the codes a font maps to nothing useful.
func printable(s string) bool {
	for _, r := range s {
		if r == unicode.ReplacementChar || r == 0 || (unicode.IsControl(r) && r != '\x7f') {
			return false
		}
	}
	return true
}

// buildBlocks groups lines into blocks: a line joins a recent block when
// it sits just below that block's last line, in a font of the same size,
// and overlaps it across the page.
func buildBlocks(lines []*line) []*block {
	var blocks []*block
	const recent = 4
	for _, l := range lines {
		var into *block
		for i := len(blocks) - 1; i >= max(0, len(blocks)-recent); i-- {
			if continuesBlock(blocks[i], l) {
				into = blocks[i]
				break
			}
		}
		if into == nil {
			blocks = append(blocks, &block{x0: l.x0, x1: l.x1, top: l.y + ascent*l.size, base: l.y - descent*l.size, size: l.size, lines: []*line{l}})
			continue
		}
		into.lines = append(into.lines, l)
		into.x0, into.x1 = min(into.x0, l.x0), max(into.x1, l.x1)
		into.base = l.y - descent*l.size
	}
	return blocks
}

func continuesBlock(b *block, l *line) bool {
	last := b.lines[len(b.lines)-1]
	if math.Abs(l.size-b.size) > sizeDelta*b.size {
		return false
	}
	dy := last.y - l.y
	if dy <= 0 || dy > maxLeading*b.size {
		return false
	}
	return l.x0 < b.x1 && l.x1 > b.x0
}

// orderBlocks sorts blocks top to bottom; blocks whose tops are level (a
// table row, a paragraph number and its paragraph) go left to right.
func orderBlocks(blocks []*block) {
	slices.SortStableFunc(blocks, func(a, b *block) int {
		switch {
		case a.top > b.top:
			return -1
		case a.top < b.top:
			return 1
		}
		return 0
	})
	for i := 0; i < len(blocks); {
		j := i + 1
		tol := sameBaseline * blocks[i].size
		for j < len(blocks) && blocks[i].top-blocks[j].top <= tol {
			j++
		}
		slices.SortStableFunc(blocks[i:j], func(a, b *block) int {
			switch {
			case a.x0 < b.x0:
				return -1
			case a.x0 > b.x0:
				return 1
			}
			return 0
		})
		i = j
	}
}

// columns sets each block's room across the page: from the nearest block
// beside it on the left to the nearest on the right.
func columns(blocks []*block) {
	for _, b := range blocks {
		b.pmin, b.pmax = math.Inf(-1), math.Inf(1)
		for _, o := range blocks {
			if o == b || o.base >= b.top || o.top <= b.base {
				continue // not beside it
			}
			if o.x1 <= b.x0 {
				b.pmin = max(b.pmin, o.x1)
			}
			if o.x0 >= b.x1 {
				b.pmax = min(b.pmax, o.x0)
			}
		}
	}
}

// continuesFlow reports whether block b, read after prev, carries on the
// flow that first began: it lies below prev, close to it, within its
// column and the flow's, in a font no larger.
func continuesFlow(first, prev, b *block) bool {
	if b.size > prev.size*(1+sizeDelta) {
		return false
	}
	gap := prev.base - b.top
	if gap < -descent*prev.size || gap > maxBlockGap*prev.size {
		return false
	}
	return b.x0 >= prev.pmin && b.x1 <= prev.pmax && b.x0 >= first.pmin && b.x1 <= first.pmax
}
