package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// pattern is a regular expression cut at its top-level '|' into branches,
// each run alone and only on text that holds the literals every match of
// the branch holds, and, when it opens a word, tried only where a word
// opens with its first letter. Together the branches find what the whole
// finds (FindAllStringIndex), at a fraction of the cost: most branches
// cannot match most windows, and a small branch runs in the backtracker
// where the whole, over 500 instructions, ran in the slower NFA. A
// pattern compiles on first use, so that start-up pays only for the
// patterns a run needs.
type pattern struct {
	expr      string
	matcher   bool // asked only whether it matches (mustMatcher)
	opening   bool // tried where its opening strings occur (mustOpening)
	once      sync.Once
	built     compiled
	wholeOnce sync.Once
	wholeRE   *regexp.Regexp
}

// compiled is a pattern's branches.
type compiled struct {
	branches []branch
	// foldFirst: a branch is anchored where a word opens with an ASCII
	// letter, though its case folding also opens matches with "ſ" or the
	// Kelvin sign (foldWordStart); on a text that may hold them (low "")
	// the whole runs
	foldFirst bool
}

// branch is one alternative of a pattern.
type branch struct {
	re *regexp.Regexp
	// need: every match holds one string of each set, so a text that
	// lacks all the strings of a set is not searched
	need [][]string
	// boundary: the branch opens with \b before a word character, which
	// a search of s[p:] cannot test at p; from skips the word it is in
	boundary bool
	// anchored is the branch tried at one place (^), where a word opens
	// with a byte of first: most windows hold few such places (a pattern
	// that opens with a digit is tried at the numbers alone)
	anchored *regexp.Regexp
	first    *[256]bool
	// pairs: every match of an anchored branch opens with one of these
	// first two bytes (as the needs are tested, sorted), nil when not
	// known; "\b(?:section|para...)" is tried at "se" and "pa", not at
	// every word opening with s or p
	pairs []uint16
	// anySecond: the first bytes after which any second byte may follow
	// (a digit of \d+), with pairs; nil when none
	anySecond *[256]bool
	// foldFirst: see compiled.foldFirst
	foldFirst bool
	// opens: a matcher's branch under ^ matches at the text's start
	// alone, so a text that opens with none of these strings is not
	// searched; nil when a match may open with anything
	opens     []string
	openFirst *[256]bool // the first bytes of opens
	// at: every match of an opening pattern opens with one of these
	// strings; it is tried, anchored, where each occurs in the text's
	// keys, and only there
	at []string
}

// mustPattern is a pattern of the package's own; as MustCompile, a
// pattern that does not compile panics, on first use (the tests use
// every one).
func mustPattern(expr string) *pattern { return &pattern{expr: expr} }

// compilePattern is a pattern read from data: its syntax is checked now,
// its compiling waits for its first use.
func compilePattern(expr string) (*pattern, error) {
	if _, err := syntax.Parse(expr, syntax.Perl); err != nil {
		return nil, err
	}
	return &pattern{expr: expr}, nil
}

// mustMatcher is a pattern that is only asked whether it matches: every
// top-level alternative is a branch, as a text holds a match of the whole
// when it holds one of an alternative, wherever it starts.
func mustMatcher(expr string) *pattern { return &pattern{expr: expr, matcher: true} }

// compileMatcher is mustMatcher for a pattern read from data: its syntax
// is checked now, its compiling waits for its first use.
func compileMatcher(expr string) (*pattern, error) {
	p, err := compilePattern(expr)
	if err != nil {
		return nil, err
	}
	p.matcher = true
	return p, nil
}

// mustOpening is a pattern of the package's own that is asked for its
// submatches (eachSubmatch, submatches) and whose needs and opening
// strings are tested on lowKeys of the text, whatever the case of its
// letters: a pattern that mixes case-blind words and capitalised names.
// When every match opens with a telling string (minOpening), it runs,
// anchored, only where one occurs: a search from the start would read
// every byte after it.
func mustOpening(expr string) *pattern { return &pattern{expr: expr, opening: true} }

// minOpening is the shortest opening string worth searching for: a
// shorter one ("in ") occurs at too many places.
const minOpening = 5

// get is the pattern compiled.
func (p *pattern) get() *compiled {
	p.once.Do(func() {
		switch {
		case p.opening:
			p.built = p.buildOpening()
		case p.matcher:
			p.built = p.buildMatcher()
		default:
			p.built = p.build()
		}
	})
	return &p.built
}

