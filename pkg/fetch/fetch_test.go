package fetch_test

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/findings/findings/pkg/fetch"
)

// waits records what the client asked to sleep, without sleeping, so a
// test of Retry-After or backoff takes no time.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	w.d = append(w.d, d)
	w.mu.Unlock()
	return ctx.Err()
}

func (w *waits) got() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.d...)
}

// counting is a transport that counts the body bytes the client reads.
type counting struct {
	rt   http.RoundTripper
	read atomic.Int64
}

func (c *counting) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	resp.Body = &countingBody{ReadCloser: resp.Body, n: &c.read}
	return resp, nil
}

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

func server(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// blockUntilGone holds a handler until the client goes away, with a
// backstop so that a broken test cannot hang the run.
func blockUntilGone(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-time.After(10 * time.Second):
	}
}

// wantOneLine checks that err reads exactly as want, on one line.
func wantOneLine(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want %q", want)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("error spans lines: %q", msg)
	}
	if msg != want {
		t.Errorf("error = %q\nwant    %q", msg, want)
	}
}

func TestGet(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/new":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Last-Modified", "Tue, 01 Apr 2025 09:00:00 GMT")
			io.WriteString(w, "<p>Leaders have a clear understanding.</p>")
		default:
			http.NotFound(w, r)
		}
	})
	c := fetch.New(fetch.Options{})
	resp, err := c.Get(t.Context(), srv.URL+"/old#section")
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != srv.URL+"/old#section" || resp.FinalURL != srv.URL+"/new" {
		t.Errorf("URL, FinalURL = %q, %q", resp.URL, resp.FinalURL)
	}
	if resp.Status != 200 || resp.FromCache || resp.CacheErr != nil {
		t.Errorf("Status %d, FromCache %v, CacheErr %v", resp.Status, resp.FromCache, resp.CacheErr)
	}
	if got := resp.Header.Get("Last-Modified"); got != "Tue, 01 Apr 2025 09:00:00 GMT" {
		t.Errorf("Last-Modified = %q", got)
	}
	if string(resp.Body) != "<p>Leaders have a clear understanding.</p>" {
		t.Errorf("Body = %q", resp.Body)
	}
}

func TestUserAgent(t *testing.T) {
	var got atomic.Value
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		got.Store(r.UserAgent())
	})
	for _, tc := range []struct {
		name string
		opts fetch.Options
		want string
	}{
		{"version", fetch.Options{Version: "1.2.3"}, "findings/1.2.3 (+https://github.com/findings/findings)"},
		{"no version", fetch.Options{}, "findings/dev (+https://github.com/findings/findings)"},
		{"own", fetch.Options{Version: "1.2.3", UserAgent: "survey-bot/0.1"}, "survey-bot/0.1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := fetch.New(tc.opts).Get(t.Context(), srv.URL); err != nil {
				t.Fatal(err)
			}
			if got.Load() != tc.want {
				t.Errorf("User-Agent = %q, want %q", got.Load(), tc.want)
			}
		})
	}
}

func TestScheme(t *testing.T) {
	c := fetch.New(fetch.Options{})
	for _, tc := range []struct {
		url, want string
		scheme    bool
	}{
		{"ftp://example.org/report.pdf", `get ftp://example.org/report.pdf: unsupported url scheme "ftp" (want http or https)`, true},
		{"file:///etc/passwd", `get file:///etc/passwd: unsupported url scheme "file" (want http or https)`, true},
		{"mailto:someone@example.org", `get mailto:someone@example.org: unsupported url scheme "mailto" (want http or https)`, true},
		{"reports/x.pdf", `get reports/x.pdf: unsupported url scheme: none given (want http or https)`, true},
		{"https:///x.pdf", `get https:///x.pdf: url has no host`, false},
		{"https://user:secret@example.org:port/", `get https://user:xxxxx@example.org:port/: invalid url: invalid port ":port" after host`, false},
	} {
		t.Run(tc.url, func(t *testing.T) {
			_, err := c.Get(t.Context(), tc.url)
			if errors.Is(err, fetch.ErrScheme) != tc.scheme {
				t.Errorf("errors.Is(%v, ErrScheme) = %v", err, !tc.scheme)
			}
			wantOneLine(t, err, tc.want)
		})
	}
}

func TestRedirectToOtherScheme(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/report.pdf", http.StatusFound)
	})
	_, err := fetch.New(fetch.Options{}).Get(t.Context(), srv.URL+"/r")
	if !errors.Is(err, fetch.ErrScheme) {
		t.Errorf("err = %v, want ErrScheme", err)
	}
	wantOneLine(t, err, "get "+srv.URL+`/r: redirect to ftp://example.org/report.pdf: unsupported url scheme "ftp" (want http or https)`)
}

