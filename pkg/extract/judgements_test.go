package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/findings/findings/internal/benchdata"
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

// TestMatchesFromFindsWhatTheWholeFinds runs the judgement patterns that
// start some words before the first grade over the benchmark sentences
// and texts written to reach the furthest: what they find must be what
// the pattern finds in the whole sentence.
func TestMatchesFromFindsWhatTheWholeFinds(t *testing.T) {
	texts := append(reportSentences(t),
		"The service continues  to\tbe still ‘good and it is good.",
		"Inspectors judged the council's services for children in need to be good, and found them inadequate.",
		"Ofsted rated all of the local area's many children's services as outstanding",
		"The Local Safeguarding Children Board in the borough of Upton upon Severn requires improvement.",
		"Adoption was good; fostering remains good; it is now 'outstanding'.",
		"judged overall to be providing an adequate service", "This requires improvement to be good.",
		"The rating of good is GOOD and IS ADEQUATE", "The \u212aent service is good; it was judged outstanding",
		"Children’s ſervices requires improvement; xſervices require improvement", "The Council requires improvement.")
	// the patterns that open with a word are tried where a word opens; the
	// headline, which may open with "s" (the long s folds to it, and opens
	// a match inside a word), there unless the text holds a long s
	for _, p := range []*pattern{predicatePat, riVerbPat, gradingREs[0].pat, gradingREs[1].pat, gradingREs[2].pat, gradingREs[3].pat} {
		if len(p.get().branches) != 1 || p.get().branches[0].anchored == nil {
			t.Errorf("%s: not tried where a word opens", p.whole())
		}
	}
	if !gradingREs[2].pat.get().foldFirst {
		t.Errorf("%s: not known to open with a long s", gradingREs[2].pat.whole())
	}
	pats := []struct {
		pat  *pattern
		keys []string
		lead int
	}{{predicatePat, gradeKeys, 4}, {riVerbPat, improvementKeys, 0}}
	for _, g := range gradingREs {
		pats = append(pats, struct {
			pat  *pattern
			keys []string
			lead int
		}{g.pat, g.keys, g.lead})
	}
	cut := 0
	for _, s := range texts {
		k := proseKeys(s)
		for _, p := range pats {
			got := k.matchesFrom(p.pat, p.keys, p.lead)
			want := p.pat.whole().FindAllStringSubmatchIndex(s, -1)
			if !k.may(p.keys) {
				want = nil
			}
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Errorf("%s\non %q\ngot  %v\nwant %v", p.pat.whole(), s, got, want)
			}
			if len(want) > 0 && k.gradeCut(p.lead) > 0 {
				cut++
			}
		}
	}
	if cut == 0 {
		t.Error("no match was found in a cut text: nothing was tested")
	}
}

// TestGradedLabelsEndInAGrade checks the test run before gradedLabelRE:
// it says no only to texts the pattern does not match.
func TestGradedLabelsEndInAGrade(t *testing.T) {
	texts := append(reportSentences(t), "Leadership and management Grade 3 (Adequate)", "Adoption: GOOD.",
		"The effectiveness of services requires improvement to be good", "Care leavers – inadequate",
		"Overall effectiveness: requires improvement (grade 3).", "Services are good for children.")
	checkMay(t, "mayEndInGrade", gradedLabelRE, mayEndInGrade, texts, 5)
	if mayEndInGrade("Services are good for children.") {
		t.Error("a sentence that ends in other words may end in a grade")
	}
}

// TestNotGradedFindsWhatTheWholeFinds checks the not-graded pattern, cut
// into its four forms, against the same forms as one pattern.
func TestNotGradedFindsWhatTheWholeFinds(t *testing.T) {
	whole := regexp.MustCompile(`(?i)\b(?:(?:is|are|were|was)\s+not\s+graded|ungraded|(?:does|do)\s+not\s+(?:lead\s+to|result\s+in|receive)\s+an?\s+(?:graded\s+)?(?:ofsted\s+)?judgement|no\s+graded\s+judgement)`)
	texts := append(reportSentences(t), "This visit does not lead to a graded judgement.", "It is ungraded; it was not graded.",
		"Monitoring visits DO NOT RECEIVE AN OFSTED JUDGEMENT", "There is no graded  judgement and it is not\tgraded", "reungraded visits",
		"The \u212aent visit is not graded")
	if n := len(notGradedRE.get().branches); n != 4 {
		t.Errorf("%d branches, want 4", n)
	}
	found := 0
	for _, s := range texts {
		k := proseKeys(s)
		a, b, ok := notGradedRE.first(s, k.keys)
		m := whole.FindStringIndex(s)
		if ok != (m != nil) || ok && (a != m[0] || b != m[1]) {
			t.Errorf("on %q: %d %d %v, want %v", s, a, b, ok, m)
		}
		if ok {
			found++
		}
	}
	if found < 4 {
		t.Errorf("%d texts matched, want the 4 written to", found)
	}
}

// mayGradeByContains is mayGrade as ten substring searches, its oracle.
func mayGradeByContains(text string) bool {
	for _, g := range gradeStems {
		if strings.Contains(text, g.stem) {
			return true
		}
	}
	return false
}

// TestMayGradeAsContains checks mayGrade against the substring searches
// on every line of the benchmark texts, on each stem at the start, the middle and
// the end of a text, and on near misses.
func TestMayGradeAsContains(t *testing.T) {
	cases := []string{"", "d", "v", "D", "V", "oo", "goo", "gooD", "dequat", "Improvemen", "rade", "judgemen", "od od dd vv DV"}
	for _, g := range gradeStems {
		cases = append(cases, g.stem, "x"+g.stem, g.stem+"x", "The "+g.stem+" and d.", g.stem[1:], g.stem[:len(g.stem)-1])
	}
	texts, _ := benchdata.Texts(t)
	for _, text := range texts {
		cases = append(cases, strings.Split(text, "\n")...)
	}
	yes := 0
	for _, c := range cases {
		got, want := mayGrade(c), mayGradeByContains(c)
		if got != want {
			t.Errorf("mayGrade(%q) = %v, want %v", c, got, want)
		}
		if want {
			yes++
		}
	}
	if yes == 0 || yes == len(cases) {
		t.Fatalf("%d of %d cases may grade: the cases test nothing", yes, len(cases))
	}
}

// FuzzMayGrade checks mayGrade against the substring searches on any text.
func FuzzMayGrade(f *testing.F) {
	f.Add("The service is good. It requires improvement.")
	f.Add("GOOD and OUTSTANDING, graded ddd vvv")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := mayGrade(text), mayGradeByContains(text); got != want {
			t.Errorf("mayGrade(%q) = %v, want %v", text, got, want)
		}
	})
}
