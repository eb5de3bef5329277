package timeline_test

import (
	"fmt"

	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/timeline"
)

func ExampleBuilder() {
	b := timeline.New()
	b.Add(&report.Report{Source: "2019.txt", Facts: report.Facts{Authority: "Northby", InspectionType: report.FullInspection, Date: "2019-03-15"},
		Judgements: []report.Judgement{{Grade: report.RequiresImprovement, Scope: report.ScopeOverall}}})
	b.Add(&report.Report{Source: "2023.txt", Facts: report.Facts{Authority: "Northby Borough Council", InspectionType: report.FullInspection, Date: "2023-02-17"},
		Judgements: []report.Judgement{
			{Grade: report.Good, Scope: report.ScopeOverall},
			{Grade: report.Inadequate, Scope: report.ScopeOverall, Previous: true, Year: 2016},
		}})
	for _, a := range b.Authorities() {
		fmt.Printf("%s: %s (%s)\n", a.Name, a.Grades, a.Change)
	}
	// Output:
	// Northby: inadequate 2016 (from a later report) → requires improvement 2019 → good 2023 (improved)
}
