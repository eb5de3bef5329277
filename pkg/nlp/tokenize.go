package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is prose's word tokenizer (prose/v3/tokenize with its default
// options) made again step for step, so that the tagger reads the tokens
// prose's tagger would (TestTagAsProse and FuzzTagAsProse compare the
// tokens too). It is here for speed: prose tests every piece of every word
// against a regexp for abbreviations, and looks for each of ten
// contractions at every byte of every word.

// Prose's defaults: prefixes and suffixes split off a word, and the
// contractions a word is split before.
var (
	tokenPrefixes = []string{"$", "(", `"`, "[", "“", "‘"}
	tokenSuffixes = []string{",", ")", `"`, "]", "!", ";", ".", "?", ":", "'", "”", "’"}
	contractions  = []string{"'ll", "'s", "'re", "'m", "n't", "’ll", "’s", "’re", "’m", "n’t"}
)

// wordTokens splits a sentence into its words at white space, and each
// word into prose's tokens (splitWord); a token's End is Start plus its
// length.
func wordTokens(text string) []Token {
	toks := make([]Token, 0, len(text)/4+2)
	start := -1 // the word being read
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch space := unicode.IsSpace(r); {
		case space && start >= 0:
			toks = splitWord(text[start:i], start, toks)
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		toks = splitWord(text[start:], start, toks)
	}
	return toks
}

// splitWord adds the tokens of a word at offset base: an abbreviation or
// emoticon whole; else the prefixes off its front, the part before a
// contraction, and the suffixes off its end, in prose's order of tests.
func splitWord(span string, base int, toks []Token) []Token {
	var sufArr [8]Token
	suffixes := sufArr[:0]
	for span != "" {
		if isEmoticon(span) || isAbbreviation(span) {
			toks = append(toks, Token{Text: span, Start: base, End: base + len(span)})
			span = ""
			break
		}
		if p := prefixLen(span); p > 0 {
			toks = append(toks, Token{Text: span[:p], Start: base, End: base + p})
			span, base = span[p:], base+p
			continue
		}
		if idx := contractionAt(span); idx > 0 {
			toks = append(toks, Token{Text: span[:idx], Start: base, End: base + idx})
			span, base = span[idx:], base+idx
			continue
		}
		if s := suffixLen(span); s > 0 {
			cut := len(span) - s
			suffixes = append(suffixes, Token{Text: span[cut:], Start: base + cut, End: base + len(span)})
			span = span[:cut]
			continue
		}
		toks = append(toks, Token{Text: span, Start: base, End: base + len(span)})
		span = ""
	}
	for i := len(suffixes) - 1; i >= 0; i-- {
		toks = append(toks, suffixes[i])
	}
	return toks
}

// isEmoticon reports whether w is one of prose's emoticons. None is
// lower-case letters only, as most words are: those skip the look-up.
func isEmoticon(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return emoticons[w]
		}
	}
	return false
}

// prefixLen is the length of the prefix (tokenPrefixes) that s has and
// is longer than, or 0. No two prefixes open the same way, so the first
// that matches is the only one.
func prefixLen(s string) int {
	switch {
	case len(s) > 1 && (s[0] == '$' || s[0] == '(' || s[0] == '"' || s[0] == '['):
		return 1
	case len(s) > 3 && (strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘")):
		return 3
	}
	return 0
}

// suffixLen is the length of the suffix (tokenSuffixes) that s has and is
// longer than, or 0; no two suffixes end the same way.
func suffixLen(s string) int {
	n := len(s)
	if n > 1 && strings.IndexByte(`,)"]!;.?:'`, s[n-1]) >= 0 {
		return 1
	}
	if n > 3 && (strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’")) {
		return 3
	}
	return 0
}

// contractionAt is where the first contraction in s starts, among those
// whose first place in s (ASCII case folded) is not its start; -1 when
// none. Every contraction holds an apostrophe, so most words are passed
// at once.
func contractionAt(s string) int {
	if strings.IndexByte(s, '\'') < 0 && !strings.Contains(s, "’") {
		return -1
	}
	best := -1
	for _, c := range contractions {
		if i := indexFoldASCII(s, c); i > 0 && (best == -1 || i < best) {
			best = i
		}
	}
	return best
}

// indexFoldASCII is the first index of substr in s with ASCII letters
// compared without case, or -1.
func indexFoldASCII(s, substr string) int {
	for i := 0; i+len(substr) <= len(s); i++ {
		if equalFoldASCII(s[i:i+len(substr)], substr) {
			return i
		}
	}
	return -1
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isAbbreviation reports whether w is letters each with a full stop
// ("U.K.", two or more) or a capital, one or two lower-case letters and a
// stop ("Dr.", "Mrs."), as prose's
// `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$` finds.
func isAbbreviation(w string) bool {
	if n := len(w); (n == 3 || n == 4) && 'A' <= w[0] && w[0] <= 'Z' && w[n-1] == '.' {
		lower := true
		for i := 1; i < n-1; i++ {
			lower = lower && 'a' <= w[i] && w[i] <= 'z'
		}
		if lower {
			return true
		}
	}
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if !('a' <= w[i]|0x20 && w[i]|0x20 <= 'z') || w[i+1] != '.' {
			return false
		}
	}
	return true
}
