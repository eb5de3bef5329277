package extract

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/findings/findings/internal/benchdata"

	"github.com/findings/findings/pkg/clean"
	"github.com/findings/findings/pkg/report"
)

func TestTitle(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
	}{
		{"news headline", "Council's care for children 'not good enough', say inspectors\n\nInspectors found that plans for children were weak.\n",
			"Council's care for children 'not good enough', say inspectors"},
		{"letterhead, then the subject line run into the letter",
			"Ofsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD\n\n12 May 2024\n\nDear Ms Smith,\nFocused visit to Anyshire children’s services\nThis letter summarises the findings of the focused visit to Anyshire.\n",
			"Focused visit to Anyshire children’s services"},
		{"a title set on two lines",
			"Inspection of Anyshire County\n\nCouncil local authority children’s services\n\nInspection dates: 4 to 15 March 2024\n\nChildren in Anyshire are safe.\n",
			"Inspection of Anyshire County Council local authority children’s services"},
		{"a short title that is all there is", "Anyshire\n\nChildren are safe.\n", "Anyshire"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := title(tt.text, clean.Blocks(tt.text)); got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAuthorityRunByTrust: a service run by a trust or a company is the
// council's: the authority is the council's name.
func TestAuthorityRunByTrust(t *testing.T) {
	fs, err := newFactStage()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, want string }{
		{"Focused visit to Bradford Children and Families Trust\nThis letter summarises the findings of the focused visit to Bradford Children and Families Trust.\n", "Bradford"},
		{"Inspection of Bradford Children and Families Trust children’s services\nChildren in Bradford are safer.\n", "Bradford"},
		{"Monitoring visit to Doncaster Children’s Services Trust\nThe trust has improved.\n", "Doncaster"},
		{"Inspection of Kingston upon Thames local authority children’s services\nAchieving for Children runs the services of Kingston and Richmond.\n", "Kingston upon Thames"},
		{"Achieving for Children runs the services.\nInspection of Richmond upon Thames local authority children’s services\n", "Richmond upon Thames"},
		{"Focused visit to Sunderland children’s services\nTogether for Children delivers the services on behalf of Sunderland City Council.\n", "Sunderland"},
		{"Redmarsh Children’s Trust runs the service.\nThe trust was set up in 2020.\n", "Redmarsh"},
	} {
		if got := fs.authority(tt.text); got != tt.want {
			t.Errorf("authority(%q) = %q, want %q", tt.text[:40], got, tt.want)
		}
	}
}

// BenchmarkFacts settles the facts of every benchmark document.
func BenchmarkFacts(b *testing.B) {
	texts, n := benchdata.Texts(b)
	blocks := make([][]clean.Block, len(texts))
	for i, t := range texts {
		blocks[i] = clean.Blocks(t)
	}
	fs, err := newFactStage()
	if err != nil {
		b.Fatal(err)
	}
	for i, t := range texts { // the patterns compile on first use: not timed
		fs.factsOf(t, blocks[i])
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			fs.factsOf(t, blocks[i])
		}
	}
}

// TestTidyAuthority pins the words data/notauthority.txt rules out.
func TestTidyAuthority(t *testing.T) {
	fs, err := newFactStage()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"Birmingham City Council":       "Birmingham",
		"The Council":                   "",
		"Ofsted":                        "",
		"Inspection of Anyshire":        "",
		"Reading’s Children’s Services": "Reading",
	} {
		if got := fs.tidyAuthority(in); got != want {
			t.Errorf("tidyAuthority(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFactsSettleCouncil checks the facts stage settles the council once,
// from the stated authority against the council list.
func TestFactsSettleCouncil(t *testing.T) {
	fs, err := newFactStage()
	if err != nil {
		t.Fatal(err)
	}
	text := "Inspection of Hull City Council local authority children’s services\n\nChildren in Hull are safe.\n"
	f := fs.read(report.Document{Source: "r/hull-2024.txt", Text: text}, clean.Blocks(text))
	if f.CouncilKey != "kingston upon hull" || f.CouncilName != "Kingston upon Hull" {
		t.Errorf("council = %q, %q; want the list's Kingston upon Hull (authority %q)", f.CouncilKey, f.CouncilName, f.Authority)
	}
}

// patternSeeds are openings at the edges of the facts patterns' shortcuts:
// the opening words in other cases, glued to a word before them ("Reinspection"),
// at the very start and end, repeated, and the letters (long s, the Kelvin
// sign) that a case-blind pattern matches to ASCII ones.
var patternSeeds = []string{
	"",
	"Inspection of Anyshire local authority children’s services\nInspection of Anyshire local authority children's services",
	"ReInspection of Anyshire local authority children’s services",
	"FOCUSED VISIT to Anyshire County Council children’s services. A monitoring visit of the Fenbury Council",
	"Monitoring visit to Fenbury Children’s Services Trust. Joint targeted area inspection of Redmarsh local authority",
	"jointly we visited. The visit of Anyshire Children First. visit to inspection of Fenbury council",
	"Local authority: Anyshire\nLOCAL  AUTHORITY:  Fenbury",
	"Services for children in Anyshire and services to children and young people in Fenbury",
	"Since Anyshire was rated good, in Fenbury were judged",
	"focuſed viſit to Anyſhire Council. Monitoring visit to \u212aent County Council",
	"The jtai of Anyshire; a jtai. Focused visit. monitoring letter; monitoring report; the inspection; inspectors rated",
	"Anyshire\nInspection of children’s services\nFenbury\nCounty Council\n",
}

// checkPatterns fails t when a pattern's shortcut finds other matches in s
// than the pattern itself.
func checkPatterns(t *testing.T, s string) {
	t.Helper()
	low, keys := asciiLower(s), ""
	if !foldsToASCII(s) {
		keys = lowKeys(s)
	}
	for k, p := range authorityREs {
		re := regexp.MustCompile(p.expr)
		want := re.FindAllStringSubmatchIndex(s, -1)
		if got := p.submatches(s, keys, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("authority pattern %d in %q: matches %v, the regexp %v", k, s, got, want)
		}
		if got, want1 := p.submatches(s, keys, 1), re.FindStringSubmatchIndex(s); len(got) > 0 != (want1 != nil) || want1 != nil && !reflect.DeepEqual(got[0], want1) {
			t.Errorf("authority pattern %d in %q: first match %v, the regexp %v", k, s, got, want1)
		}
	}
	for _, tp := range typeREs {
		want := -1
		if m := tp.re.FindStringIndex(low); m != nil {
			want = m[0]
		}
		if got := tp.first(low, len(low)+1); got != want {
			t.Errorf("%s in %q: first = %d, the regexp %d", tp.kind, low, got, want)
		}
	}
}

// TestPatternShortcuts checks that the authority and inspection-type
// patterns find what their regexps find, run over the whole text.
func TestPatternShortcuts(t *testing.T) {
	for _, s := range patternSeeds {
		checkPatterns(t, s)
	}
}

// FuzzPatternShortcuts checks the shortcuts against the regexps on any
// text.
func FuzzPatternShortcuts(f *testing.F) {
	for _, s := range patternSeeds {
		f.Add(s)
	}
	f.Fuzz(checkPatterns)
}
