package extract

import (
	"slices"
	"testing"
)

// TestMetricsNeverOverlap: a spelled proportion ("one in 12") must not be
// read over a number already read ("12 months"): overlapping metrics once
// crashed the direction pass.
func TestMetricsNeverOverlap(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"Only one in 12 months was reviewed, a fall from 40% to 30%.",
		"One in five children, one in 10 families and 45 per 10,000 children were seen within 12 weeks.",
		"Caseloads rose from 18 to 25 in 12 months, an increase from 20% in one in 12 teams.",
	} {
		cs, err := x.metrics(s, splitWords(s))
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(cs); i++ {
			if cs[i].start < cs[i-1].end {
				t.Errorf("%q: %q overlaps %q", s, cs[i].Text, cs[i-1].Text)
			}
		}
		for _, c := range cs {
			if s[c.start:c.end] != c.Text {
				t.Errorf("%q: metric text %q is not at its offsets", s, c.Text)
			}
		}
	}
}

// TestMetricsAges: an age at a stage of a young person's life is not a
// metric; a level stated with "at" is.
func TestMetricsAges(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sentence string
		want     []string
	}{
		{"Care leavers are allocated a personal adviser at 16, well before they leave care.", nil},
		{"Of the young people in care at 16, 88% go on to college or training.", []string{"88%"}},
		{"Plans for children moving to the leaving care service at 16 or 17 are weak.", nil},
		{"Young people continue to be supported at 21 and beyond.", nil},
		{"Caseloads remain stable at 18 children for each social worker.", []string{"18"}},
		{"The number of children on plans stands at 19, down from 25.", []string{"19", "25"}},
	} {
		cs, err := x.metrics(tt.sentence, splitWords(tt.sentence))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: metrics %q, want %q", tt.sentence, got, tt.want)
		}
	}
}
