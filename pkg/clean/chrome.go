package clean

import (
	_ "embed"
	"regexp"
	"strings"

	"github.com/findings/findings/pkg/nlp"
)

//go:embed data/chrome.txt
var chromeData string

var (
	chromePhrases = newPhraseSet(chromeData)
	// contact and licence furniture: web and e-mail addresses, phone
	// numbers, postcodes (see contact)
	urlRE   = regexp.MustCompile(`\bhttps?://|\bwww\.[a-z0-9-]+\.`)
	emailRE = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+`)
	// a label over a list of links to other stories
	linkListLabelRE = regexp.MustCompile(`(?i)^(?:.{0,40}:|read\s+(?:more|full\s+story)|related(?:\s+\w+)?|more\s+from\b.*|latest(?:\s+\w+)?|most\s+(?:read|popular)|you\s+may\s+also\s+like|recommended\b.*)$`)
	hashtagRE       = regexp.MustCompile(`(?:^|\s)#[A-Za-z]\w+`)
	sentenceRE      = regexp.MustCompile(`[.!?]["”’]?\s+`)
)

// phraseSet is a phrase list (one per line, # comments, lower case) to
// look for in lower-cased text on word boundaries. It answers what the
// alternation `(?:^|\W)(?:p1|p2|...)(?:\W|$)` would, by comparing bytes at
// the word starts only: isChrome asks it of every short block, and the
// regexp engine spent most of the time markChrome took.
type phraseSet struct {
	// byFirst holds the phrases by their first byte.
	byFirst [256][]string
}

// newPhraseSet reads a phrase list.
func newPhraseSet(data string) *phraseSet {
	ps := &phraseSet{}
	for _, l := range nlp.DataLines(data) {
		ps.byFirst[l[0]] = append(ps.byFirst[l[0]], l)
	}
	return ps
}

// in reports whether low holds one of the phrases with no word character
// (ASCII letter, digit or underscore, as \w is) just before or just after
// it.
func (ps *phraseSet) in(low string) bool {
	for i := 0; i < len(low); i++ {
		cands := ps.byFirst[low[i]]
		if len(cands) == 0 || i > 0 && isWordByte(low[i-1]) {
			continue
		}
		for _, p := range cands {
			if end := i + len(p); strings.HasPrefix(low[i:], p) && (end == len(low) || !isWordByte(low[end])) {
				return true
			}
		}
	}
	return false
}

// isWordByte reports whether c is a character of \w: an ASCII letter, digit
// or underscore. A byte of a multi-byte character is none.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigitByte(c) || c == '_'
}

// markChrome flags blocks that are not part of the report, from signals
// local to each block: chrome vocabulary in a short block, contact and
// licence lines, campaign hashtags, truncated teasers, link bars.
func markChrome(blocks []Block) {
	for i := range blocks {
		if isChrome(blocks[i].Text) {
			blocks[i].Chrome = true
		}
	}
	// a list of links under a chrome label ("Read more:", "Related
	// stories"): the headlines that follow it are teasers too
	for i := 0; i < len(blocks); i++ {
		if !blocks[i].Chrome || !linkListLabelRE.MatchString(strings.TrimSpace(blocks[i].Text)) {
			continue
		}
		for j := i + 1; j < len(blocks) && blocks[j].Kind == Heading && !endsSentence(blocks[j].Text); j++ {
			blocks[j].Chrome = true
			i = j
		}
	}
}

// isChrome reports whether a block is chrome from its own text: chrome
// phrases in a short block, hashtags, a teaser's ellipsis, a link bar,
// contact and licence lines.
func isChrome(s string) bool {
	n := words(s, 30)
	switch {
	case n <= 12 && chromePhrases.in(strings.ToLower(s)):
		return true
	case n <= 30 && strings.Contains(s, "#") && hashtagRE.MatchString(s):
		return true
	case truncated(s):
		return true
	case strings.Count(s, " | ") >= 1 && n <= 30:
		return true
	}
	if !contact(s) {
		return false
	}
	if n <= 30 {
		return true
	}
	// a longer block is furniture when most of its sentences are
	parts := sentenceRE.Split(s, -1)
	hits := 0
	for _, p := range parts {
		if contact(p) || chromePhrases.in(strings.ToLower(p)) {
			hits++
		}
	}
	return hits*3 >= len(parts)
}

// MarkOffTopic flags as chrome the blocks that are not about the inspected
// authority and sit where page chrome sits: between two chrome blocks (the
// rest of a teaser of another story), or at the end of the page after the
// last mention of the authority, in short lines that lead into chrome.
func MarkOffTopic(blocks []Block, authority string) {
	if authority == "" {
		return
	}
	about := func(b *Block) bool { return strings.Contains(b.Text, authority) }
	// runs bordered by chrome on both sides
	for i := 0; i < len(blocks); {
		if blocks[i].Chrome {
			i++
			continue
		}
		j := i
		mentions := false
		for j < len(blocks) && !blocks[j].Chrome {
			mentions = mentions || about(&blocks[j])
			j++
		}
		if i > 0 && j < len(blocks) && !mentions {
			for k := i; k < j; k++ {
				blocks[k].Chrome = true
			}
		}
		i = j
	}
	// the tail: short headline-like blocks that lead into chrome
	for i := len(blocks) - 2; i >= 0; i-- {
		b := &blocks[i]
		if b.Chrome {
			continue
		}
		if about(b) || b.Kind != Heading || !blocks[i+1].Chrome {
			break
		}
		b.Chrome = true
	}
	assignSections(blocks) // a heading now chrome names no section
}

// truncated reports whether a block ends as a teaser does: "[...]", "…".
func truncated(s string) bool {
	s = strings.TrimRight(s, "\"”’ ")
	return strings.HasSuffix(s, "[...]") || strings.HasSuffix(s, "[…]") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")
}

