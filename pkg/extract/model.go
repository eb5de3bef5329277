package extract

import (
	"bufio"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/findings/findings/pkg/report"
)

// Labels a model tells apart, in the order of its weight columns.
var Labels = []string{report.Strength, report.Weakness, report.Mixed, "neutral"}

const nLabels = 4

// DefaultClassPower sets how much rarer classes weigh in training: a class
// of frequency f counts (f·4)^-power; 0 is unweighted, 1 inverse frequency.
// 0.3 scores better than 0.5 leaving one document out (mixed is rarer
// than the model called it).
const DefaultClassPower = 0.3

// Model is a multinomial logistic regression over a sentence's features:
// its cue words (after negation), its clauses' polarities, its words and
// word pairs, and where it stands. It is trained on the development gold
// (see internal/train and `make train`) and weighs the evidence the rules
// gather; the rules stay its explanation.
type Model struct {
	Bias    [nLabels]float64
	Weights map[string][nLabels]float64
}

// label is the label with the highest score.
func (m *Model) label(z [nLabels]float64) string {
	best := 0
	for k := range z {
		if z[k] > z[best] {
			best = k
		}
	}
	return Labels[best]
}

// Predict returns the most likely label and its probability.
func (m *Model) Predict(feats []string) (label string, p float64) {
	z := m.Bias
	for _, f := range feats {
		if w, ok := m.Weights[f]; ok {
			for k := range z {
				z[k] += w[k]
			}
		}
	}
	best := 0
	for k := range z {
		if z[k] > z[best] {
			best = k
		}
	}
	return Labels[best], softmax(z)[best]
}

// Explain returns the features that pushed hardest towards label, at most
// five, strongest first.
func (m *Model) Explain(feats []string, label string) []string {
	best := labelIndex(label)
	var cs []contrib
	for _, f := range feats {
		if w, ok := m.Weights[f]; ok {
			cs = appendContrib(cs, f, w, best)
		}
	}
	return strongest(cs)
}

// contrib is how much a feature favours a label.
type contrib struct {
	f string
	v float64
}

// appendContrib appends feature f of weights w to cs when it favours the
// label of column best more than the rest on average, by more than 0.05.
func appendContrib(cs []contrib, f string, w [nLabels]float64, best int) []contrib {
	v := w[best]
	for k := range w {
		if k != best {
			v -= w[k] / (nLabels - 1)
		}
	}
	if v > 0.05 {
		cs = append(cs, contrib{f, v})
	}
	return cs
}

// maxExplained is how many features Explain gives.
const maxExplained = 5

// strongest is the maxExplained features of cs that favour most,
// strongest first, then in byte order: the head of cs sorted so, found by
// insertion into the head alone (ties in both are the same feature).
func strongest(cs []contrib) []string {
	var top [maxExplained]contrib
	n := 0
	for _, c := range cs {
		i := n
		for i > 0 && stronger(c, top[i-1]) {
			i--
		}
		if i == maxExplained {
			continue
		}
		copy(top[i+1:], top[i:maxExplained-1])
		top[i] = c
		n = min(n+1, maxExplained)
	}
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = top[i].f
	}
	return out
}

// stronger reports whether a comes before b in Explain's order.
func stronger(a, b contrib) bool { return a.v > b.v || a.v == b.v && a.f < b.f }

// table is a model's weights compiled for the look-up of a feature by its
// bytes, once per feature of every sentence: an open-addressing table of
// each feature's hash and number, probed linearly, so that a look-up is
// one hash, mostly one probe and one comparison. New compiles it; a model
// changed after that is not seen.
type table struct {
	seed  maphash.Seed
	slots []uint64 // the hash's top 32 bits, then the feature's number + 1; 0 is empty
	mask  uint64
	keys  []string
	ws    [][nLabels]float64
	words wordTable
}

// wordTable is the model's features of one word or a pair of words (w:,
// nw:, start: and b:): a sentence hashes each of its words once to find
// its number and its features, and finds its pair with the previous word
// by the two numbers, not by hashing the bytes of four feature strings
// for every word. Every word of a pair has a number, with or without
// features of its own, so that a pair of words of which one has none is
// known to be no feature without a look. Both tables are open
// addressing, probed linearly, at most half full.
type wordTable struct {
	seed   maphash.Seed
	slots  []uint32    // by the word's hash: its number + 1; 0 is empty
	words  []wordEntry // by number: the words of w:, nw:, start: and b:
	pairs  []pairSlot  // by pairKey's hash
	npairs int
	caret  int32 // the number of "^", the word before the first
}

// pairSlot is a pair of words' numbers (pairKey) and its feature's
// number + 1; 0 is empty.
type pairSlot struct {
	key uint64
	k   int32
}

