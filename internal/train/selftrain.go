package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/report"
)

// Self-training: the gold-trained model labels the sentences of the
// unlabelled bulk reports, and the sentences it is surest of join the gold
// ones for a second fit. They bring the words and phrasings of hundreds of
// reports the gold does not hold, labelled by the model's own strongest
// evidence (Yarowsky 1995; McClosky, Charniak and Johnson 2006).

// selfOptions are the -self flags.
type selfOptions struct {
	dir      string  // folder of unlabelled reports; "" is no self-training
	minP     float64 // least probability of a sentence's label for it to be kept
	perClass int     // most sentences kept per label, the surest first
}

// bulkDoc is one unlabelled report: its model-decided sentences' features,
// and its long lines, by which a copy of a gold document is known.
type bulkDoc struct {
	name  string
	units [][]string
	lines map[string]bool
}

// longLines are the lines of text at least 60 bytes long, trimmed: a
// report's copy shares them, another report almost never does.
func longLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); len(l) >= 60 {
			out = append(out, l)
		}
	}
	return out
}

// readBulk reads every .txt report in dir through the extractor.
func readBulk(x *extract.Extractor, dir string) ([]bulkDoc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("self-training: no .txt reports in %s", dir)
	}
	sort.Strings(paths)
	var out []bulkDoc
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		units, err := x.Units(context.Background(), report.Document{Source: p, Text: string(b)})
		if err != nil {
			continue // a report the extractor cannot read teaches nothing
		}
		d := bulkDoc{name: filepath.Base(p), lines: map[string]bool{}}
		for _, u := range units {
			if u.ByModel {
				d.units = append(d.units, dropFeatures(u.Features))
			}
		}
		for _, l := range longLines(string(b)) {
			d.lines[l] = true
		}
		out = append(out, d)
	}
	fmt.Fprintf(os.Stderr, "self-training: %d unlabelled reports read from %s\n", len(out), dir)
	return out, nil
}

// copies are the bulk reports that share a long line with any of texts
// (gold documents held out): learning from them would be learning from the
// held-out document itself.
func copies(bulk []bulkDoc, texts []string) map[int]bool {
	out := map[int]bool{}
	for _, t := range texts {
		for _, l := range longLines(t) {
			for i, d := range bulk {
				if d.lines[l] {
					out[i] = true
				}
			}
		}
	}
	return out
}

// pseudoLabel is the bulk sentences m labels with probability at least
// o.minP, at most o.perClass per label (the surest first), skipping the
// reports in skip.
func pseudoLabel(m *extract.Model, bulk []bulkDoc, skip map[int]bool, o selfOptions) []Example {
	type scored struct {
		ex Example
		p  float64
	}
	byLabel := map[string][]scored{}
	for i, d := range bulk {
		if skip[i] {
			continue
		}
		for _, f := range d.units {
			ps := m.Probabilities(f)
			best := 0
			for k := range ps {
				if ps[k] > ps[best] {
					best = k
				}
			}
			if ps[best] < o.minP {
				continue
			}
			l := extract.Labels[best]
			byLabel[l] = append(byLabel[l], scored{Example{Features: f, Label: l, Doc: "bulk:" + d.name}, ps[best]})
		}
	}
	var out []Example
	for _, l := range extract.Labels {
		s := byLabel[l]
		sort.SliceStable(s, func(a, b int) bool { return s[a].p > s[b].p })
		for _, e := range s[:min(len(s), o.perClass)] {
			out = append(out, e.ex)
		}
	}
	return out
}

// selfTrain fits a model to gold, lets it label the bulk reports (less
// skip), and fits again to gold and the sentences it was surest of.
func selfTrain(gold []Example, bulk []bulkDoc, skip map[int]bool, o selfOptions, to Options) *extract.Model {
	m := Train(gold, to)
	if len(bulk) == 0 {
		return m
	}
	extra := pseudoLabel(m, bulk, skip, o)
	fmt.Fprintf(os.Stderr, "self-training: %d bulk sentences join %d gold ones\n", len(extra), len(gold))
	return Train(append(append([]Example(nil), gold...), extra...), to)
}
