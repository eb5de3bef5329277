package extract

import (
	"math/rand"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/findings/findings/internal/benchdata"
	"github.com/findings/findings/pkg/clean"
	"github.com/findings/findings/pkg/nlp"
)

// eachAll collects what pattern.each finds, as FindAllStringIndex gives it.
func eachAll(p *pattern, s, low string) [][]int {
	var out [][]int
	p.each(s, low, func(a, b int) { out = append(out, []int{a, b}) })
	return out
}

// checkSame fails when the pattern's branches find other matches than its
// whole regular expression does in s.
// It asks each and, with the pairs of bytes of s and its keys, eachIn.
func checkSame(t *testing.T, p *pattern, s string) {
	t.Helper()
	want := p.whole().FindAllStringIndex(s, -1)
	got := eachAll(p, s, keyText(s))
	if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
		t.Errorf("%s\non %q\ngot  %v\nwant %v", p.whole(), s, got, want)
	}
	checkPairs.set(s, true)
	checkPairs.set(keyText(s), true)
	got = nil
	p.eachIn(s, keyText(s), checkPairs, func(a, b int) { got = append(got, []int{a, b}) })
	checkPairs.set(s, false)
	checkPairs.set(keyText(s), false)
	if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
		t.Errorf("%s\non %q with its pairs\ngot  %v\nwant %v", p.whole(), s, got, want)
	}
}

// checkPairs is checkSame's set of pairs, empty between calls.
var checkPairs = new(bytePairs)

func TestPatternFindsWhatTheWholeFinds(t *testing.T) {
	cases := []struct{ expr, text string }{
		// an earlier branch wins a tie; a later branch's match that overlaps
		// the one before is not found
		{`\bab|\babc`, "abc ab abcd"},
		{`\bb\w+|\ba\w+ b`, "axe bcd bee"},
		{`\bone\s+two|\btwo\s+three`, "one two three two three"},
		// a match that ends inside a word: the next \b is not at its end
		{`\b\d{1,2}-year|\byears?\b`, "12-years 3-year years"},
		{`\b\d{1,2}\+|\b\d+ children`, "16+ 4 children 12+3 children"},
		// one branch, tried where a word opens with a letter or digit
		{`\b[a-z]+\d+[a-z]*\b`, "ab12cd3 x9 9x a1b2 -q7"},
		{`\b\d+(?:st|nd)\b`, "1st 22nd x3rd 4st5nd"},
		// a branch that does not open with \b and a word character
		{`(?:^|\s)x|\by`, "x yx y"},
		{`[a|b]c|d`, "ac |c dc"},
		// white space other than a space: the needs see it as one
		{`\bper\s+100|\bin\s+every`, "per\t100 in\n every per  100"},
		// tried only where a word opens with the first two bytes of a match
		{`\b(?:section|s\.|paras?)\s+\d+`, "se 1 section 2 s. 3 sa 4 s 5 para 6 paras\t7 pa 8 s"},
		{`\b(?:ab|c)\w+`, "ab1 c cd abc a"},
	}
	for _, c := range cases {
		p := mustPattern(c.expr)
		checkSame(t, p, c.text)
	}
}

