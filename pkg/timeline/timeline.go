package timeline

import (
	"cmp"
	_ "embed"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/findings/findings/pkg/ofsted"
	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/theme"
)

//go:embed data/measures.txt
var measuresTxt string

var measureLexicon = sync.OnceValue(func() *theme.Lexicon {
	l, err := theme.Compile(measuresTxt)
	if err != nil {
		panic("timeline: data/measures.txt: " + err.Error()) // the embedded file is tested
	}
	return l
})

// Authority is one council's inspections in date order.
type Authority struct {
	// Name is the council's name: "Birmingham".
	Name string `json:"authority"`
	// Key is the same for every way of writing the name: "birmingham".
	Key string `json:"key"`
	// Reports is how many of the reports read are about it.
	Reports int `json:"reports"`
	// Grades says the graded inspections in order: "inadequate 2016 →
	// requires improvement 2019 → good 2023".
	Grades string `json:"grades"`
	// Change compares the latest grade with the one before: improved,
	// declined, unchanged, or "" with fewer than two grades.
	Change string `json:"change"`
	// Inspections are the reports, and the grades later reports give for
	// inspections whose report was not read, oldest first.
	Inspections []Inspection `json:"inspections"`
	// Measures are the numbers that more than one inspection states.
	Measures []Measure `json:"measures"`
}

// Inspection is one inspection or visit of an authority.
type Inspection struct {
	// Date is YYYY-MM-DD, or YYYY when only the year is known.
	Date string `json:"date"`
	Year int    `json:"year"`
	// DateFrom says where the date comes from: "report", "file name",
	// "text" (the latest year the report mentions) or "later report".
	DateFrom string `json:"date_from"`
	// InspectionType is the report's (report.FullInspection, ...).
	InspectionType string `json:"inspection_type"`
	// Grade is the headline grade: the overall effectiveness, or, for a
	// report that gives none (from April 2026), the leaders' grade; "" for
	// a visit, which is not graded.
	Grade string `json:"grade"`
	// GradeScope is what Grade grades: report.ScopeOverall or
	// report.ScopeLeadership.
	GradeScope string `json:"grade_scope,omitempty"`
	// Grades are all the report's own grades, one a scope.
	Grades []ScopeGrade `json:"grades"`
	// FromLaterReport is true when no report of this inspection was read
	// and a later report states its grade.
	FromLaterReport bool `json:"from_later_report"`
	// Source is the report; for a grade from a later report, that report.
	Source string `json:"source"`
	// Evidence is the later report's sentence that states the grade.
	Evidence string `json:"evidence,omitempty"`
}

// ScopeGrade is a grade and what it is about.
type ScopeGrade struct {
	Scope string `json:"scope"`
	Grade string `json:"grade"`
}

// Measure is one kind of number across an authority's inspections.
type Measure struct {
	// Key names the measure and its unit: "caseloads", "agency_staff:percent".
	Key string `json:"key"`
	// Label says it for people: "agency staff (%)".
	Label string `json:"label"`
	// Unit is a report unit constant; Per and TimeUnit complete it.
	Unit     string  `json:"unit"`
	Per      float64 `json:"per,omitempty"`
	TimeUnit string  `json:"time_unit,omitempty"`
	// Values are one an inspection that states it, oldest first.
	Values []Value `json:"values"`
}

// Value is a measure as one report states it.
type Value struct {
	Date   string  `json:"date"`
	Year   int     `json:"year"`
	Value  float64 `json:"value"`
	Text   string  `json:"text"`
	Source string  `json:"source"`
	// Sentence is where the report states it.
	Sentence string `json:"sentence"`
}

// Builder gathers what timelines need from reports as they stream past
// (a few hundred bytes a report, never the report) and builds the
// timelines at the end. It is not safe for concurrent use.
type Builder struct {
	digests []digest
}

// New returns an empty Builder.
func New() *Builder { return &Builder{} }

// digest is what a timeline keeps of a report.
type digest struct {
	key, name      string
	source         string
	date, dateFrom string
	year           int
	kind           string
	grade, scope   string
	grades         []ScopeGrade
	previous       []cited
	values         map[string]measured
}

// cited is an earlier overall grade a report states.
type cited struct {
	grade    string
	year     int
	sentence string
}

type measured struct {
	label, unit, timeUnit string
	per                   float64
	value                 float64
	text, sentence        string
}

