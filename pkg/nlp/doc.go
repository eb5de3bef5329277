// Package nlp splits text into sentences and tags words, and is the only
// package that imports prose (github.com/jdkato/prose/v3). Its models load
// once per process, on first use.
package nlp