func TestTimeout(t *testing.T) {
	for _, tc := range []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"no answer", func(w http.ResponseWriter, r *http.Request) { blockUntilGone(r) }},
		{"slow body", func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "%PDF-1.7\n")
			w.(http.Flusher).Flush()
			blockUntilGone(r)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := server(t, tc.handler)
			c := fetch.New(fetch.Options{Timeout: 150 * time.Millisecond})
			start := time.Now()
			_, err := c.Get(t.Context(), srv.URL+"/slow")
			took := time.Since(start)
			if took > time.Second {
				t.Errorf("took %v with a 150ms timeout", took)
			}
			var te *fetch.TimeoutError
			if !errors.As(err, &te) || te.After != 150*time.Millisecond {
				t.Errorf("err = %v, want a TimeoutError after 150ms", err)
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("errors.Is(err, context.DeadlineExceeded) = false")
			}
			wantOneLine(t, err, "get "+srv.URL+"/slow: timed out after 150ms")
		})
	}
}

func TestRedirectLoop(t *testing.T) {
	var hits atomic.Int32
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/a" {
			http.Redirect(w, r, "/b", http.StatusFound)
		} else {
			http.Redirect(w, r, "/a", http.StatusFound)
		}
	})
	for _, tc := range []struct {
		max, hits int32
		want      string
	}{
		{0, 11, "stopped after 10"}, // the default
		{3, 4, "stopped after 3"},
		{-1, 1, "stopped after 0"},
	} {
		t.Run(fmt.Sprint(tc.max), func(t *testing.T) {
			hits.Store(0)
			_, err := fetch.New(fetch.Options{MaxRedirects: int(tc.max)}).Get(t.Context(), srv.URL+"/a")
			if !errors.Is(err, fetch.ErrTooManyRedirects) {
				t.Errorf("err = %v, want ErrTooManyRedirects", err)
			}
			if hits.Load() != tc.hits {
				t.Errorf("server saw %d requests, want %d", hits.Load(), tc.hits)
			}
			wantOneLine(t, err, "get "+srv.URL+"/a: too many redirects: "+tc.want)
		})
	}
}

func TestTooLarge(t *testing.T) {
	const limit = 64 << 10
	for _, tc := range []struct {
		name     string
		handler  http.HandlerFunc
		want     string
		maxRead  int64
		wantBody bool
	}{
		{
			name: "endless body",
			handler: func(w http.ResponseWriter, r *http.Request) {
				chunk := []byte(strings.Repeat("The local authority has not acted. ", 1000))
				for r.Context().Err() == nil {
					if _, err := w.Write(chunk); err != nil {
						return
					}
				}
			},
			want:    "response too large: more than 64 KiB",
			maxRead: limit + 1,
		},
		{
			name: "declared length",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", "10000000")
				w.WriteHeader(200)
			},
			want:    "response too large: 10000000 bytes, limit 64 KiB",
			maxRead: 0,
		},
		{
			// The limit is on what the caller gets, not on the wire.
			name: "gzip bomb",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", "gzip")
				zw := gzip.NewWriter(w)
				zw.Write(make([]byte, 1<<20)) // 16 times the limit
				zw.Close()
			},
			want:    "response too large: more than 64 KiB",
			maxRead: limit + 1,
		},
		{
			name: "exactly the limit",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Write(make([]byte, limit))
			},
			maxRead:  limit + 1,
			wantBody: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := server(t, tc.handler)
			tr := &counting{rt: http.DefaultTransport.(*http.Transport).Clone()}
			c := fetch.New(fetch.Options{MaxBytes: limit, Transport: tr})
			start := time.Now()
			resp, err := c.Get(t.Context(), srv.URL+"/big")
			if took := time.Since(start); took > time.Second {
				t.Errorf("took %v", took)
			}
			if n := tr.read.Load(); n > tc.maxRead {
				t.Errorf("read %d body bytes, want at most %d", n, tc.maxRead)
			}
			if tc.wantBody {
				if err != nil || len(resp.Body) != limit {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if !errors.Is(err, fetch.ErrTooLarge) {
				t.Errorf("err = %v, want ErrTooLarge", err)
			}
			if resp != nil {
				t.Errorf("got a response with %d bytes, want none", len(resp.Body))
			}
			wantOneLine(t, err, "get "+srv.URL+"/big: "+tc.want)
		})
	}
}

