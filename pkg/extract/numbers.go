package extract

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/findings/findings/pkg/nlp"
	"github.com/findings/findings/pkg/report"
)

// numberWords are the spelled numbers, fractions, factors and change words
// of data/numbers.txt.
type numberWords struct {
	num, scale, frac, factor map[string]float64
	up, down                 map[string]bool
	// any holds the words of num, scale, frac and factor: one look-up
	// tells whether a word is a number word, for every word of every
	// sentence
	any map[string]bool
	// marks has the bit of each word of any (markOf): most words' bit is
	// clear, and they need no look-up
	marks [1024 / 64]uint64
}

// markOf is a word's bit in numberWords.marks, by its length and its
// first and last bytes; w is not empty.
func markOf(w string) uint {
	return (uint(len(w))*131 + uint(w[0])*31 + uint(w[len(w)-1])) % 1024
}

// is reports whether w is a word of any.
func (nw *numberWords) is(w string) bool {
	if w == "" {
		return false
	}
	m := markOf(w)
	return nw.marks[m/64]&(1<<(m%64)) != 0 && nw.any[w]
}

func parseNumbers(data string) (*numberWords, error) {
	nw := &numberWords{num: map[string]float64{}, scale: map[string]float64{}, frac: map[string]float64{},
		factor: map[string]float64{}, up: map[string]bool{}, down: map[string]bool{}, any: map[string]bool{}}
	for n, l := range nlp.NumberedDataLines(data) {
		f := strings.Fields(strings.SplitN(l, "#", 2)[0]) // a comment may end the line
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("numbers.txt:%d: want class, value and word", n)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("numbers.txt:%d: %w", n, err)
		}
		switch f[0] {
		case "num", "scale", "frac", "factor":
			nw.any[f[2]] = true
			m := markOf(f[2])
			nw.marks[m/64] |= 1 << (m % 64)
		}
		switch f[0] {
		case "num":
			nw.num[f[2]] = v
		case "scale":
			nw.scale[f[2]] = v
		case "frac":
			nw.frac[f[2]] = v
		case "factor":
			nw.factor[f[2]] = v
		case "up":
			nw.up[f[2]] = true
		case "down":
			nw.down[f[2]] = true
		default:
			return nil, fmt.Errorf("numbers.txt:%d: unknown class %q", n, f[0])
		}
	}
	return nw, nil
}

const (
	wordNumPat = `(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`
	digitsPat  = `(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`
	monthPat   = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
)

// numberKinds reports whether a sentence's words hold digits or spelled
// numbers, so that the costlier work runs only on the sentences that need it.
func (x *metricStage) numberKinds(ws []word) (digits, spelled bool) {
	for _, w := range ws {
		if hasDigit(w.text) {
			digits = true
		} else if !spelled && x.isNumberWord(w.text) {
			spelled = true
		}
		if digits && spelled {
			break
		}
	}
	return digits, spelled
}

// wordMetrics finds spelled numbers: counts ("three LCAs"), fractions ("a
// third of", "three-quarters"), factors ("doubled") and "one in five".
func (x *metricStage) wordMetrics(text string, masked func(int, int) bool, cover func(int, int)) []candidate {
	var out []candidate
	ws := letterWords(text)
	for k := 0; k < len(ws); k++ {
		s, e := ws[k][0], ws[k][1]
		w := strings.ToLower(text[s:e])
		if masked(s, e) {
			continue
		}
		prev := ""
		if k > 0 {
			prev = strings.ToLower(text[ws[k-1][0]:ws[k-1][1]])
		}
		nextWord := func(j int) string {
			if k+j < len(ws) {
				return strings.ToLower(text[ws[k+j][0]:ws[k+j][1]])
			}
			return ""
		}
		if f, ok := x.numbers.factor[w]; ok {
			if c, ok := factorAt(text, s, e, f, prev, nextWord(1)); ok {
				out = append(out, c)
				cover(s, e)
			}
			continue
		}
		// fractions: "a third", "one quarter", "three-quarters", "half of"
		if n, d, end, ok := x.fraction(text, ws, k); ok {
			if masked(s, end) {
				continue
			}
			out = append(out, candidate{Metric: report.Metric{Value: round2(100 * n * d), Unit: report.Percent, Text: text[s:end]}, start: s, end: end})
			cover(s, end)
			for k+1 < len(ws) && ws[k+1][0] < end {
				k++
			}
			continue
		}
		v, end, used, ok := x.spelled(text, ws, k)
		if !ok {
			continue
		}
		if masked(s, end) {
			continue
		}
		after := strings.ToLower(strings.TrimSpace(text[end:]))
		next := nextWord(used)
		// "one in five", "two out of three": a proportion
		if m := outOfRE.FindStringSubmatchIndex(text[end:]); m != nil {
			if d, ok := x.valueOf(text[end+m[2] : end+m[3]]); ok && d > v && strings.HasPrefix(strings.TrimSpace(text[end:]), "in") && !masked(s, end+m[1]) {
				out = append(out, candidate{Metric: report.Metric{Value: round2(100 * v / d), Unit: report.Percent, Text: text[s : end+m[1]]}, start: s, end: end + m[1]})
				cover(s, end+m[1])
				k += used
				continue
			}
		}
		if !spelledCount(v, prev, next, after) {
			continue
		}
		out = append(out, candidate{Metric: report.Metric{Value: v, Unit: report.Count, Text: text[s:end]}, start: s, end: end})
		cover(s, end)
		k += used - 1
	}
	return out
}

