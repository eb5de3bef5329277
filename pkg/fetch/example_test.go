package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/findings/findings/pkg/fetch"
)

func Example() {
	// A stand-in for the inspectorate's site.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/report.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", `"2025-04-01"`)
		if r.Header.Get("If-None-Match") == `"2025-04-01"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, "<h1>Inspection of children's social care services</h1>")
	}))
	defer srv.Close()
	cacheDir, err := os.MkdirTemp("", "findings-cache")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(cacheDir)

	// A real caller passes the ctx from signal.NotifyContext, so that
	// Ctrl-C cancels the download, and fetch.DefaultCacheDir().
	ctx := context.Background()
	c := fetch.New(fetch.Options{Version: "1.0.0", CacheDir: cacheDir})

	for range 2 {
		resp, err := c.Get(ctx, srv.URL+"/report.html")
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d from cache %v: %s\n", resp.Status, resp.FromCache, resp.Body)
	}

	_, err = c.Get(ctx, srv.URL+"/missing.pdf")
	var se *fetch.StatusError
	if errors.As(err, &se) {
		fmt.Println("status", se.Code)
	}
	_, err = c.Get(ctx, "file:///etc/passwd")
	fmt.Println(errors.Is(err, fetch.ErrScheme), err)
	// Output:
	// 200 from cache false: <h1>Inspection of children's social care services</h1>
	// 200 from cache true: <h1>Inspection of children's social care services</h1>
	// status 404
	// true get file:///etc/passwd: unsupported url scheme "file" (want http or https)
}
