package format

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/findings/findings/pkg/theme"
	"github.com/findings/findings/pkg/timeline"
)

// AcrossNames lists the formats of the commands that read across reports
// (themes, timeline): the formats of extract, and a web page.
var AcrossNames = append(append([]string(nil), Names...), "html")

// ThemesHeader names the columns of themes in tsv and csv, in order.
var ThemesHeader = []string{"rank", "theme", "findings", "strengths", "weaknesses", "mixed", "reports", "reports_with_weaknesses", "strength_example", "weakness_example"}

// TimelineHeader names the columns of timeline in tsv and csv, in order.
var TimelineHeader = []string{"authority", "reports", "grades", "change", "measures"}

// Across is what the commands across reports (themes, timeline) tallied:
// the themes of the findings and each authority's grades over time.
// Either tally may be nil when its table is not written.
type Across struct {
	Reports  int
	Themes   *theme.Tally
	Timeline *timeline.Builder
}

// NeedsBoth says whether writing in format needs both tallies: the web
// page shows the themes and the timeline together.
func NeedsBoth(format string) bool { return format == "html" }

// CheckAcross says whether themes and timeline write format.
func CheckAcross(format string) error {
	if !slices.Contains(AcrossNames, format) {
		return fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(AcrossNames, ", "))
	}
	return nil
}

// WriteThemes writes one row per theme (ranked by findings, and last the
// findings with no theme) in the format in opts, or with "html" a page
// that also shows the timeline.
func WriteThemes(w io.Writer, a Across, opts Options) error {
	if err := CheckAcross(opts.Format); err != nil {
		return err
	}
	if NeedsBoth(opts.Format) {
		return writePage(w, acrossPage(a, true))
	}
	rows := a.Themes.Rows()
	switch opts.Format {
	case "json", "jsonl":
		return writeJSONRows(w, rows, opts.Format == "jsonl")
	}
	header, cells := themesHeadings(opts.Format), themeCells(rows, opts.Format)
	if opts.Format == "table" && opts.Width > 0 && opts.Width < narrowTable {
		header = append([]string(nil), header[:len(header)-1]...)
		header[3], header[4] = "strong", "weak"
		for i := range cells {
			cells[i] = cells[i][:len(header)]
		}
	}
	return grid(w, opts, header, cells, 1, 8)
}

// WriteTimeline writes one row per authority in the format in opts, or
// with "html" a page that also shows the themes.
func WriteTimeline(w io.Writer, a Across, opts Options) error {
	if err := CheckAcross(opts.Format); err != nil {
		return err
	}
	if NeedsBoth(opts.Format) {
		return writePage(w, acrossPage(a, false))
	}
	as := a.Timeline.Authorities()
	switch opts.Format {
	case "json", "jsonl":
		return writeJSONRows(w, as, opts.Format == "jsonl")
	}
	return grid(w, opts, timelineHeadings(opts.Format), timelineCells(as, opts.Format), 0, 2, 4)
}

func themesHeadings(format string) []string {
	if format == "table" || format == "markdown" {
		return []string{"#", "theme", "findings", "strengths", "weaknesses", "mixed", "reports", "weak in", "typical strength (+) and weakness (−)"}
	}
	return ThemesHeader
}

// narrowTable is the terminal width under which the themes table leaves
// out its examples and shortens its headings: the counts alone need most
// of 80 columns.
const narrowTable = 110

func themeCells(rows []theme.Row, format string) [][]string {
	var out [][]string
	text := func(e *theme.Example) string {
		if e == nil {
			return ""
		}
		return e.Text
	}
	for _, r := range rows {
		rank := strconv.Itoa(r.Rank)
		if r.Rank == 0 {
			rank = ""
		}
		row := []string{rank, r.Theme, strconv.Itoa(r.Findings), strconv.Itoa(r.Strengths), strconv.Itoa(r.Weaknesses),
			strconv.Itoa(r.Mixed), strconv.Itoa(r.Reports), strconv.Itoa(r.WeakReports)}
		if format != "table" && format != "markdown" {
			out = append(out, append(row, text(r.Strength), text(r.Weakness)))
			continue
		}
		row[1] = r.Label
		var ex []string
		if r.Strength != nil {
			ex = append(ex, "+ "+r.Strength.Text)
		}
		if r.Weakness != nil {
			ex = append(ex, "− "+r.Weakness.Text)
		}
		sep := "\n"
		if format == "markdown" {
			sep = "<br>"
		}
		out = append(out, append(row, strings.Join(ex, sep)))
	}
	return out
}

func timelineHeadings(format string) []string {
	if format == "table" || format == "markdown" {
		return []string{"authority", "reports", "grades over time", "last change", "recurring measures"}
	}
	return TimelineHeader
}

