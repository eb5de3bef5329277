package ofsted

import (
	"cmp"
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/findings/findings/pkg/nlp"
)

//go:embed data/grades.txt
var gradesTxt string

// Grade is a grade inspectors give and how reports write it.
type Grade struct {
	Name  string   // as output: "requires_improvement"
	Rank  int      // 1 (worst) to 4 (best)
	Words []string // "requires improvement" first, then the other forms prose uses
	Tail  string   // words that may follow any form as part of the grade: "to be good"
}

// grades reads data/grades.txt once. A bad line is left out, and the
// first is the error Grades returns (a test reads it).
var grades = sync.OnceValues(func() ([]Grade, error) {
	var out []Grade
	var first error
	for _, l := range nlp.DataLines(gradesTxt) {
		g, err := parseGrade(l)
		if err != nil {
			first = cmp.Or(first, err)
			continue
		}
		out = append(out, g)
	}
	return out, first
})

// parseGrade reads a line of data/grades.txt.
func parseGrade(l string) (Grade, error) {
	f := strings.Split(l, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	if len(f) < 3 {
		return Grade{}, fmt.Errorf("grades.txt: want name, rank and words: %q", l)
	}
	rank, err := strconv.Atoi(f[1])
	if err != nil {
		return Grade{}, fmt.Errorf("grades.txt: rank of %s: %w", f[0], err)
	}
	g := Grade{Name: f[0], Rank: rank}
	for _, w := range f[2:] {
		if t, ok := strings.CutPrefix(w, "+"); ok {
			g.Tail = strings.TrimSpace(t)
		} else if w != "" {
			g.Words = append(g.Words, w)
		}
	}
	if len(g.Words) == 0 {
		return Grade{}, fmt.Errorf("grades.txt: no words for %s", f[0])
	}
	return g, nil
}

// Grades are the grades of data/grades.txt, in its order, and the first
// error in it.
func Grades() ([]Grade, error) { return grades() }

// Rank orders grades from worst (1, inadequate) to best (4, outstanding);
// "requires improvement" and the older "adequate" share 2; 0 is no grade.
func Rank(name string) int {
	gs, _ := grades()
	for _, g := range gs {
		if g.Name == name {
			return g.Rank
		}
	}
	return 0
}

// Written is a grade as prose writes it: "requires improvement" for
// "requires_improvement"; a name not in the list with its underscores as
// spaces.
func Written(name string) string {
	gs, _ := grades()
	for _, g := range gs {
		if g.Name == name {
			return g.Words[0]
		}
	}
	return strings.ReplaceAll(name, "_", " ")
}

// GradePattern is a regular expression (an alternation, to be grouped by
// the caller) for the grade words: every form prose uses, or only the
// first (as a table or heading writes it), each with its tail or not.
func GradePattern(everyForm, tail bool) string {
	gs, _ := grades()
	var alts []string
	for _, g := range gs {
		ws := g.Words
		if !everyForm {
			ws = ws[:1]
		}
		for _, w := range ws {
			alt := phrasePattern(w)
			if tail && g.Tail != "" {
				alt += `(?:\s+` + phrasePattern(g.Tail) + `)?`
			}
			alts = append(alts, alt)
		}
	}
	return strings.Join(alts, "|")
}

// phrasePattern matches words with any white space between them.
func phrasePattern(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(ws, `\s+`)
}
