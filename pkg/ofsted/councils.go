package ofsted

import (
	_ "embed"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"github.com/findings/findings/pkg/nlp"
)

//go:embed data/councils.txt
var councilsTxt string

// known is a council's name as output and one of the ways it is written.
type known struct {
	name  string
	alias string // normalised: " words padded with spaces "
	words int
}

// knownNames are the councils of data/councils.txt, each name with each of
// its aliases, read once.
var knownNames = sync.OnceValue(func() []known {
	var out []known
	for _, line := range nlp.DataLines(councilsTxt) {
		parts := strings.Split(line, "|")
		name := strings.TrimSpace(parts[0])
		for _, p := range parts {
			ws := nameWords(p)
			if len(ws) == 0 {
				continue
			}
			out = append(out, known{name: name, alias: " " + strings.ToLower(strings.Join(ws, " ")) + " ", words: len(ws)})
		}
	}
	return out
})

// A council's name as reports give it varies: "Birmingham City Council",
// "Birmingham", "Birmingham’s". Council finds the council a
// report is about from its stated authority, then its title, then its file
// name, and returns a key that is the same for all of them and the name to
// show.
//
// A council of England is found inside any of these texts (a letter's
// "Director of Children's Services, Sandwell" is Sandwell). Another name is
// kept as stated, less the words that say what kind of council it is
// ("City Council", "London Borough of").
func Council(stated, title, source string) (key, name string) {
	file := ""
	if source != "" && source != "-" {
		file = strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	}
	// a title that is a council's name and nothing else says it best (the
	// first line of many reports is the council's name)
	if k, ok := findKnown(title); ok && k.words == len(stripCouncil(nameWords(title))) {
		return keyOf(k.name), k.name
	}
	for _, s := range []string{stated, title, file} {
		if k, ok := findKnown(s); ok {
			return keyOf(k.name), k.name
		}
	}
	for i, s := range []string{stated, title, file} {
		ws := stripCouncil(nameWords(s))
		if i == 2 {
			ws = fileNameWords(ws)
		}
		if len(ws) == 0 || i == 1 && len(ws) > 6 {
			continue // a title is a name only when it is short
		}
		name := strings.Join(ws, " ")
		return keyOf(name), name
	}
	return "", ""
}

// findKnown is the longest known name in s, the first of equals.
func findKnown(s string) (known, bool) {
	ws := nameWords(s)
	if len(ws) == 0 {
		return known{}, false
	}
	text := " " + strings.ToLower(strings.Join(ws, " ")) + " "
	best, bestAt, found := known{}, 0, false
	for _, k := range knownNames() {
		at := strings.Index(text, k.alias)
		if at < 0 {
			continue
		}
		if !found || k.words > best.words || k.words == best.words && at < bestAt {
			best, bestAt, found = k, at, true
		}
	}
	return best, found
}

func keyOf(name string) string {
	return strings.ToLower(strings.Join(nameWords(name), " "))
}

// nameWords splits a name into its words, as written: letters and digits;
// "&" is "and"; a possessive "'s" is dropped.
func nameWords(s string) []string {
	s = strings.ReplaceAll(s, "&", " and ")
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’')
	})
	out := f[:0]
	for _, w := range f {
		w = strings.ReplaceAll(w, "’", "'")
		if i := strings.Index(w, "'"); i >= 0 {
			w = w[:i] // Durham's -> Durham; o'clock does not name councils
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

var (
	councilPrefixes = [][]string{
		{"the"}, {"london", "borough", "of"}, {"royal", "borough", "of"}, {"metropolitan", "borough", "of"},
		{"borough", "of"}, {"city", "of"}, {"county", "of"}, {"inspection", "of"}, {"council", "of"},
	}
	councilSuffixes = [][]string{
		{"metropolitan", "borough", "council"}, {"city", "council"}, {"county", "council"}, {"borough", "council"},
		{"district", "council"}, {"council"}, {"mbc"}, {"children", "services"}, {"children", "trust"},
		{"local", "authority"}, {"children"},
	}
)

// stripCouncil drops the words around a name that say what kind of council
// it is.
func stripCouncil(ws []string) []string {
	for changed := true; changed && len(ws) > 0; {
		changed = false
		for _, p := range councilPrefixes {
			if hasWords(ws, p, true) && len(ws) > len(p) {
				ws, changed = ws[len(p):], true
			}
		}
		for _, p := range councilSuffixes {
			if hasWords(ws, p, false) && len(ws) > len(p) {
				ws, changed = ws[:len(ws)-len(p)], true
			}
		}
	}
	return ws
}

func hasWords(ws, p []string, front bool) bool {
	if len(ws) < len(p) {
		return false
	}
	at := 0
	if !front {
		at = len(ws) - len(p)
	}
	for i, w := range p {
		if !strings.EqualFold(ws[at+i], w) {
			return false
		}
	}
	return true
}

// fileNameWords keeps the part of a file name's words that may name a
// council: "80429 birmingham children s services inspection 2016" is
// "birmingham".
func fileNameWords(ws []string) []string {
	for len(ws) > 0 && isDigits(ws[0]) {
		ws = ws[1:]
	}
	for i, w := range ws {
		switch l := strings.ToLower(w); {
		case l == "children" || l == "inspection" || l == "focused" || l == "monitoring" || l == "ofsted" || l == "report" || l == "letter":
			return ws[:i]
		case len(l) == 4 && isDigits(l) && (l[:2] == "19" || l[:2] == "20"):
			return ws[:i]
		}
	}
	return ws
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
