package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// neutralHead is how many bytes of a sentence the patterns anchored at the
// start look at: they name its opening words.
const neutralHead = 120

// neutralPatterns are data/neutral.txt: sentences of method and of the
// letter itself, which never evaluate. Most sentences match none, and the
// regular expressions would try each (their matcher clears a bitmap the
// size of program by text at every call); so each pattern carries a
// filter found in its syntax, and the patterns run only on a sentence that
// one of the filters lets through.
type neutralPatterns struct {
	start, any *regexp.Regexp // patterns anchored at the start, under one ^, and the rest
	startLines []lineFilter   // one per pattern in start
	anyLines   []lineFilter   // one per pattern in any
}

// lineFilter is what a text needs if one pattern is to match it, ASCII
// case folded: one of the literals, and, for a pattern anchored at the
// start, one of the prefixes at its start. A nil set needs nothing.
type lineFilter struct {
	lits, prefixes [][]byte
}

// maxFolded is the longest sentence the filter folds on the stack; a longer
// one goes straight to the patterns.
const maxFolded = 1024

// match reports whether s matches a neutral pattern. It is what the
// patterns alone say: the filters only skip patterns that cannot match.
func (n *neutralPatterns) match(s string) bool {
	var buf [maxFolded]byte
	low, ok := foldASCII(buf[:0], s)
	head := s[:min(len(s), neutralHead)]
	if n.start != nil && (!ok || mayMatch(n.startLines, low[:len(head)])) && n.start.MatchString(head) {
		return true
	}
	return n.any != nil && (!ok || mayMatch(n.anyLines, low)) && n.any.MatchString(s)
}

// foldASCII appends s with its ASCII letters lower-cased to dst. It
// reports false, and folds nothing, when s is longer than maxFolded or
// holds the Kelvin sign (U+212A) or the long s (U+017F): under (?i) a
// pattern's "k" or "s" matches them too, and an ASCII comparison would
// miss that.
func foldASCII(dst []byte, s string) ([]byte, bool) {
	if len(s) > maxFolded || strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return dst, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// mayMatch reports whether one of the filters lets low, a text folded by
// foldASCII, through.
func mayMatch(fs []lineFilter, low []byte) bool {
	for i := range fs {
		if fs[i].may(low) {
			return true
		}
	}
	return false
}

// may reports whether low, a text folded by foldASCII, has what the
// pattern needs.
func (f *lineFilter) may(low []byte) bool {
	return (f.prefixes == nil || slices.ContainsFunc(f.prefixes, func(p []byte) bool { return bytes.HasPrefix(low, p) })) &&
		(f.lits == nil || slices.ContainsFunc(f.lits, func(l []byte) bool { return bytes.Contains(low, l) }))
}

// newLineFilter is the filter of the pattern p (Perl syntax, matched
// case-insensitively); anchored says that it matches only at the start.
func newLineFilter(p string, anchored bool) (lineFilter, error) {
	var f lineFilter
	re, err := syntax.Parse("(?i)"+p, syntax.Perl)
	if err != nil {
		return f, err
	}
	if lits, ok := required(re); ok {
		f.lits = toBytes(lits)
	}
	if anchored {
		var ps []string
		for _, p := range prefixes(re) {
			if p.s == "" {
				ps = nil // a match may start with anything
				break
			}
			ps = append(ps, p.s)
		}
		f.prefixes = toBytes(ps)
	}
	return f, nil
}

func toBytes(ss []string) [][]byte {
	if ss == nil {
		return nil
	}
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

// required is a set of literals, lower-case ASCII, one of which every
// match of re holds; ok is false when no such set is known. A literal
// with a letter outside ASCII gives none, since its case folds are not
// ASCII's.
func required(re *syntax.Regexp) (lits []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return literalOf(re.Rune)
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if l, ok := required(sub); ok && (lits == nil || better(l, lits)) {
				lits = l
			}
		}
		return lits, lits != nil
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, ok := required(sub)
			if !ok {
				return nil, false
			}
			lits = append(lits, l...)
		}
		return lits, true
	}
	return nil, false
}

