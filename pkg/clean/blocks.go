package clean

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/findings/findings/pkg/ofsted"
	"github.com/findings/findings/pkg/report"
)

// Kind is what a block is.
type Kind uint8

// Block kinds.
const (
	Paragraph Kind = iota
	Heading
	Bullet
	// Row is a table row: a label and its cell, e.g. "Overall effectiveness Good".
	Row
)

func (k Kind) String() string {
	return [...]string{"paragraph", "heading", "bullet", "row"}[k]
}

// Block is a heading, paragraph, bullet item or table row with its lines
// joined, and the map back to the document it came from.
type Block struct {
	Kind Kind
	// Text is the block's lines joined by single spaces, without bullet
	// glyphs or paragraph numbers.
	Text string
	// Section is the text of the nearest heading above the block.
	Section string
	// Chrome marks text that is not part of the report: web-page chrome or
	// the inspectorate's furniture (addresses, licence text).
	Chrome bool
	// Page is the page the block starts on (0-based).
	Page int

	pieces []piece
}

// piece maps a run of Text back to the document: Text[at:at+n] equals
// doc[src:src+n]. cut is true when something that is not part of the block
// (page furniture) stands in the document between this piece and the last.
type piece struct {
	at, src, n int
	cut        bool
}

// Start is the block's offset in the document.
func (b *Block) Start() int { return b.pieces[0].src }

// End is the offset just past the block in the document.
func (b *Block) End() int { p := b.pieces[len(b.pieces)-1]; return p.src + p.n }

// Stretch is a part of a block's text that lies unbroken in the document.
type Stretch struct {
	// From and To delimit the stretch in Block.Text.
	From, To int
	// Span is where it lies in the document.
	report.Span
}