// factorAt is the factor word text[s:e] ("doubled", "halved", "treble"),
// of value f, as a metric; "double" as an adjective ("double check") is
// none.
func factorAt(text string, s, e int, f float64, prev, next string) (candidate, bool) {
	w := strings.ToLower(text[s:e])
	dir := ""
	switch {
	case strings.HasSuffix(w, "ed") && f > 1:
		dir = report.Increase
	case strings.HasSuffix(w, "ed"):
		dir = report.Decrease
	}
	if w == "double" && next != "the" && prev != "nearly" && prev != "almost" {
		return candidate{}, false
	}
	return candidate{Metric: report.Metric{Value: f, Unit: report.Factor, Direction: dir, Text: text[s:e]}, start: s, end: e}, true
}

// spelledCount reports whether a spelled number of value v, between the
// words prev and next, with the lower-cased text after it, counts
// something.
func spelledCount(v float64, prev, next, after string) bool {
	if v == 1 && !countableOne(prev, next, after) {
		return false
	}
	if prev == "the" && v <= 3 {
		return false // "the two services": a set already named, not a count
	}
	if v == 1 && prev != "only" && prev != "just" && !oneSubjectRE.MatchString(after) {
		return false
	}
	return !(next == "" || strings.HasPrefix(after, "of ") && v == 1 || next == "another" || next == "or" && v <= 2)
}

// countableOne reports whether "one" counts something ("one young person")
// rather than standing for a person or thing ("no one", "one of the",
// "one another", "at one point").
func countableOne(prev, next, after string) bool {
	switch prev {
	case "no", "any", "the", "this", "that", "which", "each", "every", "at", "someone", "another", "in", "of", "for", "with", "by", "to", "on", "as":
		return false
	}
	switch next {
	case "of", "another", "or", "and", "to", "day", "point", "stage", "time", "way", "place", "hand", "side", "thing", "off", "example", "area", "aspect", "instance":
		return false
	}
	return next != "" && !strings.HasPrefix(after, "-")
}

// spelled reads a spelled number at word k ("forty-three", "two hundred",
// "1.4 million" is left to the digit patterns): its value, the end offset,
// how many words it used.
func (x *metricStage) spelled(text string, ws [][]int, k int) (float64, int, int, bool) {
	w := strings.ToLower(text[ws[k][0]:ws[k][1]])
	v, ok := x.valueOf(w)
	if !ok {
		return 0, 0, 0, false
	}
	end, used := ws[k][1], 1
	for k+used < len(ws) {
		nw := strings.ToLower(text[ws[k+used][0]:ws[k+used][1]])
		sc, ok := x.numbers.scale[nw]
		if !ok || strings.TrimSpace(text[end:ws[k+used][0]]) != "" {
			break
		}
		v *= sc
		end = ws[k+used][1]
		used++
	}
	return v, end, used, true
}

// valueOf is the value of a spelled number word or hyphenated pair, or of
// digits.
func (x *metricStage) valueOf(w string) (float64, bool) {
	w = strings.ToLower(w)
	if v, ok := x.numbers.num[w]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		va, oka := x.numbers.num[a]
		vb, okb := x.numbers.num[b]
		if oka && okb && va >= 20 && vb < 10 {
			return va + vb, true
		}
	}
	if hasDigit(w) && digitsRE.MatchString(w) && digitsRE.FindString(w) == w { // most words are letters
		return parseDigits(w), true
	}
	return 0, false
}

