package format

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/findings/findings/pkg/report"
)

// sample is a small report with one item of every kind, and text that
// troubles the formats: a pipe, a tab, a line break, a comma and quotes.
func sample(source string) *report.Report {
	return &report.Report{
		Source: source,
		Facts: report.Facts{Authority: "Marsh Vale", InspectionType: report.FullInspection,
			Title: "Marsh Vale | inspection of children’s services", Date: "2024-03-08"},
		Findings: []report.Finding{
			{Kind: report.Strength, Text: "Leaders know the service | well.", Section: "Leadership",
				Span: report.Span{Start: 100, End: 132}, Rule: "lexicon", Cues: []string{"+know"}},
			{Kind: report.Weakness, Text: "Plans are\tweak and\nout of date.", Section: "Help and protection",
				Span: report.Span{Start: 140, End: 170}, Rule: "lexicon", Cues: []string{"-weak"}},
			{Kind: report.Mixed, Text: `Visits are "regular", but brief.`, Section: "Children in care",
				Span: report.Span{Start: 180, End: 212}, Rule: "contrast", Cues: []string{"+regular", "-brief"}},
		},
		Metrics: []report.Metric{{Value: 64, Unit: report.Percent, Direction: report.Increase, Subject: "social workers",
			Text: "64%", Sentence: "64% of social workers are permanent, up from last year.", Span: report.Span{Start: 60, End: 63}}},
		Judgements: []report.Judgement{{Grade: report.Good, Scope: report.ScopeOverall, Text: "Overall effectiveness Good",
			Sentence: "Overall effectiveness Good", Rule: "table", Span: report.Span{Start: 0, End: 26}}},
	}
}

// items in sample, by kind, in the order the flat formats list them.
var sampleKinds = []string{KindJudgement, KindMetric, report.Strength, report.Weakness, report.Mixed}

