package extract

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
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

// add adds a feature's weights to the scores z; f is looked up by its bytes
// without a copy.
func (m *Model) add(z *[nLabels]float64, f []byte) {
	if w, ok := m.Weights[string(f)]; ok {
		for k := range z {
			z[k] += w[k]
		}
	}
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
	type contrib struct {
		f string
		v float64
	}
	var cs []contrib
	for _, f := range feats {
		if w, ok := m.Weights[f]; ok {
			// how much more this feature favours the label than the rest on average
			v := w[best]
			for k := range w {
				if k != best {
					v -= w[k] / (nLabels - 1)
				}
			}
			if v > 0.05 {
				cs = append(cs, contrib{f, v})
			}
		}
	}
	slices.SortFunc(cs, func(a, b contrib) int { return cmp.Or(cmp.Compare(b.v, a.v), strings.Compare(a.f, b.f)) })
	var top []string
	for i := 0; i < len(cs) && i < 5; i++ {
		top = append(top, cs[i].f)
	}
	return top
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

// Example is a sentence's features and its gold label, for training.
type Example struct {
	Features []string
	Label    string
	Doc      string
}

// TrainOptions tune training.
type TrainOptions struct {
	Epochs   int     // passes over the data (default 40)
	Rate     float64 // AdaGrad step (default 0.3)
	L2       float64 // weight decay per step (default 1e-4)
	MinCount int     // features seen fewer times are dropped (default 2)
	Restarts int     // orders of the examples whose models are averaged
	Seed     uint64
	// ClassPower weighs the rarer classes (see DefaultClassPower); nil
	// is the default
	ClassPower *float64
}

// Train fits a model to examples by AdaGrad on the log loss, weighting each
// class by the inverse square root of its frequency so that the rare mixed
// class is not ignored. It trains Restarts times with different orders of
// the examples and averages the weights: with this little data one order's
// model swings with small changes, the average much less. It is
// deterministic for a given seed.
func Train(examples []Example, o TrainOptions) *Model {
	if o.Restarts <= 1 {
		return trainOnce(examples, o)
	}
	avg := &Model{Weights: map[string][nLabels]float64{}}
	for r := 0; r < o.Restarts; r++ {
		oo := o
		oo.Seed = o.Seed + uint64(r)
		m := trainOnce(examples, oo)
		for k := range avg.Bias {
			avg.Bias[k] += m.Bias[k] / float64(o.Restarts)
		}
		for f, w := range m.Weights {
			a := avg.Weights[f]
			for k := range w {
				a[k] += w[k] / float64(o.Restarts)
			}
			avg.Weights[f] = a
		}
	}
	return avg
}

func trainOnce(examples []Example, o TrainOptions) *Model {
	if o.Epochs == 0 {
		o.Epochs = 40
	}
	if o.Rate == 0 {
		o.Rate = 0.3
	}
	if o.L2 == 0 {
		o.L2 = 1e-4
	}
	if o.MinCount == 0 {
		o.MinCount = 2
	}
	count := map[string]int{}
	freq := [nLabels]float64{}
	for _, e := range examples {
		for _, f := range dedup(e.Features) {
			count[f]++
		}
		freq[labelIndex(e.Label)]++
	}
	power := DefaultClassPower
	if o.ClassPower != nil {
		power = *o.ClassPower
	}
	var classW [nLabels]float64
	for k := range classW {
		classW[k] = math.Pow(max(1e-3, freq[k]/float64(len(examples))*nLabels), -power)
	}
	m := &Model{Weights: map[string][nLabels]float64{}}
	g2 := map[string][nLabels]float64{}
	var b2 [nLabels]float64
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.Seed, 42))
	// the weights of the later epochs are averaged: steadier than the last
	avg := &Model{Weights: map[string][nLabels]float64{}}
	nAvg := 0.0
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := examples[i]
			feats := []string{}
			for _, f := range dedup(e.Features) {
				if count[f] >= o.MinCount {
					feats = append(feats, f)
				}
			}
			z := m.Bias
			for _, f := range feats {
				w := m.Weights[f]
				for k := range z {
					z[k] += w[k]
				}
			}
			p := softmax(z)
			y := labelIndex(e.Label)
			cw := classW[y]
			var grad [nLabels]float64
			for k := range grad {
				t := 0.0
				if k == y {
					t = 1
				}
				grad[k] = cw * (p[k] - t)
			}
			for k := range grad {
				b2[k] += grad[k] * grad[k]
				m.Bias[k] -= o.Rate * grad[k] / (math.Sqrt(b2[k]) + 1e-8)
			}
			for _, f := range feats {
				w, g := m.Weights[f], g2[f]
				for k := range grad {
					gk := grad[k] + o.L2*w[k]
					g[k] += gk * gk
					w[k] -= o.Rate * gk / (math.Sqrt(g[k]) + 1e-8)
				}
				m.Weights[f], g2[f] = w, g
			}
		}
		if ep >= o.Epochs/2 {
			nAvg++
			for k := range avg.Bias {
				avg.Bias[k] += m.Bias[k]
			}
			for f, w := range m.Weights {
				a := avg.Weights[f]
				for k := range w {
					a[k] += w[k]
				}
				avg.Weights[f] = a
			}
		}
	}
	for k := range avg.Bias {
		avg.Bias[k] /= nAvg
	}
	for f, a := range avg.Weights {
		for k := range a {
			a[k] /= nAvg
		}
		avg.Weights[f] = a
	}
	return avg
}

func labelIndex(l string) int {
	for k, x := range Labels {
		if x == l {
			return k
		}
	}
	return nLabels - 1 // anything else is neutral
}

func dedup(fs []string) []string {
	seen := make(map[string]bool, len(fs))
	out := fs[:0:0]
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
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
			v, err := strconv.ParseFloat(string(f), 64)
			if err != nil {
				return nil, fmt.Errorf("model line %d: %w", n, err)
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
