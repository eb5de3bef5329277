package nlp

import (
	"reflect"
	"testing"
	"time"
)

// FuzzSentences checks that every sentence says where it lies:
// text[Start:End] == Text, in order, without overlap, the same each time,
// and in time linear enough for a long line.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"",
		"Leaders know the service. Social workers visit often!",
		"Dr. Lee met the team at 3 p.m. on 4 Jan. 2024. It was 2.5 times higher.",
		"He said “no.” She said 'yes.' (They left.) Next?",
		"Line one.\r\nLine two.\n\nPara two.\fPage two...",
		"No final stop",
		"  \t \u00a0 Padded.  \u2028Then more. ",
		"£1.4m was spent. That is 12% more. e.g. this i.e. that etc. and so on.",
		"Invalid \xff\xfe bytes. Then \xc3 text.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		start := time.Now()
		ss, err := Sentences(text)
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("%d bytes took %v", len(text), d)
		}
		prev := 0
		for i, s := range ss {
			if s.Start < prev || s.End < s.Start || s.End > len(text) {
				t.Fatalf("sentence %d at [%d,%d) after %d, in %d bytes", i, s.Start, s.End, prev, len(text))
			}
			if text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d: text[%d:%d] = %q, Text = %q", i, s.Start, s.End, text[s.Start:s.End], s.Text)
			}
			prev = s.End
		}
		again, _ := Sentences(text)
		if !reflect.DeepEqual(ss, again) {
			t.Fatalf("not deterministic: %v then %v", ss, again)
		}
	})
}
