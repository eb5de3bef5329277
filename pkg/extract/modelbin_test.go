package extract

import (
	"encoding/binary"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// encodeModel is m in the binary form decodeModel reads, its features
// sorted.
func encodeModel(m *Model) []byte {
	keys := slices.Sorted(maps.Keys(m.Weights))
	var names strings.Builder
	b := binary.LittleEndian.AppendUint32([]byte(modelMagic), uint32(len(keys)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(strings.Join(keys, ""))))
	for _, w := range append([][nLabels]float64{m.Bias}, weightsOf(m, keys)...) {
		for _, v := range w {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
	}
	for _, k := range keys {
		names.WriteString(k)
		b = binary.LittleEndian.AppendUint32(b, uint32(names.Len()))
	}
	return append(b, names.String()...)
}

// weightsOf are m's weights of keys.
func weightsOf(m *Model, keys []string) [][nLabels]float64 {
	ws := make([][nLabels]float64, len(keys))
	for i, k := range keys {
		ws[i] = m.Weights[k]
	}
	return ws
}

// TestModelBin checks that data/model.bin is data/model.tsv in binary form
// and that the model loaded from it is the one ReadModel reads from the
// text, weight for weight and bit for bit; with -update (`go generate
// ./pkg/extract`) it rewrites model.bin from model.tsv.
func TestModelBin(t *testing.T) {
	m := embeddedModel(t)
	want := encodeModel(m)
	if *update {
		if err := os.WriteFile("data/model.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if modelBin != string(want) {
		t.Fatal("data/model.bin is not data/model.tsv: run go generate ./pkg/extract")
	}
	l := loadModel(options{})
	if l.err != nil {
		t.Fatal(l.err)
	}
	if l.m.Bias != m.Bias || !maps.Equal(l.m.Weights, m.Weights) {
		t.Fatalf("the loaded model differs from model.tsv: %d features, want %d", len(l.m.Weights), len(m.Weights))
	}
	for k, f := range l.tab.keys {
		if l.tab.ws[k] != m.Weights[f] {
			t.Fatalf("table weights of %q: %v, want %v", f, l.tab.ws[k], m.Weights[f])
		}
	}
}

// TestDecodeModelErrors checks that a damaged binary form is an error, not
// a model.
func TestDecodeModelErrors(t *testing.T) {
	good := string(encodeModel(&Model{Bias: [nLabels]float64{1, 2, 3, 4},
		Weights: map[string][nLabels]float64{"w:a": {1}, "cue:+b": {0, 1}}}))
	keys, ws, bias, err := decodeModel(good)
	if err != nil || !slices.Equal(keys, []string{"cue:+b", "w:a"}) || ws[1] != [nLabels]float64{1} || bias != [nLabels]float64{1, 2, 3, 4} {
		t.Fatalf("decodeModel(good) = %q %v %v %v", keys, ws, bias, err)
	}
	bad := map[string]string{
		"empty":     "",
		"magic":     "findings model 2\n" + good[len(modelMagic):],
		"truncated": good[:len(good)-1],
		"longer":    good + "x",
		// the first name ends past the names
		"end": good[:len(good)-len("cue:+bw:a")-8] + "\xff\x00\x00\x00" + good[len(good)-len("cue:+bw:a")-4:],
	}
	for name, b := range bad {
		if _, _, _, err := decodeModel(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