// buildOpening is an opening pattern as one branch: its needs read from
// its letters case-blind, and, when it tests nothing before its start
// but a \b, the strings its matches open with.
func (p *pattern) buildOpening() compiled {
	tree, _ := syntax.Parse(p.expr, syntax.Perl) // as the whole compiles
	blind, _ := syntax.Parse(p.expr, syntax.Perl)
	foldLetters(blind)
	b := branch{re: p.whole(), need: needsOf(blind, true)}
	one := compiled{branches: []branch{b}}
	subs := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpConcat {
		subs = tree.Sub
	}
	boundary := subs[0].Op == syntax.OpWordBoundary && len(subs) >= 2 && wordStart(subs[1])
	if minLen(tree) == 0 || !boundary && !consumesFirst(subs[0]) {
		return one
	}
	r := &reader{memo: map[*syntax.Regexp]exactSet{}}
	var at []string
	for _, o := range r.prefixes(blind) {
		if len(o.s) < minOpening {
			return one
		}
		if !slices.Contains(at, o.s) {
			at = append(at, o.s)
		}
	}
	b.boundary, b.at, b.anchored = boundary, at, regexp.MustCompile(`^(?:`+p.expr+`)`)
	return compiled{branches: []branch{b}}
}

// foldLetters makes re's literals and classes case-blind, for needs read
// from it to hold in the ASCII lower case of a text: a class that holds
// a letter beyond ASCII with an ASCII one would need a fold asciiLower
// does not make, and is left unknown (any character).
func foldLetters(re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpLiteral:
		re.Flags |= syntax.FoldCase
	case syntax.OpCharClass:
		if slices.ContainsFunc(re.Rune, func(r rune) bool { return r >= 0x80 }) {
			re.Op, re.Rune = syntax.OpAnyChar, nil
		} else {
			re.Flags |= syntax.FoldCase
		}
	}
	for _, sub := range re.Sub {
		foldLetters(sub)
	}
}

// build cuts the pattern into branches when that is safe: each branch
// matches no empty text and tests nothing before where its match starts
// but a leading \b. Otherwise the pattern is one branch.
func (p *pattern) build() compiled {
	var c compiled
	parts := splitTop(p.expr)
	for _, part := range parts {
		b, ok := newBranch(part)
		if !ok {
			c.branches = nil
			break
		}
		c.branches = append(c.branches, b)
	}
	c.foldFirst = slices.ContainsFunc(c.branches, func(b branch) bool { return b.foldFirst })
	if len(parts) == 1 && c.branches != nil && c.branches[0].anchored != nil {
		return c
	}
	if len(parts) < 2 || c.branches == nil {
		tree, _ := syntax.Parse(p.expr, syntax.Perl) // as the whole compiles
		c.branches, c.foldFirst = []branch{{re: p.whole(), need: needs(tree)}}, false
	}
	return c
}

// whole is the pattern as one regular expression, compiled on first use:
// the branches stand for it but where one branch runs unanchored.
func (p *pattern) whole() *regexp.Regexp {
	p.wholeOnce.Do(func() { p.wholeRE = regexp.MustCompile(p.expr) })
	return p.wholeRE
}

// buildMatcher compiles every top-level alternative as a branch.
func (p *pattern) buildMatcher() compiled {
	var c compiled
	for _, part := range splitTop(p.expr) {
		re, err := regexp.Compile(part)
		tree, perr := syntax.Parse(part, syntax.Perl)
		if err != nil || perr != nil { // a cut inside a construct: keep the whole
			c.branches = nil
			break
		}
		b := branch{re: re, need: needs(tree), opens: opensOf(tree)}
		if b.opens != nil {
			b.openFirst = new([256]bool)
			for _, o := range b.opens {
				b.openFirst[o[0]] = true // opensOf gives no empty string
			}
		}
		c.branches = append(c.branches, b)
	}
	if c.branches == nil {
		c.branches = []branch{{re: p.whole()}}
	}
	return c
}

// matches reports whether the pattern matches s; low as for each.
func (p *pattern) matches(s, low string) bool { return p.matchesIn(s, low, nil) }

// matchesIn is matches for a text low whose pairs of bytes are in pairs
// (nil: not known), as for eachIn.
func (p *pattern) matchesIn(s, low string, pairs *bytePairs) bool {
	bs := p.get().branches
	for i := range bs {
		b := &bs[i]
		if (low == "" || b.holdsIn(low, pairs)) && b.re.MatchString(s) {
			return true
		}
	}
	return false
}

