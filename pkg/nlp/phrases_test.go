package nlp

import (
	"slices"
	"strings"
	"testing"
)

// groupSets are phrase sets written for these tests: exact words, stems
// long and short, gaps and clause breaks, and phrases that overlap.
func groupSets(t testing.TB) []*Phrases[Word] {
	t.Helper()
	lists := [][]string{
		{"not", "no", "none of", "never", "not ... enough"},
		{"good", "well-led", "improv*", "good practice", "highly effective", "effective*"},
		{"but", "although", "however", "in spite of"},
		{"need* to", "should", "must ... ensure"},
		{"a*", "children", "children and young people", "child*"},
		{},
	}
	var sets []*Phrases[Word]
	for k, l := range lists {
		p := NewPhrases[Word](PhraseOptions{Clauses: k%2 == 0, ExactFirst: k != 4})
		for _, phrase := range l {
			var ps []Pattern
			for _, w := range strings.Fields(phrase) {
				switch {
				case w == "...":
					ps = append(ps, Pattern{Gap: true})
				case strings.HasSuffix(w, "*"):
					ps = append(ps, Pattern{Word: strings.TrimSuffix(w, "*"), Stem: true})
				default:
					ps = append(ps, Pattern{Word: w})
				}
			}
			if _, err := p.Add(ps); err != nil {
				t.Fatal(err)
			}
		}
		sets = append(sets, p)
	}
	return sets
}

// groupTexts are sentences written for these tests.
var groupTexts = []string{
	"Leaders are not good enough; children and young people need to be seen.",
	"Although practice is good, it is not yet highly effective: managers must always ensure plans improve.",
	"None of the children were seen. No child was missed, but never again.",
	"Improvements in spite of delays; good practice, well-led teams, effectiveness.",
	"An apple, a bee and an ant.",
	"",
	"good",
	"not not not good good practice practice",
}

// byNext is each set's matches as Next walks the words.
func byNext(sets []*Phrases[Word], ws []Word) [][]Match {
	out := make([][]Match, len(sets))
	for k, p := range sets {
		for m, ok := p.Next(ws, 0); ok; m, ok = p.Next(ws, m.End) {
			out[k] = append(out[k], m)
		}
	}
	return out
}

// byGroup is each set's matches as the group scans the words.
func byGroup(g *PhraseGroup[Word], n int, ws []Word) [][]Match {
	out := make([][]Match, n)
	g.Scan(ws, func(k int, m Match) { out[k] = append(out[k], m) })
	return out
}

func words(s string) []Word {
	return slices.Collect(Words(s, WordOptions{Hyphens: true, Punct: true}))
}

func TestPhraseGroupSameAsNext(t *testing.T) {
	sets := groupSets(t)
	g := NewPhraseGroup(sets...)
	found := 0
	for _, s := range groupTexts {
		ws := words(s)
		want := byNext(sets, ws)
		if got := byGroup(g, len(sets), ws); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%q: group %v, Next %v", s, got, want)
		}
		for _, ms := range want {
			found += len(ms)
		}
	}
	if found < 20 {
		t.Errorf("only %d matches: the cases test little", found)
	}
}

func TestPhraseGroupMatches(t *testing.T) {
	sets := groupSets(t)
	got := byGroup(NewPhraseGroup(sets...), len(sets), words(groupTexts[0]))
	// "not good enough": the gap phrase; "need to" by its stem; in set 4,
	// "a*" takes "are", and "children and young people" beats "children"
	want := [][]Match{
		{{ID: 4, Start: 2, End: 5}},
		{{ID: 0, Start: 3, End: 4}},
		nil,
		{{ID: 0, Start: 9, End: 11}},
		{{ID: 0, Start: 1, End: 2}, {ID: 2, Start: 5, End: 9}},
		nil,
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestPhraseGroupMany(t *testing.T) {
	var sets []*Phrases[Word]
	for range maxGroup + 3 {
		sets = append(sets, groupSets(t)...)
	}
	g := NewPhraseGroup(sets...)
	ws := words(groupTexts[1])
	if got, want := byGroup(g, len(sets), ws), byNext(sets, ws); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("group of %d sets: %v, Next %v", len(sets), got, want)
	}
}

func FuzzPhraseGroup(f *testing.F) {
	for _, s := range groupTexts {
		f.Add(s)
	}
	sets := groupSets(f)
	g := NewPhraseGroup(sets...)
	f.Fuzz(func(t *testing.T, s string) {
		ws := words(s)
		if got, want := byGroup(g, len(sets), ws), byNext(sets, ws); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%q: group %v, Next %v", s, got, want)
		}
	})
}
