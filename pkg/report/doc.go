// Package report is the data model that findings hands back: a Report with
// its Facts, Findings, Metrics and Judgements, their JSON tags (the tool's
// stable output) and their deterministic order.
package report