// newBranch compiles one alternative; ok is false when it may match empty
// text or tests the text before its start.
func newBranch(expr string) (branch, bool) {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return branch{}, false // a cut inside a construct: keep the whole
	}
	b := branch{need: needs(tree)}
	subs := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpConcat {
		subs = tree.Sub
	}
	if minLen(tree) > 0 && subs[0].Op == syntax.OpWordBoundary && len(subs) >= 2 && (wordStart(subs[1]) || foldWordStart(subs[1])) {
		// a match opens where a word opens, with one of the characters
		// the pattern opens with: tried there alone, anchored, and the
		// branch needs no other form
		a, err := regexp.Compile(`^(?:` + expr + `)`)
		if err != nil {
			return branch{}, false
		}
		rs, _ := firstChars(subs[1])
		b.boundary, b.anchored, b.first = true, a, new([256]bool)
		b.pairs, b.anySecond = openingPairs(tree)
		b.foldFirst = !wordStart(subs[1])
		for _, r := range rs {
			if r < 0x80 {
				b.first[r] = true // ASCII word characters, and the fold's two
			}
		}
		return b, true
	}
	if b.re, err = regexp.Compile(expr); err != nil {
		return branch{}, false
	}
	b.boundary = subs[0].Op == syntax.OpWordBoundary
	return b, minLen(tree) > 0 && !b.boundary && consumesFirst(subs[0])
}

// splitTop cuts expr at the '|' outside brackets and groups; a leading
// (?flags) goes with every part. Any other flag group at the top makes it
// one part.
func splitTop(expr string) []string {
	flags := ""
	if strings.HasPrefix(expr, "(?") && !strings.HasPrefix(expr, "(?:") && !strings.HasPrefix(expr, "(?P") {
		i := strings.IndexByte(expr, ')')
		if i < 0 || strings.ContainsAny(expr[2:i], ":") {
			return []string{expr}
		}
		flags, expr = expr[:i+1], expr[i+1:]
	}
	if strings.Contains(expr, `\Q`) {
		return []string{flags + expr}
	}
	var parts []string
	depth, class, start := 0, false, 0
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case c == '\\':
			i++
		case class && c == '[' && strings.HasPrefix(expr[i:], "[:"):
			if j := strings.Index(expr[i:], ":]"); j > 0 {
				i += j + 1 // a named class, "[:alpha:]"
			}
		case class:
			class = c != ']'
		case c == '[':
			class = true
			// a ] first, after an optional ^, is a member of the class
			if i+1 < len(expr) && expr[i+1] == '^' {
				i++
			}
			if i+1 < len(expr) && expr[i+1] == ']' {
				i++
			}
		case c == '(':
			if depth == 0 && strings.HasPrefix(expr[i:], "(?") && !strings.HasPrefix(expr[i:], "(?:") && !strings.HasPrefix(expr[i:], "(?P") {
				return []string{flags + expr}
			}
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			parts = append(parts, flags+expr[start:i])
			start = i + 1
		}
	}
	return append(parts, flags+expr[start:])
}

// each calls fn for every match of the whole pattern in s, in order, as
// FindAllStringIndex(s, -1) finds them. low is s as the branches' literals
// are tested: keyText of s for a case-sensitive pattern, of its ASCII
// lower case for a case-blind one; "" tests none (a text with a letter
// whose case folding ASCII lower case misses: the Kelvin sign, long s).
func (p *pattern) each(s, low string, fn func(a, b int)) { p.eachIn(s, low, nil, fn) }

// eachIn is each for a text low whose pairs of bytes are in pairs (nil:
// not known): a need whose first two bytes are not a pair of low is not
// in it, and is passed without a search.
func (p *pattern) eachIn(s, low string, pairs *bytePairs, fn func(a, b int)) {
	c := p.get()
	bs := c.branches
	if c.foldFirst && low == "" { // a text that may hold a long s: the whole runs
		bs = []branch{{re: p.whole()}}
	}
	if len(bs) == 1 && bs[0].anchored == nil {
		b := &bs[0]
		if low == "" || b.holdsIn(low, pairs) {
			for _, m := range b.re.FindAllStringIndex(s, -1) {
				fn(m[0], m[1])
			}
		}
		return
	}
	// the next match of each branch at or after pos, as found; a branch
	// that cannot match is done. The whole's match is the leftmost, the
	// first branch's on a tie, as leftmost-first alternation picks.
	type next struct {
		a, b       int
		known, off bool
	}
	var buf [8]next
	ns := buf[:0]
	for i := range bs {
		ns = append(ns, next{off: low != "" && !bs[i].holdsIn(low, pairs)})
	}
	for pos := 0; pos <= len(s); {
		win := -1
		for i := range ns {
			n := &ns[i]
			if n.off {
				continue
			}
			if !n.known || n.a < pos {
				a, b, ok := bs[i].from(s, low, pos)
				*n = next{a: a, b: b, known: true, off: !ok}
				if !ok {
					continue
				}
			}
			if win < 0 || n.a < ns[win].a {
				win = i
			}
		}
		if win < 0 {
			return
		}
		fn(ns[win].a, ns[win].b)
		pos = ns[win].b
	}
}