func timelineCells(as []timeline.Authority, format string) [][]string {
	var out [][]string
	for _, a := range as {
		sep := "; "
		if format == "table" {
			sep = "\n"
		}
		var ms []string
		for _, m := range a.Measures {
			ms = append(ms, MeasureLine(m))
		}
		out = append(out, []string{a.Name, strconv.Itoa(a.Reports), a.Grades, a.Change, strings.Join(ms, sep)})
	}
	return out
}

// MeasureLine says a measure's values side by side: "caseloads: 28 (2016)
// → 16 (2023)".
func MeasureLine(m timeline.Measure) string {
	var vs []string
	for _, v := range m.Values {
		s := shownValue(v)
		if v.Year > 0 {
			s += " (" + strconv.Itoa(v.Year) + ")"
		}
		vs = append(vs, s)
	}
	return m.Label + ": " + strings.Join(vs, " → ")
}

// grid writes rows as a table (drawn to the terminal's width, the columns
// named by wide sharing what the others leave), Markdown, csv with a
// header, or tsv without one (as extract and summary do).
func grid(w io.Writer, o Options, header []string, rows [][]string, wide ...int) error {
	switch o.Format {
	case "tsv":
		for _, row := range rows {
			if err := writeTSV(w, row); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		c := csv.NewWriter(w)
		if err := c.Write(header); err != nil {
			return err
		}
		if err := c.WriteAll(rows); err != nil {
			return err
		}
		return c.Error()
	}
	var opts []tablewriter.Option
	if o.Format == "markdown" {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
		for _, row := range rows {
			for i := range row {
				row[i] = escapeMarkdown(row[i])
			}
		}
	} else {
		opts = append(opts, tablewriter.WithRowAutoWrap(tw.WrapNormal))
		if o.Width > 0 {
			if ws, ok := gridWidths(header, rows, wide, o.Width); ok {
				opts = append(opts, tablewriter.WithColumnWidths(ws))
			}
			opts = append(opts, tablewriter.WithMaxWidth(o.Width))
		}
	}
	opts = append(opts, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAlignment(tw.AlignLeft))
	tb := tablewriter.NewTable(w, opts...)
	tb.Header(header)
	for _, row := range rows {
		if err := tb.Append(row); err != nil {
			return err
		}
	}
	return tb.Render()
}

// gridWidths shares width between columns when their text does not fit on
// one line each: every column keeps its widest line, up to 16 runes for a
// wide column and 26 for another, and the wide columns share the rest in
// proportion to their widest lines. ok is false when all fits as it is.
// (A width given to tablewriter includes the cell's padding.)
func gridWidths(header []string, rows [][]string, wide []int, width int) (tw.Mapper[int, int], bool) {
	const pad = 2
	natural := make([]int, len(header))
	for i, h := range header {
		natural[i] = utf8.RuneCountInString(h) + pad
	}
	for _, row := range rows {
		for i, cell := range row {
			for _, line := range strings.Split(cell, "\n") {
				natural[i] = max(natural[i], utf8.RuneCountInString(line)+pad)
			}
		}
	}
	room := width - (len(header) + 1) // the borders
	total := 0
	for _, n := range natural {
		total += n
	}
	if total <= room {
		return nil, false
	}
	ws := make([]int, len(header))
	wideTotal, used := 0, 0
	for i, n := range natural {
		if slices.Contains(wide, i) {
			ws[i] = min(n, 16+pad)
			wideTotal += n
		} else {
			ws[i] = min(n, 24+pad)
		}
		used += ws[i]
	}
	spare := max(0, room-used)
	for _, i := range wide {
		if i < len(ws) {
			ws[i] = min(natural[i], ws[i]+spare*natural[i]/max(1, wideTotal))
		}
	}
	m := tw.NewMapper[int, int]()
	for i, w := range ws {
		m.Set(i, w)
	}
	return m, true
}

// writeJSONRows writes an array, or with lines one object a line.
func writeJSONRows[T any](w io.Writer, rows []T, lines bool) error {
	if lines {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	if rows == nil {
		rows = []T{}
	}
	b, err := json.MarshalIndent(rows, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// shownValue is a value as its report states it, but a whole number in
// digits has its thousands grouped, so that one report's "1834" and
// another's "1,316" read alike side by side.
func shownValue(v timeline.Value) string {
	if v.Value < 1000 || v.Value != math.Trunc(v.Value) || strings.Trim(v.Text, "0123456789,") != "" {
		return v.Text
	}
	d := strconv.FormatInt(int64(v.Value), 10)
	var b strings.Builder
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
