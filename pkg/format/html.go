package format

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/theme"
	"github.com/findings/findings/pkg/timeline"
)

// The page is one file: its style is inline and its charts are inline SVG
// drawn here, so that it needs no network and no script to be read.

//go:embed page.html.tmpl
var pageTmpl string

//go:embed base.css.tmpl
var baseCSS string

// pageTemplate is the page across reports, parsed on first use: a run that
// writes no page does not pay for it at start-up.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.Must(template.New("page").Funcs(template.FuncMap{
		"base": filepath.Base,
		"arrow": func(change string) string {
			return map[string]string{"improved": "▲", "declined": "▼", "unchanged": "="}[change]
		},
		"label":      timeline.GradeLabel,
		"measure":    MeasureLine,
		"gradeClass": gradeClass,
		"pct": func(part, whole int) string {
			if whole == 0 {
				return ""
			}
			return strconv.Itoa((100*part+whole/2)/whole) + "%"
		},
	}).Parse(pageTmpl)).Parse(baseCSS))
})

// page is what the template shows.
type page struct {
	Title      string
	Reports    int
	ThemesLead bool
	Themes     []theme.Row
	ThemeChart themeChart
	Untagged   theme.Row
	Timeline   []timeline.Authority
	Cards      []gradeCard
	Graded     int // authorities with a grade
	Several    int // authorities with two grades or more
}

func acrossPage(a Across, themesLead bool) page {
	p := page{Reports: a.Reports, ThemesLead: themesLead}
	p.Title = "Themes and grades across " + plural(a.Reports, "report")
	rows := a.Themes.Rows()
	p.Themes, p.Untagged = rows[:len(rows)-1], rows[len(rows)-1]
	p.ThemeChart = drawThemes(p.Themes)
	p.Timeline = a.Timeline.Authorities()
	p.Cards = drawGrades(p.Timeline)
	for _, c := range p.Cards {
		p.Graded++
		if len(c.Points) > 1 {
			p.Several++
		}
	}
	return p
}

func writePage(w io.Writer, p page) error {
	return pageTemplate().Execute(w, p)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// themeChart is a bar chart that sets each theme's weaknesses (to the left
// of the axis) against its strengths (to the right).
type themeChart struct {
	Width, Height int
	Axis          int // x of the axis
	LabelX        int
	Ticks         []tick
	Bars          []themeBar
}

type themeBar struct {
	Label                  string
	Y, TextY               int
	WeakX, WeakW           int
	StrongX, StrongW       int
	MixedX, MixedW         int
	Weak, Strong, Mixed    int
	WeakLabelX, StrongEndX int
}

type tick struct {
	X     int
	Label string
}

const (
	themeLabelW = 250
	themeRowH   = 30
	themeBarH   = 18
	themeTop    = 34
)

func drawThemes(rows []theme.Row) themeChart {
	c := themeChart{Width: 1000, LabelX: themeLabelW - 10}
	weakest, strongest := 1, 1
	for _, r := range rows {
		weakest = max(weakest, r.Weaknesses)
		strongest = max(strongest, r.Strengths+r.Mixed)
	}
	// one scale for both sides, with room for the numbers at the bars' ends
	const numbersLeft, numbersRight = 60, 120
	room := c.Width - themeLabelW - numbersLeft - numbersRight
	scale := func(n int) int { return n * room / (weakest + strongest) }
	c.Axis = themeLabelW + numbersLeft + scale(weakest)
	for _, r := range rows {
		y := themeTop + len(c.Bars)*themeRowH
		b := themeBar{Label: r.Label, Y: y, TextY: y + themeBarH - 4, Weak: r.Weaknesses, Strong: r.Strengths, Mixed: r.Mixed}
		b.WeakW = scale(r.Weaknesses)
		b.WeakX = c.Axis - b.WeakW
		b.WeakLabelX = b.WeakX - 6
		b.StrongX, b.StrongW = c.Axis, scale(r.Strengths)
		b.MixedX, b.MixedW = c.Axis+b.StrongW, scale(r.Mixed)
		b.StrongEndX = b.MixedX + b.MixedW + 6
		c.Bars = append(c.Bars, b)
	}
	c.Height = themeTop + len(c.Bars)*themeRowH + 10
	step := niceStep(max(weakest, strongest))
	for v := step; v <= strongest; v += step {
		c.Ticks = append(c.Ticks, tick{X: c.Axis + scale(v), Label: strconv.Itoa(v)})
	}
	for v := step; v <= weakest; v += step {
		c.Ticks = append(c.Ticks, tick{X: c.Axis - scale(v), Label: strconv.Itoa(v)})
	}
	return c
}

// niceStep is a round interval (1, 2 or 5 times a power of ten) that
// gives about four ticks up to peak.
func niceStep(peak int) int {
	raw := max(1, (peak+3)/4)
	for mag := 1; ; mag *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*mag >= raw {
				return m * mag
			}
		}
	}
}