// eachSubmatch calls fn with every match's submatch offsets, as
// FindAllStringSubmatchIndex(s, -1) gives them; low as for each (for an
// opening pattern: lowKeys of s, or ""). A pattern cut into branches
// numbers its groups as the whole does only in the whole, which then runs.
func (p *pattern) eachSubmatch(s, low string, fn func(m []int)) {
	p.eachSubmatchN(s, low, -1, fn)
}

// submatches is up to n matches' submatch offsets (n < 0: all), as
// FindAllStringSubmatchIndex(s, n) gives them; low as for eachSubmatch.
func (p *pattern) submatches(s, low string, n int) [][]int {
	if ms, whole := p.wholeSubmatches(s, low, n); whole {
		return ms
	}
	var out [][]int
	p.eachSubmatchN(s, low, n, func(m []int) { out = append(out, m) })
	return out
}

// eachSubmatchN is eachSubmatch for up to n matches (n < 0: all).
func (p *pattern) eachSubmatchN(s, low string, n int, fn func(m []int)) {
	if ms, whole := p.wholeSubmatches(s, low, n); whole {
		for _, m := range ms {
			fn(m)
		}
		return
	}
	b := &p.get().branches[0]
	if low != "" && !b.holds(low) {
		return
	}
	for pos, k := 0, 0; pos < len(s) && (n < 0 || k < n); k++ {
		m := b.fromSubmatch(s, low, pos)
		if m == nil {
			return
		}
		fn(m)
		pos = m[1]
	}
}

// wholeSubmatches is the whole's FindAllStringSubmatchIndex(s, n) (nil
// when low lacks what its one branch needs), when the pattern runs as a
// whole; whole is false when it runs as its anchored branch.
func (p *pattern) wholeSubmatches(s, low string, n int) (ms [][]int, whole bool) {
	c := p.get()
	b := &c.branches[0]
	if len(c.branches) == 1 && b.anchored != nil && (b.at == nil || low != "") && (!c.foldFirst || low != "") {
		return nil, false
	}
	if len(c.branches) > 1 || low == "" || b.holds(low) {
		return p.whole().FindAllStringSubmatchIndex(s, n), true
	}
	return nil, true
}

// fromSubmatch is from for an anchored branch, with the submatches: it
// is tried where a word opens with a byte of first, or, for an opening
// pattern, where one of its opening strings occurs in low.
func (b *branch) fromSubmatch(s, low string, pos int) []int {
	for p := pos; p < len(s); p++ {
		if b.at != nil {
			i := firstIndex(low[p:], b.at)
			if i < 0 {
				return nil
			}
			p += i
		} else if !b.first[s[p]] || !b.pairAt(low, p) {
			continue
		}
		if b.boundary && p > 0 && isWordByte(s[p-1]) {
			continue
		}
		if m := b.anchored.FindStringSubmatchIndex(s[p:]); m != nil {
			for i := range m {
				if m[i] >= 0 {
					m[i] += p
				}
			}
			return m
		}
	}
	return nil
}

// first is the leftmost match of the whole pattern in s, as
// FindStringIndex finds it; low as for each.
func (p *pattern) first(s, low string) (int, int, bool) {
	c := p.get()
	if c.foldFirst && low == "" {
		if m := p.whole().FindStringIndex(s); m != nil {
			return m[0], m[1], true
		}
		return 0, 0, false
	}
	win, wa, wb := -1, 0, 0
	bs := c.branches
	for i := range bs {
		b := &bs[i]
		if low != "" && !b.holds(low) {
			continue
		}
		if a, e, ok := b.from(s, low, 0); ok && (win < 0 || a < wa) {
			win, wa, wb = i, a, e
		}
	}
	return wa, wb, win >= 0
}

// holds reports whether low opens as the branch needs and holds a string
// of each of its sets.
func (b *branch) holds(low string) bool { return b.holdsIn(low, nil) }

