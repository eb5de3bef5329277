// Package extract reads a cleaned report and returns what it states: the
// evaluative sentences (strength, weakness or mixed, with the rule and cue
// words that made the call), the metrics, the graded judgements and the
// report's facts (authority, inspection type, title, date).
//
// Its rules are data: the cue lexicon, section classes, judgement phrases,
// number words and the sentence model live in embedded files under data/,
// loaded and compiled once by New and shared read-only by every goroutine
// that calls Extract.
package extract
