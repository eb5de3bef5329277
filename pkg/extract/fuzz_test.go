package extract

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/findings/findings/pkg/report"
)

// fuzzExtractor is built once: the fuzz targets call it thousands of times
// a second.
var fuzzExtractor = sync.OnceValues(func() (*Extractor, error) { return New() })

func extractorForFuzz(t *testing.T) *Extractor {
	t.Helper()
	x, err := fuzzExtractor()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// slowCall fails when one call on a fuzz input takes far longer than such
// small inputs ever should: a sign of a loop that is not linear.
func slowCall(t *testing.T, what string, n int, start time.Time) {
	t.Helper()
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("%s of %d bytes took %v", what, n, d)
	}
}

// sentenceSeeds are sentences written for the fuzz targets, with the
// numbers and grades the patterns look for.
var sentenceSeeds = []string{
	"",
	"Caseloads had increased by 45% since the last inspection, from 18 to 26.",
	"Nearly a third of care leavers (32%) are not in suitable accommodation.",
	"The council spent £1.4m on agency staff, an increase from £900,000.",
	"One in five children waited more than six months; 12 children waited over 20 working days.",
	"Referrals rose to 2,495 per 10,000 children, 3 percentage points higher than in 2019.",
	"Two thirds of children, aged 10 to 15, were seen within 24 hours on 4 March 2024.",
	"The number of children in care has doubled, and halved again by the 2nd quarter.",
	"Children's services were judged to be inadequate at the previous inspection in 2019.",
	"Overall effectiveness: requires improvement to be good",
	"The graded judgement for adoption performance is that it is good or outstanding.",
	"Services for care leavers remain inadequate, and leadership is now good.",
	"This is not graded. Ofsted rated the council's services as 'outstanding' (grade 1).",
	"Project 3 and Catch 22 run 24/7 at 10am in CV1 2AB; call 01632 960123.",
	"Forty-three of 50 young people (86%) were in education, employment or training.",
}

// FuzzMetrics checks the metric patterns on one sentence: no panic, each
// metric's text is the sentence's text at its offsets, and the same
// metrics each time.
func FuzzMetrics(f *testing.F) {
	for _, s := range sentenceSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		x := extractorForFuzz(t)
		start := time.Now()
		ms, err := x.metrics.metrics(text, splitWords(text))
		if err != nil {
			t.Fatal(err)
		}
		slowCall(t, "metrics", len(text), start)
		for i, m := range ms {
			if m.start < 0 || m.end < m.start || m.end > len(text) {
				t.Fatalf("metric %d (%q) at [%d,%d) in %d bytes", i, m.Text, m.start, m.end, len(text))
			}
			if m.Text != text[m.start:m.end] {
				t.Fatalf("metric %d: Text %q, but the sentence has %q at [%d,%d)", i, m.Text, text[m.start:m.end], m.start, m.end)
			}
		}
		again, err := x.metrics.metrics(text, splitWords(text))
		if err != nil || !reflect.DeepEqual(ms, again) {
			t.Fatalf("not deterministic: %+v then %+v (%v)", ms, again, err)
		}
	})
}

// FuzzJudgements checks the judgement patterns on a heading or table row
// (judgeLabel) and on a sentence (judgeProse): no panic, offsets inside
// the text, the same result each time.
func FuzzJudgements(f *testing.F) {
	for _, s := range sentenceSeeds {
		f.Add(s, "What needs to improve", 2023)
	}
	f.Add("The experiences and progress of care leavers Good", "Judgement", 2025)
	f.Add("Leadership and management Grade 3 (Adequate)", "", 0)
	f.Add("Adoption performance: outstanding.", "Grade descriptors", 2010)
	f.Fuzz(func(t *testing.T, text, section string, year int) {
		x := extractorForFuzz(t)
		dc := &docContext{authority: "Fenbury", year: year}
		check := func(what string, fs []found) {
			t.Helper()
			for i, j := range fs {
				if j.start < 0 || j.end < j.start || j.end > len(text) {
					t.Fatalf("%s: judgement %d (%s) at [%d,%d) in %d bytes", what, i, j.Grade, j.start, j.end, len(text))
				}
			}
		}
		start := time.Now()
		label := x.judgements.judgeLabel(text, section)
		prose := x.judgements.judgeProse(text, section, dc)
		slowCall(t, "judgements", len(text), start)
		check("judgeLabel", label)
		check("judgeProse", prose)
		if again := x.judgements.judgeLabel(text, section); !reflect.DeepEqual(label, again) {
			t.Fatalf("judgeLabel not deterministic: %+v then %+v", label, again)
		}
		if again := x.judgements.judgeProse(text, section, dc); !reflect.DeepEqual(prose, again) {
			t.Fatalf("judgeProse not deterministic: %+v then %+v", prose, again)
		}
	})
}

