package report

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func span(s, e int) Span { return Span{Start: s, End: e} }

// TestSort checks that Sort puts every list in document order (by start,
// then end) and that the result does not depend on the order the items
// came in, so that output is the same from run to run.
func TestSort(t *testing.T) {
	findings := []Finding{
		{Text: "c", Span: span(30, 40)},
		{Text: "a", Span: span(0, 10)},
		{Text: "b2", Span: span(10, 25)},
		{Text: "b1", Span: span(10, 20)},
		{Text: "d", Span: span(50, 60)},
	}
	metrics := []Metric{
		{Text: "m3", Span: span(70, 72)},
		{Text: "m1", Span: span(5, 8)},
		{Text: "m2", Span: span(5, 9)},
	}
	judgements := []Judgement{
		{Text: "j2", Span: span(100, 120)},
		{Text: "j1", Span: span(0, 26)},
	}
	wantF := []string{"a", "b1", "b2", "c", "d"}
	wantM := []string{"m1", "m2", "m3"}
	wantJ := []string{"j1", "j2"}

	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		r := &Report{Findings: slices.Clone(findings), Metrics: slices.Clone(metrics), Judgements: slices.Clone(judgements)}
		if i > 0 {
			rng.Shuffle(len(r.Findings), func(a, b int) { r.Findings[a], r.Findings[b] = r.Findings[b], r.Findings[a] })
			rng.Shuffle(len(r.Metrics), func(a, b int) { r.Metrics[a], r.Metrics[b] = r.Metrics[b], r.Metrics[a] })
			rng.Shuffle(len(r.Judgements), func(a, b int) { r.Judgements[a], r.Judgements[b] = r.Judgements[b], r.Judgements[a] })
		}
		r.Sort()
		if got := texts(r.Findings, func(f Finding) string { return f.Text }); !slices.Equal(got, wantF) {
			t.Errorf("shuffle %d: findings = %q, want %q", i, got, wantF)
		}
		if got := texts(r.Metrics, func(m Metric) string { return m.Text }); !slices.Equal(got, wantM) {
			t.Errorf("shuffle %d: metrics = %q, want %q", i, got, wantM)
		}
		if got := texts(r.Judgements, func(j Judgement) string { return j.Text }); !slices.Equal(got, wantJ) {
			t.Errorf("shuffle %d: judgements = %q, want %q", i, got, wantJ)
		}
	}
}

// TestSortTwice checks that sorting sorted lists changes nothing, even
// where two items share a span (the same sentence read two ways): output
// must not shift between runs of the same document.
func TestSortTwice(t *testing.T) {
	r := &Report{Findings: []Finding{
		{Text: "later", Kind: Strength, Span: span(50, 60)},
		{Text: "one", Kind: Weakness, Span: span(10, 20)},
		{Text: "other", Kind: Strength, Span: span(10, 20)},
	}}
	r.Sort()
	once := slices.Clone(r.Findings)
	r.Sort()
	if !slices.EqualFunc(once, r.Findings, func(a, b Finding) bool { return a.Text == b.Text }) {
		t.Errorf("second Sort changed the order: %q, then %q",
			texts(once, func(f Finding) string { return f.Text }), texts(r.Findings, func(f Finding) string { return f.Text }))
	}
	if r.Findings[2].Text != "later" {
		t.Errorf("findings = %q, want the shared span first", texts(r.Findings, func(f Finding) string { return f.Text }))
	}
}

func TestSortEmpty(t *testing.T) {
	r := &Report{}
	r.Sort() // must not panic on nil lists
	if r.Findings != nil || r.Metrics != nil || r.Judgements != nil {
		t.Errorf("Sort filled empty lists: %+v", r)
	}
}

func TestCount(t *testing.T) {
	r := &Report{Findings: []Finding{
		{Kind: Strength}, {Kind: Weakness}, {Kind: Strength}, {Kind: Mixed}, {Kind: Strength},
	}}
	tests := []struct {
		kind string
		want int
	}{
		{Strength, 3}, {Weakness, 1}, {Mixed, 1}, {"metric", 0}, {"", 0},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			if got := r.Count(tt.kind); got != tt.want {
				t.Errorf("Count(%q) = %d, want %d", tt.kind, got, tt.want)
			}
		})
	}
	if got := (&Report{}).Count(Strength); got != 0 {
		t.Errorf("Count on an empty report = %d, want 0", got)
	}
	// every finding is of one of the kinds
	n := 0
	for _, k := range Kinds {
		n += r.Count(k)
	}
	if n != len(r.Findings) {
		t.Errorf("counts over Kinds sum to %d, want %d", n, len(r.Findings))
	}
}

func texts[T any](xs []T, f func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// TestPaginate checks that each item gets the page its start is on, counted
// from the form feeds that end pages, and that text with none has no pages.
func TestPaginate(t *testing.T) {
	text := "one\fpage two\f\fpage four"
	//       0123 4567890123 4 5...
	r := &Report{
		Findings:   []Finding{{Span: span(0, 3)}, {Span: span(4, 12)}, {Span: span(15, 24)}},
		Metrics:    []Metric{{Span: span(9, 12)}},
		Judgements: []Judgement{{Span: span(3, 4)}}, // on the feed: the page it ends
	}
	r.Paginate(text)
	var got []int
	for _, f := range r.Findings {
		got = append(got, f.Page)
	}
	got = append(got, r.Metrics[0].Page, r.Judgements[0].Page)
	if want := []int{1, 2, 4, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
	if r.Text != text {
		t.Errorf("Text not kept")
	}

	r.Paginate("a web page with no form feed")
	if p := r.Findings[2].Page; p != 0 {
		t.Errorf("page without form feeds = %d, want 0", p)
	}
}
