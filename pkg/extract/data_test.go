package extract

import (
	"strings"
	"testing"
)

// TestFirstFieldAsFields checks firstField against strings.Fields on the
// lines of every lexicon file and on lines of every kind of white space.
func TestFirstFieldAsFields(t *testing.T) {
	lines := []string{"", " ", "pos 1 good", "  \tneg -1 poor", "pos\u00a01 x", "\u2003pos 1", "x", "#not 1 a", "pos", "pos\r"}
	for _, name := range []string{"cues.txt", "scopes.txt", "sections.txt", "numbers.txt"} {
		data, err := readData(name)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(data, "\n")...)
	}
	for _, l := range lines {
		want := ""
		if f := strings.Fields(l); len(f) > 0 {
			want = f[0]
		}
		if got := firstField(l); got != want {
			t.Errorf("firstField(%q) = %q, want %q", l, got, want)
		}
	}
}

// TestFilterClasses checks that filterClasses keeps the lines of its
// classes where they stand and blanks the others.
func TestFilterClasses(t *testing.T) {
	data := "# cues\npos 1 good\nneg -1 poor\n\n  not 1 never\npos 2 great"
	got := filterClasses(data, "pos", "not")
	if want := "\npos 1 good\n\n\n  not 1 never\npos 2 great\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
