package format

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/theme"
	"github.com/findings/findings/pkg/timeline"
)

// acrossReports are three reports on two councils, written for this test:
// Marsh Vale inspected in 2016 and 2023 (the later report also recalls a
// 2012 grade), Fenwick once.
func acrossReports() []*report.Report {
	f := func(kind, text string) report.Finding {
		return report.Finding{Kind: kind, Text: text, Rule: "cues", Cues: []string{"+x"}, Themes: theme.Tag(text)}
	}
	return []*report.Report{
		{Source: "reports/marsh-vale-2016.txt", Facts: report.Facts{Authority: "Marsh Vale Borough Council", InspectionType: report.FullInspection, Date: "2016-06-10"},
			Findings: []report.Finding{
				f(report.Weakness, "Caseloads are too high, at 30 children for some social workers."),
				f(report.Weakness, "Care leavers do not know their personal advisers | well."),
			},
			Metrics:    []report.Metric{{Value: 30, Unit: report.Count, Subject: "caseloads", Text: "30", Sentence: "Caseloads are too high, at 30."}},
			Judgements: []report.Judgement{{Grade: report.Inadequate, Scope: report.ScopeOverall, Text: "Overall effectiveness Inadequate"}}},
		{Source: "reports/fenwick.txt", Facts: report.Facts{Authority: "Fenwick", InspectionType: report.FullInspection, Date: "2019-01-01"},
			Findings:   []report.Finding{f(report.Strength, "Leaders <script>know</script> their \"service\" well, and, it shows.")},
			Judgements: []report.Judgement{{Grade: report.Good, Scope: report.ScopeOverall}}},
		{Source: "reports/marsh-vale-2023.txt", Facts: report.Facts{Authority: "Marsh Vale", InspectionType: report.FullInspection, Date: "2023-02-01"},
			Findings: []report.Finding{
				f(report.Strength, "Caseloads are now manageable for all social workers in the teams."),
				f(report.Mixed, "Care leavers are seen often, but their pathway plans are weak."),
			},
			Metrics: []report.Metric{{Value: 17, Unit: report.Count, Subject: "caseloads", Text: "17", Sentence: "Caseloads average 17."}},
			Judgements: []report.Judgement{
				{Grade: report.Good, Scope: report.ScopeOverall},
				{Grade: report.RequiresImprovement, Scope: report.ScopeOverall, Previous: true, Year: 2012, Sentence: "In 2012 it required improvement."},
			}},
	}
}

