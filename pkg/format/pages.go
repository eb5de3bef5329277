package format

import (
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/theme"
)

// The page of one report is one file, like the page across reports: style
// and a small script inline, no network. It reads with scripts off; the
// script only adds the filters.

//go:embed report.html.tmpl
var reportTmpl string

// reportTemplate is the page of one report and the index, parsed on first
// use, as pageTemplate is.
var reportTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.Must(template.New("report").Funcs(template.FuncMap{
		"gradeClass": gradeClass,
		"detail":     JudgementDetail,
		"page":       PageLabel,
		"kindMark":   func(k string) string { return kindMarks[k] },
		"under":      func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	}).Parse(reportTmpl)).Parse(baseCSS))
})

// kindMarks are the symbols that say a sentence's kind beside its colour,
// so that the page reads in greyscale and to a colour-blind reader.
var kindMarks = map[string]string{report.Strength: "▲", report.Weakness: "▼", report.Mixed: "◆"}

// reportPage is what the template shows of one report.
type reportPage struct {
	Source     string
	Title      string
	Facts      report.Facts
	Type       string
	Judgements []report.Judgement
	Kinds      []kindCount
	Metrics    int
	Themes     []themeCount
	Body       template.HTML // the text, marked up
	Pages      int
	Index      string // the index page's name, in a folder of pages
}

type kindCount struct {
	Kind, Mark string
	N          int
	Label      string // "3 strengths"
}

type themeCount struct {
	ID, Label                    string
	Strengths, Weaknesses, Mixed int
}

func newReportPage(r *report.Report) reportPage {
	p := reportPage{Source: r.Source, Title: r.Facts.Title, Facts: r.Facts, Judgements: r.Judgements, Metrics: len(r.Metrics)}
	if p.Title == "" {
		p.Title = filepath.Base(r.Source)
	}
	p.Type = strings.ReplaceAll(r.Facts.InspectionType, "_", " ")
	for _, k := range report.Kinds {
		n := r.Count(k)
		label := kindLabel(k, n)
		p.Kinds = append(p.Kinds, kindCount{Kind: k, Mark: kindMarks[k], N: n, Label: label})
	}
	at := map[string]int{}
	for _, f := range r.Findings {
		for _, t := range f.Themes {
			i, ok := at[t]
			if !ok {
				i = len(p.Themes)
				at[t] = i
				p.Themes = append(p.Themes, themeCount{ID: t, Label: theme.Label(t)})
			}
			switch f.Kind {
			case report.Strength:
				p.Themes[i].Strengths++
			case report.Weakness:
				p.Themes[i].Weaknesses++
			case report.Mixed:
				p.Themes[i].Mixed++
			}
		}
	}
	slices.SortStableFunc(p.Themes, func(a, b themeCount) int {
		return (b.Strengths + b.Weaknesses + b.Mixed) - (a.Strengths + a.Weaknesses + a.Mixed)
	})
	p.Body, p.Pages = markUp(r)
	return p
}

