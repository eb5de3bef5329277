package extract

import (
	"math/rand"
	"regexp"
	"slices"
	"strings"
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
		cs, err := x.metrics.metrics(s, splitWords(s))
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
		cs, err := x.metrics.metrics(tt.sentence, splitWords(tt.sentence))
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

// TestMetricsMasks: the numbers of references, ages, levels, thresholds
// and frequencies (data/notmetrics.txt) are no metrics; the metrics beside
// them still are.
func TestMetricsMasks(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sentence string
		want     []string
	}{
		// paragraph references
		{"Managers do not check plans often enough (Paras 31, 33, 40).", nil},
		{"Return interviews are rarely completed (see paragraphs 52, 57 61,62,70).", nil},
		{"Reviews are timely (paragraph 18) and 41 children were seen.", []string{"41"}},
		{"This is set out in para. 104 and 105 above.", nil},
		// ages
		{"The service works with young people between the ages of 16 and 18.", nil},
		{"Care leavers aged 19, 20 or 21 are offered a review.", nil},
		{"Plans for young people nearing 18 are weak, and 12% have no plan.", []string{"12%"}},
		{"Babies under one year old are seen within a day by 14 health visitors.", []string{"14"}},
		{"Of the children up to the age of 11, 64.5% live with foster carers.", []string{"64.5%"}},
		{"Advisers stay with young people until they are 25, and 90% stay in touch.", []string{"90%"}},
		{"The trust set up an 18 plus team, and 14% of the 10–17 population offend.", []string{"14%"}},
		{"Only children three years or older are considered.", nil},
		{"Of the 40 care leavers, 12 are young people who are 17, and 9 live alone.", []string{"40", "12", "9"}},
		{"The team works with 32 children ranging from 11 to 18 years.", []string{"32"}},
		// levels, tiers, stages
		{"Referrals to tier two and three mental health services have risen by 20%.", []string{"20%"}},
		{"Children at key stages 1 and 2 do well, and 31 adopters are at stage one.", []string{"31"}},
		{"The 0 to 25 disability service supports 212 families.", []string{"212"}},
		// thresholds
		{"Too many (18%) children live more than 20 miles from home.", []string{"18%"}},
		{"Only 9% of children gained five GCSEs at grades A* to C.", []string{"9%"}},
		{"The proportion with three or more placement moves in a year fell to 7%.", []string{"7%"}},
		{"Some 71% have lived in the same placement for two years.", []string{"71%"}},
		{"Of 60 children, 11 had at least one fixed-term exclusion.", []string{"60", "11"}},
		{"Four children receive less than 25 hours of education.", []string{"Four"}},
		// frequencies and periods
		{"Plans are reviewed twice a year and panels meet three times a month.", nil},
		{"In the first half of 2024–25, 46 children were adopted.", []string{"46"}},
		{"Children get 1:1 support through one single point of access.", nil},
		// still metrics
		{"Caseloads doubled, to twice the regional average of 15 children.", []string{"doubled", "twice", "15"}},
		{"Children waited more than 12 months in 14 cases.", []string{"14"}},
	} {
		cs, err := x.metrics.metrics(tt.sentence, splitWords(tt.sentence))
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

// clauseStopRE is the pattern lastClauseStop scans for, its oracle.
var clauseStopRE = regexp.MustCompile(`[;:]|,\s+(?:and|but|while|whereas|although|with)\s|\bwhich\b|\bwhile\b|\bbut\b|\bas\b|\bbecause\b`)

// lastClauseStopByRE is lastClauseStop by the pattern.
func lastClauseStopByRE(s string) int {
	if ms := clauseStopRE.FindAllStringIndex(s, -1); len(ms) > 0 {
		return ms[len(ms)-1][1]
	}
	return -1
}

// TestLastClauseStopAsPattern checks the scan against the pattern on the
// lower-cased benchmark sentences, every tail of them, and texts at the
// edges of each alternative.
func TestLastClauseStopAsPattern(t *testing.T) {
	cases := []string{"", ";", "a:b", ",and ", ", and ", ",  \tbut\nx", ", whereas", ", with", ", withx ", "which",
		"whichever", "_as", "as_", "has", "as", "é as", "asé", "because,", "but but", ", and, but ", "x, although b; c which"}
	found := 0
	for _, s := range reportSentences(t) {
		low := strings.ToLower(s)
		cases = append(cases, low)
		for i := 0; i < len(low); i += 7 {
			cases = append(cases, low[i:])
		}
	}
	for _, s := range cases {
		got, want := lastClauseStop(s), lastClauseStopByRE(s)
		if got != want {
			t.Errorf("lastClauseStop(%q) = %d, the pattern says %d", s, got, want)
		}
		if want >= 0 {
			found++
		}
	}
	if found < 100 {
		t.Fatalf("only %d texts hold a clause break", found)
	}
}

// FuzzLastClauseStop checks the scan against the pattern on any text.
func FuzzLastClauseStop(f *testing.F) {
	f.Add("rates fell, but then rose; as expected, which")
	f.Add(", \t and x,while y")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastClauseStop(s), lastClauseStopByRE(s); got != want {
			t.Errorf("lastClauseStop(%q) = %d, the pattern says %d", s, got, want)
		}
	})
}

