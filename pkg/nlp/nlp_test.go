package nlp

import (
	"slices"
	"strings"
	"testing"

	"github.com/findings/findings/internal/benchdata"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// texts are varied inputs for the offset invariants: quotes, abbreviations,
// decimal numbers, non-ASCII letters, several line breaks, white space at
// the ends, and no final stop.
var texts = map[string]string{
	"plain":           "Leaders know their service well. Social workers visit children often.",
	"curly quotes":    "The manager said “caseloads are too high.” Leaders agreed.",
	"straight quotes": "He said \"no.\" She said 'yes.' (They left.)",
	"abbreviations":   "Dr. Smith met the team, e.g. the managers, at 3 p.m. on Monday. It went well.",
	"decimals":        "The rate rose by 1.4 per cent. It was 2.5 times higher than in 2019.",
	"unicode":         "Children’s services – naïve café résumé. Über 😀 emoji here! Next one?",
	"line breaks":     "Line one.\nLine two.\n\nParagraph two.\r\nLast.",
	"padded":          "  Leading spaces. And trailing.  \n",
	"no final stop":   "No final stop",
	"money":           "The council spent £1.4m on agency staff. That is 12% more.",
	"repeated":        "It is good.  It is good.\tIt is good.",
	"no-break space":  "Plans are clear.\u00a0Reviews are timely.",
}

// TestSentencesOffsets checks that every sentence says where it lies:
// text[Start:End] == Text, in order and without overlap, and that the
// sentences hold every word of the text.
func TestSentencesOffsets(t *testing.T) {
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			ss, err := Sentences(text)
			if err != nil {
				t.Fatal(err)
			}
			if len(ss) == 0 {
				t.Fatal("no sentences")
			}
			prev := 0
			var words []string
			for i, s := range ss {
				if s.Start < prev || s.End > len(text) || s.Start >= s.End {
					t.Fatalf("sentence %d [%d,%d) out of order or outside the text (len %d)", i, s.Start, s.End, len(text))
				}
				if got := text[s.Start:s.End]; got != s.Text {
					t.Errorf("sentence %d: text[%d:%d] = %q, Text = %q", i, s.Start, s.End, got, s.Text)
				}
				prev = s.End
				words = append(words, strings.Fields(s.Text)...)
			}
			if got, want := strings.Join(words, " "), strings.Join(strings.Fields(text), " "); got != want {
				t.Errorf("sentences hold %q, want every word of %q", got, want)
			}
		})
	}
}

// TestSentencesSplits checks splits any sentence splitter must make or
// avoid.
func TestSentencesSplits(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Leaders know their service well. Social workers visit children often.",
			[]string{"Leaders know their service well.", "Social workers visit children often."}},
		{"decimal point is not a stop", "The rate rose by 1.4 per cent. It fell later.",
			[]string{"The rate rose by 1.4 per cent.", "It fell later."}},
		{"question and exclamation", "Is it good? It is! Yes.",
			[]string{"Is it good?", "It is!", "Yes."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss, err := Sentences(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range ss {
				got = append(got, s.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentencesEmpty(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n\t \f"} {
		ss, err := Sentences(text)
		if err != nil || len(ss) != 0 {
			t.Errorf("Sentences(%q) = %v, %v; want none and no error", text, ss, err)
		}
	}
}

// TestTagOffsets checks that every token says where it lies in the
// sentence, in order, and has a tag.
func TestTagOffsets(t *testing.T) {
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			toks, err := Tag(text)
			if err != nil {
				t.Fatal(err)
			}
			if len(toks) == 0 {
				t.Fatal("no tokens")
			}
			prev := 0
			for i, tok := range toks {
				if tok.Start < prev || tok.End > len(text) || tok.Start >= tok.End {
					t.Fatalf("token %d %q [%d,%d) out of order or outside the text (len %d)", i, tok.Text, tok.Start, tok.End, len(text))
				}
				if got := text[tok.Start:tok.End]; got != tok.Text {
					t.Errorf("token %d: text[%d:%d] = %q, Text = %q", i, tok.Start, tok.End, got, tok.Text)
				}
				if tok.Tag == "" {
					t.Errorf("token %d %q has no tag", i, tok.Text)
				}
				prev = tok.End
			}
		})
	}
}

// TestTagNumbers checks that numbers are tagged CD (cardinal number), which
// metric extraction relies on.
func TestTagNumbers(t *testing.T) {
	tests := []struct{ sentence, number string }{
		{"The rate rose by 1.4 per cent.", "1.4"},
		{"There are 45 social workers in the team.", "45"},
		{"Inspectors visited in 2019.", "2019"},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			toks, err := Tag(tt.sentence)
			if err != nil {
				t.Fatal(err)
			}
			for _, tok := range toks {
				if tok.Text == tt.number {
					if tok.Tag != "CD" {
						t.Errorf("%q tagged %s, want CD", tok.Text, tok.Tag)
					}
					return
				}
			}
			t.Errorf("no token %q in %+v", tt.number, toks)
		})
	}
}

