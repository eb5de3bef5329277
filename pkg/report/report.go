package report

import (
	"cmp"
	"slices"
)

// Report is everything findings extracts from one document. Its JSON form is
// the tool's stable output (documented in the README, pinned by a test).
type Report struct {
	// Source names the document: a path, "-" for stdin, or a URL.
	Source string `json:"source"`
	// Facts says what the document is about.
	Facts Facts `json:"report"`
	// Findings are the evaluative sentences, in document order.
	Findings []Finding `json:"findings"`
	// Metrics are the numbers stated about the service, in document order.
	Metrics []Metric `json:"metrics"`
	// Judgements are the graded verdicts, in document order.
	Judgements []Judgement `json:"judgements"`
	// Text is the document's text, which the spans index: kept for the
	// writers that show the report itself (html), never written as JSON.
	Text string `json:"-"`
}

// Facts describe the report as a whole.
type Facts struct {
	// Authority is the council or provider inspected, e.g. "Reading".
	Authority string `json:"authority"`
	// InspectionType is one of the InspectionType constants, or "" when the
	// text does not say.
	InspectionType string `json:"inspection_type"`
	// Title is the document's title: its first heading or page title.
	Title string `json:"title"`
	// Date is the inspection or publication date as YYYY-MM-DD, or "".
	Date string `json:"date"`
	// CouncilKey and CouncilName are the council the report is about,
	// settled once by the extractor from Authority, Title and the file
	// name against the council list (pkg/ofsted): the key is the same
	// however the council is written, the name is the one to show. They
	// are not output: Authority is what the report states.
	CouncilKey  string `json:"-"`
	CouncilName string `json:"-"`
}

// Inspection types.
const (
	FullInspection  = "full_inspection"
	FocusedVisit    = "focused_visit"
	MonitoringVisit = "monitoring_visit"
	JointTargetedAI = "joint_targeted_area_inspection"
)

// Finding kinds.
const (
	Strength = "strength"
	Weakness = "weakness"
	Mixed    = "mixed"
)

// Kinds lists the finding kinds in the order reports show them.
var Kinds = []string{Strength, Weakness, Mixed}

// Span is a half-open byte range [Start, End) in the document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Finding is one evaluative sentence, or the part of one that lies on a
// single page when page furniture interrupts it.
type Finding struct {
	// Kind is strength, weakness or mixed.
	Kind string `json:"kind"`
	// Text is the sentence with its line breaks joined.
	Text string `json:"text"`
	// Section is the heading the sentence sits under, or "".
	Section string `json:"section"`
	Span
	// Rule names the rule that made the call, e.g. "contrast" or
	// "section:improve".
	Rule string `json:"rule"`
	// Cues are the words that made the call, each prefixed by + (positive)
	// or - (negative).
	Cues []string `json:"cues"`
	// Themes are the topics the sentence is about.
	Themes []string `json:"themes,omitempty"`
	// Page is the 1-based page the finding starts on, when the document has
	// pages (a PDF, or text with form feeds); else 0, left out of the JSON.
	Page int `json:"page,omitempty"`
}

// Metric units.
const (
	Percent  = "percent"
	Count    = "count"
	Money    = "money"
	Factor   = "factor"
	Rate     = "rate"
	Duration = "duration"
)

// Directions of change.
const (
	Increase = "increase"
	Decrease = "decrease"
)

// Metric is a number stated about the service.
type Metric struct {
	// Value is the number as stated: 64 for 64%, 1400000 for £1.4m, 2 for
	// "doubled", 20 (percent) for "one in five".
	Value float64 `json:"value"`
	// Unit is one of the unit constants.
	Unit string `json:"unit"`
	// Currency is the ISO code of a money metric, e.g. "GBP".
	Currency string `json:"currency,omitempty"`
	// Per is the base of a rate: 10000 in "45 per 10,000 children".
	Per float64 `json:"per,omitempty"`
	// TimeUnit is the unit of a duration: hours, days, weeks, months, years.
	TimeUnit string `json:"time_unit,omitempty"`
	// Points marks percentage points: a difference between two percentages
	// ("rose by 3 percentage points"), unit percent.
	Points bool `json:"points,omitempty"`
	// Direction is "increase", "decrease" or "" when the number is not a change.
	Direction string `json:"direction"`
	// Qualifier keeps a hedge: "nearly", "over", "up to", ...
	Qualifier string `json:"qualifier,omitempty"`
	// Subject is the noun phrase the number is about, e.g. "social workers".
	Subject string `json:"subject"`
	// Text is the matched text, e.g. "64%".
	Text string `json:"text"`
	// Sentence is the sentence the number is in.
	Sentence string `json:"sentence"`
	Span
	// Page is the 1-based page the number is on, or 0 (see Finding.Page).
	Page int `json:"page,omitempty"`
}

