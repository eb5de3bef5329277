package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/findings/findings/pkg/nlp"
)

func TestSentenceAround(t *testing.T) {
	short := "Caseloads had increased by\n45%  since 2019."
	if got := sentenceAround(short, 0, len(short), 27); got != "Caseloads had increased by 45% since 2019." {
		t.Errorf("short sentence: %q", got)
	}
	// a table read as one sentence: 2,000 numbers and no full stop
	var b strings.Builder
	for i := range 2000 {
		b.WriteString("ré ")
		b.WriteString(strings.Repeat("9", 1+i%4))
		b.WriteByte(' ')
	}
	long := b.String()
	at := len(long)/3 + strings.Index(long[len(long)/3:], "ré 9999") + len("ré ")
	for _, tt := range []struct {
		name       string
		at         int
		head, tail bool // cut at the start, at the end
	}{
		{"middle", len(long) / 2, true, true},
		{"start", 3, false, true},
		{"end", len(long) - 5, true, false},
		{"a number", at, true, true},
	} {
		got := sentenceAround(long, 0, len(long), tt.at)
		if len(got) > maxSentence+2*len("…") || !utf8.ValidString(got) {
			t.Errorf("%s: %d bytes, valid UTF-8 %v", tt.name, len(got), utf8.ValidString(got))
		}
		if strings.HasPrefix(got, "…") != tt.head || strings.HasSuffix(got, "…") != tt.tail {
			t.Errorf("%s: %q…%q", tt.name, got[:20], got[len(got)-20:])
		}
		word := strings.Fields(long[tt.at:])[0]
		if !strings.Contains(got, word) {
			t.Errorf("%s: the word at %d, %q, is not in %q", tt.name, tt.at, word, got)
		}
		for _, w := range strings.Fields(strings.Trim(got, "…")) {
			if w != "ré" && strings.Trim(w, "9") != "" {
				t.Errorf("%s: cut inside a word: %q", tt.name, w)
				break
			}
		}
	}
}

// ownSentences is every sentence of the reports written for the tests
// (testdata/reports), for the checks that compare a fast path with the
// plain code on real text.
func ownSentences(t testing.TB) []nlp.Sentence {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test reports (%v)", err)
	}
	var out []nlp.Sentence
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ss, err := nlp.Sentences(string(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, ss...)
	}
	return out
}

// TestWordsAsFields holds the in-place word count to strings.Fields, on
// ASCII, Unicode spaces and invalid UTF-8.
func TestWordsAsFields(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "a\tb\nc\vd\fe\rf", "no\u00a0break\u2003em", "bad\xffbyte \xff", "\u0085x\u3000y", "ünï cödé"} {
		if got, want := words(s), len(strings.Fields(s)); got != want {
			t.Errorf("words(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}