// Stretches maps the range [i, j) of Text to the document, one stretch per
// run that page furniture does not interrupt.
func (b *Block) Stretches(i, j int) []Stretch {
	var out []Stretch
	k := sort.Search(len(b.pieces), func(k int) bool { return b.pieces[k].at+b.pieces[k].n > i })
	for ; k < len(b.pieces) && b.pieces[k].at < j; k++ {
		p := b.pieces[k]
		a, z := max(i, p.at), min(j, p.at+p.n)
		if a >= z {
			continue
		}
		s := Stretch{From: a, To: z, Span: report.Span{Start: p.src + a - p.at, End: p.src + z - p.at}}
		if n := len(out); n > 0 && !p.cut {
			out[n-1].To, out[n-1].End = s.To, s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

// builder accumulates one block.
type builder struct {
	kind   Kind
	text   strings.Builder
	pieces []piece
	page   int
	last   string // the last line added
	lines  int
}

func (b *builder) add(s string, src int, cut bool) {
	if b.text.Len() > 0 {
		b.text.WriteByte(' ')
	}
	b.pieces = append(b.pieces, piece{at: b.text.Len(), src: src, n: len(s), cut: cut && len(b.pieces) > 0})
	b.text.WriteString(s)
	b.last = s
	b.lines++
}

var (
	// a section heading that ends in its grade, however long
	gradedHeadingRE = regexp.MustCompile(`(?i):\s*(?:` + ofsted.GradePattern(false, true) + `)$`)
	// a judgement table's grade cell: "Good", "Good (Grade 2)", "Grade 2 (Good)"
	gradeCellRE = regexp.MustCompile(`(?i)^(?:(?:` + ofsted.GradePattern(false, true) + `)(?:\s*\(grade\s*\d\))?|grade\s*\d\s*\((?:` + ofsted.GradePattern(false, false) + `)\))$`)
)

// Blocks cuts a document's text into blocks: page furniture dropped,
// wrapped lines joined, bullets and headings recognised, table rows paired.
func Blocks(text string) []Block {
	lines := splitLines(text)
	markFurniture(lines)
	j := &joiner{lines: lines, width: lineWidth(lines)}
	for i := range lines {
		j.take(i)
	}
	j.flush()

	blocks := pairRows(text, j.blocks)
	for i := range blocks {
		b := &blocks[i]
		if b.Kind == Paragraph && looksLikeHeading(b.Text) {
			b.Kind = Heading
		}
	}
	markChrome(blocks)
	assignSections(blocks)
	return blocks
}

// joiner joins a document's lines into blocks, one line after another:
// what it has seen between the last text line and this one decides
// whether a line carries on the block or starts another.
type joiner struct {
	lines  []line
	width  int // a full line's length (lineWidth)
	blocks []Block
	cur    *builder // the block being built, or nil

	blank, gap bool // a blank line, page furniture since the last text line
	bullet     bool // the last line was a bullet glyph alone
	pairNext   bool // the line is the second half of a graded heading
	lastPage   int
}

// flush ends the block being built.
func (j *joiner) flush() {
	if j.cur != nil && j.cur.lines > 0 {
		c := j.cur
		j.blocks = append(j.blocks, Block{Kind: c.kind, Text: c.text.String(), Page: c.page, pieces: c.pieces})
	}
	j.cur = nil
}

// start ends the block being built and starts one of kind k with s.
func (j *joiner) start(k Kind, s string, src, page int) {
	j.flush()
	j.cur = &builder{kind: k, page: page}
	j.cur.add(s, src, false)
}

// take reads line i: furniture and blank lines are noted, a text line
// placed.
func (j *joiner) take(i int) {
	l := j.lines[i]
	if j.pairNext && !l.furniture && !l.blank && j.cur != nil && j.cur.kind == Heading {
		j.pairNext = false
		j.cur.add(l.text, l.start, false)
		j.flush()
		j.lastPage = l.page
		return
	}
	j.pairNext = false
	if l.furniture {
		j.gap = true
		return
	}
	if l.blank {
		j.blank = true
		return
	}
	pageBreak := l.page != j.lastPage
	j.lastPage = l.page
	sep := j.blank || j.gap || pageBreak
	cut := j.gap
	j.blank, j.gap = false, false
	j.place(i, sep, cut)
}

// place puts text line i in a block: a numbered paragraph or a bullet of
// its own, the first half of a graded heading, the block being built
// carried on, or a heading or a paragraph of its own. sep says that a
// blank line, furniture or a page break stands before it, cut that
// furniture does.
func (j *joiner) place(i int, sep, cut bool) {
	l := j.lines[i]
	t, src := l.text, l.start
	if n, only := paraNumberLen(t); only {
		j.flush()
		return
	} else if n > 0 {
		j.start(Paragraph, t[n:], src+n, l.page)
		return
	}
	if n := bulletLen(t); n > 0 {
		if n == len(t) {
			j.flush()
			j.bullet = true
			return
		}
		j.start(Bullet, t[n:], src+n, l.page)
		j.bullet = false
		return
	}
	if j.bullet {
		j.start(Bullet, t, src, l.page)
		j.bullet = false
		return
	}
	if i+1 < len(j.lines) && gradedPair(t, j.lines[i+1]) {
		// "The impact of leaders on ... children and" / "families:
		// requires improvement to be good": a graded heading over two
		// lines ends the section above, even with no blank line before
		j.start(Heading, t, src, l.page)
		j.pairNext = true
		return
	}
	if cur := j.cur; cur != nil {
		if sep && continues(cur, t) {
			cur.add(t, src, cut)
			return
		}
		if !sep && cur.kind != Heading && !startsNewBlock(t) &&
			!(endsSentence(cur.last) && isHeadingLine(t, j.width, next(j.lines, i))) {
			cur.add(t, src, cut)
			return
		}
	}
	if isHeadingLine(t, j.width, next(j.lines, i)) {
		j.start(Heading, t, src, l.page)
		j.flush()
		return
	}
	j.start(Paragraph, t, src, l.page)
}

// continues reports whether line t carries on block cur across a blank
// line, a page break or page furniture: a sentence left open and a line that
// starts in lower case.
func continues(cur *builder, t string) bool {
	if cur.kind == Heading || cur.kind == Row {
		return false
	}
	if endsSentence(cur.last) {
		return false
	}
	return startsLower(t) || endsWithJoiner(cur.last)
}

// endsWithJoiner reports whether s ends with a word or mark that cannot end
// a sentence ("and", "of", a comma).
func endsWithJoiner(s string) bool {
	if strings.HasSuffix(s, ",") || strings.HasSuffix(s, "-") {
		return true
	}
	i := strings.LastIndexByte(s, ' ')
	w := strings.ToLower(s[i+1:])
	return slices.Contains(joiners, w)
}

var joiners = []string{"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "that", "which", "who", "is", "are", "was", "were", "be", "been", "their", "its", "this", "these", "but", "than", "into", "not", "has", "have", "had"}

// startsNewBlock reports whether a line opens a block of its own even with
// no blank line before it: "Label: value" lines.
func startsNewBlock(t string) bool {
	return labelLine(t)
}

// labelLine reports whether s opens with a label and a colon: "Inspection
// dates: ...", "Lead inspector: ...". It is `^[A-Z][A-Za-z’' ]{2,30}:\s`
// as a scan of the opening bytes: Blocks asks it of most lines and most
// paragraphs, and the regexp engine cost more than the rest of the test.
func labelLine(s string) bool {
	if s == "" || !isUpperByte(s[0]) {
		return false
	}
	i, n := 1, 0 // the letters after the first, and where they end
	for i < len(s) && n <= 30 {
		w := labelRuneLen(s[i:])
		if w == 0 {
			break
		}
		i, n = i+w, n+1
	}
	if n < 2 || n > 30 || i+1 >= len(s) || s[i] != ':' {
		return false
	}
	return isSpaceByte(s[i+1])
}

// labelRuneLen is the length of the character s opens with when a label
// may hold it (an ASCII letter, a space, an apostrophe, straight or
// curly), else 0.
func labelRuneLen(s string) int {
	switch c := s[0]; {
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c == ' ', c == '\'':
		return 1
	case strings.HasPrefix(s, "’"):
		return len("’")
	}
	return 0
}

// isSpaceByte reports whether c is white space as \s is: tab, newline, form
// feed, carriage return or space.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// gradedHeading reports whether s ends in a colon and a grade ("... children
// in care: good"). The pattern can only match from a colon, so it runs
// from the first: most lines have none and cost a byte scan.
func gradedHeading(s string) bool {
	i := strings.IndexByte(s, ':')
	return i >= 0 && gradedHeadingRE.MatchString(s[i:])
}

// isHeadingLine reports whether line t, inside running text, is a heading:
// short, without closing punctuation, and followed by a line that starts a
// sentence.
func isHeadingLine(t string, width int, nextLine string) bool {
	if gradedHeading(t) && startsUpper(t) {
		return true // "The experiences and progress of children in care: good"
	}
	if labelLine(t) {
		return false // "Lead inspector: Jane Smith" is a line of facts, as in looksLikeHeading
	}
	if endsSentence(t) && !strings.HasSuffix(t, "?") || strings.HasSuffix(t, ",") {
		return false
	}
	if len(t) > width*7/10 || words(t, 14) > 14 || startsLower(t) || strings.HasPrefix(t, "(") {
		return false
	}
	return nextLine == "" || startsUpper(nextLine) || bulletLen(nextLine) > 0
}

// gradedPair reports whether line t and the line after it make one graded
// heading: t opens it, the next line ends in the grade.
func gradedPair(t string, nl line) bool {
	if nl.blank || nl.furniture || !startsUpper(t) || endsSentence(t) || strings.Contains(t, ":") {
		return false
	}
	both := t + " " + nl.text
	return gradedHeading(both) && words(both, 26) <= 25
}

// next is the text of the next line that is neither blank nor furniture.
func next(lines []line, i int) string {
	for j := i + 1; j < len(lines); j++ {
		if !lines[j].blank && !lines[j].furniture {
			return lines[j].text
		}
	}
	return ""
}

// lineWidth is the length of a full line of wrapped text in this document:
// the 90th percentile of line lengths.
func lineWidth(lines []line) int {
	var ls []int
	for _, l := range lines {
		if !l.blank && !l.furniture {
			ls = append(ls, len(l.text))
		}
	}
	if len(ls) == 0 {
		return 80
	}
	slices.Sort(ls)
	return max(40, ls[len(ls)*9/10])
}

// looksLikeHeading reports whether a paragraph block is a heading: a short
// text with no sentence-final punctuation, or a short question.
func looksLikeHeading(s string) bool {
	if labelLine(s) {
		return false // "Lead inspector: Jane Smith" is a line of facts
	}
	if gradedHeading(s) && startsUpper(s) && words(s, 26) <= 25 && !strings.Contains(s, ". ") {
		return true // a graded section heading, however long its name
	}
	n := words(s, 16)
	if strings.HasSuffix(s, "?") {
		return n <= 12
	}
	return n <= 16 && !endsSentence(s) && !strings.HasSuffix(s, ",")
}

// pairRows joins a label block and the grade cell that follows it into one
// Row block, as a reader reads a judgement table. A page number or other
// furniture between the two cuts the row's map to the document, so that
// no span takes it in.
func pairRows(text string, blocks []Block) []Block {
	out := blocks[:0]
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if i+1 < len(blocks) && b.Kind != Bullet && words(b.Text, 20) <= 20 && !endsSentence(b.Text) &&
			gradeCellRE.MatchString(blocks[i+1].Text) && !gradeCellRE.MatchString(b.Text) {
			g := blocks[i+1]
			b.Kind = Row
			between := text[b.End():g.Start()]
			for k, p := range g.pieces {
				p.at += len(b.Text) + 1
				if k == 0 && strings.TrimFunc(between, isSpace) != "" {
					p.cut = true
				}
				b.pieces = append(b.pieces, p)
			}
			b.Text += " " + g.Text
			i++
		}
		out = append(out, b)
	}
	return out
}

// SectionName is a heading's text as a section name: footnote digits and a
// trailing question mark dropped.
func SectionName(h string) string {
	h = strings.TrimSpace(h)
	h = dropFootnote(h)
	return strings.TrimRight(h, "?: ")
}

// dropFootnote is h without a footnote's one or two digits glued to its
// last word ("improve?1", "board1"): what `([^\s\d])\d{1,2}$` replaced
// with "$1" did, without the regexp engine on every heading.
func dropFootnote(h string) string {
	n := 0 // the digits h ends in, up to three
	for n < len(h) && n < 3 && isDigitByte(h[len(h)-1-n]) {
		n++
	}
	if n == 0 || n > 2 || n == len(h) || isSpaceByte(h[len(h)-1-n]) {
		return h
	}
	return h[:len(h)-n]
}

// assignSections gives each block the name of the last heading above it
// that is part of the report (not chrome). A table's header ("Judgement",
// "Grade": short headings just before its first row) is no section.
func assignSections(blocks []Block) {
	section := ""
	for i := range blocks {
		b := &blocks[i]
		if b.Kind == Heading && !b.Chrome && !tableHeader(blocks, i) {
			section = SectionName(b.Text)
		}
		b.Section = section
	}
}

// tableHeader reports whether heading i heads a judgement table: only
// short headings stand between it and a table row.
func tableHeader(blocks []Block, i int) bool {
	for j := i + 1; j < len(blocks) && j <= i+2; j++ {
		switch {
		case blocks[j].Chrome:
		case blocks[j].Kind == Row:
			return words(blocks[i].Text, 4) <= 3
		case blocks[j].Kind != Heading || words(blocks[j].Text, 4) > 3:
			return false
		}
	}
	return false
}
