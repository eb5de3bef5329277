package extract

import (
	"regexp"
	"strings"

	"github.com/findings/findings/pkg/nlp"
	"github.com/findings/findings/pkg/report"
)

var (
	// "from 43%", "from a high rate in 2013-14 of 1.59": the start of a change
	fromToRE   = regexp.MustCompile(`(?i)\bfrom(?:\s*|\s+[^.;%]{0,45}\bof\s+)$`)
	toRE       = regexp.MustCompile(`(?i)\bto\s*$`)
	clauseStop = regexp.MustCompile(`[;:]|,\s+(?:and|but|while|whereas|although|with)\s|\bwhich\b|\bwhile\b|\bbut\b|\bas\b|\bbecause\b`)
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
		if cs[i].Direction != "" || !fromToRE.MatchString(text[max(0, cs[i].start-60):cs[i].start]) {
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
	if ms := clauseStop.FindAllStringIndex(lower[back:c.start], -1); len(ms) > 0 {
		from = back + ms[len(ms)-1][1]
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
