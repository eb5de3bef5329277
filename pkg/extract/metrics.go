package extract

import (
	"bufio"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

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
	digitsPat = `(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`
	monthPat  = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
)

var (
	// spans that hold digits but no metric: dates, years, ages, codes,
	// references, phone numbers, list numbers, footnote digits
	notMetricRE = regexp.MustCompile(`(?i)` +
		`\b\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|&)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+` + monthPat + `\b(?:\s+(?:19|20)\d\d)?` +
		`|\b` + monthPat + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b` +
		`|\b(?:19|20)\d\d\s*(?:-|–|/|to)\s*(?:(?:19|20)?\d\d)\b|\b20[012]\d[0-9]{2}\b` +
		`|\b(?:19[5-9]\d|20[0-4]\d)s?\b` +
		`|\b\d{1,2}[:.]\d\d\s*(?:am|pm)\b|\b\d{1,2}\s*(?:am|pm)\b|\b24/7\b|\b\d+/\d+\b` +
		`|\b0\d{2,4}\s?\d{3}\s?\d{3,4}\b` +
		`|\b[a-z]{1,2}\d[a-z\d]?\s\d[a-z]{2}\b` +
		`|\b[a-z]+-\d+\b|\b\d+(?:st|nd|rd|th)\b|\b\d+[a-z]+\d*\b|\b[a-z]+\d+[a-z]*\b` +
		`|\b(?:section|sections|s\.|paragraphs?|para|pages?|part|chapter|regulation|schedule|article|grade|key\s+stage|year|years|level|tier|outcomes?|enabler|standard|phase|stage|appendix|annex|figure|table|recommendations?|question|number|no\.|step|priority|area|point|ofsted|ilacs|sif)\s+(?:\d+(?:\.\d+)*|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*(?:,|and|to|-|–)\s*\d+(?:\.\d+)*)*\b` +
		`|\b(?:aged?|ages|ageing|turn(?:s|ed)?|under|over|between)\s+(?:between\s+|under\s+|over\s+|from\s+)?\d{1,2}(?:\s*(?:-|–|to|and)\s*\d{1,2})?(?:\s*-?\s*(?:years?|yrs)(?:[- ]old)?(?:\s+of\s+age)?)?(?:\s+and\s+(?:over|above|under))?\b(?:\s*(?:years?\s+old|year-olds?|years\s+of\s+age))?` +
		`|\b\d{1,2}\s*-?\s*(?:and|to|–|-)?\s*(?:\d{1,2}\s*-?\s*)?(?:years?[- ]old|year-olds?|years\s+of\s+age|yrs)\b` +
		`|\b\d{1,2}-(?:\s+and\s+\d{1,2}-)?year` +
		`|\b(?:under|over)[- ]\d{1,2}s\b` +
		`|\b\d{1,2}\+`)
	// a list or paragraph number opening a sentence, a footnote digit glued
	// to a word
	leadNumberRE   = regexp.MustCompile(`^\s*\d{1,3}(?:\.\d{1,2})*\.?\s`)
	footnoteGlueRE = regexp.MustCompile(`[a-zA-Z?)’'”.,]\d{1,2}\b`)

	percentRE = regexp.MustCompile(`(?i)\b(` + digitsPat + `)\s*(?:%|per\s?cent\b|percent\b)`)
	pointsRE  = regexp.MustCompile(`(?i)\b(` + digitsPat + `)\s+percentage\s+points?\b`)
	moneyRE   = regexp.MustCompile(`(?i)(£|\$|€)\s?(` + digitsPat + `)(?:\s?(m|bn|k|million|billion|thousand)\b)?`)
	rateRE    = regexp.MustCompile(`(?i)\b(` + digitsPat + `)\s+(?:per|for\s+every|in\s+every)\s+(100|1,000|1000|10,000|10000|100,000|100000|thousand|hundred)\b`)
	durationRE = regexp.MustCompile(`(?i)\b(` + digitsPat + `)(?:\s*(?:-|–|to)\s*` + digitsPat + `)?[\s-]+(?:working\s+|calendar\s+|school\s+)?(hours?|days?|weeks?|months?|years?)\b`)
	digitsRE   = regexp.MustCompile(`\b` + digitsPat + `\b`)
	outOfRE    = regexp.MustCompile(`(?i)^\s*(?:out\s+of|in)\s+(` + digitsPat + `|[a-z]+)\b`)
	qualifierRE = regexp.MustCompile(`(?i)(?:^|\W)(nearly|almost|approximately|approx\.?|around|about|roughly|over|more\s+than|less\s+than|fewer\s+than|under|up\s+to|at\s+least|just\s+over|just\s+under|just|only|some|circa|c\.)\s*$`)
	wordNumberRE = regexp.MustCompile(`(?i)\b[a-z]+(?:-[a-z]+)?\b`)
)

// candidate is a number found in a sentence before its subject and
// direction are known.
type candidate struct {
	report.Metric
	start, end int // the matched text in the sentence
}

// metrics finds the numbers a sentence states about the service.
func (x *Extractor) metrics(text string) ([]candidate, error) {
	if !hasNumber(text) {
		return nil, nil
	}
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
	if m := leadNumberRE.FindStringIndex(text); m != nil {
		cover(m[0], m[1])
	}
	for _, m := range footnoteGlueRE.FindAllStringIndex(text, -1) {
		cover(m[0]+1, m[1])
	}
	for _, m := range notMetricRE.FindAllStringIndex(text, -1) {
		cover(m[0], m[1])
	}

	for _, m := range pointsRE.FindAllStringSubmatchIndex(text, -1) {
		add(candidate{Metric: report.Metric{Value: parseDigits(text[m[2]:m[3]]), Unit: report.Points}, start: m[0], end: m[1]})
	}
	for _, m := range percentRE.FindAllStringSubmatchIndex(text, -1) {
		add(candidate{Metric: report.Metric{Value: parseDigits(text[m[2]:m[3]]), Unit: report.Percent}, start: m[0], end: m[1]})
	}
	for _, m := range moneyRE.FindAllStringSubmatchIndex(text, -1) {
		v := parseDigits(text[m[4]:m[5]])
		if m[6] >= 0 {
			v *= map[string]float64{"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3, "thousand": 1e3}[strings.ToLower(text[m[6]:m[7]])]
		}
		cur := map[string]string{"£": "GBP", "$": "USD", "€": "EUR"}[text[m[2]:m[3]]]
		add(candidate{Metric: report.Metric{Value: v, Unit: report.Money, Currency: cur}, start: m[0], end: m[1]})
	}
	for _, m := range rateRE.FindAllStringSubmatchIndex(text, -1) {
		per := parseDigits(text[m[4]:m[5]])
		switch strings.ToLower(text[m[4]:m[5]]) {
		case "thousand":
			per = 1000
		case "hundred":
			per = 100
		}
		add(candidate{Metric: report.Metric{Value: parseDigits(text[m[2]:m[3]]), Unit: report.Rate, Per: per}, start: m[0], end: m[1]})
	}
	for _, m := range durationRE.FindAllStringSubmatchIndex(text, -1) {
		u := strings.ToLower(text[m[4]:m[5]])
		if !strings.HasSuffix(u, "s") {
			u += "s"
		}
		add(candidate{Metric: report.Metric{Value: parseDigits(text[m[2]:m[3]]), Unit: report.Duration, TimeUnit: u}, start: m[0], end: m[1]})
	}
	out = append(out, x.wordMetrics(text, masked, cover)...)
	for _, m := range digitsRE.FindAllStringIndex(text, -1) {
		if masked(m[0], m[1]) {
			continue
		}
		v := parseDigits(text[m[0]:m[1]])
		// a bare year is a date, not a count
		if v >= 1900 && v <= 2099 && !strings.Contains(text[m[0]:m[1]], ",") {
			continue
		}
		add(candidate{Metric: report.Metric{Value: v, Unit: report.Count}, start: m[0], end: m[1]})
	}
	if len(out) == 0 {
		return nil, nil
	}
	slices.SortFunc(out, func(a, b candidate) int { return a.start - b.start })
	for i := range out {
		if q := qualifierRE.FindStringSubmatch(text[:out[i].start]); q != nil {
			out[i].Qualifier = strings.ToLower(q[1])
		}
	}
	x.directions(text, out)
	if err := subjects(text, out); err != nil {
		return nil, err
	}
	return out, nil
}

// hasNumber is a cheap test that a sentence may hold a metric, so that the
// costlier work runs only on the sentences that need it.
func hasNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	l := strings.ToLower(s)
	for _, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "teen", "ty", "half", "third", "quarter", "double", "twice", "halved", "treble", "triple", "dozen", "hundred", "thousand"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
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
			if d, ok := x.valueOf(text[end+m[2] : end+m[3]]); ok && d > v && strings.HasPrefix(strings.TrimSpace(text[end:]), "in") {
				out = append(out, candidate{Metric: report.Metric{Value: round2(100 * v / d), Unit: report.Percent, Text: text[s : end+m[1]]}, start: s, end: end + m[1]})
				cover(s, end+m[1])
				k += used
				continue
			}
		}
		if v == 1 && !countableOne(prev, next, after) {
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
	case "no", "any", "the", "this", "that", "which", "each", "every", "at", "only", "someone", "another":
		return false
	}
	switch next {
	case "of", "another", "or", "and", "to", "day", "point", "stage", "time", "way", "place", "hand", "side", "thing", "off":
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
	fromToRE   = regexp.MustCompile(`(?i)\bfrom\s*$`)
	toRE       = regexp.MustCompile(`(?i)\bto\s*$`)
	clauseStop = regexp.MustCompile(`[;:]|,\s+(?:and|but|while|whereas|although)\s|\bwhich\b|\bwhile\b|\bbut\b`)
)

// directions marks the candidates that are changes: "from X to Y" compares
// the two; a change word before a number in its clause ("increased by",
// "an additional", "reduced to") or just after it ("a 20% increase").
func (x *Extractor) directions(text string, cs []candidate) {
	lower := strings.ToLower(text)
	// from X to Y
	for i := range cs {
		if cs[i].Direction != "" || !fromToRE.MatchString(text[max(0, cs[i].start-30):cs[i].start]) {
			continue
		}
		for j := i + 1; j < len(cs); j++ {
			if cs[j].Unit != cs[i].Unit {
				continue
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
			break
		}
	}
	for i := range cs {
		if cs[i].Direction != "" {
			continue
		}
		// the clause before the number
		from := 0
		if ms := clauseStop.FindAllStringIndex(lower[:cs[i].start], -1); len(ms) > 0 {
			from = ms[len(ms)-1][1]
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

var (
	ofNounRE = regexp.MustCompile(`(?i)^\s*(?:of|in)\s+`)
	leadOfRE = regexp.MustCompile(`(?i)\b(?:of|out\s+of)\s+(?:the\s+)?` + digitsPat + `\s+([a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3})`)
)

// subjects names what each number is about, from the sentence's parts of
// speech: the noun phrase the number counts ("498 children"), the phrase
// after "of" ("64% of social workers"), or the noun phrase before the verb
// that the number completes ("caseloads had increased by 45%").
func subjects(text string, cs []candidate) error {
	toks, err := nlp.Tag(text)
	if err != nil {
		return err
	}
	at := func(off int) int { // the first token at or after offset off
		for i, t := range toks {
			if t.End > off {
				return i
			}
		}
		return len(toks)
	}
	for i := range cs {
		c := &cs[i]
		j := at(c.end)
		var np string
		rest := text[c.end:]
		switch {
		case c.Unit == report.Rate:
			np = nounPhrase(text, toks, j)
			np = strings.TrimSpace("rate " + np)
		case ofNounRE.MatchString(rest):
			k := at(c.end + len(ofNounRE.FindString(rest)))
			np = nounPhrase(text, toks, k)
		default:
			np = nounPhrase(text, toks, j)
		}
		if np == "" || c.Unit == report.Duration || c.Unit == report.Money || c.Unit == report.Factor || (c.Unit == report.Percent && !ofNounRE.MatchString(rest)) {
			if s := subjectPhrase(text, toks, at(c.start)); s != "" {
				if np != "" {
					np = s + " " + np
				} else {
					np = s
				}
			}
		}
		if np == "" {
			if m := leadOfRE.FindStringSubmatch(text); m != nil {
				np = m[1]
			}
		}
		c.Subject = strings.ToLower(strings.Join(strings.Fields(np), " "))
	}
	return nil
}

// nounPhrase reads the noun phrase that starts at token k: determiners,
// adjectives and nouns up to the last noun, at most six words.
func nounPhrase(text string, toks []nlp.Token, k int) string {
	start, end := -1, -1
	n := 0
	for i := k; i < len(toks) && n < 7; i++ {
		t := toks[i]
		tag := t.Tag
		switch {
		case i == k && (tag == "DT" || tag == "PRP$"):
			continue
		case strings.HasPrefix(tag, "NN") || tag == "JJ" || tag == "JJR" || tag == "VBN" && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Tag, "NN") ||
			tag == "VBG" && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Tag, "NN") || tag == "POS" || t.Text == "’s" || t.Text == "'s" || tag == "HYPH":
			if start < 0 {
				start = t.Start
			}
			if strings.HasPrefix(tag, "NN") || tag == "POS" {
				end = t.End
			}
			n++
			continue
		case tag == "CC" && end > 0 && i+1 < len(toks) && (strings.HasPrefix(toks[i+1].Tag, "NN") || toks[i+1].Tag == "JJ"):
			n++
			continue
		}
		break
	}
	if start < 0 || end < 0 {
		return ""
	}
	return text[start:end]
}

// subjectPhrase is the noun phrase that governs the verb before token k:
// the nearest noun phrase before a verb, in the same clause.
func subjectPhrase(text string, toks []nlp.Token, k int) string {
	// walk back to the verb before the number
	v := -1
	for i := k - 1; i >= 0 && i >= k-8; i-- {
		t := toks[i]
		if t.Text == "," || t.Text == ";" || t.Text == ":" {
			break
		}
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			v = i
		}
	}
	if v < 0 {
		return ""
	}
	// the noun phrase ending just before the verb group
	e := v - 1
	for e >= 0 && (strings.HasPrefix(toks[e].Tag, "VB") || toks[e].Tag == "MD" || toks[e].Tag == "RB") {
		e--
	}
	if e < 0 || !(strings.HasPrefix(toks[e].Tag, "NN") || toks[e].Tag == "PRP") {
		return ""
	}
	s := e
	for s > 0 {
		t := toks[s-1].Tag
		if strings.HasPrefix(t, "NN") || t == "JJ" || t == "POS" || t == "VBG" || t == "IN" && toks[s-1].Text == "of" || t == "DT" {
			s--
			continue
		}
		break
	}
	if toks[s].Tag == "PRP" && s == e {
		return ""
	}
	return text[toks[s].Start:toks[e].End]
}
