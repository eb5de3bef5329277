package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/findings/findings/pkg/ofsted"
	"github.com/findings/findings/pkg/report"
)

// gradeAlt is every form of every grade in prose (pkg/ofsted's list):
// "good", "judged to require improvement", "requires improvement to be good".
var gradeAlt = ofsted.GradePattern(true, true)

var (
	gradeWordRE = regexp.MustCompile(`(?i)\b(?:` + gradeAlt + `)\b`)
	// a label that ends in its grade: a table row, a graded heading
	// ("...children in care: good", "Leadership and management Grade 3 (Adequate)")
	gradedLabelRE = regexp.MustCompile(`(?i)^(.*?[a-z)])[\s:–—-]+(?:grade\s*\d\s*\(\s*(` + gradeAlt + `)\s*\)|(` + gradeAlt + `)(?:\s*\(grade\s*\d\))?)\.?$`)
	// prose: a judging verb before the grade ("judged to be good", "judged
	// to require improvement")
	judgedRE = regexp.MustCompile(`(?i)\b(?:judged|rated|graded|assessed|deemed|found|considered)\s+(?:overall\s+)?(?:(?:to\s+be|as)\s+(?:being\s+|providing\s+an?\s+|an?\s+)?|to\s+)?[‘'"“]?(` + gradeAlt + `)\b`)
	// "found children's services inadequate", "rated Reading's children's
	// services as 'inadequate'", "judged one home to be good"
	judgedObjectRE = regexp.MustCompile(`(?i)\b(?:judged|rated|found|graded)\s+(?:(?:(?:both|all|the|its|that|one|two|three|four|five|\d+)\s+)?(?:[\w’'-]+\s+){0,6}?(?:services?|authority|council|provision|arrangements|homes?|centres?|agenc(?:y|ies))|them|it)\s+(?:to\s+be\s+|as\s+|were\s+|was\s+|to\s+)?[‘'"“]?(` + gradeAlt + `)\b`)
	// a headline's verb, singular or plural: "Redmarsh children's services
	// 'require improvement'", "Children's services in Redmarsh requires
	// improvement because:", "The Local Safeguarding Children Board
	// requires improvement"
	riHeadlineRE = regexp.MustCompile(`(?i)\b(?:services?|council|authority|trust|safeguarding\s+(?:children(?:[’']s)?\s+)?board|lscb|safeguarding\s+partnership)(?:\s+in\s+(?:the\s+)?[\w’'.-]+(?:\s+(?:and|upon|on|[\w’'.-]+)){0,3}?)?\s+[‘'"“]?(requires?\s+improvement)\b`)
	// prose: the grade as predicate ("Adoption is good", "services remain inadequate")
	predicateRE  = regexp.MustCompile(`(?i)\b(?:is|are|was|were|remains?|remained|continues?\s+to\s+be|has\s+been|have\s+been|had\s+been|be)\s+(?:still\s+|now\s+|also\s+|therefore\s+)?[‘'"“]?(` + gradeAlt + `)\b`)
	predicatePat = mustPattern(predicateRE.String())
	// "requires improvement to be good" is a grade wherever it stands
	riVerbRE  = regexp.MustCompile(`(?i)\b(?:requires?|required|requiring)\s+improvement\s+to\s+be\s+good\b`)
	riVerbPat = mustPattern(riVerbRE.String())
	// "an inadequate-rated council", "the inadequate judgement"
	gradeNounRE = regexp.MustCompile(`(?i)\b(` + gradeAlt + `)[‘'"”’]?(?:-rated|\s+rating|\s+judgement|\s+grade)\b`)
	// "an outstanding impact", "Outstanding leadership": the top grade as an attribute of leaders
	outstandingRE = regexp.MustCompile(`(?i)\b(outstanding)\s+(?:impact|leadership|leaders)\b`)
	// "The graded judgement for adoption performance is that it is good"
	gradedIsRE  = regexp.MustCompile(`(?i)\bgraded\s+judgement\s+(?:for|about|on)\s+(.{3,120}?)\s+is\s+that\s+(?:it|they)\s+(?:is|are)?\s*(` + gradeAlt + `)\b`)
	notGradedRE = mustPattern(`(?i)\b(?:is|are|were|was)\s+not\s+graded|\bungraded|\b(?:does|do)\s+not\s+(?:lead\s+to|result\s+in|receive)\s+an?\s+(?:graded\s+)?(?:ofsted\s+)?judgement|\bno\s+graded\s+judgement`)
	// a listing of every grade: a grade descriptor, not a judgement
	descriptorRE = mustMatcher(`(?i)\b(?:an?|the)\s+(?:outstanding|good|adequate|inadequate)\s+(?:local\s+authority|lscb|service|board)\s+(?:is|means|will|that)\b|\ban?\s+(?:local\s+authority|service|lscb|board)\s+that\b|\bfour[- ]point\s+scale\b|^an?\s+(?:local\s+authority|lscb|service|board|council)\s+(?:requires\s+improvement|is\s+(?:outstanding|good|adequate|inadequate))\s+(?:if|when|where)\b`)
	// signals that the grade belongs to an earlier inspection
	previousRE = regexp.MustCompile(`(?i)\b(?:last|previous|earlier|prior|most\s+recent|single|former)\s+(?:ofsted\s+|full\s+|standard\s+|short\s+|children's\s+services\s+)?(?:inspections?|visits?|judgements?)\b|\b(?:was|were)\s+(?:last|previously)\s+inspected\b|\bat\s+that\s+time\b|\bsince\s+(?:[\w’']+\s+){1,6}(?:was|were|had\s+been)\s+(?:judged|rated|found)\b|\bfollowing\s+the\s+(?:` + gradeAlt + `)\b|\binspections?\s+(?:before\s+this|ago|earlier)\b|\bbefore\s+this\s+(?:one|inspection)\b|\b(?:when|where)\s+(?:it|they|the\s+(?:council|local\s+authority|service))\s+(?:was|were)\s+last\s+inspected\b`)
	// previousPat is previousRE run only where a branch may match
	previousPat = mustMatcher(previousRE.String())
	yearRE      = regexp.MustCompile(`\b(19[89]\d|20\d\d)\b`)
	// "good or outstanding", "good, one adequate and one inadequate": a
	// further grade in a list
	gradeListRE = regexp.MustCompile(`(?i)^\s*(?:or|and|,)\s+(?:(?:and\s+)?(?:one|two|three|four|five|six|\d+)\s+)?(` + gradeAlt + `)\b`)
	// a modal or an aim before the grade: a target, not a judgement
	hedgeRE = regexp.MustCompile(`(?i)\b(?:should|would|could|can|will|must|may|might|aims?\s+to|aiming\s+to|target|expected\s+to|ambition)\b`)
	// graded pieces of work, not the service: "the cases judged good"
	workItemRE = regexp.MustCompile(`(?i)\b(?:cases?|files?|audits?|schools?|academ(?:y|ies)|records?|samples?|plans?|decision-making|assessments?|examples?)(?:\s+(?:were|was|are|is|has\s+been|have\s+been))?\s*$`)
	// a count of cases graded: "in 10 of 15 cases", "in 12 out of 15 cases"
	casesGradedRE = regexp.MustCompile(`(?i)\b\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+\s+(?:cases|files|audits|records)\b`)
	// grades of the schools children attend or the provision they are
	// placed in, which are not the council's: "children attend schools
	// judged good", "placed out of borough in provision which was judged
	// inadequate"
	notServiceRE = regexp.MustCompile(`(?i)\b(?:schools?|academ(?:y|ies)|colleges?|nurser(?:y|ies)|education\s+provision|(?:early\s+years\s+)?settings?)\b|\battend(?:s|ed|ing)?\b|\bplaced\b(?:\s+\S+){0,5}\s+in\b`)
	// a section that holds an earlier inspection's grades: "Judgements at
	// the last inspection", "Summary of the last inspection's judgements"
	earlierTableRE = regexp.MustCompile(`(?i)\b(?:last|earlier|prior|original)\s+(?:full\s+|ofsted\s+)?inspection(?:[’']s)?\s+(?:judgements?|grades?|findings)\b|\b(?:judgements?|grades?)\s+(?:at|from|of)\s+the\s+(?:last|earlier|prior|original)\s+(?:full\s+|ofsted\s+)?inspection\b`)
	// a share of something graded ("the majority that require improvement
	// to be good") grades pieces of work, not a service
	quantifiedRE = regexp.MustCompile(`(?i)\b(?:majority|minority|most|many|some|few|half|proportion)(?:\s+of\s+(?:them|these|those))?$`)
	// the council's own provision, graded by inspections of its own
	ownProvisionRE = regexp.MustCompile(`(?i)children[’']s\s+homes?|\bhomes\b|\b(?:one|two|three|four|five|each|a|the)\s+(?:residential\s+)?home\b|fostering|children[’']s\s+centres?|\bagency\b`)
	// a home the council runs, named alone: "judged one home to be good"
	homeRE = regexp.MustCompile(`(?i)\b(?:one|two|three|four|five|each|a|the)\s+(?:residential\s+)?home\b`)
	// the subject before a predicate: the words back to a clause break
	clauseBreakRE = regexp.MustCompile(`[,;:()]|\b(?:but|because|which|that|while|whereas|when)\s`)
)

