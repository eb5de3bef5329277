package extract

import (
	"fmt"
	"slices"
	"testing"
)

// TestJudgementsMechanisms: each case is a paragraph read sentence by
// sentence, as analyse reads a block; want lists "grade scope" (and
// " previous") for each judgement found, in order.
func TestJudgementsMechanisms(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name      string
		section   string
		sentences []string
		want      []string
	}{
		{"plural headline verb", "", []string{"Children’s services in Fenbury require improvement to be good."},
			[]string{"requires_improvement overall"}},
		{"singular headline with a place", "", []string{"Children’s services in Fenbury requires improvement because:"},
			[]string{"requires_improvement overall"}},
		{"safeguarding board headline", "", []string{"The Fenbury Safeguarding Children Board (FSCB) requires improvement to be good."},
			[]string{"requires_improvement lscb"}},
		{"a board's work that requires improvement is no grade", "", []string{"The corporate parenting board requires improvement to ensure that it challenges leaders."},
			nil},
		{"judged to require improvement", "", []string{"The council runs five children’s homes.", "Three were judged to be good.", "Two were judged to require improvement."},
			[]string{"good other previous", "requires_improvement other previous"}},
		{"other provision graded in a list", "", []string{"The most recent inspections judged one home to be good, one adequate and one inadequate."},
			[]string{"good other previous", "adequate other previous", "inadequate other previous"}},
		{"a fostering agency and an adoption agency", "", []string{"The council runs a fostering agency and an adoption agency.", "Both were judged good at their most recent inspection."},
			[]string{"good other previous", "good adoption previous"}},
		{"schools' grades", "", []string{"Most children in care attend schools judged good or outstanding."}, nil},
		{"education provision", "", []string{"The large majority (84%) of children in care attend education provision that is good or better."}, nil},
		{"a placement's grade", "", []string{"Two children are placed out of the area in a residential home which was judged inadequate."}, nil},
		{"a share of the work graded", "", []string{"The quality of assessments varies, ranging from strong examples to the majority that require improvement to be good."}, nil},
		{"cases graded", "", []string{"In 9 of 14 cases seen, plans were found to require improvement."}, nil},
		{"the grade descriptor", "", []string{"An LSCB requires improvement if it does not yet show the features of good."}, nil},
		{"earlier grade in passing", "", []string{"The service, judged inadequate at two inspections before this one, is now improving."},
			[]string{"inadequate overall previous"}},
		{"the earlier inspection's table", "Judgements at the last inspection", []string{"Overall effectiveness was judged inadequate."},
			[]string{"inadequate overall previous"}},
		{"leaders' outstanding impact", "", []string{"Leaders in Fenbury have had an outstanding impact on practice."},
			[]string{"outstanding leadership"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dc := &docContext{authority: "Fenbury", year: 2025}
			var got []string
			for _, s := range tt.sentences {
				for _, f := range x.judgements.judgeProse(s, tt.section, dc) {
					g := fmt.Sprintf("%s %s", f.Grade, f.Scope)
					if f.Previous {
						g += " previous"
					}
					got = append(got, g)
				}
				dc.sentenceBefore = s
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("judgements %q, want %q", got, tt.want)
			}
		})
	}
}

// TestJudgementsTableRows: a reinspection's summary of the earlier
// inspection's table grades the past; the report's own table does not.
func TestJudgementsTableRows(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		section, row string
		want         string
	}{
		{"Judgements at the last inspection", "Overall effectiveness Inadequate", "inadequate overall previous=true"},
		{"Previous inspection judgements", "The experiences and progress of children in care Requires improvement to be good", "requires_improvement children_in_care previous=true"},
		{"Judgements", "Overall effectiveness Good", "good overall previous=false"},
	} {
		var got []string
		for _, f := range x.judgements.judgeLabel(tt.row, tt.section) {
			got = append(got, fmt.Sprintf("%s %s previous=%v", f.Grade, f.Scope, f.Previous))
		}
		if !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%q under %q: %q, want %q", tt.row, tt.section, got, tt.want)
		}
	}
}
