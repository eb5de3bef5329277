package format

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/report"
)

// pagedSample is sample with text its spans index, over two pages.
func pagedSample(source string) *report.Report {
	r := sample(source)
	text := []byte(strings.Repeat("x", 240))
	copy(text[0:], "Overall effectiveness Good")
	copy(text[60:], "64% of social workers <are> permanent")
	copy(text[100:], "Leaders know the service | well.")
	text[135] = '\f'
	copy(text[140:], "Plans are weak and out of date.")
	copy(text[180:], `Visits are "regular", but brief.`)
	r.Findings[0].Themes = []string{"leadership"}
	r.Paginate(string(text))
	return r
}

// TestReportPage checks the page of one report: its facts, a judgements table,
// counts, and the text with every finding marked by kind with its symbol,
// every metric and judgement highlighted with its value, and page numbers;
// no network and the filters behind a script.
func TestReportPage(t *testing.T) {
	out := write(t, Options{Format: "html"}, pagedSample("a.pdf"))
	for _, want := range []string{
		"<title>Marsh Vale | inspection of children’s services</title>",
		"<dd>Marsh Vale</dd>", "<dd>full inspection</dd>", "<dd>2024-03-08</dd>",
		`id="judgements-table"`, `<span class="chip g-good">good</span>`,
		"1 strength", "1 weakness", "1 mixed", "1 metrics",
		`<mark class="f strength" data-kind="strength" data-themes="leadership"`,
		`<b class="sym" aria-label="weakness">▼</b>`, `<b class="sym" aria-label="mixed">◆</b>`,
		`<span class="hl metric">64%</span><sup class="val">↑ 64% · social workers</sup>`,
		`<sup class="val">good, overall</sup>`,
		`id="page-1"`, `<span class="pageno" id="page-2" aria-label="page 2">p. 2</span>`,
		"&lt;are&gt;", `<form id="filters" hidden>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page has no %s", want)
		}
	}
	// the second page begins before the weakness
	if strings.Index(out, `id="page-2"`) > strings.Index(out, `data-kind="weakness"`) {
		t.Error("page 2 is marked after the weakness on it")
	}
	if m := regexp.MustCompile(`(?i)(src|href)="(https?:)?//`).FindString(out); m != "" {
		t.Errorf("the page reaches the network: %s", m)
	}
	if n, m := strings.Count(out, "<mark"), strings.Count(out, "</mark>"); n != m {
		t.Errorf("%d <mark> but %d </mark>", n, m)
	}

	// a text without pages has no page numbers
	r := sample("a.html")
	r.Paginate(strings.Repeat("y", 240))
	if out := write(t, Options{Format: "html"}, r); strings.Contains(out, `class="pageno"`) {
		t.Error("a page without form feeds shows page numbers")
	}

	// a PDF's Symbol-font bullets, which no web font draws, show as bullets
	r.Paginate("\uf06e one\n\uf0b7 two" + strings.Repeat("y", 240))
	if out := write(t, Options{Format: "html"}, r); !strings.Contains(out, "■ one\n• two") || strings.ContainsRune(out, 0xf06e) {
		t.Error("the Symbol-font bullets are not shown as bullets")
	}

	// two verdicts read from the same words: one highlight that says both
	r = pagedSample("b.pdf")
	j := r.Judgements[0]
	j.Scope = report.ScopeLeadership
	r.Judgements = append(r.Judgements, j)
	if out := write(t, Options{Format: "html"}, r); !strings.Contains(out, `<sup class="val">good, overall; good, leadership</sup>`) {
		t.Error("two judgements of the same words do not share a highlight")
	}

	// a stream takes one report
	w, _ := New(&strings.Builder{}, Options{Format: "html"})
	w.Write(sample("a"))
	if err := w.Write(sample("b")); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("a second report to one page: %v, want an error that asks for a folder", err)
	}
}

// TestPagesFolder checks a folder of pages: one per report, names kept apart,
// an index linking them; written whole on Close, nothing on Abort.
func TestPagesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	w, err := NewPages(dir, Options{Format: "html"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"reports/a.pdf", "other/a.pdf", "https://example.org/x?y=1"} {
		if err := w.Write(pagedSample(s)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("the folder appears before Close")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	es, _ := os.ReadDir(dir)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), "a-2.html a.html index.html x-y-1.html"; got != want {
		t.Errorf("files = %s, want %s", got, want)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	for _, want := range []string{`href="a.html"`, `href="a-2.html"`, `href="x-y-1.html"`, "overall: good"} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index has no %s", want)
		}
	}
	page, _ := os.ReadFile(filepath.Join(dir, "a.html"))
	if !strings.Contains(string(page), `href="index.html"`) {
		t.Error("a page does not link back to the index")
	}
	if l := leftovers(t, filepath.Dir(dir), "out"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}

	// into a folder that exists: the pages join what is there
	w, _ = NewPages(dir, Options{Format: "html"})
	w.Write(pagedSample("b.txt"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.html")); err != nil {
		t.Error(err)
	}

	// aborted: nothing
	gone := filepath.Join(filepath.Dir(dir), "gone")
	w, _ = NewPages(gone, Options{Format: "html"})
	w.Write(pagedSample("c.txt"))
	w.Abort()
	if l := leftovers(t, filepath.Dir(dir), "out"); len(l) > 0 {
		t.Errorf("an aborted run left %v", l)
	}

	// a file where the folder should be
	file := filepath.Join(filepath.Dir(dir), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := NewPages(file, Options{}); err == nil || !strings.HasPrefix(err.Error(), "output "+file+": not a folder") {
		t.Errorf("error %v, want output %s: not a folder...", err, file)
	}
}
