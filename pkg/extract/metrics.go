package extract

import (
	"bufio"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/findings/findings/pkg/nlp"
	"github.com/findings/findings/pkg/report"
)

// numberWords are the spelled numbers, fractions, factors and change words
// of data/numbers.txt.
type numberWords struct {
	num, scale, frac, factor map[string]float64
	up, down                 map[string]bool
}

func parseNumbers(data string) (*numberWords, error) {
	nw := &numberWords{num: map[string]float64{}, scale: map[string]float64{}, frac: map[string]float64{},
		factor: map[string]float64{}, up: map[string]bool{}, down: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		f := strings.Fields(strings.SplitN(sc.Text(), "#", 2)[0])
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("numbers.txt:%d: want class, value and word", n)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("numbers.txt:%d: %w", n, err)
		}
		switch f[0] {
		case "num":
			nw.num[f[2]] = v
		case "scale":
			nw.scale[f[2]] = v
		case "frac":
			nw.frac[f[2]] = v
		case "factor":
			nw.factor[f[2]] = v
		case "up":
			nw.up[f[2]] = true
		case "down":
			nw.down[f[2]] = true
		default:
			return nil, fmt.Errorf("numbers.txt:%d: unknown class %q", n, f[0])
		}
	}
	return nw, sc.Err()
}

const (
	wordNumPat = `(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`
	digitsPat  = `(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`
	monthPat   = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
)