func writeAcross(t *testing.T, byAuthority bool, opts Options) string {
	t.Helper()
	a := Across{Themes: theme.NewTally(), Timeline: timeline.New()}
	for _, r := range acrossReports() {
		a.Reports++
		a.Themes.Add(r)
		a.Timeline.Add(r)
	}
	write := WriteThemes
	if byAuthority {
		write = WriteTimeline
	}
	var b bytes.Buffer
	if err := write(&b, a, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestAcrossUnknownFormat(t *testing.T) {
	for _, write := range []func(io.Writer, Across, Options) error{WriteThemes, WriteTimeline} {
		err := write(&bytes.Buffer{}, Across{}, Options{Format: "yaml"})
		if err == nil || !strings.Contains(err.Error(), "html") {
			t.Errorf("err = %v, want one that lists html", err)
		}
	}
	if err := CheckAcross("html"); err != nil {
		t.Errorf("CheckAcross(html) = %v", err)
	}
}

func TestThemesTSVAndCSV(t *testing.T) {
	out := writeAcross(t, false, Options{Format: "tsv"})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(theme.Themes())+1 {
		t.Fatalf("%d lines, want a theme each and the no-theme row:\n%s", len(lines), out)
	}
	first := strings.Split(lines[0], "\t")
	if len(first) != len(ThemesHeader) {
		t.Fatalf("%d columns, want %d: %q", len(first), len(ThemesHeader), first)
	}
	if first[0] != "1" || first[1] != "workforce_and_caseloads" || first[2] != "2" || first[3] != "1" || first[4] != "1" {
		t.Errorf("first row = %q", first)
	}
	if first[8] != "Caseloads are now manageable for all social workers in the teams." || first[9] != "Caseloads are too high, at 30 children for some social workers." {
		t.Errorf("examples = %q, %q", first[8], first[9])
	}
	if last := strings.Split(lines[len(lines)-1], "\t"); last[0] != "" || last[1] != "none" {
		t.Errorf("last row = %q", last)
	}

	rows, err := csv.NewReader(strings.NewReader(writeAcross(t, false, Options{Format: "csv"}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], ThemesHeader) || len(rows) != len(theme.Themes())+2 {
		t.Errorf("csv header %q, %d rows", rows[0], len(rows))
	}
}

// The JSON fields are the tool's interface: pin them.
func TestAcrossJSONSchema(t *testing.T) {
	var themes []map[string]any
	if err := json.Unmarshal([]byte(writeAcross(t, false, Options{Format: "json"})), &themes); err != nil {
		t.Fatal(err)
	}
	wantRow := []string{"example", "findings", "label", "mixed", "rank", "reports", "reports_with_weaknesses", "strength_example", "strengths", "theme", "weakness_example", "weaknesses"}
	if got := keys(themes[0]); !slices.Equal(got, wantRow) {
		t.Errorf("theme fields %q, want %q", got, wantRow)
	}
	if got := keys(themes[0]["weakness_example"].(map[string]any)); !slices.Equal(got, []string{"cues", "kind", "source", "text"}) {
		t.Errorf("example fields %q", got)
	}

	var as []map[string]any
	if err := json.Unmarshal([]byte(writeAcross(t, true, Options{Format: "json"})), &as); err != nil {
		t.Fatal(err)
	}
	if got := keys(as[0]); !slices.Equal(got, []string{"authority", "change", "grades", "inspections", "key", "measures", "reports"}) {
		t.Errorf("authority fields %q", got)
	}
	mv := as[1]
	if mv["authority"] != "Marsh Vale" || mv["grades"] != "requires improvement 2012 (from a later report) → inadequate 2016 → good 2023" {
		t.Errorf("Marsh Vale = %v", mv)
	}
	in := mv["inspections"].([]any)[0].(map[string]any)
	if got := keys(in); !slices.Equal(got, []string{"date", "date_from", "evidence", "from_later_report", "grade", "grade_scope", "grades", "inspection_type", "source", "year"}) {
		t.Errorf("inspection fields %q", got)
	}
	m := mv["measures"].([]any)[0].(map[string]any)
	if got := keys(m); !slices.Equal(got, []string{"key", "label", "unit", "values"}) {
		t.Errorf("measure fields %q", got)
	}
	if got := keys(m["values"].([]any)[0].(map[string]any)); !slices.Equal(got, []string{"date", "sentence", "source", "text", "value", "year"}) {
		t.Errorf("value fields %q", got)
	}

	lines := strings.Split(strings.TrimSpace(writeAcross(t, true, Options{Format: "jsonl"})), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `{"authority":"Fenwick"`) {
		t.Errorf("jsonl = %q", lines)
	}
}

func TestTimelineFlat(t *testing.T) {
	out := writeAcross(t, true, Options{Format: "tsv"})
	want := "Fenwick\t1\tgood 2019\t\t\n" +
		"Marsh Vale\t2\trequires improvement 2012 (from a later report) → inadequate 2016 → good 2023\timproved\tcaseloads: 30 (2016) → 17 (2023)\n"
	if out != want {
		t.Errorf("tsv =\n%s\nwant\n%s", out, want)
	}
	rows, err := csv.NewReader(strings.NewReader(writeAcross(t, true, Options{Format: "csv"}))).ReadAll()
	if err != nil || !slices.Equal(rows[0], TimelineHeader) || len(rows) != 3 {
		t.Errorf("csv = %q, %v", rows, err)
	}
}

func TestAcrossTableAndMarkdown(t *testing.T) {
	for _, tl := range []bool{false, true} {
		out := writeAcross(t, tl, Options{Format: "table", Width: 80})
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if n := utf8.RuneCountInString(l); n > 80 {
				t.Errorf("a line of %d runes is wider than the terminal:\n%s", n, l)
			}
		}
		md := writeAcross(t, tl, Options{Format: "markdown"})
		if !strings.HasPrefix(md, "|") || tl == false && !strings.Contains(md, `\| well`) {
			t.Errorf("markdown:\n%s", md)
		}
	}
	if out := writeAcross(t, false, Options{Format: "table", Width: 80}); strings.Contains(out, "typical") {
		t.Errorf("a narrow terminal's themes table has examples:\n%s", out)
	}
	if out := writeAcross(t, false, Options{Format: "table", Width: 160}); !strings.Contains(out, "+ Caseloads are now manageable") {
		t.Errorf("a wide terminal's themes table has no examples:\n%s", out)
	}
	if out := writeAcross(t, true, Options{Format: "table", Width: 200}); !strings.Contains(out, "last change") || !strings.Contains(out, "caseloads: 30 (2016) → 17 (2023)") {
		t.Errorf("timeline table:\n%s", out)
	}
}

func TestPage(t *testing.T) {
	for _, tl := range []bool{false, true} {
		page := writeAcross(t, tl, Options{Format: "html"})
		for _, want := range []string{`<!DOCTYPE html>`, `id="themes-chart"`, `class="theme-bar bar-weak"`, `id="grades-chart"`, `class="grade-point g-inadequate"`,
			`class="grade-point g-ri from-later"`, `<polyline class="trend"`, `id="themes-table"`, `id="timeline-table"`, `&lt;script&gt;know&lt;/script&gt;`, `Marsh Vale`} {
			if !strings.Contains(page, want) {
				t.Errorf("page has no %s", want)
			}
		}
		// nothing from the network: no scripts, style sheets, images or
		// fonts from elsewhere
		for _, bad := range []string{"<script", "<link", "<img", "url(", "@import", "http://", "https://"} {
			if strings.Contains(page, bad) {
				t.Errorf("page has %s", bad)
			}
		}
		themesFirst := strings.Index(page, `<section id="themes">`) < strings.Index(page, `<section id="timeline">`)
		if themesFirst == tl {
			t.Errorf("timeline page %v: themes first %v", tl, themesFirst)
		}
	}
}

func TestNiceStep(t *testing.T) {
	for _, c := range [][2]int{{1, 1}, {7, 2}, {40, 10}, {90, 50}, {18341, 5000}, {2244, 1000}} {
		if got := niceStep(c[0]); got != c[1] {
			t.Errorf("niceStep(%d) = %d, want %d", c[0], got, c[1])
		}
	}
}

func TestMeasureLine(t *testing.T) {
	m := timeline.Measure{Label: "children in care", Values: []timeline.Value{
		{Year: 2013, Value: 1834, Text: "1834"},
		{Year: 2017, Value: 1316, Text: "1,316"},
		{Year: 2019, Value: 1200000, Text: "1.2 million"},
		{Year: 2021, Value: 212, Text: "212"},
		{Value: 1020.5, Text: "1020.5"},
	}}
	want := "children in care: 1,834 (2013) → 1,316 (2017) → 1.2 million (2019) → 212 (2021) → 1020.5"
	if got := MeasureLine(m); got != want {
		t.Errorf("MeasureLine = %q, want %q", got, want)
	}
}