var (
	yearRE     = regexp.MustCompile(`\b(?:19[89]\d|20\d\d)\b`)
	fileDateRE = regexp.MustCompile(`(?i)(?:^|\D)(\d{1,2})[-_ .](january|february|march|april|may|june|july|august|september|october|november|december)[-_ .]((?:19|20)\d\d)(?:\D|$)`)
	fileYearRE = regexp.MustCompile(`(?:^|\D)((?:19[89]|20\d)\d)(?:\D|$)`)
	months     = map[string]string{"january": "01", "february": "02", "march": "03", "april": "04", "may": "05", "june": "06",
		"july": "07", "august": "08", "september": "09", "october": "10", "november": "11", "december": "12"}
	// a number about a comparison, not about the authority
	comparatorRE = regexp.MustCompile(`(?i)\b(?:national|england|statistical neighbour|comparator|similar (?:authorities|areas|councils)|regional|the country)`)
)

// graded says whether a report's own grades count: a visit's letter is not
// graded, so a grade in it is an earlier one or about something else.
func graded(kind string) bool {
	return kind == report.FullInspection || kind == ""
}

// Add takes what the timeline needs from r.
func (b *Builder) Add(r *report.Report) {
	d := digest{source: r.Source, kind: r.Facts.InspectionType}
	d.key, d.name = r.Facts.CouncilKey, r.Facts.CouncilName
	if d.key == "" && d.name == "" {
		// a report the extractor did not settle (built by hand, or read
		// back from JSON, which leaves the council out)
		d.key, d.name = ofsted.Council(r.Facts.Authority, r.Facts.Title, r.Source)
	}
	d.date, d.year, d.dateFrom = dateOf(r)
	seen := map[string]bool{}
	for _, j := range r.Judgements {
		if j.Previous {
			if j.Scope == report.ScopeOverall && j.Year > 0 && Rank(j.Grade) > 0 && (d.year == 0 || j.Year <= d.year) {
				d.previous = append(d.previous, cited{grade: j.Grade, year: j.Year, sentence: j.Sentence})
			}
			continue
		}
		if !graded(d.kind) || seen[j.Scope] || Rank(j.Grade) == 0 {
			continue
		}
		seen[j.Scope] = true
		d.grades = append(d.grades, ScopeGrade{Scope: j.Scope, Grade: j.Grade})
	}
	for _, scope := range []string{report.ScopeOverall, report.ScopeLeadership} {
		if i := slices.IndexFunc(d.grades, func(g ScopeGrade) bool { return g.Scope == scope }); i >= 0 && d.grade == "" {
			d.grade, d.scope = d.grades[i].Grade, scope
		}
	}
	d.values = measures(r.Metrics)
	b.digests = append(b.digests, d)
}

// dateOf is the report's date: its own, else one in its file name, else the
// latest year it mentions.
func dateOf(r *report.Report) (date string, year int, from string) {
	if y := yearOf(r.Facts.Date); y > 0 {
		return r.Facts.Date, y, "report"
	}
	base := filepath.Base(r.Source)
	if m := fileDateRE.FindStringSubmatch(base); m != nil {
		day := m[1]
		if len(day) == 1 {
			day = "0" + day
		}
		y, _ := strconv.Atoi(m[3])
		return m[3] + "-" + months[strings.ToLower(m[2])] + "-" + day, y, "file name"
	}
	if ms := fileYearRE.FindAllStringSubmatch(base, -1); ms != nil {
		y, _ := strconv.Atoi(ms[len(ms)-1][1])
		return strconv.Itoa(y), y, "file name"
	}
	best := 0
	look := func(s string) {
		for _, m := range yearRE.FindAllString(s, -1) {
			if y, _ := strconv.Atoi(m); y > best {
				best = y
			}
		}
	}
	look(r.Facts.Title)
	for _, j := range r.Judgements {
		look(j.Sentence)
	}
	for _, f := range r.Findings {
		look(f.Text)
	}
	if best > 0 {
		return strconv.Itoa(best), best, "text"
	}
	return "", 0, ""
}

func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}

