package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/findings/findings/pkg/nlp"
)

// maskClasses are the reasons data/notmetrics.txt gives for a span to
// hold no metric.
var maskClasses = map[string]bool{"reference": true, "age": true, "level": true, "name": true,
	"threshold": true, "frequency": true, "period": true}

// parseMasks reads data/notmetrics.txt: lines of class, key words and a
// pattern, with the macros {n}, {d}, {w} and {a} for numbers.
func parseMasks(data string) ([]guarded, error) {
	macros := strings.NewReplacer("{n}", `(?:\d+(?:\.\d+)?|`+wordNumPat+`)`, "{d}", `\d+(?:\.\d+)*`, "{w}", wordNumPat,
		"{a}", `(?:\d{1,2}|`+wordNumPat+`)`)
	var out []guarded
	for n, l := range nlp.NumberedDataLines(data) {
		f := strings.SplitN(l, " ", 3)
		if len(f) != 3 {
			return nil, fmt.Errorf("notmetrics.txt:%d: want class, key and pattern", n)
		}
		if !maskClasses[f[0]] {
			return nil, fmt.Errorf("notmetrics.txt:%d: unknown class %q", n, f[0])
		}
		pat, err := compilePattern(macros.Replace(strings.TrimSpace(f[2])))
		if err != nil {
			return nil, fmt.Errorf("notmetrics.txt:%d: %w", n, err)
		}
		out = append(out, guarded{keys: strings.Split(f[1], "|"), pat: pat})
	}
	return out, nil
}

// guarded is a pattern with the words that must be present for it to
// match, tested first because a substring search costs far less.
type guarded struct {
	keys []string
	re   *regexp.Regexp
	// pat is re cut into branches (the masks set it in place of re)
	pat *pattern
	// lead: a judgement pattern's grade opens at most lead words after
	// the match starts (textKeys.matchesFrom)
	lead int
	// numberAfter: a key must be followed, past the letters that end its
	// word and white space, by a digit or a number word's first letter
	// ("section 4", "paragraphs two"), as every match of re has it
	numberAfter bool
	// spans: the stretches of a text, cut at white space, that every
	// match lies in (nil: the whole text), each searched alone
	spans func(s string) [][2]int
}

// each calls fn with every match of the pattern in s, as pat.eachIn finds
// them (keys: s's keys, pairs: their pairs of bytes), searching the spans
// alone. Every match lies in one span and the spans are cut at white
// space, where \b reads as at a text's start and end: the matches are the
// same.
func (g guarded) each(s, keys string, pairs *bytePairs, fn func(a, b int)) {
	if g.spans == nil {
		g.pat.eachIn(s, keys, pairs, fn)
		return
	}
	for _, sp := range g.spans(s) {
		g.pat.eachIn(s[sp[0]:sp[1]], keys[sp[0]:sp[1]], pairs, func(a, b int) { fn(sp[0]+a, sp[0]+b) })
	}
}

// letterDigitSpans are the spans of a lower-case text that a match of the
// letter-digit pattern lies in: each word (a run of all but white space)
// that holds a letter before a digit or hyphen, or a digit before a
// letter, with the words either side, merged where they share a word.
// Every match holds such a pair, which holds looks for, and spans at most
// two words: a postcode's ("n1 9gu") pair is in its first.
func letterDigitSpans(s string) [][2]int {
	var out [][2]int
	prevStart, lastPair := -1, false // the word before, and whether it held a pair
	for i := 0; i < len(s); {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		start, pair := i, false
		for i < len(s) && !isSpace(s[i]) {
			if i > start {
				a, b := s[i-1], s[i]
				pair = pair || isLetter(a) && (isDigit(b) || b == '-') || isDigit(a) && isLetter(b)
			}
			i++
		}
		if lastPair { // the word after a word with a pair: in its span
			out[len(out)-1][1] = i
		}
		if pair {
			from := start
			if prevStart >= 0 {
				from = prevStart
			}
			if k := len(out); k > 0 && from < out[k-1][1] {
				out[k-1][1] = i
			} else {
				out = append(out, [2]int{from, i})
			}
		}
		prevStart, lastPair = start, pair
	}
	return out
}

