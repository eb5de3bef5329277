package nlp

import (
	"hash/maphash"
	"strconv"
	"strings"
	"testing"
)

// TestFeaturesByNumber checks that every feature of prose's model is of
// one of the 14 templates and is found by the numbers of what it holds.
func TestFeaturesByNumber(t *testing.T) {
	m, err := tagger()
	if err != nil {
		t.Fatal(err)
	}
	ft := &m.feats
	tag := ft.tagNumberOf
	for i := range len(m.featOff) - 1 {
		f := m.feature(i)
		tmpl, name := templateOf(f)
		v := f[len(name):]
		var got int32
		switch tmpl {
		case tBias:
			got = ft.bias
		case tPref1:
			got = ft.pref1[pref1Of(v)]
		case tPrevTag:
			got = byTag(ft.prevTag, tag(v))
		case tPrev2Tag:
			got = byTag(ft.prev2Tag, tag(v))
		case tTagPair:
			a, b, _ := strings.Cut(v, " ")
			got = ft.pair(tag(a), tag(b))
		case tPrevTagWord:
			a, w, _ := strings.Cut(v, " ")
			got = ft.prevTagWord.find(tag(a), ft.words.hash(w), w)
		case tWord, tPrevWord, tPrev2Word, tNextWord, tNext2Word:
			got = ft.word(ft.words.find(ft.words.hash(v), v), tmpl)
		case tSuffix, tPrevSuffix, tNextSuffix:
			got = ft.suffix(ft.suffixes.find(ft.suffixes.hash(v), v), tmpl)
		default:
			t.Fatalf("feature %d %q: no template", i, f)
		}
		if got != int32(i) {
			t.Fatalf("feature %d %q: found %d", i, f, got)
		}
	}
}

// TestStrTableGrows checks that a table numbers its strings in order and
// finds each of them again, past the capacity it was made for (the model
// does not grow its tables, so its test does not reach the regrowth).
func TestStrTableGrows(t *testing.T) {
	tab := newStrTable(maphash.MakeSeed(), 4)
	for i := range 1000 {
		if n := tab.add(strconv.Itoa(i)); n != int32(i) {
			t.Fatalf("add %d: number %d", i, n)
		}
	}
	for i := range 1000 {
		s := strconv.Itoa(i)
		if n, again := tab.find(tab.hash(s), s), tab.add(s); n != int32(i) || again != n {
			t.Fatalf("%q: found %d, added again %d, want %d", s, n, again, i)
		}
	}
	if n := tab.find(tab.hash("x"), "x"); n != -1 {
		t.Fatalf("a string not added: found %d", n)
	}
}
