package clean

import (
	"regexp"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/nlp"
)

// chromeOracle is the alternation the phrase set stands in for: the two
// must agree on every text.
var chromeOracle = func() *regexp.Regexp {
	var alts []string
	for _, l := range nlp.DataLines(chromeData) {
		alts = append(alts, regexp.QuoteMeta(l))
	}
	return regexp.MustCompile(`(?:^|\W)(?:` + strings.Join(alts, "|") + `)(?:\W|$)`)
}()

// postcodeOracle is the pattern postcode scans for.
var postcodeOracle = regexp.MustCompile(`\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b`)

// scanSeeds are texts at the edges of both scans: phrases at either end,
// glued to words, a phrase that is the start of another, non-ASCII and
// broken UTF-8 around them, and postcodes of every shape.
var scanSeeds = []string{
	"", "subscribe", "subscribes", "unsubscribe", "cookie", "cookies", "cookiesx", "xcookie",
	"read more", "read more.", "photo:", "photo:x", "photo: x", "(photo:)", "éphoto: é",
	"sign in\xff", "\xffsign in", "yes / no", "yes /no", "_menu", "menu_", "menu1", "1menu",
	"we read the full report", "no chrome here at all",
	"M1 2WD", "SW1A 1AA", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX",
	"aM1 2WD", "M1 2WDx", "M1  2WD", "M1\t2WD", "M1\n2WD", "M1\v2WD", "ABC1 2WD", "M1 2W", "M1 2wd",
	"Ofsted, Piccadilly Gate, Manchester M1 2WD.", "KS4 results", "Y2 pupils", "M12 3AB_", "é M1 2WD é",
}

// TestPhraseSet pins the phrase set to cases and to the alternation it
// replaces.
func TestPhraseSet(t *testing.T) {
	for _, tt := range []struct {
		low  string
		want bool
	}{
		{"subscribe today", true},
		{"subscribers wanted", false},
		{"photo: jane smith", true},
		{"photo:jane", false},
		{"the menu", true},
		{"menus", false},
		{"leaders read more widely", true},
		{"children are safe", false},
	} {
		if got := chromePhrases.in(tt.low); got != tt.want {
			t.Errorf("in(%q) = %v, want %v", tt.low, got, tt.want)
		}
	}
	for _, s := range scanSeeds {
		low := strings.ToLower(s)
		if got, want := chromePhrases.in(low), chromeOracle.MatchString(low); got != want {
			t.Errorf("in(%q) = %v, the alternation says %v", low, got, want)
		}
	}
}

// TestPostcode pins postcode to cases and to the pattern it replaces.
func TestPostcode(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Manchester M1 2WD", true},
		{"London SW1A 1AA", true},
		{"KS4 results rose", false},
		{"M1 2WDX", false},
	} {
		if got := postcode(tt.s); got != tt.want {
			t.Errorf("postcode(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	for _, s := range scanSeeds {
		if got, want := postcode(s), postcodeOracle.MatchString(s); got != want {
			t.Errorf("postcode(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// FuzzChromeScans checks the phrase set and postcode against the patterns
// they replace on any text.
func FuzzChromeScans(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := strings.ToLower(s)
		if got, want := chromePhrases.in(low), chromeOracle.MatchString(low); got != want {
			t.Fatalf("in(%q) = %v, the alternation says %v", low, got, want)
		}
		if got, want := postcode(s), postcodeOracle.MatchString(s); got != want {
			t.Fatalf("postcode(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}
