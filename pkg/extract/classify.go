package extract

import (
	"math"
	"strings"

	"github.com/findings/findings/pkg/report"
)

// negationReach is how many words after a negator its flip reaches.
const negationReach = 3

// unit is a sentence (or a bullet, row or heading) as the classifier sees it.
type unit struct {
	text    string
	heading bool    // a heading or table row, not running text
	bullet  bool    // a bullet item
	section string  // the heading it sits under
	judged  []found // the judgements it states: their words are no cues
}

// verdict is the classifier's call on a unit and why.
type verdict struct {
	kind string // report.Strength, Weakness, Mixed or "" for neutral
	rule string
	cues []string
}

// clause is a stretch of a sentence between contrast markers.
type clause struct {
	pos, neg float64
	concede  bool // opened by "although", "despite", "while": a concession
	cues     []string
}

func (c clause) polarity(need float64) int {
	switch d := c.pos - c.neg; {
	case d >= need:
		return 1
	case d <= -need:
		return -1
	}
	return 0
}

// classify calls a unit a strength, a weakness, mixed or neutral.
func (x *Extractor) classify(u unit) verdict {
	sec := x.sectionOf(u.section)
	if u.heading {
		// a heading names a topic or a section; only a headline that
		// evaluates (a news page's) is a finding
		if sec != sectionNone || len(u.judged) > 0 || words(u.text) <= 4 || strings.HasSuffix(u.text, "?") {
			return verdict{rule: "heading"}
		}
	} else {
		switch sec {
		case sectionWeakness:
			if strings.HasSuffix(strings.TrimSpace(u.text), ":") {
				return verdict{rule: "section"} // the lead-in to a list
			}
			return verdict{kind: report.Weakness, rule: "section", cues: []string{"section:" + u.section}}
		case sectionStrength:
			return verdict{kind: report.Strength, rule: "section", cues: []string{"section:" + u.section}}
		case sectionNeutral, sectionDescriptor:
			return verdict{rule: "section"}
		}
	}
	ws := splitWords(u.text)
	if len(ws) == 0 {
		return verdict{}
	}
	if x.neutralRE != nil && x.neutralRE.MatchString(u.text) {
		return verdict{rule: "neutral-pattern"}
	}
	clauses := x.clauses(ws, u.judged)
	need := 1.0
	if u.heading {
		need = 2 // a heading that only names a topic ("The impact of leaders") is no finding
	}

	var pos, neg []int
	var all []string
	for i, c := range clauses {
		all = append(all, c.cues...)
		switch c.polarity(need) {
		case 1:
			pos = append(pos, i)
		case -1:
			neg = append(neg, i)
		}
	}
	switch {
	case len(pos) > 0 && len(neg) > 0:
		// a concession that only grants effort does not make the sentence mixed
		if len(pos) == 1 && clauses[pos[0]].concede && clauses[pos[0]].pos < 3 {
			return verdict{kind: report.Weakness, rule: "concession", cues: all}
		}
		return verdict{kind: report.Mixed, rule: "contrast", cues: all}
	case len(pos) > 0:
		return verdict{kind: report.Strength, rule: "cues", cues: all}
	case len(neg) > 0:
		return verdict{kind: report.Weakness, rule: "cues", cues: all}
	}
	return verdict{cues: all}
}

// clauses cuts a sentence's words at contrast markers and scores each part
// with the cue lexicon, flipping cues that a negator governs.
func (x *Extractor) clauses(ws []word, judged []found) []clause {
	// clause boundaries: a contrast marker inside the sentence starts a new
	// clause; one at the start ("Although X, Y") makes the words up to the
	// first comma a conceding clause.
	type cut struct {
		at      int
		concede bool
	}
	var cuts []cut
	for _, m := range x.contrast.find(ws) {
		if m.i == 0 {
			end := m.j
			for end < len(ws)-1 && !strings.Contains(ws[end].punct, ",") {
				end++
			}
			if end < len(ws)-1 {
				cuts = append(cuts, cut{at: 0, concede: concedes(m)}, cut{at: end + 1})
			}
			continue
		}
		cuts = append(cuts, cut{at: m.i, concede: concedes(m)})
	}
	if len(cuts) == 0 || cuts[0].at != 0 {
		cuts = append([]cut{{at: 0}}, cuts...)
	}
	clauseOf := make([]int, len(ws))
	for k, c := range cuts {
		end := len(ws)
		if k+1 < len(cuts) {
			end = cuts[k+1].at
		}
		for i := c.at; i < end && i < len(ws); i++ {
			clauseOf[i] = k
		}
	}
	out := make([]clause, len(cuts))
	for k := range cuts {
		out[k].concede = cuts[k].concede
	}

	negators := x.negators.find(ws)
	negated := func(m match) bool {
		for _, n := range negators {
			if n.j <= m.i && m.i-n.j < negationReach && clauseOf[n.i] == clauseOf[m.i] && !overlaps(n, m) {
				return true
			}
		}
		return false
	}
	inJudgement := func(m match) bool {
		for _, j := range judged {
			if ws[m.i].start < j.end && j.start < ws[m.j-1].end {
				return true
			}
		}
		return false
	}
	for _, m := range x.cues.find(ws) {
		if inJudgement(m) {
			continue
		}
		if m.i > 0 && (ws[m.i-1].text == "to" || ws[m.i-1].text == "will") && m.class == "pos" {
			continue // an aim ("to improve") or a plan, not an achievement
		}
		c := &out[clauseOf[m.i]]
		phrase := phraseText(ws, m)
		switch flip := negated(m); {
		case m.class == "pos" && !flip:
			c.pos += m.weight
			c.cues = append(c.cues, "+"+phrase)
		case m.class == "pos" && flip:
			c.neg += m.weight
			c.cues = append(c.cues, "-not "+phrase)
		case m.class == "neg" && !flip:
			c.neg += m.weight
			c.cues = append(c.cues, "-"+phrase)
		default: // a negated shortfall: "without delay"
			c.pos += math.Round(m.weight / 2)
			c.cues = append(c.cues, "+not "+phrase)
		}
	}
	return out
}

func concedes(m match) bool {
	switch strings.Join(m.phrase, " ") {
	case "although", "though", "even though", "despite", "in spite of", "while", "whilst", "notwithstanding", "albeit":
		return true
	}
	return false
}

func overlaps(a, b match) bool { return a.i < b.j && b.i < a.j }

func phraseText(ws []word, m match) string {
	parts := make([]string, 0, m.j-m.i)
	for _, w := range ws[m.i:m.j] {
		parts = append(parts, w.text)
	}
	return strings.Join(parts, " ")
}