// TestOpeningPairs checks the first two bytes read from patterns: known
// only when every match opens with two known bytes.
func TestOpeningPairs(t *testing.T) {
	pair := func(s string) uint16 { return uint16(s[0])<<8 | uint16(s[1]) }
	cases := []struct {
		expr string
		want []uint16
	}{
		{`\b(?:section|s\.|paras?)\s+\d`, []uint16{pair("pa"), pair("s."), pair("se")}},
		{`\bup\s+to`, []uint16{pair("up")}},
		{`\ba\s+b`, []uint16{pair("a ")}},
		{`(?i)\bAb`, []uint16{pair("ab")}},
		{`\b(?:ab|c)\w+`, []uint16{pair("ab")}},
		{`\b(?:\d+|two)\s+days`, []uint16{pair("tw")}},
		{`\b[a-z]+\d`, nil},
	}
	anySecond := map[string]string{`\b(?:ab|c)\w+`: "c", `\b(?:\d+|two)\s+days`: "0123456789"}
	for _, c := range cases {
		tree, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got, any := openingPairs(tree)
		if !slices.Equal(got, c.want) {
			t.Errorf("openingPairs(%s) = %v, want %v", c.expr, got, c.want)
		}
		var anyGot string
		for b := range 256 {
			if any != nil && any[b] {
				anyGot += string(rune(b))
			}
		}
		if anyGot != anySecond[c.expr] {
			t.Errorf("openingPairs(%s): any second byte after %q, want %q", c.expr, anyGot, anySecond[c.expr])
		}
	}
}

func TestPatternCutsOnlyWhereSafe(t *testing.T) {
	cases := []struct {
		expr     string
		branches int
	}{
		{`\bab|\bcd`, 2},
		{`a|b|c`, 3},
		{`(?:^|\s)x|\by`, 1}, // the first branch tests the text before it
		{`[a|b]c`, 1},        // the | is in a class
		{`(a|b)c`, 1},        // the | is in a group
		{`\b(?:x)?|y`, 1},    // the first branch may match empty text
		{`\b-x|\by`, 1},      // \b before a hyphen tests the text before
	}
	for _, c := range cases {
		if n := len(mustPattern(c.expr).get().branches); n != c.branches {
			t.Errorf("%s: %d branches, want %d", c.expr, n, c.branches)
		}
	}
}

func TestContainsKey(t *testing.T) {
	for _, s := range []string{"", " ", "graded", " graded", "is graded", "isgraded graded", "upgraded", "x  graded", "gra"} {
		for _, k := range []string{" graded", " g", "graded", " ", "  graded"} {
			if got, want := containsKey(s, k), strings.Contains(s, k); got != want {
				t.Errorf("containsKey(%q, %q) = %v, want %v", s, k, got, want)
			}
		}
	}
}

