package main

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/findings/findings/pkg/extract"
)

// nLabels is the number of labels a model tells apart: the length of its
// weight rows, which the runtime package fixes.
const nLabels = len(extract.Model{}.Bias)

// row is one feature's weights (or squared gradients), one per label.
type row = [nLabels]float64

// Example is a sentence's features and its gold label, for training; Doc
// names the document it came from, for cross-validation by document.
type Example struct {
	Features []string
	Label    string
	Doc      string
}

// Options tune training; a zero field takes its default.
type Options struct {
	Epochs int     // passes over the data (default 40)
	Rate   float64 // AdaGrad step (default 0.3)
	L2     float64 // weight decay per step (default 3e-5)
	// WordL2 is the decay of the word features (w:, b:, nw:, start:)
	// (default 3e-4): ten times L2, so that the model leans on a word
	// against the rules' evidence only when the word has earned it
	WordL2   float64
	MinCount int // features seen fewer times are dropped (default 3)
	Restarts int // orders of the examples whose models are averaged
	Seed     uint64
	// ClassPower weighs the rarer classes (see extract.DefaultClassPower);
	// nil is the default
	ClassPower *float64
}

// withDefaults fills the zero fields of o, so that a flag left unset
// trains as `make train` always has.
func (o Options) withDefaults() Options {
	if o.Epochs == 0 {
		o.Epochs = 40
	}
	if o.Rate == 0 {
		o.Rate = 0.3
	}
	if o.L2 == 0 {
		o.L2 = 3e-5
	}
	if o.WordL2 == 0 {
		o.WordL2 = 3e-4
	}
	if o.MinCount == 0 {
		o.MinCount = 3
	}
	if o.ClassPower == nil {
		p := extract.DefaultClassPower
		o.ClassPower = &p
	}
	return o
}

// Train fits a model to examples by AdaGrad on the log loss, weighting each
// class by a power of its frequency so that the rare mixed class is not
// ignored. It trains Restarts times with different orders of the examples
// and averages the weights: with this little data one order's model swings
// with small changes, the average much less. It is deterministic for a
// given seed.
func Train(examples []Example, o Options) *extract.Model {
	if o.Restarts <= 1 {
		return trainOnce(examples, o)
	}
	avg := newModel()
	for r := 0; r < o.Restarts; r++ {
		oo := o
		oo.Seed = o.Seed + uint64(r)
		avg.addDivided(trainOnce(examples, oo), float64(o.Restarts))
	}
	return avg.Model
}

// trainOnce fits one model with the examples shuffled by o.Seed, and
// returns the average of its weights over the second half of the epochs:
// steadier than the last epoch's.
func trainOnce(examples []Example, o Options) *extract.Model {
	o = o.withDefaults()
	t := newTrainer(examples, o)
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.Seed, 42))
	avg := newModel()
	nAvg := 0.0
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			t.step(t.feats[i], labelIndex(examples[i].Label))
		}
		if ep >= o.Epochs/2 {
			nAvg++
			avg.addDivided(t.m.Model, 1)
		}
	}
	avg.divide(nAvg)
	return avg.Model
}

// trainer is the state of one AdaGrad run: the model, the squared
// gradients so far, and each example's kept features.
type trainer struct {
	o      Options
	m      model
	g2     map[string]row // summed squared gradients per feature
	b2     row            // and of the bias
	classW row            // the weight of an example of each class
	feats  [][]string     // each example's distinct features seen often enough
}

// newTrainer counts the features and classes of examples, and keeps of
// each example the features seen at least o.MinCount times.
func newTrainer(examples []Example, o Options) *trainer {
	count := map[string]int{}
	freq := row{}
	for _, e := range examples {
		for _, f := range dedup(e.Features) {
			count[f]++
		}
		freq[labelIndex(e.Label)]++
	}
	t := &trainer{o: o, m: newModel(), g2: map[string]row{}, feats: make([][]string, len(examples))}
	for k := range t.classW {
		t.classW[k] = math.Pow(max(1e-3, freq[k]/float64(len(examples))*float64(nLabels)), -*o.ClassPower)
	}
	for i, e := range examples {
		feats := []string{}
		for _, f := range dedup(e.Features) {
			if count[f] >= o.MinCount {
				feats = append(feats, f)
			}
		}
		t.feats[i] = feats
	}
	return t
}

// step is one AdaGrad update on an example of features feats and label y.
func (t *trainer) step(feats []string, y int) {
	p := t.m.Probabilities(feats)
	var grad row
	for k := range grad {
		target := 0.0
		if k == y {
			target = 1
		}
		grad[k] = t.classW[y] * (p[k] - target)
	}
	rate := t.o.Rate
	for k := range grad {
		t.b2[k] += grad[k] * grad[k]
		t.m.Bias[k] -= rate * grad[k] / (math.Sqrt(t.b2[k]) + 1e-8)
	}
	for _, f := range feats {
		l2 := t.o.L2
		if extract.IsWordFeature(f) {
			l2 = t.o.WordL2
		}
		w, g := t.m.Weights[f], t.g2[f]
		for k := range grad {
			gk := grad[k] + l2*w[k]
			g[k] += gk * gk
			w[k] -= rate * gk / (math.Sqrt(g[k]) + 1e-8)
		}
		t.m.Weights[f], t.g2[f] = w, g
	}
}

// model is an extract.Model being summed into, for the averages of
// Train and trainOnce.
type model struct{ *extract.Model }

// newModel is an empty model, ready to be trained or summed into.
func newModel() model {
	return model{&extract.Model{Weights: map[string]row{}}}
}

// addDivided adds the weights of m divided by d to a. It divides each
// weight rather than multiplying by 1/d, which rounds differently: the
// committed model was trained so, and retraining must give the same bytes.
func (a model) addDivided(m *extract.Model, d float64) {
	for k := range a.Bias {
		a.Bias[k] += m.Bias[k] / d
	}
	for f, w := range m.Weights {
		aw := a.Weights[f]
		for k := range w {
			aw[k] += w[k] / d
		}
		a.Weights[f] = aw
	}
}

// divide divides every weight of a by n.
func (a model) divide(n float64) {
	for k := range a.Bias {
		a.Bias[k] /= n
	}
	for f, w := range a.Weights {
		for k := range w {
			w[k] /= n
		}
		a.Weights[f] = w
	}
}

// labelIndex is the column of label l; anything that is not a label is
// neutral, the last.
func labelIndex(l string) int {
	if k := slices.Index(extract.Labels, l); k >= 0 {
		return k
	}
	return nLabels - 1
}

// dedup is fs with each feature once, in the order first seen: a feature
// counts once per sentence.
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
