package nlp

import (
	"strings"
	"testing"

	"github.com/findings/findings/internal/benchdata"
)

// BenchmarkSentences segments the benchmark texts paragraph by paragraph,
// as the extractor does.
func BenchmarkSentences(b *testing.B) {
	texts, n := benchdata.Texts(b)
	var paras []string
	for _, t := range texts {
		paras = append(paras, strings.Split(t, "\n\n")...)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			if _, err := Sentences(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTag tags the sentences that hold a digit, as the metrics'
// subjects need.
func BenchmarkTag(b *testing.B) {
	texts, _ := benchdata.Texts(b)
	var ss []string
	var n int64
	for _, t := range texts {
		sents, err := Sentences(t)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range sents {
			if strings.ContainsAny(s.Text, "0123456789") {
				ss = append(ss, s.Text)
				n += int64(len(s.Text))
			}
		}
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range ss {
			if _, err := Tag(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoadTagger decodes and indexes the tagger's model, as start-up
// does once.
func BenchmarkLoadTagger(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadPerceptron(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadPunkt decodes the sentence model, as start-up does once.
func BenchmarkLoadPunkt(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadPunkt(); err != nil {
			b.Fatal(err)
		}
	}
}