func TestLowKeys(t *testing.T) {
	for _, s := range []string{"", "Inspectors MET\tthem\r\n", "\xffA\u212aB ſ\f", "plain text"} {
		if got, want := lowKeys(s), keyText(asciiLower(s)); got != want {
			t.Errorf("lowKeys(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestNeedHoldsOfEveryMatch(t *testing.T) {
	cases := []struct {
		expr string
		need [][]string
	}{
		{`\bper\s+(?:100|1,000)\b`, [][]string{{"per "}, {" 100", " 1,000"}}},
		{`\b(?:over|under)[- ]\d`, [][]string{{"over ", "over-", "under ", "under-"}, {anyDigit}}},
		{`(?i)\bJudged\s+good`, [][]string{{"judged "}, {" good"}}},
		{`\b\d+\s*%`, [][]string{{"%"}, {anyDigit}}},
		{`\b\d+(?:st|nd)?`, [][]string{{anyDigit}}},
		{`\b[a-z]+\s+\w`, nil},
		// a run of spaces: the words on either side of it, the more
		// telling first
		{`\bper\s+cent`, [][]string{{" cent"}, {"per "}}},
		{`\bgcses?\s+passes`, [][]string{{" passes"}, {"gcse ", "gcses "}}},
	}
	for _, c := range cases {
		p := mustPattern(c.expr)
		if got := p.get().branches[0].need; !slices.EqualFunc(got, c.need, slices.Equal[[]string]) {
			t.Errorf("%s: need %q, want %q", c.expr, got, c.need)
		}
	}
}

// TestMaskPatternsFindWhatTheirWholeFinds runs every pattern the metric
// stage cuts into branches over the benchmark sentences, their windows
// and random texts made of the patterns' own words.
func TestMaskPatternsFindWhatTheirWholeFinds(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var pats []*pattern
	for _, gs := range [][]guarded{notMetric, x.metrics.masks} {
		for _, g := range gs {
			pats = append(pats, g.pat)
		}
	}
	pats = append(pats, periodPat)
	texts := textsFor(t, x, 400)
	for _, p := range pats {
		for _, s := range texts {
			checkSame(t, p, s)
		}
	}
}

// textsFor is lower-cased sentences of the benchmark texts (a third of
// them in -short, and only their windows), the windows around their
// numbers, and random runs of words taken from the mask patterns.
func textsFor(t *testing.T, x *Extractor, random int) []string {
	var out []string
	for i, s := range reportSentences(t) {
		low := asciiLower(s)
		if !testing.Short() {
			out = append(out, low)
		} else if i%3 != 0 {
			continue
		}
		for _, w := range x.metrics.windows(low, splitWords(low)) {
			out = append(out, low[w[0]:w[1]])
		}
	}
	words := strings.Fields("12 2 19 2019 2014-15 0300 123 1231 one two three twenty-one 16 18 21 aged age ages over under " +
		"years year-old old years-old yrs - – to and or , . ( ) + % per 1,000 last past first every months weeks days ago later " +
		"monthly one-to-one point scale section paragraph 4.2 level tier stage key at young people care leavers street road m1 2wd " +
		"jan january 3rd 1st of between from who are times a week twice the age more than hours miles gcses placement moves")
	rnd := rand.New(rand.NewSource(1))
	for range random {
		var b strings.Builder
		for k := range 4 + rnd.Intn(12) {
			if k > 0 && rnd.Intn(8) > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rnd.Intn(len(words))])
		}
		out = append(out, b.String())
	}
	return out
}

// reportSentences is the sentences of the benchmark texts (every other
// one in -short).
func reportSentences(t *testing.T) []string {
	texts, _ := benchdata.Texts(t)
	var out []string
	n := 0
	for _, text := range texts {
		for _, bl := range clean.Blocks(text) {
			ss, err := nlp.Sentences(bl.Text)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range ss {
				if n++; !testing.Short() || n%2 == 0 {
					out = append(out, s.Text)
				}
			}
		}
	}
	return out
}

// TestDigitTestsNeverHideAMatch checks that the byte tests run before the
// digit patterns say no only where the pattern finds nothing.
func TestDigitTestsNeverHideAMatch(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(textsFor(t, x, 200), reportSentences(t)...)
	texts = append(texts, "12. The council", " 3 Children", "services.12 The", "children’12", "them”3", "(see 4)", "2wd", "a 10am start")
	seen := map[string]int{}
	for _, s := range texts {
		low := asciiLower(s)
		for _, c := range []struct {
			name string
			may  bool
			re   *regexp.Regexp
			text string
		}{
			{"lead", opensWithDigit(s), leadNumberRE, s},
			{"glue", mayGlue(s), footnoteGlueRE, s},
			{"code", digitLetter(low), codeRE, low},
		} {
			if c.re.MatchString(c.text) {
				seen[c.name]++
				if !c.may {
					t.Errorf("%s: the test says no to %q, which the pattern matches", c.name, c.text)
				}
			}
		}
		checkSame(t, perPat, low)
	}
	for _, n := range []string{"lead", "glue", "code"} {
		if seen[n] == 0 {
			t.Errorf("%s: no text matched, nothing was tested", n)
		}
	}
}

// TestMatcherMatchesWhatTheWholeMatches asks the judgement stage's
// matchers of the benchmark sentences and of texts that match.
func TestMatcherMatchesWhatTheWholeMatches(t *testing.T) {
	texts := append(reportSentences(t), "A good local authority is one that",
		"An outstanding LSCB means", "on a four-point scale", "A service that", "A council requires improvement when",
		"A local authority is inadequate if", "THE GOOD SERVICE  WILL\tbe", "an authority that")
	matched := 0
	for _, s := range texts {
		k := proseKeys(s)
		want := descriptorRE.whole().MatchString(s)
		if got := descriptorRE.matches(s, k.keys); got != want {
			t.Errorf("descriptor on %q: %v, want %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 7 {
		t.Errorf("%d texts matched, want at least the 7 written to", matched)
	}
	if n := len(descriptorRE.get().branches); n != 4 {
		t.Errorf("descriptor: %d branches, want 4", n)
	}
	checkMatcher(t, previousPat, previousRE, append(reportSentences(t),
		"At the LAST inspection it was good", "the most recent full\tinspection", "It was last inspected in 2012",
		"at that time", "Since the service was judged good", "following the good judgement", "inspections ago",
		"before this one", "When the council was last inspected", "the former Ofsted visit", "the prior judgements",
		"at the \u212aelvin inspection", "the last inspections"), 8)
}

// checkMatcher checks a matcher against its regexp on texts, at least
// least of which it matches.
func checkMatcher(t *testing.T, p *pattern, re *regexp.Regexp, texts []string, least int) {
	t.Helper()
	matched := 0
	for _, s := range texts {
		want := re.MatchString(s)
		if got := p.matches(s, proseKeys(s).keys); got != want {
			t.Errorf("%s on %q: %v, want %v", re, s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < least {
		t.Errorf("%d texts matched, want at least %d", matched, least)
	}
}

// TestUnitPatternsFindWhatTheWholeFinds checks the metric patterns whose
// groups are read, tried where a number opens, against their whole.
func TestUnitPatternsFindWhatTheWholeFinds(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(textsFor(t, x, 300), "42% of 1,200 children", "three per cent, 4.5 percent", "2 percentage points",
		"£1.4m and $30 k", "12 per 10,000 and 3 in every 100", "six weeks, 12 working days and 2-3 months", "x42% 1st2 per 100")
	found := 0
	for _, s := range texts {
		low := asciiLower(s)
		for _, p := range []*pattern{percentRE, pointsRE, rateRE, durationRE, moneyRE} {
			var got [][]int
			p.eachSubmatch(low, keyText(low), func(m []int) { got = append(got, m) })
			want := p.whole().FindAllStringSubmatchIndex(low, -1)
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Errorf("%s\non %q\ngot  %v\nwant %v", p.whole(), low, got, want)
			}
			found += len(want)
		}
		checkSame(t, digitsPatn, low)
	}
	if found == 0 {
		t.Error("no text matched: nothing was tested")
	}
}

// TestPatternCompilesOnceForEveryGoroutine runs a fresh pattern from
// several goroutines at once, as a batch's jobs do (go test -race).
func TestPatternCompilesOnceForEveryGoroutine(t *testing.T) {
	p := mustPattern(`\b\d+ children|\bchildren aged \d+`)
	want := p.whole().FindAllStringIndex("4 children and children aged 12", -1)
	var wg sync.WaitGroup
	got := make([][][]int, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = eachAll(p, "4 children and children aged 12", "4 children and children aged 12")
		}()
	}
	wg.Wait()
	for _, g := range got {
		if !slices.EqualFunc(g, want, slices.Equal[[]int]) {
			t.Errorf("got %v, want %v", g, want)
		}
	}
}

// TestOpeningNeeds checks what an opening pattern needs and opens with:
// its capitalised words in lower case, as lowKeys gives the text, every
// set of a choice (" company" as well as " services "), and no opening
// strings when they are short.
func TestOpeningNeeds(t *testing.T) {
	hasSet := func(need [][]string, want ...string) bool {
		return slices.ContainsFunc(need, func(set []string) bool { return slices.Equal(set, want) })
	}
	b := mustOpening(`\bInspection\s+of\s+[A-Z]\w+\s+Council`).get().branches[0]
	if !hasSet(b.need, " council") || !hasSet(b.need, "inspection ") || !slices.Equal(b.at, []string{"inspection "}) {
		t.Errorf("capitalised words: need %q, at %q; want inspection and council in lower case", b.need, b.at)
	}
	b = mustOpening(`\b[A-Z]\w+\s+(?:trust|children[’']s\s+services\s+company)`).get().branches[0]
	if !hasSet(b.need, "trust", " company") || b.at != nil {
		t.Errorf("a choice: need %q, at %q; want trust or company, no opening strings", b.need, b.at)
	}
	if b := mustOpening(`\b(?:in|at)\s+[A-Z]\w+`).get().branches[0]; b.at != nil {
		t.Errorf("short openings: at %q, want none", b.at)
	}
	p := mustOpening(`(?i:visit)\s+to\s+([A-Z]\w+)`)
	s := "A Visit to Anyshire. A visit to Fenbury and a visit to Redmarsh."
	want := regexp.MustCompile(p.expr).FindAllStringSubmatchIndex(s, 2)
	if got := p.submatches(s, lowKeys(s), 2); !reflect.DeepEqual(got, want) {
		t.Errorf("submatches = %v, the regexp %v", got, want)
	}
}

// TestOpeningEach checks that an opening pattern asked for its matches
// alone finds what its regexp finds.
func TestOpeningEach(t *testing.T) {
	p := mustOpening(`\bvisit\s+to\s+[A-Z]\w+`)
	s := "revisit to Anyshire; visit to Fenbury, visit to Redmarsh"
	var got [][]int
	p.each(s, lowKeys(s), func(a, b int) { got = append(got, []int{a, b}) })
	if want := regexp.MustCompile(p.expr).FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("each = %v, the regexp %v", got, want)
	}
}

// TestMaskSpansFindWhatTheWholeFinds holds the masks searched span by span
// (guarded.each) to their whole pattern, over the benchmark windows and
// random texts of the letters, digits, hyphens and spaces the
// letter-digit pattern reads.
func TestMaskSpansFindWhatTheWholeFinds(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := textsFor(t, x, 200)
	parts := []string{"a", "n", "st", "1", "9", "-", " ", "  ", "\t", "_", ".", "n1", "9gu", "covid-19", "21st", "é"}
	rnd := rand.New(rand.NewSource(2))
	for range 5000 {
		var b strings.Builder
		for range 1 + rnd.Intn(10) {
			b.WriteString(parts[rnd.Intn(len(parts))])
		}
		texts = append(texts, b.String())
	}
	spanned := 0
	for _, gs := range [][]guarded{notMetric, x.metrics.masks} {
		for _, g := range gs {
			if g.spans == nil {
				continue
			}
			spanned++
			for _, s := range texts {
				keys := keyText(s)
				checkPairs.set(s, true)
				checkPairs.set(keys, true)
				var got [][]int
				g.each(s, keys, checkPairs, func(a, b int) { got = append(got, []int{a, b}) })
				checkPairs.set(s, false)
				checkPairs.set(keys, false)
				if want := g.pat.whole().FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal[[]int]) {
					t.Errorf("%s\non %q\ngot  %v\nwant %v", g.pat.whole(), s, got, want)
				}
			}
		}
	}
	if spanned == 0 {
		t.Error("no mask is searched by spans: nothing was tested")
	}
}

// TestNeedOf checks that a need drops the strings that hold a shorter one
// of the set and keeps the rest in order, a string there twice twice, and
// that a set with the empty string needs nothing.
func TestNeedOf(t *testing.T) {
	for _, c := range []struct {
		set  []string
		want [][]string
	}{
		{[]string{"ab", "abc", "ab", "x"}, [][]string{{"ab", "ab", "x"}}},
		{[]string{"rate", "tea", "ate"}, [][]string{{"tea", "ate"}}},
		{[]string{"a", ""}, nil},
		{[]string{" "}, nil},
	} {
		if got := needOf(c.set); !reflect.DeepEqual(got, c.want) {
			t.Errorf("needOf(%q) = %q, want %q", c.set, got, c.want)
		}
	}
}
