package extract

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/findings/findings/pkg/report"
)

var (
	// spans that hold digits but no metric: dates, years, ages, codes,
	// references, phone numbers, list numbers, footnote digits
	// spans that hold digits but no metric, each pattern with the words one
	// of which a sentence must hold for it to apply (nil: any sentence with
	// digits): dates, years, times, phone numbers, postcodes, codes,
	// references, ages
	notMetric = []guarded{
		{keys: months, pat: mustPattern(`\b\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|&)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+` + monthPat + `\b(?:\s+(?:19|20)\d\d)?`)},
		{keys: months, pat: mustPattern(`\b` + monthPat + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b`)},
		{keys: []string{"19", "20"}, pat: mustPattern(`\b(?:19|20)\d\d\s*(?:-|–|/)\s*(?:(?:19|20)?\d\d)\b|\b(?:19|20)\d\d\s+to\s+(?:19|20)\d\d\b|\b20[012]\d[0-9]{2}\b|\b(?:19[5-9]\d|20[0-4]\d)s?\b`)},
		{keys: []string{"am", "pm", "/"}, pat: mustPattern(`\b\d{1,2}[:.]\d\d\s*(?:am|pm)\b|\b\d{1,2}\s*(?:am|pm)\b|\b24/7\b|\b\d+/\d+\b`)},
		{keys: []string{"0"}, pat: mustPattern(`\b0\d{2,4}\s?\d{3}\s?\d{3,4}\b`)},
		// an age bound: "young adults over 21,", "children under 18 who"
		{keys: []string{"over", "under"}, pat: mustPattern(`\b(?:over|under)\s+(?:the\s+age\s+of\s+)?(?:1[0-9]|2[0-5])(?:\s*(?:years?|yrs)(?:\s+old)?)?(?:[.,;:)]|\s+(?:with|who|and|in|are|is|were|was)\b|$)`)},
		// an age at a stage of a young person's life: "care leavers are
		// allocated an adviser at 16", "young people in care at 16 go on
		// to", "at 16 or 17", "supported at 21 and beyond"; not a level
		// ("caseloads remain stable at 18")
		{keys: []string{" at "}, pat: mustPattern(`\b(?:young\s+(?:people|person)|care\s+leavers?|child(?:ren)?|advisers?|pas?)(?:\s+in\s+care)?\s+at\s+(?:1[4-9]|2[0-5])\b(?:\s+(?:or|and)\s+(?:1[4-9]|2[0-5])\b)?` +
			`|\bat\s+(?:1[4-9]|2[0-5])\s+(?:or|and)\s+(?:1[4-9]|2[0-5]|beyond|over|above)\b`)},
		// a street address: "222 Upper Street"
		{keys: []string{"street", "road", "avenue", "lane", "square", "gardens", "drive", "terrace", "crescent", "parade"}, pat: mustPattern(`\b\d{1,4}[a-z]?\s+(?:[a-z]+\s+){1,2}(?:street|road|avenue|lane|square|gardens|drive|terrace|crescent|parade)\b`)},
		{keys: letterDigit, spans: letterDigitSpans, pat: mustPattern(`\b[a-z]{1,2}\d[a-z\d]?\s\d[a-z]{2}\b|\b[a-z]+-\d+\b|\b\d+(?:st|nd|rd|th)\b|\b[a-z]+\d+[a-z]*\b`)},
		{keys: refWords, numberAfter: true, pat: mustPattern(`\b(?:section|sections|s\.|paragraphs?|para|pages?|part|chapter|regulation|schedule|article|grade|key\s+stage|year|years|level|tier|outcomes?|enabler|standard|phase|stage|appendix|annex|figure|table|recommendations?|question|number|no\.|step|priority|area|point|ofsted|ilacs|sif)\s+(?:\d+(?:\.\d+)*|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*(?:,|and|to|-|–)\s*\d+(?:\.\d+)*)*\b`)},
		{keys: ageWords, pat: mustPattern(`\b(?:aged?|ages|ageing|turn(?:s|ed)?|reach(?:es|ed)?|age\s+of)\s+(?:between\s+|under\s+|over\s+|from\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-one|twenty-five)(?:\s*(?:-|–|to|and|or)\s*\d{1,2})?(?:\s*-?\s*(?:years?|yrs)(?:[- ]old)?(?:\s+of\s+age)?)?(?:\s+and\s+(?:over|above|under))?\b(?:\s*(?:years?\s+old|year-olds?|years\s+of\s+age))?` +
			`|\b\d{1,2}\s*-?\s*(?:and|to|–|-)?\s*(?:\d{1,2}\s*-?\s*)?(?:years?[- ]old|year-olds?|years\s+of\s+age|yrs)\b` +
			`|\b\d{1,2}-(?:\s+and\s+\d{1,2}-)?year` +
			`|\baged\s+\d{1,2}\s+(?:or|and|to)\s+\d{1,2}\b` +
			`|\b(?:under|over)[- ]\d{1,2}s\b` +
			`|\b\d{1,2}\+`)},
	}
	months      = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	letterDigit = []string{"\x00letter-digit"} // see holds
	refWords    = []string{"section", "s.", "para", "page", "part", "chapter", "regulation", "schedule", "article", "grade", "stage", "year", "level", "tier", "outcome", "enabler", "standard", "phase", "appendix", "annex", "figure", "table", "recommendation", "question", "number", "no.", "step", "priority", "area", "point", "ofsted", "ilacs", "sif"}
	ageWords    = []string{"age", "turn", "reach", "year", "yrs", "under", "over", "+"}
	perPat      = mustPattern(`\bper\s+(?:1,000|10,000|100,000|1000|10000|100000|100)\b`)
	// codes that hold digits: "2WD", "10am"
	codeRE = regexp.MustCompile(`\b\d+[a-z]+\d*\b`)
	// a list or paragraph number opening a sentence, a footnote digit glued
	// to a word
	leadNumberRE   = regexp.MustCompile(`^\s*\d{1,3}(?:\.\d{1,2})+\.?\s|^\s*\d{1,3}\.\s|^\s*\d{1,2}\s+[A-Z]`)
	footnoteGlueRE = regexp.MustCompile(`(?:[a-zA-Z?)’'”]|[a-zA-Z][.,])\d{1,2}\b`)

	percentRE  = mustPattern(`\b(` + digitsPat + `|` + wordNumPat + `)\s*(?:%|per\s?cent\b|percent\b)`)
	pointsRE   = mustPattern(`\b(` + digitsPat + `)\s+percentage\s+points?\b`)
	moneyRE    = mustPattern(`(£|\$|€)\s?(` + digitsPat + `)(?:\s?(m|bn|k|million|billion|thousand)\b)?`)
	rateRE     = mustPattern(`\b(` + digitsPat + `)\s+(?:per|for\s+every|in\s+every)\s+(100|1,000|1000|10,000|10000|100,000|100000|thousand|hundred)\b`)
	durationRE = mustPattern(`\b(` + digitsPat + `|` + wordNumPat + `)(?:\s*(?:-|–)\s*\d{1,2})?[\s-]+(?:working\s+|calendar\s+|school\s+)?(hours?|days?|weeks?|months?|years?)\b`)
	// a reference period ("in the last 12 months", "two years ago", "six
	// monthly") measures nothing about the service
	periodPat = mustPattern(`\b(?:last|past|previous|next|coming|following|first|every|each|recent|preceding)\s+(?:` + digitsPat + `|` + wordNumPat + `)\s+(?:hours?|days?|weeks?|months?|years?|quarters?)\b` +
		`|\b(?:` + digitsPat + `|` + wordNumPat + `)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|prior|before|earlier|later|previously)\b` +
		`|\b(?:` + digitsPat + `|` + wordNumPat + `)[- ](?:monthly|weekly|yearly|daily)\b|\bone-to-one\b|\bone-off\b` +
		`|\b(?:` + digitsPat + `|` + wordNumPat + `)[- ](?:year|month|week|day)\s+(?:period|plan|strategy|programme|contract|cycle)\b|\b(?:` + wordNumPat + `|\d)[- ]point\s+scale\b`)
	digitsRE = regexp.MustCompile(`\b` + digitsPat + `\b`)
	// digitsPatn is digitsRE for counts, tried only where a number opens
	digitsPatn  = mustPattern(digitsRE.String())
	outOfRE     = regexp.MustCompile(`(?i)^\s*(?:out\s+of|in)\s+(` + digitsPat + `|[a-z]+)\b`)
	qualifierRE = regexp.MustCompile(`(?i)(?:^|\W)(nearly|almost|approximately|approx\.?|around|about|roughly|over|more\s+than|less\s+than|fewer\s+than|under|up\s+to|at\s+least|just\s+over|just\s+under|just|only|some|circa|c\.)\s*$`)
	// "one serious case review was ongoing": "one" counts when it opens a
	// clause's subject
	oneSubjectRE = regexp.MustCompile(`(?i)^(?:[\w’'-]+\s+){1,4}(?:was|were|is|are|has|had|remains?)\b`)
	wordNumberRE = regexp.MustCompile(`(?i)\b[a-z]+(?:-[a-z]+)?\b`)
)

// candidate is a number found in a sentence before its subject and
// direction are known.
type candidate struct {
	report.Metric
	start, end int  // the matched text in the sentence
	follows    bool // the second of "from X to Y" or a chain: shares the subject before
}

// metrics finds the numbers a sentence states about the service. ws are
// the sentence's words, to skip at once the many sentences with no number.
func (x *metricStage) metrics(text string, ws []word) ([]candidate, error) {
	digits, spelled := x.numberKinds(ws)
	if !digits && !spelled {
		return nil, nil
	}
	// the patterns run on the sentence in ASCII lower case: the same
	// offsets, and no case folding in the hot loop
	low := asciiLower(text)
	r := &numberRead{text: text, low: low, keys: keyText(low), mask: make([]bool, len(text))}
	// the patterns for digits run only on sentences that hold digits
	if digits {
		if opensWithDigit(text) {
			if m := leadNumberRE.FindStringIndex(text); m != nil {
				r.cover(m[0], m[1])
			}
		}
		if mayGlue(text) {
			for _, m := range footnoteGlueRE.FindAllStringIndex(text, -1) {
				r.cover(m[0]+1, m[1])
			}
		}
	}
	x.maskNotMetrics(r, ws)
	if digits {
		x.digitMetrics(r.text, r.low, r.keys, r.add, r.cover)
		// a rate's denominator standing alone ("the rate per 10,000 is
		// below") is no count; rates with their number are read by now
		perPat.each(r.low, r.keys, r.cover)
	}
	x.unitMetrics(r)
	if spelled {
		r.out = append(r.out, x.wordMetrics(text, r.masked, r.cover)...)
	}
	if digits {
		x.counts(r)
	}
	return x.finish(text, r.out)
}

// opensWithDigit reports whether a digit follows the white space that
// opens s, as every match of leadNumberRE needs.
func opensWithDigit(s string) bool {
	t := strings.TrimLeft(s, " \t\n\f\r")
	return t != "" && isDigit(t[0])
}

// mayGlue reports whether s may hold a footnote digit glued to a word
// (footnoteGlueRE): a digit after a letter, '?', ')', a quote, or a
// letter and '.' or ','.
func mayGlue(s string) bool {
	for i := 1; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		c := s[i-1]
		if isLetter(c) || c == '?' || c == ')' || c == '\'' ||
			(c == '.' || c == ',') && i >= 2 && isLetter(s[i-2]) ||
			i >= 3 && (s[i-3:i] == "’" || s[i-3:i] == "”") {
			return true
		}
	}
	return false
}

// digitLetter reports whether a digit is followed by a lower-case letter
// in s, as every code (codeRE) needs.
func digitLetter(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' && isDigit(s[i-1]) {
			return true
		}
	}
	return false
}

