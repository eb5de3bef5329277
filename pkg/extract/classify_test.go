package extract

import (
	"context"
	"testing"

	"github.com/findings/findings/pkg/report"
)

// TestRuleNegation: the cue rules' call on sentences whose negation
// decides them.
func TestRuleNegation(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sentence, want string
	}{
		{"Plans are not consistently good enough.", "weakness"},
		{"Strategy meetings are held without delay.", "strength"},
		// "no" before the children counted denies its whole clause
		{"The council has no children placed in unregistered children's homes.", "strength"},
		{"No young people were living in unsuitable bed and breakfast accommodation.", "strength"},
		{"None of the children we saw were left in unsuitable placements.", "strength"},
		// elsewhere "no" reaches only the words just after it
		{"Children have no say in plans, and their placements are unsuitable.", "weakness"},
		// a concession of effort is no credit (ANNOTATION.md §6); one of
		// practice is
		{"Despite considerable investment in the front door, too many contacts wait too long for a decision.", "weakness"},
		{"Although most plans are regularly reviewed, too many are basic.", "mixed"},
	} {
		u := unit{text: tt.sentence, pdf: true}
		v, _ := x.verdicts.ruleVerdict(u, splitWords(u.text))
		if v.kind != tt.want {
			t.Errorf("%q: rules say %q (%v), want %q", tt.sentence, v.kind, v.cues, tt.want)
		}
	}
}

// TestSectionRuleEndsAtRow: the items of "Areas for improvement" are
// weaknesses by the section's rule, but a judgement-table row ends the
// list: the praise after it is not a weakness.
func TestSectionRuleEndsAtRow(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc := "Areas for improvement\n\n" +
		"• The timeliness of initial health assessments.\n\n" +
		"• The quality of pathway plans.\n\n" +
		"Overall effectiveness\n\nGood\n\n" +
		"Children are seen quickly, and their plans are thorough and effective.\n"
	rep, err := x.Extract(context.Background(), report.Document{Source: "t.txt", Text: doc})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range rep.Findings {
		got[f.Text] = f.Kind + " by " + f.Rule
	}
	for text, want := range map[string]string{
		"The timeliness of initial health assessments.":                          "weakness by section",
		"Children are seen quickly, and their plans are thorough and effective.": "strength by model",
	} {
		if got[text] != want {
			t.Errorf("%q: %q, want %q", text, got[text], want)
		}
	}
}