// markUp is the report's text as HTML: each finding a <mark> of its kind
// (colour and symbol), each metric and judgement a highlight followed by
// its value, and at each page's start its number in the margin. The text
// keeps its line breaks, as the report lays it out.
func markUp(r *report.Report) (template.HTML, int) {
	text := r.Text
	type inline struct {
		start, end int
		class      string
		label      string
	}
	var ins []inline
	for _, m := range r.Metrics {
		ins = append(ins, inline{m.Start, m.End, "metric", MetricDetail(m)})
	}
	for _, j := range r.Judgements {
		ins = append(ins, inline{j.Start, j.End, "judgement " + gradeClass(j.Grade), JudgementDetail(j)})
	}
	slices.SortStableFunc(ins, func(a, b inline) int { return a.start - b.start })
	// two verdicts read from the same words share one highlight and say both
	merged := ins[:0]
	for _, in := range ins {
		if n := len(merged); n > 0 && merged[n-1].start == in.start && merged[n-1].end == in.end {
			merged[n-1].label += "; " + in.label
			continue
		}
		merged = append(merged, in)
	}
	ins = merged
	// the boundaries of every span, and each page's start
	cuts := []int{0, len(text)}
	for _, f := range r.Findings {
		cuts = append(cuts, f.Start, f.End)
	}
	for _, in := range ins {
		cuts = append(cuts, in.start, in.end)
	}
	for i := 0; i < len(text); i++ {
		if text[i] == '\f' {
			cuts = append(cuts, i, i+1)
		}
	}
	for i := range cuts {
		cuts[i] = min(max(cuts[i], 0), len(text))
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	findingAt := func(off int) int { // the finding over off, or -1
		for i, f := range r.Findings {
			if f.Start <= off && off < f.End {
				return i
			}
			if f.Start > off {
				break
			}
		}
		return -1
	}
	inlineAt := func(off int) int { // the innermost metric or judgement over off, or -1
		at := -1
		for i, in := range ins {
			if in.start > off {
				break
			}
			if off < in.end {
				at = i // a later start is further in: one number inside another's text shows too
			}
		}
		return at
	}
	var b strings.Builder
	page := 1
	paged := strings.Contains(text, "\f")
	if paged {
		b.WriteString(pageMark(1))
	}
	curF, curI := -1, -1
	closeInline := func() {
		if curI >= 0 {
			fmt.Fprintf(&b, `</span><sup class="val">%s</sup>`, template.HTMLEscapeString(ins[curI].label))
			curI = -1
		}
	}
	closeFinding := func() {
		closeInline()
		if curF >= 0 {
			b.WriteString("</mark>")
			curF = -1
		}
	}
	for k := 0; k+1 < len(cuts); k++ {
		s, e := cuts[k], cuts[k+1]
		if text[s:e] == "\f" {
			closeFinding()
			page++
			if e < len(text) && strings.TrimSpace(text[e:]) != "" {
				b.WriteString(pageMark(page))
			}
			continue
		}
		f, in := findingAt(s), inlineAt(s)
		if f != curF {
			closeFinding()
			if f >= 0 {
				x := r.Findings[f]
				title := x.Kind
				if x.Rule != "" {
					title += " (" + x.Rule + ": " + strings.Join(x.Cues, " ") + ")"
				}
				if len(x.Themes) > 0 {
					title += "; themes: " + strings.Join(x.Themes, ", ")
				}
				fmt.Fprintf(&b, `<mark class="f %s" data-kind="%s" data-themes="%s" title="%s">`,
					x.Kind, x.Kind, template.HTMLEscapeString(strings.Join(x.Themes, " ")), template.HTMLEscapeString(title))
				if s == x.Start {
					fmt.Fprintf(&b, `<b class="sym" aria-label="%s">%s</b>`, x.Kind, kindMarks[x.Kind])
				}
				curF = f
			}
		}
		if in != curI {
			closeInline()
			if in >= 0 {
				fmt.Fprintf(&b, `<span class="hl %s">`, ins[in].class)
				curI = in
			}
		}
		b.WriteString(template.HTMLEscapeString(strings.Map(symbolGlyph, text[s:e])))
		if curI >= 0 && e >= ins[curI].end {
			closeInline()
		}
	}
	closeFinding()
	pages := 0
	if paged {
		pages = strings.Count(strings.TrimRight(text, "\f\n "), "\f") + 1
	}
	return template.HTML(b.String()), pages
}

// kindLabel counts findings of a kind in words: "1 weakness", "3 mixed".
func kindLabel(kind string, n int) string {
	switch {
	case kind == report.Strength:
		return plural(n, "strength")
	case kind == report.Weakness && n == 1:
		return "1 weakness"
	case kind == report.Weakness:
		return strconv.Itoa(n) + " weaknesses"
	}
	return strconv.Itoa(n) + " " + kind
}

// symbolGlyph shows the bullets of PDFs set in the Symbol or Wingdings
// fonts, which come out in Unicode's private use area (U+F020 to U+F0FF)
// where a browser's fonts have no glyph: as the mark they stand for, or
// else a bullet.
func symbolGlyph(r rune) rune {
	if r < 0xf020 || r > 0xf0ff {
		return r
	}
	if g, ok := map[rune]rune{0xf02d: '–', 0xf06e: '■', 0xf0a7: '▪', 0xf0b7: '•', 0xf0d8: '➢', 0xf076: '❖', 0xf0fc: '✓'}[r]; ok {
		return g
	}
	return '•'
}

func pageMark(n int) string {
	return fmt.Sprintf(`<span class="pageno" id="page-%d" aria-label="page %d">p. %d</span>`, n, n, n)
}

// pageWriter writes one report as a page to a stream.
type pageWriter struct {
	w    io.Writer
	opts Options
	n    int
}

func (p *pageWriter) Write(r *report.Report) error {
	if p.n > 0 {
		return errors.New("--format html writes one report to a file: name a folder with --output for several")
	}
	p.n++
	return reportTemplate().Execute(p.w, newReportPage(p.opts.filtered(r)))
}

func (p *pageWriter) Close() error { return nil }

// pagesWriter writes a page per report and an index into a folder: into a
// temporary folder beside it first, moved into place on Close.
type pagesWriter struct {
	dir, tmp string
	opts     Options
	names    map[string]bool
	rows     []indexRow
	done     bool
}

type indexRow struct {
	File       string
	Title      string
	Source     string
	Facts      report.Facts
	Type       string
	Judgements []report.Judgement
	Kinds      []kindCount
	Metrics    int
}

// NewPages returns a FileWriter that writes each report as a page, and an
// index.html that lists them, into the folder dir (made if need be).
func NewPages(dir string, opts Options) (FileWriter, error) {
	fail := func(err error) error { return fmt.Errorf("output %s: %w", dir, unwrapPath(err)) }
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fail(errors.New("not a folder: several reports make a page each"))
	}
	parent := filepath.Dir(filepath.Clean(dir))
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(filepath.Clean(dir))+".*.tmp")
	if err != nil {
		return nil, fail(err)
	}
	return &pagesWriter{dir: dir, tmp: tmp, opts: opts, names: map[string]bool{"index.html": true}}, nil
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// pageName is a file name for the page of source, unlike any before it.
func (p *pagesWriter) pageName(source string) string {
	base := strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	base = strings.Trim(unsafeName.ReplaceAllString(base, "-"), "-.")
	if base == "" {
		base = "report"
	}
	name := base + ".html"
	for i := 2; p.names[name]; i++ {
		name = base + "-" + strconv.Itoa(i) + ".html"
	}
	p.names[name] = true
	return name
}