// documentSeeds are short documents written for FuzzExtract.
var documentSeeds = []string{
	"",
	"Inspection of Fenbury local authority children's services\n\nInspection dates: 3 to 14 March 2025\n\nJudgement\n\nGrade\n\nOverall effectiveness\n\nGood\n\nChildren are safe and well supported. Caseloads are manageable, but 45% of social workers are agency staff.\n",
	"Fenbury report\n1\n\fWhat needs to improve?\n\n7.\nPlans for children are not\nFenbury report\n2\n\freviewed often enough, and 12 children waited too long.\nFenbury report\n3\n\f",
	"Focused visit to Fenbury children's services\r\n\r\n• Managers do not check plans.\r\n• Supervision is regular and helpful.\r\n",
	"Home | News\n\nFenbury rated inadequate\n\nInspectors judged Fenbury's services to be inadequate in 2024, down from good in 2019.\n\n© Example Media\n",
}

// FuzzExtract checks the whole extraction: every finding, metric and
// judgement lies inside the document; the document's text under a
// finding's span is the finding's text up to white space; and the same
// document gives the same report.
func FuzzExtract(f *testing.F) {
	for _, s := range documentSeeds {
		f.Add(s)
	}
	for _, s := range sentenceSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// a Document's text is valid UTF-8: package source makes it so
		text = strings.ToValidUTF8(text, "\uFFFD")
		x := extractorForFuzz(t)
		doc := report.Document{Source: "fuzz.txt", Text: text}
		start := time.Now()
		rep, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		slowCall(t, "Extract", len(text), start)
		inside := func(what string, i int, s report.Span) {
			t.Helper()
			if s.Start < 0 || s.End < s.Start || s.End > len(text) {
				t.Fatalf("%s %d at [%d,%d), outside a document of %d bytes", what, i, s.Start, s.End, len(text))
			}
		}
		for i, fd := range rep.Findings {
			inside("finding", i, fd.Span)
			if got, want := fuzzSquash(text[fd.Start:fd.End]), fuzzSquash(fd.Text); got != want {
				t.Fatalf("finding %d at [%d,%d): the document has %q, the finding %q", i, fd.Start, fd.End, got, want)
			}
		}
		for i, m := range rep.Metrics {
			inside("metric", i, m.Span)
			if len(m.Sentence) > maxSentence+2*len("…") {
				t.Fatalf("metric %d carries a sentence of %d bytes", i, len(m.Sentence))
			}
		}
		for i, j := range rep.Judgements {
			inside("judgement", i, j.Span)
			if len(j.Sentence) > maxSentence+2*len("…") {
				t.Fatalf("judgement %d carries a sentence of %d bytes", i, len(j.Sentence))
			}
		}
		again, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(rep)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("not deterministic:\n%s\n%s", a, b)
		}
	})
}

// fuzzSquash joins runs of white space, and of the zero-width marks that
// cleaning trims from line ends, into single spaces.
func fuzzSquash(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
	}), " ")
}

// FuzzWords holds the in-place word count to strings.Fields.
func FuzzWords(f *testing.F) {
	f.Add(" two  words\u00a0and\xff more ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := words(s), len(strings.Fields(s)); got != want {
			t.Fatalf("words(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	})
}
