package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/nlp"
)

// plainNeutral is what neutral.txt says of s without the literal filter:
// the patterns alone.
func plainNeutral(n *neutralPatterns, s string) bool {
	if n.start != nil && n.start.MatchString(s[:min(len(s), neutralHead)]) {
		return true
	}
	return n.any != nil && n.any.MatchString(s)
}

// neutralCases are sentences written for these tests: some the patterns
// match, in odd cases and with the characters that (?i) folds to k and s.
var neutralCases = []struct {
	s    string
	want bool
}{
	{"Inspectors looked at 40 cases.", true},
	{"INSPECTORS SPOKE TO CHILDREN AND CARERS.", true},
	{"The two inspectors also met leaders.", true},
	{"Dear Ms Smith", true},
	{"Yours sincerely", true},
	{"Yours \u017fincerely", true}, // long s: (?i) s
	{"YOURS \u017fINCERELY", true},
	{"Inspectors loo\u212aed at plans.", true}, // Kelvin sign: (?i) k
	{"This visit looked at help for care leavers.", true},
	{"Leadership is not graded at this visit.", true},
	{"Leadership i\u017f not graded.", true},
	{"Leadership is NOT GRADED.", true},
	{"Leaders are not graded but praised.", true},
	{"Children are safe and leaders know them well.", false},
	{"Managers reviewed 40 cases and found drift.", false},
	{"Many children said inspectors looked at their plans.", false},
	{"Not graded: see above.", false},
	{"", false},
	{"\xff\xfe is not graded", true},
	{strings.Repeat("word ", 300) + "is not graded", true},
	{strings.Repeat("word ", 300), false},
}

func TestNeutralPatterns(t *testing.T) {
	n, err := readNeutral()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range neutralCases {
		if got := n.match(c.s); got != c.want {
			t.Errorf("match(%.60q) = %v, want %v", c.s, got, c.want)
		}
		if got := plainNeutral(&n, c.s); got != c.want {
			t.Errorf("patterns alone on %.60q = %v, want %v", c.s, got, c.want)
		}
	}
}

// strs is a filter's byte strings as strings.
func strs(bs [][]byte) []string {
	var out []string
	for _, b := range bs {
		out = append(out, string(b))
	}
	return out
}

// TestNeutralFilters pins what the filters of neutral.txt need, so that a
// change to it that leaves a pattern unfiltered shows.
func TestNeutralFilters(t *testing.T) {
	n, err := readNeutral()
	if err != nil {
		t.Fatal(err)
	}
	if len(n.anyLines) != 1 || !slices.Equal(strs(n.anyLines[0].lits), []string{"graded"}) {
		t.Errorf("unanchored filters = %+v, want one needing graded", n.anyLines)
	}
	for i, f := range n.startLines {
		if f.prefixes == nil {
			t.Errorf("anchored pattern %d has no prefixes to filter by", i)
		}
	}
	if p := strs(n.startLines[0].prefixes); !slices.Contains(p, "the") || !slices.Contains(p, "inspector") || !slices.Contains(p, "two") {
		t.Errorf("prefixes of the first pattern = %q, want the, two, inspector...", p)
	}
}

func TestLineFilter(t *testing.T) {
	for _, c := range []struct {
		p              string
		lits, prefixes []string // nil: none known
	}{
		{`abc`, []string{"abc"}, []string{"abc"}},
		{`^(?:the\s+)?Inspectors?\s+met\b`, []string{"inspector"}, []string{"the", "inspectors", "inspector"}},
		{`^dear\s`, []string{"dear"}, []string{"dear"}},
		{`(?:visit|inspection)\s+(?:looked|ran)`, []string{"visit", "inspection"}, []string{"visit", "inspection"}},
		{`x+(?:yz){2,}`, []string{"yz"}, nil},
		{`(?:x|y*)z`, []string{"z"}, nil},
		{`(?:x|y*)`, nil, nil},
		{`\w+`, nil, nil},
		{`café`, nil, nil},
	} {
		f, err := newLineFilter(c.p, true)
		if err != nil {
			t.Fatal(err)
		}
		if got := strs(f.lits); !slices.Equal(got, c.lits) {
			t.Errorf("%s: literals %q, want %q", c.p, got, c.lits)
		}
		got := strs(f.prefixes)
		slices.Sort(got)
		want := slices.Clone(c.prefixes)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: prefixes %q, want %q", c.p, got, want)
		}
	}
}

// TestNeutralSameAsPatterns checks the filter against the patterns alone on
// every sentence of the reports written for the tests, as written and
// upper-cased.
func TestNeutralSameAsPatterns(t *testing.T) {
	n, err := readNeutral()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no test reports")
	}
	matched := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ss, err := nlp.Sentences(string(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			for _, v := range []string{s.Text, strings.ToUpper(s.Text)} {
				got, want := n.match(v), plainNeutral(&n, v)
				if got != want {
					t.Errorf("%s: match(%.60q) = %v, patterns alone %v", f, v, got, want)
				}
				if got {
					matched++
				}
			}
		}
	}
	if matched == 0 {
		t.Error("no sentence matched: the check compared nothing")
	}
}

func FuzzNeutralFilter(f *testing.F) {
	n, err := readNeutral()
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range neutralCases {
		f.Add(c.s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := n.match(s), plainNeutral(&n, s); got != want {
			t.Errorf("match(%q) = %v, patterns alone %v", s, got, want)
		}
	})
}

// BenchmarkNeutral runs neutral.txt over every benchmark sentence, with
// the filters and with the patterns alone.
func BenchmarkNeutral(b *testing.B) {
	n, err := readNeutral()
	if err != nil {
		b.Fatal(err)
	}
	ss, size := sentences(b)
	for _, c := range []struct {
		name  string
		match func(string) bool
	}{
		{"filtered", n.match},
		{"patterns", func(s string) bool { return plainNeutral(&n, s) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, s := range ss {
					c.match(s)
				}
			}
		})
	}
}
