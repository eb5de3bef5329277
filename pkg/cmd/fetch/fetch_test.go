package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/fetch/fetchtest"
	"github.com/findings/findings/pkg/iostreams"
	"github.com/findings/findings/pkg/source"
)

func TestNewCmdFetch(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    FetchOptions
		wantErr string
	}{
		{name: "defaults", args: []string{"https://example.org/r.pdf"},
			want: FetchOptions{URLs: []string{"https://example.org/r.pdf"}, Dir: ".", MaxFollow: 20,
				Web: cmdutil.WebOptions{Timeout: 30 * time.Second, MaxSize: 50 << 20}}},
		{name: "all flags", args: []string{"-o", "reports", "--raw", "--follow", "--max-follow", "5", "--all-hosts",
			"--timeout", "5s", "--max-size", "10MB", "--cache-dir", "c", "--no-cache", "https://a.example/x", "http://b.example/y"},
			want: FetchOptions{URLs: []string{"https://a.example/x", "http://b.example/y"}, Dir: "reports", Raw: true, Follow: true, MaxFollow: 5, AllHosts: true,
				Web: cmdutil.WebOptions{Timeout: 5 * time.Second, MaxSize: 10 << 20, CacheDir: "c", NoCache: true}}},
		{name: "other schemes are URLs, refused when fetched", args: []string{"ftp://example.org/r.pdf"},
			want: FetchOptions{URLs: []string{"ftp://example.org/r.pdf"}, Dir: ".", MaxFollow: 20,
				Web: cmdutil.WebOptions{Timeout: 30 * time.Second, MaxSize: 50 << 20}}},
		{name: "no URL", args: nil, wantErr: "no URL: name the pages or files to download"},
		{name: "a file", args: []string{"https://example.org/a", "reports/r.pdf"}, wantErr: "reports/r.pdf is not a URL: fetch downloads http and https URLs (extract reads files)"},
		{name: "zero timeout", args: []string{"--timeout", "0", "https://example.org/"}, wantErr: "--timeout must be more than 0"},
		{name: "zero size", args: []string{"--max-size", "0KB", "https://example.org/"}, wantErr: "--max-size must be more than 0"},
		{name: "zero follow", args: []string{"--follow", "--max-follow", "0", "https://example.org/"}, wantErr: "--max-follow must be at least 1"},
		{name: "max-follow alone", args: []string{"--max-follow", "3", "https://example.org/"}, wantErr: "--max-follow and --all-hosts need --follow"},
		{name: "all-hosts alone", args: []string{"--all-hosts", "https://example.org/"}, wantErr: "--max-follow and --all-hosts need --follow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *FetchOptions
			cmd := NewCmdFetch(&cmdutil.Factory{IOStreams: ios, Version: "1.2.3"}, func(_ context.Context, o *FetchOptions) error {
				got = o
				return nil
			})
			cmd.SetArgs(tt.args)
			cmd.SetOut(io.Discard)
			cmd.SetErr(io.Discard)
			err := cmd.Execute()
			if tt.wantErr != "" {
				var fe *cmdutil.FlagError
				if err == nil || err.Error() != tt.wantErr || !errors.As(err, &fe) {
					t.Fatalf("err = %v, want FlagError %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want.Web.CacheDir == "" {
				tt.want.Web.CacheDir = got.Web.CacheDir // the user's cache folder, whatever it is here
			}
			if got.Version != "1.2.3" || got.IO != ios {
				t.Errorf("dependencies not passed: %+v", got)
			}
			got.IO, got.Version = nil, ""
			if !slices.Equal(got.URLs, tt.want.URLs) {
				t.Errorf("URLs %q, want %q", got.URLs, tt.want.URLs)
			}
			got.URLs, tt.want.URLs = nil, nil
			if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", tt.want) {
				t.Errorf("options\n%+v\nwant\n%+v", *got, tt.want)
			}
		})
	}
}

// runner runs fetchRun against a fixture server and keeps what it said.
type runner struct {
	t      *testing.T
	srv    *fetchtest.Server
	dir    string
	out    string
	errOut string
	err    error
	took   time.Duration
}

func newRunner(t *testing.T) *runner {
	t.Helper()
	srv := fetchtest.New(fetchtest.Dir())
	t.Cleanup(srv.Close)
	return &runner{t: t, srv: srv, dir: t.TempDir()}
}

