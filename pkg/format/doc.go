// Package format writes reports for people and programs: a table, tsv,
// csv, JSON and JSON Lines, Markdown, a web page of a report (or a folder
// of them), an SQLite database, and the pages and tables across reports.
// It is the only importer of tablewriter and of the SQLite driver.
package format
