package extract

import (
	"bufio"
	"bytes"
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
}

// newTable compiles the weights of m.
func newTable(m *Model) *table {
	n := len(m.Weights)
	size := 8
	for size < 2*n {
		size <<= 1
	}
	t := &table{seed: maphash.MakeSeed(), slots: make([]uint64, size), mask: uint64(size - 1),
		keys: make([]string, 0, n), ws: make([][nLabels]float64, 0, n)}
	for f, w := range m.Weights {
		h := maphash.String(t.seed, f)
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = h>>32<<32 | uint64(len(t.keys)+1)
		t.keys = append(t.keys, f)
		t.ws = append(t.ws, w)
	}
	return t
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
func parseDecimal(b []byte) (v float64, ok bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	var m uint64
	digits, frac, point := 0, 0, false
	for _, c := range b {
		switch {
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
// it walks the bytes without splitting them into strings it would throw
// away.
func ReadModel(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	m := &Model{Weights: make(map[string][nLabels]float64, bytes.Count(data, []byte{'\n'}))}
	n := 0
	for len(data) > 0 {
		n++
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data)
		}
		l := data[:end]
		data = data[min(end+1, len(data)):]
		if len(l) == 0 || l[0] == '#' {
			continue
		}
		tab := bytes.IndexByte(l, '\t')
		if tab < 0 {
			return nil, fmt.Errorf("model line %d: want %d fields", n, nLabels+1)
		}
		name := string(l[:tab])
		rest := l[tab+1:]
		var ws [nLabels]float64
		for k := range ws {
			f := rest
			if t := bytes.IndexByte(rest, '\t'); t >= 0 {
				f, rest = rest[:t], rest[t+1:]
			} else {
				rest = nil
			}
			if k < nLabels-1 && rest == nil {
				return nil, fmt.Errorf("model line %d: want %d fields", n, nLabels+1)
			}
			v, ok := parseDecimal(f)
			if !ok {
				if v, err = strconv.ParseFloat(string(f), 64); err != nil {
					return nil, fmt.Errorf("model line %d: %w", n, err)
				}
			}
			ws[k] = v
		}
		if len(rest) > 0 {
			return nil, fmt.Errorf("model line %d: want %d fields", n, nLabels+1)
		}
		if name == "__bias__" {
			m.Bias = ws
		} else {
			m.Weights[name] = ws
		}
	}
	return m, nil
}