// canonicalGrade maps a matched grade phrase to a report grade.
func canonicalGrade(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	switch {
	case strings.HasPrefix(s, "outstanding"):
		return report.Outstanding
	case strings.HasPrefix(s, "good"):
		return report.Good
	case strings.HasPrefix(s, "inadequate"):
		return report.Inadequate
	case strings.HasPrefix(s, "adequate"):
		return report.Adequate
	case strings.Contains(s, "improvement"):
		return report.RequiresImprovement
	}
	return ""
}

// found is a judgement located in a unit's text: [start, end) is the grade
// or the phrase that states it.
type found struct {
	report.Judgement
	start, end int
	own        bool // a grade of the council's own provision (homes, fostering)
}

// judgeLabel reads a heading or table row that ends in its grade.
func (x *judgeStage) judgeLabel(text, section string) []found {
	// the ending first: it costs a few byte compares, and most texts fail it
	if !mayEndInGrade(text) || !mayGrade(text) || x.sections.of(section) == sectionDescriptor {
		return nil
	}
	m := gradedLabelRE.FindStringSubmatchIndex(text)
	if m == nil {
		return nil
	}
	label := text[m[2]:m[3]]
	g, gs, ge := "", 0, 0
	switch {
	case m[4] >= 0:
		g, gs, ge = text[m[4]:m[5]], m[4], m[5]
	case m[6] >= 0:
		g, gs, ge = text[m[6]:m[7]], m[6], m[7]
	}
	if words(label) > 25 || gradeWordRE.MatchString(label) || endsLikeSentence(label) {
		return nil
	}
	scope := x.scopeOf(label)
	if scope == "" {
		scope = report.ScopeOther
	}
	// a reinspection's summary of the earlier inspection's table, under
	// "Previous inspection judgements" or "Judgements at the last
	// inspection", grades the past
	prev := strings.Contains(strings.ToLower(section), "previous") || earlierTableRE.MatchString(section)
	return []found{{Judgement: report.Judgement{Grade: canonicalGrade(g), Scope: scope, Rule: "table", Previous: prev}, start: gs, end: ge}}
}

