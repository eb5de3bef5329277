package extract

import (
	"slices"
	"testing"
)

// TestLexiconFind pins the matching rules: longest first, word* stems,
// "..." gaps, no phrase across a clause break, exact before stem on ties.
func TestLexiconFind(t *testing.T) {
	lx, err := parseLexicon("test", `
pos 1 good
pos 2 good quality work
neg 1 know ... well
pos 1 well-*
neg 2 well-led
neg 1 not*
`, "pos", "neg")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		s    string
		want []int // line of each match, in order
	}{
		{"Good quality work is well-led.", []int{3, 6}}, // longest, then exact beats stem
		{"good; quality work", []int{2}},                // the clause break stops the long phrase
		{"They know the children well.", []int{4}},      // the gap skips two words
		{"They know a b c d well.", nil},                // but not four
		{"Nothing well-planned", []int{7, 5}},           // stems
	} {
		var got []int
		for _, m := range lx.find(splitWords(c.s)) {
			got = append(got, m.line)
		}
		if len(got) != len(c.want) {
			t.Errorf("find(%q) lines = %v, want %v", c.s, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("find(%q) lines = %v, want %v", c.s, got, c.want)
				break
			}
		}
	}
	if _, err := parseLexicon("test", "pos 1 ... x", "pos"); err == nil {
		t.Error("a phrase that starts with a gap: no error")
	}
}

// BenchmarkFind is the cue lexicon over every benchmark sentence.
func BenchmarkFind(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	_, ws, n := sentenceWords(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range ws {
			x.verdicts.cues.find(w)
			x.verdicts.negators.find(w)
		}
	}
}

// BenchmarkSplitWords splits every benchmark sentence into words.
func BenchmarkSplitWords(b *testing.B) {
	ss, n := sentences(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range ss {
			splitWords(s)
		}
	}
}

// TestLexiconGroupSameAsFind checks the group's one pass against each
// lexicon's own find, on every sentence of the reports written for the
// tests.
func TestLexiconGroupSameAsFind(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	v := x.verdicts
	found := 0
	for _, s := range ownSentences(t) {
		ws := splitWords(s.Text)
		c := v.findCues(ws)
		for _, g := range []struct {
			lx  *lexicon
			got []match
		}{
			{v.contrast, c.contrast}, {v.efforts, c.efforts}, {v.negators, c.negators}, {v.undoers, c.undoers},
			{v.aims, c.aims}, {v.needs, c.needs}, {v.cues, c.cues},
			{v.neutrals, c.neutrals}, {v.who, c.who}, {v.does, c.does},
		} {
			want := g.lx.find(ws)
			if !slices.Equal(g.got, want) {
				t.Fatalf("%q: %s: group %v, find %v", s.Text, g.lx.name, g.got, want)
			}
			if len(g.got) != cap(g.got) {
				t.Fatalf("%q: a group's matches have room past their end", s.Text)
			}
			found += len(want)
		}
	}
	if found == 0 {
		t.Fatal("no lexicon matched: the check compared nothing")
	}
}

// TestCueText checks the cue texts made once against the words matched,
// for exact phrases, stems and gaps.
func TestCueText(t *testing.T) {
	lx, err := parseLexicon("test", `
pos 1 good
pos 2 good quality work
neg 1 know ... well
pos 1 improv*
`, "pos", "neg")
	if err != nil {
		t.Fatal(err)
	}
	ws := splitWords("Good quality work; staff know children well and are improving, good")
	ms := lx.find(ws)
	if len(ms) != 4 {
		t.Fatalf("found %d matches, want 4", len(ms))
	}
	made := 0
	for _, m := range ms {
		if m.cues != nil {
			made++
		}
		for sign, s := range cueSigns {
			if got, want := m.cueText(ws, sign), s+phraseText(ws, m); got != want {
				t.Errorf("cueText(%v, %q) = %q, want %q", m.phrase, s, got, want)
			}
		}
	}
	if made != 2 {
		t.Errorf("%d matches have their texts made once, want 2 (the exact phrases)", made)
	}
}
