package extract

import (
	"bytes"
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// embeddedModel is data/model.tsv.
func embeddedModel(t *testing.T) *Model {
	t.Helper()
	b, err := dataFS.ReadFile("data/model.tsv")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ReadModel(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTableFind(t *testing.T) {
	m := embeddedModel(t)
	tab := newTable(m)
	if len(tab.keys) != len(m.Weights) {
		t.Fatalf("table holds %d features, model %d", len(tab.keys), len(m.Weights))
	}
	for f, w := range m.Weights {
		k := tab.find([]byte(f))
		if IsWordFeature(f) {
			if k >= 0 {
				t.Fatalf("find(%q) = %d: a word feature is the word table's", f, k)
			}
			continue
		}
		if k < 0 || tab.keys[k] != f || tab.ws[k] != w {
			t.Fatalf("find(%q) = %d, not the model's weights", f, k)
		}
	}
	misses := []string{"", "w:", "w:not-a-word-of-any-report", "rule:strength ", "RULE:STRENGTH"}
	for f := range m.Weights {
		if len(f) > 20 {
			// the same length and a byte off, and a beginning
			misses = append(misses, f[:len(f)-1]+"\x00", f[:20])
		}
	}
	for _, f := range misses {
		if _, ok := m.Weights[f]; ok {
			continue
		}
		if k := tab.find([]byte(f)); k >= 0 {
			t.Errorf("find(%q) = %d (%q), want -1", f, k, tab.keys[k])
		}
	}
}

// numbers is the number of each feature of tab by its string, -1 for
// one it lacks.
func numbers(tab *table) func(f string) int32 {
	m := make(map[string]int32, len(tab.keys))
	for k, f := range tab.keys {
		m[f] = int32(k)
	}
	return func(f string) int32 {
		if k, ok := m[f]; ok {
			return k
		}
		return -1
	}
}

// BenchmarkTable looks up every feature of the benchmark sentences but
// the words', in the table and, to compare, in the model's map.
func BenchmarkTable(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ss, wss, _ := sentenceWords(b)
	var feats [][]byte
	for i, s := range ss {
		u := unit{text: s}
		v, ev := x.verdicts.ruleVerdict(u, wss[i])
		if ev.clauses == nil {
			continue
		}
		fw := featureWriterFor(&ev)
		fw.keep = true
		x.verdicts.features(fw, u, wss[i], ev.clauses, v, nil)
		for _, f := range fw.feats {
			if !IsWordFeature(f) { // the word table's
				feats = append(feats, []byte(f))
			}
		}
		fw.release()
	}
	tab, m := x.verdicts.table, x.verdicts.model
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			for _, f := range feats {
				tab.find(f)
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			for _, f := range feats {
				_ = m.Weights[string(f)]
			}
		}
	})
}

func TestTableExplain(t *testing.T) {
	m := &Model{Weights: map[string][nLabels]float64{
		"w:good": {2, 0, 0, 0}, "w:fine": {1, 0, 0, 0}, "w:poor": {0, 2, 0, 0},
		"cue:+good": {2, 0, 0, 0}, "w:a": {0.01, 0, 0, 0}, "w:b": {1, 0, 0, 0},
	}}
	tab := newTable(m)
	feats := []string{"w:poor", "w:fine", "w:missing", "w:good", "w:b", "cue:+good", "w:a", "w:good", "w:fine"}
	var hits []int32
	number := numbers(tab)
	for _, f := range feats {
		if k := number(f); k >= 0 {
			hits = append(hits, k)
		}
	}
	for _, label := range Labels {
		got, want := tab.explain(hits, label), m.Explain(feats, label)
		if !slices.Equal(got, want) {
			t.Errorf("explain(%s) = %q, Model.Explain %q", label, got, want)
		}
	}
	if got := tab.explain(hits, "strength"); !slices.Equal(got, []string{"cue:+good", "w:good", "w:good", "w:b", "w:fine"}) {
		t.Errorf("explain(strength) = %q", got)
	}
}

// TestWeighSameAsPredict checks that the scores the writer adds up as the
// features come are, to the bit, the model's over the features as
// strings, on every sentence of the reports written for the tests.
func TestWeighSameAsPredict(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	m := x.verdicts.model
	weighed := 0
	for _, s := range ownSentences(t) {
		u := unit{text: s.Text}
		ws := splitWords(s.Text)
		v, ev := x.verdicts.ruleVerdict(u, ws)
		if ev.clauses == nil {
			continue
		}
		fw := featureWriterFor(&ev)
		fw.tab, fw.z, fw.keep = x.verdicts.table, m.Bias, true
		x.verdicts.features(fw, u, ws, ev.clauses, v, []string{"prev:none"})
		z := m.Bias
		for _, f := range fw.feats {
			if w, ok := m.Weights[f]; ok {
				for k := range z {
					z[k] += w[k]
				}
			}
		}
		for k := range z {
			if math.Float64bits(z[k]) != math.Float64bits(fw.z[k]) {
				t.Fatalf("%q: score %d = %v, over strings %v", s.Text, k, fw.z[k], z[k])
			}
		}
		label, _ := m.Predict(fw.feats)
		if got := m.label(fw.z); got != label {
			t.Errorf("%q: label %s, Predict %s", s.Text, got, label)
		}
		if want := m.Explain(fw.feats, label); !slices.Equal(x.verdicts.table.explain(fw.hits, label), want) {
			t.Errorf("%q: explain differs from Model.Explain %q", s.Text, want)
		}
		fw.release()
		weighed++
	}
	if weighed == 0 {
		t.Fatal("no sentence reached the model")
	}
}

// TestStrongestSameAsSort checks the insertion into the head against a
// full sort, on sets of contributions with many ties.
func TestStrongestSameAsSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		cs := make([]contrib, r.IntN(12))
		for i := range cs {
			cs[i] = contrib{f: string(rune('a' + r.IntN(4))), v: float64(r.IntN(4)) / 2}
		}
		sorted := slices.Clone(cs)
		slices.SortFunc(sorted, func(a, b contrib) int { return cmp.Or(cmp.Compare(b.v, a.v), strings.Compare(a.f, b.f)) })
		var want []string
		for i := 0; i < len(sorted) && i < maxExplained; i++ {
			want = append(want, sorted[i].f)
		}
		if got := strongest(cs); !slices.Equal(got, want) {
			t.Fatalf("strongest(%v) = %q, sorted %q", cs, got, want)
		}
	}
}

