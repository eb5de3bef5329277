package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/theme"
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

// TestRuleUndo: a verb undoes the shortfall before it only when the
// shortfall is its subject; an obligation or a negation the verb fulfils
// or leaves in place stays a shortfall.
func TestRuleUndo(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sentence, cue string
	}{
		{"Reliance on agency staff has reduced this year.", "+not reliance on"},
		{"Delays have now reduced.", "+not delays"},
		{"Leaders are reducing delay for children.", "+not delay"},
		{"The retention of social workers remains a real challenge.", "-remains"},
		{"The recruitment of foster carers remain real challenges.", "-remain"},
		{"The council should address the quality of plans.", "-should"},
		{"Risk is not always being successfully addressed.", "-is not"},
	} {
		u := unit{text: tt.sentence, pdf: true}
		v, _ := x.verdicts.ruleVerdict(u, splitWords(u.text))
		if !slices.Contains(v.cues, tt.cue) {
			t.Errorf("%q: cues %v, want %q among them", tt.sentence, v.cues, tt.cue)
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

// TestClausePatterns: a sentence of more than one clause tells the model
// each clause's lean, by the cues (cpat:) and by the words' polarity in
// graded reports (ppat:), so that "good, but poor" differs from "poor, but
// more poor"; a sentence of one clause has neither.
func TestClausePatterns(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sentence, cpat string
	}{
		{"Visits to children are purposeful and effective, but records are poor and out of date.", "cpat:+-"},
		{"Plans are weak, but reviews are often late and poor.", "cpat:--"},
		{"Although most plans are regularly reviewed, too many are basic.", "cpat:+-"},
		{"Children are seen quickly and their plans are thorough.", ""},
	} {
		u := unit{text: tt.sentence, pdf: true}
		ws := splitWords(u.text)
		v, ev := x.verdicts.ruleVerdict(u, ws)
		fw := featureWriterFor(&ev)
		fw.keep = true
		x.verdicts.features(fw, u, ws, ev.clauses, v, nil)
		var cpat, ppat string
		for _, f := range fw.feats {
			switch {
			case strings.HasPrefix(f, "cpat:"):
				cpat = f
			case strings.HasPrefix(f, "ppat:"):
				ppat = f
			}
		}
		fw.release()
		if cpat != tt.cpat {
			t.Errorf("%q: clause pattern %q, want %q", tt.sentence, cpat, tt.cpat)
		}
		if (ppat == "") != (tt.cpat == "") || len(ppat) != len(cpat) {
			t.Errorf("%q: polarity pattern %q beside %q", tt.sentence, ppat, cpat)
		}
	}
}

// TestHasQuote checks the byte searches against strings.ContainsAny, on
// texts with and without marks, and broken UTF-8 around them.
func TestHasQuote(t *testing.T) {
	for _, s := range []string{
		"", "plain", `a "said" b`, "“open", "close”", "‘single’", "\xe2\x80", "\xe2\x80\x9c", "x\xe2\xe2\x80\x9dy",
		"\xff\x80\x9c", "„low", "«guillemets»", "″double prime", "\xe2\x80\x9e", strings.Repeat("a", 100) + "”",
	} {
		if got, want := hasQuote(s), strings.ContainsAny(s, "“”\""); got != want {
			t.Errorf("hasQuote(%q) = %v, ContainsAny %v", s, got, want)
		}
	}
}

// FuzzHasQuote checks hasQuote against strings.ContainsAny on any bytes.
func FuzzHasQuote(f *testing.F) {
	for _, s := range []string{"", `"`, "“", "”", "\xe2\x80\x9c\xff", "\xe2\xe2\x80\x9d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasQuote(s), strings.ContainsAny(s, "“”\""); got != want {
			t.Errorf("hasQuote(%q) = %v, ContainsAny %v", s, got, want)
		}
	})
}

// TestThemesFromWords checks that the themes of a sentence tagged from
// the words extract splits it into are theme.Tag's of its text, on every
// sentence of the reports written for the tests.
func TestThemesFromWords(t *testing.T) {
	for _, s := range ownSentences(t) {
		if got, want := theme.TagWords(splitWords(s.Text)), theme.Tag(s.Text); !slices.Equal(got, want) {
			t.Errorf("%q: themes from words %q, Tag %q", s.Text, got, want)
		}
	}
}
