package nlp

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is prose's sentence segmenter (prose/v3/segment, which is
// Punkt from gopkg.in/neurosnap/sentences.v1 with one more annotation
// pass of prose's own), made again step for step with the same trained
// model, so that it splits every text where prose splits it (a test runs
// both on every test text and a fuzz target on any text). It is here for
// speed: prose allocates each candidate token, types tokens with regexps
// and tests each word's punctuation three times; this reads the same
// decisions from byte scans, with one slice of tokens per text. Both
// libraries are MIT-licensed.

// punktModel is the trained Punkt model prose's segmenter uses: the
// English training data of neurosnap/sentences with prose's four added
// abbreviations.
type punktModel struct {
	abbrevs, collocations, starters map[string]bool
	ortho                           map[string]int
}

// proseAbbrevs are the abbreviations prose adds to the trained ones.
var proseAbbrevs = []string{"sgt", "gov", "no", "mt"}

// punktData is the English training data of neurosnap/sentences
// (data/english.json, which prose's segmenter loads) as lines of text: a
// kind, a tab, a key, and for "ortho" a tab and its flags; lines opening
// with "#" are comments. Reading them takes a millisecond or two where
// unzipping and decoding the JSON took 14 ms of every start. `go
// generate` writes it from the module's data and TestPunktData holds it
// to that data.
//
//go:generate go test -run ^TestPunktData$ . -update
//go:embed data/punkt.txt
var punktData string

// loadPunkt reads the model as prose's segment.New does: the trained data
// and prose's abbreviations.
func loadPunkt() (*punktModel, error) {
	m, err := parsePunkt(punktData)
	if err != nil {
		return nil, fmt.Errorf("read punkt model: %w", err)
	}
	for _, a := range proseAbbrevs {
		m.abbrevs[a] = true
	}
	return m, nil
}

// parsePunkt reads a model written as punktData is. The keys are slices
// of text, not copies.
func parsePunkt(text string) (*punktModel, error) {
	m := &punktModel{abbrevs: map[string]bool{}, collocations: map[string]bool{}, starters: map[string]bool{},
		ortho: make(map[string]int, strings.Count(text, "\northo\t"))}
	sets := map[string]map[string]bool{"abbrev": m.abbrevs, "collocation": m.collocations, "starter": m.starters}
	for n := 1; text != ""; n++ {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		if l == "" || l[0] == '#' {
			continue
		}
		kind, key, _ := strings.Cut(l, "\t")
		if kind == "ortho" {
			key, flags, _ := strings.Cut(key, "\t")
			v, err := strconv.Atoi(flags)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			m.ortho[key] = v
		} else if set, ok := sets[kind]; ok {
			set[key] = true
		} else {
			return nil, fmt.Errorf("line %d: unknown kind %q", n, kind)
		}
	}
	return m, nil
}

// punktToken is a word Punkt looks at: one holding '.', '?' or '!', or
// the word after one.
type punktToken struct {
	tok       string
	end       int // where the white space after it starts (Punkt's Position)
	sentBreak bool
	abbr      bool
	typed     bool   // typ holds the token's type
	typ       string // Punkt's type of tok (punktType)
}

// segment cuts text into sentences as prose's Segmenter.Segment does.
func (m *punktModel) segment(text string) []Sentence {
	toks := punktTokens(text)
	for i := range toks {
		m.typeAnnotation(&toks[i])
	}
	for i := 0; i+1 < len(toks); i++ {
		m.tokenAnnotation(&toks[i], &toks[i+1])
	}
	for i := range toks {
		if i+1 == len(toks) {
			if t := toks[i].tok; strings.Contains(t, "\n") && strings.Contains(t, " ") {
				toks[i].sentBreak = false
			}
			continue
		}
		m.proseAnnotation(&toks[i], &toks[i+1])
	}
	breaks := 1
	for _, t := range toks {
		if t.sentBreak {
			breaks++
		}
	}
	out := make([]Sentence, 0, breaks)
	last := 0
	for _, t := range toks {
		if t.sentBreak {
			out = appendTrimmed(out, text, last, t.end)
			last = t.end
		}
	}
	if last != len(text) {
		out = appendTrimmed(out, text, last, len(text))
	}
	return out
}

// appendTrimmed adds text[start:end] without its white space, unless
// nothing is left, as prose's trimRange does.
func appendTrimmed(out []Sentence, text string, start, end int) []Sentence {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if start >= end {
		return out
	}
	return append(out, Sentence{Text: text[start:end], Start: start, End: end})
}