// mayEndInGrade reports whether text may be a graded label: before an
// optional full stop it ends in the last word of a grade or its tail, or
// in ")" ("Grade 3 (Adequate)"), as every match of gradedLabelRE does.
// A text with a letter that folds to ASCII may be.
func mayEndInGrade(text string) bool {
	if foldsToASCII(text) {
		return true
	}
	t := strings.TrimSuffix(text, ".")
	if strings.HasSuffix(t, ")") {
		return true
	}
	for _, w := range gradeEnders {
		if len(t) >= len(w) && asciiEqualLower(t[len(t)-len(w):], w) {
			return true
		}
	}
	return false
}

// asciiEqualLower reports whether s in ASCII lower case is low.
func asciiEqualLower(s, low string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[i] {
			return false
		}
	}
	return true
}

// gradeEnders are the last words of every form of every grade and of the
// grades' tails, in lower case.
var gradeEnders = func() []string {
	gs, _ := ofsted.Grades()
	var out []string
	for _, g := range gs {
		for _, w := range append(slices.Clone(g.Words), g.Tail) {
			if f := strings.Fields(strings.ToLower(w)); len(f) > 0 && !slices.Contains(out, f[len(f)-1]) {
				out = append(out, f[len(f)-1])
			}
		}
	}
	return out
}()

func endsLikeSentence(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "etc.")
}

// judgeProse finds the judgements a sentence states: each pattern in turn
// claims the grades the ones before left, then the grades a list adds,
// then whether each is of an earlier inspection.
func (x *judgeStage) judgeProse(text, section string, ctx *docContext) []found {
	if !mayGrade(text) || x.sections.of(section) == sectionDescriptor {
		return nil
	}
	r := &proseRead{x: x, text: text, section: section, ctx: ctx, keys: proseKeys(text)}
	if r.keys.may(descriptorKeys) && descriptorRE.matches(text, r.keys.keys) {
		return nil
	}
	r.statedForms()
	r.verbsAndNouns()
	r.predicates()
	r.lists()
	r.markPrevious()
	ctx.judgedText, ctx.judged = text, r.out
	return r.out
}

