package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestSectionOf(t *testing.T) {
	rs, err := readSections()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		want int
	}{
		{"What needs to improve?", sectionWeakness},
		{"WHAT NEEDS TO IMPROVE", sectionWeakness},
		{"2. Areas for priority action", sectionWeakness},
		{"12 Key strengths", sectionStrength},
		{"Key strength", sectionNone},
		{"What the local authority needs to do", sectionWeakness},
		{"What the local authority’s leaders need", sectionNone},
		{"Information about this inspection", sectionNeutral},
		{"The inspection team", sectionNeutral},
		{"Key strengths – summary", sectionStrength},
		{"Ｋey strengths", sectionNone},
		{"Children’s experiences", sectionNone},
		{"", sectionNone},
		{"   ", sectionNone},
		{"...", sectionNone},
	} {
		if got := rs.of(c.name); got != c.want {
			t.Errorf("of(%q) = %d, want %d", c.name, got, c.want)
		}
		if got, want := rs.of(c.name), rs.ofLowered(c.name); got != want {
			t.Errorf("of(%q) = %d, lowered %d", c.name, got, want)
		}
	}
	// every rule's own prefix, as written and upper-cased, finds its class
	for _, r := range rs {
		for _, name := range []string{r.prefix, strings.ToUpper(r.prefix), "1. " + r.prefix + " and more"} {
			if got, want := rs.of(name), rs.ofLowered(name); got != want || got == sectionNone {
				t.Errorf("of(%q) = %d, lowered %d", name, got, want)
			}
		}
	}
}

func FuzzSectionOf(f *testing.F) {
	rs, err := readSections()
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range rs {
		f.Add(r.prefix)
	}
	f.Add("Children’s experiences")
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := rs.of(name), rs.ofLowered(name); got != want {
			t.Errorf("of(%q) = %d, lowered %d", name, got, want)
		}
	})
}

func TestBucket(t *testing.T) {
	for _, c := range []struct {
		n      int
		bounds []int
		want   string
	}{
		{0, []int{0, 1, 2}, "<=0"},
		{2, []int{0, 1, 2}, "<=2"},
		{3, []int{0, 1, 2}, ">2"},
		{-4, []int{-2, 5}, "<=-2"},
		{70, []int{5, 10, 20, 35, 50}, ">50"},
		{99, []int{100, 200}, "<=100"},
		{300, []int{100, 200}, ">200"},
		{63, []int{63}, "<=63"},
	} {
		if got := bucket(c.n, c.bounds...); got != c.want {
			t.Errorf("bucket(%d, %v) = %q, want %q", c.n, c.bounds, got, c.want)
		}
	}
}

func TestPhraseText(t *testing.T) {
	ws := splitWords("Leaders do not know the children well.")
	for _, c := range []struct {
		i, j int
		want string
	}{
		{0, 1, "leaders"},
		{2, 4, "not know"},
		{1, 7, "do not know the children well"},
		{3, 3, ""},
	} {
		if got := phraseText(ws, match{i: c.i, j: c.j}); got != c.want {
			t.Errorf("phraseText(%d, %d) = %q, want %q", c.i, c.j, got, c.want)
		}
	}
}

func TestReachOfNone(t *testing.T) {
	for _, n := range []int{0, 3, len(noReach), len(noReach) + 5} {
		s := cueScope{ws: splitWords(strings.Repeat("word ", n)), clauseOf: make([]int, n)}
		in := s.reach(nil)
		if len(in) != n {
			t.Fatalf("%d words: %d marks", n, len(in))
		}
		for i, b := range in {
			if b {
				t.Fatalf("%d words: word %d marked with no aim", n, i)
			}
		}
	}
	s := cueScope{ws: splitWords("leaders aim to improve plans, and they do"), clauseOf: make([]int, 8)}
	in := s.reach([]match{{i: 1, j: 2}})
	want := []bool{false, false, true, true, true, false, false, false}
	if !slices.Equal(in, want) {
		t.Errorf("reach of aim = %v, want %v", in, want)
	}
	if slices.Contains(noReach[:], true) {
		t.Error("the shared marks were written")
	}
}

func TestCutClauses(t *testing.T) {
	ws := splitWords("Leaders know children well and plans are clear")
	clauseOf, cs := cutClauses(ws, nil)
	if len(cs) != 1 || cs[0].concede || len(clauseOf) != len(ws) || slices.ContainsFunc(clauseOf, func(k int) bool { return k != 0 }) {
		t.Errorf("no contrast: clauses %v, clause of each word %v", cs, clauseOf)
	}
	long := splitWords(strings.Repeat("word ", len(oneClause)+3))
	if clauseOf, cs := cutClauses(long, nil); len(cs) != 1 || len(clauseOf) != len(long) {
		t.Errorf("%d words: %d clauses, %d marks", len(long), len(cs), len(clauseOf))
	}
	// "although" at the start concedes up to the comma; "but" cuts again
	ws = splitWords("Although plans are clear, leaders act late but staff help")
	con := &entry{phrase: []string{"although"}}
	but := &entry{phrase: []string{"but"}}
	clauseOf, cs = cutClauses(ws, []match{{entry: con, i: 0, j: 1}, {entry: but, i: 7, j: 8}})
	if want := []int{0, 0, 0, 0, 1, 1, 1, 2, 2, 2}; !slices.Equal(clauseOf, want) || len(cs) != 3 || !cs[0].concede || cs[1].concede {
		t.Errorf("clauses %v, clause of each word %v, want %v", cs, clauseOf, want)
	}
	if slices.ContainsFunc(oneClause[:], func(k int) bool { return k != 0 }) {
		t.Error("the shared clause marks were written")
	}
}