// measures finds the measure each of a report's numbers is about and keeps
// the first number of each measure.
func measures(ms []report.Metric) map[string]measured {
	inSentence := map[string]int{}
	for _, m := range ms {
		inSentence[m.Sentence]++
	}
	out := map[string]measured{}
	for _, m := range ms {
		if m.Direction != "" || comparatorRE.MatchString(m.Subject) {
			continue // a change is no level; a national figure is not the council's
		}
		suffix := ""
		switch m.Unit {
		case report.Count:
		case report.Percent:
			suffix = "%"
		case report.Rate:
			suffix = "per " + strconv.FormatFloat(m.Per, 'f', -1, 64)
		case report.Duration:
			suffix = m.TimeUnit
		default:
			continue
		}
		if !strings.ContainsAny(m.Text, "0123456789") {
			continue // "two care leavers told us", "half of them": prose, not a statistic
		}
		if w := wordBefore(m.Sentence, m.Text); ageWords[w] && m.Unit == report.Count || w == "within" && m.Unit == report.Duration {
			continue // "care leavers over 21" is an age; "within 72 hours" a target
		}
		key, label, units := measureOf(m.Subject)
		if key == "" && inSentence[m.Sentence] == 1 && m.Unit != report.Count {
			// a count's subject must say what it counts
			key, label, units = measureOf(m.Sentence)
		}
		if key == "" || !slices.Contains(units, m.Unit) {
			continue
		}
		if suffix != "" {
			key += ":" + strings.ReplaceAll(suffix, " ", "_")
			label += " (" + suffix + ")"
		}
		if _, ok := out[key]; ok {
			continue
		}
		out[key] = measured{label: label, unit: m.Unit, per: m.Per, timeUnit: m.TimeUnit, value: m.Value, text: m.Text, sentence: m.Sentence}
	}
	return out
}

// measureOf is the first measure of the lexicon that s names, and the
// units it can be stated in (the label is "label | unit unit...").
func measureOf(s string) (key, label string, units []string) {
	ms := measureLexicon().Match(s)
	if len(ms) == 0 {
		return "", "", nil
	}
	for _, t := range measureLexicon().Themes() {
		if t.ID == ms[0].Theme {
			label, us, _ := strings.Cut(t.Label, "|")
			return t.ID, strings.TrimSpace(label), strings.Fields(us)
		}
	}
	return "", "", nil
}

var ageWords = map[string]bool{"over": true, "under": true, "aged": true, "age": true, "of": true, "turn": true, "turning": true,
	"approach": true, "until": true, "to": true, "from": true, "reach": true, "reaching": true}

// wordBefore is the lower-case word before the first text in sentence.
func wordBefore(sentence, text string) string {
	i := strings.Index(sentence, text)
	if i <= 0 {
		return ""
	}
	f := strings.Fields(sentence[:i])
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(f[len(f)-1], "(,;:"))
}

// Rank orders grades from worst (1, inadequate) to best (4, outstanding);
// "requires improvement" and the older "adequate" share 2; 0 is no grade.
// The ranks are pkg/ofsted's list.
func Rank(grade string) int { return ofsted.Rank(grade) }

// Authorities builds the timelines, in the order of the authorities'
// names.
func (b *Builder) Authorities() []Authority {
	groups := map[string][]digest{}
	var keys []string
	for _, d := range b.digests {
		if _, ok := groups[d.key]; !ok {
			keys = append(keys, d.key)
		}
		groups[d.key] = append(groups[d.key], d)
	}
	var out []Authority
	for _, k := range keys {
		out = append(out, build(k, groups[k]))
	}
	slices.SortFunc(out, func(a, b Authority) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Key, b.Key))
	})
	return out
}

func build(key string, ds []digest) Authority {
	a := Authority{Key: key, Reports: len(ds), Inspections: []Inspection{}, Measures: []Measure{}}
	// the name: the shortest way it is written, then the first in order
	for _, d := range ds {
		if a.Name == "" || len(d.name) < len(a.Name) || len(d.name) == len(a.Name) && d.name < a.Name {
			a.Name = d.name
		}
	}
	if a.Name == "" {
		a.Name = "(authority unknown)"
	}
	slices.SortStableFunc(ds, func(x, y digest) int {
		return cmp.Or(cmp.Compare(undated(x.year), undated(y.year)), cmp.Compare(x.year, y.year),
			cmp.Compare(x.date, y.date), cmp.Compare(x.source, y.source))
	})
	// one report of an inspection is enough (a PDF and a web page of it)
	kept := ds[:0:0]
	for _, d := range ds {
		if len(d.date) == 10 && slices.ContainsFunc(kept, func(k digest) bool {
			return k.date == d.date && k.kind == d.kind && k.grade == d.grade
		}) {
			continue
		}
		kept = append(kept, d)
	}
	var values []map[string]measured
	for _, d := range kept {
		a.Inspections = append(a.Inspections, Inspection{
			Date: d.date, Year: d.year, DateFrom: d.dateFrom, InspectionType: d.kind,
			Grade: d.grade, GradeScope: d.scope, Grades: append([]ScopeGrade{}, d.grades...), Source: d.source,
		})
		values = append(values, d.values)
	}
	a.Inspections = append(a.Inspections, fromLater(kept)...)
	slices.SortStableFunc(a.Inspections, func(x, y Inspection) int {
		return cmp.Or(cmp.Compare(undated(x.Year), undated(y.Year)), cmp.Compare(x.Year, y.Year), cmp.Compare(x.Date, y.Date))
	})
	a.Grades, a.Change = chain(a.Inspections)
	a.Measures = recurring(kept, values)
	return a
}