// TestHoldsInAsHolds checks that the masks' key test with the pairs of
// bytes says what the plain key test says, for every mask on the
// benchmark sentences' windows and random texts of the masks' words, and
// that the pair set is empty again after each text.
func TestHoldsInAsHolds(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	all := append(append([]guarded{}, notMetric...), x.metrics.masks...)
	pairs := new(bytePairs)
	held := 0
	for _, s := range append(textsFor(t, x, 400), "", "a", "19", "over 21,", "section 4") {
		pairs.set(s, true)
		for _, g := range all {
			got, want := g.holdsIn(s, pairs), g.holds(s)
			if got != want {
				t.Errorf("%q: holdsIn %v, holds %v for keys %q", s, got, want, g.keys)
			}
			if want {
				held++
			}
		}
		pairs.set(s, false)
		if *pairs != (bytePairs{}) {
			t.Fatalf("pairs of %q left in the set", s)
		}
	}
	if held < 100 {
		t.Fatalf("only %d keys held: the texts test little", held)
	}
}

// TestIsNumberWord holds isNumberWord, which skips most words by a bit,
// to its plain reading: the word, or a part of it around its first
// hyphen, is a number word.
func TestIsNumberWord(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	nw := x.metrics.numbers
	plain := func(w string) bool {
		a, b, _ := strings.Cut(w, "-")
		return nw.any[a] || nw.any[b]
	}
	words := []string{"", "-", "one-", "-one", "twenty-one", "forty-two-three", "x-three", "the", "thirds", "halves"}
	for w := range nw.any {
		words = append(words, w, w+"-fold", "twenty-"+w, w+"s")
	}
	for _, s := range reportSentences(t) {
		for _, w := range splitWords(asciiLower(s)) {
			words = append(words, w.text)
		}
	}
	found := 0
	for _, w := range words {
		got := x.metrics.isNumberWord(w)
		if got != plain(w) {
			t.Errorf("isNumberWord(%q) = %v", w, got)
		}
		if got {
			found++
		}
	}
	if found == 0 {
		t.Error("no number word found")
	}
}

// TestMayQualify checks that mayQualify says no only where qualifierRE
// finds nothing: before every digit of the benchmark sentences, and in
// texts made to match.
func TestMayQualify(t *testing.T) {
	texts := []string{"about ", "APPROX. ", "approx ", "c. ", "some c.", "ſome ", "more than\t", "just over ", "xabout ",
		"up to", "at least  ", "circa\n", "nearly\v", "abc", "", " ", ".", "to.", "roughly 1", "(around "}
	checkMay(t, "mayQualify", qualifierRE, mayQualify, append(texts, beforeDigits(t, 32)...), 10)
}

// beforeDigits is the text up to n bytes before each digit of the
// benchmark sentences: where the patterns that read what precedes a
// number run.
func beforeDigits(t *testing.T, n int) []string {
	var out []string
	for _, s := range reportSentences(t) {
		for i := range len(s) {
			if isDigit(s[i]) {
				out = append(out, s[max(0, i-n):i])
			}
		}
	}
	return out
}

// randomTexts are n texts of fewer than most parts each, drawn from parts
// by a source seeded with seed.
func randomTexts(seed int64, n, most int, parts []string) []string {
	rnd := rand.New(rand.NewSource(seed))
	out := make([]string, n)
	for k := range out {
		var b strings.Builder
		for range rnd.Intn(most) {
			b.WriteString(parts[rnd.Intn(len(parts))])
		}
		out[k] = b.String()
	}
	return out
}

// checkMay checks a cheap test run before the pattern re: may says no only
// to texts re does not match, and re matches at least least of texts.
func checkMay(t *testing.T, name string, re *regexp.Regexp, may func(string) bool, texts []string, least int) {
	t.Helper()
	matched := 0
	for _, s := range texts {
		if re.MatchString(s) {
			matched++
			if !may(s) {
				t.Errorf("%s(%q) is false; the pattern matches it", name, s)
			}
		}
	}
	if matched < least {
		t.Errorf("only %d texts matched, want at least %d", matched, least)
	}
}

// TestLetterWords holds letterWords to wordNumberRE on the benchmark
// sentences and on random texts of letters, hyphens, digits, marks and
// the letters beyond ASCII that the pattern's case folding reads.
func TestLetterWords(t *testing.T) {
	alphabet := []string{"a", "B", "z", "-", "_", "1", " ", ".", "'", "é", "ſ", "\u212a", "—"}
	texts := append(reportSentences(t), randomTexts(1, 5000, 14, alphabet)...)
	for _, s := range texts {
		got, want := letterWords(s), wordNumberRE.FindAllStringIndex(s, -1)
		if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Errorf("letterWords(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFromNeedsFrom checks the test fromTo runs before fromToRE: it says
// no only where the pattern does not match.
func TestFromNeedsFrom(t *testing.T) {
	texts := []string{"from ", "FROM", "rose From\t", "fell from a high rate in 2013-14 of ", "frOm  ", "fro m", ""}
	holdsFrom := func(s string) bool { return holdsFoldASCII(s, "from") }
	checkMay(t, "holdsFoldASCII(from)", fromToRE, holdsFrom, append(texts, beforeDigits(t, 60)...), 5)
}

// TestLastTwoWords holds lastTwoWords to capitalBeforeRE on the text
// before every digit of the benchmark sentences and on random texts of
// words and white space.
func TestLastTwoWords(t *testing.T) {
	texts := []string{"", " ", "a", "a ", " a", "a b", "a b ", "a\tb\n", "  a  b  ", "a\vb c", "x\u00a0y z", "\xff \xfe"}
	for _, s := range reportSentences(t) {
		for i := range len(s) {
			if isDigit(s[i]) {
				texts = append(texts, lookBehind(s[:i], 128))
			}
		}
	}
	parts := []string{"a", "Bc", " ", "\t", "\n", "\v", "\u00a0", ".", "3"}
	texts = append(texts, randomTexts(3, 3000, 8, parts)...)
	for _, s := range texts {
		if got, want := lastTwoWords(s), capitalBeforeRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("lastTwoWords(%q) = %q, want %q", s, got, want)
		}
	}
}
