package extract

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// neutralHead is how many bytes of a sentence the patterns anchored at the
// start look at: they name its opening words.
const neutralHead = 120

// neutralPatterns are data/neutral.txt: sentences of method and of the
// letter itself, which never evaluate. Most sentences match none, so each
// line is a branch of a matcher (see pattern), which runs it only on a
// sentence that holds the literals every match holds and, for a line
// anchored at the start, opens with one of the strings its matches open
// with.
type neutralPatterns struct {
	start *pattern // the lines anchored at the start, tried on the head
	any   *pattern // the rest, tried on the whole sentence
}

// match reports whether s matches a neutral pattern. It is what the
// patterns alone say: the filters only skip lines that cannot match.
func (n *neutralPatterns) match(s string) bool {
	low := "" // no filter: ASCII lower case would miss a (?i) k or s
	if !foldsToASCII(s) {
		low = lowKeys(s)
	}
	// the pairs of bytes of low, for the lines' needs' first test: the
	// pairs of the head are among them
	pairs := neutralPairs.Get().(*bytePairs)
	pairs.set(low, true)
	defer func() {
		pairs.set(low, false)
		neutralPairs.Put(pairs)
	}()
	head := s[:min(len(s), neutralHead)]
	if n.start != nil && n.start.matchesIn(head, low[:min(len(low), len(head))], pairs) {
		return true
	}
	return n.any != nil && n.any.matchesIn(s, low, pairs)
}

// neutralPairs keeps the sets of pairs match uses, empty, for the next
// sentence.
var neutralPairs = sync.Pool{New: func() any { return new(bytePairs) }}

// readNeutral is data/neutral.txt: the lines anchored at the start, each
// under ^, and the rest, all matched case-insensitively.
func readNeutral() (neutralPatterns, error) {
	var n neutralPatterns
	neutral, err := readData("neutral.txt")
	if err != nil {
		return n, err
	}
	var starts, anys []string
	for _, l := range dataLines(neutral) {
		if _, err := regexp.Compile(l); err != nil {
			return n, fmt.Errorf("neutral.txt: %w", err)
		}
		if strings.HasPrefix(l, "^") {
			starts = append(starts, "^(?:"+l[1:]+")")
		} else {
			anys = append(anys, "(?:"+l+")")
		}
	}
	if len(starts) > 0 {
		if n.start, err = compileMatcher(`(?i)` + strings.Join(starts, "|")); err != nil {
			return n, fmt.Errorf("neutral.txt: %w", err)
		}
	}
	if len(anys) > 0 {
		if n.any, err = compileMatcher(`(?i)` + strings.Join(anys, "|")); err != nil {
			return n, fmt.Errorf("neutral.txt: %w", err)
		}
	}
	return n, nil
}
