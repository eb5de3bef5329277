// Package batch reads many documents into reports: Reports expands the
// arguments, reads and extracts each document on a pool of goroutines and
// hands the reports to a Sink in the order of the arguments, one bad
// document never stopping the others. Run is that pool: work over many
// items with the results back in input order and a bounded number in
// flight, so that a run over thousands of documents streams in constant
// memory. Bar draws a run's progress on a terminal.
package batch