// punktTokens splits text at white space into the words Punkt looks at,
// as its word tokenizer does with onlyPeriodContext: a word ends at a
// white space rune or at the text's last byte (so that a text ending in a
// rune of several bytes loses its last word, as Punkt's does), and a text
// with none is one token. It reads each byte once.
func punktTokens(text string) []punktToken {
	toks := make([]punktToken, 0, 2*strings.Count(text, ".")+2)
	start, punct, nextWord := -1, false, false // the word being read
	var marks markFinder
	for i := 0; i < len(text); {
		if start < 0 && !nextWord {
			// between words, none to take for following a mark: the
			// next word that counts holds one; step to its start
			j := marks.next(text, i)
			if j < 0 {
				break
			}
			i = wordStart(text, i, j)
		}
		if start >= 0 { // inside a word: step over its plain bytes
			for i < len(text)-1 && plainByte[text[i]] {
				i++
			}
		}
		c, size := text[i], 1
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || '\t' <= c && c <= '\r'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		last := i == len(text)-1
		if !space {
			if start < 0 {
				start, punct = i, false
			}
			punct = punct || c == '.' || c == '!' || c == '?'
		}
		i += size
		if !space && !last || start < 0 {
			continue
		}
		end := i - size // the word ends at the space or takes the last byte
		if last && !space {
			end = len(text)
		}
		if punct || nextWord {
			cursor := i - size
			if last {
				cursor = len(text)
			}
			toks = append(toks, punktToken{tok: text[start:end], end: cursor})
			nextWord = punct
		}
		start = -1
	}
	if len(toks) == 0 {
		toks = append(toks, punktToken{tok: text, end: len(text)})
	}
	return toks
}

// markFinder finds the next '.', '!' or '?' in a text by a byte search
// for each, remembering where each is until it is passed.
type markFinder struct {
	at    [3]int // where each mark next is, from searched; -1 none
	known bool
}

// next is the offset of the first mark at or after i in text, or -1.
func (m *markFinder) next(text string, i int) int {
	first := -1
	for k, c := range [3]byte{'.', '!', '?'} {
		if !m.known || m.at[k] >= 0 && m.at[k] < i {
			m.at[k] = -1
			if j := strings.IndexByte(text[i:], c); j >= 0 {
				m.at[k] = i + j
			}
		}
		if a := m.at[k]; a >= 0 && (first < 0 || a < first) {
			first = a
		}
	}
	m.known = true
	return first
}

// wordStart is where the word holding text[j] starts: after the last
// white space rune before j, and not before from (a word break). Any
// place from there back to from would give the same tokens, as the
// tokenizer reads on from it: this only saves the reading.
func wordStart(text string, from, j int) int {
	for j > from {
		c, size := rune(text[j-1]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeLastRuneInString(text[from:j])
		}
		if unicode.IsSpace(c) {
			break
		}
		j -= size
	}
	return j
}

// plainByte tells the bytes that change nothing inside a word: ASCII but
// neither white space nor '.', '!' or '?'.
var plainByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !(c == ' ' || '\t' <= c && c <= '\r' || c == '.' || c == '!' || c == '?')
	}
	return t
}()

// typeAnnotation is Punkt's first pass: a token ending a sentence by its
// marks is a break, one ending in a full stop an abbreviation if the model
// knows it, else a break.
func (m *punktModel) typeAnnotation(t *punktToken) {
	switch {
	case proseSentEnd(t.tok):
		t.sentBreak = true
	case strings.HasSuffix(t.tok, ".") && !strings.HasSuffix(t.tok, ".."):
		// Punkt cuts the last rune's worth of bytes by the rune count
		noPeriod := strings.ToLower(t.tok[:utf8.RuneCountInString(t.tok)-1])
		lastPart := noPeriod[strings.LastIndexByte(noPeriod, '-')+1:]
		if m.abbrevs[noPeriod] || m.abbrevs[lastPart] {
			t.abbr = true
		} else {
			t.sentBreak = true
		}
	}
}

// proseSentEnd is prose's HasSentEndChars: a token ends a sentence when
// it ends in '?' or '!', or in '.', '?' or '!' and a closing bracket or
// quote (not "'" after '.'), and does not hold "Yahoo!"; or when it holds
// '.', '?' or '!' before an opening bracket, or '.' before '"'.
func proseSentEnd(tok string) bool {
	return endsSentence(tok) && !strings.Contains(tok, "Yahoo!") || opensAfterEnd(tok)
}