// proseRead is one sentence being read for judgements, with what the
// patterns have found so far: a grade one pattern claimed, no later one
// claims again.
type proseRead struct {
	x             *judgeStage
	text, section string
	ctx           *docContext
	keys          textKeys
	out           []found
}

// taken reports whether a judgement found already covers text[s:e].
func (r *proseRead) taken(s, e int) bool {
	for _, f := range r.out {
		if s < f.end && f.start < e {
			return true
		}
	}
	return false
}

// add records the grade at text[gs:ge], of the areas scopeText names,
// unless it is taken or grades something other than the service.
func (r *proseRead) add(grade string, gs, ge int, scopeText, subj, rule string) {
	if grade == "" || r.taken(gs, ge) || r.notOfService(gs, subj) {
		return
	}
	scopes, own := r.scopesFor(gs, scopeText, subj)
	for _, sc := range scopes {
		r.out = append(r.out, found{Judgement: report.Judgement{Grade: grade, Scope: sc, Rule: rule}, start: gs, end: ge, own: own})
	}
}

// notOfService reports whether the grade at offset gs, of subject subj, is
// no judgement of the service: a target, a piece of work, a school.
func (r *proseRead) notOfService(gs int, subj string) bool {
	text := r.text
	// "a local academy that was recently judged": a relative clause's
	// subject is the noun before it
	if len(strings.Fields(subj)) <= 3 && notServiceRE.MatchString(lookBehind(text[:gs], 60)) {
		return true
	}
	// a target ("should be judged good by 2017"), a grade of a piece of
	// work ("the cases judged good") or of a school is no judgement of
	// the service
	return hedgeRE.MatchString(text[max(0, gs-40):gs]) || workItemRE.MatchString(subj) || notServiceRE.MatchString(subj) ||
		quantifiedRE.MatchString(subj) || casesGradedRE.MatchString(text)
}

// scopesFor names the areas a grade at offset gs is of, and whether they
// are the council's own provision: those scopeText names, else those the
// sentence or the one before names for a number or pronoun, else the
// section's, else the overall.
func (r *proseRead) scopesFor(gs int, scopeText, subj string) ([]string, bool) {
	x, text, ctx := r.x, r.text, r.ctx
	// "both safeguarding and looked after children's services": one
	// judgement per area
	scopes := x.scopesOf(scopeText)
	own := ownProvisionRE.MatchString(scopeText)
	if len(scopes) == 0 && numberOrPronoun(subj) {
		// "inspected its children's services in 2019, when they were
		// judged ...": what they are, the sentence says before
		scopes = x.scopesOf(text[:max(0, gs-len(subj)-12)])
		own = ownProvisionRE.MatchString(text[:gs])
	}
	if len(scopes) == 0 && numberOrPronoun(subj) && ctx.sentenceBefore != "" {
		// "Three were judged good": what three is, the sentence before says
		scopes = x.scopesOf(ctx.sentenceBefore)
		own = ownProvisionRE.MatchString(ctx.sentenceBefore)
		if len(scopes) == 0 && ctx.judgedText == ctx.sentenceBefore && len(ctx.judged) > 0 {
			// "The council runs four homes. Three were judged good.
			// One was judged to require improvement.": the homes of
			// two sentences before, through the grades of the last
			scopes = []string{ctx.judged[len(ctx.judged)-1].Scope}
			own = ctx.judged[len(ctx.judged)-1].own
		}
	}
	if len(scopes) == 0 && homeRE.MatchString(scopeText) {
		scopes = []string{report.ScopeOther} // "judged one home to be good"
	}
	if len(scopes) == 0 && ctx.authority != "" && strings.Contains(subj, ctx.authority) {
		scopes = []string{report.ScopeOverall} // "Reading was rated inadequate"
	}
	if len(scopes) == 0 {
		if sc := x.scopeOf(r.section); sc != "" {
			scopes = []string{sc}
		} else {
			scopes = []string{report.ScopeOverall}
		}
	}
	return scopes, own
}

// statedForms reads the fixed forms: "is not graded", "the graded
// judgement for adoption is that it is good", "requires improvement to be
// good".
func (r *proseRead) statedForms() {
	text := r.text
	if r.keys.may(notGradedKeys) {
		if a, b, ok := notGradedRE.first(text, r.keys.keys); ok {
			r.out = append(r.out, found{Judgement: report.Judgement{Grade: report.NotGraded, Scope: report.ScopeVisit, Rule: "prose"}, start: a, end: b})
		}
	}
	for _, m := range r.keys.matches(gradedIsRE, gradedIsKeys) {
		r.add(canonicalGrade(text[m[4]:m[5]]), m[4], m[5], text[m[2]:m[3]], text[m[2]:m[3]], "prose")
	}
	for _, m := range r.keys.matchesFrom(riVerbPat, improvementKeys, 0) {
		subj := subjectBefore(text, m[0])
		r.add(report.RequiresImprovement, m[0], m[1], subj, subj, "prose")
	}
}