// gradeCard is one authority's grades over time: grade up, time across.
type gradeCard struct {
	Name    string
	Change  string
	Width   int
	Height  int
	Left    int // x of the first year
	Levels  []level
	Years   []tick
	Points  []gradePoint
	Line    string // the polyline through the points
	Summary string
}

type level struct {
	Y     int
	Label string
}

type gradePoint struct {
	X, Y       int
	Grade      string // a report grade constant
	Label      string
	FromLater  bool
	Leaders    bool
	Source     string
	ClassGrade string
}

const (
	cardW, cardH    = 270, 120
	cardLeft        = 30
	cardRight       = 10
	cardTop         = 10
	cardBottom      = 22
	gradeLevels     = 4
	gradeLevelSpace = (cardH - cardTop - cardBottom) / (gradeLevels - 1)
)

var levelShort = []string{"", "I", "RI", "G", "O"}

// drawGrades makes a card for each authority with at least one grade, all
// on the same span of years so that they can be compared.
func drawGrades(as []timeline.Authority) []gradeCard {
	lo, hi := 0, 0
	for _, a := range as {
		for _, in := range a.Inspections {
			if in.Grade == "" || in.Year == 0 {
				continue
			}
			if lo == 0 || in.Year < lo {
				lo = in.Year
			}
			hi = max(hi, in.Year)
		}
	}
	if lo == 0 {
		return nil
	}
	if hi == lo {
		hi = lo + 1
	}
	span := cardW - cardLeft - cardRight
	xOf := func(year int) int { return cardLeft + (year-lo)*span/(hi-lo) }
	yOf := func(rank int) int { return cardTop + (gradeLevels-rank)*gradeLevelSpace }
	var levels []level
	for r := gradeLevels; r >= 1; r-- {
		levels = append(levels, level{Y: yOf(r), Label: levelShort[r]})
	}
	var years []tick
	step := max(1, (hi-lo+4)/5)
	for y := lo; y <= hi; y += step {
		years = append(years, tick{X: xOf(y), Label: strconv.Itoa(y)})
	}
	var cards []gradeCard
	for _, a := range as {
		c := gradeCard{Name: a.Name, Change: a.Change, Width: cardW, Height: cardH, Left: cardLeft, Levels: levels, Years: years, Summary: a.Grades}
		var line []string
		seenYear := map[int]int{}
		for _, in := range a.Inspections {
			rank := timeline.Rank(in.Grade)
			if rank == 0 || in.Year == 0 {
				continue
			}
			// two grades in one year sit side by side
			x := xOf(in.Year) + 6*seenYear[in.Year]
			seenYear[in.Year]++
			p := gradePoint{X: x, Y: yOf(rank), Grade: in.Grade, Label: timeline.GradeLabel(in), FromLater: in.FromLaterReport,
				Leaders: in.GradeScope == report.ScopeLeadership, Source: in.Source, ClassGrade: gradeClass(in.Grade)}
			c.Points = append(c.Points, p)
			line = append(line, fmt.Sprintf("%d,%d", p.X, p.Y))
		}
		if len(c.Points) == 0 {
			continue
		}
		c.Line = strings.Join(line, " ")
		cards = append(cards, c)
	}
	return cards
}

// gradeClass is the CSS class of a grade's colour.
func gradeClass(g string) string {
	switch g {
	case report.Outstanding:
		return "g-outstanding"
	case report.Good:
		return "g-good"
	case report.RequiresImprovement, report.Adequate:
		return "g-ri"
	case report.Inadequate:
		return "g-inadequate"
	}
	return "g-none"
}
