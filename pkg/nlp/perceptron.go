package nlp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// This file is prose's part-of-speech tagger (prose/v3/tag: an averaged
// perceptron, greedy from left to right, with prose's English model),
// made again step for step so that every token gets the tag prose gives
// it (a test tags every test and benchmark sentence both ways, and a fuzz
// target any text). It is here for speed: prose finds each of a token's
// 14 features by a binary search over 75,000 sorted strings and tests
// every token with two regexps; this finds them by the numbers of their
// words and tags (tagfeatures.go), and tests tokens by their bytes. prose
// is MIT-licensed.

// perceptron is prose's model: its classes (tags), each feature's weights
// by class, and the words whose tag is fixed.
type perceptron struct {
	classes  []string
	blob     string   // the features' strings, one after another
	featOff  []uint32 // feature i is blob[featOff[i]:featOff[i+1]]
	pairOff  []uint32 // its weights are pairs pairOff[i] to pairOff[i+1]
	classIDs []uint8
	weights  []float32
	tagMap   map[string]uint8
	feats    tagFeatures // the features by the numbers of their words and tags
	scratch  sync.Pool   // *featureKeys
}

// modelReader reads prose's flat model format, remembering the first
// error.
type modelReader struct {
	b   []byte
	pos int
	err error
}

func (r *modelReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || r.pos+n > len(r.b) {
		r.err = fmt.Errorf("truncated model: %d bytes wanted at offset %d", n, r.pos)
		return nil
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

func (r *modelReader) u32() int {
	if b := r.bytes(4); b != nil {
		return int(binary.LittleEndian.Uint32(b))
	}
	return 0
}

func (r *modelReader) str16() string {
	b := r.bytes(2)
	if b == nil {
		return ""
	}
	return string(r.bytes(int(binary.LittleEndian.Uint16(b))))
}

// u32s reads n little-endian 32-bit words. On a little-endian machine
// they are the model's own bytes, not a copy: the tagger's offsets and
// weights are 1.7 MB that a copy would fault in and fill at every start.
func (r *modelReader) u32s(n int) []uint32 {
	b := r.bytes(4 * n)
	if littleEndian && len(b) > 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), len(b)/4)
	}
	return decodeU32s(b)
}

// f32s reads n little-endian float32s as u32s does.
func (r *modelReader) f32s(n int) []float32 {
	ws := r.u32s(n)
	if littleEndian && len(ws) > 0 {
		return unsafe.Slice((*float32)(unsafe.Pointer(&ws[0])), len(ws))
	}
	out := make([]float32, len(ws))
	for i, w := range ws {
		out[i] = math.Float32frombits(w)
	}
	return out
}

