package fetch_test

import (
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/findings/findings/pkg/fetch"
)

// page is a report page that changes when told to and answers
// conditional requests the way a real server does.
type page struct {
	mu          sync.Mutex
	body        string
	etag        string // "" sends no ETag
	lastMod     string // "" sends no Last-Modified
	cacheCtl    string
	full, short int      // 200s and 304s sent
	asked       []string // the conditional headers of each request
}

func (p *page) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	inm, ims := r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
	p.asked = append(p.asked, strings.TrimSpace(inm+" "+ims))
	if p.etag != "" {
		w.Header().Set("ETag", p.etag)
	}
	if p.lastMod != "" {
		w.Header().Set("Last-Modified", p.lastMod)
	}
	if p.cacheCtl != "" {
		w.Header().Set("Cache-Control", p.cacheCtl)
	}
	// If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
	if (inm != "" && inm == p.etag) || (inm == "" && ims != "" && ims == p.lastMod) {
		p.short++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	p.full++
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, p.body)
}

func (p *page) set(body, etag, lastMod string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.body, p.etag, p.lastMod = body, etag, lastMod
}

func (p *page) counts() (full, short int, asked []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.full, p.short, append([]string(nil), p.asked...)
}

// files lists what is in the cache folder, entries and leftovers alike.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, path)
		}
		return nil
	})
	return out
}

func TestCache(t *testing.T) {
	const mod1, mod2 = "Tue, 01 Apr 2025 09:00:00 GMT", "Wed, 02 Apr 2025 09:00:00 GMT"
	for _, tc := range []struct {
		name               string
		etag1, etag2       string
		mod1, mod2         string
		wantAsk1, wantAsk2 string
	}{
		{"etag", `"v1"`, `"v2"`, "", "", `"v1"`, `"v2"`},
		{"last-modified", "", "", mod1, mod2, mod1, mod2},
		{"both", `"v1"`, `"v2"`, mod1, mod2, `"v1"` + " " + mod1, `"v2"` + " " + mod2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{}
			p.set("<p>Leaders know their services well.</p>", tc.etag1, tc.mod1)
			srv := server(t, p.ServeHTTP)
			dir := t.TempDir()
			c := fetch.New(fetch.Options{CacheDir: dir})

			get := func(c *fetch.Client, url, wantBody string, wantCached bool) {
				t.Helper()
				resp, err := c.Get(t.Context(), url)
				if err != nil {
					t.Fatal(err)
				}
				if string(resp.Body) != wantBody || resp.FromCache != wantCached || resp.CacheErr != nil {
					t.Fatalf("Body %q, FromCache %v, CacheErr %v; want %q, %v", resp.Body, resp.FromCache, resp.CacheErr, wantBody, wantCached)
				}
				if resp.Status != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
					t.Errorf("Status %d, Content-Type %q", resp.Status, resp.Header.Get("Content-Type"))
				}
			}

			get(c, srv.URL+"/report", "<p>Leaders know their services well.</p>", false)
			// The fragment is not part of what the server is asked for.
			get(c, srv.URL+"/report#summary", "<p>Leaders know their services well.</p>", true)
			p.set("<p>Leaders know their services very well.</p>", tc.etag2, tc.mod2)
			get(c, srv.URL+"/report", "<p>Leaders know their services very well.</p>", false)
			// A new Client, as in the next run of the tool.
			get(fetch.New(fetch.Options{CacheDir: dir}), srv.URL+"/report", "<p>Leaders know their services very well.</p>", true)

			full, short, asked := p.counts()
			if full != 2 || short != 2 {
				t.Errorf("server sent %d bodies and %d 304s, want 2 and 2", full, short)
			}
			want := []string{"", tc.wantAsk1, tc.wantAsk1, tc.wantAsk2}
			if strings.Join(asked, "|") != strings.Join(want, "|") {
				t.Errorf("conditional headers sent:\n%q\nwant\n%q", asked, want)
			}
			if got := files(t, dir); len(got) != 1 || strings.Contains(filepath.Base(got[0]), "tmp") {
				t.Errorf("cache holds %q, want one entry and no temporary files", got)
			}
		})
	}
}

