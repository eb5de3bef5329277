package nlp

import (
	"slices"
	"testing"
)

func collect(s string, o WordOptions) []Word { return slices.Collect(Words(s, o)) }

func TestWords(t *testing.T) {
	s := "Children’s CARE-leavers, 0–25 (well-led); ok - 'x' \xff. END"
	got := collect(s, WordOptions{Hyphens: true, Punct: true})
	want := []Word{
		{"children's", 0, 12, ""},
		{"care-leavers", 13, 25, ","},
		{"0", 27, 28, "–"},
		{"25", 31, 33, "("},
		{"well-led", 35, 43, ");"},
		{"ok", 46, 48, "-"},
		{"x", 52, 53, "\uFFFD."},
		{"end", 58, 61, ""},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Words with hyphens =\n%+v\nwant\n%+v", got, want)
	}
	var texts []string
	for w := range Words(s, WordOptions{}) {
		if w.Punct != "" {
			t.Errorf("%q: Punct %q without WordOptions.Punct", w.Text, w.Punct)
		}
		texts = append(texts, w.Text)
	}
	if want := []string{"children's", "care", "leavers", "0", "25", "well", "led", "ok", "x", "end"}; !slices.Equal(texts, want) {
		t.Errorf("Words = %q, want %q", texts, want)
	}
}

func TestWordsPunctRuns(t *testing.T) {
	// punctuation split by spaces is joined; a plain word is a piece of s
	got := collect("a , ; b .", WordOptions{Punct: true})
	if len(got) != 2 || got[0].Punct != ",;" || got[1].Punct != "." {
		t.Errorf("Words = %+v", got)
	}
	if got := collect("Ab", WordOptions{}); got[0].Text != "ab" {
		t.Errorf("Words(Ab) = %+v", got)
	}
}

// TestPunctOf holds punctOf's byte path to punctOfRunes on gaps made of
// spaces, apostrophes, marks and other runes.
func TestPunctOf(t *testing.T) {
	parts := []string{" ", "\t", "\n", "\v", "\u00a0", "'", "’", ",", ".", ")", ";", "—", "\xff", "x"}
	var gaps []string
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				gaps = append(gaps, a+b+c, a+b, a)
			}
		}
	}
	for _, g := range gaps {
		if got, want := punctOf(g), punctOfRunes(g); got != want {
			t.Errorf("punctOf(%q) = %q, want %q", g, got, want)
		}
	}
}