// literalOf is the literal runes rs lower-cased, if they are ASCII.
func literalOf(rs []rune) ([]string, bool) {
	b := make([]byte, 0, len(rs))
	for _, r := range rs {
		if r >= utf8.RuneSelf {
			return nil, false
		}
		c := byte(r)
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return []string{string(b)}, true
}

// better reports whether the literal set a filters better than b: its
// shortest literal is longer, or as long with fewer literals.
func better(a, b []string) bool {
	sa, sb := shortest(a), shortest(b)
	return sa > sb || sa == sb && len(a) < len(b)
}

func shortest(ls []string) int {
	n := len(ls[0])
	for _, l := range ls[1:] {
		n = min(n, len(l))
	}
	return n
}

// prefix is a literal a match may start with; done says that the match
// may be the literal and what follows, so that a pattern after it adds to
// it, where otherwise the literal is all that is known.
type prefix struct {
	s    string
	done bool
}

// maxPrefixes bounds the prefixes of a pattern: past it, what is known
// stops growing.
const maxPrefixes = 64

// prefixes are the literals, lower-case ASCII, one of which starts every
// match of re; a "" among them says that a match may start with anything.
func prefixes(re *syntax.Regexp) []prefix {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpBeginLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpEmptyMatch:
		return []prefix{{"", true}}
	case syntax.OpLiteral:
		if l, ok := literalOf(re.Rune); ok {
			return []prefix{{l[0], true}}
		}
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpQuest:
		return append(prefixes(re.Sub[0]), prefix{"", true})
	case syntax.OpAlternate:
		var out []prefix
		for _, sub := range re.Sub {
			out = append(out, prefixes(sub)...)
		}
		return out
	case syntax.OpConcat:
		out := []prefix{{"", true}}
		for _, sub := range re.Sub {
			if out = extend(out, prefixes(sub)); !slices.ContainsFunc(out, func(p prefix) bool { return p.done }) {
				break
			}
		}
		return out
	}
	return []prefix{{"", false}}
}

// extend appends each of next to each prefix of ps that is done; the rest
// stay as they are. Past maxPrefixes it returns ps with none done.
func extend(ps, next []prefix) []prefix {
	var out []prefix
	for _, p := range ps {
		if !p.done {
			out = append(out, p)
			continue
		}
		for _, q := range next {
			out = append(out, prefix{p.s + q.s, q.done})
		}
	}
	if len(out) > maxPrefixes {
		for i := range ps {
			ps[i].done = false
		}
		return ps
	}
	return out
}

// readNeutral is data/neutral.txt: the patterns anchored at the start,
// under one ^ so that the matcher gives up after the first position, and
// the rest, each with its literal filter.
func readNeutral() (neutralPatterns, error) {
	var n neutralPatterns
	neutral, err := readData("neutral.txt")
	if err != nil {
		return n, err
	}
	var starts, anys []string
	for _, l := range dataLines(neutral) {
		if _, err := regexp.Compile(l); err != nil {
			return n, fmt.Errorf("neutral.txt: %w", err)
		}
		anchored := strings.HasPrefix(l, "^")
		f, err := newLineFilter(l, anchored)
		if err != nil {
			return n, fmt.Errorf("neutral.txt: %w", err)
		}
		if anchored {
			n.startLines = append(n.startLines, f)
			starts = append(starts, "(?:"+l[1:]+")")
		} else {
			n.anyLines = append(n.anyLines, f)
			anys = append(anys, "(?:"+l+")")
		}
	}
	if len(starts) > 0 {
		n.start = regexp.MustCompile(`(?i)^(?:` + strings.Join(starts, "|") + `)`)
	}
	if len(anys) > 0 {
		n.any = regexp.MustCompile(`(?i)` + strings.Join(anys, "|"))
	}
	return n, nil
}