// holdsIn is holds for a text whose pairs of bytes are in pairs (nil: not
// known).
func (b *branch) holdsIn(low string, pairs *bytePairs) bool {
	if b.opens != nil && (low == "" || !b.openFirst[low[0]] || !slices.ContainsFunc(b.opens, func(o string) bool { return strings.HasPrefix(low, o) })) {
		return false
	}
	for _, set := range b.need {
		if !containsAny(low, set, pairs) {
			return false
		}
	}
	return true
}

// containsAny reports whether s holds one of the strings (a digit, for
// anyDigit).
func containsAny(s string, set []string, pairs *bytePairs) bool {
	for _, k := range set {
		if k == anyDigit {
			if hasDigit(s) {
				return true
			}
		} else if (pairs == nil || pairs.mayHold(k)) && containsKey(s, k) {
			return true
		}
	}
	return false
}

// containsKey is strings.Contains(s, k), faster for a k that opens with
// a space ("\s+graded" needs " graded"): a search for a space stops at
// every word, so the rest of k is searched for, and then the space.
func containsKey(s, k string) bool {
	if len(k) < 2 || k[0] != ' ' {
		return strings.Contains(s, k)
	}
	for i := 1; i < len(s); {
		j := strings.Index(s[i:], k[1:])
		if j < 0 {
			return false
		}
		if s[i+j-1] == ' ' {
			return true
		}
		i += j + 1
	}
	return false
}

// anyDigit stands in a need for any one of the digits 0-9 (\d), which
// would take ten strings.
const anyDigit = "\x00digit"

// from is the branch's leftmost match in s that starts at or after pos, as
// a search of the whole of s from pos would find it; low as for each.
func (b *branch) from(s, low string, pos int) (int, int, bool) {
	if b.first != nil { // tried where a word opens; an opening branch searches as its re
		for p := pos; p < len(s); p++ {
			if !b.first[s[p]] || p > 0 && isWordByte(s[p-1]) || !b.pairAt(low, p) {
				continue
			}
			if m := b.anchored.FindStringIndex(s[p:]); m != nil {
				return p, p + m[1], true
			}
		}
		return 0, 0, false
	}
	if b.boundary {
		// inside a word no \b opens a match before a word character
		for pos > 0 && pos < len(s) && isWordByte(s[pos-1]) {
			pos++
		}
	}
	if pos > len(s) {
		return 0, 0, false
	}
	m := b.re.FindStringIndex(s[pos:])
	if m == nil {
		return 0, 0, false
	}
	return pos + m[0], pos + m[1], true
}

// pairAt reports whether a match of the branch may open at p of low by
// its first two bytes: always when the branch knows no pairs or low is ""
// (tests none).
func (b *branch) pairAt(low string, p int) bool {
	if b.pairs == nil || low == "" || b.anySecond != nil && b.anySecond[low[p]] {
		return true
	}
	if p+1 >= len(low) {
		return false // every other match is two bytes or more
	}
	_, ok := slices.BinarySearch(b.pairs, uint16(low[p])<<8|uint16(low[p+1]))
	return ok
}

// openingPairs is the first two bytes of every match of re, as the needs
// are tested (keyRune), sorted, once each, and the first bytes after which
// any byte may follow; nil, nil when a match may open with no known byte.
// A class of up to ten characters counts as known (a digit).
func openingPairs(re *syntax.Regexp) ([]uint16, *[256]bool) {
	r := &reader{memo: map[*syntax.Regexp]exactSet{}, classes: 10}
	out := []uint16{}
	var any *[256]bool
	for _, p := range r.prefixes(re) {
		switch {
		case p.s == "":
			return nil, nil
		case len(p.s) == 1:
			if any == nil {
				any = new([256]bool)
			}
			any[p.s[0]] = true
		default:
			out = append(out, uint16(p.s[0])<<8|uint16(p.s[1]))
		}
	}
	slices.Sort(out)
	return slices.Compact(out), any
}

// isWordByte reports whether c is a word character as \b sees it.
func isWordByte(c byte) bool {
	return c < 0x80 && syntax.IsWordChar(rune(c))
}

// maxExact bounds the strings an exact set may hold.
const maxExact = 32

// exact is the set of every string re matches, when it is finite and
// small: literals, small classes, and their options, choices and joins.
// Case-blind literals are in lower case.
func (r *reader) exact(re *syntax.Regexp) ([]string, bool) {
	if e, ok := r.memo[re]; ok {
		return e.set, e.ok
	}
	set, ok := r.exactOf(re)
	r.memo[re] = exactSet{set, ok}
	return set, ok
}