// run fetches the args (paths on the server, or whole URLs) with the
// given options on top of the defaults (no cache, no pdftotext).
func (r *runner) run(ctx context.Context, set func(*FetchOptions), args ...string) {
	r.t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts := &FetchOptions{
		IO: ios, Version: "1.2.3",
		LookPath:  func(string) (string, error) { return "", errors.New("not here") },
		Dir:       r.dir,
		MaxFollow: DefaultMaxFollow,
		Web:       cmdutil.WebOptions{Timeout: 5 * time.Second, MaxSize: 50 << 20, NoCache: true},
	}
	for _, a := range args {
		if !source.IsURL(a) {
			a = r.srv.URL + a
		}
		opts.URLs = append(opts.URLs, a)
	}
	if set != nil {
		set(opts)
	}
	start := time.Now()
	r.err = fetchRun(ctx, opts)
	r.took = time.Since(start)
	r.out, r.errOut = out.String(), errOut.String()
}

// files lists the files saved.
func (r *runner) files() []string {
	var names []string
	entries, _ := os.ReadDir(r.dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func (r *runner) read(name string) string {
	b, err := os.ReadFile(filepath.Join(r.dir, name))
	if err != nil {
		r.t.Fatal(err)
	}
	return string(b)
}

// asRead is a fixture's text as extract reads the file itself.
func asRead(t *testing.T, fixture string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fetchtest.Dir(), fixture))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := source.Decode(t.Context(), fixture, b, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc.Text
}

func TestFetchRunSaves(t *testing.T) {
	r := newRunner(t)
	r.run(t.Context(), func(o *FetchOptions) { o.Raw = true }, "/article.html", "/report.pdf", "/v1/file/50252240", "/article.html#again")
	if r.err != nil {
		t.Fatalf("err = %v; stderr:\n%s", r.err, r.errOut)
	}
	u := r.srv.URL
	want := fmt.Sprintf(`saved %[1]s/eastbury-childrens-services-require-improvement-inspectors-say.txt (1.1 KB, from %[2]s/article.html)
saved %[1]s/eastbury-childrens-services-require-improvement-inspectors-say.html (3.1 KB, from %[2]s/article.html)
saved %[1]s/report.txt (1.3 KB, from %[2]s/report.pdf)
saved %[1]s/report.pdf (3.8 KB, from %[2]s/report.pdf)
saved %[1]s/file-50252240.txt (747 bytes, from %[2]s/v1/file/50252240)
saved %[1]s/file-50252240.pdf (2.3 KB, from %[2]s/v1/file/50252240)
`, r.dir, u)
	if r.out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.out, want)
	}
	if r.errOut != "findings: 3 URLs: 3 saved, 0 failed\n" {
		t.Errorf("stderr:\n%s", r.errOut)
	}
	// The text saved is the text extract reads from the original.
	for fixture, saved := range map[string]string{
		"article.html":     "eastbury-childrens-services-require-improvement-inspectors-say.txt",
		"report.pdf":       "report.txt",
		"v1/file/50252240": "file-50252240.txt",
	} {
		if got, want := r.read(saved), asRead(t, fixture); strings.TrimSuffix(got, "\n") != strings.TrimSuffix(want, "\n") {
			t.Errorf("%s differs from %s as read:\n%s\nwant\n%s", saved, fixture, got, want)
		}
	}
	for raw, fixture := range map[string]string{"report.pdf": "report.pdf", "eastbury-childrens-services-require-improvement-inspectors-say.html": "article.html"} {
		b, _ := os.ReadFile(filepath.Join(fetchtest.Dir(), fixture))
		if r.read(raw) != string(b) {
			t.Errorf("%s is not the bytes of %s", raw, fixture)
		}
	}
	if n := r.srv.Hits("/article.html"); n != 1 {
		t.Errorf("article fetched %d times", n)
	}
	for _, name := range r.files() {
		st, _ := os.Stat(filepath.Join(r.dir, name))
		if st.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v", name, st.Mode())
		}
	}
}

