package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/findings/findings/pkg/nlp"
)

// word is a lower-cased word of a sentence and where it lies in it.
type word struct {
	text       string
	start, end int
	// punct is the punctuation that follows the word before the next one
	// (",", ";", ":" ...), or "".
	punct string
}

// wordRules are extract's: a hyphen between letters stays inside the word
// ("well-led"), and the punctuation after each word is kept for clause
// breaks.
var wordRules = nlp.WordOptions{Hyphens: true, Punct: true}

// splitWords splits s into lower-case words (letters, digits, apostrophes and
// inner hyphens), remembering the punctuation between them. Curly
// apostrophes become straight ones so that lexicons need one spelling.
func splitWords(s string) []word {
	out := make([]word, 0, len(s)/5+2) // about one word in six bytes: one allocation
	for w := range nlp.Words(s, wordRules) {
		out = append(out, word{text: w.Text, start: w.Start, end: w.End, punct: w.Punct})
	}
	return out
}

// entry is one line of a lexicon: a phrase of words (a trailing * on a word
// matches any ending), its class and weight, and the document that first
// called for it ("domain" when it came from knowledge of the domain).
type entry struct {
	phrase []string
	class  string
	weight float64
	origin string
	line   int
	// cues are the texts of the entry's cue with each sign (cueSigns), when
	// its phrase is all exact words, so that every match reads the same;
	// nil otherwise
	cues *[len(cueSigns)]string
}

// The signs of a cue in a verdict: for, against, and their flips.
const (
	cuePlus = iota
	cueMinusNot
	cueMinus
	cuePlusNot
)

// cueSigns are how each sign reads before the cue's words.
var cueSigns = [...]string{cuePlus: "+", cueMinusNot: "-not ", cueMinus: "-", cuePlusNot: "+not "}

// cueText is the cue m with the sign: the entry's text made once when its
// phrase is exact words, else built from the words it matched.
func (m match) cueText(ws []word, sign int) string {
	if m.cues != nil {
		return m.cues[sign]
	}
	return cueSigns[sign] + phraseText(ws, m)
}

// exactCues are the cue texts of a phrase of exact words, or nil when a
// word is a stem or a gap, whose matches differ.
func exactCues(phrase []string) *[len(cueSigns)]string {
	for _, w := range phrase {
		if w == "..." || strings.HasSuffix(w, "*") {
			return nil
		}
	}
	var cs [len(cueSigns)]string
	text := strings.Join(phrase, " ")
	for k, sign := range cueSigns {
		cs[k] = sign + text
	}
	return &cs
}

// lexicon finds its phrases in a sentence's words, longest first.
type lexicon struct {
	name    string
	entries []*entry // by phrase ID in set
	set     *nlp.Phrases[word]
}

// Key is the word as lexicons spell it.
func (w word) Key() string { return w.text }

// EndsClause reports whether a clause break (. ; :) follows the word: a
// phrase does not run across one.
func (w word) EndsClause() bool { return w.punct != "" && strings.ContainsAny(w.punct, ".;:") }

// phraseRules are the lexicons' matching rules: no phrase across a clause
// break, and on a tie in length a phrase whose first word is exact beats a
// stem, then the earlier line wins.
var phraseRules = nlp.PhraseOptions{Clauses: true, ExactFirst: true}

// newLexicon is a lexicon of the entries, in their order.
func newLexicon(name string, entries []*entry) (*lexicon, error) {
	lx := &lexicon{name: name, entries: entries, set: nlp.NewPhrases[word](phraseRules)}
	var ps []nlp.Pattern
	for _, e := range entries {
		ps = ps[:0]
		for _, w := range e.phrase {
			switch {
			case w == "...":
				ps = append(ps, nlp.Pattern{Gap: true})
			case strings.HasSuffix(w, "*"):
				ps = append(ps, nlp.Pattern{Word: w[:len(w)-1], Stem: true})
			default:
				ps = append(ps, nlp.Pattern{Word: w})
			}
		}
		if _, err := lx.set.Add(ps); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, e.line, err)
		}
	}
	return lx, nil
}

