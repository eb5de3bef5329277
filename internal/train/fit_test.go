package main

import (
	"bytes"
	"slices"
	"testing"

	"github.com/findings/findings/pkg/report"
)

// examples is a small set the model can tell apart by one word each.
func examples() []Example {
	var ex []Example
	for i := 0; i < 6; i++ {
		ex = append(ex,
			Example{Features: []string{"w:good", "w:the"}, Label: report.Strength, Doc: "a"},
			Example{Features: []string{"w:poor", "w:the"}, Label: report.Weakness, Doc: "b"},
			Example{Features: []string{"w:met", "w:the", "w:the"}, Label: "neutral", Doc: "c"},
		)
	}
	return ex
}

func TestTrainLearnsTheCues(t *testing.T) {
	m := Train(examples(), Options{Seed: 1, Restarts: 3})
	for feat, want := range map[string]string{"w:good": report.Strength, "w:poor": report.Weakness, "w:met": "neutral"} {
		if got, _ := m.Predict([]string{feat, "w:the"}); got != want {
			t.Errorf("Predict(%s) = %s, want %s", feat, got, want)
		}
	}
}

func TestTrainDropsRareFeatures(t *testing.T) {
	ex := append(examples(), Example{Features: []string{"w:once"}, Label: report.Strength})
	m := Train(ex, Options{Seed: 1})
	if _, ok := m.Weights["w:once"]; ok {
		t.Error("a feature seen once has a weight; MinCount defaults to 2")
	}
	if _, ok := m.Weights["w:good"]; !ok {
		t.Error("w:good has no weight")
	}
}

// TestWordL2 checks that the word features decay by WordL2, the others
// by L2: a word and a rule that tell the same labels apart end with the
// rule's weight the larger when words decay more, and the same weights
// when they decay alike.
func TestWordL2(t *testing.T) {
	var ex []Example
	for i := 0; i < 6; i++ {
		ex = append(ex,
			Example{Features: []string{"w:good", "rule:strength"}, Label: report.Strength},
			Example{Features: []string{"w:poor", "rule:weakness"}, Label: report.Weakness},
		)
	}
	strength := labelIndex(report.Strength)
	weight := func(o Options, f string) float64 { return Train(ex, o).Weights[f][strength] }
	alike := Options{Seed: 1, L2: 1e-2, WordL2: 1e-2}
	if w, r := weight(alike, "w:good"), weight(alike, "rule:strength"); w != r {
		t.Errorf("decaying alike: w:good %g, rule:strength %g", w, r)
	}
	words := Options{Seed: 1, L2: 1e-4, WordL2: 1e-1}
	if w, r := weight(words, "w:good"), weight(words, "rule:strength"); !(w < r) {
		t.Errorf("words decaying more: w:good %g, not below rule:strength %g", w, r)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := Train(examples(), Options{Seed: 7, Restarts: 2}).WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := Train(examples(), Options{Seed: 7, Restarts: 2}).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with one seed differ")
	}
}

func TestDedupKeepsFirstOrder(t *testing.T) {
	in := []string{"b", "a", "b", "c", "a"}
	if got := dedup(in); !slices.Equal(got, []string{"b", "a", "c"}) {
		t.Errorf("dedup = %v", got)
	}
	if !slices.Equal(in, []string{"b", "a", "b", "c", "a"}) {
		t.Errorf("dedup changed its input: %v", in)
	}
}

func TestLabelIndex(t *testing.T) {
	if labelIndex(report.Weakness) != 1 || labelIndex("boilerplate") != nLabels-1 {
		t.Errorf("labelIndex: weakness %d, boilerplate %d", labelIndex(report.Weakness), labelIndex("boilerplate"))
	}
}

func TestCopiesFindsTheReportThatSharesALongLine(t *testing.T) {
	line := "Leaders have a clear understanding of the strengths and areas for development."
	bulk := []bulkDoc{
		{name: "other.txt", lines: map[string]bool{"A different report about another council and its services.": true}},
		{name: "copy.txt", lines: map[string]bool{line: true}},
	}
	got := copies(bulk, []string{"Title\n  " + line + "  \nshort line"})
	if !got[1] || got[0] || len(got) != 1 {
		t.Errorf("copies = %v, want only the report sharing the line (1)", got)
	}
	if n := len(copies(bulk, []string{"short line\nanother"})); n != 0 {
		t.Errorf("short lines matched %d reports; only lines of 60 bytes or more should", n)
	}
}

func TestPseudoLabelKeepsTheSurestPerLabel(t *testing.T) {
	m := Train(examples(), Options{Seed: 1, Restarts: 2})
	bulk := []bulkDoc{
		{name: "a.txt", units: [][]string{{"w:good", "w:the"}, {"w:good", "w:good", "w:the"}, {"w:poor", "w:the"}, {"w:the"}}},
		{name: "held.txt", units: [][]string{{"w:poor", "w:poor", "w:the"}}},
	}
	got := pseudoLabel(m, bulk, map[int]bool{1: true}, selfOptions{minP: 0.5, perClass: 1})
	labels := map[string]int{}
	for _, e := range got {
		labels[e.Label]++
		if e.Doc != "bulk:a.txt" {
			t.Errorf("example from %s, a skipped report", e.Doc)
		}
	}
	if labels[report.Strength] != 1 || labels[report.Weakness] != 1 {
		t.Errorf("labels kept = %v, want one strength and one weakness (perClass 1)", labels)
	}
	if none := pseudoLabel(m, bulk, nil, selfOptions{minP: 1.01, perClass: 10}); len(none) != 0 {
		t.Errorf("kept %d sentences below the least probability", len(none))
	}
}

func TestSelfTrainWithoutBulkIsTrain(t *testing.T) {
	var a, b bytes.Buffer
	o := Options{Seed: 3, Restarts: 2}
	if _, err := selfTrain(examples(), nil, nil, selfOptions{minP: 0.9, perClass: 5}, o).WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := Train(examples(), o).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("self-training with no unlabelled reports changed the model")
	}
}