// numberRead is a sentence being read for its numbers: the bytes that
// hold no metric (a date, an age, a number already read) and the numbers
// found so far.
type numberRead struct {
	text, low string // the sentence, and its ASCII lower case
	keys      string // low as the patterns' needs are tested (keyText)
	mask      []bool
	out       []candidate
}

// masked reports whether any byte of text[s:e] is masked.
func (r *numberRead) masked(s, e int) bool {
	for i := s; i < e; i++ {
		if r.mask[i] {
			return true
		}
	}
	return false
}

// cover masks text[s:e].
func (r *numberRead) cover(s, e int) {
	for i := s; i < e && i < len(r.mask); i++ {
		r.mask[i] = true
	}
}

// add records a number unless its text is masked, and masks it.
func (r *numberRead) add(c candidate) {
	if r.masked(c.start, c.end) {
		return
	}
	c.Text = r.text[c.start:c.end]
	r.out = append(r.out, c)
	r.cover(c.start, c.end)
}

// maskNotMetrics masks the spans that hold numbers but no metric. The
// masks look only near the numbers: windows around each number, widened
// to word breaks and merged.
func (x *metricStage) maskNotMetrics(r *numberRead, ws []word) {
	// the pairs of bytes in each window and its keys, for the first test
	// of the guards' keys (in the window) and the patterns' needs (in its
	// keys)
	pairs := new(bytePairs)
	for _, w := range x.windows(r.low, ws) {
		part, keys := r.low[w[0]:w[1]], r.keys[w[0]:w[1]]
		cover := func(a, b int) { r.cover(w[0]+a, w[0]+b) }
		pairs.set(part, true)
		pairs.set(keys, true)
		for _, gs := range [][]guarded{notMetric, x.masks} {
			for _, g := range gs {
				if g.holdsIn(part, pairs) {
					g.each(part, keys, pairs, cover)
				}
			}
		}
		if mayBePeriod(part) {
			periodPat.eachIn(part, keys, pairs, cover)
		}
		pairs.set(part, false)
		pairs.set(keys, false)
	}
}

