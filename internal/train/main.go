// Command train fits the sentence model (pkg/extract/data/model.tsv) to the
// development gold: it runs the extractor's own pipeline over each gold
// document, lines its sentences up with the annotated ones, and trains a
// logistic regression on their features. `make train` runs it; `make eval`
// runs it once per document, leaving that document out, to measure the
// model on text it never saw.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/report"
)

func main() {
	docs := flag.String("docs", "../shared/corpus/dev", "folder of the gold documents")
	gold := flag.String("gold", "../shared/eval/gold", "folder of the gold files")
	out := flag.String("o", "pkg/extract/data/model.tsv", "where to write the model")
	holdout := flag.String("holdout", "", "comma-separated document ids (the part of the name before _) to leave out")
	cv := flag.Bool("cv", false, "cross-validate by document instead of writing a model (quick, model only)")
	flag.IntVar(&opts.Epochs, "epochs", 0, "training passes")
	flag.Float64Var(&opts.Rate, "rate", 0, "learning rate")
	flag.Float64Var(&opts.L2, "l2", 0, "L2 decay")
	flag.Float64Var(&opts.WordL2, "l2words", 0, "L2 decay of the word features (w:, b:, nw:, start:)")
	flag.IntVar(&opts.MinCount, "min", 0, "minimum feature count")
	flag.IntVar(&opts.Restarts, "restarts", opts.Restarts, "orders of the examples whose models are averaged")
	power := flag.Float64("classpower", extract.DefaultClassPower, "how much rarer classes weigh (0 unweighted, 1 inverse frequency)")
	drop := flag.String("drop", "", "comma-separated feature prefixes to leave out (ablation)")
	flag.StringVar(&self.dir, "self", "", "folder of unlabelled reports to self-train on (none: gold only)")
	flag.Float64Var(&self.minP, "selfp", 0.95, "self-training: least probability of a kept sentence's label")
	flag.IntVar(&self.perClass, "selfmax", 500, "self-training: most sentences kept per label")
	flag.Parse()
	crossValidate = *cv
	opts.ClassPower = power
	for _, d := range strings.Split(*drop, ",") {
		if d != "" {
			dropPrefixes = append(dropPrefixes, d)
		}
	}
	if err := run(*docs, *gold, *out, *holdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

var (
	dropPrefixes  []string
	opts          = Options{Seed: 1, Restarts: 10}
	crossValidate bool
	self          selfOptions
)

type goldFile struct {
	Doc       string `json:"doc"`
	Sentences []struct {
		Text  string `json:"text"`
		Label string `json:"label"`
	} `json:"sentences"`
}

func run(docsDir, goldDir, out, holdout string) error {
	var ids []string
	for _, h := range strings.Split(holdout, ",") {
		if h = strings.TrimSpace(h); h != "" {
			ids = append(ids, h)
		}
	}
	x, err := extract.New(extract.WithModel(nil), extract.WithoutOrigins(ids...))
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(goldDir, "*.gold.json"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	var examples []Example
	texts := map[string]string{} // document id -> text, held out or not
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var g goldFile
		if err := json.Unmarshal(b, &g); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		id, _, _ := strings.Cut(g.Doc, "_")
		text, err := os.ReadFile(filepath.Join(docsDir, g.Doc))
		if err != nil {
			return err
		}
		texts[id] = string(text)
		if len(g.Sentences) == 0 || contains(ids, id) {
			continue
		}
		units, err := x.Units(context.Background(), report.Document{Source: g.Doc, Text: string(text)})
		if err != nil {
			return fmt.Errorf("%s: %w", g.Doc, err)
		}
		ex, missed := align(string(text), g, units, id)
		examples = append(examples, ex...)
		fmt.Fprintf(os.Stderr, "%s: %d units, %d examples, %d not placed\n", g.Doc, len(units), len(ex), missed)
	}
	var bulk []bulkDoc
	if self.dir != "" {
		if bulk, err = readBulk(x, self.dir); err != nil {
			return err
		}
	}
	fit := func(train []Example, without ...string) *extract.Model {
		var held []string
		for _, id := range without {
			held = append(held, texts[id])
		}
		return selfTrain(train, bulk, copies(bulk, held), self, opts)
	}
	if crossValidate {
		crossValidation(examples, fit)
		return nil
	}
	m := fit(examples, ids...)
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(w); err != nil {
		w.Close()
		return err
	}
	fmt.Fprintf(os.Stderr, "trained on %d examples, %d features -> %s\n", len(examples), len(m.Weights), out)
	return w.Close()
}

// align labels each model-decided unit with the gold sentence it overlaps
// most, placing texts as score.py does: normalised, searched from where the
// last one was found.
func align(doc string, g goldFile, units []extract.Unit, id string) ([]Example, int) {
	ndoc := normalize(doc)
	gs := goldSpans(ndoc, g)
	var out []Example
	missed := 0
	cursor := 0
	for _, u := range units {
		if !u.ByModel {
			continue
		}
		votes := map[string]int{}
		for _, p := range u.Parts {
			t := normalize(doc[p.Start:p.End])
			if t == "" {
				continue
			}
			at := indexFrom(ndoc, t, cursor)
			if at < 0 {
				continue
			}
			cursor = at
			a, b := at, at+len(t)
			for i, s := range gs {
				ov := min(b, s.b) - max(a, s.a)
				if ov > 0 && (2*ov >= b-a || 2*ov >= s.b-s.a) {
					votes[g.Sentences[i].Label] += ov
				}
			}
		}
		best, n := "", 0
		for l, v := range votes {
			if v > n || v == n && l < best {
				best, n = l, v
			}
		}
		if best == "" {
			missed++
			continue
		}
		if best == "boilerplate" {
			best = "neutral"
		}
		out = append(out, Example{Features: dropFeatures(u.Features), Label: best, Doc: id})
	}
	return out, missed
}

// span is a range of the normalised document text.
type span struct{ a, b int }

// goldSpans places each gold sentence in the normalised document ndoc,
// searching from where the last one was found; a sentence not found is
// {-1, -1}.
func goldSpans(ndoc string, g goldFile) []span {
	var gs []span
	pos := 0
	for _, s := range g.Sentences {
		t := normalize(s.Text)
		at := indexFrom(ndoc, t, pos)
		if at < 0 {
			gs = append(gs, span{-1, -1})
			continue
		}
		gs = append(gs, span{at, at + len(t)})
		pos = at + len(t)
	}
	return gs
}

// dropFeatures is feats without those that start with a -drop prefix (an
// ablation); with no prefixes, feats itself.
func dropFeatures(feats []string) []string {
	if len(dropPrefixes) == 0 {
		return feats
	}
	var out []string
	for _, f := range feats {
		keep := true
		for _, d := range dropPrefixes {
			if strings.HasPrefix(f, d) {
				keep = false
			}
		}
		if keep {
			out = append(out, f)
		}
	}
	return out
}

var (
	spaceRE = regexp.MustCompile(`\s+`)
	trans   = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201b", "'", "\u2032", "'", "`", "'",
		"\u201c", `"`, "\u201d", `"`, "\u2033", `"`, "\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-",
		"\u2014", "-", "\u2212", "-", "\u2022", " ", "\u00a0", " ")
)

// normalize is score.py's norm: NFKC, plain quotes and dashes, lower case,
// single spaces.
func normalize(s string) string {
	s = trans.Replace(norm.NFKC.String(s))
	s = strings.Map(unicode.ToLower, s)
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// crossValidation trains once per document without it and reports the
// per-class F1 of the model's calls on that document's sentences.
func crossValidation(examples []Example, fit func(train []Example, without ...string) *extract.Model) {
	var docs []string
	seen := map[string]bool{}
	for _, e := range examples {
		if !seen[e.Doc] {
			seen[e.Doc] = true
			docs = append(docs, e.Doc)
		}
	}
	conf := map[[2]string]int{}
	for _, d := range docs {
		var train, test []Example
		for _, e := range examples {
			if e.Doc == d {
				test = append(test, e)
			} else {
				train = append(train, e)
			}
		}
		m := fit(train, d)
		for _, e := range test {
			p, _ := m.Predict(e.Features)
			conf[[2]string{e.Label, p}]++
		}
	}
	macro := 0.0
	for _, l := range extract.Labels {
		tp, fp, fn := 0, 0, 0
		for k, n := range conf {
			switch {
			case k[0] == l && k[1] == l:
				tp += n
			case k[1] == l:
				fp += n
			case k[0] == l:
				fn += n
			}
		}
		p := float64(tp) / float64(max(1, tp+fp))
		r := float64(tp) / float64(max(1, tp+fn))
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		macro += f / float64(len(extract.Labels))
		fmt.Printf("  %-9s P=%.2f R=%.2f F1=%.2f (gold %d)\n", l, p, r, f, tp+fn)
	}
	fmt.Printf("cv macro-F1=%.3f\n", macro)
}

// indexFrom is where t is in s, looking from offset from first and then
// from the start; -1 when it is nowhere.
func indexFrom(s, t string, from int) int {
	if at := strings.Index(s[from:], t); at >= 0 {
		return from + at
	}
	return strings.Index(s, t)
}