func (p *pagesWriter) Write(r *report.Report) error {
	r = p.opts.filtered(r)
	page := newReportPage(r)
	page.Index = "index.html"
	name := p.pageName(r.Source)
	if err := p.writeFile(name, func(w io.Writer) error { return reportTemplate().Execute(w, page) }); err != nil {
		return err
	}
	p.rows = append(p.rows, indexRow{File: name, Title: page.Title, Source: r.Source, Facts: r.Facts, Type: page.Type,
		Judgements: r.Judgements, Kinds: page.Kinds, Metrics: page.Metrics})
	return nil
}

func (p *pagesWriter) writeFile(name string, fill func(io.Writer) error) error {
	f, err := os.Create(filepath.Join(p.tmp, name))
	if err != nil {
		return fmt.Errorf("output %s: %w", p.dir, unwrapPath(err))
	}
	err = fill(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("output %s: %w", filepath.Join(p.dir, name), unwrapPath(err))
	}
	return nil
}

// Close writes the index and moves the pages into the folder: the whole
// temporary folder when dir is new, else page by page.
func (p *pagesWriter) Close() error {
	if p.done {
		return nil
	}
	err := p.writeFile("index.html", func(w io.Writer) error {
		return reportTemplate().ExecuteTemplate(w, "index", struct {
			Title string
			Rows  []indexRow
		}{"Reports: " + plural(len(p.rows), "page"), p.rows})
	})
	if err == nil {
		err = p.move()
	}
	if err != nil {
		p.Abort()
		return err
	}
	p.done = true
	return nil
}

func (p *pagesWriter) move() error {
	if err := os.Chmod(p.tmp, 0o755); err != nil {
		return fmt.Errorf("output %s: %w", p.dir, unwrapPath(err))
	}
	if _, err := os.Stat(p.dir); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(p.tmp, p.dir); err != nil {
			return fmt.Errorf("output %s: %w", p.dir, unwrapPath(err))
		}
		return nil
	}
	es, err := os.ReadDir(p.tmp)
	if err != nil {
		return fmt.Errorf("output %s: %w", p.dir, unwrapPath(err))
	}
	for _, e := range es {
		if err := os.Rename(filepath.Join(p.tmp, e.Name()), filepath.Join(p.dir, e.Name())); err != nil {
			return fmt.Errorf("output %s: %w", p.dir, unwrapPath(err))
		}
	}
	return os.Remove(p.tmp)
}

func (p *pagesWriter) Abort() {
	if p.done {
		return
	}
	p.done = true
	os.RemoveAll(p.tmp)
}
