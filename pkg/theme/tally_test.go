package theme

import (
	"fmt"
	"testing"

	"github.com/findings/findings/pkg/report"
)

func finding(kind, text string, cues ...string) report.Finding {
	return report.Finding{Kind: kind, Text: text, Rule: "cues", Cues: cues, Themes: Tag(text)}
}

func TestTally(t *testing.T) {
	a := &report.Report{Source: "a.txt", Findings: []report.Finding{
		finding(report.Weakness, "Caseloads are too high in the assessment teams.", "-too high"),
		finding(report.Weakness, "Caseloads and agency staff turnover are too high for social workers to do their best.", "-too high"),
		finding(report.Strength, "Care leavers are helped well by their personal advisers.", "+well"),
		finding(report.Mixed, "Care leavers are seen often, but their pathway plans are weak.", "+often", "-weak"),
		finding(report.Strength, "Children are safe.", "+safe"),
	}}
	b := &report.Report{Source: "b.txt", Findings: []report.Finding{
		finding(report.Strength, "Caseloads are manageable.", "+manageable"),
		// a recommendation: kept out of the examples while a plain one exists
		{Kind: report.Weakness, Text: "Ensure that caseloads, agency staff numbers and turnover fall.", Rule: "section:improve", Themes: Tag("caseloads")},
	}}
	tl := NewTally()
	tl.Add(a)
	tl.Add(b)
	rows := tl.Rows()
	if len(rows) != len(Themes())+1 {
		t.Fatalf("%d rows", len(rows))
	}
	w := rows[0]
	if w.Theme != "workforce_and_caseloads" || w.Rank != 1 {
		t.Fatalf("first row = %+v", w)
	}
	if got := fmt.Sprint(w.Findings, w.Strengths, w.Weaknesses, w.Mixed, w.Reports, w.WeakReports); got != "4 1 3 0 2 2" {
		t.Errorf("workforce counts = %s, want 4 1 3 0 2 2", got)
	}
	// the weakness with the most cue phrases of the theme that plainly says so
	if w.Weakness == nil || w.Weakness.Text != "Caseloads and agency staff turnover are too high for social workers to do their best." {
		t.Errorf("weakness example = %+v", w.Weakness)
	}
	if w.Example != w.Weakness {
		t.Errorf("example = %+v, want the weakness (weaknesses outnumber strengths)", w.Example)
	}
	// "Caseloads are manageable." is too short to stand for the theme, but
	// it is the only strength
	if w.Strength == nil || w.Strength.Source != "b.txt" {
		t.Errorf("strength example = %+v", w.Strength)
	}
	c := rows[1]
	if c.Theme != "care_leavers" || fmt.Sprint(c.Findings, c.Strengths, c.Weaknesses, c.Mixed, c.Reports, c.WeakReports) != "2 1 0 1 1 0" {
		t.Errorf("care leavers row = %+v", c)
	}
	if c.Example == nil || c.Example.Kind != report.Strength || c.Weakness != nil {
		t.Errorf("care leavers example = %+v", c.Example)
	}
	none := rows[len(rows)-1]
	if none.Theme != None || none.Rank != 0 || none.Findings != 1 || none.Strengths != 1 {
		t.Errorf("no-theme row = %+v", none)
	}
	// themes with no findings keep the lexicon's order after the others
	if last := rows[len(rows)-2]; last.Theme != "partnerships" || last.Findings != 0 {
		t.Errorf("last theme row = %+v", last)
	}
}

// The examples do not depend on the order the reports come in.
func TestTallyOrder(t *testing.T) {
	var reps []*report.Report
	for i, s := range []string{
		"Children who go missing are not always offered a return home interview.",
		"Return home interviews are not always offered to children who go missing.",
		"Some children who go missing do not get a return home interview.",
	} {
		reps = append(reps, &report.Report{Source: fmt.Sprint(i), Findings: []report.Finding{finding(report.Weakness, s, "-not always")}})
	}
	forward, backward := NewTally(), NewTally()
	for i := range reps {
		forward.Add(reps[i])
		backward.Add(reps[len(reps)-1-i])
	}
	f, b := forward.Rows()[0].Weakness, backward.Rows()[0].Weakness
	if f == nil || b == nil || f.Text != b.Text {
		t.Errorf("examples differ: %+v, %+v", f, b)
	}
}
