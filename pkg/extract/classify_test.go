package extract

import "testing"

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
	} {
		u := unit{text: tt.sentence, pdf: true}
		v, _ := x.ruleVerdict(u, splitWords(u.text))
		if v.kind != tt.want {
			t.Errorf("%q: rules say %q (%v), want %q", tt.sentence, v.kind, v.cues, tt.want)
		}
	}
}
