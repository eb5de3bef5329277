package theme

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/findings/findings/pkg/report"
)

// Row is one theme across many reports.
type Row struct {
	// Rank is the theme's place by number of findings, from 1; 0 for the
	// row of findings with no theme.
	Rank int `json:"rank"`
	// Theme is the theme's id ("care_leavers"), or "none".
	Theme string `json:"theme"`
	// Label is its name for people.
	Label string `json:"label"`
	// Findings counts the findings about the theme, by kind.
	Findings   int `json:"findings"`
	Strengths  int `json:"strengths"`
	Weaknesses int `json:"weaknesses"`
	Mixed      int `json:"mixed"`
	// Reports counts the reports with a finding about the theme, and
	// WeakReports those with a weakness about it: how widely it recurs.
	Reports     int `json:"reports"`
	WeakReports int `json:"reports_with_weaknesses"`
	// Example is the representative finding: the most typical weakness when
	// weaknesses are at least as many as strengths, else the most typical
	// strength.
	Example *Example `json:"example"`
	// Strength and Weakness are the most typical of each kind.
	Strength *Example `json:"strength_example"`
	Weakness *Example `json:"weakness_example"`
}

// Example is a finding that stands for a theme.
type Example struct {
	Kind   string `json:"kind"`
	Text   string `json:"text"`
	Source string `json:"source"`
	// Cues are the theme's phrases found in it.
	Cues []string `json:"cues"`
	// words is its length in words; others the number of other themes it
	// has; plain is 0 when its own cue words all point its way (it is no
	// recommendation, nor a call against some of its words), else 1
	words, others, plain int
}

// None is the id of the row of findings with no theme.
const None = "none"

// Tally counts the themes of findings as reports stream past, keeping
// counts and one example of each kind per theme: its memory does not grow
// with the number of reports. It is not safe for concurrent use.
type Tally struct {
	lex  *Lexicon
	rows []Row
	at   map[string]int // theme id -> index into rows
	none Row
	seen []bool // per theme: found in the current report
	weak []bool
}

// NewTally returns an empty Tally over the embedded lexicon.
func NewTally() *Tally { return NewTallyOf(Default()) }

// NewTallyOf returns an empty Tally over l.
func NewTallyOf(l *Lexicon) *Tally {
	t := &Tally{lex: l, at: map[string]int{}, none: Row{Theme: None, Label: "no theme"}}
	for i, th := range l.themes {
		t.rows = append(t.rows, Row{Theme: th.ID, Label: th.Label})
		t.at[th.ID] = i
	}
	t.seen = make([]bool, len(t.rows))
	t.weak = make([]bool, len(t.rows))
	return t
}

// Add counts r's findings under the themes they carry (Finding.Themes).
func (t *Tally) Add(r *report.Report) {
	clear(t.seen)
	clear(t.weak)
	noneSeen, noneWeak := false, false
	for _, f := range r.Findings {
		if len(f.Themes) == 0 {
			count(&t.none, f.Kind)
			noneSeen = true
			noneWeak = noneWeak || f.Kind == report.Weakness
			continue
		}
		var cues map[string][]string // the sentence's cues by theme, when needed
		for _, id := range f.Themes {
			i, ok := t.at[id]
			if !ok {
				continue // a theme of another lexicon
			}
			row := &t.rows[i]
			count(row, f.Kind)
			t.seen[i] = true
			t.weak[i] = t.weak[i] || f.Kind == report.Weakness
			if f.Kind != report.Strength && f.Kind != report.Weakness {
				continue
			}
			if cues == nil {
				cues = map[string][]string{}
				for _, m := range t.lex.Match(f.Text) {
					cues[m.Theme] = m.Cues
				}
			}
			ex := &Example{Kind: f.Kind, Text: f.Text, Source: r.Source, Cues: distinct(cues[id]),
				words: len(strings.Fields(f.Text)), others: len(f.Themes) - 1, plain: plain(f)}
			best := &row.Strength
			if f.Kind == report.Weakness {
				best = &row.Weakness
			}
			if *best == nil || typical(ex, *best) < 0 {
				*best = ex
			}
		}
	}
	for i := range t.rows {
		if t.seen[i] {
			t.rows[i].Reports++
		}
		if t.weak[i] {
			t.rows[i].WeakReports++
		}
	}
	if noneSeen {
		t.none.Reports++
	}
	if noneWeak {
		t.none.WeakReports++
	}
}

func count(r *Row, kind string) {
	r.Findings++
	switch kind {
	case report.Strength:
		r.Strengths++
	case report.Weakness:
		r.Weaknesses++
	case report.Mixed:
		r.Mixed++
	}
}

func distinct(cues []string) []string {
	out := []string{}
	for _, c := range cues {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// typical orders examples, most typical first: a whole sentence of a
// readable length before a fragment or a long one; then one that says
// plainly what it is (see plain); then more of the theme's cue phrases, up
// to three (beyond that a sentence is a list); then fewer other themes;
// then the shorter; then by text, so that the choice does not depend on the
// order of the reports.
func typical(a, b *Example) int {
	return cmp.Or(
		cmp.Compare(unreadable(a), unreadable(b)),
		cmp.Compare(a.plain, b.plain),
		cmp.Compare(min(len(b.Cues), maxCues), min(len(a.Cues), maxCues)),
		cmp.Compare(a.others, b.others),
		cmp.Compare(a.words, b.words),
		strings.Compare(a.Text, b.Text),
		strings.Compare(a.Source, b.Source),
	)
}

const maxCues = 3

// plain is 0 for a finding whose evaluative cues all point the way of its
// kind (+ for a strength, - for a weakness) and that no section heading
// alone decided (a recommendation under "What needs to improve"), else 1.
func plain(f report.Finding) int {
	sign := "+"
	if f.Kind == report.Weakness {
		sign = "-"
	}
	if len(f.Cues) == 0 || strings.HasPrefix(f.Rule, "section") {
		return 1
	}
	for _, c := range f.Cues {
		if !strings.HasPrefix(c, sign) {
			return 1
		}
	}
	return 0
}

// unreadable is 0 for a whole sentence of 6 to 40 words, else 1.
func unreadable(e *Example) int {
	r, _ := utf8.DecodeRuneInString(e.Text)
	whole := (unicode.IsUpper(r) || unicode.IsDigit(r)) && strings.HasSuffix(e.Text, ".")
	if whole && e.words >= 6 && e.words <= 40 {
		return 0
	}
	return 1
}

// Rows returns the themes ranked by number of findings (then in the
// lexicon's order), and last the row of findings with no theme.
func (t *Tally) Rows() []Row {
	rows := slices.Clone(t.rows)
	slices.SortStableFunc(rows, func(a, b Row) int { return cmp.Compare(b.Findings, a.Findings) })
	for i := range rows {
		rows[i].Rank = i + 1
		rows[i].Example = rows[i].Weakness
		if rows[i].Strengths > rows[i].Weaknesses || rows[i].Weakness == nil {
			rows[i].Example = rows[i].Strength
		}
	}
	return append(rows, t.none)
}
