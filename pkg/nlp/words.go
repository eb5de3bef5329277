package nlp

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is a word of a text, as the phrase matchers read it.
type Word struct {
	// Text is the word lower-cased, with a curly apostrophe made straight,
	// so that a lexicon needs one spelling: "children's".
	Text string
	// Start and End are its bytes in the text: text[Start:End].
	Start, End int
	// Punct is the punctuation between it and the next word, in order
	// (",", ";", ".)" ...), leaving out white space and apostrophes; "" when
	// none, or when WordOptions.Punct is off.
	Punct string
}

// WordOptions say how a text splits into words. A word is a run of letters
// and digits; an apostrophe between two of them ("children's") is inside
// the word; every other character separates words.
type WordOptions struct {
	// Hyphens keeps a hyphen between two letters or digits inside the word
	// ("well-led" is one word); without it the hyphen separates them.
	Hyphens bool
	// Punct records each word's trailing punctuation in Word.Punct.
	Punct bool
}

// Words yields the words of s in order. It allocates only when a word has
// upper-case or curly apostrophes to fold, or when punctuation between two
// words is not one run of text.
func Words(s string, o WordOptions) iter.Seq[Word] {
	return func(yield func(Word) bool) {
		i := skipToWord(s, 0)
		for i < len(s) {
			end, plain := wordEnd(s, i, o.Hyphens)
			w := Word{Text: s[i:end], Start: i, End: end}
			if !plain {
				w.Text = strings.ReplaceAll(strings.ToLower(w.Text), "’", "'")
			}
			next := skipToWord(s, end)
			if o.Punct {
				w.Punct = punctOf(s[end:next])
			}
			if !yield(w) {
				return
			}
			i = next
		}
	}
}

// skipToWord is where the first word of s at or after i starts, or len(s).
func skipToWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if isASCIIWord(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			return i
		}
		i += n
	}
	return i
}

// wordEnd is where the word that starts at i ends, and whether it is plain:
// already lower-case ASCII with straight apostrophes, so that it needs no
// folding.
func wordEnd(s string, i int, hyphens bool) (int, bool) {
	j, plain := i, true
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				j++
				continue
			case 'A' <= c && c <= 'Z':
				plain = false
				j++
				continue
			case (c == '\'' || c == '-' && hyphens) && wordAt(s, j+1):
				j++
				continue
			}
			return j, plain
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) || r == '’' && wordAt(s, j+n) {
			plain = false
			j += n
			continue
		}
		return j, plain
	}
	return j, plain
}

// wordAt reports whether a letter or digit starts at s[i].
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] < utf8.RuneSelf {
		return isASCIIWord(s[i])
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// punctOf is the punctuation of the text between two words: every
// character but white space and apostrophes. When that is one run it is a
// piece of gap and costs nothing; an invalid byte becomes U+FFFD. Most
// gaps are a space or a mark and a space: read by bytes, unless a byte is
// beyond ASCII or the marks are not one run (punctOfRunes).
func punctOf(gap string) string {
	from, to := -1, -1
	for k := 0; k < len(gap); k++ {
		c := gap[k]
		switch {
		case c >= utf8.RuneSelf || from >= 0 && to != k && !asciiGap(c):
			return punctOfRunes(gap)
		case asciiGap(c):
			continue
		case from < 0:
			from = k
		}
		to = k + 1
	}
	if from < 0 {
		return ""
	}
	return gap[from:to]
}

// asciiGap reports whether an ASCII byte is white space (as unicode.IsSpace
// has it) or an apostrophe, which punctOf leaves out.
func asciiGap(c byte) bool { return c == ' ' || c == '\'' || '\t' <= c && c <= '\r' }

// punctOfRunes is punctOf, read rune by rune.
func punctOfRunes(gap string) string {
	from, to, joined := -1, -1, false
	var sb strings.Builder
	for k := 0; k < len(gap); {
		r, n := utf8.DecodeRuneInString(gap[k:])
		if unicode.IsSpace(r) || r == '\'' || r == '’' {
			k += n
			continue
		}
		switch {
		case joined:
			sb.WriteRune(r)
		case r == utf8.RuneError && n == 1, from >= 0 && to != k:
			// not one run of the text: build it
			joined = true
			if from >= 0 {
				sb.WriteString(gap[from:to])
			}
			sb.WriteRune(r)
		case from < 0:
			from, to = k, k+n
		default:
			to = k + n
		}
		k += n
	}
	switch {
	case joined:
		return sb.String()
	case from < 0:
		return ""
	}
	return gap[from:to]
}

func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWord(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
