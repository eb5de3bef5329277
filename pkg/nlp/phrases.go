package nlp

import (
	"errors"
	"strings"
)

// PhraseWord is what a phrase set reads of a word of a sentence: extract's
// words and Word both are tokens.
type PhraseWord interface {
	// Key is the word as a phrase spells it (lower-case).
	Key() string
	// EndsClause reports whether a clause break (".", ";" or ":") follows
	// the word.
	EndsClause() bool
}

// Key is the word's text.
func (w Word) Key() string { return w.Text }

// EndsClause reports whether the word's punctuation holds ".", ";" or ":".
func (w Word) EndsClause() bool { return w.Punct != "" && strings.ContainsAny(w.Punct, ".;:") }

// Pattern is one word of a phrase.
type Pattern struct {
	// Word is the word, or its beginning when Stem is set.
	Word string
	// Stem matches any word that starts with Word ("caseload*").
	Stem bool
	// Gap ("...") matches from none to MaxGap words of any kind, the fewest
	// that let the rest of the phrase match.
	Gap bool
}

// MaxGap is the most words a Gap skips.
const MaxGap = 3

// stemKey is how many bytes of a word pick its bucket of stem phrases.
const stemKey = 3

// PhraseOptions are the differences between the phrase sets' users.
type PhraseOptions struct {
	// Clauses keeps a phrase inside a clause: no clause break
	// (PhraseWord.EndsClause) may follow one of its words when the next pattern
	// is a word but not the phrase's last. (The break before the last word
	// and a break inside or right before a gap do not stop a match.)
	Clauses bool
	// ExactFirst gives a tie in length to a phrase whose first word is
	// exact over one whose first word is a stem; otherwise, and among
	// phrases of one kind, the phrase added first wins.
	ExactFirst bool
}

// Phrases finds phrases in a sentence's tokens: at each place the longest
// phrase that matches there, then on after it. It is indexed by first word,
// with a bit filter before each look-up, and allocates nothing to match. It
// is safe for concurrent use once built.
type Phrases[T PhraseWord] struct {
	opt      PhraseOptions
	phrases  []phrase
	exact    map[string][]int32 // by exact first word
	stems    map[string][]int32 // by the first stemKey bytes of a first-word stem
	short    []int32            // first-word stems shorter than stemKey
	exactSet bitFilter
	stemSet  bitFilter
}

// phrase is a compiled phrase and its rank among ties (lower wins).
type phrase struct {
	pats []pattern
	rank int
}

// pattern is a Pattern with whether a clause break before it stops a match.
type pattern struct {
	word                   string
	stem, gap, breakBefore bool
}

// Match is a phrase found at tokens [Start, End).
type Match struct {
	// ID is the phrase's number, from 0 in the order added.
	ID         int
	Start, End int
}

// NewPhrases is an empty phrase set.
func NewPhrases[T PhraseWord](o PhraseOptions) *Phrases[T] {
	return &Phrases[T]{opt: o, exact: map[string][]int32{}, stems: map[string][]int32{}}
}

// ErrPhrase is the error for a phrase that could never match.
var ErrPhrase = errors.New("a phrase needs a first word that is no gap")

// Add adds a phrase and returns its ID.
func (p *Phrases[T]) Add(ps []Pattern) (int, error) {
	if len(ps) == 0 || ps[0].Gap {
		return 0, ErrPhrase
	}
	id := len(p.phrases)
	ph := phrase{pats: make([]pattern, len(ps)), rank: id}
	for k, q := range ps {
		brk := p.opt.Clauses && k > 0 && k < len(ps)-1 && !ps[k-1].Gap
		ph.pats[k] = pattern{word: q.Word, stem: q.Stem && !q.Gap, gap: q.Gap, breakBefore: brk}
	}
	first := ps[0]
	switch {
	case !first.Stem:
		p.exact[first.Word] = append(p.exact[first.Word], int32(id))
		p.exactSet.add(exactHash(first.Word))
	case len(first.Word) < stemKey:
		p.short = append(p.short, int32(id))
	default:
		k := first.Word[:stemKey]
		p.stems[k] = append(p.stems[k], int32(id))
		p.stemSet.add(stemHash(k))
	}
	if first.Stem && p.opt.ExactFirst {
		ph.rank += 1 << 30
	}
	p.phrases = append(p.phrases, ph)
	return id, nil
}