// flaky answers with codes in turn, then 200 "ok".
func flaky(hits *atomic.Int32, codes []int, retryAfter string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := int(hits.Add(1)) - 1
		if n < len(codes) {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			w.WriteHeader(codes[n])
			io.WriteString(w, "busy")
			return
		}
		io.WriteString(w, "ok")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, header string
		want         time.Duration
	}{
		{"seconds", "3", 3 * time.Second},
		{"date", now.Add(7 * time.Second).Format(http.TimeFormat), 7 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var hits atomic.Int32
			srv := server(t, flaky(&hits, []int{429}, tc.header))
			var w waits
			c := fetch.New(fetch.Options{Sleep: w.sleep, Now: func() time.Time { return now }})
			resp, err := c.Get(t.Context(), srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != "ok" || hits.Load() != 2 {
				t.Errorf("body %q after %d requests", resp.Body, hits.Load())
			}
			if got := w.got(); len(got) != 1 || got[0] != tc.want {
				t.Errorf("waited %v, want [%v]", got, tc.want)
			}
		})
	}
}

func TestRetryAfterTooLong(t *testing.T) {
	var hits atomic.Int32
	srv := server(t, flaky(&hits, []int{429, 429}, "120"))
	var w waits
	_, err := fetch.New(fetch.Options{Sleep: w.sleep}).Get(t.Context(), srv.URL+"/busy")
	var se *fetch.StatusError
	if !errors.As(err, &se) || se.Code != 429 || se.RetryAfter != 2*time.Minute {
		t.Errorf("err = %#v", err)
	}
	if hits.Load() != 1 || len(w.got()) != 0 {
		t.Errorf("%d requests, waited %v; want 1 request and no wait past MaxWait", hits.Load(), w.got())
	}
	wantOneLine(t, err, "get "+srv.URL+"/busy: 429 Too Many Requests (retry after 2m0s)")
}

func TestRetry5xx(t *testing.T) {
	var hits atomic.Int32
	srv := server(t, flaky(&hits, []int{503, 502, 500}, ""))
	var w waits
	resp, err := fetch.New(fetch.Options{Sleep: w.sleep}).Get(t.Context(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "ok" || hits.Load() != 4 {
		t.Errorf("body %q after %d requests", resp.Body, hits.Load())
	}
	// Exponential backoff from 1s with jitter in the upper half.
	got := w.got()
	if len(got) != 3 {
		t.Fatalf("waited %v, want 3 waits", got)
	}
	for i, max := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		if got[i] < max/2 || got[i] > max {
			t.Errorf("wait %d = %v, want in [%v, %v]", i, got[i], max/2, max)
		}
	}
}

func TestRetriesExhausted(t *testing.T) {
	var hits atomic.Int32
	srv := server(t, flaky(&hits, []int{500, 500, 500, 500, 500}, ""))
	var w waits
	_, err := fetch.New(fetch.Options{Retries: 2, Sleep: w.sleep}).Get(t.Context(), srv.URL+"/down")
	if hits.Load() != 3 || len(w.got()) != 2 {
		t.Errorf("%d requests, %d waits; want 3 and 2", hits.Load(), len(w.got()))
	}
	var se *fetch.StatusError
	if !errors.As(err, &se) || se.Code != 500 {
		t.Errorf("err = %v, want StatusError 500", err)
	}
	wantOneLine(t, err, "get "+srv.URL+"/down: 500 Internal Server Error")
}

func TestNoRetry(t *testing.T) {
	for _, tc := range []struct {
		name string
		code int
		opts fetch.Options
		want string
	}{
		{"404", 404, fetch.Options{}, "404 Not Found"},
		{"501", 501, fetch.Options{}, "501 Not Implemented"},
		{"retries off", 503, fetch.Options{Retries: -1}, "503 Service Unavailable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var hits atomic.Int32
			srv := server(t, flaky(&hits, []int{tc.code, tc.code}, ""))
			var w waits
			tc.opts.Sleep = w.sleep
			_, err := fetch.New(tc.opts).Get(t.Context(), srv.URL+"/missing")
			if hits.Load() != 1 || len(w.got()) != 0 {
				t.Errorf("%d requests, waited %v; want one request, no wait", hits.Load(), w.got())
			}
			var se *fetch.StatusError
			if !errors.As(err, &se) || se.Code != tc.code || se.URL != srv.URL+"/missing" {
				t.Errorf("err = %#v", err)
			}
			wantOneLine(t, err, "get "+srv.URL+"/missing: "+tc.want)
		})
	}
}