// fraction reads "a third", "one quarter", "three-quarters", "two thirds",
// "half" at word k: numerator, fraction value, end offset.
func (x *metricStage) fraction(text string, ws [][]int, k int) (float64, float64, int, bool) {
	w := strings.ToLower(text[ws[k][0]:ws[k][1]])
	if a, b, ok := strings.Cut(w, "-"); ok { // "three-quarters"
		if n, ok := x.numbers.num[a]; ok {
			if d, ok := x.numbers.frac[b]; ok {
				return n, d, ws[k][1], true
			}
		}
	}
	if d, ok := x.numbers.frac[w]; ok && (w == "half") {
		after := strings.ToLower(text[ws[k][1]:])
		if strings.HasPrefix(after, "-") || strings.HasPrefix(after, " term") || strings.HasPrefix(after, " day") || strings.HasPrefix(after, " an hour") {
			return 0, 0, 0, false
		}
		before := strings.ToLower(text[:ws[k][0]])
		if strings.HasSuffix(before, "a ") || strings.HasSuffix(before, "one and a ") {
			return 0, 0, 0, false
		}
		return 1, d, ws[k][1], true
	}
	if k+1 >= len(ws) || strings.TrimSpace(text[ws[k][1]:ws[k+1][0]]) != "" {
		return 0, 0, 0, false
	}
	n := 0.0
	if w == "a" || w == "an" {
		n = 1
	} else if v, ok := x.numbers.num[w]; ok && v < 10 {
		n = v
	} else {
		return 0, 0, 0, false
	}
	nw := strings.ToLower(text[ws[k+1][0]:ws[k+1][1]])
	d, ok := x.numbers.frac[nw]
	if !ok || nw == "half" && n != 1 {
		return 0, 0, 0, false
	}
	// "a quarter" of something, not "the third quarter"
	after := strings.ToLower(strings.TrimSpace(text[ws[k+1][1]:]))
	if !strings.HasPrefix(after, "of") && !strings.HasPrefix(after, "(") && !strings.HasPrefix(after, "are") && !strings.HasPrefix(after, "were") && !strings.HasPrefix(after, "have") && !strings.HasPrefix(after, "had") {
		return 0, 0, 0, false
	}
	return n, d, ws[k+1][1], true
}

func round2(v float64) float64 { return math.Round(v*10) / 10 }

// parseDigits reads "2,495", "17.3".
func parseDigits(s string) float64 {
	v, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v
}

// Number prints a value without needless decimals.
func Number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// windows are the stretches of a sentence around its numbers (digits or
// number words), widened to spaces and merged where they meet.
func (x *metricStage) windows(low string, ws []word) [][2]int {
	var out [][2]int
	for _, w := range ws {
		if !hasDigit(w.text) && !x.isNumberWord(w.text) {
			continue
		}
		a, b := max(0, w.start-window), min(len(low), w.end+window)
		for a > 0 && low[a-1] != ' ' {
			a--
		}
		for b < len(low) && low[b] != ' ' {
			b++
		}
		if n := len(out); n > 0 && a <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], b)
			continue
		}
		out = append(out, [2]int{a, b})
	}
	return out
}

// window is how far around a number the masks look, in bytes.
const window = 48

// letterWords is wordNumberRE.FindAllStringIndex(text, -1), found by a
// byte scan: runs of letters, with a hyphen and more letters after them,
// that no other word character touches. A text that holds "ſ" or the
// Kelvin sign, which the pattern's case folding takes for letters, runs
// the pattern.
func letterWords(text string) [][]int {
	if foldsToASCII(text) {
		return wordNumberRE.FindAllStringIndex(text, -1)
	}
	var flat []int // the matches' offsets, in one array
	for i := 0; i < len(text); {
		if !isLetter(text[i]) || i > 0 && isWordByte(text[i-1]) {
			i++
			continue
		}
		j := letterRun(text, i)
		end := j
		if j+1 < len(text) && text[j] == '-' && isLetter(text[j+1]) {
			if k := letterRun(text, j+1); k == len(text) || !isWordByte(text[k]) {
				end = k
			}
		}
		if end == j && j < len(text) && isWordByte(text[j]) {
			i = j // a digit or _ after the letters: no match opens in them
			continue
		}
		flat = append(flat, i, end)
		i = end
	}
	if flat == nil {
		return nil
	}
	out := make([][]int, len(flat)/2)
	for k := range out {
		out[k] = flat[2*k : 2*k+2 : 2*k+2]
	}
	return out
}

// letterRun is where the run of ASCII letters at text[i] ends.
func letterRun(text string, i int) int {
	for i < len(text) && isLetter(text[i]) {
		i++
	}
	return i
}

// isNumberWord reports whether a lower-case word is a spelled number, a
// fraction or a factor ("three", "forty-three", "quarters", "doubled").
func (x *metricStage) isNumberWord(t string) bool {
	nw := x.numbers
	for i := 0; i < len(t); i++ { // a loop: most words are short
		if t[i] == '-' {
			return nw.is(t[:i]) || nw.is(t[i+1:])
		}
	}
	return nw.is(t)
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// asciiLower lower-cases the ASCII letters of s and leaves every other byte
// alone, so that offsets into the result are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
