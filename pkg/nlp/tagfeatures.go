package nlp

import (
	"hash/maphash"
	"strings"
)

// prose's tagger weighs 14 features of each token (predict), each named
// by a string: its template and the words or tags it holds, "i-1 tag+i
// word NN services". Building those strings and finding them in a table
// of strings was two thirds of the tagging. tagFeatures finds the features
// by numbers instead: each word of a sentence is looked up once, for the
// five features that may hold it, and each tag is a number that indexes
// its features directly. The numbers stand for the very strings, so the
// same features are found (TestTagAsProse holds the tags to prose's).

// The templates of prose's features (prose/v3/tag's featurize), in the
// order their weights are added up.
const (
	tBias = iota
	tSuffix
	tPref1
	tPrevTag
	tPrev2Tag
	tTagPair
	tWord
	tPrevTagWord
	tPrevWord
	tPrevSuffix
	tPrev2Word
	tNextWord
	tNextSuffix
	tNext2Word
	nTemplates
)

// templateOf is the template of a feature string and its name, the part
// before the feature's value; -1 and "" for a feature of no template, and
// "bias". A name ends at its second space, or its third for the two that
// join a tag to another tag or a word.
func templateOf(f string) (int, string) {
	if f == "bias" {
		return tBias, ""
	}
	name, _ := cutSpace(f, 2)
	if name == "i-1 tag+i " || name == "i tag+i-2 " {
		name, _ = cutSpace(f, 3)
	}
	switch name {
	case "i suffix ":
		return tSuffix, name
	case "i pref1 ":
		return tPref1, name
	case "i-1 tag ":
		return tPrevTag, name
	case "i-2 tag ":
		return tPrev2Tag, name
	case "i tag+i-2 tag ":
		return tTagPair, name
	case "i word ":
		return tWord, name
	case "i-1 tag+i word ":
		return tPrevTagWord, name
	case "i-1 word ":
		return tPrevWord, name
	case "i-1 suffix ":
		return tPrevSuffix, name
	case "i-2 word ":
		return tPrev2Word, name
	case "i+1 word ":
		return tNextWord, name
	case "i+1 suffix ":
		return tNextSuffix, name
	case "i+2 word ":
		return tNext2Word, name
	}
	return -1, ""
}

// cutSpace cuts f after its nth space.
func cutSpace(f string, n int) (string, string) {
	at := 0
	for range n {
		sp := strings.IndexByte(f[at:], ' ')
		if sp < 0 {
			return "", ""
		}
		at += sp + 1
	}
	return f[:at], f[at:]
}

// The places of a word's features in tagFeatures.wordFeat and of a
// suffix's in sufFeat.
var (
	wordSlot   = [nTemplates]int{tWord: 0, tPrevWord: 1, tPrev2Word: 2, tNextWord: 3, tNext2Word: 4}
	suffixSlot = [nTemplates]int{tSuffix: 0, tPrevSuffix: 1, tNextSuffix: 2}
)

// tagFeatures is the model's features by the numbers of what they hold;
// each entry is a feature's number, or -1 where the model has none.
type tagFeatures struct {
	bias  int32
	pref1 [257]int32 // by the word's first byte; [256]: an empty word
	// tags numbers the tags: the model's classes first, in their order,
	// then the other tags the features name ("-START-")
	tags                map[string]int32
	prevTag, prev2Tag   []int32 // by tag
	tagPair             []int32 // the tags before a token, at p1*len(tags)+p2
	words, suffixes     strTable
	wordFeat            [][5]int32 // by word: i, i-1, i-2, i+1, i+2 word
	sufFeat             [][3]int32 // by suffix: i, i-1, i+1 suffix
	prevTagWord         tagWordTable
	startTag, start2Tag int32 // "-START-", "-START2-"
}

// index numbers the model's features by what they hold. Were a feature
// string there twice, the first would count, as in a look-up by string.
func (m *perceptron) index() {
	t := &m.feats
	t.start(m.classes, len(m.featOff)-1)
	pairs, tagWords := m.indexFeatures()
	nt := len(t.tags)
	t.prevTagWord = newTagWordTable(m.blob, m.featOff, tagWords, nt)
	t.tagPair = make([]int32, nt*nt)
	for i := range t.tagPair {
		t.tagPair[i] = -1
	}
	for _, p := range pairs {
		setFirst(&t.tagPair[int(p[0])*nt+int(p[1])], p[2])
	}
	grow(&t.prevTag, nt)
	grow(&t.prev2Tag, nt)
}

// start numbers the classes as tags, then "-START-" and "-START2-", and
// makes the tables for n features, none found yet.
func (t *tagFeatures) start(classes []string, n int) {
	t.tags = make(map[string]int32, len(classes)+2)
	for _, c := range classes {
		t.tagNumber(c)
	}
	t.startTag, t.start2Tag = t.tagNumber("-START-"), t.tagNumber("-START2-")
	seed := maphash.MakeSeed()
	// prose's English model has 75,000 features of 16,800 words and 2,800
	// suffixes
	t.words, t.suffixes = newStrTable(seed, n/4), newStrTable(seed, n/16)
	t.wordFeat, t.sufFeat = make([][5]int32, 0, n/4), make([][3]int32, 0, n/16)
	t.bias = -1
	for i := range t.pref1 {
		t.pref1[i] = -1
	}
}

