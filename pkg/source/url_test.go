package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/source/pdftest"
)

func TestIsURL(t *testing.T) {
	tests := []struct {
		arg  string
		want bool
	}{
		{"https://reports.ofsted.gov.uk/provider/44/80449", true},
		{"http://127.0.0.1:8080/report.pdf", true},
		{"HTTPS://EXAMPLE.ORG/", true},
		{"ftp://example.org/r.pdf", true}, // a URL, refused when fetched
		{"file:///etc/passwd", true},
		{"svn+ssh://host/x", true},
		{"reports/r.pdf", false},
		{"report.pdf", false},
		{"-", false},
		{"https://", false},
		{"https:/x", false},
		{"C://reports", false},
		{"1http://x", false},
		{"reports/http://x", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsURL(tt.arg); got != tt.want {
			t.Errorf("IsURL(%q) = %v, want %v", tt.arg, got, tt.want)
		}
	}
}

// stubWeb serves bytes by URL, as a Fetcher would, and counts requests.
type stubWeb struct {
	pages map[string][]byte
	asked []string
}

func (s *stubWeb) fetch(_ context.Context, u string) ([]byte, string, error) {
	s.asked = append(s.asked, u)
	b, ok := s.pages[u]
	if !ok {
		return nil, "", errors.New("404 Not Found")
	}
	return b, u, nil
}

// URLs mix with files: each is fetched when its turn comes, read by its
// content whatever its name says, and named as given.
func TestExpandURLs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("Children in Anytown are safe.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := pdftest.Write(pdftest.Spec{Pages: [][]pdftest.Line{body("Inspection of Anytown children's services")}})
	web := &stubWeb{pages: map[string][]byte{
		// the PDF's URL says HTML, the page's says PDF: content decides
		"https://example.org/report.html": pdf,
		"https://example.org/page.pdf":    []byte("<!DOCTYPE html><html><head><title>Inspection of Brookby</title></head><body><article><h1>Inspection of Brookby</h1><p>Social workers in Brookby know their children well and visit them often, and children say that they trust them.</p></article></body></html>"),
		"https://example.org/gone.pdf":    []byte(`<!DOCTYPE html><html><head><title>Report not found - Find an Inspection Report - Ofsted</title></head><body><nav>Home</nav><h1>Report not found</h1><p>Sorry, the document you requested no longer exists.</p></body></html>`),
	}}
	args := []string{
		"https://example.org/report.html", file, "https://example.org/page.pdf",
		"https://example.org/report.html", // twice: read once
		"https://example.org/gone.pdf", "https://example.org/missing",
	}
	opts := Options{Fetch: web.fetch}
	ins, skipped := Expand(args, opts)
	if len(skipped) != 0 {
		t.Errorf("skipped %v", skipped)
	}
	var names []string
	for _, in := range ins {
		names = append(names, in.Name)
	}
	want := []string{"https://example.org/report.html", file, "https://example.org/page.pdf", "https://example.org/gone.pdf", "https://example.org/missing"}
	if !slices.Equal(names, want) {
		t.Fatalf("inputs %q\nwant   %q", names, want)
	}
	if len(web.asked) != 0 {
		t.Errorf("fetched %q before loading", web.asked)
	}

	wantKind := []Kind{PDF, Text, HTML}
	for i, k := range wantKind {
		doc, err := ins[i].Load(t.Context(), opts)
		if err != nil {
			t.Fatalf("load %s: %v", ins[i].Name, err)
		}
		if doc.Kind != k || doc.Source != ins[i].Name {
			t.Errorf("load %s: kind %s, source %q", ins[i].Name, doc.Kind, doc.Source)
		}
	}
	_, err := ins[3].Load(t.Context(), opts)
	if !errors.Is(err, ErrNotReport) || err.Error() != `https://example.org/gone.pdf: not a report: "Report not found" page` {
		t.Errorf("not-found page: %v", err)
	}
	_, err = ins[4].Load(t.Context(), opts)
	if err == nil || err.Error() != "https://example.org/missing: 404 Not Found" {
		t.Errorf("missing page: %v", err)
	}
}

func TestURLWithoutFetcher(t *testing.T) {
	ins, _ := Expand([]string{"https://example.org/r.pdf"}, Options{})
	_, err := ins[0].Load(t.Context(), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "https://example.org/r.pdf: cannot read URLs here") {
		t.Errorf("err = %v", err)
	}
}

// The fetched body is bounded by MaxBytes like a file's.
func TestURLTooLarge(t *testing.T) {
	web := &stubWeb{pages: map[string][]byte{"https://example.org/big": []byte(strings.Repeat("Leaders know the service. ", 100))}}
	opts := Options{Fetch: web.fetch, MaxBytes: 1024}
	ins, _ := Expand([]string{"https://example.org/big"}, opts)
	_, err := ins[0].Load(t.Context(), opts)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}