// endsSentence reports whether tok ends in one of prose's enders: `."`,
// `.)`, `.’`, `.”`, and '?' and '!' alone or before any of `"'’”)`.
func endsSentence(tok string) bool {
	if tok == "" {
		return false
	}
	if c := tok[len(tok)-1]; c == '?' || c == '!' {
		return true
	}
	rest, mark := tok, ""
	for _, m := range []string{`"`, `)`, `'`, "’", "”"} {
		if strings.HasSuffix(tok, m) {
			rest, mark = tok[:len(tok)-len(m)], m
			break
		}
	}
	if mark == "" || rest == "" {
		return false
	}
	switch rest[len(rest)-1] {
	case '?', '!':
		return true
	case '.':
		return mark != "'"
	}
	return false
}

// opensAfterEnd reports whether tok holds one of prose's `.[`, `.(`,
// `."`, `?[`, `?(`, `![`, `!(`.
func opensAfterEnd(tok string) bool {
	for i := 0; i+1 < len(tok); i++ {
		switch c, d := tok[i], tok[i+1]; {
		case c != '.' && c != '?' && c != '!':
		case d == '[' || d == '(' || c == '.' && d == '"':
			return true
		}
	}
	return false
}

// Punkt's orthographic contexts of a word type: seen upper-case in a
// sentence's middle, and seen lower-case at all or at a sentence's start.
const (
	orthoMidUc = 1 << 2
	orthoUc    = 1<<1 | 1<<2 | 1<<3
	orthoBegLc = 1 << 4
	orthoLc    = 1<<4 | 1<<5 | 1<<6
)

// tokenAnnotation is Punkt's second pass over a token ending in a full
// stop and the token after it: collocations and initials are no breaks,
// an abbreviation before a sentence starter is one.
func (m *punktModel) tokenAnnotation(one, two *punktToken) {
	if !strings.HasSuffix(one.tok, ".") {
		return
	}
	typ, next := noPeriod(one.typeOf()), two.typeNoSentPeriod()
	initial := isInitial(one.tok)
	if m.collocations[typ+","+next] {
		one.sentBreak, one.abbr = false, true
		return
	}
	if (one.abbr || isEllipsisEnd(one.tok)) && !initial {
		if m.orthoHeuristic(two) == 1 || firstUpper(two.tok) && m.starters[next] {
			one.sentBreak = true
			return
		}
	}
	if one.tok == "." && two.tok == "." {
		one.sentBreak, two.sentBreak = false, false
		return
	}
	if initial || typ == "##number##" {
		h := m.orthoHeuristic(two)
		if h == 0 || h == -1 && initial && firstUpper(two.tok) && m.ortho[next]&orthoLc == 0 {
			one.sentBreak, one.abbr = false, true
		}
	}
}

// proseAnnotation is prose's third pass over a token and the one after
// it: a stop inside quotes or brackets before a lower-case word is no
// break, an ellipsis or a non-breaking stop before a sentence starter is
// one, and a dotted abbreviation ("e.g.") is one only before a starter.
func (m *punktModel) proseAnnotation(one, two *punktToken) {
	stop := strings.HasSuffix(one.tok, ".")
	if stop && two.tok == "." {
		one.sentBreak, two.sentBreak = false, false
		return
	}
	nonBreak := stop && !one.sentBreak
	ellipsis := hasSpacedEllipsis(one.tok)
	internal := one.sentBreak && endsInternal(one.tok)
	var next string
	if nonBreak || ellipsis || internal {
		next = two.typeNoSentPeriod()
		starter := m.starters[next]
		switch {
		case ellipsis && (firstUpper(two.tok) || starter):
			one.sentBreak = true
			return
		case internal && firstLower(two.tok) && !starter:
			one.sentBreak = false
			return
		case nonBreak && firstUpper(two.tok) && m.ortho[next]&orthoLc != 0:
			one.sentBreak = true
		}
	}
	if !hasDottedAbbrev(one.tok) || isInitial(one.tok) {
		return
	}
	one.abbr, one.sentBreak = true, false
	if m.orthoHeuristic(two) == 1 {
		one.sentBreak = true
		return
	}
	if next == "" {
		next = two.typeNoSentPeriod()
	}
	if firstUpper(two.tok) && m.starters[next] {
		one.sentBreak = true
	}
}