// indexFeatures reads every feature into the tables but the two that wait
// for every tag to be numbered: it gives those as tag, tag, feature and
// as tagWords.
func (m *perceptron) indexFeatures() (pairs [][3]int32, tagWords []tagWord) {
	t := &m.feats
	n := len(m.featOff) - 1
	tagWords = make([]tagWord, 0, n*2/5) // 28,000 of 75,000 in prose's model
	// the model's features are sorted: most are of the template of the one
	// before, and hold its tag
	tmpl, name := -1, ""
	lastTag, lastNumber := "", int32(-1)
	tagNumber := func(tag string) int32 {
		if tag != lastTag || lastNumber < 0 {
			lastTag, lastNumber = tag, t.tagNumber(tag)
		}
		return lastNumber
	}
	for i := range n {
		if s := m.feature(i); name == "" || !strings.HasPrefix(s, name) {
			tmpl, name = templateOf(s)
		}
		v, f := m.feature(i)[len(name):], int32(i)
		switch tmpl {
		case tBias:
			setFirst(&t.bias, f)
		case tPref1:
			if len(v) <= 1 {
				setFirst(&t.pref1[pref1Of(v)], f)
			}
		case tPrevTag:
			setAt(&t.prevTag, tagNumber(v), f)
		case tPrev2Tag:
			setAt(&t.prev2Tag, tagNumber(v), f)
		case tTagPair:
			if a, b, ok := strings.Cut(v, " "); ok && !strings.Contains(b, " ") {
				pairs = append(pairs, [3]int32{tagNumber(a), t.tagNumber(b), f})
			}
		case tPrevTagWord:
			if tag, w, ok := strings.Cut(v, " "); ok {
				at, h := uint32(int(m.featOff[i+1])-len(w)), uint32(t.words.hash(w))
				tagWords = append(tagWords, tagWord{tagNumber(tag), at, tagWordEntry{hash: h, feat: f + 1}})
			}
		case tWord, tPrevWord, tPrev2Word, tNextWord, tNext2Word:
			setFirst(&t.wordFeat[t.wordNumber(v)][wordSlot[tmpl]], f)
		case tSuffix, tPrevSuffix, tNextSuffix:
			setFirst(&t.sufFeat[t.suffixNumber(v)][suffixSlot[tmpl]], f)
		}
	}
	return pairs, tagWords
}

// tagNumber is tag's number, numbering it if new.
func (t *tagFeatures) tagNumber(tag string) int32 {
	if n, ok := t.tags[tag]; ok {
		return n
	}
	n := int32(len(t.tags))
	t.tags[tag] = n
	return n
}

// wordNumber is w's number, numbering it if new.
func (t *tagFeatures) wordNumber(w string) int32 {
	n := t.words.add(w)
	if int(n) == len(t.wordFeat) {
		t.wordFeat = append(t.wordFeat, [5]int32{-1, -1, -1, -1, -1})
	}
	return n
}

// suffixNumber is s's number, numbering it if new.
func (t *tagFeatures) suffixNumber(s string) int32 {
	n := t.suffixes.add(s)
	if int(n) == len(t.sufFeat) {
		t.sufFeat = append(t.sufFeat, [3]int32{-1, -1, -1})
	}
	return n
}

// setFirst sets *p to feature f unless a feature is there.
func setFirst(p *int32, f int32) {
	if *p < 0 {
		*p = f
	}
}

// setAt sets (*s)[i] to feature f, growing *s with -1, unless a feature
// is there.
func setAt(s *[]int32, i, f int32) {
	grow(s, int(i)+1)
	setFirst(&(*s)[i], f)
}

// grow lengthens *s to n with -1.
func grow(s *[]int32, n int) {
	for len(*s) < n {
		*s = append(*s, -1)
	}
}

// pref1Of is the index of the "i pref1" feature of a word's first byte
// (or of an empty word's).
func pref1Of(w string) int {
	if w == "" {
		return 256
	}
	return int(w[0])
}

// byTag is s[tag], or -1 for a tag no feature names.
func byTag(s []int32, tag int32) int32 {
	if tag < 0 || int(tag) >= len(s) {
		return -1
	}
	return s[tag]
}

// pair is the feature of the two tags before a token.
func (t *tagFeatures) pair(p1, p2 int32) int32 {
	if p1 < 0 || p2 < 0 {
		return -1
	}
	return t.tagPair[int(p1)*len(t.tags)+int(p2)]
}

// word is the feature of template tmpl that holds word number w.
func (t *tagFeatures) word(w int32, tmpl int) int32 {
	if w < 0 {
		return -1
	}
	return t.wordFeat[w][wordSlot[tmpl]]
}

