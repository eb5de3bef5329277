package extract

import (
	"reflect"
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

// linesOfClasses is the plain way to cut a lexicon file by class: its
// lines whose first field is one of classes, each other line blank.
func linesOfClasses(data string, classes ...string) string {
	var sb strings.Builder
	for _, l := range strings.Split(data, "\n") {
		if f := strings.Fields(l); len(f) > 0 && contains(classes, f[0]) {
			sb.WriteString(l)
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// TestParseLexiconsAsOneByOne checks that parseLexicons reads from cues.txt,
// and from lines of comments, odd spacing and classes of no lexicon, the
// lexicons that parseLexicon reads from each lexicon's lines alone.
func TestParseLexiconsAsOneByOne(t *testing.T) {
	cues, err := readData("cues.txt")
	if err != nil {
		t.Fatal(err)
	}
	odd := "# a comment\npos 1 good\n  neg -1 poor # why\nzzz 1 unknown class\n\n\tnot 1 never @doc1\npos 2 grea*\n#pos 1 commented\n"
	classes := [][]string{{"not"}, {"but"}, {"aim"}, {"need"}, {"undo"}, {"neu"}, {"effort"}, {"who"}, {"does"}, {"pos", "neg"}}
	for _, data := range []string{cues, odd} {
		got, err := parseLexicons("cues.txt", data, classes...)
		if err != nil {
			t.Fatal(err)
		}
		for k, cs := range classes {
			want, err := parseLexicon("cues.txt", linesOfClasses(data, cs...), cs...)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got[k].entries, want.entries) {
				t.Errorf("classes %v: %d entries, want %d, or they differ", cs, len(got[k].entries), len(want.entries))
			}
		}
	}
	if _, err := parseLexicons("cues.txt", "pos 1\n", []string{"pos"}); err == nil || !strings.Contains(err.Error(), "cues.txt:1") {
		t.Errorf("a short line: got %v, want an error naming cues.txt:1", err)
	}
}
