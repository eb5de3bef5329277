package extract

import (
	"context"
	"testing"

	"github.com/findings/findings/internal/benchdata"
	"github.com/findings/findings/pkg/clean"
	"github.com/findings/findings/pkg/nlp"
	"github.com/findings/findings/pkg/report"
)

// BenchmarkExtract is the whole extraction, document after document.
func BenchmarkExtract(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	texts, n := benchdata.Texts(b)
	b.SetBytes(n)
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		for _, t := range texts {
			if _, err := x.Extract(ctx, report.Document{Source: "bench", Text: t}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// sentences cuts the benchmark texts into the sentences the stages see.
func sentences(b *testing.B) ([]string, int64) {
	texts, _ := benchdata.Texts(b)
	var out []string
	var n int64
	for _, t := range texts {
		for _, bl := range clean.Blocks(t) {
			ss, err := nlp.Sentences(bl.Text)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range ss {
				out = append(out, s.Text)
				n += int64(len(s.Text))
			}
		}
	}
	return out, n
}

// sentenceWords is the benchmark sentences and their words.
func sentenceWords(b *testing.B) ([]string, [][]word, int64) {
	ss, n := sentences(b)
	ws := make([][]word, len(ss))
	for i, s := range ss {
		ws[i] = splitWords(s)
	}
	return ss, ws, n
}

// BenchmarkMetrics reads the numbers of every sentence.
func BenchmarkMetrics(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ss, ws, n := sentenceWords(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range ss {
			if _, err := x.metrics.metrics(s, ws[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkJudgements reads the grades of every sentence.
func BenchmarkJudgements(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ss, n := sentences(b)
	dc := &docContext{authority: "Anytown", year: 2024}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range ss {
			if js := x.judgements.judgeLabel(s, ""); len(js) == 0 {
				x.judgements.judgeProse(s, "", dc)
			}
		}
	}
}

// BenchmarkClassify calls every sentence a strength, weakness, mixed or
// neutral: the cue rules, then the model.
func BenchmarkClassify(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ss, ws, n := sentenceWords(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range ss {
			u := unit{text: s, pdf: true}
			v, ev := x.verdicts.ruleVerdict(u, ws[i])
			if ev.clauses != nil {
				x.verdicts.weigh(u, ws[i], &ev, v, nil)
			}
		}
	}
}

// BenchmarkLexicons finds every cue lexicon's phrases in every benchmark
// sentence: the one group scan of a sentence the rules score.
func BenchmarkLexicons(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	_, ws, n := sentenceWords(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range ws {
			x.verdicts.findCues(w)
		}
	}
}

// BenchmarkNew is the start-up: every stage's rules and the model, loaded
// and compiled.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewTable compiles the model's weights for look-ups.
func BenchmarkNewTable(b *testing.B) {
	m := loadModel(options{}).m
	b.ReportAllocs()
	for b.Loop() {
		newTable(m)
	}
}