var (
	// spans that hold digits but no metric: dates, years, ages, codes,
	// references, phone numbers, list numbers, footnote digits
	// spans that hold digits but no metric, each pattern with the words one
	// of which a sentence must hold for it to apply (nil: any sentence with
	// digits): dates, years, times, phone numbers, postcodes, codes,
	// references, ages
	notMetric = []guarded{
		{months, regexp.MustCompile(`\b\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|&)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+` + monthPat + `\b(?:\s+(?:19|20)\d\d)?`)},
		{months, regexp.MustCompile(`\b` + monthPat + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b`)},
		{nil, regexp.MustCompile(`\b(?:19|20)\d\d\s*(?:-|–|/)\s*(?:(?:19|20)?\d\d)\b|\b(?:19|20)\d\d\s+to\s+(?:19|20)\d\d\b|\b20[012]\d[0-9]{2}\b|\b(?:19[5-9]\d|20[0-4]\d)s?\b`)},
		{[]string{"am", "pm", "/"}, regexp.MustCompile(`\b\d{1,2}[:.]\d\d\s*(?:am|pm)\b|\b\d{1,2}\s*(?:am|pm)\b|\b24/7\b|\b\d+/\d+\b`)},
		{[]string{"0"}, regexp.MustCompile(`\b0\d{2,4}\s?\d{3}\s?\d{3,4}\b`)},
		// an age bound: "young adults over 21,", "children under 18 who"
		{[]string{"over", "under"}, regexp.MustCompile(`\b(?:over|under)\s+(?:the\s+age\s+of\s+)?(?:1[0-9]|2[0-5])(?:\s*(?:years?|yrs)(?:\s+old)?)?(?:[.,;:)]|\s+(?:with|who|and|in|are|is|were|was)\b|$)`)},
		// an age at a stage of a young person's life: "care leavers are
		// allocated an adviser at 16", "young people in care at 16 go on
		// to", "at 16 or 17", "supported at 21 and beyond"; not a level
		// ("caseloads remain stable at 18")
		{[]string{" at "}, regexp.MustCompile(`\b(?:young\s+(?:people|person)|care\s+leavers?|child(?:ren)?|advisers?|pas?)(?:\s+in\s+care)?\s+at\s+(?:1[4-9]|2[0-5])\b(?:\s+(?:or|and)\s+(?:1[4-9]|2[0-5])\b)?` +
			`|\bat\s+(?:1[4-9]|2[0-5])\s+(?:or|and)\s+(?:1[4-9]|2[0-5]|beyond|over|above)\b`)},
		// a street address: "222 Upper Street"
		{[]string{"street", "road", "avenue", "lane", "square", "gardens", "drive", "terrace", "crescent", "parade"}, regexp.MustCompile(`\b\d{1,4}[a-z]?\s+(?:[a-z]+\s+){1,2}(?:street|road|avenue|lane|square|gardens|drive|terrace|crescent|parade)\b`)},
		{letterDigit, regexp.MustCompile(`\b[a-z]{1,2}\d[a-z\d]?\s\d[a-z]{2}\b|\b[a-z]+-\d+\b|\b\d+(?:st|nd|rd|th)\b|\b[a-z]+\d+[a-z]*\b`)},
		{refWords, regexp.MustCompile(`\b(?:section|sections|s\.|paragraphs?|para|pages?|part|chapter|regulation|schedule|article|grade|key\s+stage|year|years|level|tier|outcomes?|enabler|standard|phase|stage|appendix|annex|figure|table|recommendations?|question|number|no\.|step|priority|area|point|ofsted|ilacs|sif)\s+(?:\d+(?:\.\d+)*|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*(?:,|and|to|-|–)\s*\d+(?:\.\d+)*)*\b`)},
		{ageWords, regexp.MustCompile(`\b(?:aged?|ages|ageing|turn(?:s|ed)?|reach(?:es|ed)?|age\s+of)\s+(?:between\s+|under\s+|over\s+|from\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-one|twenty-five)(?:\s*(?:-|–|to|and|or)\s*\d{1,2})?(?:\s*-?\s*(?:years?|yrs)(?:[- ]old)?(?:\s+of\s+age)?)?(?:\s+and\s+(?:over|above|under))?\b(?:\s*(?:years?\s+old|year-olds?|years\s+of\s+age))?` +
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
	perRE       = regexp.MustCompile(`\bper\s+(?:1,000|10,000|100,000|1000|10000|100000|100)\b`)
	// codes that hold digits: "2WD", "10am"
	codeRE = regexp.MustCompile(`\b\d+[a-z]+\d*\b`)
	// a list or paragraph number opening a sentence, a footnote digit glued
	// to a word
	leadNumberRE   = regexp.MustCompile(`^\s*\d{1,3}(?:\.\d{1,2})+\.?\s|^\s*\d{1,3}\.\s|^\s*\d{1,2}\s+[A-Z]`)
	footnoteGlueRE = regexp.MustCompile(`(?:[a-zA-Z?)’'”]|[a-zA-Z][.,])\d{1,2}\b`)

	percentRE  = regexp.MustCompile(`\b(` + digitsPat + `|` + wordNumPat + `)\s*(?:%|per\s?cent\b|percent\b)`)
	pointsRE   = regexp.MustCompile(`\b(` + digitsPat + `)\s+percentage\s+points?\b`)
	moneyRE    = regexp.MustCompile(`(£|\$|€)\s?(` + digitsPat + `)(?:\s?(m|bn|k|million|billion|thousand)\b)?`)
	rateRE     = regexp.MustCompile(`\b(` + digitsPat + `)\s+(?:per|for\s+every|in\s+every)\s+(100|1,000|1000|10,000|10000|100,000|100000|thousand|hundred)\b`)
	durationRE = regexp.MustCompile(`\b(` + digitsPat + `|` + wordNumPat + `)(?:\s*(?:-|–)\s*\d{1,2})?[\s-]+(?:working\s+|calendar\s+|school\s+)?(hours?|days?|weeks?|months?|years?)\b`)
	// a reference period ("in the last 12 months", "two years ago", "six
	// monthly") measures nothing about the service
	periodRE = regexp.MustCompile(`\b(?:last|past|previous|next|coming|following|first|every|each|recent|preceding)\s+(?:` + digitsPat + `|` + wordNumPat + `)\s+(?:hours?|days?|weeks?|months?|years?|quarters?)\b` +
		`|\b(?:` + digitsPat + `|` + wordNumPat + `)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|prior|before|earlier|later|previously)\b` +
		`|\b(?:` + digitsPat + `|` + wordNumPat + `)[- ](?:monthly|weekly|yearly|daily)\b|\bone-to-one\b|\bone-off\b` +
		`|\b(?:` + digitsPat + `|` + wordNumPat + `)[- ](?:year|month|week|day)\s+(?:period|plan|strategy|programme|contract|cycle)\b|\b(?:` + wordNumPat + `|\d)[- ]point\s+scale\b`)
	digitsRE    = regexp.MustCompile(`\b` + digitsPat + `\b`)
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
func (x *Extractor) metrics(text string, ws []word) ([]candidate, error) {
	digits, spelled := x.numberKinds(ws)
	if !digits && !spelled {
		return nil, nil
	}
	// the patterns run on the sentence in ASCII lower case: the same
	// offsets, and no case folding in the hot loop
	low := asciiLower(text)
	var out []candidate
	mask := make([]bool, len(text))
	masked := func(s, e int) bool {
		for i := s; i < e; i++ {
			if mask[i] {
				return true
			}
		}
		return false
	}
	cover := func(s, e int) {
		for i := s; i < e && i < len(mask); i++ {
			mask[i] = true
		}
	}
	add := func(c candidate) {
		if masked(c.start, c.end) {
			return
		}
		c.Text = text[c.start:c.end]
		out = append(out, c)
		cover(c.start, c.end)
	}
	// the patterns for digits run only on sentences that hold digits
	if digits {
		if m := leadNumberRE.FindStringIndex(text); m != nil {
			cover(m[0], m[1])
		}
		for _, m := range footnoteGlueRE.FindAllStringIndex(text, -1) {
			cover(m[0]+1, m[1])
		}
	}
	// the masks look only near the numbers: windows around each number,
	// widened to word breaks and merged
	for _, w := range x.windows(low, ws) {
		part := low[w[0]:w[1]]
		for _, gs := range [][]guarded{notMetric, x.masks} {
			for _, g := range gs {
				if g.holds(part) {
					for _, m := range g.re.FindAllStringIndex(part, -1) {
						cover(w[0]+m[0], w[0]+m[1])
					}
				}
			}
		}
		if timeWords(part) {
			for _, m := range periodRE.FindAllStringIndex(part, -1) {
				cover(w[0]+m[0], w[0]+m[1])
			}
		}
	}
	if digits {
		x.digitMetrics(text, low, add, cover)
		// a rate's denominator standing alone ("the rate per 10,000 is
		// below") is no count; rates with their number are read by now
		for _, m := range perRE.FindAllStringIndex(low, -1) {
			cover(m[0], m[1])
		}
	}
	for _, m := range matchesIf(percentRE, low, "%", "cent") {
		v, _ := x.valueOf(text[m[2]:m[3]])
		add(candidate{Metric: report.Metric{Value: v, Unit: report.Percent}, start: m[0], end: m[1]})
	}
	for _, m := range matchesIf(durationRE, low, "hour", "day", "week", "month", "year") {
		u := strings.ToLower(text[m[4]:m[5]])
		if !strings.HasSuffix(u, "s") {
			u += "s"
		}
		v, _ := x.valueOf(text[m[2]:m[3]])
		add(candidate{Metric: report.Metric{Value: v, Unit: report.Duration, TimeUnit: u}, start: m[0], end: m[1]})
	}
	if spelled {
		out = append(out, x.wordMetrics(text, masked, cover)...)
	}
	if digits {
		for _, m := range digitsRE.FindAllStringIndex(low, -1) {
			if masked(m[0], m[1]) {
				continue
			}
			v := parseDigits(text[m[0]:m[1]])
			if namedNumber(text, m[0]) || v != math.Trunc(v) || strings.HasSuffix(low[:m[0]], "of the ") && !nounFollows(low[m[1]:]) {
				// a name ("Project 3"), a bare decimal (no count: a rate or
				// a figure without its unit), or a number already given
				// ("eight of the 13")
				continue
			}
			// a bare year is a date, not a count
			if v >= 1900 && v <= 2099 && !strings.Contains(text[m[0]:m[1]], ",") {
				continue
			}
			add(candidate{Metric: report.Metric{Value: v, Unit: report.Count}, start: m[0], end: m[1]})
		}
	}
	return x.finish(text, out)
}

// digitMetrics finds the shapes that need digits: money, codes (masked),
// percentage points and rates.
func (x *Extractor) digitMetrics(text, low string, add func(candidate), cover func(int, int)) {
	// money before codes: "£1.4m" is money, "2WD" a code
	for _, m := range matchesIf(moneyRE, low, "£", "$", "€") {
		v := parseDigits(text[m[4]:m[5]])
		if m[6] >= 0 {
			v *= map[string]float64{"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3, "thousand": 1e3}[strings.ToLower(text[m[6]:m[7]])]
		}
		cur := map[string]string{"£": "GBP", "$": "USD", "€": "EUR"}[text[m[2]:m[3]]]
		add(candidate{Metric: report.Metric{Value: v, Unit: report.Money, Currency: cur}, start: m[0], end: m[1]})
	}
	for _, m := range codeRE.FindAllStringIndex(low, -1) {
		cover(m[0], m[1])
	}

	for _, m := range matchesIf(pointsRE, low, "point") {
		add(candidate{Metric: report.Metric{Value: parseDigits(text[m[2]:m[3]]), Unit: report.Percent, Points: true}, start: m[0], end: m[1]})
	}
	for _, m := range matchesIf(rateRE, low, " per ", " every ") {
		per := parseDigits(text[m[4]:m[5]])
		switch strings.ToLower(text[m[4]:m[5]]) {
		case "thousand":
			per = 1000
		case "hundred":
			per = 100
		}
		add(candidate{Metric: report.Metric{Value: parseDigits(text[m[2]:m[3]]), Unit: report.Rate, Per: per}, start: m[0], end: m[1]})
	}
}

// finish orders a sentence's numbers and reads their qualifiers,
// directions and subjects.
func (x *Extractor) finish(text string, out []candidate) ([]candidate, error) {
	if len(out) == 0 {
		return nil, nil
	}
	slices.SortFunc(out, func(a, b candidate) int { return a.start - b.start })
	for i := range out {
		if q := qualifierRE.FindStringSubmatch(text[max(0, out[i].start-32):out[i].start]); q != nil {
			out[i].Qualifier = strings.ToLower(q[1])
		}
	}
	x.directions(text, out)
	if err := subjects(text, out); err != nil {
		return nil, err
	}
	return out, nil
}

// numberKinds reports whether a sentence's words hold digits or spelled
// numbers, so that the costlier work runs only on the sentences that need it.
func (x *Extractor) numberKinds(ws []word) (digits, spelled bool) {
	for _, w := range ws {
		if strings.ContainsAny(w.text, "0123456789") {
			digits = true
		} else if !spelled && x.isNumberWord(w.text) {
			spelled = true
		}
	}
	return digits, spelled
}

// wordMetrics finds spelled numbers: counts ("three LCAs"), fractions ("a
// third of", "three-quarters"), factors ("doubled") and "one in five".
func (x *Extractor) wordMetrics(text string, masked func(int, int) bool, cover func(int, int)) []candidate {
	var out []candidate
	ws := wordNumberRE.FindAllStringIndex(text, -1)
	for k := 0; k < len(ws); k++ {
		s, e := ws[k][0], ws[k][1]
		w := strings.ToLower(text[s:e])
		if masked(s, e) {
			continue
		}
		prev := ""
		if k > 0 {
			prev = strings.ToLower(text[ws[k-1][0]:ws[k-1][1]])
		}
		nextWord := func(j int) string {
			if k+j < len(ws) {
				return strings.ToLower(text[ws[k+j][0]:ws[k+j][1]])
			}
			return ""
		}
		if f, ok := x.numbers.factor[w]; ok {
			dir := ""
			switch {
			case strings.HasSuffix(w, "ed") && f > 1:
				dir = report.Increase
			case strings.HasSuffix(w, "ed"):
				dir = report.Decrease
			}
			if w == "double" && nextWord(1) != "the" && prev != "nearly" && prev != "almost" {
				continue // "double" as an adjective ("double check") is no factor
			}
			out = append(out, candidate{Metric: report.Metric{Value: f, Unit: report.Factor, Direction: dir, Text: text[s:e]}, start: s, end: e})
			cover(s, e)
			continue
		}
		// fractions: "a third", "one quarter", "three-quarters", "half of"
		if n, d, end, ok := x.fraction(text, ws, k); ok {
			if masked(s, end) {
				continue
			}
			out = append(out, candidate{Metric: report.Metric{Value: round2(100 * n * d), Unit: report.Percent, Text: text[s:end]}, start: s, end: end})
			cover(s, end)
			for k+1 < len(ws) && ws[k+1][0] < end {
				k++
			}
			continue
		}
		v, end, used, ok := x.spelled(text, ws, k)
		if !ok {
			continue
		}
		if masked(s, end) {
			continue
		}
		after := strings.ToLower(strings.TrimSpace(text[end:]))
		next := nextWord(used)
		// "one in five", "two out of three": a proportion
		if m := outOfRE.FindStringSubmatchIndex(text[end:]); m != nil {
			if d, ok := x.valueOf(text[end+m[2] : end+m[3]]); ok && d > v && strings.HasPrefix(strings.TrimSpace(text[end:]), "in") && !masked(s, end+m[1]) {
				out = append(out, candidate{Metric: report.Metric{Value: round2(100 * v / d), Unit: report.Percent, Text: text[s : end+m[1]]}, start: s, end: end + m[1]})
				cover(s, end+m[1])
				k += used
				continue
			}
		}
		if v == 1 && !countableOne(prev, next, after) {
			continue
		}
		if prev == "the" && v <= 3 {
			continue // "the two services": a set already named, not a count
		}
		if v == 1 && prev != "only" && prev != "just" && !oneSubjectRE.MatchString(after) {
			continue
		}
		if next == "" || strings.HasPrefix(after, "of ") && v == 1 || next == "another" || next == "or" && v <= 2 {
			continue
		}
		out = append(out, candidate{Metric: report.Metric{Value: v, Unit: report.Count, Text: text[s:end]}, start: s, end: end})
		cover(s, end)
		k += used - 1
	}
	return out
}

// countableOne reports whether "one" counts something ("one young person")
// rather than standing for a person or thing ("no one", "one of the",
// "one another", "at one point").
func countableOne(prev, next, after string) bool {
	switch prev {
	case "no", "any", "the", "this", "that", "which", "each", "every", "at", "someone", "another", "in", "of", "for", "with", "by", "to", "on", "as":
		return false
	}
	switch next {
	case "of", "another", "or", "and", "to", "day", "point", "stage", "time", "way", "place", "hand", "side", "thing", "off", "example", "area", "aspect", "instance":
		return false
	}
	return next != "" && !strings.HasPrefix(after, "-")
}

// spelled reads a spelled number at word k ("forty-three", "two hundred",
// "1.4 million" is left to the digit patterns): its value, the end offset,
// how many words it used.
func (x *Extractor) spelled(text string, ws [][]int, k int) (float64, int, int, bool) {
	w := strings.ToLower(text[ws[k][0]:ws[k][1]])
	v, ok := x.valueOf(w)
	if !ok {
		return 0, 0, 0, false
	}
	end, used := ws[k][1], 1
	for k+used < len(ws) {
		nw := strings.ToLower(text[ws[k+used][0]:ws[k+used][1]])
		sc, ok := x.numbers.scale[nw]
		if !ok || strings.TrimSpace(text[end:ws[k+used][0]]) != "" {
			break
		}
		v *= sc
		end = ws[k+used][1]
		used++
	}
	return v, end, used, true
}

// valueOf is the value of a spelled number word or hyphenated pair, or of
// digits.
func (x *Extractor) valueOf(w string) (float64, bool) {
	w = strings.ToLower(w)
	if v, ok := x.numbers.num[w]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		va, oka := x.numbers.num[a]
		vb, okb := x.numbers.num[b]
		if oka && okb && va >= 20 && vb < 10 {
			return va + vb, true
		}
	}
	if digitsRE.MatchString(w) && digitsRE.FindString(w) == w {
		return parseDigits(w), true
	}
	return 0, false
}

// fraction reads "a third", "one quarter", "three-quarters", "two thirds",
// "half" at word k: numerator, fraction value, end offset.
func (x *Extractor) fraction(text string, ws [][]int, k int) (float64, float64, int, bool) {
	w := strings.ToLower(text[ws[k][0]:ws[k][1]])
	if a, b, ok := strings.Cut(w, "-"); ok { // "three-quarters"
		if n, ok := x.numbers.num[a]; ok {
			if d, ok := x.numbers.frac[b]; ok {
				return n, d, ws[k][1], true
			}
		}
	}
	if d, ok := x.numbers.frac[w]; ok && (w == "half") {
		after := strings.ToLower(text[ws[k][1]:])
		if strings.HasPrefix(after, "-") || strings.HasPrefix(after, " term") || strings.HasPrefix(after, " day") || strings.HasPrefix(after, " an hour") {
			return 0, 0, 0, false
		}
		before := strings.ToLower(text[:ws[k][0]])
		if strings.HasSuffix(before, "a ") || strings.HasSuffix(before, "one and a ") {
			return 0, 0, 0, false
		}
		return 1, d, ws[k][1], true
	}
	if k+1 >= len(ws) || strings.TrimSpace(text[ws[k][1]:ws[k+1][0]]) != "" {
		return 0, 0, 0, false
	}
	n := 0.0
	if w == "a" || w == "an" {
		n = 1
	} else if v, ok := x.numbers.num[w]; ok && v < 10 {
		n = v
	} else {
		return 0, 0, 0, false
	}
	nw := strings.ToLower(text[ws[k+1][0]:ws[k+1][1]])
	d, ok := x.numbers.frac[nw]
	if !ok || nw == "half" && n != 1 {
		return 0, 0, 0, false
	}
	// "a quarter" of something, not "the third quarter"
	after := strings.ToLower(strings.TrimSpace(text[ws[k+1][1]:]))
	if !strings.HasPrefix(after, "of") && !strings.HasPrefix(after, "(") && !strings.HasPrefix(after, "are") && !strings.HasPrefix(after, "were") && !strings.HasPrefix(after, "have") && !strings.HasPrefix(after, "had") {
		return 0, 0, 0, false
	}
	return n, d, ws[k+1][1], true
}

func round2(v float64) float64 { return math.Round(v*10) / 10 }

// parseDigits reads "2,495", "17.3".
func parseDigits(s string) float64 {
	v, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v
}

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
func (x *Extractor) directions(text string, cs []candidate) {
	lower := strings.ToLower(text)
	// from X to Y
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
	for i := 1; i < len(cs); i++ {
		if cs[i].Direction == "" && cs[i-1].Direction != "" && cs[i].Unit == cs[i-1].Unit && cs[i-1].end <= cs[i].start && chainRE.MatchString(text[cs[i-1].end:cs[i].start]) {
			cs[i].Direction = cs[i-1].Direction
			cs[i].follows = true
		}
	}
	for i := range cs {
		if cs[i].Direction != "" {
			continue
		}
		// the clause before the number
		from := 0
		// the clause starts at the last break in the 160 bytes before
		back := max(0, cs[i].start-160)
		if ms := clauseStop.FindAllStringIndex(lower[back:cs[i].start], -1); len(ms) > 0 {
			from = back + ms[len(ms)-1][1]
		} else {
			from = back
		}
		before := splitWords(lower[from:cs[i].start])
		if len(before) > 8 {
			before = before[len(before)-8:]
		}
		for j := len(before) - 1; j >= 0; j-- {
			w := before[j].text
			if w == "up" && j+1 < len(before) && before[j+1].text == "to" {
				continue // "up to 30": a bound, not a change
			}
			if x.numbers.up[w] {
				cs[i].Direction = report.Increase
				break
			}
			if x.numbers.down[w] {
				cs[i].Direction = report.Decrease
				break
			}
		}
		if cs[i].Direction != "" {
			continue
		}
		// "a 20% increase"
		after := splitWords(lower[cs[i].end:min(len(lower), cs[i].end+20)])
		if len(after) > 0 {
			switch w := after[0].text; {
			case w == "increase" || w == "rise":
				cs[i].Direction = report.Increase
			case w == "reduction" || w == "decrease" || w == "fall" || w == "drop":
				cs[i].Direction = report.Decrease
			}
		}
	}
}

// subjects names what each number is about, from the sentence's parts of
// speech: the phrase after "of" ("64% of social workers who are
// permanent"), the noun phrase the number counts with what follows it ("12
// children became subject of special guardianship orders"), or the noun
// phrase before the verb the number completes ("caseloads had increased by
// 45%"). Pronouns ("this", "of whom") are left empty for the caller to
// resolve from the sentence before.
func subjects(text string, cs []candidate) error {
	toks, err := nlp.Tag(text)
	if err != nil {
		return err
	}
	at := func(off int) int { // the first token that ends after offset off
		for i, t := range toks {
			if t.End > off {
				return i
			}
		}
		return len(toks)
	}
	for i := range cs {
		c := &cs[i]
		if c.follows && i > 0 {
			c.Subject = cs[i-1].Subject // "from 43% to 82%": one subject
			continue
		}
		k, e := at(c.start), at(c.end)
		e = skipParenthesis(toks, e)
		if c.Unit == report.Rate { // past "per 10,000"
			for e < len(toks) && (toks[e].Tag == "CD" || toks[e].Text == "per") {
				e++
			}
		}
		of := e < len(toks) && toks[e].Text == "of"
		var after string
		switch {
		case of && e+1 < len(toks) && anaphor(toks[e+1].Text):
		case of:
			j := e + 1 // "Nineteen of 20 young people", "of the 13"
			for j < len(toks) && (toks[j].Tag == "CD" || toks[j].Tag == "DT") {
				j++
			}
			after = phraseAfter(text, toks, j, true)
		case c.Unit == report.Money:
			after = phraseAfter(text, toks, e, false)
		default:
			after = phraseAfter(text, toks, e, true)
		}
		before := phraseBefore(text, toks, k)
		var subj string
		switch {
		case of:
			subj = after
		case c.Unit == report.Count && after != "" && !startsWithVerb(toks, e):
			subj = after
		case c.Unit == report.Rate:
			subj = strings.TrimSpace(before + " rate per " + Number(c.Per) + " " + after)
		default:
			subj = strings.TrimSpace(before + " " + after)
		}
		c.Subject = strings.ToLower(strings.Join(strings.Fields(subj), " "))
	}
	return nil
}

// skipParenthesis steps over a bracketed aside at token k: "161 (or 32%)
// live outside".
func skipParenthesis(toks []nlp.Token, k int) int {
	if k >= len(toks) || toks[k].Text != "(" {
		return k
	}
	for i := k + 1; i < len(toks) && i < k+8; i++ {
		if toks[i].Text == ")" {
			return i + 1
		}
	}
	return k
}

// anaphor reports whether a word points back to something named earlier.
func anaphor(w string) bool {
	switch strings.ToLower(w) {
	case "whom", "which", "these", "those", "them", "this", "that", "it", "they":
		return true
	}
	return false
}

// maxSubjectWords bounds a subject phrase.
const maxSubjectWords = 10

// phraseAfter reads the phrase from token k to the end of its clause: the
// noun phrase a number counts and what is said of it.
func phraseAfter(text string, toks []nlp.Token, k int, nounFirst bool) string {
	start, end, n := -1, -1, 0
	// a counted noun phrase, or a verb saying what the counted did ("95%
	// seen within timescales"); not a time or place ("in 2014")
	for k < len(toks) && (toks[k].Tag == "DT" || toks[k].Tag == "PRP$" || toks[k].Tag == "RB") {
		k++
	}
	if nounFirst && (k >= len(toks) || toks[k].Tag == "IN" || toks[k].Tag == "TO" || toks[k].Tag == "CD") {
		return ""
	}
	for i := k; i < len(toks) && n < maxSubjectWords; i++ {
		t := toks[i]
		if clauseEnd(t) || (i > k && (t.Tag == "CD" && isDigit(t.Text[0]) || t.Text == "compared" || t.Text == "than")) {
			break
		}
		if start < 0 {
			if t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "RB" {
				continue
			}
			start = t.Start
		}
		end = t.End
		n++
	}
	if start < 0 {
		return ""
	}
	return strings.TrimRight(text[start:end], " ,")
}

// phraseBefore reads the subject of the verb nearest before token k: the
// words from the start of the clause to that verb.
func phraseBefore(text string, toks []nlp.Token, k int) string {
	v := -1
	for i := k - 1; i >= 0 && i >= k-8; i-- {
		if clauseEnd(toks[i]) {
			break
		}
		if strings.HasPrefix(toks[i].Tag, "VB") || toks[i].Tag == "MD" {
			// a change verb with its object: "reducing re-referral rates
			// from 37%" is about the rates
			if obj := changeObject(text, toks, i, k); obj != "" {
				return obj
			}
			v = i
			// the whole verb group: "had increased", "has been reduced"
			for v > 0 && (strings.HasPrefix(toks[v-1].Tag, "VB") || toks[v-1].Tag == "MD" || toks[v-1].Tag == "RB") {
				v--
			}
			break
		}
	}
	if v <= 0 {
		return ""
	}
	s := v - 1
	for s > 0 && !clauseEnd(toks[s-1]) && v-s < maxSubjectWords {
		if strings.HasPrefix(toks[s-1].Tag, "VB") && toks[s-1].Tag != "VBG" && toks[s-1].Tag != "VBN" {
			break // "The council said [referrals]"
		}
		s--
	}
	if s >= v {
		return ""
	}
	// "timescales for court proceedings, which now stand at 22 weeks": the
	// subject is what "which" stands for, before it
	if s == v-1 && (toks[s].Text == "which" || toks[s].Text == "that" || toks[s].Text == "who") {
		r := s
		for r > 0 && (clauseEnd(toks[r-1]) && toks[r-1].Text == "," || toks[r-1].Text == "which") {
			r--
		}
		return nounPhraseBefore(text, toks, r)
	}
	phrase := text[toks[s].Start:toks[v-1].End]
	if anaphor(strings.Fields(phrase)[0]) && len(strings.Fields(phrase)) <= 2 {
		return ""
	}
	return phrase
}

func clauseEnd(t nlp.Token) bool {
	switch t.Text {
	case ",", ";", ":", "(", ")", ".", "!", "?", "which", "while", "whereas", "because", "but", "although", "—":
		return true
	}
	return false
}

// startsWithVerb reports whether token k is a verb: a number followed by a
// verb ("784 were from the police") counts what the clause before names.
func startsWithVerb(toks []nlp.Token, k int) bool {
	return k < len(toks) && (strings.HasPrefix(toks[k].Tag, "VB") || toks[k].Tag == "MD")
}

// sentenceOpeners are capitalised words that open a sentence before a
// number without naming anything: "In 2014", "Of 2,351 contacts".
var sentenceOpeners = map[string]bool{"in": true, "of": true, "at": true, "by": true, "the": true, "since": true, "from": true,
	"for": true, "over": true, "only": true, "some": true, "about": true, "around": true, "nearly": true, "almost": true,
	"until": true, "between": true, "after": true, "before": true, "during": true, "within": true, "all": true, "just": true}

var capitalBeforeRE = regexp.MustCompile(`(\S+)\s+(\S+)\s*$`)

// namedNumber reports whether the number at offset i is part of a name:
// it follows a capitalised word that does not open the sentence ("Project
// 3", "Catch 22").
func namedNumber(text string, i int) bool {
	m := capitalBeforeRE.FindStringSubmatch(lookBehind(text[:i], 128))
	if m == nil {
		// the number's only word before it opens the sentence: "Project 3 provides"
		w := strings.TrimSpace(text[:i])
		return w != "" && !strings.Contains(w, " ") && w[0] >= 'A' && w[0] <= 'Z' && !sentenceOpeners[strings.ToLower(w)] &&
			!strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, ",")
	}
	w := m[2]
	if w == "" || w[0] < 'A' || w[0] > 'Z' || strings.ToUpper(w) == w || strings.ContainsAny(w[len(w)-1:], ":;,.)") {
		return false
	}
	prev := m[1]
	return !strings.HasSuffix(prev, ".") && !strings.HasSuffix(prev, ":")
}

// lookBehind is the end of s, some n bytes of it, for the patterns that
// read the words just before a number: run on the whole sentence before
// each number, they cost time in the square of the sentence's length.
func lookBehind(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Number prints a value without needless decimals.
func Number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// asciiLower lower-cases the ASCII letters of s and leaves every other byte
// alone, so that offsets into the result are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// matchesIf runs re over s only when s holds one of the keys: most
// sentences hold none, and a substring search is far cheaper than a
// pattern.
func matchesIf(re *regexp.Regexp, s string, keys ...string) [][]int {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return re.FindAllStringSubmatchIndex(s, -1)
		}
	}
	return nil
}

// timeWords reports whether a lower-cased sentence names a unit of time.
func timeWords(s string) bool {
	for _, k := range []string{"hour", "day", "week", "month", "year", "quarter", "one-", "-off", "point"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// maskClasses are the reasons data/notmetrics.txt gives for a span to
// hold no metric.
var maskClasses = map[string]bool{"reference": true, "age": true, "level": true, "name": true,
	"threshold": true, "frequency": true, "period": true}

// parseMasks reads data/notmetrics.txt: lines of class, key words and a
// pattern, with the macros {n}, {d}, {w} and {a} for numbers.
func parseMasks(data string) ([]guarded, error) {
	macros := strings.NewReplacer("{n}", `(?:\d+(?:\.\d+)?|`+wordNumPat+`)`, "{d}", `\d+(?:\.\d+)*`, "{w}", wordNumPat,
		"{a}", `(?:\d{1,2}|`+wordNumPat+`)`)
	var out []guarded
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.SplitN(l, " ", 3)
		if len(f) != 3 {
			return nil, fmt.Errorf("notmetrics.txt:%d: want class, key and pattern", n)
		}
		if !maskClasses[f[0]] {
			return nil, fmt.Errorf("notmetrics.txt:%d: unknown class %q", n, f[0])
		}
		re, err := regexp.Compile(macros.Replace(strings.TrimSpace(f[2])))
		if err != nil {
			return nil, fmt.Errorf("notmetrics.txt:%d: %w", n, err)
		}
		out = append(out, guarded{keys: strings.Split(f[1], "|"), re: re})
	}
	return out, sc.Err()
}

// guarded is a pattern with the words that must be present for it to
// match, tested first because a substring search costs far less.
type guarded struct {
	keys []string
	re   *regexp.Regexp
}

// holds reports whether s may match: it holds one of the keys (or a letter
// next to a digit, for the letterDigit key), or there are no keys.
func (g guarded) holds(s string) bool {
	if g.keys == nil {
		return true
	}
	if len(g.keys) == 1 && g.keys[0] == letterDigit[0] {
		for i := 1; i < len(s); i++ {
			a, b := s[i-1], s[i]
			if isLetter(a) && (isDigit(b) || b == '-') || isDigit(a) && isLetter(b) {
				return true
			}
		}
		return false
	}
	for _, k := range g.keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// window is how far around a number the masks look, in bytes.
const window = 48

// windows are the stretches of a sentence around its numbers (digits or
// number words), widened to spaces and merged where they meet.
func (x *Extractor) windows(low string, ws []word) [][2]int {
	var out [][2]int
	for _, w := range ws {
		if !strings.ContainsAny(w.text, "0123456789") && !x.isNumberWord(w.text) {
			continue
		}
		a, b := max(0, w.start-window), min(len(low), w.end+window)
		for a > 0 && low[a-1] != ' ' {
			a--
		}
		for b < len(low) && low[b] != ' ' {
			b++
		}
		if n := len(out); n > 0 && a <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], b)
			continue
		}
		out = append(out, [2]int{a, b})
	}
	return out
}

// isNumberWord reports whether a lower-case word is a spelled number, a
// fraction or a factor ("three", "forty-three", "quarters", "doubled").
func (x *Extractor) isNumberWord(t string) bool {
	a, b, hyphen := strings.Cut(t, "-")
	for _, part := range []string{a, b} {
		if _, ok := x.numbers.num[part]; ok {
			return true
		}
		if _, ok := x.numbers.frac[part]; ok {
			return true
		}
		if _, ok := x.numbers.factor[part]; ok {
			return true
		}
		if _, ok := x.numbers.scale[part]; ok {
			return true
		}
		if !hyphen {
			break
		}
	}
	return false
}

// nounFollows reports whether the lower-cased text after a number goes on
// with a word that is not a verb's helper: "24 children" but not "13 are".
func nounFollows(after string) bool {
	f := strings.Fields(after)
	if len(f) == 0 {
		return false
	}
	w := strings.Trim(f[0], ".,;:()")
	switch w {
	case "", "are", "is", "were", "was", "have", "has", "had", "will", "would", "can", "could":
		return false
	}
	return w[0] >= 'a' && w[0] <= 'z'
}

// changeObject is the noun phrase between a change verb at token v and the
// number at token k ("reducing re-referral rates from 37%"), or "".
func changeObject(text string, toks []nlp.Token, v, k int) string {
	w := strings.ToLower(toks[v].Text)
	if !changeVerbs[w] {
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

// changeVerbs are the verbs of change whose object a number measures.
var changeVerbs = map[string]bool{"reducing": true, "reduced": true, "reduce": true, "increasing": true, "increased": true,
	"increase": true, "improving": true, "improved": true, "cutting": true, "cut": true, "lowering": true, "lowered": true,
	"raising": true, "raised": true, "halving": true, "doubling": true}

// nounPhraseBefore is the stretch from the start of the clause to token k
// (not included), at most maxSubjectWords long: the noun phrase a relative
// clause hangs on.
func nounPhraseBefore(text string, toks []nlp.Token, k int) string {
	s := k
	for s > 0 && !clauseEnd(toks[s-1]) && k-s < maxSubjectWords {
		if strings.HasPrefix(toks[s-1].Tag, "VB") && toks[s-1].Tag != "VBG" && toks[s-1].Tag != "VBN" {
			break
		}
		s--
	}
	if s >= k {
		return ""
	}
	return text[toks[s].Start:toks[k-1].End]
}