func TestTagEmpty(t *testing.T) {
	toks, err := Tag("")
	if err != nil || len(toks) != 0 {
		t.Errorf(`Tag("") = %v, %v; want no tokens and no error`, toks, err)
	}
}

// TestOneSentenceAsPunkt checks the fast path against Punkt itself: every
// text it takes must come out of the segmenter as the same one sentence.
func TestOneSentenceAsPunkt(t *testing.T) {
	cases := []string{
		"Leadership and management", "  Padded heading \n", "Ends with a stop.",
		"Ends with a question?", "Ends with a quote.”", "Line one\nline two.",
		"Number 3.5 inside", "e.g. at the start", "Tab\tseparated\tcells!",
		"Children’s services – the local authority", "(Grade 2.)",
	}
	for _, text := range texts {
		cases = append(cases, text)
	}
	benchTexts, _ := benchdata.Texts(t)
	for _, text := range benchTexts {
		cases = append(cases, strings.Split(text, "\n\n")...)
		cases = append(cases, strings.Split(text, "\n")...)
	}
	seg := proseSegmenter(t)
	fast := 0
	for _, text := range cases {
		if strings.TrimSpace(text) == "" || !oneSentence(text) {
			continue
		}
		fast++
		got, _ := Sentences(text)
		want := seg.Segment(text)
		if len(want) != 1 || len(got) != 1 || got[0].Text != want[0].Text || got[0].Start != want[0].Start || got[0].End != want[0].End() {
			t.Errorf("%q: fast path %+v, Punkt %+v", text, got, want)
		}
	}
	if fast == 0 {
		t.Fatal("no text took the fast path")
	}
}

// proseTag is prose's own tagging of a sentence, the oracle for
// perceptron.go.
func proseTag(tb testing.TB, sentence string) []Token {
	tb.Helper()
	tg, err := tag.New()
	if err != nil {
		tb.Fatal(err)
	}
	toks := tokenize.New().Tokenize(sentence)
	tg.TagTokens(toks)
	out := make([]Token, len(toks))
	for i, t := range toks {
		out[i] = Token{Text: t.Text, Tag: t.Tag, Start: t.Start, End: t.End()}
	}
	return out
}

// tagCases are tokens that take each of the tagger's paths: a dash,
// emoticons, a handle, treebank traces, bracket labels, hyphenated words,
// years, digits, capitals and non-ASCII words.
var tagCases = []string{
	"- :-) xD @someone 0 * *T* *?* *-12 *EXP*-1 *ABC *-1234 -LRB- -RRB- -ABCD-",
	"Well-led services in 2019 saw 45 children, 1.4% more, and 3rd-party reviews.",
	"ÉCOLE Café naïve Über İstanbul 😀 KELVIN \u212a.",
	"+1234 -123 1-2 --5 ¯\\(ツ)/¯ (╯°□°）╯︵┻━┻ (ಠ_ಠ)",
	"They don't know; it's the children's home. We'll see, I'm sure they're fine. Isn’t it? DON'T 'S n't.",
	"U.K. U.S.A. Dr. Mrs. Ltd. e.g. (“quoted”) ‘single’ $45 [note] \"said,\" end:",
}

// TestTagAsProse checks that perceptron.go gives every token of the test
// texts and of the benchmark texts' sentences the tag prose gives it.
func TestTagAsProse(t *testing.T) {
	cases := append([]string{}, tagCases...)
	for _, text := range texts {
		cases = append(cases, text)
	}
	benchTexts, _ := benchdata.Texts(t)
	for _, text := range benchTexts {
		ss, err := Sentences(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			cases = append(cases, s.Text)
		}
	}
	for _, text := range cases {
		got, err := Tag(text)
		if err != nil {
			t.Fatal(err)
		}
		if want := proseTag(t, text); !slices.Equal(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", text, got, want)
		}
	}
}

// FuzzTagAsProse checks perceptron.go against prose on any text.
func FuzzTagAsProse(f *testing.F) {
	for _, s := range tagCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, err := Tag(text)
		if err != nil {
			t.Fatal(err)
		}
		if want := proseTag(t, text); !slices.Equal(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", text, got, want)
		}
	})
}
