package extract

import (
	"regexp"
	"strings"

	"github.com/findings/findings/pkg/nlp"
	"github.com/findings/findings/pkg/report"
)

var (
	// "from 43%", "from a high rate in 2013-14 of 1.59": the start of a change
	fromToRE = regexp.MustCompile(`(?i)\bfrom(?:\s*|\s+[^.;%]{0,45}\bof\s+)$`)
	toRE     = regexp.MustCompile(`(?i)\bto\s*$`)
	// "62% attended, an increase from 19%": the change word names both
	changeAfterRE = regexp.MustCompile(`(?i)^[^.;]{0,80}?,?\s+(?:an?\s+|the\s+)?(?:further\s+)?(increase|rise|improvement|reduction|decrease|fall|drop)\s+(?:from|on)\s*$`)
	// "... to 8%, and standing at 5%": a number that carries on a change
	chainRE = regexp.MustCompile(`(?i)^[^.;]{0,40}?(?:\band\b|,)\s*(?:[a-z]+\s+){0,2}(?:to|at)\s*$`)
)

// maxChangeGap bounds the text between two numbers that changeAfterRE can
// match (it spans some 110 characters), so that a run of numbers with no
// full stop costs time in proportion to its length, not to its cube.
const maxChangeGap = 1024

// directions marks the candidates that are changes: "from X to Y" compares
// the two; a change word before a number in its clause ("increased by",
// "an additional", "reduced to") or just after it ("a 20% increase").
func (x *metricStage) directions(text string, cs []candidate) {
	fromTo(text, cs)
	changesAfter(text, cs)
	for i := 1; i < len(cs); i++ {
		if cs[i].Direction == "" && cs[i-1].Direction != "" && cs[i].Unit == cs[i-1].Unit && cs[i-1].end <= cs[i].start && chainRE.MatchString(text[cs[i-1].end:cs[i].start]) {
			cs[i].Direction = cs[i-1].Direction
			cs[i].follows = true
		}
	}
	lower := strings.ToLower(text)
	for i := range cs {
		if cs[i].Direction == "" {
			cs[i].Direction = x.changeWord(lower, cs[i])
		}
	}
}

// fromTo marks "from X to Y": a change up or down, as the second is more
// or less than the first, and one subject.
func fromTo(text string, cs []candidate) {
	for i := range cs {
		before := text[max(0, cs[i].start-60):cs[i].start]
		if cs[i].Direction != "" || !holdsFoldASCII(before, "from") || !fromToRE.MatchString(before) {
			continue
		}
		for j := i + 1; j < len(cs); j++ {
			if cs[j].Unit != cs[i].Unit {
				continue
			}
			if cs[j].start < cs[i].end {
				break
			}
			gap := text[cs[i].end:cs[j].start]
			if len(gap) > 60 || !toRE.MatchString(gap) {
				break
			}
			d := report.Increase
			if cs[j].Value < cs[i].Value {
				d = report.Decrease
			}
			cs[i].Direction, cs[j].Direction = d, d
			cs[j].follows = true
			break
		}
	}
}