// unitMetrics finds the numbers with a unit that digits or words may
// give: percentages and durations.
func (x *metricStage) unitMetrics(r *numberRead) {
	text, low := r.text, r.low
	matchesIf(percentRE, low, r.keys, func(m []int) {
		v, _ := x.valueOf(text[m[2]:m[3]])
		r.add(candidate{Metric: report.Metric{Value: v, Unit: report.Percent}, start: m[0], end: m[1]})
	}, "%", "cent")
	matchesIf(durationRE, low, r.keys, func(m []int) {
		u := strings.ToLower(text[m[4]:m[5]])
		if !strings.HasSuffix(u, "s") {
			u += "s"
		}
		v, _ := x.valueOf(text[m[2]:m[3]])
		r.add(candidate{Metric: report.Metric{Value: v, Unit: report.Duration, TimeUnit: u}, start: m[0], end: m[1]})
	}, "hour", "day", "week", "month", "year")
}

// counts finds the bare numbers left, which count something: "24
// children".
func (x *metricStage) counts(r *numberRead) {
	text, low := r.text, r.low
	digitsPatn.each(low, r.keys, func(a, b int) {
		m := [2]int{a, b}
		if r.masked(m[0], m[1]) {
			return
		}
		v := parseDigits(text[m[0]:m[1]])
		if x.namedNumber(text, m[0]) || v != math.Trunc(v) || strings.HasSuffix(low[:m[0]], "of the ") && !nounFollows(low[m[1]:]) {
			// a name ("Project 3"), a bare decimal (no count: a rate or
			// a figure without its unit), or a number already given
			// ("eight of the 13")
			return
		}
		// a bare year is a date, not a count
		if v >= 1900 && v <= 2099 && !strings.Contains(text[m[0]:m[1]], ",") {
			return
		}
		r.add(candidate{Metric: report.Metric{Value: v, Unit: report.Count}, start: m[0], end: m[1]})
	})
}