// contact reports whether s holds contact or licence furniture: a web or
// e-mail address, a phone number, a postcode, a copyright or licence line.
// Each pattern runs only when a substring says it may match, and s is
// lower-cased only for the web address pattern, when "http" or "www." is
// in it: most blocks are none of these, and lowering every block was a
// copy of the whole text.
func contact(s string) bool {
	licence, web := contactWords(s)
	switch {
	case strings.Contains(s, "©"), licence:
		return true
	case web && urlRE.MatchString(strings.ToLower(s)):
		return true
	case strings.Contains(s, "@") && emailRE.MatchString(s):
		return true
	case phoneNumber(s):
		return true
	}
	return postcode(s)
}

// contactWords reports whether strings.ToLower(s) contains "crown
// copyright" or "open government licen" (licence), and "http" or "www."
// (web; looked for only when there is no licence line, as contact needs
// no more), without making the lower-case copy: each phrase is sought by
// a byte search for one of its letters in either case (contactStems), and
// tested where that letter is. Only ASCII letters and two other
// characters lower to ASCII: "İ" (U+0130) to "i" and the Kelvin sign
// (U+212A) to "k"; a text with either is lowered.
func contactWords(s string) (licence, web bool) {
	if strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a") {
		low := strings.ToLower(s)
		return strings.Contains(low, "crown copyright") || strings.Contains(low, "open government licen"),
			strings.Contains(low, "http") || strings.Contains(low, "www.")
	}
	if holdsFolded(s, licenceStems[0]) || holdsFolded(s, licenceStems[1]) {
		return true, false
	}
	return false, holdsFolded(s, webStems[0]) || holdsFolded(s, webStems[1])
}

// foldStem is a lower-case ASCII phrase sought in a text with its ASCII
// capitals lowered, by the place of one of its letters.
type foldStem struct {
	phrase string
	mark   byte // a letter of the phrase, rare in text
	at     int  // where the mark is in the phrase
}

// The phrases contactWords seeks, each by its rarest letter.
var (
	licenceStems = [2]foldStem{stemBy("crown copyright", 'y'), stemBy("open government licen", 'v')}
	webStems     = [2]foldStem{stemBy("http", 'p'), stemBy("www.", '.')}
)

// stemBy is phrase sought by its first mark.
func stemBy(phrase string, mark byte) foldStem {
	return foldStem{phrase: phrase, mark: mark, at: strings.IndexByte(phrase, mark)}
}

// holdsFolded reports whether s, with its ASCII capitals lowered, holds
// the stem's phrase.
func holdsFolded(s string, st foldStem) bool {
	marks := [2]byte{st.mark, st.mark}
	if 'a' <= st.mark && st.mark <= 'z' {
		marks[1] = st.mark - 'a' + 'A'
	}
	for _, m := range marks[:1+btoi(marks[1] != marks[0])] {
		for from := 0; from < len(s); {
			j := strings.IndexByte(s[from:], m)
			if j < 0 {
				break
			}
			j += from
			if j >= st.at && hasLowerPrefix(s[j-st.at:], st.phrase) {
				return true
			}
			from = j + 1
		}
	}
	return false
}

// btoi is 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hasLowerPrefix reports whether s opens with prefix, an ASCII text in
// lower case, when s's ASCII capitals are lowered.
func hasLowerPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		if lowerByte(s[j]) != prefix[j] {
			return false
		}
	}
	return true
}

// lowerByte is c lower-cased when it is an ASCII capital.
func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// phoneNumber reports whether s holds a UK phone number: a 0 and nine or
// ten more digits, with at most single spaces or hyphens between them
// ("0300 123 1231", "01206 878178").
func phoneNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' || i > 0 && isDigitByte(s[i-1]) {
			continue
		}
		digits, sep := 0, false
		j := i
		for ; j < len(s); j++ {
			c := s[j]
			if isDigitByte(c) {
				digits++
				sep = false
				continue
			}
			if (c == ' ' || c == '-') && !sep {
				sep = true
				continue
			}
			break
		}
		if (digits == 10 || digits == 11) && (j == len(s) || !isDigitByte(s[j])) {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// postcode reports whether s holds a UK postcode as a word of its own
// ("M1 2WD", "SW1A 1AA"): one or two capitals, a digit, a capital or digit
// or none, one white-space character, a digit and two capitals. It is the
// regexp `\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b` as a byte scan, which
// costs a few comparisons per capital letter where the regexp engine
// walked every block that holds a capital before a digit.
func postcode(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isUpperByte(s[i]) || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		if outwardEnd(s, i+1) || i+1 < len(s) && isUpperByte(s[i+1]) && outwardEnd(s, i+2) {
			return true
		}
	}
	return false
}

// outwardEnd reports whether s[j:] goes on as a postcode after its
// letters: a digit, a capital or digit or none, then the inward code.
func outwardEnd(s string, j int) bool {
	if j >= len(s) || !isDigitByte(s[j]) {
		return false
	}
	j++
	if inward(s, j) {
		return true
	}
	return j < len(s) && (isUpperByte(s[j]) || isDigitByte(s[j])) && inward(s, j+1)
}

// inward reports whether s[j:] opens with a postcode's second half and the
// word ends there: one white-space character (as \s: tab, newline, form
// feed, carriage return or space), a digit, two capitals.
func inward(s string, j int) bool {
	if j+4 > len(s) {
		return false
	}
	switch s[j] {
	case ' ', '\t', '\n', '\f', '\r':
	default:
		return false
	}
	return isDigitByte(s[j+1]) && isUpperByte(s[j+2]) && isUpperByte(s[j+3]) && (j+4 == len(s) || !isWordByte(s[j+4]))
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }
