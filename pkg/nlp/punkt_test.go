package nlp

import (
	"strings"
	"testing"

	"github.com/findings/findings/internal/benchdata"
	"github.com/jdkato/prose/v3/segment"
)

// proseSegmenter is prose's own segmenter, the oracle for punkt.go.
func proseSegmenter(tb testing.TB) *segment.Segmenter {
	tb.Helper()
	seg, err := segment.New()
	if err != nil {
		tb.Fatal(err)
	}
	return seg
}

// asProse is prose's split of text in this package's sentences.
func asProse(seg *segment.Segmenter, text string) []Sentence {
	var out []Sentence
	for _, s := range seg.Segment(text) {
		out = append(out, Sentence{Text: s.Text, Start: s.Start, End: s.End()})
	}
	return out
}

// punktCases are texts that take each of Punkt's decisions: abbreviations
// known and unknown, initials, ordinals and numbers before a stop,
// ellipses plain and spaced, stops inside quotes and brackets before
// lower- and upper-case words, collocations, dotted abbreviations, "."
// alone, sentence starters, hyphenated abbreviations, non-ASCII words
// before a stop, texts ending in a rune of several bytes, and white space
// of every kind.
var punktCases = []string{
	"Dr. Smith met Mr. Jones. They spoke.",
	"J. S. Bach wrote it. He was born in 1685. It was 3. Then more.",
	"It rose to 45. The team grew. On 4 Jan. 2024 it fell.",
	"Wait... What? Then . . . Nothing. And so... on.",
	"He said “no.” then left. She said “yes.” Then she left.",
	"(They left.) and came back. (They left.) The end.",
	"It was Yahoo! The end! Really!” Yes?” no.",
	"e.g. the managers, i.e. all of them, at 3 p.m. Monday. It went well a.m. Then U.S. Army.",
	". . Two stops. . Alone.",
	"However. Therefore. But. And. The. In. It.",
	"St. Mary's school. Co. Ltd. and sgt. Pepper. Gov. office no. 5. mt. Everest.",
	"Ex-sgt. Jones. Well-known co. Then.",
	"Café. Naïve. Über. Ärger. Éclair. ŒUVRE.",
	"Ends in a curly quote.’",
	"Ends in an emoji. 😀",
	"Tabs.\tNew\nlines.\r\nPage\fbreak.\u00a0No-break.\u2028Line sep. \u0085Next.",
	"A 1,000. B -5. C .5. D 1.2.3. E 12-14. F ,5. G --5. H 5,. I x5.",
	"Invalid \xff. Bytes \xc3. End.",
	"No stop at all",
	"One.Two.Three. Four.",
	"K. Then Kelvin \u212a. The end. İstanbul. Then.",
	"Mid... lower. Upper... Upper.",
	"A sentence (see p. 5). Next one [note.] after. (Q?) And (A!) then.",
}

// TestPunktAsProse checks that punkt.go splits every test text, every
// benchmark text and each of its paragraphs and lines exactly where prose
// splits them.
func TestPunktAsProse(t *testing.T) {
	seg := proseSegmenter(t)
	m, err := segmenter()
	if err != nil {
		t.Fatal(err)
	}
	cases := append([]string{}, punktCases...)
	for _, text := range texts {
		cases = append(cases, text)
	}
	benchTexts, _ := benchdata.Texts(t)
	for _, text := range benchTexts {
		cases = append(cases, text)
		cases = append(cases, strings.Split(text, "\n\n")...)
		cases = append(cases, strings.Split(text, "\n")...)
	}
	for _, text := range cases {
		if got, want := m.segment(text), asProse(seg, text); !sameSentences(got, want) {
			t.Errorf("%q:\n got %+v\nwant %+v", text, got, want)
		}
	}
}

// sameSentences reports whether a and b are the same sentences.
func sameSentences(a, b []Sentence) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzPunktAsProse checks punkt.go against prose on any text.
func FuzzPunktAsProse(f *testing.F) {
	for _, s := range punktCases {
		f.Add(s)
	}
	seg := proseSegmenter(f)
	m, err := segmenter()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := m.segment(text), asProse(seg, text); !sameSentences(got, want) {
			t.Errorf("%q:\n got %+v\nwant %+v", text, got, want)
		}
	})
}