// TestParseDecimalSameAsParseFloat checks the fast path bit for bit
// against strconv on every weight of the shipped model and on random
// decimals of up to 15 digits, and that it leaves other forms to strconv.
func TestParseDecimalSameAsParseFloat(t *testing.T) {
	b, err := dataFS.ReadFile("data/model.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Split(l, "\t"); len(f) > 1 && !strings.HasPrefix(l, "#") {
			cases = append(cases, f[1:]...)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		digits := 1 + r.IntN(15)
		s := strconv.FormatUint(r.Uint64()%uint64(math.Pow10(digits)), 10)
		if p := r.IntN(len(s) + 1); p < len(s) {
			s = s[:p] + "." + s[p:]
		}
		if r.IntN(2) == 0 {
			s = "-" + s
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("ParseFloat(%q): %v", s, err)
		}
		got, ok := parseDecimal(s)
		if !ok || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("parseDecimal(%q) = %v, %v; ParseFloat %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "-", ".", "1e3", "1.2.3", "NaN", "1234567890123456", "+1", " 1"} {
		if _, ok := parseDecimal(s); ok {
			t.Errorf("parseDecimal(%q) took a form it should leave to ParseFloat", s)
		}
	}
}

// TestWordTableSameAsKeys checks that the word features found by the
// words' numbers are the table's features of those bytes: for each word of
// the test reports and the pairs they make, on the embedded model and on
// one whose pairs hold underscores and carets in their words.
func TestWordTableSameAsKeys(t *testing.T) {
	odd := &Model{Weights: map[string][nLabels]float64{
		"b:x_y_z": {1, 0, 0, 0}, "b:^_x": {0, 1, 0, 0}, "b:^_^": {0, 0, 1, 0}, "w:^": {0, 0, 0, 1},
		"w:y_z": {2, 0, 0, 0}, "nw:x_y": {0, 2, 0, 0}, "start:_": {0, 0, 2, 0}, "b:__": {0, 0, 0, 2},
		"b:x_": {3, 0, 0, 0}, "b:_x": {0, 3, 0, 0}, "w:": {0, 0, 3, 0}, "cue:+x": {0, 0, 0, 3},
	}}

	words := []string{"^", "#", "x", "y", "z", "x_y", "y_z", "_", "", "x_y_z", "w", "missing"}
	for _, s := range ownSentences(t) {
		for _, w := range splitWords(s.Text) {
			words = append(words, w.text)
		}
	}
	for name, m := range map[string]*Model{"embedded": embeddedModel(t), "odd": odd} {
		tab := newTable(m)
		wt, number := &tab.words, numbers(tab)
		if got, want := wt.caret, wt.add("^"); got != want {
			t.Errorf("%s: caret %d, number of ^ %d", name, got, want)
		}
		for i, w := range words {
			id, f := wt.word(w)
			for kind, k := range map[string]int32{"w:": f.w, "nw:": f.nw, "start:": f.start} {
				if want := number(kind + w); k != want {
					t.Errorf("%s: %s%q = %d, find %d", name, kind, w, k, want)
				}
			}
			// the pair with the word before in the list, and with each
			// of the odd words
			pairs := words[:min(i, 12)]
			if i > 0 {
				pairs = append(pairs[:len(pairs):len(pairs)], words[i-1])
			}
			for _, p := range pairs {
				idp, _ := wt.word(p)
				if got, want := wt.pair(idp, id), number("b:"+p+"_"+w); got != want {
					t.Errorf("%s: b:%s_%s = %d, find %d", name, p, w, got, want)
				}
			}
		}
	}
}

// TestReadModel checks that a model reads back as written, and which lines
// it refuses.
func TestReadModel(t *testing.T) {
	m := embeddedModel(t)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	again, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if again.Bias != m.Bias || len(again.Weights) != len(m.Weights) {
		t.Fatalf("read back: bias %v, %d features; want %v, %d", again.Bias, len(again.Weights), m.Bias, len(m.Weights))
	}
	for f, w := range m.Weights {
		if again.Weights[f] != w {
			t.Fatalf("read back %q: %v, want %v", f, again.Weights[f], w)
		}
	}
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{"# header\n__bias__\t1\t2\t3\t4\nw:a\t0.5\t-1\t1e-3\t0\n", true},
		{"w:a\t1\t2\t3\t4", true},     // no final newline
		{"w:a\t1\t2\t3\t4\t\n", true}, // a tab after the last weight
		{"w:a\t1\t2\t3\n", false},
		{"w:a\t1\t2\t3\t4\t5\n", false},
		{"w:a\t1\tx\t3\t4\n", false},
		{"w:a\t1\t2\t3\t\n", false},
		{"w:a 1 2 3 4\n", false},
	} {
		got, err := ReadModel(strings.NewReader(tc.text))
		if (err == nil) != tc.ok {
			t.Errorf("ReadModel(%q): error %v, want ok %v", tc.text, err, tc.ok)
			continue
		}
		if tc.ok && got.Weights["w:a"] == ([nLabels]float64{}) {
			t.Errorf("ReadModel(%q): no weights for w:a", tc.text)
		}
	}
}
