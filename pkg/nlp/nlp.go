package nlp

import (
	"fmt"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// Sentence is a sentence of a text and where it lies in that text:
// text[Start:End] == Text.
type Sentence struct {
	Text       string
	Start, End int
}

// Token is a word or mark of a sentence with its part-of-speech tag (Penn
// Treebank) and where it lies in the sentence.
type Token struct {
	Text, Tag  string
	Start, End int
}

// The models load on first use, once per process, and are shared read-only
// by every goroutine.
var (
	segmenter = sync.OnceValues(segment.New)
	tokenizer = sync.OnceValue(func() *tokenize.Tokenizer { return tokenize.New() })
	tagger    = sync.OnceValues(func() (*tag.Tagger, error) { return tag.New() })
)

// Sentences splits text into sentences with Punkt.
func Sentences(text string) ([]Sentence, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	seg, err := segmenter()
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	raw := seg.Segment(text)
	out := make([]Sentence, 0, len(raw))
	for _, s := range raw {
		out = append(out, Sentence{Text: s.Text, Start: s.Start, End: s.End()})
	}
	return out, nil
}

// Tag tokenizes a sentence and tags each token's part of speech.
func Tag(sentence string) ([]Token, error) {
	tg, err := tagger()
	if err != nil {
		return nil, fmt.Errorf("load tagger model: %w", err)
	}
	toks := tokenizer().Tokenize(sentence)
	tg.TagTokens(toks)
	out := make([]Token, len(toks))
	for i, t := range toks {
		out[i] = Token{Text: t.Text, Tag: t.Tag, Start: t.Start, End: t.End()}
	}
	return out, nil
}

// Warm loads the sentence and tagging models now, so that a caller can
// overlap the load with other start-up work (a goroutine at start-up);
// the first Sentences or Tag call waits for it either way.
func Warm() {
	_, _ = segmenter()
	_, _ = tagger()
}
