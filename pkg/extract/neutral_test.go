package extract

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

// plainNeutral is what neutral.txt says of s without the literal filter:
// the patterns alone.
func plainNeutral(n *neutralPatterns, s string) bool {
	if n.start != nil && n.start.whole().MatchString(s[:min(len(s), neutralHead)]) {
		return true
	}
	return n.any != nil && n.any.whole().MatchString(s)
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

// TestNeutralFilters pins what the filters of neutral.txt need, so that a
// change to it that leaves a line unfiltered shows.
func TestNeutralFilters(t *testing.T) {
	n, err := readNeutral()
	if err != nil {
		t.Fatal(err)
	}
	any := n.any.get().branches
	if len(any) != 1 || !slices.ContainsFunc(any[0].need, func(set []string) bool { return slices.Equal(set, []string{" graded"}) }) {
		t.Errorf("unanchored branches = %+v, want one needing \" graded\"", any)
	}
	start := n.start.get().branches
	if len(start) < 2 {
		t.Fatalf("%d anchored branches, want one a line", len(start))
	}
	for i, b := range start {
		if b.opens == nil {
			t.Errorf("anchored branch %d (%s) has no opening strings to filter by", i, b.re)
		}
	}
	if p := start[0].opens; !slices.Contains(p, "the ") || !slices.Contains(p, "inspector ") || !slices.Contains(p, "two ") {
		t.Errorf("opening strings of the first line = %q, want the, two, inspector...", p)
	}
}

func TestOpensOf(t *testing.T) {
	for _, c := range []struct {
		p     string
		opens []string // nil: none known
	}{
		{`^abc`, []string{"abc"}},
		{`abc`, nil}, // not anchored: a match opens anywhere
		{`(?m)^abc`, nil},
		{`(?i)^(?:the\s+)?Inspectors?\s+met\b`, []string{"the ", "inspectors ", "inspector "}},
		{`(?i)^dear\s`, []string{"dear "}},
		{`(?i)^(?:visit|inspection)\s+(?:looked|ran)`, []string{"visit ", "inspection "}},
		{`^x+(?:yz){2,}`, []string{"x"}},
		{`^(?:x|y*)z`, nil},
		{`^\w+`, nil},
		{`(?i)^café`, nil},                         // é: its case folds are not ASCII's
		{`(?i)^\x{212a}elvin`, []string{"kelvin"}}, // the Kelvin sign is k's: a text with it is not filtered
	} {
		tree, err := syntax.Parse(c.p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := opensOf(tree)
		slices.Sort(got)
		want := slices.Clone(c.opens)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: opens %q, want %q", c.p, got, want)
		}
	}
	// past maxPrefixes the strings stop growing
	tree, err := syntax.Parse(`^(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)(?:k|l)(?:m|n)`, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	if got := opensOf(tree); len(got) != maxPrefixes || len(got[0]) != 6 {
		t.Errorf("opens of 128 openings = %d strings (%q...), want %d of 6 bytes", len(got), got[:min(2, len(got))], maxPrefixes)
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
	matched := 0
	for _, s := range ownSentences(t) {
		for _, v := range []string{s.Text, strings.ToUpper(s.Text)} {
			got, want := n.match(v), plainNeutral(&n, v)
			if got != want {
				t.Errorf("match(%.60q) = %v, patterns alone %v", v, got, want)
			}
			if got {
				matched++
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
