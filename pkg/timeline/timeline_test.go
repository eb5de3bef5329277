package timeline

import (
	"reflect"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/report"
)

func judgement(grade, scope string, previous bool, year int) report.Judgement {
	return report.Judgement{Grade: grade, Scope: scope, Previous: previous, Year: year, Sentence: "The council was judged " + grade + "."}
}

func TestAuthorities(t *testing.T) {
	b := New()
	// given out of order, and under two spellings of the name
	b.Add(&report.Report{Source: "northby-2023.txt", Facts: report.Facts{Authority: "Northby", InspectionType: report.FullInspection, Date: "2023-03-01"},
		Judgements: []report.Judgement{
			judgement(report.Good, report.ScopeOverall, false, 0),
			judgement(report.RequiresImprovement, report.ScopeOverall, true, 2019),
			// an earlier grade for a year whose report is read is not needed
			judgement(report.Inadequate, report.ScopeOverall, true, 2016),
		},
		Metrics: []report.Metric{
			{Value: 16, Unit: report.Count, Subject: "caseloads", Text: "16", Sentence: "Caseloads average 16 children."},
			{Value: 12, Unit: report.Percent, Subject: "agency staff", Text: "12%", Sentence: "Agency staff are 12% of the workforce."},
			{Value: 60, Unit: report.Percent, Subject: "the national average", Text: "60%", Sentence: "The national average is 60%."},
		}})
	b.Add(&report.Report{Source: "northby-2016.txt", Facts: report.Facts{Authority: "Northby City Council", InspectionType: report.FullInspection, Date: "2016-05-20"},
		Judgements: []report.Judgement{judgement(report.Inadequate, report.ScopeOverall, false, 0), judgement(report.Good, report.ScopeLeadership, false, 0)},
		Metrics: []report.Metric{
			{Value: 28, Unit: report.Count, Subject: "caseloads", Text: "28", Sentence: "Caseloads are as high as 28."},
			{Value: 40, Unit: report.Percent, Subject: "agency staff", Text: "40%", Sentence: "Agency staff fill 40% of posts."},
			// a change is no level
			{Value: 10, Unit: report.Percent, Subject: "caseloads", Direction: report.Increase, Text: "10%", Sentence: "Caseloads rose by 10%."},
		}})
	// a visit's letter: no grade of its own, even if it seems to state one
	b.Add(&report.Report{Source: "northby-visit-2021.txt", Facts: report.Facts{Authority: "Northby", InspectionType: report.FocusedVisit, Date: "2021-11-02"},
		Judgements: []report.Judgement{judgement(report.Good, report.ScopeOverall, false, 0)}})
	b.Add(&report.Report{Source: "southby.txt", Facts: report.Facts{Authority: "Southby", InspectionType: report.FullInspection, Date: "2024-01-10"},
		Judgements: []report.Judgement{judgement(report.Outstanding, report.ScopeOverall, false, 0), judgement(report.Good, report.ScopeOverall, true, 2020)}})

	as := b.Authorities()
	if len(as) != 2 || as[0].Name != "Northby" || as[1].Name != "Southby" {
		t.Fatalf("authorities = %+v", as)
	}
	n := as[0]
	if n.Reports != 3 {
		t.Errorf("reports = %d, want 3", n.Reports)
	}
	want := "inadequate 2016 → requires improvement 2019 (from a later report) → good 2023"
	if n.Grades != want {
		t.Errorf("grades = %q, want %q", n.Grades, want)
	}
	if n.Change != "improved" {
		t.Errorf("change = %q", n.Change)
	}
	var dates []string
	for _, in := range n.Inspections {
		dates = append(dates, in.Date+" "+in.InspectionType+" "+in.Grade)
	}
	wantDates := []string{
		"2016-05-20 full_inspection inadequate",
		"2019 full_inspection requires_improvement",
		"2021-11-02 focused_visit ",
		"2023-03-01 full_inspection good",
	}
	if !reflect.DeepEqual(dates, wantDates) {
		t.Errorf("inspections = %q, want %q", dates, wantDates)
	}
	later := n.Inspections[1]
	if !later.FromLaterReport || later.Source != "northby-2023.txt" || later.DateFrom != "later report" || later.Evidence == "" {
		t.Errorf("the grade from a later report = %+v", later)
	}
	var ms []string
	for _, m := range n.Measures {
		var vs []string
		for _, v := range m.Values {
			vs = append(vs, v.Text)
		}
		ms = append(ms, m.Label+": "+strings.Join(vs, " "))
	}
	wantMs := []string{"caseloads: 28 16", "agency staff (%): 40% 12%"}
	if !reflect.DeepEqual(ms, wantMs) {
		t.Errorf("measures = %q, want %q", ms, wantMs)
	}
	s := as[1]
	if s.Grades != "good 2020 (from a later report) → outstanding 2024" || s.Change != "improved" || len(s.Measures) != 0 {
		t.Errorf("Southby = %q %q %v", s.Grades, s.Change, s.Measures)
	}
}

