package format

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/findings/findings/pkg/report"
)

// SummaryRow is a report in one row: what it is about, how it was judged
// and how much it found.
type SummaryRow struct {
	Source         string `json:"source"`
	Authority      string `json:"authority"`
	InspectionType string `json:"inspection_type"`
	Date           string `json:"date"`
	// Grade is the overall grade, or, when the report gives none, the
	// other grades as "scope: grade; ...".
	Grade      string `json:"grade"`
	Strengths  int    `json:"strengths"`
	Weaknesses int    `json:"weaknesses"`
	Metrics    int    `json:"metrics"`
}

// SummaryHeader names the columns of a summary, in order.
var SummaryHeader = []string{"source", "authority", "inspection_type", "date", "grade", "strengths", "weaknesses", "metrics"}

// Summarize makes a report's row. Grades from earlier inspections are
// left out.
func Summarize(r *report.Report) SummaryRow {
	row := SummaryRow{
		Source: r.Source, Authority: r.Facts.Authority, InspectionType: r.Facts.InspectionType, Date: r.Facts.Date,
		Strengths: r.Count(report.Strength), Weaknesses: r.Count(report.Weakness), Metrics: len(r.Metrics),
	}
	var others []string
	seen := map[string]bool{}
	for _, j := range r.Judgements {
		if j.Previous || seen[j.Scope] {
			continue
		}
		seen[j.Scope] = true
		if j.Scope == report.ScopeOverall {
			row.Grade = j.Grade
			return row
		}
		others = append(others, j.Scope+": "+j.Grade)
	}
	row.Grade = strings.Join(others, "; ")
	return row
}

func (s SummaryRow) cells() []string {
	return []string{s.Source, s.Authority, s.InspectionType, s.Date, s.Grade,
		strconv.Itoa(s.Strengths), strconv.Itoa(s.Weaknesses), strconv.Itoa(s.Metrics)}
}

// NewSummary returns a Writer that writes one row per report in the
// format in opts (Kinds and Explain do not apply). Rows stream, except in
// a table, which is drawn when it is closed so that its columns line up.
func NewSummary(w io.Writer, opts Options) (Writer, error) {
	switch opts.Format {
	case "json":
		return &summaryJSON{jsonStream: jsonStream{w: w, array: opts.Documents != 1}}, nil
	case "jsonl":
		return &summaryJSON{jsonStream: jsonStream{w: w}, lines: true}, nil
	case "tsv", "csv":
		return &summaryDelimited{newDelimitedRows(w, opts.Format, SummaryHeader)}, nil
	case "table", "markdown":
		return &summaryTable{w: w, opts: opts, markdown: opts.Format == "markdown"}, nil
	}
	return nil, fmt.Errorf("unknown format %q: want one of %s", opts.Format, strings.Join(Names, ", "))
}

type summaryJSON struct {
	jsonStream
	lines bool
}

func (j *summaryJSON) Write(r *report.Report) error {
	row := Summarize(r)
	var b []byte
	var err error
	if j.lines || j.array {
		b, err = json.Marshal(row)
	} else {
		b, err = json.MarshalIndent(row, "", "  ")
	}
	if err != nil {
		return err
	}
	return j.write(b)
}

// summaryDelimited writes csv with a header, tsv without (as extract does).
type summaryDelimited struct{ delimitedRows }

func (d *summaryDelimited) Write(r *report.Report) error {
	if err := d.begin(); err != nil {
		return err
	}
	if err := d.row(Summarize(r).cells()); err != nil {
		return err
	}
	return d.end()
}

// summaryTable keeps the rows (a few dozen bytes each) to draw one table.
type summaryTable struct {
	w        io.Writer
	opts     Options
	markdown bool
	rows     [][]string
}

func (t *summaryTable) Write(r *report.Report) error {
	row := Summarize(r).cells()
	row[2] = strings.ReplaceAll(row[2], "_", " ")
	row[4] = strings.ReplaceAll(row[4], "_", " ")
	if t.markdown {
		for i := range row {
			row[i] = escapeMarkdown(row[i])
		}
	}
	t.rows = append(t.rows, row)
	return nil
}

func (t *summaryTable) Close() error {
	var opts []tablewriter.Option
	if t.markdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	} else {
		opts = append(opts, tablewriter.WithRowAutoWrap(tw.WrapNormal))
		if t.opts.Width > 0 {
			opts = append(opts, tablewriter.WithMaxWidth(t.opts.Width))
		}
	}
	opts = append(opts, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAlignment(tw.AlignLeft))
	tb := tablewriter.NewTable(t.w, opts...)
	tb.Header([]string{"source", "authority", "inspection", "date", "grade", "strengths", "weaknesses", "metrics"})
	for _, row := range t.rows {
		if err := tb.Append(row); err != nil {
			return err
		}
	}
	return tb.Render()
}
