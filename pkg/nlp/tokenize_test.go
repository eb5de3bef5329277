package nlp

import (
	"strings"
	"testing"
)

// matchAffix is the length of the first affix that s has (by has) and is
// longer than, or 0: prose's test, which prefixLen and suffixLen make by
// bytes.
func matchAffix(s string, affixes []string, has func(s, affix string) bool) int {
	for _, a := range affixes {
		if len(s) > len(a) && has(s, a) {
			return len(a)
		}
	}
	return 0
}

// TestAffixLen holds prefixLen and suffixLen to prose's tests over every
// affix around stems of none to two bytes, affixes among them.
func TestAffixLen(t *testing.T) {
	stems := []string{"", "a", "ab", "\xe2", "\xe2\x80", "’", "“"}
	stems = append(stems, tokenPrefixes...)
	stems = append(stems, tokenSuffixes...)
	affixes := append(append([]string{""}, tokenPrefixes...), tokenSuffixes...)
	for _, p := range affixes {
		for _, stem := range stems {
			for _, q := range affixes {
				s := p + stem + q
				if got, want := prefixLen(s), matchAffix(s, tokenPrefixes, strings.HasPrefix); got != want {
					t.Errorf("prefixLen(%q) = %d, want %d", s, got, want)
				}
				if got, want := suffixLen(s), matchAffix(s, tokenSuffixes, strings.HasSuffix); got != want {
					t.Errorf("suffixLen(%q) = %d, want %d", s, got, want)
				}
			}
		}
	}
}

// TestEmoticonNotLower checks what isEmoticon counts on: no emoticon is
// lower-case letters only.
func TestEmoticonNotLower(t *testing.T) {
	for e := range emoticons {
		if strings.Trim(e, "abcdefghijklmnopqrstuvwxyz") == "" {
			t.Errorf("emoticon %q is lower-case letters only", e)
		}
	}
}
