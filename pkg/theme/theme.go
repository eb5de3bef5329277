package theme

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/findings/findings/pkg/nlp"
)

//go:embed data/themes.txt
var themesTxt string

// Theme is one topic of the lexicon.
type Theme struct {
	// ID is the theme's stable name in data: "care_leavers".
	ID string
	// Label is its name for people: "care leavers".
	Label string
}

// Match is a theme found in a sentence and the cue phrases that showed it.
type Match struct {
	Theme string
	// Cues are the lexicon phrases found, in sentence order (a phrase found
	// twice is listed twice).
	Cues []string
}

// Lexicon finds the themes of sentences. It is safe for concurrent use.
type Lexicon struct {
	themes  []Theme
	byFirst map[string][]*cue // phrases whose first word is exact
	byStem  map[string][]*cue // phrases whose first word is a stem, by its first three letters
}

// cue is one phrase of the lexicon.
type cue struct {
	text  string // as written in the file
	words []pattern
	theme int // index into themes; -1 for a phrase that is no theme
	line  int
}

// pattern is a word of a phrase.
type pattern struct {
	word string
	stem bool // word* : any word that starts with word
	gap  bool // ... : up to maxGap words
}

const (
	maxGap    = 3
	minStem   = 3
	maxThemes = 64
	noTheme   = "-"
)

var std = sync.OnceValue(func() *Lexicon {
	l, err := Compile(themesTxt)
	if err != nil {
		// the embedded file is tested; this is a build mistake
		panic("theme: data/themes.txt: " + err.Error())
	}
	return l
})

// Default returns the embedded lexicon, compiled on first use.
func Default() *Lexicon { return std() }

// Tag returns the ids of the themes of sentence in the lexicon's order, or
// nil when it has none.
func Tag(sentence string) []string { return std().Tag(sentence) }

// Themes lists the embedded lexicon's themes in its order.
func Themes() []Theme { return std().Themes() }

// Label is the label of the theme id, or id itself when it is unknown.
func Label(id string) string {
	for _, t := range std().themes {
		if t.ID == id {
			return t.Label
		}
	}
	return id
}

// Compile reads a lexicon: sections "[id] label" each followed by cue
// phrases, one a line; "#" starts a comment line. A section named "-" holds
// phrases that are no theme and only stop shorter phrases inside them.
func Compile(text string) (*Lexicon, error) {
	l := &Lexicon{byFirst: map[string][]*cue{}, byStem: map[string][]*cue{}}
	seen := map[string]int{}
	ids := map[string]bool{}
	section := -2 // before any section
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			id, label, ok := strings.Cut(line[1:], "]")
			id, label = strings.TrimSpace(id), strings.TrimSpace(label)
			if !ok || id == "" {
				return nil, fmt.Errorf("line %d: want \"[id] label\", got %q", n, line)
			}
			if ids[id] {
				return nil, fmt.Errorf("line %d: section %q again", n, id)
			}
			ids[id] = true
			if id == noTheme {
				section = -1
				continue
			}
			if label == "" {
				label = strings.ReplaceAll(id, "_", " ")
			}
			l.themes = append(l.themes, Theme{ID: id, Label: label})
			section = len(l.themes) - 1
			continue
		}
		if section == -2 {
			return nil, fmt.Errorf("line %d: phrase %q before any [section]", n, line)
		}
		c := &cue{text: line, theme: section, line: n}
		for _, f := range strings.Fields(line) {
			if f == "..." {
				if len(c.words) == 0 {
					return nil, fmt.Errorf("line %d: %q starts with the gap \"...\"", n, line)
				}
				c.words = append(c.words, pattern{gap: true})
				continue
			}
			stem := strings.HasSuffix(f, "*")
			f = strings.TrimSuffix(f, "*")
			ws := words(f)
			if len(ws) == 0 {
				return nil, fmt.Errorf("line %d: %q has no word in %q", n, line, f)
			}
			for i, w := range ws {
				c.words = append(c.words, pattern{word: w, stem: stem && i == len(ws)-1})
			}
		}
		if c.words[len(c.words)-1].gap {
			return nil, fmt.Errorf("line %d: %q ends with the gap \"...\"", n, line)
		}
		first := c.words[0]
		if first.stem && len(first.word) < minStem {
			return nil, fmt.Errorf("line %d: %q: a stem needs at least %d letters", n, line, minStem)
		}
		key := patternKey(c.words)
		if prev, ok := seen[key]; ok {
			return nil, fmt.Errorf("line %d: %q is line %d again", n, line, prev)
		}
		seen[key] = n
		if first.stem {
			k := first.word[:minStem]
			l.byStem[k] = append(l.byStem[k], c)
		} else {
			l.byFirst[first.word] = append(l.byFirst[first.word], c)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(l.themes) == 0 {
		return nil, fmt.Errorf("no [theme] section")
	}
	if len(l.themes) > maxThemes {
		return nil, fmt.Errorf("%d themes: at most %d", len(l.themes), maxThemes)
	}
	return l, nil
}