// undated puts what has no year last.
func undated(year int) int {
	if year == 0 {
		return 1
	}
	return 0
}

// fromLater turns the earlier grades that later reports state into
// inspections, for the years whose report was not read. A year that a read
// report grades (or the year either side, with the same grade: an
// inspection can end in the year after it starts) needs none. When later
// reports disagree, the grade most of them state wins, then the earliest
// report's.
func fromLater(ds []digest) []Inspection {
	type claim struct {
		grade, source, sentence string
		n, order                int
	}
	byYear := map[int][]*claim{}
	order := 0
	for _, d := range ds {
		for _, c := range d.previous {
			if present(ds, c) {
				continue
			}
			order++
			i := slices.IndexFunc(byYear[c.year], func(x *claim) bool { return x.grade == c.grade })
			if i >= 0 {
				byYear[c.year][i].n++
				continue
			}
			byYear[c.year] = append(byYear[c.year], &claim{grade: c.grade, source: d.source, sentence: c.sentence, n: 1, order: order})
		}
	}
	var out []Inspection
	for year, cs := range byYear {
		best := slices.MinFunc(cs, func(x, y *claim) int { return cmp.Or(cmp.Compare(y.n, x.n), cmp.Compare(x.order, y.order)) })
		out = append(out, Inspection{
			Date: strconv.Itoa(year), Year: year, DateFrom: "later report", InspectionType: report.FullInspection,
			Grade: best.grade, GradeScope: report.ScopeOverall, Grades: []ScopeGrade{{Scope: report.ScopeOverall, Grade: best.grade}},
			FromLaterReport: true, Source: best.source, Evidence: best.sentence,
		})
	}
	slices.SortFunc(out, func(x, y Inspection) int { return cmp.Compare(x.Year, y.Year) })
	return out
}

func present(ds []digest, c cited) bool {
	for _, d := range ds {
		if d.grade == "" {
			continue
		}
		if d.year == c.year || (d.year == c.year-1 || d.year == c.year+1) && d.grade == c.grade {
			return true
		}
	}
	return false
}

// chain says the graded inspections in order and whether the latest grade
// is better than the one before.
func chain(is []Inspection) (string, string) {
	var parts []string
	before, last := 0, 0
	for _, in := range is {
		if in.Grade == "" {
			continue
		}
		parts = append(parts, GradeLabel(in))
		before, last = last, Rank(in.Grade)
	}
	switch {
	case before == 0:
		return strings.Join(parts, " → "), ""
	case last > before:
		return strings.Join(parts, " → "), "improved"
	case last < before:
		return strings.Join(parts, " → "), "declined"
	}
	return strings.Join(parts, " → "), "unchanged"
}

// GradeLabel says an inspection's grade in a few words: "good 2023",
// "leaders good 2026", "inadequate 2016 (from a later report)".
func GradeLabel(in Inspection) string {
	s := ofsted.Written(in.Grade)
	if in.GradeScope == report.ScopeLeadership {
		s = "leaders " + s
	}
	if in.Year > 0 {
		s += " " + strconv.Itoa(in.Year)
	}
	if in.FromLaterReport {
		s += " (from a later report)"
	}
	return s
}

// recurring lists the measures that two or more inspections state.
func recurring(ds []digest, values []map[string]measured) []Measure {
	count := map[string]int{}
	for _, vs := range values {
		for k := range vs {
			count[k]++
		}
	}
	var keys []string
	for k, n := range count {
		if n > 1 {
			keys = append(keys, k)
		}
	}
	// in the order of the lexicon (caseloads and staff first), then by unit
	order := map[string]int{}
	for i, t := range measureLexicon().Themes() {
		order[t.ID] = i
	}
	slices.SortFunc(keys, func(a, b string) int {
		ka, _, _ := strings.Cut(a, ":")
		kb, _, _ := strings.Cut(b, ":")
		return cmp.Or(cmp.Compare(order[ka], order[kb]), cmp.Compare(a, b))
	})
	out := []Measure{}
	for _, k := range keys {
		var m Measure
		for i, vs := range values {
			v, ok := vs[k]
			if !ok {
				continue
			}
			if m.Key == "" {
				m = Measure{Key: k, Label: v.label, Unit: v.unit, Per: v.per, TimeUnit: v.timeUnit}
			}
			m.Values = append(m.Values, Value{Date: ds[i].date, Year: ds[i].year, Value: v.value, Text: v.text, Source: ds[i].source, Sentence: v.sentence})
		}
		out = append(out, m)
	}
	return out
}