// verbsAndNouns reads a grade after a judging verb or before a grade noun:
// "judged to be good", "found services inadequate", "the inadequate
// judgement".
func (r *proseRead) verbsAndNouns() {
	text := r.text
	for _, g := range gradingREs {
		re := g.re
		for _, m := range r.keys.matchesFrom(g.pat, g.keys, g.lead) {
			subj := subjectBefore(text, m[0])
			if re == riHeadlineRE && strings.HasPrefix(strings.ToLower(text[m[1]:]), " to ") && !riVerbRE.MatchString(text[m[2]:]) {
				continue // "requires improvement to ensure that ...": no grade
			}
			scopeText := subj + " " + text[m[0]:m[3]]
			switch re {
			case outstandingRE:
				// "Leaders in X have had an outstanding impact": the
				// leaders', whatever the subject names
				scopeText = "leaders " + text[m[0]:m[1]]
			case gradeNounRE:
				// "the inadequate judgement of the inspection of child
				// protection services": the area follows
				scopeText += " " + clauseAfter(text, m[1])
			}
			r.add(canonicalGrade(text[m[2]:m[3]]), m[2], m[3], scopeText, subj, "prose")
		}
	}
}

// predicates reads the grade as a predicate: "Adoption is good",
// "services remain inadequate".
func (r *proseRead) predicates() {
	text := r.text
	for _, m := range r.keys.matchesFrom(predicatePat, gradeKeys, 4) {
		subj := subjectBefore(text, m[0])
		g := canonicalGrade(text[m[2]:m[3]])
		// "good" is praise unless its subject is a graded area
		if r.x.scopeOf(subj) == "" && !numberOrPronoun(subj) && !strings.Contains(subj, r.ctx.authority) {
			continue
		}
		scopeText := subj
		if numberOrPronoun(subj) {
			scopeText = text[:m[0]] // "one is outstanding": the area is named earlier
		}
		r.add(g, m[2], m[3], scopeText, subj, "prose")
	}
}

// lists reads a list of grades, "good or outstanding", "good, one
// adequate and one inadequate": each is a judgement, the ones the list
// adds too.
func (r *proseRead) lists() {
	for i := 0; i < len(r.out); i++ {
		f := r.out[i]
		rest := r.text[f.end:]
		if mm := gradeListRE.FindStringSubmatchIndex(rest); mm != nil {
			g := canonicalGrade(rest[mm[2]:mm[3]])
			if !r.taken(f.end+mm[2], f.end+mm[3]) {
				r.out = append(r.out, found{Judgement: report.Judgement{Grade: g, Scope: f.Scope, Rule: f.Rule}, start: f.end + mm[2], end: f.end + mm[3], own: f.own})
			}
		}
	}
}

// markPrevious says which grades are of an earlier inspection, and when.
// "The previous inspection of the safeguarding arrangements was in
// January 2013. The local authority was judged inadequate.": the sentence
// before says which inspection, of what, and when.
func (r *proseRead) markPrevious() {
	x, text, section, out := r.x, r.text, r.section, r.out
	before := r.ctx.sentenceBefore
	carried := len(out) > 0 && before != "" && previousRE.MatchString(before) && yearRE.MatchString(before) && !yearRE.MatchString(text)
	var past *sentencePast // read at the first grade that needs it
	for i := range out {
		if out[i].Grade == report.NotGraded {
			continue
		}
		if carried && (out[i].Scope == report.ScopeOverall || out[i].Scope == x.scopeOf(section)) {
			out[i].Previous = true
			out[i].Year, _ = strconv.Atoi(yearRE.FindString(before))
			if sc := x.scopeOf(before); sc != "" && sc != report.ScopeOverall {
				out[i].Scope = sc
			}
			continue
		}
		if past == nil {
			past = pastOf(text, section, r.keys.keys)
		}
		out[i].Previous, out[i].Year = r.ctx.previous(text, past, out[i].start)
		if out[i].own {
			// the council's homes and fostering are graded by inspections of their own
			out[i].Previous = true
		}
	}
}

