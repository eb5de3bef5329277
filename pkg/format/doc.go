// Package format writes reports as a terminal table, tsv, csv, json, jsonl,
// markdown or a self-contained HTML page. It only writes: what to write is
// decided before it is called. It is the only importer of tablewriter.
package format
