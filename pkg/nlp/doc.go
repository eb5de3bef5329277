// Package nlp splits text into sentences and tags words, and is the only
// package that imports prose (github.com/jdkato/prose/v3) and its Punkt
// (gopkg.in/neurosnap/sentences.v1). It runs prose's segmenter, tokenizer
// and tagger made again for speed (punkt.go, tokenize.go, perceptron.go)
// on prose's own trained models, and its tests hold them to prose's
// output. Its models load once per process, on first use.
package nlp