// Len is how many phrases the set has.
func (p *Phrases[T]) Len() int { return len(p.phrases) }

// Next returns the first match at or after token from: the longest phrase
// at the first place where one matches. Calling Next again from the
// match's End walks the sentence's matches, which do not overlap.
func (p *Phrases[T]) Next(ws []T, from int) (Match, bool) {
	for i := from; i < len(ws); i++ {
		if id, end := p.longest(ws, i); id >= 0 {
			return Match{ID: id, Start: i, End: end}, true
		}
	}
	return Match{}, false
}

// longest is the phrase that matches most tokens from ws[i], and where it
// ends; -1 when none does.
func (p *Phrases[T]) longest(ws []T, i int) (best, end int) {
	w := ws[i].Key()
	best, end = -1, i
	if w == "" {
		return p.try(p.exact[w], ws, i, best, end)
	}
	if p.exactSet.has(exactHash(w)) {
		best, end = p.try(p.exact[w], ws, i, best, end)
	}
	if len(p.short) > 0 {
		best, end = p.try(p.short, ws, i, best, end)
	}
	if len(w) >= stemKey && p.stemSet.has(stemHash(w)) {
		best, end = p.try(p.stems[w[:stemKey]], ws, i, best, end)
	}
	return best, end
}

// PhraseGroup finds the phrases of several sets in one pass over a
// sentence: each word is read and hashed once, a word that starts no
// phrase of any set is passed over with one look at the sets' joint
// filters, and the others find the phrases of every set that start with
// them in one look-up of the group's own index. A sentence's cue lexicons
// are read together so.
type PhraseGroup[T PhraseWord] struct {
	sets              []*Phrases[T]
	exact             map[string][]setPhrases // by exact first word, the sets in order
	stems             map[string][]setPhrases // by the first stemKey bytes of a first-word stem
	short             []setPhrases            // first-word stems shorter than stemKey
	exactSet, stemSet bitFilter               // the sets' filters joined
}

// setPhrases are the phrases of one set of a group that may start at a
// word.
type setPhrases struct {
	set int
	ids []int32
}

// NewPhraseGroup is the group of the sets, numbered in the order given.
// The sets must not change after.
func NewPhraseGroup[T PhraseWord](sets ...*Phrases[T]) *PhraseGroup[T] {
	g := &PhraseGroup[T]{sets: sets, exact: map[string][]setPhrases{}, stems: map[string][]setPhrases{}}
	for k, p := range sets {
		for i := range g.exactSet {
			g.exactSet[i] |= p.exactSet[i]
			g.stemSet[i] |= p.stemSet[i]
		}
		for w, ids := range p.exact {
			g.exact[w] = append(g.exact[w], setPhrases{k, ids})
		}
		for w, ids := range p.stems {
			g.stems[w] = append(g.stems[w], setPhrases{k, ids})
		}
		if len(p.short) > 0 {
			g.short = append(g.short, setPhrases{k, p.short})
		}
	}
	return g
}

// maxGroup is the most sets a group scans with its cursors on the stack.
const maxGroup = 16