// From April 2026 reports give no overall grade: the leaders' grade stands
// for the inspection, and says so.
func TestLeadersGrade(t *testing.T) {
	b := New()
	b.Add(&report.Report{Source: "a.txt", Facts: report.Facts{Authority: "Eastby", InspectionType: report.FullInspection, Date: "2026-06-01"},
		Judgements: []report.Judgement{judgement(report.Good, report.ScopeHelpAndProtection, false, 0), judgement(report.Outstanding, report.ScopeLeadership, false, 0)}})
	b.Add(&report.Report{Source: "b.txt", Facts: report.Facts{Authority: "Eastby", InspectionType: report.FullInspection, Date: "2022-06-01"},
		Judgements: []report.Judgement{judgement(report.Good, report.ScopeOverall, false, 0)}})
	a := b.Authorities()[0]
	if a.Grades != "good 2022 → leaders outstanding 2026" || a.Change != "improved" {
		t.Errorf("grades = %q, change %q", a.Grades, a.Change)
	}
}

func TestDateOf(t *testing.T) {
	cases := []struct {
		r          report.Report
		date, from string
		year       int
	}{
		{report.Report{Facts: report.Facts{Date: "2019-03-04"}}, "2019-03-04", "report", 2019},
		{report.Report{Source: "x/80429-birmingham-inspection-25-november-2016.txt"}, "2016-11-25", "file name", 2016},
		{report.Report{Source: "x/northby-2014.pdf"}, "2014", "file name", 2014},
		{report.Report{Source: "x/northby.txt", Findings: []report.Finding{{Text: "Since 2012 and 2015 things improved."}}}, "2015", "text", 2015},
		{report.Report{Source: "x/northby.txt"}, "", "", 0},
	}
	for _, c := range cases {
		date, year, from := dateOf(&c.r)
		if date != c.date || year != c.year || from != c.from {
			t.Errorf("dateOf(%q) = %q %d %q, want %q %d %q", c.r.Source, date, year, from, c.date, c.year, c.from)
		}
	}
}

func TestMeasureOf(t *testing.T) {
	for _, c := range []struct{ s, key string }{
		{"social workers' caseloads", "caseloads"},
		{"Assessments were completed within 45 working days", "assessment_timeliness"},
		{"assessments", ""},
		{"the rate of re-referrals", "rereferrals"},
		{"referrals to children's social care", "referrals"},
		{"children looked after", "children_in_care"},
		{"care leavers in education, employment or training", "care_leavers_eet"},
		{"care leavers", "care_leavers"},
		{"live outside the local authority area", "out_of_area"},
	} {
		if key, _, _ := measureOf(c.s); key != c.key {
			t.Errorf("measureOf(%q) = %q, want %q", c.s, key, c.key)
		}
	}
}

// "The average caseload" is the council's; "the national average" is not.
func TestMeasuresAverage(t *testing.T) {
	got := measures([]report.Metric{
		{Value: 18, Unit: report.Count, Subject: "the average caseload", Text: "18", Sentence: "The average caseload is 18."},
		{Value: 16, Unit: report.Count, Subject: "the national average caseload", Text: "16", Sentence: "The national average caseload is 16."},
	})
	if len(got) != 1 || got["caseloads"].text != "18" {
		t.Errorf("measures = %v, want the caseload of 18 alone", got)
	}
}

// Care leavers "over 21" are of an age, not a count of care leavers.
func TestMeasuresSkipAges(t *testing.T) {
	got := measures([]report.Metric{
		{Value: 21, Unit: report.Count, Subject: "care leavers over", Text: "21", Sentence: "Care leavers over 21 get help."},
		{Value: 72, Unit: report.Duration, TimeUnit: "hours", Subject: "missing", Text: "72 hours", Sentence: "Children who go missing are seen within 72 hours."},
		{Value: 3, Unit: report.Count, Subject: "care leavers", Text: "three", Sentence: "three care leavers told us so."},
	})
	if len(got) != 0 {
		t.Errorf("measures = %v, want none", got)
	}
}

// TestSettledCouncil checks the timeline takes the council the extractor
// settled, and settles it only for a report that carries none.
func TestSettledCouncil(t *testing.T) {
	b := New()
	b.Add(&report.Report{Source: "a.txt", Facts: report.Facts{Authority: "Northby", CouncilKey: "kent", CouncilName: "Kent"}})
	b.Add(&report.Report{Source: "b.txt", Facts: report.Facts{Authority: "Dudley MBC"}})
	var names []string
	for _, a := range b.Authorities() {
		names = append(names, a.Name)
	}
	if !reflect.DeepEqual(names, []string{"Dudley", "Kent"}) {
		t.Errorf("authorities = %q, want Dudley (settled here) and Kent (as settled)", names)
	}
}
