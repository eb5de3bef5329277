package extract

import (
	"bufio"
	"fmt"
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
}

// lexicon finds its phrases in a sentence's words, longest first.
type lexicon struct {
	name    string
	byFirst map[string][]*entry // exact first word
	stems   []*entry            // first word ends with *
}

// parseLexicon reads lines of the form
//
//	class weight phrase words [@origin]
//
// with # comments. classes says which classes are allowed.
func parseLexicon(name, data string, classes ...string) (*lexicon, error) {
	lx := &lexicon{name: name, byFirst: map[string][]*entry{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if i := strings.Index(l, "#"); i >= 0 {
			l = l[:i]
		}
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want class, weight and phrase", name, n)
		}
		e := &entry{class: f[0], origin: "domain", line: n}
		if !contains(classes, e.class) {
			return nil, fmt.Errorf("%s:%d: unknown class %q", name, n, e.class)
		}
		w, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: weight %q: %w", name, n, f[1], err)
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
			return nil, fmt.Errorf("%s:%d: empty phrase", name, n)
		}
		if strings.HasSuffix(e.phrase[0], "*") {
			lx.stems = append(lx.stems, e)
		} else {
			lx.byFirst[e.phrase[0]] = append(lx.byFirst[e.phrase[0]], e)
		}
	}
	return lx, sc.Err()
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
	out := &lexicon{name: lx.name, byFirst: map[string][]*entry{}}
	for k, es := range lx.byFirst {
		for _, e := range es {
			if !origins[e.origin] {
				out.byFirst[k] = append(out.byFirst[k], e)
			}
		}
	}
	for _, e := range lx.stems {
		if !origins[e.origin] {
			out.stems = append(out.stems, e)
		}
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
	for i := 0; i < len(ws); {
		best := match{}
		try := func(e *entry) {
			if j, ok := matchAt(e.phrase, ws, i); ok && j-i > best.j-best.i {
				best = match{entry: e, i: i, j: j}
			}
		}
		for _, e := range lx.byFirst[ws[i].text] {
			try(e)
		}
		for _, e := range lx.stems {
			try(e)
		}
		if best.entry == nil {
			i++
			continue
		}
		out = append(out, best)
		i = best.j
	}
	return out
}

// matchAt reports whether phrase matches ws from i, and where the match ends.
// A phrase word "..." matches up to three words of any kind.
func matchAt(phrase []string, ws []word, i int) (int, bool) {
	j := i
	for k, p := range phrase {
		if p == "..." {
			// skip 0-3 words, then the rest must match
			for skip := 0; skip <= 3 && j+skip <= len(ws); skip++ {
				if end, ok := matchAt(phrase[k+1:], ws, j+skip); ok {
					return end, true
				}
			}
			return 0, false
		}
		if j >= len(ws) || !wordIs(ws[j].text, p) {
			return 0, false
		}
		// a phrase does not run across a clause break
		if k < len(phrase)-1 && j > i && ws[j-1].punct != "" && strings.ContainsAny(ws[j-1].punct, ".;:") {
			return 0, false
		}
		j++
	}
	return j, true
}

func wordIs(w, p string) bool {
	if strings.HasSuffix(p, "*") {
		return strings.HasPrefix(w, p[:len(p)-1])
	}
	return w == p
}
