package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of the document, trimmed, with where it sits.
type line struct {
	start, end int    // byte range of the trimmed text in the document
	text       string // the trimmed text
	page       int    // 0-based page number (form feeds seen before it)
	blank      bool   // nothing but white space
	furniture  bool   // page furniture: page number, running header or footer
}

// splitLines cuts text into lines, trimming white space (form feeds
// included) and counting pages.
func splitLines(text string) []line {
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	page := 0
	for at := 0; at <= len(text); {
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += at
		}
		raw := text[at:end]
		s, e := trimRange(raw)
		pageHere := page + strings.Count(raw[:s], "\f")
		l := line{start: at + s, end: at + e, text: raw[s:e], page: pageHere, blank: s >= e}
		page += strings.Count(raw, "\f")
		lines = append(lines, l)
		at = end + 1
	}
	return lines
}

// trimRange is the range of s without leading and trailing white space.
func trimRange(s string) (int, int) {
	start := 0
	for start < len(s) {
		r, n := utf8.DecodeRuneInString(s[start:])
		if !isSpace(r) {
			break
		}
		start += n
	}
	end := len(s)
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// isSpace is unicode.IsSpace plus the zero-width and replacement junk that
// PDF converters leave at line ends.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// bulletLen is the length of the bullet glyph (and the space after it) that
// starts s, or 0. PDF converters leave Private Use Area glyphs (U+F0xx) for
// Symbol-font bullets.
func bulletLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r >= 0xF000 && r <= 0xF0FF, strings.ContainsRune("•◼▪●■◦▫□➢➤►‣⁃·*", r):
	case strings.ContainsRune("-–−─―⎯", r):
		// a dash is a bullet only when a space follows ("- text"), not in "-5"
		if len(s) == n {
			return n
		}
		if next, _ := utf8.DecodeRuneInString(s[n:]); !unicode.IsSpace(next) {
			return 0
		}
	default:
		return 0
	}
	for n < len(s) {
		r, m := utf8.DecodeRuneInString(s[n:])
		if !isSpace(r) {
			break
		}
		n += m
	}
	return n
}

// paraNumberLen is the length of a paragraph number ("12." or "12. ") at the
// start of s, or 0; isOnly reports that s is nothing but the number.
func paraNumberLen(s string) (n int, isOnly bool) {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(s) || s[i] != '.' {
		return 0, false
	}
	i++
	if i == len(s) {
		return i, true
	}
	if s[i] != ' ' && s[i] != '\t' {
		return 0, false
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i, false
}

// endsSentence reports whether s ends with sentence-final punctuation,
// allowing closing quotes and brackets after it.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == ':' || r == ';' || r == '…'
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// startsUpper reports whether s starts with an upper-case letter, a digit or
// an opening quote.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘(£", r)
}

// words counts the space-separated words of s, up to limit+1: callers only
// ask whether a text is short, so counting stops once it is not.
func words(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		if !space && !in {
			n++
			if n > limit {
				return n
			}
		}
		in = !space
	}
	return n
}
