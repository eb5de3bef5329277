package format

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// browser finds a Chromium to draw the page with, or "".
func browser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestPageInBrowser draws the html page in a real headless browser, with
// the network off limits, and checks that the browser built the charts and
// painted something. It is skipped when no browser is installed (Debian:
// apt-get install chromium).
func TestPageInBrowser(t *testing.T) {
	bin := browser()
	if bin == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	img, dom := drawInBrowser(t, bin, writeAcross(t, true, Options{Format: "html"}))
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 1600 {
		t.Errorf("screenshot is %v, want 1200×1600", b)
	}
	if n := colours(img); n < 8 {
		t.Errorf("the screenshot has %d colours: the page was not drawn", n)
	}

	for _, want := range []string{`id="grades-chart"`, `class="grade-chart chart"`, `class="grade-point`, `<polyline class="trend"`,
		`id="themes-chart"`, `class="theme-bar bar-weak"`, `class="theme-bar bar-strong"`, `id="themes-table"`, `id="timeline-table"`} {
		if !strings.Contains(dom, want) {
			t.Errorf("the browser's DOM has no %s", want)
		}
	}
}

// drawInBrowser has the browser draw the page, with the network off
// limits, and returns its screenshot and the DOM it built.
func drawInBrowser(t *testing.T, bin, html string) (image.Image, string) {
	t.Helper()
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) []byte {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir=" + filepath.Join(dir, "profile"), "--window-size=1200,1600"}
		cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
		}
		return out
	}
	shot := filepath.Join(dir, "page.png")
	run("--screenshot=" + shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return img, string(run("--dump-dom"))
}

// TestReportPageInBrowser draws the page of one report: the script shows
// the filters and counts the sentences they keep. (That the page reads
// with scripts off, its marks in the HTML and the filters hidden, is
// TestReportPage's: headless Chromium dumps no DOM with scripts off.)
func TestReportPageInBrowser(t *testing.T) {
	bin := browser()
	if bin == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	html := write(t, Options{Format: "html"}, pagedSample("a.pdf"))
	img, dom := drawInBrowser(t, bin, html)
	if n := colours(img); n < 8 {
		t.Errorf("the screenshot has %d colours: the page was not drawn", n)
	}
	for _, want := range []string{`<form id="filters">`, `<output id="shown">3 sentences marked</output>`,
		`class="f strength"`, `class="f weakness"`, `class="f mixed"`, `class="hl metric"`, `class="pageno"`} {
		if !strings.Contains(dom, want) {
			t.Errorf("the browser's DOM has no %s", want)
		}
	}
}

// colours counts the distinct colours of img, up to 64, on a coarse grid.
func colours(img image.Image) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if len(seen) >= 64 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