// The words (lower case) one of which a sentence must hold for each prose
// pattern to match: a substring test costs far less than a pattern, and
// most sentences that may grade hold few of them.
var (
	descriptorKeys  = []string{"local", "lscb", "service", "board", "council", "scale"}
	notGradedKeys   = []string{"graded", "judgement"}
	gradedIsKeys    = []string{"graded"}
	improvementKeys = []string{"improvement"}
	gradeKeys       = []string{"outstanding", "good", "adequate", "improvement"}
	// the patterns of a judging verb or noun, in the order they claim a grade
	gradingREs = []guarded{
		{keys: []string{"judged", "rated", "graded", "assessed", "deemed", "found", "considered"}, re: judgedRE, pat: mustPattern(judgedRE.String()), lead: 6},
		{keys: []string{"judged", "rated", "found", "graded"}, re: judgedObjectRE, pat: mustPattern(judgedObjectRE.String()), lead: 11},
		{keys: improvementKeys, re: riHeadlineRE, pat: mustPattern(riHeadlineRE.String()), lead: 9},
		{keys: []string{"rated", "rating", "judgement", "grade"}, re: gradeNounRE, pat: mustPattern(gradeNounRE.String())},
		{keys: []string{"outstanding"}, re: outstandingRE, pat: mustPattern(outstandingRE.String())},
	}
)

// textKeys is a sentence in ASCII lower case, to test for the words a
// pattern needs before running it.
type textKeys struct {
	text, low string
	keys      string // low as patterns' needs are tested (keyText); "" to test none
	fold      bool   // the text holds a letter that folds to ASCII: test nothing
	grade     int    // where the first of gradeOpeners is in low, or -1
}

// proseKeys prepares text for key tests. The case-blind patterns also fold
// the Kelvin sign to k and the long s to s, which ASCII lower case does
// not: a text that holds either runs every pattern.
func proseKeys(text string) textKeys {
	if foldsToASCII(text) {
		return textKeys{text: text, fold: true}
	}
	low := asciiLower(text)
	g := -1
	for _, k := range gradeOpeners {
		if i := strings.Index(low, k); i >= 0 && (g < 0 || i < g) {
			g = i
		}
	}
	return textKeys{text: text, low: low, keys: keyText(low), grade: g}
}

// may reports whether the text holds one of keys.
func (t textKeys) may(keys []string) bool {
	return t.fold || guarded{keys: keys}.holds(t.low)
}

// matches runs re over the text (not its lower case) when it may match.
func (t textKeys) matches(re *regexp.Regexp, keys []string) [][]int {
	if !t.may(keys) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(t.text, -1)
}

// matchesFrom is matches for a pattern whose grade opens at most lead
// words (runs of white space) after its match starts. A pattern tried
// where a word opens (pattern.eachSubmatch) is tried there; another runs
// from lead words before the first word that holds a grade, as nothing
// before can match, and the text before that word is white space, so a
// leading \b reads the same.
func (t textKeys) matchesFrom(p *pattern, keys []string, lead int) [][]int {
	if !t.may(keys) {
		return nil
	}
	c := p.get()
	if len(c.branches) == 1 && c.branches[0].anchored != nil {
		var out [][]int
		p.eachSubmatch(t.text, t.keys, func(m []int) { out = append(out, m) })
		return out
	}
	re := p.whole()
	from := t.gradeCut(lead)
	ms := re.FindAllStringSubmatchIndex(t.text[from:], -1)
	if from > 0 {
		for _, m := range ms {
			for i := range m {
				if m[i] >= 0 {
					m[i] += from
				}
			}
		}
	}
	return ms
}

// gradeCut is the start of the lead-th word before the first word that
// holds the opening of a grade, or 0.
func (t textKeys) gradeCut(lead int) int {
	if t.fold || t.grade < 0 {
		return 0
	}
	i := t.grade
	for i > 0 && !isSpace(t.low[i-1]) {
		i--
	}
	for range lead {
		for i > 0 && isSpace(t.low[i-1]) {
			i--
		}
		for i > 0 && !isSpace(t.low[i-1]) {
			i--
		}
	}
	return i
}

// gradeOpeners are the first words of every form of every grade, in lower
// case ("requires" of "requires improvement"): a grade opens in the word
// that holds one.
var gradeOpeners = func() []string {
	gs, _ := ofsted.Grades()
	var out []string
	for _, g := range gs {
		for _, w := range g.Words {
			if f := strings.Fields(strings.ToLower(w)); len(f) > 0 && !slices.Contains(out, f[0]) {
				out = append(out, f[0])
			}
		}
	}
	return out
}()