// pairKey is the key of the pair of words numbered a, b.
func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// pairSlotOf is the first slot of the probe for key in a table of mask+1
// slots.
func pairSlotOf(key, mask uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> 32 & mask }

// wordEntry is a word, its hash, and the numbers of its features in the
// table.
type wordEntry struct {
	hash uint64
	text string
	wordFeats
}

// wordFeats are the numbers of a word's features in the table, -1 for
// none.
type wordFeats struct{ w, nw, start int32 }

// noWordFeats is the features of a word the model does not know.
var noWordFeats = wordFeats{-1, -1, -1}

// newWordTable is an empty word table for the features keys, sized for
// them, filled by file.
func newWordTable(keys []string) wordTable {
	pairs := 0
	for _, f := range keys {
		if strings.HasPrefix(f, "b:") {
			pairs++
		}
	}
	wt := wordTable{seed: maphash.MakeSeed()}
	wt.slots = zeroed[uint32](pow2(len(keys) / 2))
	wt.pairs = zeroed[pairSlot](pow2(2 * pairs))
	wt.caret = wt.add("^")
	return wt
}

// zeroed is make([]T, n) with every element written: the tables probe
// their slots before they fill them, and a fresh page read before it is
// written faults twice, the second time with a TLB flush on every core
// the process runs on; written first, it faults once.
func zeroed[T any](n int) []T {
	s := make([]T, n)
	clear(s)
	return s
}

// pow2 is the least power of two at least n, and at least 8.
func pow2(n int) int {
	size := 8
	for size < n {
		size <<= 1
	}
	return size
}

// file files feature f, number k, when it is a word feature, and reports
// whether it was. A pair "b:x_y_z" is filed under each way of cutting it
// at an underscore, so that the pair of words that makes it finds it
// whatever the words hold.
func (wt *wordTable) file(f string, k int32) bool {
	switch {
	case strings.HasPrefix(f, "b:"):
		for i := 2; i < len(f); i++ {
			if f[i] == '_' {
				wt.addPair(pairKey(wt.add(f[2:i]), wt.add(f[i+1:])), k)
			}
		}
	case strings.HasPrefix(f, "w:"):
		wt.words[wt.add(f[2:])].w = k
	case strings.HasPrefix(f, "nw:"):
		wt.words[wt.add(f[3:])].nw = k
	case strings.HasPrefix(f, "start:"):
		wt.words[wt.add(f[6:])].start = k
	default:
		return false
	}
	return true
}

// hash is the hash of word w.
func (wt *wordTable) hash(w string) uint64 { return maphash.String(wt.seed, w) }

// add is the number of word w, given one when it has none.
func (wt *wordTable) add(w string) int32 {
	h := wt.hash(w)
	id, i := wt.find(h, w)
	if id >= 0 {
		return id
	}
	id = int32(len(wt.words))
	wt.words = append(wt.words, wordEntry{hash: h, text: w, wordFeats: noWordFeats})
	wt.slots[i] = uint32(id + 1)
	if 2*len(wt.words) > len(wt.slots) {
		wt.slots = make([]uint32, 2*len(wt.slots))
		for id, e := range wt.words {
			_, i := wt.find(e.hash, e.text)
			wt.slots[i] = uint32(id + 1)
		}
	}
	return id
}

// find is the number of word w of hash h and its slot, or -1 and the
// empty slot where it would go.
func (wt *wordTable) find(h uint64, w string) (int32, uint64) {
	mask := uint64(len(wt.slots) - 1)
	i := h & mask
	for ; wt.slots[i] != 0; i = (i + 1) & mask {
		id := int32(wt.slots[i] - 1)
		if e := &wt.words[id]; e.hash == h && e.text == w {
			return id, i
		}
	}
	return -1, i
}

// addPair files the pair feature number k under the pair key.
func (wt *wordTable) addPair(key uint64, k int32) {
	wt.put(pairSlot{key, k + 1})
	wt.npairs++
	if 2*wt.npairs > len(wt.pairs) {
		old := wt.pairs
		wt.pairs = make([]pairSlot, 2*len(old))
		for _, s := range old {
			if s.k != 0 {
				wt.put(s)
			}
		}
	}
}

// put puts slot s in the first empty slot of its probe.
func (wt *wordTable) put(s pairSlot) {
	mask := uint64(len(wt.pairs) - 1)
	i := pairSlotOf(s.key, mask)
	for wt.pairs[i].k != 0 {
		i = (i + 1) & mask
	}
	wt.pairs[i] = s
}