func patternKey(ps []pattern) string {
	var sb strings.Builder
	for _, p := range ps {
		switch {
		case p.gap:
			sb.WriteString("... ")
		case p.stem:
			sb.WriteString(p.word + "* ")
		default:
			sb.WriteString(p.word + " ")
		}
	}
	return sb.String()
}

// Themes lists the lexicon's themes in its order.
func (l *Lexicon) Themes() []Theme { return append([]Theme(nil), l.themes...) }

// Tag returns the ids of the themes of sentence in the lexicon's order, or
// nil when it has none.
func (l *Lexicon) Tag(sentence string) []string {
	var found uint64 // a bit per theme: Compile allows at most 64
	l.scan(sentence, func(c *cue) { found |= 1 << c.theme })
	if found == 0 {
		return nil
	}
	var out []string
	for i, t := range l.themes {
		if found&(1<<i) != 0 {
			out = append(out, t.ID)
		}
	}
	return out
}

// Match returns the themes of sentence in the lexicon's order, each with
// the phrases that showed it.
func (l *Lexicon) Match(sentence string) []Match {
	byTheme := map[int][]string{}
	l.scan(sentence, func(c *cue) { byTheme[c.theme] = append(byTheme[c.theme], c.text) })
	var out []Match
	for i, t := range l.themes {
		if cs, ok := byTheme[i]; ok {
			out = append(out, Match{Theme: t.ID, Cues: cs})
		}
	}
	return out
}

// scan calls hit with the phrase found at each place of the sentence: the
// longest one, then goes on after it.
func (l *Lexicon) scan(sentence string, hit func(*cue)) {
	ws := words(sentence)
	for i := 0; i < len(ws); {
		best, bestLen := (*cue)(nil), 0
		try := func(cs []*cue) {
			for _, c := range cs {
				if n := c.match(ws[i:]); n > bestLen || n > 0 && n == bestLen && c.line < best.line {
					best, bestLen = c, n
				}
			}
		}
		try(l.byFirst[ws[i]])
		if len(ws[i]) >= minStem {
			try(l.byStem[ws[i][:minStem]])
		}
		if best == nil {
			i++
			continue
		}
		if best.theme >= 0 {
			hit(best)
		}
		i += bestLen
	}
}

// match returns how many words of ws the phrase covers from the start, or 0.
func (c *cue) match(ws []string) int {
	return matchFrom(c.words, ws, 0)
}

func matchFrom(ps []pattern, ws []string, used int) int {
	if len(ps) == 0 {
		return used
	}
	p := ps[0]
	if p.gap {
		// the shortest gap that lets the rest match
		for skip := 0; skip <= maxGap && used+skip < len(ws); skip++ {
			if n := matchFrom(ps[1:], ws, used+skip); n > 0 {
				return n
			}
		}
		return 0
	}
	if used >= len(ws) {
		return 0
	}
	w := ws[used]
	if w != p.word && !(p.stem && strings.HasPrefix(w, p.word)) {
		return 0
	}
	return matchFrom(ps[1:], ws, used+1)
}

// words splits s into lower-case words of letters and digits, keeping an
// apostrophe inside a word ("children's"); a curly apostrophe counts as a
// straight one. Every other character, a hyphen too, separates words.
func words(s string) []string { return appendWords(make([]string, 0, 32), s) }

// appendWords appends the words of s to dst.
func appendWords(dst []string, s string) []string {
	for w := range nlp.Words(s, nlp.WordOptions{}) {
		dst = append(dst, w.Text)
	}
	return dst
}
