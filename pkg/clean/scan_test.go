package clean

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/findings/findings/internal/benchdata"
)

// The patterns the byte scans of blocks.go and chrome.go stand in for: each
// scan must agree with its pattern on every text.
var (
	labelLineOracle = regexp.MustCompile(`^[A-Z][A-Za-z’' ]{2,30}:\s`)
	footnoteOracle  = regexp.MustCompile(`([^\s\d])\d{1,2}$`)
)

// lineSeeds are lines at the edges of the scans: labels of every length,
// curly apostrophes, colons without white space after them, footnote
// digits after letters, spaces and broken UTF-8, grades after colons, and
// the two non-ASCII letters that lower-case to ASCII.
var lineSeeds = []string{
	"", ":", "A: x", "Ab: x", "Abc: x", "Lead inspector: Jane Smith", "Inspection dates:\t4 March",
	"Children’s services: good", "O'Brien's view: fine", "Abc:x", "Abc:", "abc: x", "ABC DEF: x",
	"Abcdefghijklmnopqrstuvwxyzabcde: x", "Abcdefghijklmnopqrstuvwxyzabcdef: x", "Ab1: x", "A\xff: x",
	"board1", "improve?1", "board12", "board123", "12", "1", "a 1", "é1", "\xff1", "a\t12", "Help 2",
	"Overall effectiveness: good", "Care leavers:requires  improvement to be good", "Note: good work",
	"a: b: Outstanding", "Leaders: GOOD", "no colon good",
	"CROWN COPYRIGHT", "Crown copyrİght", "open government licence", "HTTP://x", "WWW.example.org",
	"\u212aelvin", "http", "htt", "wwW.",
}

// TestLabelLine pins labelLine to cases and to its pattern.
func TestLabelLine(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Lead inspector: Jane Smith", true},
		{"Children’s guardian: none", true},
		{"Ab: too short a label", false},
		{"Label:without a space", false},
		{"The 2023 plan: late", false},
	} {
		if got := labelLine(tt.s); got != tt.want {
			t.Errorf("labelLine(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	for _, s := range lineSeeds {
		if got, want := labelLine(s), labelLineOracle.MatchString(s); got != want {
			t.Errorf("labelLine(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// TestSectionNameFootnote: a footnote's digits come off a heading, a
// number that is a word of its own stays.
func TestSectionNameFootnote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"What needs to improve?1", "What needs to improve"},
		{"Local safeguarding board12", "Local safeguarding board"},
		{"Priority 2", "Priority 2"},
		{"Year 2024", "Year 2024"},
	} {
		if got := SectionName(tt.in); got != tt.want {
			t.Errorf("SectionName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, s := range lineSeeds {
		if got, want := dropFootnote(s), footnoteOracle.ReplaceAllString(s, "$1"); got != want {
			t.Errorf("dropFootnote(%q) = %q, the pattern gives %q", s, got, want)
		}
	}
}

// TestScansAgree checks gradedHeading and contactWords against the
// patterns and the lower-cased copies they save, on the seeds and on
// every paragraph of the benchmark texts.
func TestScansAgree(t *testing.T) {
	for _, s := range lineSeeds {
		checkScans(t, s)
	}
	texts, _ := benchdata.Texts(t)
	for _, text := range texts {
		for _, s := range strings.Split(text, "\n\n") {
			checkScans(t, s)
		}
	}
}

// checkScans fails t when a scan and its pattern disagree on s.
func checkScans(t *testing.T, s string) {
	t.Helper()
	if got, want := labelLine(s), labelLineOracle.MatchString(s); got != want {
		t.Errorf("labelLine(%q) = %v, the pattern says %v", s, got, want)
	}
	if got, want := dropFootnote(s), footnoteOracle.ReplaceAllString(s, "$1"); got != want {
		t.Errorf("dropFootnote(%q) = %q, the pattern gives %q", s, got, want)
	}
	if got, want := gradedHeading(s), gradedHeadingRE.MatchString(s); got != want {
		t.Errorf("gradedHeading(%q) = %v, the pattern says %v", s, got, want)
	}
	low := strings.ToLower(s)
	licence, web := contactWords(s)
	if want := strings.Contains(low, "crown copyright") || strings.Contains(low, "open government licen"); licence != want {
		t.Errorf("contactWords(%q) licence = %v, lowering says %v", s, licence, want)
	}
	// web is only asked for when there is no licence line
	if want := strings.Contains(low, "http") || strings.Contains(low, "www."); !licence && web != want {
		t.Errorf("contactWords(%q) web = %v, lowering says %v", s, web, want)
	}
}

// FuzzScans checks the byte scans against their patterns on any text.
func FuzzScans(f *testing.F) {
	for _, s := range lineSeeds {
		f.Add(s)
	}
	f.Fuzz(checkScans)
}

// shapeOracle is shape by other means: lowered by strings.ToLower, each
// run of digits one "#", the words joined by one space, and "" for a line
// of one word with no digit (no run of white space in it).
func shapeOracle(s string) string {
	spaceRuns := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
	if len(spaceRuns) == 0 && !strings.ContainsAny(s, "0123456789") {
		return ""
	}
	return strings.Join(strings.Fields(digitRunRE.ReplaceAllString(strings.ToLower(s), "#")), " ")
}

var digitRunRE = regexp.MustCompile(`[0-9]+`)

// TestShapeAsOracle holds shape, which reads ASCII bytes in place and
// decodes the rest, to shapeOracle on written lines and the benchmark
// reports' lines.
func TestShapeAsOracle(t *testing.T) {
	lines := []string{"", "Page 1 of 3", "ÉCOLE  Café\u00a012", "Invalid \xff\xfe bytes 3", "ONE two\tTHREE", "İstanbul \u212a 4", "x"}
	texts, _ := benchdata.Texts(t)
	for _, text := range texts {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	for _, l := range lines {
		if got, want := shape(l), shapeOracle(l); got != want {
			t.Errorf("shape(%q) = %q, want %q", l, got, want)
		}
	}
}