// decodeU32s is b's little-endian 32-bit words, copied.
func decodeU32s(b []byte) []uint32 {
	out := make([]uint32, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

// littleEndian reports whether this machine stores words as the model does.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// embedded is b, a part of the embedded model that nothing writes, as a
// string without a copy, as prose's own reader takes it: 1.4 MB less
// heap, which with the collector's GOGC=400 is several MB less peak
// memory.
func embedded(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// loadPerceptron decodes prose's embedded English model and indexes its
// features.
func loadPerceptron() (*perceptron, error) {
	r := &modelReader{b: aptagmodel.English}
	if string(r.bytes(8)) != "PROSETAG" || r.u32() != 1 {
		return nil, errors.New("read tagger model: not a prose flat model of version 1")
	}
	m := &perceptron{classes: make([]string, r.u32())}
	if len(m.classes) > 256 {
		return nil, fmt.Errorf("read tagger model: %d classes", len(m.classes))
	}
	for i := range m.classes {
		m.classes[i] = r.str16()
	}
	nFeatures, nPairs, blobLen := r.u32(), r.u32(), r.u32()
	m.blob = embedded(r.bytes(blobLen))
	m.featOff, m.pairOff = r.u32s(nFeatures+1), r.u32s(nFeatures+1)
	m.classIDs = r.bytes(nPairs) // read only, as the model's bytes are
	m.weights = r.f32s(nPairs)
	m.tagMap = make(map[string]uint8)
	for n := r.u32(); n > 0 && r.err == nil; n-- {
		w := r.str16()
		if id := r.bytes(1); id != nil {
			m.tagMap[w] = id[0]
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("read tagger model: %w", r.err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("read tagger model: %w", err)
	}
	m.index()
	m.scratch.New = func() any { return &featureKeys{scores: make([]float32, len(m.classes))} }
	return m, nil
}

// check verifies that the offsets and class numbers stay in bounds, so
// that a look-up cannot index outside them.
func (m *perceptron) check() error {
	n := len(m.featOff) - 1
	if n < 0 || len(m.pairOff) != n+1 || int(m.featOff[n]) != len(m.blob) || int(m.pairOff[n]) != len(m.weights) || len(m.classIDs) != len(m.weights) {
		return errors.New("offsets disagree with the data")
	}
	for i := range n {
		if m.featOff[i] > m.featOff[i+1] || m.pairOff[i] > m.pairOff[i+1] {
			return fmt.Errorf("offsets of feature %d out of order", i)
		}
	}
	for _, id := range m.classIDs {
		if int(id) >= len(m.classes) {
			return fmt.Errorf("class %d of %d", id, len(m.classes))
		}
	}
	for w, id := range m.tagMap {
		if int(id) >= len(m.classes) {
			return fmt.Errorf("word %q has class %d of %d", w, id, len(m.classes))
		}
	}
	return nil
}

// feature is the string of feature i.
func (m *perceptron) feature(i int) string { return m.blob[m.featOff[i]:m.featOff[i+1]] }

// accumulate adds the weights of feature f, if the model has it (f >=
// 0), to the scores, in the model's order of pairs as prose does.
func (m *perceptron) accumulate(f int32, scores []float32) {
	if f < 0 {
		return
	}
	lo, hi := m.pairOff[f], m.pairOff[f+1]
	ids, wts := m.classIDs[lo:hi], m.weights[lo:hi]
	for j := range ids {
		scores[ids[j]] += wts[j]
	}
}

// best is the first class of the highest score, or -1.
func (m *perceptron) best(scores []float32) int {
	best, id := float32(math.Inf(-1)), -1
	for c := range m.classes {
		if scores[c] > best {
			best, id = scores[c], c
		}
	}
	return id
}

// tagTokens tags each token in turn, from the two tags before it and the
// words around it, as prose's TagTokens does.
func (m *perceptron) tagTokens(toks []Token) {
	if len(toks) == 0 {
		return
	}
	f := m.scratch.Get().(*featureKeys)
	defer func() {
		clear(f.words) // hold no sentence's words past its tagging
		m.scratch.Put(f)
	}()
	f.context(&m.feats, toks)
	p1, p2 := m.feats.startTag, m.feats.start2Tag
	for i := range toks {
		tag, id := m.tagOne(f, i, toks[i].Text, p1, p2)
		toks[i].Tag = tag
		p2, p1 = p1, id
	}
}

// tagOne is a token's tag and its number: by the token's form (a dash, an
// emoticon, a handle, a trace of the treebank, a bracket label), by the
// model's fixed tags of words, or by the perceptron.
func (m *perceptron) tagOne(f *featureKeys, i int, word string, p1, p2 int32) (string, int32) {
	var tag string
	switch {
	case word == "-":
		tag = "-"
	case isEmoticon(word):
		tag = "SYM"
	case strings.HasPrefix(word, "@"):
		tag = "NN"
	case isNoneTag(word):
		tag = "-NONE-"
	case isKeptTag(word):
		tag = word
	default:
		id, ok := m.tagMap[word]
		if !ok {
			id := m.predict(f, i, word, p1, p2)
			if id < 0 {
				return "", -1
			}
			return m.classes[id], int32(id)
		}
		return m.classes[id], int32(id)
	}
	return tag, m.feats.tagNumberOf(tag)
}

// featureKeys is the scratch of one tagging, kept for the next: the
// sentence's words as the features read them, with two words of context
// each side, their hashes, their numbers and their suffixes' numbers, the
// numbers of the tokens' own suffixes, and the scores by class.
type featureKeys struct {
	words     []string // at i+2 for token i
	hashes    []uint64 // of words
	numbers   []int32  // of words
	suffixes  []int32  // of words' suffixes
	ownSuffix []int32  // by token
	scores    []float32
}

// context numbers the words of toks and their suffixes for the features:
// each word lower-cased or by its shape (normalizeWord), "-START-",
// "-START2-" before and "-END-", "-END2-" after.
func (f *featureKeys) context(t *tagFeatures, toks []Token) {
	n := len(toks) + 4
	f.words = slices.Grow(f.words[:0], n)[:n]
	f.hashes = slices.Grow(f.hashes[:0], n)[:n]
	f.numbers = slices.Grow(f.numbers[:0], n)[:n]
	f.suffixes = slices.Grow(f.suffixes[:0], n)[:n]
	f.ownSuffix = slices.Grow(f.ownSuffix[:0], len(toks))[:len(toks)]
	set := func(i int, w string) {
		h, suf := t.words.hash(w), lastBytes(w, 3)
		f.words[i], f.hashes[i], f.numbers[i] = w, h, t.words.find(h, w)
		f.suffixes[i] = t.suffixes.find(t.suffixes.hash(suf), suf)
	}
	set(0, "-START-")
	set(1, "-START2-")
	for i, tok := range toks {
		w := normalizeWord(tok.Text)
		set(i+2, w)
		if own := lastBytes(tok.Text, 3); own == lastBytes(w, 3) {
			f.ownSuffix[i] = f.suffixes[i+2]
		} else {
			f.ownSuffix[i] = t.suffixes.find(t.suffixes.hash(own), own)
		}
	}
	set(n-2, "-END-")
	set(n-1, "-END2-")
}

// predict is the perceptron's class for token i from prose's 14 features,
// in prose's order (the scores are sums of float32 in that order), or -1.
func (m *perceptron) predict(f *featureKeys, i int, word string, p1, p2 int32) int {
	t := &m.feats
	w, s, at := f.numbers, f.suffixes, i+2
	feats := [nTemplates]int32{
		tBias:        t.bias,
		tSuffix:      t.suffix(f.ownSuffix[i], tSuffix),
		tPref1:       t.pref1[pref1Of(word)],
		tPrevTag:     byTag(t.prevTag, p1),
		tPrev2Tag:    byTag(t.prev2Tag, p2),
		tTagPair:     t.pair(p1, p2),
		tWord:        t.word(w[at], tWord),
		tPrevTagWord: t.prevTagWord.find(p1, f.hashes[at], f.words[at]),
		tPrevWord:    t.word(w[at-1], tPrevWord),
		tPrevSuffix:  t.suffix(s[at-1], tPrevSuffix),
		tPrev2Word:   t.word(w[at-2], tPrev2Word),
		tNextWord:    t.word(w[at+1], tNextWord),
		tNextSuffix:  t.suffix(s[at+1], tNextSuffix),
		tNext2Word:   t.word(w[at+2], tNext2Word),
	}
	clear(f.scores)
	for _, k := range feats {
		m.accumulate(k, f.scores)
	}
	return m.best(f.scores)
}

// lastBytes is the last n bytes of w, or w.
func lastBytes(w string, n int) string { return w[max(0, len(w)-n):] }

// normalizeWord is the form a word takes in the features: "!HYPHEN" for
// a hyphenated word, "!YEAR" for four digits, "!DIGITS" for a word
// opening with a digit, else the word lower-cased.
func normalizeWord(w string) string {
	switch {
	case w == "":
		return w
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return "!HYPHEN"
	case len(w) == 4 && isDecimalInt(w):
		return "!YEAR"
	case '0' <= w[0] && w[0] <= '9':
		return "!DIGITS"
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// isDecimalInt reports whether s is digits after an optional sign.
func isDecimalInt(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isNoneTag reports whether w is a treebank trace, as prose's
// `^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$` finds: "0", "*",
// "*T*", "*?*", "*-12", "*EXP*-1".
func isNoneTag(w string) bool {
	if w == "0" || w == "*" {
		return true
	}
	if len(w) < 2 || w[0] != '*' {
		return false
	}
	if len(w) == 3 && w[2] == '*' && (isRE2Word(w[1]) || w[1] == '?') {
		return true
	}
	rest := w[1:]
	if j := strings.IndexFunc(rest, func(r rune) bool { return r < 'A' || r > 'Z' }); j > 0 {
		if !strings.HasPrefix(rest[j:], "*") {
			return false
		}
		rest = rest[j+1:]
	}
	return strings.HasPrefix(rest, "-") && len(rest) >= 2 && len(rest) <= 4 && allDigits(rest[1:])
}

// allDigits reports whether s is ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isKeptTag reports whether w is a bracket label such as "-LRB-", as
// prose's `^\-[A-Z]{3}\-$` finds; the tag is the word.
func isKeptTag(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// emoticons are prose's emoticons (its internal/emoticon set), which it
// tags SYM.
var emoticons = map[string]bool{
	"(-8":         true,
	"(-;":         true,
	"(-_-)":       true,
	"(._.)":       true,
	"(:":          true,
	"(=":          true,
	"(o:":         true,
	"(¬_¬)":       true,
	"(ಠ_ಠ)":       true,
	"(╯°□°）╯︵┻━┻": true,
	"-__-":        true,
	"8-)":         true,
	"8-D":         true,
	"8D":          true,
	":(":          true,
	":((":         true,
	":(((":        true,
	":()":         true,
	":)))":        true,
	":-)":         true,
	":-))":        true,
	":-)))":       true,
	":-*":         true,
	":-/":         true,
	":-X":         true,
	":-]":         true,
	":-o":         true,
	":-p":         true,
	":-x":         true,
	":-|":         true,
	":-}":         true,
	":0":          true,
	":3":          true,
	":P":          true,
	":]":          true,
	":`(":         true,
	":`)":         true,
	":`-(":        true,
	":o":          true,
	":o)":         true,
	"=(":          true,
	"=)":          true,
	"=D":          true,
	"=|":          true,
	"@_@":         true,
	"O.o":         true,
	"O_o":         true,
	"V_V":         true,
	"XDD":         true,
	"[-:":         true,
	"^___^":       true,
	"o_0":         true,
	"o_O":         true,
	"o_o":         true,
	"v_v":         true,
	"xD":          true,
	"xDD":         true,
	"¯\\(ツ)/¯":    true,
}