// word is the number and the features of word w; -1 and none when no
// feature names it.
func (wt *wordTable) word(w string) (int32, wordFeats) {
	id, _ := wt.find(wt.hash(w), w)
	if id < 0 {
		return -1, noWordFeats
	}
	return id, wt.words[id].wordFeats
}

// pair is the number of the feature "b:"+prev+"_"+w, the words numbered
// prev and w, or -1.
func (wt *wordTable) pair(prev, w int32) int32 {
	if prev < 0 || w < 0 {
		return -1
	}
	key, mask := pairKey(prev, w), uint64(len(wt.pairs)-1)
	for i := pairSlotOf(key, mask); wt.pairs[i].k != 0; i = (i + 1) & mask {
		if wt.pairs[i].key == key {
			return wt.pairs[i].k - 1
		}
	}
	return -1
}

// newTable compiles the weights of m.
func newTable(m *Model) *table {
	keys, ws := make([]string, 0, len(m.Weights)), make([][nLabels]float64, 0, len(m.Weights))
	for f, w := range m.Weights {
		keys, ws = append(keys, f), append(ws, w)
	}
	return tableOf(keys, ws)
}

// tableOf compiles the weights ws of the features keys, which it keeps.
// The word features go to the word table alone: the hot loop finds them
// by the words' hashes.
func tableOf(keys []string, ws [][nLabels]float64) *table {
	t := &table{seed: maphash.MakeSeed(), keys: keys, ws: ws, words: newWordTable(keys)}
	var others []int32
	for k, f := range keys {
		if !t.words.file(f, int32(k)) {
			others = append(others, int32(k))
		}
	}
	t.slots, t.mask = zeroed[uint64](pow2(2*len(others))), uint64(pow2(2*len(others))-1)
	for _, k := range others {
		h := maphash.String(t.seed, t.keys[k])
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = h>>32<<32 | uint64(k+1)
	}
	return t
}

// IsWordFeature reports whether feature f is one the word table files:
// a word, a word pair, a negated word or an opening word.
func IsWordFeature(f string) bool {
	return strings.HasPrefix(f, "w:") || strings.HasPrefix(f, "b:") || strings.HasPrefix(f, "nw:") || strings.HasPrefix(f, "start:")
}

// find is the number of feature f, or -1 when the model has no weights
// for it.
func (t *table) find(f []byte) int {
	h := maphash.Bytes(t.seed, f)
	tag := h >> 32 << 32
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if s&^0xFFFFFFFF == tag {
			if k := int(s&0xFFFFFFFF) - 1; t.keys[k] == string(f) {
				return k
			}
		}
	}
}

// explain is Model.Explain for the features numbered hits, in the order
// they were found.
func (t *table) explain(hits []int32, label string) []string {
	best := labelIndex(label)
	var buf [64]contrib
	cs := buf[:0]
	for _, k := range hits {
		cs = appendContrib(cs, t.keys[k], t.ws[k], best)
	}
	return strongest(cs)
}

func softmax(z [nLabels]float64) [nLabels]float64 {
	mx := z[0]
	for _, v := range z {
		mx = max(mx, v)
	}
	var out [nLabels]float64
	sum := 0.0
	for k, v := range z {
		out[k] = math.Exp(v - mx)
		sum += out[k]
	}
	for k := range out {
		out[k] /= sum
	}
	return out
}

// Probabilities returns the probability of each label, in the order of
// Labels, for a sentence of features feats. The trainer (internal/train)
// takes its gradient from it.
func (m *Model) Probabilities(feats []string) [nLabels]float64 {
	z := m.Bias
	for _, f := range feats {
		w := m.Weights[f]
		for k := range z {
			z[k] += w[k]
		}
	}
	return softmax(z)
}

// labelIndex is the column of label l in a model's weights.
func labelIndex(l string) int {
	for k, x := range Labels {
		if x == l {
			return k
		}
	}
	return nLabels - 1 // anything else is neutral
}

// WriteTo writes the model as text: a header, then one line per feature
// with its four weights, sorted, so that a diff of a retrained model reads.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	put := func(s string) {
		k, _ := bw.WriteString(s)
		n += int64(k)
	}
	put("# findings sentence model: feature, then weights for " + strings.Join(Labels, ", ") + "\n")
	put("# generated by `make train`; do not edit\n")
	put(row("__bias__", m.Bias))
	keys := make([]string, 0, len(m.Weights))
	for f, ws := range m.Weights {
		small := true
		for _, v := range ws {
			if math.Abs(v) >= 0.005 {
				small = false
			}
		}
		if !small {
			keys = append(keys, f)
		}
	}
	slices.Sort(keys)
	for _, f := range keys {
		put(row(f, m.Weights[f]))
	}
	return n, bw.Flush()
}