// write writes the reports with opts and returns the output.
func write(t *testing.T, opts Options, reps ...*report.Report) string {
	t.Helper()
	var b bytes.Buffer
	w, err := New(&b, opts)
	if err != nil {
		t.Fatalf("New(%+v): %v", opts, err)
	}
	for _, r := range reps {
		if err := w.Write(r); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return b.String()
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		bad  string // the error must name it
	}{
		{"unknown format", Options{Format: "yaml"}, `"yaml"`},
		{"no format", Options{Format: ""}, `""`},
		{"unknown kind", Options{Format: "json", Kinds: []string{"strength", "strenght"}}, `"strenght"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := New(&bytes.Buffer{}, tt.opts)
			if err == nil {
				t.Fatalf("New(%+v) = %v, want an error", tt.opts, w)
			}
			if !strings.Contains(err.Error(), tt.bad) {
				t.Errorf("error %q does not name %s", err, tt.bad)
			}
		})
	}
	for _, f := range Names {
		if _, err := New(&bytes.Buffer{}, Options{Format: f, Kinds: KindNames}); err != nil {
			t.Errorf("New(%q) with every kind: %v", f, err)
		}
	}
}

// TestJSON checks that json is one object for one document and an array
// otherwise, and that it reads back as the report written.
func TestJSON(t *testing.T) {
	a, b := sample("a.txt"), sample("b.txt")
	tests := []struct {
		name      string
		documents int
		reps      []*report.Report
		array     bool
	}{
		{"one document", 1, []*report.Report{a}, false},
		{"two documents", 2, []*report.Report{a, b}, true},
		{"count unknown", 0, []*report.Report{a}, true},
		{"none written", 0, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := write(t, Options{Format: "json", Documents: tt.documents}, tt.reps...)
			if !strings.HasSuffix(out, "\n") {
				t.Errorf("output does not end with a newline: %q", out)
			}
			var got []report.Report
			if tt.array {
				if err := json.Unmarshal([]byte(out), &got); err != nil {
					t.Fatalf("not a JSON array: %v\n%s", err, out)
				}
			} else {
				var one report.Report
				if err := json.Unmarshal([]byte(out), &one); err != nil {
					t.Fatalf("not a JSON object: %v\n%s", err, out)
				}
				got = append(got, one)
			}
			if len(got) != len(tt.reps) {
				t.Fatalf("read back %d reports, want %d", len(got), len(tt.reps))
			}
			for i := range got {
				if d := cmp.Diff(*tt.reps[i], got[i]); d != "" {
					t.Errorf("report %d read back differs (-want +got):\n%s", i, d)
				}
			}
		})
	}
}

func TestJSONLines(t *testing.T) {
	reps := []*report.Report{sample("a.txt"), sample("b.txt"), sample("c.txt")}
	out := write(t, Options{Format: "jsonl", Documents: len(reps)}, reps...)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(reps) {
		t.Fatalf("got %d lines, want one per report (%d):\n%s", len(lines), len(reps), out)
	}
	for i, l := range lines {
		var r report.Report
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d is not a JSON object: %v", i, err)
		}
		if r.Source != reps[i].Source {
			t.Errorf("line %d is %q, want %q", i, r.Source, reps[i].Source)
		}
	}
}

// TestCSV checks the header and that each item is a row that reads back
// with its fields intact.
func TestCSV(t *testing.T) {
	for _, explain := range []bool{false, true} {
		t.Run(fmt.Sprintf("explain=%v", explain), func(t *testing.T) {
			a, b := sample("a.txt"), sample("b, with comma.txt")
			out := write(t, Options{Format: "csv", Explain: explain}, a, b)
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatalf("not valid CSV: %v\n%s", err, out)
			}
			header := slices.Clone(Header)
			if explain {
				header = append(header, "why")
			}
			header = append(header, "page")
			if !slices.Equal(rows[0], header) {
				t.Errorf("header = %q, want %q", rows[0], header)
			}
			rows = rows[1:]
			if want := 2 * len(sampleKinds); len(rows) != want {
				t.Fatalf("got %d rows, want %d (a header once, then one per item):\n%s", len(rows), want, out)
			}
			for i, row := range rows {
				r := a
				if i >= len(sampleKinds) {
					r = b
				}
				if row[0] != r.Source {
					t.Errorf("row %d source = %q, want %q", i, row[0], r.Source)
				}
				if want := sampleKinds[i%len(sampleKinds)]; row[1] != want {
					t.Errorf("row %d kind = %q, want %q", i, row[1], want)
				}
				checkItem(t, r, row)
			}
		})
	}
}

// checkItem checks that a flat row (source, kind, detail, start, end, text)
// names an item of r by its span and carries its text.
func checkItem(t *testing.T, r *report.Report, row []string) {
	t.Helper()
	start, err1 := strconv.Atoi(row[3])
	end, err2 := strconv.Atoi(row[4])
	if err1 != nil || err2 != nil {
		t.Errorf("row %q: start and end are not numbers", row)
		return
	}
	var want []string
	for _, f := range r.Findings {
		if f.Start == start && f.End == end {
			want = append(want, f.Text)
		}
	}
	for _, m := range r.Metrics {
		if m.Start == start && m.End == end {
			want = append(want, m.Sentence)
		}
	}
	for _, j := range r.Judgements {
		if j.Start == start && j.End == end {
			want = append(want, j.Sentence)
		}
	}
	if len(want) != 1 {
		t.Errorf("row %q: span [%d,%d) names %d items, want 1", row, start, end, len(want))
		return
	}
	got := row[5]
	if strings.Fields(got) == nil || strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(want[0]), " ") {
		t.Errorf("row %q: text %q, want %q", row, got, want[0])
	}
}

// TestTSV checks that tsv has no header, one line per item, the same
// number of fields on every line, and no tab or line break inside a field.
func TestTSV(t *testing.T) {
	r := sample("a.txt")
	r.Source = "dir\twith tab/a.txt"
	out := write(t, Options{Format: "tsv"}, r)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(sampleKinds) {
		t.Fatalf("got %d lines, want one per item (%d), no header:\n%s", len(lines), len(sampleKinds), out)
	}
	for i, l := range lines {
		fields := strings.Split(l, "\t")
		if len(fields) != len(Header)+1 { // and the page
			t.Errorf("line %d has %d fields, want %d: %q", i, len(fields), len(Header)+1, l)
			continue
		}
		if fields[1] != sampleKinds[i] {
			t.Errorf("line %d kind = %q, want %q", i, fields[1], sampleKinds[i])
		}
		if strings.ContainsAny(l, "\r") {
			t.Errorf("line %d holds a carriage return: %q", i, l)
		}
		checkItem(t, r, fields)
	}
}

// TestPages checks that every format cites an item's page when the
// document has pages: tsv and csv in their last column, the table and
// Markdown as "p. 7" beside the detail, JSON as "page".
func TestPages(t *testing.T) {
	r := sample("a.pdf")
	r.Paginate(strings.Repeat("x", 135) + "\f" + strings.Repeat("y", 100)) // the weakness and the mixed finding on page 2
	wantPages := []string{"1", "1", "1", "2", "2"}
	for _, f := range []string{"tsv", "csv"} {
		out := write(t, Options{Format: f, Explain: true}, r)
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if f == "tsv" {
			rd := csv.NewReader(strings.NewReader(out))
			rd.Comma, rd.LazyQuotes = '\t', true
			rows, err = rd.ReadAll()
		} else {
			rows = rows[1:]
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			if got := row[len(row)-1]; got != wantPages[i] {
				t.Errorf("%s row %d page = %q, want %q", f, i, got, wantPages[i])
			}
		}
	}
	for _, f := range []string{"table", "markdown"} {
		out := write(t, Options{Format: f}, r)
		if !strings.Contains(out, "Help and protection · p. 2") || !strings.Contains(out, "Leadership · p. 1") {
			t.Errorf("%s does not cite pages beside the section:\n%s", f, out)
		}
	}
	if out := write(t, Options{Format: "jsonl"}, r); strings.Count(out, `"page":2`) != 2 || strings.Count(out, `"page":1`) != 3 {
		t.Errorf("jsonl pages wrong:\n%s", out)
	}
	if out := write(t, Options{Format: "tsv"}, sample("a.html")); strings.Contains(out, "\t1\n") {
		t.Errorf("a document without pages has page numbers:\n%s", out)
	}
}

// TestMarkdown checks that a pipe in any cell or fact is escaped, so that
// every row of the table has as many cells as its header.
func TestMarkdown(t *testing.T) {
	out := write(t, Options{Format: "markdown", Explain: true}, sample("a|b.txt"))
	if !strings.Contains(out, `a\|b.txt`) || !strings.Contains(out, `Marsh Vale \| inspection`) {
		t.Errorf("pipes in the source or title not escaped:\n%s", out)
	}
	var rows []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "|") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 2+len(sampleKinds) {
		t.Fatalf("got %d table lines, want header, rule and %d rows:\n%s", len(rows), len(sampleKinds), out)
	}
	cells := func(l string) int { return strings.Count(l, "|") - strings.Count(l, `\|`) }
	for _, l := range rows[1:] {
		if cells(l) != cells(rows[0]) {
			t.Errorf("row %q has %d cell borders, header %d", l, cells(l), cells(rows[0]))
		}
	}
	if !strings.Contains(out, `Leaders know the service \| well.`) {
		t.Errorf("pipe in a finding not escaped:\n%s", out)
	}
}

// TestMarkdownCountsAfterTable checks that the line of counts is not read
// as a row of the table: in Markdown (GFM) a table runs on until a blank
// line, so a line straight after it becomes another row.
func TestMarkdownCountsAfterTable(t *testing.T) {
	out := write(t, Options{Format: "markdown"}, sample("a.txt"))
	lines := strings.Split(out, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "|") {
			if i+1 < len(lines) && lines[i+1] != "" {
				t.Errorf("line after the table is %q, want a blank line:\n%s", lines[i+1], out)
			}
			return
		}
	}
	t.Fatalf("no table in:\n%s", out)
}

// TestTable checks the terminal table: the source, the facts, every
// item's text and the counts, within the width asked for.
func TestTable(t *testing.T) {
	r := sample("a.txt")
	for _, width := range []int{0, 60, 100} {
		t.Run(fmt.Sprintf("width=%d", width), func(t *testing.T) {
			out := write(t, Options{Format: "table", Width: width}, r)
			// the table wraps cells, so look for words, not whole texts
			flat := strings.Join(strings.Fields(strings.NewReplacer("│", " ", "|", " ").Replace(out)), " ")
			for _, want := range []string{"a.txt", "Marsh Vale", "2024-03-08", "Overall effectiveness", "social workers", "brief.", Counts(r)} {
				if !strings.Contains(flat, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			if width == 0 {
				return
			}
			for _, l := range strings.Split(out, "\n") {
				if n := utf8.RuneCountInString(l); n > width {
					t.Errorf("line is %d wide, more than %d: %q", n, width, l)
				}
			}
		})
	}
}

// TestKinds checks that Options.Kinds keeps only the kinds asked for, in
// every format.
func TestKinds(t *testing.T) {
	tests := []struct {
		kinds []string
		want  map[string]int // items per kind
	}{
		{[]string{report.Weakness}, map[string]int{report.Weakness: 1}},
		{[]string{KindMetric, KindJudgement}, map[string]int{KindMetric: 1, KindJudgement: 1}},
		{[]string{report.Strength, report.Mixed}, map[string]int{report.Strength: 1, report.Mixed: 1}},
		{nil, map[string]int{report.Strength: 1, report.Weakness: 1, report.Mixed: 1, KindMetric: 1, KindJudgement: 1}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.kinds, ","), func(t *testing.T) {
			r := sample("a.txt")
			t.Run("json", func(t *testing.T) {
				var got report.Report
				if err := json.Unmarshal([]byte(write(t, Options{Format: "json", Documents: 1, Kinds: tt.kinds}, r)), &got); err != nil {
					t.Fatal(err)
				}
				counts := map[string]int{}
				for _, f := range got.Findings {
					counts[f.Kind]++
				}
				if n := len(got.Metrics); n > 0 {
					counts[KindMetric] = n
				}
				if n := len(got.Judgements); n > 0 {
					counts[KindJudgement] = n
				}
				if d := cmp.Diff(tt.want, counts); d != "" {
					t.Errorf("items per kind (-want +got):\n%s", d)
				}
				if got.Source != r.Source || got.Facts != r.Facts {
					t.Errorf("filtering changed the source or facts: %+v", got)
				}
			})
			t.Run("tsv", func(t *testing.T) {
				counts := map[string]int{}
				for _, l := range strings.Split(strings.TrimSuffix(write(t, Options{Format: "tsv", Kinds: tt.kinds}, r), "\n"), "\n") {
					if l != "" {
						counts[strings.Split(l, "\t")[1]]++
					}
				}
				if d := cmp.Diff(tt.want, counts); d != "" {
					t.Errorf("items per kind (-want +got):\n%s", d)
				}
			})
			// filtering must not touch the caller's report
			if d := cmp.Diff(sample("a.txt"), r); d != "" {
				t.Errorf("the report written was changed (-want +got):\n%s", d)
			}
		})
	}
}

// TestColor checks that ANSI escapes appear only in the terminal table and
// only when colour is allowed.
func TestColor(t *testing.T) {
	for _, f := range Names {
		for _, color := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/color=%v", f, color), func(t *testing.T) {
				out := write(t, Options{Format: f, Color: color, Documents: 1}, sample("a.txt"))
				want := color && f == "table"
				if got := strings.Contains(out, "\x1b["); got != want {
					t.Errorf("ANSI escapes: %v, want %v:\n%q", got, want, out)
				}
			})
		}
	}
}

// TestJSONSchema pins the field names of the JSON output at every level.
// This is the tool's documented, stable schema: the evaluation script reads
// source, report.authority, report.inspection_type, findings[].kind/text,
// metrics[].value/unit/direction/subject/sentence and
// judgements[].grade/scope/previous/sentence. A change here is a breaking
// change for users' scripts: update the README with it.
func TestJSONSchema(t *testing.T) {
	full := &report.Report{
		Source: "a.txt",
		Facts:  report.Facts{Authority: "Marsh Vale", InspectionType: report.FullInspection, Title: "T", Date: "2024-03-08"},
		Findings: []report.Finding{{Kind: report.Strength, Text: "x", Section: "s", Span: report.Span{Start: 1, End: 2},
			Rule: "r", Cues: []string{"+c"}, Themes: []string{"t"}, Page: 3}},
		Metrics: []report.Metric{{Value: 1, Unit: report.Money, Currency: "GBP", Per: 10000, TimeUnit: "weeks",
			Direction: report.Increase, Qualifier: "over", Subject: "s", Text: "x", Sentence: "y", Span: report.Span{Start: 1, End: 2}, Page: 1}},
		Judgements: []report.Judgement{{Grade: report.Good, Scope: report.ScopeOverall, Previous: true, Year: 2019,
			Text: "x", Sentence: "y", Rule: "table", Span: report.Span{Start: 1, End: 2}, Page: 1}},
	}
	// fields present even when empty: the ones without omitempty
	empty := &report.Report{
		Findings:   []report.Finding{{}},
		Metrics:    []report.Metric{{}},
		Judgements: []report.Judgement{{}},
	}
	want := map[string][]string{
		"":           {"findings", "judgements", "metrics", "report", "source"},
		"report":     {"authority", "date", "inspection_type", "title"},
		"findings":   {"cues", "end", "kind", "page", "rule", "section", "start", "text", "themes"},
		"metrics":    {"currency", "direction", "end", "page", "per", "qualifier", "sentence", "start", "subject", "text", "time_unit", "unit", "value"},
		"judgements": {"end", "grade", "page", "previous", "rule", "scope", "sentence", "start", "text", "year"},
	}
	wantEmpty := map[string][]string{
		"":           want[""],
		"report":     want["report"],
		"findings":   {"cues", "end", "kind", "rule", "section", "start", "text"},
		"metrics":    {"direction", "end", "sentence", "start", "subject", "text", "unit", "value"},
		"judgements": {"end", "grade", "previous", "rule", "scope", "sentence", "start", "text"},
	}
	for _, tt := range []struct {
		name string
		r    *report.Report
		want map[string][]string
	}{{"every field set", full, want}, {"zero values", empty, wantEmpty}} {
		t.Run(tt.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal([]byte(write(t, Options{Format: "json", Documents: 1}, tt.r)), &doc); err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{"": keys(doc)}
			got["report"] = keys(doc["report"].(map[string]any))
			for _, list := range []string{"findings", "metrics", "judgements"} {
				items, ok := doc[list].([]any)
				if !ok || len(items) != 1 {
					t.Fatalf("%s is %v, want a list of one", list, doc[list])
				}
				got[list] = keys(items[0].(map[string]any))
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("JSON fields changed (-want +got):\n%s", d)
			}
		})
	}
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestNumber(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{64, "64"}, {17.3, "17.3"}, {1400000, "1400000"}, {0.25, "0.25"}, {0, "0"}, {-5, "-5"},
	}
	for _, tt := range tests {
		if got := Number(tt.v); got != tt.want {
			t.Errorf("Number(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestDetails(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want []string // parts the detail must show
	}{
		{"percent", MetricDetail(report.Metric{Value: 64, Unit: report.Percent, Subject: "social workers"}), []string{"64%", "social workers"}},
		{"money", MetricDetail(report.Metric{Value: 1400000, Unit: report.Money, Currency: "GBP"}), []string{"GBP", "1400000"}},
		{"rate", MetricDetail(report.Metric{Value: 45, Unit: report.Rate, Per: 10000}), []string{"45", "per 10000"}},
		{"duration", MetricDetail(report.Metric{Value: 6, Unit: report.Duration, TimeUnit: "weeks"}), []string{"6 weeks"}},
		{"qualifier", MetricDetail(report.Metric{Value: 30, Unit: report.Count, Qualifier: "nearly"}), []string{"nearly", "30"}},
		{"judgement", JudgementDetail(report.Judgement{Grade: report.RequiresImprovement, Scope: report.ScopeChildrenInCare}),
			[]string{"requires improvement", "children in care"}},
		{"previous judgement", JudgementDetail(report.Judgement{Grade: report.Inadequate, Scope: report.ScopeOverall, Previous: true, Year: 2016}),
			[]string{"inadequate", "overall", "previous", "2016"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range tt.want {
				if !strings.Contains(tt.got, w) {
					t.Errorf("detail %q lacks %q", tt.got, w)
				}
			}
		})
	}
	up := MetricDetail(report.Metric{Value: 5, Unit: report.Percent, Direction: report.Increase})
	down := MetricDetail(report.Metric{Value: 5, Unit: report.Percent, Direction: report.Decrease})
	none := MetricDetail(report.Metric{Value: 5, Unit: report.Percent})
	if up == down || up == none || down == none {
		t.Errorf("direction not shown: increase %q, decrease %q, none %q", up, down, none)
	}
	if now := JudgementDetail(report.Judgement{Grade: report.Good, Scope: report.ScopeOverall}); strings.Contains(now, "previous") {
		t.Errorf("current judgement shown as previous: %q", now)
	}
}

func TestCounts(t *testing.T) {
	if got, want := Counts(sample("a.txt")), "1 strengths, 1 weaknesses, 1 mixed, 1 metrics, 1 judgements"; got != want {
		t.Errorf("Counts = %q, want %q", got, want)
	}
	if got, want := Counts(&report.Report{}), "0 strengths, 0 weaknesses, 0 mixed, 0 metrics, 0 judgements"; got != want {
		t.Errorf("Counts(empty) = %q, want %q", got, want)
	}
}

func ExampleNumber() {
	fmt.Println(Number(64))
	fmt.Println(Number(17.3))
	fmt.Println(Number(1.4e6))
	// Output:
	// 64
	// 17.3
	// 1400000
}

func ExampleMetricDetail() {
	fmt.Println(MetricDetail(report.Metric{Value: 64, Unit: report.Percent, Subject: "social workers"}))
	fmt.Println(MetricDetail(report.Metric{Value: 45, Unit: report.Rate, Per: 10000, Direction: report.Increase, Subject: "children in care"}))
	fmt.Println(MetricDetail(report.Metric{Value: 1.4e6, Unit: report.Money, Currency: "GBP", Qualifier: "over"}))
	// Output:
	// 64% · social workers
	// ↑ 45 per 10000 · children in care
	// over GBP 1400000
}

func ExampleJudgementDetail() {
	fmt.Println(JudgementDetail(report.Judgement{Grade: report.Good, Scope: report.ScopeOverall}))
	fmt.Println(JudgementDetail(report.Judgement{Grade: report.RequiresImprovement, Scope: report.ScopeCareLeavers, Previous: true, Year: 2018}))
	// Output:
	// good, overall
	// requires improvement, care leavers, previous (2018)
}

func ExampleCounts() {
	r := &report.Report{Findings: []report.Finding{{Kind: report.Strength}, {Kind: report.Strength}, {Kind: report.Weakness}}}
	fmt.Println(Counts(r))
	// Output:
	// 2 strengths, 1 weaknesses, 0 mixed, 0 metrics, 0 judgements
}
