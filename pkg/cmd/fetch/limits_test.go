package fetch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/findings/findings/pkg/cmdutil"
)

// Each limit stops a download in bounded time or size, with one line on
// stderr that names the URL and the limit, and the run exits 1.
func TestFetchRunLimits(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		set     func(*FetchOptions)
		wantErr string // the one line on stderr, after "findings: URL: "
		within  time.Duration
		check   func(t *testing.T, r *runner)
	}{
		{
			name: "timeout", path: "/slow",
			set:     func(o *FetchOptions) { o.Web.Timeout = 300 * time.Millisecond },
			wantErr: "timed out after 300ms", within: 2 * time.Second,
			check: func(t *testing.T, r *runner) {
				if r.took < 300*time.Millisecond {
					t.Errorf("gave up after %s, before the timeout", r.took)
				}
			},
		},
		{
			name: "endless body", path: "/endless",
			set:     func(o *FetchOptions) { o.Web.MaxSize = 1 << 20 },
			wantErr: "response too large: more than 1 MiB", within: 3 * time.Second,
			check: func(t *testing.T, r *runner) {
				// What the server got written before the client hung up:
				// the limit plus what loopback's socket buffers hold.
				if n := r.srv.EndlessBytes(); n > 16<<20 {
					t.Errorf("server wrote %d bytes for a 1 MiB limit", n)
				} else {
					t.Logf("server wrote %.1f MiB before the client hung up", float64(n)/(1<<20))
				}
			},
		},
		{
			name: "declared too large", path: "/huge",
			set:     func(o *FetchOptions) { o.Web.MaxSize = 1 << 20 },
			wantErr: "response too large: 1099511627776 bytes, limit 1 MiB", within: time.Second,
		},
		{
			name: "redirect loop", path: "/loop",
			wantErr: "too many redirects: stopped after 10", within: 2 * time.Second,
			check: func(t *testing.T, r *runner) {
				if n := r.srv.Hits("/loop"); n != 11 {
					t.Errorf("%d requests to /loop, want 11 (the first and 10 redirects)", n)
				}
			},
		},
		{
			name: "redirect to ftp", path: "/to-ftp",
			wantErr: `redirect to ftp://127.0.0.1/report.pdf: unsupported url scheme "ftp" (want http or https)`, within: time.Second,
		},
		{
			name: "ftp", path: "ftp://127.0.0.1/report.pdf",
			wantErr: `unsupported url scheme "ftp" (want http or https)`, within: time.Second,
			check: func(t *testing.T, r *runner) {
				if n := r.srv.Requests(); n != 0 {
					t.Errorf("%d requests", n)
				}
			},
		},
		{
			name: "retry-after beyond the longest wait", path: "/throttled",
			wantErr: "429 Too Many Requests (retry after 2m0s)", within: time.Second,
			check: func(t *testing.T, r *runner) {
				if n := r.srv.Hits("/throttled"); n != 1 {
					t.Errorf("asked %d times, want once", n)
				}
			},
		},
		{name: "404", path: "/missing.pdf", wantErr: "404 Not Found", within: time.Second},
		{name: "report not found page", path: "/report-gone.pdf", wantErr: `not a report: "Report not found" page`, within: time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRunner(t)
			r.run(t.Context(), tt.set, tt.path)
			u := tt.path
			if !strings.Contains(u, "://") {
				u = r.srv.URL + u
			}
			want := fmt.Sprintf("findings: %s: %s\n", u, tt.wantErr)
			if r.errOut != want {
				t.Errorf("stderr:\n%q\nwant:\n%q", r.errOut, want)
			}
			if !errors.Is(r.err, cmdutil.ErrSilent) {
				t.Errorf("err = %v, want ErrSilent (exit 1)", r.err)
			}
			if r.took > tt.within {
				t.Errorf("took %s, want within %s", r.took, tt.within)
			}
			if r.out != "" || len(r.files()) != 0 {
				t.Errorf("saved %q; stdout %q", r.files(), r.out)
			}
			t.Logf("%s in %s", strings.TrimSpace(r.errOut), r.took.Round(time.Millisecond))
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
}

// A 429 with Retry-After: 1 is asked again a second later, and the second
// answer is saved.
func TestFetchRunRetryAfter(t *testing.T) {
	r := newRunner(t)
	r.run(t.Context(), nil, "/busy")
	if r.err != nil {
		t.Fatalf("err = %v; stderr:\n%s", r.err, r.errOut)
	}
	if n := r.srv.Hits("/busy"); n != 2 {
		t.Errorf("asked %d times, want twice", n)
	}
	if r.took < time.Second || r.took > 3*time.Second {
		t.Errorf("took %s, want the 1s the server asked for", r.took)
	}
	if !strings.HasPrefix(r.out, "saved ") {
		t.Errorf("stdout %q", r.out)
	}
	t.Logf("429 then 200 in %s", r.took.Round(time.Millisecond))
}

// The User-Agent names the tool and its version.
func TestFetchRunUserAgent(t *testing.T) {
	r := newRunner(t)
	r.run(t.Context(), nil, "/report.pdf")
	agents := r.srv.UserAgents()
	if len(agents) != 1 || agents[0] != "findings/1.2.3 (+https://github.com/findings/findings)" {
		t.Errorf("user agents %q", agents)
	}
}

// Six downloads from one host run at most two at a time.
func TestFetchRunPerHost(t *testing.T) {
	r := newRunner(t)
	var paths []string
	for i := range 6 {
		paths = append(paths, fmt.Sprintf("/wait?ms=150&n=%d", i))
	}
	r.run(t.Context(), nil, paths...)
	if r.err != nil {
		t.Fatalf("err = %v; stderr:\n%s", r.err, r.errOut)
	}
	if n := r.srv.MaxInFlight(); n != 2 {
		t.Errorf("%d requests at once, want 2", n)
	}
	// Three rounds of two.
	if r.took < 450*time.Millisecond {
		t.Errorf("took %s, want at least 450ms", r.took)
	}
	if n := strings.Count(r.out, "saved "); n != 6 {
		t.Errorf("%d saved:\n%s", n, r.out)
	}
	t.Logf("6 downloads of 150ms, at most %d at once, in %s", r.srv.MaxInFlight(), r.took.Round(time.Millisecond))
}

// Ctrl-C (ctx cancelled) stops downloads in flight at once; what was saved
// before stays whole, and nothing half-written is left.
func TestFetchRunInterrupted(t *testing.T) {
	r := newRunner(t)
	ctx, cancel := context.WithCancel(t.Context())
	// Ctrl-C once the first report is saved (not after a fixed delay,
	// which a loaded machine can overrun before the first is saved)
	var cancelled atomic.Int64
	go func() {
		for give := time.Now().Add(10 * time.Second); time.Now().Before(give); time.Sleep(5 * time.Millisecond) {
			if slices.Contains(r.files(), "report.txt") {
				break
			}
		}
		cancelled.Store(time.Now().UnixNano())
		cancel()
	}()
	// two downloads, the two a host may have at once: with a third, the
	// slow ones could take both places first and the report wait behind
	// them until the 10 s were up
	r.run(ctx, func(o *FetchOptions) { o.Web.Timeout = 30 * time.Second }, "/report.pdf", "/slow")
	if !errors.Is(r.err, cmdutil.ErrInterrupted) {
		t.Errorf("err = %v, want ErrInterrupted", r.err)
	}
	if at := cancelled.Load(); at == 0 || time.Since(time.Unix(0, at)) > time.Second {
		t.Errorf("took %s to stop after Ctrl-C", time.Since(time.Unix(0, at)))
	}
	if got := r.files(); len(got) != 1 || got[0] != "report.txt" {
		t.Errorf("files %q, want report.txt only", got)
	}
	if r.errOut != "findings: interrupted (1 saved, 0 failed)\n" {
		t.Errorf("stderr %q", r.errOut)
	}
	t.Logf("stopped %s after the start", r.took.Round(time.Millisecond))
}

// A second run asks whether each file has changed, is told it has not
// (304), and saves the same text again without downloading it; --no-cache
// asks plainly.
func TestFetchRunCache(t *testing.T) {
	r := newRunner(t)
	cache := t.TempDir()
	withCache := func(o *FetchOptions) { o.Web.NoCache, o.Web.CacheDir = false, cache }
	r.run(t.Context(), withCache, "/report.pdf")
	first := r.read("report.txt")
	if r.err != nil || r.srv.Conditional() != 0 {
		t.Fatalf("first run: err %v, %d conditional requests", r.err, r.srv.Conditional())
	}
	os.Remove(filepath.Join(r.dir, "report.txt"))

	r.run(t.Context(), withCache, "/report.pdf")
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.srv.Conditional() != 1 {
		t.Errorf("%d conditional requests, want 1", r.srv.Conditional())
	}
	want := fmt.Sprintf("saved %s/report.txt (1.3 KB, from %s/report.pdf, not modified)\n", r.dir, r.srv.URL)
	if r.out != want {
		t.Errorf("stdout %q, want %q", r.out, want)
	}
	if r.read("report.txt") != first {
		t.Error("the text from the cache differs")
	}

	r.run(t.Context(), func(o *FetchOptions) { o.Web.CacheDir = cache }, "/report.pdf") // NoCache stays on
	if r.srv.Conditional() != 1 || strings.Contains(r.out, "not modified") {
		t.Errorf("--no-cache: %d conditional requests, stdout %q", r.srv.Conditional(), r.out)
	}
}
