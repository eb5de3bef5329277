package theme

import (
	_ "embed"
	"fmt"
	"slices"
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
	themes []Theme
	cues   []*cue // by phrase ID in set
	set    *nlp.Phrases[nlp.Word]
}

// cue is one phrase of the lexicon.
type cue struct {
	text  string // as written in the file
	theme int    // index into themes; -1 for a phrase that is no theme
	line  int
}

const (
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
	c := &compiler{
		l:       &Lexicon{set: nlp.NewPhrases[nlp.Word](nlp.PhraseOptions{})},
		seen:    map[string]int{},
		ids:     map[string]bool{},
		section: -2, // before any section
	}
	for n, line := range nlp.NumberedDataLines(text) {
		var err error
		if strings.HasPrefix(line, "[") {
			err = c.startSection(n, line)
		} else {
			err = c.addCue(n, line)
		}
		if err != nil {
			return nil, err
		}
	}
	if len(c.l.themes) == 0 {
		return nil, fmt.Errorf("no [theme] section")
	}
	if len(c.l.themes) > maxThemes {
		return nil, fmt.Errorf("%d themes: at most %d", len(c.l.themes), maxThemes)
	}
	return c.l, nil
}

// compiler is Compile's state between lines.
type compiler struct {
	l       *Lexicon
	seen    map[string]int  // pattern key -> line
	ids     map[string]bool // section ids seen
	section int             // theme index; -1 in [-], -2 before any section
}

// startSection reads a "[id] label" line.
func (c *compiler) startSection(n int, line string) error {
	id, label, ok := strings.Cut(line[1:], "]")
	id, label = strings.TrimSpace(id), strings.TrimSpace(label)
	if !ok || id == "" {
		return fmt.Errorf("line %d: want \"[id] label\", got %q", n, line)
	}
	if c.ids[id] {
		return fmt.Errorf("line %d: section %q again", n, id)
	}
	c.ids[id] = true
	if id == noTheme {
		c.section = -1
		return nil
	}
	if label == "" {
		label = strings.ReplaceAll(id, "_", " ")
	}
	c.l.themes = append(c.l.themes, Theme{ID: id, Label: label})
	c.section = len(c.l.themes) - 1
	return nil
}

// addCue reads a cue phrase line of the current section.
func (c *compiler) addCue(n int, line string) error {
	if c.section == -2 {
		return fmt.Errorf("line %d: phrase %q before any [section]", n, line)
	}
	ps, err := parsePhrase(line)
	if err != nil {
		return fmt.Errorf("line %d: %w", n, err)
	}
	key := patternKey(ps)
	if prev, ok := c.seen[key]; ok {
		return fmt.Errorf("line %d: %q is line %d again", n, line, prev)
	}
	c.seen[key] = n
	if _, err := c.l.set.Add(ps); err != nil {
		return fmt.Errorf("line %d: %q: %w", n, line, err)
	}
	c.l.cues = append(c.l.cues, &cue{text: line, theme: c.section, line: n})
	return nil
}

// parsePhrase is the patterns of a cue line: words split as sentences are
// (a hyphen separates), "word*" stems, "..." gaps inside the phrase.
func parsePhrase(line string) ([]nlp.Pattern, error) {
	var ps []nlp.Pattern
	for _, f := range strings.Fields(line) {
		if f == "..." {
			if len(ps) == 0 {
				return nil, fmt.Errorf("%q starts with the gap \"...\"", line)
			}
			ps = append(ps, nlp.Pattern{Gap: true})
			continue
		}
		stem := strings.HasSuffix(f, "*")
		f = strings.TrimSuffix(f, "*")
		ws := words(f)
		if len(ws) == 0 {
			return nil, fmt.Errorf("%q has no word in %q", line, f)
		}
		for i, w := range ws {
			ps = append(ps, nlp.Pattern{Word: w, Stem: stem && i == len(ws)-1})
		}
	}
	if ps[len(ps)-1].Gap {
		return nil, fmt.Errorf("%q ends with the gap \"...\"", line)
	}
	if first := ps[0]; first.Stem && len(first.Word) < minStem {
		return nil, fmt.Errorf("%q: a stem needs at least %d letters", line, minStem)
	}
	return ps, nil
}

func patternKey(ps []nlp.Pattern) string {
	var sb strings.Builder
	for _, p := range ps {
		switch {
		case p.Gap:
			sb.WriteString("... ")
		case p.Stem:
			sb.WriteString(p.Word + "* ")
		default:
			sb.WriteString(p.Word + " ")
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
	return l.ids(found)
}

// TagWords is Tag of a sentence from its words, split as nlp.Words splits
// it with WordOptions.Hyphens (whatever Punct): each word's key is cut at
// its hyphens into the words Tag reads, so that a caller who has the
// words already does not split the sentence again.
func TagWords[W nlp.PhraseWord](ws []W) []string { return tagWords(std(), ws) }

// tagWords is TagWords in lexicon l.
func tagWords[W nlp.PhraseWord](l *Lexicon, ws []W) []string {
	var buf [48]nlp.Word // most sentences: no allocation
	parts := buf[:0]
	for _, w := range ws {
		k := w.Key()
		for {
			i := strings.IndexByte(k, '-')
			if i < 0 {
				break
			}
			parts = append(parts, nlp.Word{Text: k[:i]})
			k = k[i+1:]
		}
		parts = append(parts, nlp.Word{Text: k})
	}
	var found uint64
	l.scanWords(parts, func(c *cue) { found |= 1 << c.theme })
	return l.ids(found)
}

// ids is the ids of the themes whose bits found has, in the lexicon's
// order, or nil for none.
func (l *Lexicon) ids(found uint64) []string {
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
// longest one (on a tie, the earlier line), then goes on after it.
func (l *Lexicon) scan(sentence string, hit func(*cue)) {
	var buf [48]nlp.Word // most sentences: no allocation
	l.scanWords(slices.AppendSeq(buf[:0], nlp.Words(sentence, nlp.WordOptions{})), hit)
}

// scanWords is scan over the sentence's words ws.
func (l *Lexicon) scanWords(ws []nlp.Word, hit func(*cue)) {
	for m, ok := l.set.Next(ws, 0); ok; m, ok = l.set.Next(ws, m.End) {
		if c := l.cues[m.ID]; c.theme >= 0 {
			hit(c)
		}
	}
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
