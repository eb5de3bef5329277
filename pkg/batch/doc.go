// Package batch runs work over many items with a pool of goroutines and
// hands the results back in input order, with a bounded number in flight,
// so that a run over thousands of documents streams in constant memory.
// It also draws the progress bar of a run on a terminal.
package batch