// Grades.
const (
	Outstanding         = "outstanding"
	Good                = "good"
	RequiresImprovement = "requires_improvement"
	Adequate            = "adequate"
	Inadequate          = "inadequate"
	NotGraded           = "not_graded"
)

// Judgement scopes.
const (
	ScopeOverall           = "overall"
	ScopeHelpAndProtection = "help_and_protection"
	ScopeChildrenInCare    = "children_in_care"
	ScopeCareLeavers       = "care_leavers"
	ScopeAdoption          = "adoption"
	ScopeLeadership        = "leadership"
	ScopeLSCB              = "lscb"
	ScopeOther             = "other"
	ScopeVisit             = "visit"
)

// Judgement is a graded verdict on the authority or one of its services.
type Judgement struct {
	// Grade is one of the grade constants.
	Grade string `json:"grade"`
	// Scope is what the grade is about: one of the scope constants.
	Scope string `json:"scope"`
	// Previous is true when the grade is from an earlier inspection.
	Previous bool `json:"previous"`
	// Year is the year of the judgement when the text says it, else 0.
	Year int `json:"year,omitempty"`
	// Text is the matched text, e.g. "Overall effectiveness Good".
	Text string `json:"text"`
	// Sentence is the sentence, table row or heading that states the grade.
	Sentence string `json:"sentence"`
	// Rule names the rule that found it: "table", "heading" or "prose".
	Rule string `json:"rule"`
	Span
	// Page is the 1-based page the grade is on, or 0 (see Finding.Page).
	Page int `json:"page,omitempty"`
}

// Sort puts every list in document order, breaking ties so that output is
// the same from run to run.
func (r *Report) Sort() {
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	slices.SortStableFunc(r.Metrics, func(a, b Metric) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	slices.SortStableFunc(r.Judgements, func(a, b Judgement) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
}

// Count returns how many findings are of the given kind.
func (r *Report) Count(kind string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Kind == kind {
			n++
		}
	}
	return n
}

// Document is the text of one report, as the extractor reads it.
type Document struct {
	// Source names where it came from: a path, "-" for stdin, or a URL.
	Source string
	// Text is the document's text, valid UTF-8.
	Text string
	// Title is the title its metadata gives (HTML), or "".
	Title string
	// Date is the publication date its metadata gives (HTML) as
	// YYYY-MM-DD, or "".
	Date string
}

// Paginate sets the page of every item from the form feeds that end the
// pages of text (a PDF's, or text converted from one by pdftotext), which
// the items' spans index, and keeps text for the writers that show it. In
// text with no form feed, a web page say, every page stays 0.
func (r *Report) Paginate(text string) {
	r.Text = text
	pageOf := Pager(text)
	for i := range r.Findings {
		r.Findings[i].Page = pageOf(r.Findings[i].Start)
	}
	for i := range r.Metrics {
		r.Metrics[i].Page = pageOf(r.Metrics[i].Start)
	}
	for i := range r.Judgements {
		r.Judgements[i].Page = pageOf(r.Judgements[i].Start)
	}
}

// Pager returns the function that gives the 1-based page of a byte offset
// into text: one more than the form feeds before it; 0 for every offset
// when text has no form feed.
func Pager(text string) func(offset int) int {
	var feeds []int
	for i := 0; i < len(text); i++ {
		if text[i] == '\f' {
			feeds = append(feeds, i)
		}
	}
	if len(feeds) == 0 {
		return func(int) int { return 0 }
	}
	return func(off int) int {
		n, _ := slices.BinarySearch(feeds, off) // feeds before off
		return n + 1
	}
}