// holdsFoldASCII reports whether s holds w, a lower-case ASCII word, with
// its ASCII letters in either case: a test that a case-blind pattern
// whose every match holds w (and w no k or s, which fold to letters
// beyond ASCII) may match.
func holdsFoldASCII(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for j < len(w) && s[i+j]|0x20 == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// changesAfter marks "62% attended, an increase from 19%": the change word
// between two numbers of a unit names both.
func changesAfter(text string, cs []candidate) {
	for i := range cs {
		for j := i + 1; j < len(cs) && cs[i].Direction == ""; j++ {
			if cs[j].start < cs[i].end {
				continue
			}
			if cs[j].start-cs[i].end > maxChangeGap {
				break // and so is every later number's
			}
			if m := changeAfterRE.FindStringSubmatch(text[cs[i].end:cs[j].start]); m != nil && cs[j].Unit == cs[i].Unit {
				d := report.Increase
				if w := strings.ToLower(m[1]); w == "reduction" || w == "decrease" || w == "fall" || w == "drop" {
					d = report.Decrease
				}
				cs[i].Direction, cs[j].Direction = d, d
			}
		}
	}
}

// changeWord is the direction a change word gives a number: the last of
// the eight words before it in its clause ("increased by"), else the word
// just after it ("a 20% increase"); or "". lower is the sentence in lower
// case.
func (x *metricStage) changeWord(lower string, c candidate) string {
	// the clause starts at the last break in the 160 bytes before
	back := max(0, c.start-160)
	from := back
	if e := lastClauseStop(lower[back:c.start]); e >= 0 {
		from = back + e
	}
	before := splitWords(lower[from:c.start])
	if len(before) > 8 {
		before = before[len(before)-8:]
	}
	for j := len(before) - 1; j >= 0; j-- {
		w := before[j].text
		if w == "up" && j+1 < len(before) && before[j+1].text == "to" {
			continue // "up to 30": a bound, not a change
		}
		if x.numbers.up[w] {
			return report.Increase
		}
		if x.numbers.down[w] {
			return report.Decrease
		}
	}
	after := splitWords(lower[c.end:min(len(lower), c.end+20)])
	if len(after) > 0 {
		switch w := after[0].text; {
		case w == "increase" || w == "rise":
			return report.Increase
		case w == "reduction" || w == "decrease" || w == "fall" || w == "drop":
			return report.Decrease
		}
	}
	return ""
}

// changeObject is the noun phrase between a change verb at token v and the
// number at token k ("reducing re-referral rates from 37%"), or "".
func (x *metricStage) changeObject(text string, toks []nlp.Token, v, k int) string {
	w := strings.ToLower(toks[v].Text)
	if !x.changeVerbs[w] {
		return ""
	}
	start, end := -1, -1
	for i := v + 1; i < k; i++ {
		t := toks[i]
		if t.Text == "from" || t.Text == "to" || t.Text == "by" || clauseEnd(t) {
			break
		}
		if start < 0 && (t.Tag == "DT" || t.Tag == "PRP$") {
			continue
		}
		if start < 0 {
			start = t.Start
		}
		end = t.End
	}
	if start < 0 {
		return ""
	}
	return text[start:end]
}

// lastClauseStop is where the last clause break in s ends, or -1: the
// end of the last of the matches, left to right, of
// `[;:]|,\s+(?:and|but|while|whereas|although|with)\s|\bwhich\b|\bwhile\b|\bbut\b|\bas\b|\bbecause\b`,
// found by a byte scan (the regexp ran over the 160 bytes before every
// number).
func lastClauseStop(s string) int {
	end := -1
	for i := 0; i < len(s); {
		if n := clauseStopAt(s, i); n > 0 {
			i += n
			end = i
			continue
		}
		i++
	}
	return end
}

// clauseStopAt is the length of the clause break at s[i], or 0: the
// first of the pattern's alternatives to match there.
func clauseStopAt(s string, i int) int {
	switch c := s[i]; {
	case c == ';' || c == ':':
		return 1
	case c == ',':
		j := i + 1
		for j < len(s) && isRE2Space(s[j]) {
			j++
		}
		if j == i+1 {
			return 0
		}
		for _, w := range []string{"and", "but", "while", "whereas", "although", "with"} {
			if k := j + len(w); strings.HasPrefix(s[j:], w) && k < len(s) && isRE2Space(s[k]) {
				return k + 1 - i
			}
		}
		return 0
	case i > 0 && isWordByte(s[i-1]):
		return 0 // no \b before a word here
	}
	for _, w := range []string{"which", "while", "but", "as", "because"} {
		if k := i + len(w); strings.HasPrefix(s[i:], w) && (k == len(s) || !isWordByte(s[k])) {
			return len(w)
		}
	}
	return 0
}

// isRE2Space is the regexp \s: ASCII white space but \v.
func isRE2Space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
