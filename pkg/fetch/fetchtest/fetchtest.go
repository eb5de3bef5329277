// Package fetchtest serves the project's web fixtures (testdata/web) on
// loopback, with endpoints that misbehave in the ways the limits of package
// fetch are for, so that tests of fetching never reach the internet. It is
// for tests only.
package fetchtest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Dir is testdata/web in this repository, found from this file's path so
// that any package's tests can serve it.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "web")
}

// Backstop bounds how long a misbehaving endpoint goes on when the client
// does not give up, so that a broken test cannot hang the run.
const Backstop = 10 * time.Second

// Server serves the files under a folder, and these endpoints:
//
//	/slow        answers only when the client has gone (or after Backstop)
//	/wait?ms=N   serves article.html after N milliseconds
//	/loop        redirects to itself, for ever
//	/to-ftp      redirects to an ftp: URL
//	/endless     a body that never ends (until the client goes, or Backstop)
//	/huge        a Content-Length of 1 TiB, and no body
//	/busy        429 with Retry-After: 1 the first time, then article.html
//	/throttled   429 with Retry-After: 120, always
//	/moved/P     301 to /P
//
// A path matching none of them and no file is a 404. Every file is served
// with a Last-Modified date, so a second request can be answered 304.
type Server struct {
	*httptest.Server

	mu     sync.Mutex
	hits   map[string]int
	agents map[string]bool
	conds  int

	inFlight, maxInFlight atomic.Int64
	endless               atomic.Int64
	busy                  atomic.Bool
}

// New starts a Server for the files under dir. Close it when done.
func New(dir string) *Server {
	s := &Server{hits: map[string]int{}, agents: map[string]bool{}}
	files := http.FileServer(http.Dir(dir))
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(Backstop):
		}
	})
	mux.HandleFunc("/wait", func(w http.ResponseWriter, r *http.Request) {
		ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
		time.Sleep(time.Duration(ms) * time.Millisecond)
		http.ServeFile(w, r, filepath.Join(dir, "article.html"))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		http.Redirect(w, r, fmt.Sprintf("/loop?n=%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://127.0.0.1/report.pdf", http.StatusFound)
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte("<p>Children are seen quickly and their plans are reviewed often.</p>\n")
		stop := time.After(Backstop)
		for {
			select {
			case <-r.Context().Done():
				return
			case <-stop:
				return
			default:
			}
			n, err := w.Write(chunk)
			s.endless.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.FormatInt(1<<40, 10))
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		if !s.busy.Swap(true) {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		http.ServeFile(w, r, filepath.Join(dir, "article.html"))
	})
	mux.HandleFunc("/throttled", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	mux.HandleFunc("/moved/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path[len("/moved"):], http.StatusMovedPermanently)
	})
	mux.Handle("/", files)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		for {
			m := s.maxInFlight.Load()
			if n <= m || s.maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.agents[r.UserAgent()] = true
		if r.Header.Get("If-Modified-Since") != "" || r.Header.Get("If-None-Match") != "" {
			s.conds++
		}
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	return s
}

// Hits is how many requests asked for path.
func (s *Server) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// Requests is how many requests the server has had in all.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hits {
		n += h
	}
	return n
}

// Conditional is how many requests were conditional (If-None-Match or
// If-Modified-Since).
func (s *Server) Conditional() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conds
}

// UserAgents are the User-Agent headers the server has seen.
func (s *Server) UserAgents() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for a := range s.agents {
		out = append(out, a)
	}
	return out
}

// MaxInFlight is the most requests the server has handled at once.
func (s *Server) MaxInFlight() int { return int(s.maxInFlight.Load()) }

// EndlessBytes is how much of /endless's body the server has written.
func (s *Server) EndlessBytes() int64 { return s.endless.Load() }
