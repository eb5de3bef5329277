package format

import (
	"bytes"
	"testing"

	"github.com/findings/findings/pkg/report"
)

func sampleReport(source string, js ...report.Judgement) *report.Report {
	return &report.Report{
		Source: source,
		Facts:  report.Facts{Authority: "Anytown", InspectionType: report.FullInspection, Date: "2024-03-15"},
		Findings: []report.Finding{
			{Kind: report.Strength}, {Kind: report.Strength}, {Kind: report.Weakness}, {Kind: report.Mixed},
		},
		Metrics:    []report.Metric{{Value: 64, Unit: report.Percent}},
		Judgements: js,
	}
}

func TestSummarizeGrade(t *testing.T) {
	tests := []struct {
		name string
		js   []report.Judgement
		want string
	}{
		{"overall", []report.Judgement{
			{Grade: report.Good, Scope: report.ScopeHelpAndProtection},
			{Grade: report.RequiresImprovement, Scope: report.ScopeOverall},
		}, report.RequiresImprovement},
		{"previous overall left out", []report.Judgement{
			{Grade: report.Inadequate, Scope: report.ScopeOverall, Previous: true},
			{Grade: report.Good, Scope: report.ScopeChildrenInCare},
			{Grade: report.Outstanding, Scope: report.ScopeLeadership},
			{Grade: report.Adequate, Scope: report.ScopeChildrenInCare},
		}, "children_in_care: good; leadership: outstanding"},
		{"none", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := Summarize(sampleReport("a.txt", tt.js...))
			if row.Grade != tt.want {
				t.Errorf("grade %q, want %q", row.Grade, tt.want)
			}
			if row.Strengths != 2 || row.Weaknesses != 1 || row.Metrics != 1 {
				t.Errorf("counts %+v", row)
			}
		})
	}
}

func TestSummaryFormats(t *testing.T) {
	overall := report.Judgement{Grade: report.Good, Scope: report.ScopeOverall}
	tests := []struct {
		format string
		docs   int
		want   string
	}{
		{"tsv", 2, "a.txt\tAnytown\tfull_inspection\t2024-03-15\tgood\t2\t1\t1\nb.txt\tAnytown\tfull_inspection\t2024-03-15\tgood\t2\t1\t1\n"},
		{"csv", 2, "source,authority,inspection_type,date,grade,strengths,weaknesses,metrics\na.txt,Anytown,full_inspection,2024-03-15,good,2,1,1\nb.txt,Anytown,full_inspection,2024-03-15,good,2,1,1\n"},
		{"jsonl", 2, `{"source":"a.txt","authority":"Anytown","inspection_type":"full_inspection","date":"2024-03-15","grade":"good","strengths":2,"weaknesses":1,"metrics":1}` + "\n" +
			`{"source":"b.txt","authority":"Anytown","inspection_type":"full_inspection","date":"2024-03-15","grade":"good","strengths":2,"weaknesses":1,"metrics":1}` + "\n"},
		{"json", 2, "[\n  " + `{"source":"a.txt","authority":"Anytown","inspection_type":"full_inspection","date":"2024-03-15","grade":"good","strengths":2,"weaknesses":1,"metrics":1}` + ",\n  " +
			`{"source":"b.txt","authority":"Anytown","inspection_type":"full_inspection","date":"2024-03-15","grade":"good","strengths":2,"weaknesses":1,"metrics":1}` + "\n]\n"},
		{"markdown", 2, ""}, // checked by content: tablewriter pads the cells
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var out bytes.Buffer
			w, err := NewSummary(&out, Options{Format: tt.format, Documents: tt.docs})
			if err != nil {
				t.Fatal(err)
			}
			for _, src := range []string{"a.txt", "b.txt"} {
				if err := w.Write(sampleReport(src, overall)); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			if tt.format == "markdown" {
				if !bytes.Contains(out.Bytes(), []byte("| a.txt")) || !bytes.Contains(out.Bytes(), []byte("full inspection")) {
					t.Errorf("markdown:\n%s", got)
				}
				return
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	if _, err := NewSummary(&bytes.Buffer{}, Options{Format: "xml"}); err == nil {
		t.Error("NewSummary accepted format xml")
	}
}