// exactOf is exact, computed.
func (r *reader) exactOf(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		rs := make([]rune, len(re.Rune))
		for i, r := range re.Rune {
			if fold && r >= 0x80 && unicode.SimpleFold(r) != r {
				return nil, false
			}
			rs[i] = keyRune(r, fold)
		}
		return []string{string(rs)}, true
	case syntax.OpCharClass:
		var rs []rune
		limit := 4
		if r.classes > 0 {
			limit = r.classes
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if k := keyRune(r, re.Flags&syntax.FoldCase != 0); !slices.Contains(rs, k) {
					if len(rs) == limit {
						return nil, false
					}
					rs = append(rs, k)
				}
			}
		}
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = string(r)
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return r.exact(re.Sub[0])
	case syntax.OpQuest:
		e, ok := r.exact(re.Sub[0])
		return append([]string{""}, e...), ok && len(e) < maxExact
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			e, ok := r.exact(sub)
			if !ok || len(out)+len(e) > maxExact {
				return nil, false
			}
			out = append(out, e...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			e, ok := r.exact(sub)
			if !ok {
				return nil, false
			}
			if out = cross(out, e); out == nil {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// keyRune is r as the texts the needs are tested on hold it: white space
// as a space (see keyText), and in lower case when the pattern is
// case-blind.
func keyRune(r rune, fold bool) rune {
	if r < 0x80 && isSpace(byte(r)) {
		return ' '
	}
	if fold {
		return unicode.ToLower(r)
	}
	return r
}

// keyText is s with its white space (\t \n \f \r) as spaces, the form the
// needs are tested on: "\s" is then the one string " ". s itself when it
// holds no other white space.
func keyText(s string) string {
	if !strings.ContainsAny(s, "\t\n\f\r") {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if isSpace(c) {
			b[i] = ' '
		}
	}
	return string(b)
}

// lowKeys is keyText of s's ASCII lower case (asciiLower), in one pass
// and one copy: the text a case-blind pattern's needs are tested on.
func lowKeys(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	from := 0 // s[from:i] goes as it is: most bytes are lower case or ' '
	for i := 0; i < len(s); i++ {
		if c := lowKey[s[i]]; c != s[i] {
			b.WriteString(s[from:i])
			b.WriteByte(c)
			from = i + 1
		}
	}
	b.WriteString(s[from:])
	return b.String()
}

// lowKey is each byte as lowKeys has it.
var lowKey = func() (t [256]byte) {
	for i := range t {
		c := byte(i)
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case isSpace(c):
			c = ' '
		}
		t[i] = c
	}
	return t
}()

// cross is every string of a followed by one of b, or nil when too many.
func cross(a, b []string) []string {
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// reader reads the needs of one pattern; memo keeps the exact set of
// each part, as need asks for a part's again and again down the tree.
type reader struct {
	memo  map[*syntax.Regexp]exactSet
	every bool // needEvery for choices
	// classes: the most characters a class may have in an exact set; 0
	// for 4
	classes int
}

// exactSet is a part's exact set, and whether it has one.
type exactSet struct {
	set []string
	ok  bool
}

// needs is need(re) with each set once, the most telling first: a text
// is tested on the sets in turn, and most texts lack that one.
func needs(re *syntax.Regexp) [][]string { return needsOf(re, false) }

// needsOf is needs; every reads a choice for every set its alternatives'
// needs make (see needEvery), where otherwise it reads one.
func needsOf(re *syntax.Regexp, every bool) [][]string {
	r := &reader{memo: map[*syntax.Regexp]exactSet{}, every: every}
	var out [][]string
	for _, set := range r.need(re) {
		if !slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, set) }) {
			out = append(out, set)
		}
	}
	slices.SortStableFunc(out, func(a, b []string) int { return telling(b) - telling(a) })
	if every && len(out) > maxEvery/2 {
		out = out[:maxEvery/2] // the most telling: a text that has them mostly has the rest
	}
	return out
}

