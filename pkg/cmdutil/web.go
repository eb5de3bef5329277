package cmdutil

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/findings/findings/pkg/fetch"
	"github.com/findings/findings/pkg/source"
)

// WebOptions bound downloads: the flags that the commands which read URLs
// share. The fixed limits (10 redirects, http and https only, retries of
// 429 and 5xx honouring Retry-After, 2 requests at a time per host) are
// package fetch's defaults.
type WebOptions struct {
	Timeout  time.Duration
	MaxSize  ByteSize
	CacheDir string
	NoCache  bool
}

// AddWebFlags binds w to the flags --<timeoutFlag>, --max-size,
// --cache-dir and --no-cache, with fetch's defaults; --max-size bounds
// every document read (files and standard input too) and is
// source.DefaultMaxBytes unless set. The fetch command
// calls its timeout --timeout; extract and summary, which have a
// --timeout-per-file already, call it --fetch-timeout.
func AddWebFlags(fs *pflag.FlagSet, w *WebOptions, timeoutFlag string) {
	w.MaxSize = source.DefaultMaxBytes
	cacheDir, _ := fetch.DefaultCacheDir() // none found: no cache unless asked
	fs.DurationVar(&w.Timeout, timeoutFlag, fetch.DefaultTimeout, "give up on a download attempt after `DURATION`")
	fs.Var(&w.MaxSize, "max-size", "refuse a document larger than `SIZE` (such as 500KB, 50MB)")
	fs.StringVar(&w.CacheDir, "cache-dir", cacheDir, "keep downloads in `DIR`, so that repeated runs ask only what changed")
	fs.BoolVar(&w.NoCache, "no-cache", false, "neither read nor write the download cache")
}

// Validate says what is wrong with the flags' values, as a FlagError.
func (w *WebOptions) Validate(timeoutFlag string) error {
	if w.Timeout <= 0 {
		return FlagErrorf("--%s must be more than 0", timeoutFlag)
	}
	if w.MaxSize <= 0 {
		return FlagErrorf("--max-size must be more than 0")
	}
	return nil
}

// NewClient builds the run's web client: one per run, shared by every
// download so that the per-host limit holds across them.
func (w *WebOptions) NewClient(version string) *fetch.Client {
	opts := fetch.Options{Version: version, Timeout: w.Timeout, MaxBytes: int64(w.MaxSize), CacheDir: w.CacheDir}
	if w.NoCache {
		opts.CacheDir = ""
	}
	return fetch.New(opts)
}

// Fetcher adapts c for package source. A response that could not be
// cached is still good; cacheErr hears why (it may be called from many
// goroutines at once).
func Fetcher(c *fetch.Client, cacheErr func(error)) source.Fetcher {
	return func(ctx context.Context, url string) ([]byte, string, error) {
		resp, err := c.Get(ctx, url)
		if err != nil {
			return nil, "", FetchReason(err)
		}
		if resp.CacheErr != nil && cacheErr != nil {
			cacheErr(resp.CacheErr)
		}
		return resp.Body, resp.FinalURL, nil
	}
}

// FetchReason drops the "get URL: " that fetch's errors begin with, for
// messages that name the URL already ("findings: URL: 404 Not Found").
// errors.Is and errors.As see the error as before.
func FetchReason(err error) error {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, "get ")
	if !ok {
		return err
	}
	i := strings.Index(rest, ": ")
	if i < 0 || strings.ContainsAny(rest[:i], " \t") {
		return err
	}
	return &reasonError{msg: rest[i+2:], err: err}
}

type reasonError struct {
	msg string
	err error
}

func (e *reasonError) Error() string { return e.msg }
func (e *reasonError) Unwrap() error { return e.err }

// firstError keeps the first of the errors it is told, from any goroutine.
type firstError struct {
	mu  sync.Mutex
	err error
}

func (f *firstError) set(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
}

func (f *firstError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// ByteSize is a flag value in bytes, written with an optional unit: B, KB,
// MB or GB (and K, M, G, KiB, MiB, GiB), each 1024 times the one before,
// as the sizes findings prints are.
type ByteSize int64

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

// Set parses "50MB", "512 KB", "1.5GB" or "1000".
func (b *ByteSize) Set(s string) error {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 || v*float64(mult) > 1<<62 {
		return fmt.Errorf("%q is not a size such as 500KB or 50MB", s)
	}
	*b = ByteSize(v * float64(mult))
	return nil
}

func (b *ByteSize) String() string { return HumanSize(int64(*b)) }

// Type names the value in usage lines.
func (b *ByteSize) Type() string { return "size" }

// HumanSize writes a byte count for people: "50 MB", "12 KB", "1.5 MB",
// "900 bytes".
func HumanSize(n int64) string {
	units := []struct {
		name string
		size int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}}
	for _, u := range units {
		if n < u.size {
			continue
		}
		if n%u.size == 0 || n >= 10*u.size {
			return fmt.Sprintf("%d %s", (n+u.size/2)/u.size, u.name)
		}
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/float64(u.size)), ".0") + " " + u.name
	}
	if n == 1 {
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}