// scopesOf names the areas a subject is about: one normally; several when
// it joins specific areas ("safeguarding and looked after children's
// services"), in the order they appear. General words ("services") count
// only when nothing specific is named.
func (x *judgeStage) scopesOf(s string) []string {
	if s == "" {
		return nil
	}
	l := " " + nonWordRE.ReplaceAllString(strings.ToLower(strings.ReplaceAll(s, "’", "'")), " ") + " "
	first := x.scopeOf(s)
	// "capacity to improve services for looked after children" is one
	// area; "a fostering agency and an adoption agency" are two
	other := first == report.ScopeOther && !ownProvisionRE.MatchString(s)
	if first == "" || first == report.ScopeOverall || other || !strings.Contains(l, " and ") {
		if first == "" {
			return nil
		}
		return []string{first}
	}
	// the specific areas named, by position, longest phrase first at each
	type hit struct {
		at    int
		scope string
	}
	var hits []hit
	taken := make([]bool, len(l))
	for _, sc := range x.scopes {
		if sc.scope == report.ScopeOverall {
			continue
		}
		for from := 0; ; {
			i := strings.Index(l[from:], sc.phrase)
			if i < 0 {
				break
			}
			i += from
			free := true
			for k := i + 1; k < i+len(sc.phrase)-1; k++ {
				free = free && !taken[k]
			}
			if free {
				for k := i + 1; k < i+len(sc.phrase)-1; k++ {
					taken[k] = true
				}
				hits = append(hits, hit{i, sc.scope})
			}
			from = i + 1
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return a.at - b.at })
	var out []string
	for _, h := range hits {
		if !slices.Contains(out, h.scope) {
			out = append(out, h.scope)
		}
	}
	if len(out) == 0 {
		return []string{first}
	}
	return out
}

// subjectBefore is the stretch of text before offset i back to the last
// clause break: the subject of a predicate.
func subjectBefore(text string, i int) string {
	// an aside in brackets before the verb is no clause: "The Kent
	// Safeguarding Children Board (KSCB) requires improvement" is about
	// the board
	s := asideRE.ReplaceAllString(text[:i], "")
	ms := clauseBreakRE.FindAllStringIndex(s, -1)
	end := len(s)
	for k := len(ms) - 1; k >= 0; k-- {
		seg := strings.TrimSpace(s[ms[k][1]:end])
		// "The fostering service, judged inadequate before, was judged
		// good": an aside that grades, between the subject and its verb,
		// is not the subject either
		if !auxOnlyRE.MatchString(seg) && !(end < len(s) && gradingAsideRE.MatchString(seg)) {
			return seg
		}
		end = ms[k][0] // "care leavers that are judged": the subject is before "that"
	}
	return strings.TrimSpace(s[:end])
}

// gradingAsideRE opens an aside that grades what the clause is about.
var gradingAsideRE = regexp.MustCompile(`(?i)^(?:judged|rated|graded|found)\b`)

// asideRE is a short bracketed aside just before the verb: an
// abbreviation.
var asideRE = regexp.MustCompile(`\s*\([^()]{1,40}\)[\s,]*$`)

// auxOnlyRE matches a would-be subject that is only a verb's helpers.
var auxOnlyRE = regexp.MustCompile(`(?i)^(?:(?:is|are|was|were|be|been|being|has|have|had|now|still|also|all|both)\s*)*$`)

var numberPronounRE = regexp.MustCompile(`(?i)^(?:(?:and|but|while)\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|both|all|they|it|these|those|each)(?:\s+of\s+(?:them|these))?$`)

func numberOrPronoun(s string) bool {
	s = auxTailRE.ReplaceAllString(strings.TrimSpace(s), "")
	return numberPronounRE.MatchString(s)
}

// auxTailRE is a subject's trailing verb helpers: "Three were" -> "Three",
// "they were judged to" -> "they".
var auxTailRE = regexp.MustCompile(`(?i)(?:\s+(?:is|are|was|were|be|been|being|has|have|had|now|still|also|all|both|judged|rated|found|considered|deemed|to))+$`)

// scopeOf names the area a label or subject is about, or "".
func (x *judgeStage) scopeOf(s string) string {
	if s == "" {
		return ""
	}
	l := " " + strings.ToLower(strings.ReplaceAll(s, "’", "'")) + " "
	l = nonWordRE.ReplaceAllString(l, " ")
	for _, sc := range x.scopes {
		if strings.Contains(l, sc.phrase) {
			return sc.scope
		}
	}
	return ""
}

