package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/findings/findings/pkg/clean"
	"github.com/findings/findings/pkg/ofsted"
	"github.com/findings/findings/pkg/report"
)

// councilPat ends an authority's name: "children's services", "council",
// "borough council", "local authority".
const councilPat = `(?i:(?:(?:city|county|borough|metropolitan\s+borough|district)\s+)?council(?:[’']s)?(?:\s+children[’']s\s+services)?|children[’']s\s+services|local\s+authority)`

// trustPat ends the name of a trust or company that runs a council's
// children's services: "Children and Families Trust", "Children's Services
// Trust", "Children's Trust", "Children First".
const trustPat = `(?i:children(?:[’']s)?\s+(?:and\s+families\s+|services\s+)?trust|children\s+first|children[’']s\s+services\s+company)\b`

const namePat = `((?:[A-Z][\w’'.-]*|St\.?)(?:(?:,\s*|\s+|\s+(?:and|upon|on|of|in|the|under|with|by)\s+)(?:[A-Z][\w’'.-]*))*)`

var (
	// the patterns that name the authority, strongest first (the first
	// seven are read from the document's opening)
	authorityREs = []*pattern{
		mustOpening(`\bInspection\s+of\s+` + namePat + `\s+local\s+authority\s+children[’']s\s+services`),
		mustOpening(`(?i:focused\s+visit|monitoring\s+visit|joint\s+targeted\s+area\s+inspection)\s+(?:to|of|in)\s+(?:the\s+)?` + namePat + `(?:[’']s)?\s+` + councilPat),
		mustOpening(`(?i:visit|inspection)\s+(?:to|of)\s+(?:the\s+)?` + namePat + `(?:[’']s)?\s+` + councilPat),
		// a service run by a trust or a company is the council's: "Focused
		// visit to Bradford Children and Families Trust" is Bradford's
		mustOpening(`(?i:visit|inspection)\s+(?:to|of)\s+(?:the\s+)?` + namePat + `\s+` + trustPat),
		// a report that opens with the authority's name alone, then its title:
		// "Barnsley" / "Inspection of children's social care services"
		mustOpening(`^` + namePat + `\n+(?i:(?:re-)?inspection\s+of\s+(?:children|services|local|looked))`),
		mustOpening(`(?m)^` + namePat + `\s*\n?\s*(?:City|County|Metropolitan\s+Borough|Borough|District)?\s*Council\s*(?:\n|$|Inspection)`),
		mustOpening(`(?i:local\s+authority):\s+` + namePat),
		mustOpening(`\b(?:in|at)\s+` + namePat + `(?:[’']s)?\s+(?i:children[’']s\s+services)`),
		mustOpening(`\b` + namePat + `(?:[’']s)?\s+(?:children[’']s\s+services|(?:City|County|Borough|Metropolitan\s+Borough|District)\s+Council|Council)\b`),
		mustOpening(`\bservices\s+(?:to|for)\s+children\s+(?:and\s+young\s+people\s+)?in\s+` + namePat + `\b`),
		mustOpening(`\b(?:since|in|at|for)\s+` + namePat + `\s+(?:was|were|is|are|has|had)\s+(?:rated|judged)\b`),
		mustOpening(`\b` + namePat + `\s+` + trustPat),
	}
	// words that end a name and are not part of it
	authoritySuffixRE = regexp.MustCompile(`(?i)(?:[’']s)?(?:\s+(?:City|County|Metropolitan|Borough|District|Unitary|Council|Children[’']s|Services|Trust|Local|Authority|Partnership|LSCB|Safeguarding|Board|Children|Families|and|Young|People|First|Company))+$`)
	authorityPrefixRE = regexp.MustCompile(`(?i)^(?:the\s+)?(?:(?:(?:London|Royal|Metropolitan)\s+)?(?:Borough|City|County)|Council)\s+of\s+(?:the\s+)?`)

	// each kind with the words one of which every match holds, and the
	// pattern (of lower-cased text)
	typeREs = []*typePattern{
		typeRE(report.JointTargetedAI, true, `\bjoint\s+targeted\s+area\s+inspection|\bjtai\b`, "joint", "jtai"),
		typeRE(report.FocusedVisit, true, `\bfocused\s+visit`, "focused"),
		typeRE(report.MonitoringVisit, true, `\bmonitoring\s+(?:visit|report|letter)`, "monitoring"),
		typeRE(report.FullInspection, false, `\binspection\s+of\s+(?:[\w’',]+\s+){0,8}?(?:local\s+authority\s+children[’']s\s+services|children[’']s\s+(?:social\s+care\s+)?services|services\s+for\s+children|looked\s+after\s+children|safeguarding)|\bchildren[’']s\s+services\s+inspection|\b(?:an?|the|this|last|full|standard|short|ofsted)\s+(?:ofsted\s+)?inspection\b|\binspectors\s+rated\b|\bsingle\s+inspection\s+framework\b`, "inspect"),
	}
	dateRE     = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthPat + `)\s+((?:19|20)\d\d)\b`)
	dateLineRE = regexp.MustCompile(`(?i)^(?:inspection\s+dates?|dates?\s+of\s+(?:the\s+)?(?:inspection|visit)|report\s+published|published|date\s+of\s+publication|visit\s+dates?)\s*:?\s*(.*)`)
	// "20 February to 3 March 2023": the first date borrows the year
	dateRangeRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthPat + `)?\s*(?:-|–|to|and)\s*(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthPat + `)\s+((?:19|20)\d\d)\b`)
)

// factsWindow is how much of a document's opening the facts are read from.
const factsWindow = 16 << 10

// titleBlocks is how many opening blocks may hold a letter's title.
const titleBlocks = 40

// titleRE is what a report's or a letter's title says: "Inspection of
// Dorset local authority children's services", "Focused visit to Dorset
// children's services", "Joint targeted area inspection of ...".
var titleRE = regexp.MustCompile(`(?i)^(?:inspection|focused visit|monitoring visit|joint targeted area inspection|review)\b.*\b(?:of|to|in)\b`)

// title is a document's title: its first heading (or its first block);
// but where that is a few words, such as the inspectorate's letterhead
// ("Ofsted", "Piccadilly Gate") or half a title, the block or else the
// line that names the inspection ("Focused visit to Dorset children's
// services"), with its second line when it is set on two.
func title(text string, blocks []clean.Block) string {
	var open []clean.Block // the opening blocks, chrome left out
	for i := 0; i < len(blocks) && len(open) < titleBlocks; i++ {
		if !blocks[i].Chrome {
			open = append(open, blocks[i])
		}
	}
	first := -1
	for i, b := range open {
		if b.Kind == clean.Heading || i == 0 {
			first = i
			break
		}
	}
	if first >= 0 && len(strings.Fields(open[first].Text)) >= 5 {
		return open[first].Text
	}
	for i, b := range open {
		if looksLikeTitle(b.Text) {
			return withSecondLine(open, i)
		}
	}
	if t := titleLine(text); t != "" {
		return t // a letter's subject line run into its opening paragraph
	}
	if first >= 0 {
		return open[first].Text
	}
	return ""
}

// withSecondLine is open[i]'s text, and the heading after it when the two
// are a title set on two lines: "Inspection of Leicestershire County" /
// "Council local authority children's services".
func withSecondLine(open []clean.Block, i int) string {
	s := open[i].Text
	if open[i].Kind == clean.Heading && i+1 < len(open) && open[i+1].Kind == clean.Heading &&
		!strings.Contains(strings.ToLower(s), "services") &&
		strings.HasSuffix(strings.ToLower(open[i+1].Text), "services") && len(strings.Fields(open[i+1].Text)) <= 10 {
		s += " " + open[i+1].Text
	}
	return s
}

// titleLine is the first of a document's opening lines that reads as a
// title, or "".
func titleLine(text string) string {
	text = text[:min(len(text), factsWindow)]
	for n := 0; n < 2*titleBlocks && text != ""; n++ {
		line, rest, _ := strings.Cut(text, "\n")
		if looksLikeTitle(line) {
			return strings.Join(strings.Fields(line), " ")
		}
		text = rest
	}
	return ""
}

// looksLikeTitle reports whether a block reads as a title: short, no
// closing full stop, in a title's words.
func looksLikeTitle(s string) bool {
	return len(s) <= 200 && !strings.HasSuffix(strings.TrimSpace(s), ".") && titleRE.MatchString(strings.TrimSpace(s))
}

// docContext is what the extractor knows of the whole document while it
// reads its sentences.
type docContext struct {
	authority string
	year      int
	pdf       bool // text converted from PDF (it has page breaks)
	// sentenceBefore is the sentence before the one being read, in the same
	// block, or ""
	sentenceBefore string
	// judged are the judgements judgeProse last found, in judgedText
	judgedText string
	judged     []found
}

// factStage settles a report's facts once: what the text says, and where
// it says nothing, what the page's metadata says.
type factStage struct {
	notAuthority map[string]bool // data/notauthority.txt: words that open no authority's name
	notPlaces    map[string]bool // data/notplaces.txt: words after "in" that name no council
}

// newFactStage loads data/notauthority.txt and data/notplaces.txt.
func newFactStage() (factStage, error) {
	var f factStage
	var err error
	if f.notAuthority, err = wordSet("notauthority.txt"); err != nil {
		return f, err
	}
	f.notPlaces, err = wordSet("notplaces.txt")
	return f, err
}

// wordSet is the set of words of a data file, one a line.
func wordSet(name string) (map[string]bool, error) {
	data, err := readData(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	set := map[string]bool{}
	for _, l := range dataLines(data) {
		set[l] = true
	}
	return set, nil
}

// read is the document's facts: the title its page gives, else its text's;
// the date its text gives, else its page's.
func (fs factStage) read(doc report.Document, blocks []clean.Block) report.Facts {
	f := fs.factsOf(doc.Text, blocks)
	if doc.Title != "" {
		f.Title = doc.Title
	}
	if f.Date == "" {
		f.Date = doc.Date // the page's metadata, when the text gives none
	}
	f.CouncilKey, f.CouncilName = ofsted.Council(f.Authority, f.Title, doc.Source)
	return f
}

// factsOf reads the authority, inspection type, title and date from a
// document's blocks (and, for a title its blocks run together, from its
// text).
func (fs factStage) factsOf(text string, blocks []clean.Block) report.Facts {
	var f report.Facts
	// the facts are stated early: the title, the opening paragraphs, a
	// news story's first lines; reading only the opening keeps this cheap
	var sb strings.Builder
	for i := range blocks {
		if blocks[i].Chrome {
			continue
		}
		if sb.Len() < factsWindow {
			sb.WriteString(blocks[i].Text)
			sb.WriteString("\n")
		}
	}
	f.Title = title(text, blocks)
	text = sb.String()
	f.Authority = fs.authority(text)
	f.InspectionType = inspectionType(text)
	f.Date = documentDate(blocks)
	if f.InspectionType == "" && gradeWordRE.MatchString(text) {
		f.InspectionType = report.FullInspection
	}
	return f
}

// authority finds the name the document gives the inspected authority. The
// first pattern that matches in the document's opening decides; failing
// that, the name most often used with "children's services" or "council".
func (fs factStage) authority(text string) string {
	head := text
	if len(head) > 3000 {
		head = head[:3000]
	}
	// the patterns' needs are tested on the text's keys, "" (none) where
	// ASCII lower case would miss a case-blind k or s
	headKeys, keys := "", ""
	if !foldsToASCII(text) {
		headKeys, keys = lowKeys(head), lowKeys(text)
	}
	for _, p := range authorityREs[:7] {
		if m := p.submatches(head, headKeys, 1); m != nil {
			if a := fs.tidyAuthority(head[m[0][2]:m[0][3]]); a != "" {
				return a
			}
		}
	}
	counts := map[string]int{}
	first := map[string]int{}
	for _, p := range authorityREs {
		for _, m := range p.submatches(text, keys, -1) {
			a := fs.tidyAuthority(text[m[2]:m[3]])
			if a == "" {
				continue
			}
			counts[a]++
			if _, ok := first[a]; !ok {
				first[a] = m[2]
			}
		}
	}
	// a bare capitalised word that recurs near "children's services" counts too
	best, bestN := "", 0
	names := make([]string, 0, len(counts))
	for a := range counts {
		names = append(names, a)
	}
	sort.Strings(names)
	for _, a := range names {
		n := counts[a] + strings.Count(text, a)
		if n > bestN || n == bestN && first[a] < first[best] {
			best, bestN = a, n
		}
	}
	if best == "" {
		best = fs.placeNamed(text)
	}
	return best
}

// inPlaceRE finds "in X": the last resort for a text that never names its
// council with "council" or "children's services" ("children in care in
// Reading").
var inPlaceRE = regexp.MustCompile(`\bin\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b`)

// placeNamed is the place a text most often says something is "in", seen
// at least twice, or "".
func (fs factStage) placeNamed(text string) string {
	counts := map[string]int{}
	best, bestN := "", 1
	for _, m := range inPlaceRE.FindAllStringSubmatch(text, -1) {
		p := m[1]
		if first, _, _ := strings.Cut(p, " "); fs.notPlaces[first] || fs.notAuthority[first] {
			continue
		}
		counts[p]++
		if c := counts[p]; c > bestN || c == bestN && p < best {
			best, bestN = p, c
		}
	}
	return best
}

// tidyAuthority trims the words around a name ("Birmingham City Council"
// becomes "Birmingham"), or returns "" when what is left is no name.
func (fs factStage) tidyAuthority(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ",.")
	for {
		t := authoritySuffixRE.ReplaceAllString(s, "")
		t = authorityPrefixRE.ReplaceAllString(t, "")
		t = strings.TrimRight(t, ", ")
		if t == s {
			break
		}
		s = t
	}
	first, _, _ := strings.Cut(s, " ")
	if s == "" || fs.notAuthority[first] || fs.notAuthority[s] || len(s) < 3 {
		return ""
	}
	return s
}

// typePattern is a pattern that names a kind of inspection in lower-cased
// text, with the words one of which every match holds.
type typePattern struct {
	kind string
	keys []string
	re   *regexp.Regexp
	// at, when set, is re anchored: every match opens with one of keys
	// after a non-word character, and trying re where each key occurs
	// costs the length of each try where a search from the first reads on
	// to the end of a text that says "monitoring" or "focused" in passing
	at *regexp.Regexp
}

// typeRE compiles a typePattern; opens says that every match starts with
// \b and one of keys.
func typeRE(kind string, opens bool, pat string, keys ...string) *typePattern {
	t := &typePattern{kind: kind, keys: keys, re: regexp.MustCompile(pat)}
	if opens {
		t.at = regexp.MustCompile(`^(?:` + pat + `)`)
	}
	return t
}

// inspectionType is the kind of inspection the document reports: the first
// kind its text names wins, as a title names it before the body mentions
// other visits.
func inspectionType(text string) string {
	best, at := "", len(text)+1
	low := asciiLower(text) // the patterns are lower case; offsets stay those of text
	for _, t := range typeREs {
		if i := t.first(low, at); i >= 0 {
			best, at = t.kind, i
		}
	}
	return best
}

// first is the offset of the first match of t in low if it starts before
// limit, else -1.
func (t *typePattern) first(low string, limit int) int {
	from := firstIndex(low, t.keys)
	if t.at != nil {
		for from >= 0 && from < limit {
			if (from == 0 || !isWordByte(low[from-1])) && t.at.MatchString(low[from:]) {
				return from
			}
			next := firstIndex(low[from+1:], t.keys)
			if next < 0 {
				break
			}
			from += 1 + next
		}
		return -1
	}
	// start the pattern where its key word first appears, less what a
	// match may hold before it: the text before cannot match, and
	// skipping it is cheap
	if from < 0 || from-80 >= limit {
		return -1
	}
	from = max(0, from-80)
	for from > 0 && low[from]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		from--
	}
	if m := t.re.FindStringIndex(low[from:]); m != nil && from+m[0] < limit {
		return from + m[0]
	}
	return -1
}

// documentDate is the inspection date ("Inspection dates: 20 February to 3
// March 2023" gives the last day), a publication date, or the first full
// date of the document, as YYYY-MM-DD.
func documentDate(blocks []clean.Block) string {
	var first string
	for i := range blocks {
		if i > 60 {
			break
		}
		t := blocks[i].Text
		if m := dateLineRE.FindStringSubmatch(t); m != nil {
			if d := lastDate(m[1]); d != "" {
				return d
			}
		}
		if first == "" && !blocks[i].Chrome {
			first = lastDate(t)
		}
	}
	return first
}

func lastDate(s string) string {
	ms := dateRE.FindAllStringSubmatch(s, -1)
	if len(ms) == 0 {
		return ""
	}
	m := ms[len(ms)-1]
	if len(ms) == 1 {
		if r := dateRangeRE.FindStringSubmatch(s); r != nil {
			m = []string{"", r[3], r[4], r[5]}
		}
	}
	day, _ := strconv.Atoi(m[1])
	year, _ := strconv.Atoi(m[3])
	mon := monthNumber(m[2])
	if mon == 0 || day < 1 || day > 31 {
		return ""
	}
	return time.Date(year, time.Month(mon), day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

func monthNumber(s string) int {
	s = strings.ToLower(s)
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, m) {
			return i + 1
		}
	}
	return 0
}
