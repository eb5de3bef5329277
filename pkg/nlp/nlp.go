package nlp

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
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
	segmenter = sync.OnceValues(loadPunkt)
	tagger    = sync.OnceValues(loadPerceptron)
)

// Sentences splits text into sentences with Punkt, where prose's
// segmenter splits it (punkt.go).
func Sentences(text string) ([]Sentence, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	seg, err := segmenter()
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	if oneSentence(text) {
		start, end := trimSpace(text)
		return []Sentence{{Text: text[start:end], Start: start, End: end}}, nil
	}
	return seg.segment(text), nil
}

// oneSentence reports whether Punkt cannot split text: Punkt breaks only
// after a token holding '.', '?' or '!', so a text with none of them
// before its last word is one sentence (a heading, a table cell, a bullet
// with one full stop). Most blocks are, and the segmenter's tokenising and
// annotation of the whole block is then skipped.
func oneSentence(text string) bool {
	last := len(text)
	for last > 0 && isSpace(text[last-1]) {
		last--
	}
	for last > 0 && !isSpace(text[last-1]) {
		last--
	}
	return !strings.ContainsAny(text[:last], ".?!") && !hasNonASCIISpace(text)
}

// trimSpace gives the bounds of text without its leading and trailing
// ASCII white space, as the segmenter trims a sentence.
func trimSpace(text string) (int, int) {
	start, end := 0, len(text)
	for start < end && isSpace(text[start]) {
		start++
	}
	for end > start && isSpace(text[end-1]) {
		end--
	}
	return start, end
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// hasNonASCIISpace reports whether text holds a non-ASCII space (U+00A0,
// U+2009...): the fast path splits words and trims on ASCII space only, so
// such texts take the segmenter.
func hasNonASCIISpace(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return r >= utf8.RuneSelf && unicode.IsSpace(r) }) >= 0
}

// Tag tokenizes a sentence and tags each token's part of speech, as
// prose's tokenizer and tagger do (tokenize.go, perceptron.go).
func Tag(sentence string) ([]Token, error) {
	tg, err := tagger()
	if err != nil {
		return nil, fmt.Errorf("load tagger model: %w", err)
	}
	toks := wordTokens(sentence)
	tg.tagTokens(toks)
	return toks, nil
}

// Warm loads the sentence and tagging models now, so that a caller can
// overlap the load with other start-up work (a goroutine at start-up);
// the first Sentences or Tag call waits for it either way. The tagger,
// the longer load, runs beside Punkt in a goroutine of its own: a report
// needs sentences first, and its first tagging comes sooner than the two
// loads one after the other would end.
func Warm() {
	go func() { _, _ = tagger() }()
	_, _ = segmenter()
}