// need is the sets of strings every match of re holds one of each.
func (r *reader) need(re *syntax.Regexp) [][]string {
	if e, ok := r.exact(re); ok {
		return needOf(e)
	}
	switch re.Op {
	case syntax.OpCharClass:
		if slices.Equal(re.Rune, []rune{'0', '9'}) {
			return [][]string{{anyDigit}}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return r.need(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return r.need(re.Sub[0])
		}
	case syntax.OpConcat:
		return r.needConcat(re.Sub)
	case syntax.OpAlternate:
		if out, ok := r.needEvery(re.Sub); r.every && ok {
			return out
		}
		var set []string
		for _, sub := range re.Sub {
			cs := r.need(sub)
			if len(cs) == 0 {
				return nil
			}
			set = append(set, best(cs)...)
		}
		return needOf(set)
	}
	return nil
}

// maxEvery bounds the sets needEvery makes.
const maxEvery = 16

// needEvery is need for a choice of subs as every set that takes one set
// of each alternative: a match holds all of one alternative's sets, so a
// string of each of these. It tests more than one set an alternative,
// which, its longest string no rarer than its others, may be a common
// one: "children’s services company" needs " company" as much as
// " services ". ok is false past maxEvery sets.
func (r *reader) needEvery(subs []*syntax.Regexp) ([][]string, bool) {
	combos := [][]string{nil}
	for _, sub := range subs {
		cs := r.need(sub)
		if len(cs) == 0 {
			return nil, true // an alternative that needs nothing
		}
		if len(combos)*len(cs) > maxEvery {
			return nil, false
		}
		var next [][]string
		for _, c := range combos {
			for _, set := range cs {
				next = append(next, slices.Concat(c, set))
			}
		}
		combos = next
	}
	var out [][]string
	for _, c := range combos {
		out = append(out, needOf(c)...)
	}
	return out, true
}

// needConcat is need for a sequence: the runs of exact parts joined, and
// the needs of the other parts.
func (r *reader) needConcat(subs []*syntax.Regexp) [][]string {
	var out [][]string
	var run []string
	for _, sub := range subs {
		if e, ok := r.repeated(sub); ok {
			// "a\s+b": "a " and " b", whatever the run of spaces
			if run == nil {
				run = []string{""}
			}
			if j := cross(run, e); j != nil {
				out = append(out, needOf(j)...)
			} else {
				out = append(out, needOf(run)...)
			}
			run = e
			continue
		}
		if e, ok := r.exact(sub); ok {
			if run == nil {
				run = e
			} else if j := cross(run, e); j != nil {
				run = j
			} else {
				out = append(out, needOf(run)...)
				run = e
			}
			continue
		}
		out = append(out, needOf(run)...)
		run = nil
		out = append(out, r.need(sub)...)
	}
	return append(out, needOf(run)...)
}

// repeated is the exact set of x for x+ or x{n,} (n >= 1): every match
// opens and ends with a string of it.
func (r *reader) repeated(re *syntax.Regexp) ([]string, bool) {
	if re.Op != syntax.OpPlus && (re.Op != syntax.OpRepeat || re.Min < 1) {
		return nil, false
	}
	e, ok := r.exact(re.Sub[0])
	return e, ok && !slices.Contains(e, "")
}

// needOf is set as a need: none when it holds the empty string (every text
// holds that), else without the strings that hold a shorter one of set.
func needOf(set []string) [][]string {
	if len(set) == 0 || slices.Contains(set, "") || slices.Equal(set, []string{" "}) {
		return nil
	}
	var out []string
	for _, s := range set {
		implied := false
		for _, t := range set {
			// a shorter string is the only other one s can hold (an equal
			// one, s again, implies nothing: a string twice stays twice)
			if len(t) < len(s) && strings.Contains(s, t) {
				implied = true
				break
			}
		}
		if !implied {
			out = append(out, s)
		}
	}
	return [][]string{out}
}

// best is the most telling of sets: the one whose shortest string is
// longest, then the one with fewest strings.
func best(sets [][]string) []string {
	b := sets[0]
	for _, s := range sets[1:] {
		if telling(s) > telling(b) {
			b = s
		}
	}
	return b
}

// telling scores how few texts hold a string of set: the longer its
// shortest string, and the fewer its strings, the fewer.
func telling(set []string) int {
	n := 1 << 20
	for _, s := range set {
		if s == anyDigit {
			n = 0 // a digit: in most windows
		}
		n = min(n, len(s))
	}
	return n*100 - len(set)
}

// minLen is the fewest bytes a match of re spans.
func minLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(string(re.Rune))
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minLen(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minLen(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n += minLen(s)
		}
		return n
	case syntax.OpAlternate:
		n := 1 << 30
		for _, s := range re.Sub {
			n = min(n, minLen(s))
		}
		return n
	}
	return 0
}

// consumesFirst reports whether re takes a character before it tests
// anything, so that what lies before its start cannot matter.
func consumesFirst(re *syntax.Regexp) bool {
	_, ok := firstChars(re)
	return ok
}

// wordStart reports whether every match of re opens with a word
// character, whatever the case folding.
func wordStart(re *syntax.Regexp) bool {
	rs, ok := firstChars(re)
	if !ok {
		return false
	}
	for _, r := range rs {
		if r >= 0x80 || !syntax.IsWordChar(r) {
			return false
		}
	}
	return true
}