// orthoHeuristic is Punkt's guess whether a token starts a sentence: 1
// yes, 0 no, -1 unknown, from how its type was seen in training.
func (m *punktModel) orthoHeuristic(t *punktToken) int {
	if len(t.tok) == 1 && strings.IndexByte(";:,.!?", t.tok[0]) >= 0 {
		return 0
	}
	ctx := m.ortho[t.typeNoSentPeriod()]
	if firstUpper(t.tok) && ctx&orthoLc > 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	if firstLower(t.tok) && (ctx&orthoUc > 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
}

// typeOf is Punkt's type of the token (its Type), made once.
func (t *punktToken) typeOf() string {
	if !t.typed {
		t.typ, t.typed = punktType(t.tok), true
	}
	return t.typ
}

// typeNoSentPeriod is the token's type without its final stop when the
// token is a sentence break.
func (t *punktToken) typeNoSentPeriod() string {
	if t.sentBreak {
		return noPeriod(t.typeOf())
	}
	return t.typeOf()
}

// noPeriod is a type without its final stop, unless it is the stop alone.
func noPeriod(typ string) string {
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

// punktType is Punkt's type of a token: lower-cased, a number at its end
// (what `-?[\.,]?\d[\d,\.-]*\.?$` matches) made "##number##", and,
// unless one byte is left, without commas.
func punktType(tok string) string {
	typ := strings.ToLower(tok)
	// the number runs from the first byte of the last stretch of digits,
	// commas, stops and hyphens at which a hyphen, then a comma or stop,
	// may be followed by a digit
	q := len(typ)
	for q > 0 && isNumberByte(typ[q-1]) {
		q--
	}
	for p := q; p < len(typ); p++ {
		if opensNumber(typ[p:]) {
			typ = typ[:p] + "##number##"
			break
		}
	}
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

// isNumberByte reports whether c is a digit, comma, full stop or hyphen.
func isNumberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == ',' || c == '.' || c == '-'
}

// opensNumber reports whether s opens as `-?[\.,]?\d`.
func opensNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s != "" && (s[0] == '.' || s[0] == ',') {
		s = s[1:]
	}
	return s != "" && '0' <= s[0] && s[0] <= '9'
}

// isInitial reports whether tok is a letter and a full stop: "J.".
func isInitial(tok string) bool {
	return len(tok) == 2 && tok[1] == '.' && ('a' <= tok[0]|0x20 && tok[0]|0x20 <= 'z')
}

// isEllipsisEnd reports whether tok ends in two or more full stops.
func isEllipsisEnd(tok string) bool { return strings.HasSuffix(tok, "..") }

// hasSpacedEllipsis reports whether tok holds three full stops with at
// most one ASCII white space byte between each two, as prose's
// `(?:\.\s?){2,}\.` finds.
func hasSpacedEllipsis(tok string) bool {
	next := func(i int) int { // the stop after the one at i, or -1
		switch {
		case i+1 < len(tok) && tok[i+1] == '.':
			return i + 1
		case i+2 < len(tok) && isRE2Space(tok[i+1]) && tok[i+2] == '.':
			return i + 2
		}
		return -1
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] != '.' {
			continue
		}
		if j := next(i); j >= 0 && next(j) >= 0 {
			return true
		}
	}
	return false
}

// isRE2Space is the regexp \s: ASCII white space without \v.
func isRE2Space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// endsInternal reports whether tok ends in a closing bracket or quote.
func endsInternal(tok string) bool {
	for _, s := range []string{")", "’", "”", `"`, "'"} {
		if strings.HasSuffix(tok, s) {
			return true
		}
	}
	return false
}

// hasDottedAbbrev reports whether tok holds a word character and a stop,
// then word characters and a stop ("e.g.", "p.m."), as prose's
// `((?:[\w]\.)+[\w]*\.)` finds.
func hasDottedAbbrev(tok string) bool {
	for i := 0; i+1 < len(tok); i++ {
		if !isRE2Word(tok[i]) || tok[i+1] != '.' {
			continue
		}
		j := i + 2
		for j < len(tok) && isRE2Word(tok[j]) {
			j++
		}
		if j < len(tok) && tok[j] == '.' {
			return true
		}
	}
	return false
}

// isRE2Word is the regexp \w: an ASCII letter, digit or underscore.
func isRE2Word(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// firstUpper and firstLower say the case of tok's first rune.
func firstUpper(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return tok != "" && unicode.IsUpper(r)
}

func firstLower(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return tok != "" && unicode.IsLower(r)
}