// holds reports whether s may match: it holds one of the keys (or a letter
// next to a digit, for the letterDigit key), or there are no keys.
func (g guarded) holds(s string) bool {
	if g.keys == nil {
		return true
	}
	if len(g.keys) == 1 && g.keys[0] == letterDigit[0] {
		for i := 1; i < len(s); i++ {
			a, b := s[i-1], s[i]
			if isLetter(a) && (isDigit(b) || b == '-') || isDigit(a) && isLetter(b) {
				return true
			}
		}
		return false
	}
	for _, k := range g.keys {
		if g.numberAfter && numberAfter(s, k) || !g.numberAfter && strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// holdsIn is holds for a text s whose pairs of bytes are in pairs: a key
// whose first two bytes are not a pair of s is not in s, and is passed
// without a search. The masks ask some 40 patterns' keys of each window
// around a number.
func (g guarded) holdsIn(s string, pairs *bytePairs) bool {
	if g.keys == nil || len(g.keys) == 1 && g.keys[0] == letterDigit[0] {
		return g.holds(s)
	}
	for _, k := range g.keys {
		if !pairs.mayHold(k) {
			continue
		}
		if g.numberAfter && numberAfter(s, k) || !g.numberAfter && strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// bytePairs is a set of the pairs of bytes that follow one another in a
// text, as bits.
type bytePairs [1 << 16 / 64]uint64

// set adds (on) or removes (off) the pairs of s: removing them leaves
// the set empty for the next text at the cost of its own length.
func (p *bytePairs) set(s string, on bool) {
	for i := 0; i+1 < len(s); i++ {
		v := uint16(s[i])<<8 | uint16(s[i+1])
		if on {
			p[v>>6] |= 1 << (v & 63)
		} else {
			p[v>>6] = 0
		}
	}
}

// mayHold reports whether a text whose pairs these are may hold k: k is
// shorter than two bytes, or its first two bytes are a pair.
func (p *bytePairs) mayHold(k string) bool {
	if len(k) < 2 {
		return true
	}
	v := uint16(k[0])<<8 | uint16(k[1])
	return p[v>>6]&(1<<(v&63)) != 0
}

// numberAfter reports whether some k in s is followed by the letters that
// end its word, then white space, then a digit or the first letter of
// one, two ... ten.
func numberAfter(s, k string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], k)
		if i < 0 {
			return false
		}
		j := from + i + len(k)
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		sp := j
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j > sp && j < len(s) && (isDigit(s[j]) || strings.IndexByte("otfsen", s[j]) >= 0) {
			return true
		}
		from += i + 1
	}
}

// isSpace reports whether c is white space as a pattern's \s is.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// matchesIf calls fn with every match of p in s (and its submatches)
// when s holds one of the keys: most sentences hold none, and a substring
// search is far cheaper than a pattern. keyText is s as p's needs are
// tested.
func matchesIf(p *pattern, s, keyText string, fn func([]int), keys ...string) {
	for _, k := range keys {
		if strings.Contains(s, k) {
			p.eachSubmatch(s, keyText, fn)
			return
		}
	}
}

// mayBePeriod reports whether a lower-cased window may hold a reference
// period (periodPat): each of its shapes needs the words tested here, and
// the pattern, too large for the fast matcher, costs some 100 µs a window.
func mayBePeriod(s string) bool {
	has := func(keys ...string) bool { return guarded{keys: keys}.holds(s) }
	unit := has("hour", "day", "week", "month", "year", "quarter")
	return unit && has("last", "past", "previous", "next", "coming", "following", "first", "every", "each", "recent", "preceding") ||
		unit && has("ago", "prior", "before", "earlier", "later", "previously", "period", "plan", "strategy", "programme", "contract", "cycle") ||
		has("monthly", "weekly", "yearly", "daily", "one-to-one", "one-off") ||
		has("point") && has("scale")
}

// namedNumber reports whether the number at offset i is part of a name:
// it follows a capitalised word that does not open the sentence ("Project
// 3", "Catch 22").
func (x *metricStage) namedNumber(text string, i int) bool {
	m := lastTwoWords(lookBehind(text[:i], 128))
	if m == nil {
		// the number's only word before it opens the sentence: "Project 3 provides"
		w := strings.TrimSpace(text[:i])
		return w != "" && !strings.Contains(w, " ") && w[0] >= 'A' && w[0] <= 'Z' && !x.openers[strings.ToLower(w)] &&
			!strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, ",")
	}
	w := m[2]
	if w == "" || w[0] < 'A' || w[0] > 'Z' || strings.ToUpper(w) == w || strings.ContainsAny(w[len(w)-1:], ":;,.)") {
		return false
	}
	prev := m[1]
	return !strings.HasSuffix(prev, ".") && !strings.HasSuffix(prev, ":")
}

var capitalBeforeRE = regexp.MustCompile(`(\S+)\s+(\S+)\s*$`)

// lastTwoWords is capitalBeforeRE.FindStringSubmatch(s), read from the end
// of s: the whole from the word before the last, that word and the last
// (runs of all but white space), or nil when s holds fewer than two. The
// pattern tried every start in s, and each to the end.
func lastTwoWords(s string) []string {
	e := len(s)
	for e > 0 && isSpace(s[e-1]) {
		e--
	}
	b := e // the last word is s[b:e]
	for b > 0 && !isSpace(s[b-1]) {
		b--
	}
	pe := b // the one before it is s[pb:pe]
	for pe > 0 && isSpace(s[pe-1]) {
		pe--
	}
	pb := pe
	for pb > 0 && !isSpace(s[pb-1]) {
		pb--
	}
	if b == e || pb == pe {
		return nil
	}
	return []string{s[pb:], s[pb:pe], s[b:e]}
}

// lookBehind is the end of s, some n bytes of it, for the patterns that
// read the words just before a number: run on the whole sentence before
// each number, they cost time in the square of the sentence's length.
func lookBehind(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}
