package extract

import "testing"

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