// digitMetrics finds the shapes that need digits: money, codes (masked),
// percentage points and rates.
func (x *metricStage) digitMetrics(text, low, keys string, add func(candidate), cover func(int, int)) {
	// money before codes: "£1.4m" is money, "2WD" a code
	matchesIf(moneyRE, low, keys, func(m []int) {
		v := parseDigits(text[m[4]:m[5]])
		if m[6] >= 0 {
			v *= map[string]float64{"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3, "thousand": 1e3}[strings.ToLower(text[m[6]:m[7]])]
		}
		cur := map[string]string{"£": "GBP", "$": "USD", "€": "EUR"}[text[m[2]:m[3]]]
		add(candidate{Metric: report.Metric{Value: v, Unit: report.Money, Currency: cur}, start: m[0], end: m[1]})
	}, "£", "$", "€")
	if digitLetter(low) {
		for _, m := range codeRE.FindAllStringIndex(low, -1) {
			cover(m[0], m[1])
		}
	}

	matchesIf(pointsRE, low, keys, func(m []int) {
		add(candidate{Metric: report.Metric{Value: parseDigits(text[m[2]:m[3]]), Unit: report.Percent, Points: true}, start: m[0], end: m[1]})
	}, "point")
	matchesIf(rateRE, low, keys, func(m []int) {
		per := parseDigits(text[m[4]:m[5]])
		switch strings.ToLower(text[m[4]:m[5]]) {
		case "thousand":
			per = 1000
		case "hundred":
			per = 100
		}
		add(candidate{Metric: report.Metric{Value: parseDigits(text[m[2]:m[3]]), Unit: report.Rate, Per: per}, start: m[0], end: m[1]})
	}, " per ", " every ")
}

// finish orders a sentence's numbers and reads their qualifiers,
// directions and subjects.
func (x *metricStage) finish(text string, out []candidate) ([]candidate, error) {
	if len(out) == 0 {
		return nil, nil
	}
	slices.SortFunc(out, func(a, b candidate) int { return a.start - b.start })
	for i := range out {
		if before := text[max(0, out[i].start-32):out[i].start]; mayQualify(before) {
			if q := qualifierRE.FindStringSubmatch(before); q != nil {
				out[i].Qualifier = strings.ToLower(q[1])
			}
		}
	}
	x.directions(text, out)
	if err := x.subjects(text, out); err != nil {
		return nil, err
	}
	return out, nil
}

// qualifierEnds are the last words of qualifierRE's qualifiers, in lower
// case, and those that end with a full stop ("approx.", "c.").
var (
	qualifierEnds   = []string{"nearly", "almost", "approximately", "approx", "around", "about", "roughly", "over", "than", "under", "to", "least", "just", "only", "some", "circa"}
	qualifierDotted = []string{"approx", "c"}
)

// mayQualify reports whether qualifierRE may match s: s ends, but for
// white space, with the last word of a qualifier, as every match does. A
// text with a byte beyond ASCII is passed to it (its case folding matches
// "ſ" to "s").
func mayQualify(s string) bool {
	t := strings.TrimRight(s, " \t\n\f\r")
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			return true
		}
	}
	ends := qualifierEnds
	if strings.HasSuffix(t, ".") {
		t, ends = t[:len(t)-1], qualifierDotted
	}
	i := len(t)
	for i > 0 && isLetter(t[i-1]) {
		i--
	}
	return slices.ContainsFunc(ends, func(e string) bool { return strings.EqualFold(e, t[i:]) })
}

// newMetricStage loads data/numbers.txt, notmetrics.txt, openers.txt and
// changeverbs.txt.
func newMetricStage() (*metricStage, error) {
	numbers, err := readData("numbers.txt")
	if err != nil {
		return nil, err
	}
	m := &metricStage{}
	if m.numbers, err = parseNumbers(numbers); err != nil {
		return nil, err
	}
	masks, err := readData("notmetrics.txt")
	if err != nil {
		return nil, err
	}
	if m.masks, err = parseMasks(masks); err != nil {
		return nil, err
	}
	if m.openers, err = wordSet("openers.txt"); err != nil {
		return nil, err
	}
	if m.changeVerbs, err = wordSet("changeverbs.txt"); err != nil {
		return nil, err
	}
	return m, nil
}

// metricStage finds the metrics of a sentence.
type metricStage struct {
	numbers *numberWords
	masks   []guarded // notmetrics.txt: spans whose numbers are no metric
	// openers.txt: words that open a sentence before a number and name
	// nothing ("In 2014"), unlike a name's ("Project 3")
	openers map[string]bool
	// changeverbs.txt: verbs of change whose object a number measures
	changeVerbs map[string]bool
}