func row(f string, ws [nLabels]float64) string {
	var sb strings.Builder
	sb.WriteString(f)
	for _, v := range ws {
		sb.WriteByte('\t')
		sb.WriteString(strconv.FormatFloat(v, 'f', 3, 64))
	}
	sb.WriteByte('\n')
	return sb.String()
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// parseDecimal reads a plain decimal such as WriteTo writes ("-0.507"):
// an optional minus, digits, and an optional point and digits, 15 digits
// at most; ok is false for anything else. The digits make an integer that
// a float64 holds exactly, and one division by an exact power of ten is
// rounded correctly, so the value is ParseFloat's to the bit, at a
// fraction of its cost on the 60,000 weights read at every start.
func parseDecimal(b string) (v float64, ok bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	var m uint64
	digits, frac, point := 0, 0, false
	for i := range len(b) {
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
			if point {
				frac++
			}
		case c == '.' && !point:
			point = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	v = float64(m) / pow10[frac]
	if neg {
		v = -v
	}
	return v, true
}

// ReadModel reads a model written by WriteTo. It runs at every start, so
// it walks the text without splitting it into strings it would throw away,
// and the features' names are slices of one copy of it, not a string each.
func ReadModel(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	text := string(data)
	m := &Model{Weights: make(map[string][nLabels]float64, strings.Count(text, "\n"))}
	for n := 1; text != ""; n++ {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		if l == "" || l[0] == '#' {
			continue
		}
		name, ws, err := readRow(l)
		if err != nil {
			return nil, fmt.Errorf("model line %d: %w", n, err)
		}
		if name == "__bias__" {
			m.Bias = ws
		} else {
			m.Weights[name] = ws
		}
	}
	return m, nil
}

// readRow reads a line of the model: a feature and its weights, separated
// by tabs.
func readRow(l string) (name string, ws [nLabels]float64, err error) {
	name, rest, ok := strings.Cut(l, "\t")
	for k := range ws {
		if !ok {
			return "", ws, fmt.Errorf("want %d fields", nLabels+1)
		}
		var f string
		f, rest, ok = strings.Cut(rest, "\t")
		v, fast := parseDecimal(f)
		if !fast {
			if v, err = strconv.ParseFloat(f, 64); err != nil {
				return "", ws, err
			}
		}
		ws[k] = v
	}
	if ok && rest != "" {
		return "", ws, fmt.Errorf("want %d fields", nLabels+1)
	}
	return name, ws, nil
}

// modelMagic opens the binary form of a model, data/model.bin, which `go
// generate` writes from data/model.tsv (TestModelBin holds the two
// equal): loading takes its weights as they are stored instead of parsing
// 40,000 decimals, and its feature names are slices of it, not copies.
// After the magic, little-endian: the number of features n and the length
// of the names, both uint32; the bias, 4 float64; each feature's 4
// weights, float64; the end of each feature's name, n uint32; the names.
const modelMagic = "findings model 1\n"

//go:generate go test -run ^TestModelBin$ . -update

// decodeModel reads a model's binary form: the features' names, their
// weights in the same order, and the bias.
func decodeModel(b string) (keys []string, ws [][nLabels]float64, bias [nLabels]float64, err error) {
	rest, ok := strings.CutPrefix(b, modelMagic)
	if !ok || len(rest) < 8+8*nLabels {
		return nil, nil, bias, errors.New("not a model's binary form")
	}
	n, nameLen := int(le32(rest, 0)), int(le32(rest, 4))
	rest = rest[8:]
	if len(rest) != 8*nLabels*(n+1)+4*n+nameLen {
		return nil, nil, bias, fmt.Errorf("binary model of %d bytes, want %d for %d features", len(rest), 8*nLabels*(n+1)+4*n+nameLen, n)
	}
	weights := func(i int) (w [nLabels]float64) {
		for k := range w {
			w[k] = math.Float64frombits(uint64(le32(rest, 8*(nLabels*i+k))) | uint64(le32(rest, 8*(nLabels*i+k)+4))<<32)
		}
		return w
	}
	bias = weights(0)
	ends, names := rest[8*nLabels*(n+1):][:4*n], rest[8*nLabels*(n+1)+4*n:]
	keys, ws = make([]string, n), make([][nLabels]float64, n)
	start := 0
	for i := range n {
		end := int(le32(ends, 4*i))
		if end < start || end > len(names) {
			return nil, nil, bias, fmt.Errorf("name %d ends at %d, outside %d..%d", i, end, start, len(names))
		}
		keys[i], ws[i], start = names[start:end], weights(i+1), end
	}
	return keys, ws, bias, nil
}

// le32 is the little-endian uint32 at s[i:].
func le32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}
