package format

import (
	"encoding/csv"
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

// jsonWriter writes reports as JSON: one object, an array streamed element
// by element, or JSON Lines.
type jsonWriter struct {
	jsonStream
	opts  Options
	lines bool // jsonl
}

func (j *jsonWriter) Write(r *report.Report) error {
	r = j.opts.filtered(r)
	var b []byte
	var err error
	if j.lines {
		b, err = json.Marshal(r)
	} else {
		b, err = json.MarshalIndent(r, indentOf(j.array), "  ")
	}
	if err != nil {
		return err
	}
	return j.write(b)
}

func indentOf(array bool) string {
	if array {
		return "  "
	}
	return ""
}

// jsonStream writes JSON documents as they come: with array, as the
// elements of one array ("[", commas between, "]" on Close), else each
// with a newline after it.
type jsonStream struct {
	w     io.Writer
	array bool // json with other than one document
	n     int
}

func (s *jsonStream) write(b []byte) error {
	var prefix, suffix string
	switch {
	case s.array && s.n == 0:
		prefix = "[\n  "
	case s.array:
		prefix = ",\n  "
	default:
		suffix = "\n"
	}
	var sb strings.Builder
	sb.Grow(len(prefix) + len(b) + len(suffix))
	sb.WriteString(prefix)
	sb.Write(b)
	sb.WriteString(suffix)
	s.n++
	_, err := io.WriteString(s.w, sb.String())
	return err
}

func (s *jsonStream) Close() error {
	if !s.array {
		return nil
	}
	end := "\n]\n"
	if s.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(s.w, end)
	return err
}

// tsvField makes a field fit tab-separated values, which carry no
// quoting: tabs and line breaks become spaces.
var tsvField = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// writeTSV writes one row of tab-separated values (its fields made to fit
// in place).
func writeTSV(w io.Writer, row []string) error {
	for i := range row {
		row[i] = tsvField.Replace(row[i])
	}
	_, err := io.WriteString(w, strings.Join(row, "\t")+"\n")
	return err
}

// delimitedRows writes rows as csv, with a header before the first
// report's rows, or as tsv, which has none, as a pipe wants.
type delimitedRows struct {
	w      io.Writer
	c      *csv.Writer // csv only
	header []string
	headed bool
}

func newDelimitedRows(w io.Writer, format string, header []string) delimitedRows {
	d := delimitedRows{w: w, header: header}
	if format == "csv" {
		d.c = csv.NewWriter(w)
	}
	return d
}

// begin starts a report's rows: the header, before the first report's.
func (d *delimitedRows) begin() error {
	if d.c == nil || d.headed {
		return nil
	}
	d.headed = true
	return d.c.Write(d.header)
}

func (d *delimitedRows) row(row []string) error {
	if d.c == nil {
		return writeTSV(d.w, row)
	}
	return d.c.Write(row)
}

// end ends a report's rows: they are written out.
func (d *delimitedRows) end() error { return d.Close() }

func (d *delimitedRows) Close() error {
	if d.c == nil {
		return nil
	}
	d.c.Flush()
	return d.c.Error()
}

// delimited writes one row per item: source, kind, detail, start, end,
// text (and rule and cues with --explain), then the page ("" when the
// document has none), last so that the other columns keep their places.
// tsv has no header, as a pipe wants; csv has one, as a spreadsheet wants.
type delimited struct {
	delimitedRows
	opts Options
}

func newDelimited(w io.Writer, opts Options) *delimited {
	h := Header
	if opts.Explain {
		h = append(append([]string{}, h...), "why")
	}
	h = append(append([]string{}, h...), "page")
	return &delimited{delimitedRows: newDelimitedRows(w, opts.Format, h), opts: opts}
}

// Header is the csv header row, without the columns that follow the text
// (why with --explain, then page).
var Header = []string{"source", "kind", "detail", "start", "end", "text"}

func (d *delimited) Write(r *report.Report) error {
	if err := d.begin(); err != nil {
		return err
	}
	for _, it := range items(r, d.opts) {
		row := []string{r.Source, it.kind, it.detail, strconv.Itoa(it.start), strconv.Itoa(it.end), it.text}
		if d.opts.Explain {
			row = append(row, it.why)
		}
		page := ""
		if it.page > 0 {
			page = strconv.Itoa(it.page)
		}
		row = append(row, page)
		if err := d.row(row); err != nil {
			return err
		}
	}
	return d.end()
}

// tableWriter writes each report as a heading with its facts, a table of
// its items and a line of counts; markdown writes the same as Markdown.
type tableWriter struct {
	w        io.Writer
	opts     Options
	markdown bool
	n        int
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiGreen  = "\x1b[32m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func (t *tableWriter) paint(code, s string) string {
	if !t.opts.Color || t.markdown {
		return s
	}
	return code + s + ansiReset
}

func (t *tableWriter) Write(r *report.Report) error {
	var sb strings.Builder
	if t.n > 0 {
		sb.WriteString("\n")
	}
	t.n++
	title := r.Source
	if t.markdown {
		fmt.Fprintf(&sb, "## %s\n\n", escapeMarkdown(title))
	} else {
		sb.WriteString(t.paint(ansiBold, title) + "\n")
	}
	f := r.Facts
	facts := [][2]string{{"authority", f.Authority}, {"inspection", strings.ReplaceAll(f.InspectionType, "_", " ")}, {"date", f.Date}, {"title", f.Title}}
	for _, kv := range facts {
		if kv[1] == "" {
			kv[1] = "-"
		}
		if t.markdown {
			fmt.Fprintf(&sb, "- **%s**: %s\n", kv[0], escapeMarkdown(kv[1]))
		} else {
			fmt.Fprintf(&sb, "  %s %s\n", t.paint(ansiDim, fmt.Sprintf("%-10s", kv[0])), kv[1])
		}
	}
	sb.WriteString("\n")
	its := items(r, t.opts)
	if len(its) > 0 {
		if err := t.table(&sb, its); err != nil {
			return err
		}
	}
	if t.markdown && len(its) > 0 {
		sb.WriteString("\n") // a Markdown table runs on to the next blank line
	}
	sb.WriteString(Counts(r) + "\n")
	_, err := io.WriteString(t.w, sb.String())
	return err
}

func (t *tableWriter) table(w io.Writer, its []item) error {
	header := []string{"kind", "detail", "text"}
	if t.opts.Explain {
		header = append(header, "why")
	}
	var opts []tablewriter.Option
	if t.markdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	} else {
		opts = append(opts, tablewriter.WithRowAutoWrap(tw.WrapNormal))
		if t.opts.Width > 0 {
			opts = append(opts, tablewriter.WithColumnWidths(columnWidths(t.opts.Width, t.opts.Explain)), tablewriter.WithMaxWidth(t.opts.Width))
		}
	}
	opts = append(opts, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAlignment(tw.AlignLeft))
	tb := tablewriter.NewTable(w, opts...)
	tb.Header(header)
	for _, it := range its {
		kind := it.kind
		switch kind {
		case report.Strength:
			kind = t.paint(ansiGreen, kind)
		case report.Weakness:
			kind = t.paint(ansiRed, kind)
		case report.Mixed:
			kind = t.paint(ansiYellow, kind)
		default:
			kind = t.paint(ansiCyan, kind)
		}
		detail := clip(it.detail, 60)
		if it.page > 0 {
			detail = strings.TrimPrefix(detail+" · "+PageLabel(it.page), " · ")
		}
		row := []string{kind, detail, it.text}
		if t.opts.Explain {
			row = append(row, it.why)
		}
		if t.markdown {
			for i := range row {
				row[i] = escapeMarkdown(row[i])
			}
		}
		if err := tb.Append(row); err != nil {
			return err
		}
	}
	return tb.Render()
}