func TestCacheSkips(t *testing.T) {
	for _, tc := range []struct {
		name, etag, cacheCtl string
	}{
		{"no validators", "", ""},
		{"no-store", `"v1"`, "private, no-store"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{body: "text", etag: tc.etag, cacheCtl: tc.cacheCtl}
			srv := server(t, p.ServeHTTP)
			dir := t.TempDir()
			c := fetch.New(fetch.Options{CacheDir: dir})
			for range 2 {
				resp, err := c.Get(t.Context(), srv.URL)
				if err != nil || resp.FromCache || string(resp.Body) != "text" {
					t.Fatalf("Get = %+v, %v", resp, err)
				}
			}
			if _, _, asked := p.counts(); asked[1] != "" {
				t.Errorf("second request was conditional: %q", asked[1])
			}
			if got := files(t, dir); len(got) != 0 {
				t.Errorf("cached %q", got)
			}
		})
	}
}

func TestCacheDamaged(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(data []byte) []byte
	}{
		{"truncated", func(b []byte) []byte { return b[:len(b)-3] }},
		{"garbage", func([]byte) []byte { return []byte("\x00\x01 not an entry") }},
		{"empty", func([]byte) []byte { return nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{body: "<p>Practice is inconsistent.</p>", etag: `"v1"`}
			srv := server(t, p.ServeHTTP)
			dir := t.TempDir()
			c := fetch.New(fetch.Options{CacheDir: dir})
			if _, err := c.Get(t.Context(), srv.URL); err != nil {
				t.Fatal(err)
			}
			entry := files(t, dir)[0]
			data, _ := os.ReadFile(entry)
			os.WriteFile(entry, tc.damage(data), 0o600)

			// A damaged entry is a miss: fetched afresh, stored again.
			for _, wantCached := range []bool{false, true} {
				resp, err := c.Get(t.Context(), srv.URL)
				if err != nil || resp.FromCache != wantCached || string(resp.Body) != "<p>Practice is inconsistent.</p>" {
					t.Fatalf("Get = %+v, %v; want FromCache %v", resp, err, wantCached)
				}
			}
		})
	}
}

func TestCacheUnwritable(t *testing.T) {
	p := &page{body: "text", etag: `"v1"`}
	srv := server(t, p.ServeHTTP)
	notDir := filepath.Join(t.TempDir(), "file")
	os.WriteFile(notDir, nil, 0o600)
	resp, err := fetch.New(fetch.Options{CacheDir: notDir}).Get(t.Context(), srv.URL)
	if err != nil || string(resp.Body) != "text" {
		t.Fatalf("Get = %+v, %v; a cache failure must not fail the download", resp, err)
	}
	if resp.CacheErr == nil || strings.Contains(resp.CacheErr.Error(), "\n") {
		t.Errorf("CacheErr = %v, want a one-line error", resp.CacheErr)
	}
}

func TestCacheConcurrent(t *testing.T) {
	p := &page{body: strings.Repeat("The quality of practice is good. ", 2000), etag: `"v1"`}
	srv := server(t, p.ServeHTTP)
	dir := t.TempDir()
	c := fetch.New(fetch.Options{CacheDir: dir, PerHost: 8})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			resp, err := c.Get(t.Context(), srv.URL)
			if err != nil {
				t.Error(err)
				return
			}
			if string(resp.Body) != p.body || resp.CacheErr != nil {
				t.Errorf("Get: %d bytes, cache %v", len(resp.Body), resp.CacheErr)
			}
		})
	}
	wg.Wait()
	if got := files(t, dir); len(got) != 1 {
		t.Errorf("cache holds %q, want one entry", got)
	}
}

func TestDefaultCacheDir(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG_CACHE_HOME is read on Linux only")
	}
	t.Setenv("XDG_CACHE_HOME", "/tmp/xdg")
	got, err := fetch.DefaultCacheDir()
	if err != nil || got != "/tmp/xdg/findings" {
		t.Errorf("DefaultCacheDir() = %q, %v", got, err)
	}
}