// --follow fetches each report file a page links to once, resolving its
// relative links against the URL after the redirect from /westford to
// /westford/, and leaves the other site alone.
func TestFetchRunFollow(t *testing.T) {
	r := newRunner(t)
	r.run(t.Context(), func(o *FetchOptions) { o.Follow = true }, "/westford", "/report.pdf")
	if r.err != nil {
		t.Fatalf("err = %v; stderr:\n%s", r.err, r.errOut)
	}
	u := r.srv.URL
	want := fmt.Sprintf(`saved %[1]s/westford-council-find-an-inspection-report.txt (522 bytes, from %[2]s/westford)
saved %[1]s/report.txt (1.3 KB, from %[2]s/report.pdf)
saved %[1]s/inspection-2024.txt (1.3 KB, from %[2]s/westford/reports/inspection-2024.pdf)
saved %[1]s/file-50252240.txt (747 bytes, from %[2]s/v1/file/50252240)
`, r.dir, u)
	if r.out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.out, want)
	}
	wantErr := fmt.Sprintf("findings: %s/westford: not following 1 link to other sites (--all-hosts follows them)\nfindings: 4 URLs: 4 saved, 0 failed\n", u)
	if r.errOut != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", r.errOut, wantErr)
	}
	for _, p := range []string{"/westford/reports/inspection-2024.pdf", "/v1/file/50252240", "/westford/"} {
		if n := r.srv.Hits(p); n != 1 {
			t.Errorf("%s fetched %d times, want once", p, n)
		}
	}
	if n := r.srv.Requests(); n != 5 { // /westford, its redirect, /report.pdf and two PDFs
		t.Errorf("%d requests, want 5", n)
	}
}

// A file the page links to and that was also given, under a URL that
// redirects to it, is fetched once.
func TestFetchRunFollowGivenToo(t *testing.T) {
	r := newRunner(t)
	r.run(t.Context(), func(o *FetchOptions) { o.Follow = true }, "/westford", "/moved/v1/file/50252240", "/westford#top")
	if r.err != nil {
		t.Fatalf("err = %v; stderr:\n%s", r.err, r.errOut)
	}
	if n := r.srv.Hits("/v1/file/50252240"); n != 1 {
		t.Errorf("the focused visit fetched %d times, want once", n)
	}
	if n := r.srv.Hits("/westford/reports/inspection-2024.pdf"); n != 1 {
		t.Errorf("the inspection fetched %d times, want once", n)
	}
	if n := strings.Count(r.out, "saved "); n != 3 {
		t.Errorf("stdout:\n%s", r.out)
	}
}

// A page on one server links to a PDF on another: not followed unless
// --all-hosts; and a page linking to more files than --max-follow brings
// only the first ones.
func TestFetchRunFollowLimits(t *testing.T) {
	r := newRunner(t)
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/list" {
			http.NotFound(w, req)
			return
		}
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Reports</title></head><body><main><h1>Reports</h1>
<p>Children's services reports for the council, most recent first.</p>
<ul><li><a href="%[1]s/report.pdf">Inspection (PDF)</a></li>
<li><a href="/a.pdf">A</a></li><li><a href="/b.pdf">B</a></li><li><a href="/c.pdf">C</a></li></ul></main></body></html>`, r.srv.URL)
	}))
	defer page.Close()

	r.run(t.Context(), func(o *FetchOptions) { o.Follow, o.MaxFollow = true, 2 }, page.URL+"/list")
	wantErr := fmt.Sprintf(`findings: %[1]s/list: not following 1 link to other sites (--all-hosts follows them)
findings: %[1]s/list: following the first 2 of 3 report links (--max-follow)
findings: %[1]s/a.pdf: 404 Not Found
findings: %[1]s/b.pdf: 404 Not Found
findings: 3 URLs: 1 saved, 2 failed
`, page.URL)
	if r.errOut != wantErr || !errors.Is(r.err, cmdutil.ErrSilent) {
		t.Errorf("err %v, stderr:\n%s\nwant:\n%s", r.err, r.errOut, wantErr)
	}
	if r.srv.Hits("/report.pdf") != 0 {
		t.Error("the other site was fetched")
	}

	r.run(t.Context(), func(o *FetchOptions) { o.Follow, o.MaxFollow, o.AllHosts = true, 1, true }, page.URL+"/list")
	if r.srv.Hits("/report.pdf") != 1 || !strings.Contains(r.out, "report.txt (1.3 KB, from "+r.srv.URL+"/report.pdf)") {
		t.Errorf("with --all-hosts: stdout:\n%s\nstderr:\n%s", r.out, r.errOut)
	}
}
