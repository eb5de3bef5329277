package extract

import (
	"testing"
)

// squashCases are texts with white space of each kind, runs, ends and
// broken UTF-8.
var squashCases = []string{
	"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "a\u0085b", "a\u2003b",
	"children’s homes", "bad \xff byte", "\xe2\x80", "ends in \xe2", "“quoted”  twice", "a \u00a0b",
	"x\vy", "x\fy", "x\ry", "\ufeffbom", "tab\t", "\u3000wide",
}

// TestSquashSameAsRunes checks squash against the rune-by-rune reference.
func TestSquashSameAsRunes(t *testing.T) {
	for _, s := range squashCases {
		if got, want := squash(s), squashRunes(s); got != want {
			t.Errorf("squash(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzSquash checks squash against the reference on any bytes.
func FuzzSquash(f *testing.F) {
	for _, s := range squashCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := squash(s), squashRunes(s); got != want {
			t.Errorf("squash(%q) = %q, want %q", s, got, want)
		}
	})
}
