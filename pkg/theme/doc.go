// Package theme says what a sentence is about (workforce, the front door,
// care leavers, ...) from a readable lexicon of cue phrases, and tallies the
// themes of many reports' findings.
//
// The lexicon (data/themes.txt) is compiled once and shared read-only, so
// Tag is safe to call from many goroutines; it runs on every finding.
package theme
