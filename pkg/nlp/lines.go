package nlp

import (
	"iter"
	"strings"
)

// DataLines are the lines of a data file that carry data: each trimmed of
// surrounding white space, without blank lines and without comment lines
// (those whose first character after white space is "#"). A "#" later in a
// line is kept: a reader that allows trailing comments cuts them itself.
// Lines end at "\n"; a "\r" before it is white space.
func DataLines(text string) []string {
	var out []string
	for _, l := range NumberedDataLines(text) {
		out = append(out, l)
	}
	return out
}

// NumberedDataLines yields the lines DataLines returns with their line
// numbers in text, counting from 1, so that a reader's errors can say where
// a bad line is.
func NumberedDataLines(text string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		n := 0
		for l := range strings.Lines(text) {
			n++
			l = strings.TrimSpace(l)
			if l == "" || l[0] == '#' {
				continue
			}
			if !yield(n, l) {
				return
			}
		}
	}
}