func TestStatusAfterRedirect(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/report" {
			http.Redirect(w, r, "/gone", http.StatusFound)
			return
		}
		http.Error(w, "gone", http.StatusGone)
	})
	_, err := fetch.New(fetch.Options{}).Get(t.Context(), srv.URL+"/report")
	wantOneLine(t, err, "get "+srv.URL+"/report: 410 Gone from "+srv.URL+"/gone")
}

func TestBadOptions(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	// Negative limits mean nothing; they fall back to the defaults rather
	// than refusing every body or panicking.
	c := fetch.New(fetch.Options{Timeout: -1, MaxBytes: -1, MaxWait: -1, PerHost: -1})
	if resp, err := c.Get(t.Context(), srv.URL); err != nil || string(resp.Body) != "ok" {
		t.Errorf("Get = %v", err)
	}
}

func TestCancelledBefore(t *testing.T) {
	var hits atomic.Int32
	srv := server(t, flaky(&hits, nil, ""))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := fetch.New(fetch.Options{}).Get(ctx, srv.URL)
	if !errors.Is(err, context.Canceled) || hits.Load() != 0 {
		t.Errorf("err = %v after %d requests, want context.Canceled and none", err, hits.Load())
	}
}

func TestRetryWaitCancelled(t *testing.T) {
	var hits atomic.Int32
	srv := server(t, flaky(&hits, []int{503, 503}, "20"))
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	// The real sleep: a 20 s Retry-After must end when ctx does.
	_, err := fetch.New(fetch.Options{}).Get(ctx, srv.URL)
	if took := time.Since(start); took > time.Second {
		t.Errorf("took %v; the wait was not cut short", took)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	wantOneLine(t, err, "get "+srv.URL+": waiting to retry after 503: context canceled")
}

func TestCancelDuringBody(t *testing.T) {
	sent := make(chan struct{})
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "%PDF-1.7\n")
		w.(http.Flusher).Flush()
		close(sent)
		blockUntilGone(r)
	})
	ctx, cancel := context.WithCancel(t.Context())
	var cancelled time.Time
	go func() {
		<-sent
		time.Sleep(50 * time.Millisecond)
		cancelled = time.Now()
		cancel()
	}()
	_, err := fetch.New(fetch.Options{}).Get(ctx, srv.URL+"/report.pdf")
	if took := time.Since(cancelled); took > 500*time.Millisecond {
		t.Errorf("Get returned %v after cancel", took)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	wantOneLine(t, err, "get "+srv.URL+"/report.pdf: context canceled")
}

func TestPerHost(t *testing.T) {
	const per, n = 2, 6
	var running, most atomic.Int32
	arrived := make(chan struct{}, n)
	release := make(chan struct{})
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		now := running.Add(1)
		for {
			m := most.Load()
			if now <= m || most.CompareAndSwap(m, now) {
				break
			}
		}
		arrived <- struct{}{}
		<-release
		running.Add(-1)
	})
	c := fetch.New(fetch.Options{PerHost: per})
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			_, err := c.Get(t.Context(), fmt.Sprintf("%s/%d", srv.URL, i))
			errs <- err
		})
	}
	for i := range per {
		select {
		case <-arrived:
		case err := <-errs:
			close(release)
			t.Fatalf("request %d did not reach the server: %v", i+1, err)
		case <-time.After(5 * time.Second):
			close(release)
			t.Fatalf("only %d of %d requests reached the server", i, per)
		}
	}
	// The limit is full; a third request must not reach the server.
	select {
	case <-arrived:
		t.Errorf("a request beyond the per-host limit of %d reached the server", per)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if most.Load() != per {
		t.Errorf("at most %d requests ran at once, want %d", most.Load(), per)
	}
}

func TestPerHostOtherHostsGoOn(t *testing.T) {
	release := make(chan struct{})
	busy := server(t, func(w http.ResponseWriter, r *http.Request) { <-release })
	idle := server(t, func(w http.ResponseWriter, r *http.Request) {})
	defer close(release)
	c := fetch.New(fetch.Options{PerHost: 1})
	go c.Get(t.Context(), busy.URL)
	go c.Get(t.Context(), busy.URL)
	ctx, cancel := context.WithTimeout(t.Context(), time.Second)
	defer cancel()
	if _, err := c.Get(ctx, idle.URL); err != nil {
		t.Errorf("a full host held up another: %v", err)
	}
}