var nonWordRE = regexp.MustCompile(`[^a-z0-9']+`)

// sentencePast is what a sentence and its section say of an earlier
// inspection: the same for every grade in the sentence, so read once.
type sentencePast struct {
	years [][2]int // the sentence's years: where each starts, and the year
	this  bool     // it speaks of "this inspection": its grades are current
	// it names an earlier inspection ("at the last inspection"), or its
	// section does ("Previous inspection judgements", "Judgements at the
	// last inspection")
	said bool
}

// pastOf reads a sentence for previous; keys are its lower case as the
// patterns' needs are tested (textKeys.keys).
func pastOf(text, section, keys string) *sentencePast {
	p := &sentencePast{this: strings.Contains(strings.ToLower(text), "this inspection")}
	for _, m := range yearRE.FindAllStringIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[0]:m[1]])
		p.years = append(p.years, [2]int{m[0], y})
	}
	p.said = previousPat.matches(text, keys) || strings.Contains(strings.ToLower(section), "previous") || earlierTableRE.MatchString(section)
	return p
}

// previous decides whether the grade at offset at in a sentence is from an
// earlier inspection, and its year when the sentence says. An explicit
// earlier inspection ("at the last inspection", "in their most recent
// inspection") or a year before the report's makes it previous; "now" next
// to the grade makes it current.
func (c *docContext) previous(text string, p *sentencePast, at int) (bool, int) {
	year, best := 0, 1<<30
	for _, y := range p.years {
		if d := abs(y[0] - at); d < best {
			best, year = d, y[1]
		}
	}
	before := strings.ToLower(text[max(0, at-12):at])
	if strings.Contains(before, "now") || p.this {
		return false, 0
	}
	prev := p.said
	if !prev && year != 0 && c.year != 0 && year < c.year {
		prev = true
	}
	if !prev {
		year = 0
	}
	return prev, year
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// mayGrade is a cheap test that a sentence may state a grade: most do not,
// and the judgement patterns are costly. It reports whether the text holds
// one of gradeStems, each found from the places of the one letter it is
// sought by (gradeMarks): four byte searches in place of ten.
func mayGrade(text string) bool {
	for m := range len(gradeMarks) {
		mark := gradeMarks[m]
		for j := strings.IndexByte(text, mark); j >= 0; {
			for _, g := range gradeStems {
				if g.mark == mark && j >= g.at && strings.HasPrefix(text[j-g.at:], g.stem) {
					return true
				}
			}
			k := strings.IndexByte(text[j+1:], mark)
			if k < 0 {
				break
			}
			j += k + 1
		}
	}
	return false
}

// gradeMarks are the letters gradeStems are sought by: every stem but
// "mprovement" holds a d, and it a v.
const gradeMarks = "dvDV"

// gradeStem is a string a sentence that may grade holds, with the first
// of gradeMarks in it and where.
type gradeStem struct {
	stem string
	mark byte
	at   int
}

// gradeStems are the stems of the grades and of grading words, lower- and
// upper-case.
var gradeStems = func() []gradeStem {
	var out []gradeStem
	for _, w := range []string{"ood", "dequate", "utstanding", "mprovement", "raded", "udgement", "OOD", "DEQUATE", "UTSTANDING", "MPROVEMENT"} {
		at := strings.IndexAny(w, gradeMarks)
		out = append(out, gradeStem{stem: w, mark: w[at], at: at})
	}
	return out
}()

// clauseAfter is the text from offset i to the next clause break.
func clauseAfter(text string, i int) string {
	s := text[i:]
	if m := clauseBreakRE.FindStringIndex(s); m != nil {
		s = s[:m[0]]
	}
	return s
}

// newJudgeStage loads data/scopes.txt; the section rules are the verdict
// stage's.
func newJudgeStage(sections sectionRules) (*judgeStage, error) {
	scopes, err := readData("scopes.txt")
	if err != nil {
		return nil, err
	}
	j := &judgeStage{sections: sections}
	for _, l := range dataLines(scopes) {
		f := strings.Fields(l)
		if len(f) < 3 {
			return nil, fmt.Errorf("scopes.txt: bad line %q", l)
		}
		j.scopes = append(j.scopes, scopeRule{phrase: " " + strings.Join(f[2:], " ") + " ", scope: f[0]})
	}
	return j, nil
}

// judgeStage finds the judgements in a sentence or table row.
type judgeStage struct {
	sections sectionRules
	scopes   []scopeRule
}

type scopeRule struct {
	phrase string // padded with spaces: " care leavers "
	scope  string
}