// foldWordStart reports whether every match of re opens with a word
// character or one of the two letters beyond ASCII that a case-blind
// pattern matches to ASCII ones, "ſ" (long s, as s) and the Kelvin sign
// (as k). Tried where a word opens, such a branch would miss a match that
// opens with one of them inside a word; the callers give a text that may
// hold them a low of "", and the whole runs there.
func foldWordStart(re *syntax.Regexp) bool {
	rs, ok := firstChars(re)
	if !ok {
		return false
	}
	for _, r := range rs {
		if r != 'ſ' && r != '\u212a' && (r >= 0x80 || !syntax.IsWordChar(r)) {
			return false
		}
	}
	return true
}

// firstChars is every character a match of re may open with, when re
// opens with a character (not a test, not an optional part).
func firstChars(re *syntax.Regexp) ([]rune, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, false
		}
		r := re.Rune[0]
		out := []rune{r}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				out = append(out, f)
			}
		}
		return out, true
	case syntax.OpCharClass:
		var out []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 256 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, r)
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return firstChars(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return firstChars(re.Sub[0])
		}
	case syntax.OpConcat:
		if len(re.Sub) > 0 {
			return firstChars(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []rune
		for _, s := range re.Sub {
			rs, ok := firstChars(s)
			if !ok {
				return nil, false
			}
			out = append(out, rs...)
		}
		return out, true
	}
	return nil, false
}

// prefix is a string a match may open with; done says that the match may
// be the string and what follows, so that a part after it adds to it,
// where otherwise the string is all that is known.
type prefix struct {
	s    string
	done bool
}

// maxPrefixes bounds the prefixes of a pattern: past it, what is known
// stops growing.
const maxPrefixes = 64

// opensOf is, for a pattern that opens with ^ (the text's start), the
// strings one of which every match opens with, as the needs are tested
// (see keyRune); nil for any other pattern, or when a match may open with
// anything.
func opensOf(re *syntax.Regexp) []string {
	first := re
	if re.Op == syntax.OpConcat && len(re.Sub) > 0 {
		first = re.Sub[0]
	}
	if first.Op != syntax.OpBeginText {
		return nil
	}
	r := &reader{memo: map[*syntax.Regexp]exactSet{}}
	var out []string
	for _, p := range r.prefixes(re) {
		if p.s == "" {
			return nil
		}
		if !slices.Contains(out, p.s) {
			out = append(out, p.s)
		}
	}
	return out
}

// prefixes are the strings one of which opens every match of re; a ""
// among them says that a match may open with anything.
func (r *reader) prefixes(re *syntax.Regexp) []prefix {
	if e, ok := r.exact(re); ok {
		out := make([]prefix, len(e))
		for i, s := range e {
			out[i] = prefix{s, true}
		}
		return out
	}
	switch re.Op {
	case syntax.OpCapture:
		return r.prefixes(re.Sub[0])
	case syntax.OpPlus:
		return r.started(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return r.started(re.Sub[0])
		}
	case syntax.OpQuest:
		return append(r.prefixes(re.Sub[0]), prefix{"", true})
	case syntax.OpAlternate:
		var out []prefix
		for _, sub := range re.Sub {
			out = append(out, r.prefixes(sub)...)
		}
		return out
	case syntax.OpConcat:
		out := []prefix{{"", true}}
		for _, sub := range re.Sub {
			if out = extend(out, r.prefixes(sub)); !slices.ContainsFunc(out, func(p prefix) bool { return p.done }) {
				break
			}
		}
		return out
	}
	return []prefix{{"", false}}
}

// started is the prefixes of re as the opening of a repeat of it: what
// follows is not known.
func (r *reader) started(re *syntax.Regexp) []prefix {
	out := slices.Clone(r.prefixes(re))
	for i := range out {
		out[i].done = false
	}
	return out
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

// foldsToASCII reports whether s holds one of the two non-ASCII letters
// that a case-blind pattern matches to ASCII ones: "ſ" (long s) and the
// Kelvin sign. An ASCII-lower-cased copy of such a text can miss a word
// the patterns see.
func foldsToASCII(s string) bool {
	return strings.Contains(s, "ſ") || strings.Contains(s, "\u212a")
}

// firstIndex is the offset of the first of keys to appear in s, or -1.
func firstIndex(s string, keys []string) int {
	first := -1
	for _, k := range keys {
		if i := strings.Index(s, k); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}
