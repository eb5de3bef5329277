package format

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/findings/findings/pkg/report"
)

// Names lists the formats, the default for a terminal first.
var Names = []string{"table", "tsv", "csv", "json", "jsonl", "markdown"}

// ExtractNames lists the formats of extract: Names, a web page of each
// report (NewPages) and an SQLite database (NewSQLite).
var ExtractNames = append(append([]string(nil), Names...), "html", "sqlite")

// Item kinds beyond the finding kinds, for --kind and the kind column.
const (
	KindMetric    = "metric"
	KindJudgement = "judgement"
)

// KindNames lists what --kind accepts.
var KindNames = []string{report.Strength, report.Weakness, report.Mixed, KindMetric, KindJudgement}

// Options say how to write.
type Options struct {
	// Format is one of Names.
	Format string
	// Kinds keeps only these item kinds (KindNames); empty keeps all.
	Kinds []string
	// Explain adds each finding's rule and cues.
	Explain bool
	// Color allows ANSI colour (a terminal, NO_COLOR unset).
	Color bool
	// Width is the terminal width the table must fit, 0 for no limit.
	Width int
	// Documents is how many reports will be written: json writes a single
	// object for one, an array otherwise.
	Documents int
}

// Writer writes reports one at a time, so that a batch streams.
type Writer interface {
	// Write writes one report.
	Write(r *report.Report) error
	// Close ends the output (the closing bracket of a JSON array, the
	// table of a summary) without closing the underlying writer.
	Close() error
}

// New returns a Writer for the format in opts.
func New(w io.Writer, opts Options) (Writer, error) {
	for _, k := range opts.Kinds {
		if !slices.Contains(KindNames, k) {
			return nil, fmt.Errorf("unknown kind %q: want one of %s", k, strings.Join(KindNames, ", "))
		}
	}
	switch opts.Format {
	case "json":
		return &jsonWriter{jsonStream: jsonStream{w: w, array: opts.Documents != 1}, opts: opts}, nil
	case "jsonl":
		return &jsonWriter{jsonStream: jsonStream{w: w}, opts: opts, lines: true}, nil
	case "tsv", "csv":
		return newDelimited(w, opts), nil
	case "table":
		return &tableWriter{w: w, opts: opts}, nil
	case "markdown":
		return &tableWriter{w: w, opts: opts, markdown: true}, nil
	case "html":
		return &pageWriter{w: w, opts: opts}, nil
	}
	return nil, fmt.Errorf("unknown format %q: want one of %s", opts.Format, strings.Join(Names, ", "))
}

func (o Options) keep(kind string) bool {
	return len(o.Kinds) == 0 || slices.Contains(o.Kinds, kind)
}

// filtered is a copy of r with only the kinds asked for.
func (o Options) filtered(r *report.Report) *report.Report {
	if len(o.Kinds) == 0 {
		return r
	}
	c := *r
	c.Findings = []report.Finding{}
	for _, f := range r.Findings {
		if o.keep(f.Kind) {
			c.Findings = append(c.Findings, f)
		}
	}
	if !o.keep(KindMetric) {
		c.Metrics = []report.Metric{}
	}
	if !o.keep(KindJudgement) {
		c.Judgements = []report.Judgement{}
	}
	return &c
}

// item is one row of the flat formats: a finding, a metric or a judgement.
type item struct {
	kind       string
	detail     string
	text       string
	start, end int
	page       int // 0: the document has no pages
	why        string
}

// items flattens a report in the order a reader wants it: judgements,
// metrics, then strengths, weaknesses and mixed findings, each in document
// order.
func items(r *report.Report, o Options) []item {
	var out []item
	if o.keep(KindJudgement) {
		for _, j := range r.Judgements {
			out = append(out, item{kind: KindJudgement, detail: JudgementDetail(j), text: j.Sentence, start: j.Start, end: j.End, page: j.Page, why: j.Rule})
		}
	}
	if o.keep(KindMetric) {
		for _, m := range r.Metrics {
			out = append(out, item{kind: KindMetric, detail: MetricDetail(m), text: m.Sentence, start: m.Start, end: m.End, page: m.Page})
		}
	}
	for _, k := range report.Kinds {
		if !o.keep(k) {
			continue
		}
		for _, f := range r.Findings {
			if f.Kind == k {
				out = append(out, item{kind: k, detail: f.Section, text: f.Text, start: f.Start, end: f.End, page: f.Page, why: f.Rule + ": " + strings.Join(f.Cues, " ")})
			}
		}
	}
	return out
}

// PageLabel is how a page is cited: "p. 7", or "" for none.
func PageLabel(page int) string {
	if page == 0 {
		return ""
	}
	return "p. " + strconv.Itoa(page)
}

// JudgementDetail says a judgement in a few words: "good, overall" or
// "inadequate, overall, previous (2016)".
func JudgementDetail(j report.Judgement) string {
	s := strings.ReplaceAll(j.Grade, "_", " ") + ", " + strings.ReplaceAll(j.Scope, "_", " ")
	if j.Previous {
		s += ", previous"
		if j.Year != 0 {
			s += " (" + strconv.Itoa(j.Year) + ")"
		}
	}
	return s
}

// MetricDetail says a metric in a few words: "64% social workers" or
// "+45% caseloads".
func MetricDetail(m report.Metric) string {
	v := Number(m.Value)
	switch m.Unit {
	case report.Percent:
		v += "%"
		if m.Points {
			v = v[:len(v)-1] + " points"
		}
	case report.Money:
		v = m.Currency + " " + v
	case report.Factor:
		v = "×" + v
	case report.Rate:
		v += " per " + Number(m.Per)
	case report.Duration:
		v += " " + m.TimeUnit
	}
	switch m.Direction {
	case report.Increase:
		v = "↑ " + v
	case report.Decrease:
		v = "↓ " + v
	}
	if m.Qualifier != "" {
		v = m.Qualifier + " " + v
	}
	if m.Subject != "" {
		v += " · " + m.Subject
	}
	return v
}

// Number prints a value without needless decimals: 64, 17.3, 1400000.
func Number(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