// parseLexicon reads lines of the form
//
//	class weight phrase words [@origin]
//
// with # comments. classes says which classes are allowed.
func parseLexicon(name, data string, classes ...string) (*lexicon, error) {
	var entries []*entry
	for n, l := range nlp.NumberedDataLines(data) {
		e, err := parseLine(name, n, l, classes)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return newLexicon(name, entries)
}

// parseLexicons reads several lexicons from one file in one pass:
// lexicon k holds, in order, the lines whose class (their first word) is
// one of classes[k], and a line of no lexicon's classes is left out. It
// reads cues.txt at every start, where a pass per lexicon read its 900
// lines ten times.
func parseLexicons(name, data string, classes ...[]string) ([]*lexicon, error) {
	entries := make([][]*entry, len(classes))
	for n, l := range nlp.NumberedDataLines(data) {
		class := firstField(l)
		k := slices.IndexFunc(classes, func(cs []string) bool { return contains(cs, class) })
		if k < 0 {
			continue
		}
		e, err := parseLine(name, n, l, classes[k])
		if err != nil {
			return nil, err
		}
		entries[k] = append(entries[k], e)
	}
	lxs := make([]*lexicon, len(classes))
	for k := range classes {
		lx, err := newLexicon(name, entries[k])
		if err != nil {
			return nil, err
		}
		lxs[k] = lx
	}
	return lxs, nil
}

// parseLine is the entry of line n of a lexicon, whose class must be one
// of classes.
func parseLine(name string, n int, l string, classes []string) (*entry, error) {
	if i := strings.Index(l, "#"); i >= 0 {
		l = l[:i]
	}
	f := strings.Fields(l)
	if len(f) < 3 {
		return nil, fmt.Errorf("%s:%d: want class, weight and phrase", name, n)
	}
	e, err := parseEntry(f, classes)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n, err)
	}
	e.line = n
	return e, nil
}

// parseEntry is the entry of a line's fields: class, weight, phrase words
// and an @origin.
func parseEntry(f []string, classes []string) (*entry, error) {
	e := &entry{class: f[0], origin: "domain"}
	if !contains(classes, e.class) {
		return nil, fmt.Errorf("unknown class %q", e.class)
	}
	w, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		return nil, fmt.Errorf("weight %q: %w", f[1], err)
	}
	e.weight = w
	for _, p := range f[2:] {
		if strings.HasPrefix(p, "@") {
			e.origin = p[1:]
			continue
		}
		e.phrase = append(e.phrase, strings.ToLower(p))
	}
	if len(e.phrase) == 0 {
		return nil, fmt.Errorf("empty phrase")
	}
	e.cues = exactCues(e.phrase)
	return e, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// without returns a copy of the lexicon lacking the entries whose origin is
// one of origins: the lexicon as it would be had those documents never been
// seen.
func (lx *lexicon) without(origins map[string]bool) *lexicon {
	if len(origins) == 0 {
		return lx
	}
	var keep []*entry
	for _, e := range lx.entries {
		if !origins[e.origin] {
			keep = append(keep, e)
		}
	}
	out, err := newLexicon(lx.name, keep)
	if err != nil {
		return lx // cannot be: every entry was added once already
	}
	return out
}

// match is an entry found at words [i, j).
type match struct {
	*entry
	i, j int
}

// find returns the entries found in ws, leftmost-longest, not overlapping.
func (lx *lexicon) find(ws []word) []match {
	var out []match
	for m, ok := lx.set.Next(ws, 0); ok; m, ok = lx.set.Next(ws, m.End) {
		out = append(out, match{entry: lx.entries[m.ID], i: m.Start, j: m.End})
	}
	return out
}

// lexiconGroup finds the phrases of several lexicons in one pass over a
// sentence's words (nlp.PhraseGroup): what each lexicon's find would.
type lexiconGroup struct {
	lexicons []*lexicon
	group    *nlp.PhraseGroup[word]
}

// newLexiconGroup is the group of the lexicons, in the order given.
func newLexiconGroup(lxs ...*lexicon) *lexiconGroup {
	sets := make([]*nlp.Phrases[word], len(lxs))
	for k, lx := range lxs {
		sets[k] = lx.set
	}
	return &lexiconGroup{lexicons: lxs, group: nlp.NewPhraseGroup(sets...)}
}

// groupHit is a match of lexicon set in a group's scan.
type groupHit struct {
	set int
	m   nlp.Match
}

// find sets *out[k] to the matches of lexicon k in ws (nil for none). The
// matches of all the lexicons share one allocation: out[k] is a slice of
// it whose capacity ends with it.
func (g *lexiconGroup) find(ws []word, out []*[]match) {
	var buf [32]groupHit
	hits := buf[:0]
	g.group.Scan(ws, func(k int, m nlp.Match) { hits = append(hits, groupHit{k, m}) })
	if len(hits) == 0 {
		return
	}
	// a counting sort by lexicon, each lexicon's matches kept in order:
	// start[k] is where lexicon k's begin, then, once filled, where they end
	var startBuf [17]int
	start := startBuf[:]
	if len(out)+1 > len(startBuf) {
		start = make([]int, len(out)+1)
	}
	start = start[:len(out)+1]
	for _, h := range hits {
		start[h.set+1]++
	}
	for k := 1; k < len(start); k++ {
		start[k] += start[k-1]
	}
	all := make([]match, len(hits))
	for _, h := range hits {
		all[start[h.set]] = match{entry: g.lexicons[h.set].entries[h.m.ID], i: h.m.Start, j: h.m.End}
		start[h.set]++
	}
	from := 0
	for k := range out {
		if start[k] > from {
			*out[k] = all[from:start[k]:start[k]]
		}
		from = start[k]
	}
}