// Scan calls found for each match of each set, in the order of the words:
// for each set, the matches its Next finds walking the sentence.
func (g *PhraseGroup[T]) Scan(ws []T, found func(set int, m Match)) {
	var buf [maxGroup]int
	var next []int // where each set's next match may start
	if len(g.sets) <= maxGroup {
		next = buf[:len(g.sets)]
	} else {
		next = make([]int, len(g.sets))
	}
	for i := range ws {
		w := ws[i].Key()
		var exact, stems []setPhrases
		if w == "" || g.exactSet.has(exactHash(w)) {
			exact = g.exact[w]
		}
		if len(w) >= stemKey && g.stemSet.has(stemHash(w)) {
			stems = g.stems[w[:stemKey]]
		}
		short := g.short
		if w == "" {
			short = nil
		}
		// each set's phrases from the three lists, which hold the sets in
		// order; a set's longest match is the same whatever the order its
		// phrases are tried in (try)
		for len(exact)+len(short)+len(stems) > 0 {
			k := minSet(exact, short, stems)
			var ids [3][]int32
			exact, ids[0] = popSet(exact, k)
			short, ids[1] = popSet(short, k)
			stems, ids[2] = popSet(stems, k)
			if i < next[k] {
				continue
			}
			best, end := -1, i
			for _, l := range ids {
				best, end = g.sets[k].try(l, ws, i, best, end)
			}
			if best >= 0 {
				found(k, Match{ID: best, Start: i, End: end})
				next[k] = end
			}
		}
	}
}

// popSet takes the phrases of set k off the head of l, if they are there.
func popSet(l []setPhrases, k int) ([]setPhrases, []int32) {
	if len(l) > 0 && l[0].set == k {
		return l[1:], l[0].ids
	}
	return l, nil
}

// minSet is the lowest set number at the head of the lists, one of which
// is not empty.
func minSet(lists ...[]setPhrases) int {
	k := -1
	for _, l := range lists {
		if len(l) > 0 && (k < 0 || l[0].set < k) {
			k = l[0].set
		}
	}
	return k
}

// try matches the phrases ids from ws[i] and keeps the best so far.
func (p *Phrases[T]) try(ids []int32, ws []T, i, best, end int) (int, int) {
	for _, id := range ids {
		ph := &p.phrases[id]
		e, ok := matchFrom(ph.pats, ws, i)
		if !ok || e == i {
			continue
		}
		if e > end || e == end && ph.rank < p.phrases[best].rank {
			best, end = int(id), e
		}
	}
	return best, end
}

// matchFrom reports whether the patterns match ws from j, and where the
// match ends.
func matchFrom[T PhraseWord](ps []pattern, ws []T, j int) (int, bool) {
	for k := range ps {
		q := &ps[k]
		if q.gap {
			for skip := 0; skip <= MaxGap && j+skip <= len(ws); skip++ {
				if end, ok := matchFrom(ps[k+1:], ws, j+skip); ok {
					return end, true
				}
			}
			return 0, false
		}
		if j >= len(ws) {
			return 0, false
		}
		if w := ws[j].Key(); w != q.word && !(q.stem && strings.HasPrefix(w, q.word)) {
			return 0, false
		}
		if q.breakBefore && ws[j-1].EndsClause() {
			return 0, false
		}
		j++
	}
	return j, true
}

// bitFilter is a set of 4,096 hash bits: a word whose bit is off starts no
// phrase, which spares most words a map look-up.
type bitFilter [64]uint64

func (b *bitFilter) add(h uint32)      { b[h>>6] |= 1 << (h & 63) }
func (b *bitFilter) has(h uint32) bool { return b[h>>6]&(1<<(h&63)) != 0 }

// exactHash is a 12-bit hash of a non-empty word: its length and first,
// middle and last bytes.
func exactHash(w string) uint32 {
	if w == "" {
		return 0
	}
	n := len(w)
	h := uint32(w[0]) | uint32(w[n-1])<<8 | uint32(w[n/2])<<16 | uint32(n)<<24
	return (h * 0x9E3779B1) >> 20
}

// stemHash is a 12-bit hash of a word's first stemKey bytes.
func stemHash(w string) uint32 {
	h := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16
	return (h * 0x9E3779B1) >> 20
}