func (t *tableWriter) Close() error { return nil }

// Counts is the one-line tally of a report.
func Counts(r *report.Report) string {
	return fmt.Sprintf("%d strengths, %d weaknesses, %d mixed, %d metrics, %d judgements",
		r.Count(report.Strength), r.Count(report.Weakness), r.Count(report.Mixed), len(r.Metrics), len(r.Judgements))
}

// escapeMarkdown keeps a cell's pipes and line breaks from breaking the
// Markdown table (tablewriter leaves them alone).
func escapeMarkdown(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// columnWidths shares a terminal's width between the columns: the kind a
// fixed 10, the detail (and the explanation) a share, the sentence the rest.
func columnWidths(width int, explain bool) tw.Mapper[int, int] {
	const kindW = 10
	cols := 3
	if explain {
		cols = 4
	}
	rest := max(3*cols, width-(3*cols+1)-kindW) // borders: "│ " ... " │ " ... " │"
	clamp := func(v, lo, hi int) int { return min(max(v, lo), hi) }
	w := tw.NewMapper[int, int]().Set(0, kindW)
	if !explain {
		detail := clamp(rest/3, 8, 30)
		return w.Set(1, detail).Set(2, max(10, rest-detail))
	}
	detail, why := clamp(rest/4, 8, 26), clamp(rest/4, 10, 30)
	return w.Set(1, detail).Set(2, max(10, rest-detail-why)).Set(3, why)
}