// suffix is the feature of template tmpl that holds suffix number s.
func (t *tagFeatures) suffix(s int32, tmpl int) int32 {
	if s < 0 {
		return -1
	}
	return t.sufFeat[s][suffixSlot[tmpl]]
}

// tagNumberOf is the number of a tag given to a token, -1 if no feature
// names it.
func (t *tagFeatures) tagNumberOf(tag string) int32 {
	if n, ok := t.tags[tag]; ok {
		return n
	}
	return -1
}

// strTable numbers strings: open addressing, probed linearly, kept at
// most half full.
type strTable struct {
	seed  maphash.Seed
	keys  []string
	slots []int32 // a key's number + 1; 0 is empty
}

func newStrTable(seed maphash.Seed, capacity int) strTable {
	return strTable{seed: seed, keys: make([]string, 0, capacity), slots: make([]int32, tableSize(capacity))}
}

// tableSize is a power of two at least twice n.
func tableSize(n int) int {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return size
}

// hash is the hash of s the table keys it by.
func (t *strTable) hash(s string) uint64 { return maphash.String(t.seed, s) }

// find is the number of s, hashed h, or -1.
func (t *strTable) find(h uint64, s string) int32 {
	mask := len(t.slots) - 1
	for h := int(h) & mask; t.slots[h] != 0; h = (h + 1) & mask {
		if n := t.slots[h] - 1; t.keys[n] == s {
			return n
		}
	}
	return -1
}

// add is the number of s, numbering it if new.
func (t *strTable) add(s string) int32 {
	h := t.hash(s)
	if n := t.find(h, s); n >= 0 {
		return n
	}
	t.keys = append(t.keys, s)
	if 2*len(t.keys) > len(t.slots) {
		t.slots = make([]int32, 2*len(t.slots))
		for i, k := range t.keys {
			t.place(t.hash(k), int32(i))
		}
	} else {
		t.place(h, int32(len(t.keys)-1))
	}
	return int32(len(t.keys) - 1)
}

// place puts key number n, hashed h, in the first free slot from h.
func (t *strTable) place(h uint64, n int32) {
	mask := len(t.slots) - 1
	i := int(h) & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = n + 1
}

// tagWordTable finds the "i-1 tag+i word" features by the tag's number
// and the word's hash, and checks the word itself. Its words need no
// numbers, so the load numbers a third fewer words. Each tag has a region
// of its own, open-addressed, probed linearly, at most half full: the
// model's features come sorted by tag, and the load fills one small
// region at a time instead of a megabyte at random. An entry is 8 bytes
// (84,000 entries): where its word starts follows from its feature and
// the length of its tag's name.
type tagWordTable struct {
	regions []tagRegion // by tag
	entries []tagWordEntry
	blob    string   // the model's features
	ends    []uint32 // where feature f ends in blob: ends[f+1]
}

// tagRegion is a tag's entries, entries[at:at+mask+1]; the word of a
// feature of the tag starts skip bytes into the feature.
type tagRegion struct{ at, mask, skip int }

type tagWordEntry struct {
	hash uint32 // the low bits of the word's hash
	feat int32  // the feature + 1; 0 is empty; the word ends the feature
}

// tagWord is an entry of a tag, as the load finds it, with where its
// word starts in blob.
type tagWord struct {
	tag  int32
	word uint32
	tagWordEntry
}

// newTagWordTable places the features of tws, keeping the first of the
// same tag and word, for nTags tags.
func newTagWordTable(blob string, ends []uint32, tws []tagWord, nTags int) tagWordTable {
	p := tagWordTable{regions: make([]tagRegion, nTags), blob: blob, ends: ends}
	counts := make([]int, nTags)
	for _, tw := range tws {
		counts[tw.tag]++
		p.regions[tw.tag].skip = int(tw.word - ends[tw.feat-1])
	}
	at := 0
	for tag, n := range counts {
		size := tableSize(n)
		p.regions[tag].at, p.regions[tag].mask = at, size-1
		at += size
	}
	p.entries = make([]tagWordEntry, at)
	for _, tw := range tws {
		w := blob[tw.word:ends[tw.feat]]
		if i := p.slot(tw.tag, uint64(tw.hash), w); p.entries[i].feat == 0 {
			p.entries[i] = tw.tagWordEntry
		}
	}
	return p
}

// slot is where the entry of tag and word w (hashed h) lies, or would go.
func (p *tagWordTable) slot(tag int32, h uint64, w string) int {
	r := p.regions[tag]
	for i := int(uint32(h)) & r.mask; ; i = (i + 1) & r.mask {
		e := &p.entries[r.at+i]
		if e.feat == 0 || e.hash == uint32(h) && p.blob[int(p.ends[e.feat-1])+r.skip:p.ends[e.feat]] == w {
			return r.at + i
		}
	}
}

// find is the feature of tag and word w, hashed h, or -1.
func (p *tagWordTable) find(tag int32, h uint64, w string) int32 {
	if tag < 0 || int(tag) >= len(p.regions) {
		return -1
	}
	return p.entries[p.slot(tag, h, w)].feat - 1
}
