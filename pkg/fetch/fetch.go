package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults for the zero Options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 50 << 20
	DefaultMaxRedirects = 10
	DefaultRetries      = 3
	DefaultMaxWait      = 30 * time.Second
	DefaultPerHost      = 2
)

// Options bound what a Client does. The zero value is usable: a zero
// field, or a negative one where a negative means nothing, takes its
// default.
type Options struct {
	// Version is the tool's version, named in the default User-Agent.
	Version string
	// UserAgent replaces the default
	// "findings/<Version> (+https://github.com/findings/findings)".
	UserAgent string
	// Timeout bounds one attempt: connecting, following redirects and
	// reading the whole body (0: DefaultTimeout). Waiting for a per-host
	// slot and waiting between retries are not counted; ctx bounds those.
	Timeout time.Duration
	// MaxBytes is the longest body accepted (0: DefaultMaxBytes). A longer
	// body is an error wrapping ErrTooLarge.
	MaxBytes int64
	// MaxRedirects is how many redirects are followed (0:
	// DefaultMaxRedirects; negative: none).
	MaxRedirects int
	// Retries is how many times a 408, 429, 500, 502, 503 or 504 is asked
	// again (0: DefaultRetries; negative: never).
	Retries int
	// MaxWait caps the wait before a retry (0: DefaultMaxWait). A server
	// whose Retry-After asks for longer is not retried early against its
	// wish: Get returns its StatusError at once.
	MaxWait time.Duration
	// PerHost is how many requests run at once against one host (host and
	// port of the URL asked for; 0: DefaultPerHost).
	PerHost int
	// CacheDir holds responses for conditional requests; "" turns the
	// cache off. See DefaultCacheDir.
	CacheDir string
	// Transport makes the requests (nil: a clone of
	// http.DefaultTransport).
	Transport http.RoundTripper
	// Now tells the time, to read Retry-After dates (nil: time.Now).
	Now func() time.Time
	// Sleep waits between retries and must return early, with an error,
	// when ctx ends (nil: a timer). Tests replace it to record the waits.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Response is a downloaded page or file.
type Response struct {
	// URL is the URL asked for.
	URL string
	// FinalURL is the URL that answered, after redirects; relative links
	// in the body resolve against it.
	FinalURL string
	// Status is the HTTP status code of the content (200 even when a 304
	// let it be served from the cache).
	Status int
	// Header is the response's header: Content-Type, Last-Modified, ETag.
	Header http.Header
	// Body is the whole body, decompressed if the server sent it gzipped,
	// at most Options.MaxBytes long.
	Body []byte
	// FromCache is true when the server answered 304 Not Modified and Body
	// came from the cache.
	FromCache bool
	// CacheErr is why the response could not be stored in the cache, or
	// nil. The response is good either way; a caller may warn.
	CacheErr error
}

// Client downloads pages and files within the limits of its Options. It is
// safe for concurrent use.
type Client struct {
	http         *http.Client
	userAgent    string
	timeout      time.Duration
	maxBytes     int64
	maxRedirects int
	retries      int
	maxWait      time.Duration
	hosts        *hosts
	cache        *cache
	now          func() time.Time
	sleep        func(context.Context, time.Duration) error
}

// errTimedOut marks an attempt's own deadline, to tell it apart from the
// caller's ctx ending.
var errTimedOut = errors.New("fetch timeout")

// New returns a Client with opts' limits.
func New(opts Options) *Client {
	c := &Client{
		userAgent:    opts.UserAgent,
		timeout:      positiveOr(opts.Timeout, DefaultTimeout),
		maxBytes:     positiveOr(opts.MaxBytes, DefaultMaxBytes),
		maxRedirects: positiveOr(opts.MaxRedirects, DefaultMaxRedirects),
		retries:      positiveOr(opts.Retries, DefaultRetries),
		maxWait:      positiveOr(opts.MaxWait, DefaultMaxWait),
		hosts:        newHosts(positiveOr(opts.PerHost, DefaultPerHost)),
		now:          opts.Now,
		sleep:        opts.Sleep,
	}
	if c.userAgent == "" {
		v := opts.Version
		if v == "" {
			v = "dev"
		}
		c.userAgent = "findings/" + v + " (+https://github.com/findings/findings)"
	}
	// For these two, negative means "none" rather than "default".
	if opts.MaxRedirects < 0 {
		c.maxRedirects = 0
	}
	if opts.Retries < 0 {
		c.retries = 0
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.sleep == nil {
		c.sleep = sleep
	}
	if opts.CacheDir != "" {
		c.cache = &cache{dir: opts.CacheDir}
	}
	tr := opts.Transport
	if tr == nil {
		tr = http.DefaultTransport.(*http.Transport).Clone()
	}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	return c
}

func positiveOr[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := checkScheme(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), err)
	}
	if len(via) > c.maxRedirects {
		return fmt.Errorf("%w: stopped after %d", ErrTooManyRedirects, c.maxRedirects)
	}
	return nil
}

func checkScheme(u *url.URL) error {
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return errors.New("url has no host")
		}
		return nil
	case "":
		return fmt.Errorf("%w: none given (want http or https)", ErrScheme)
	}
	return fmt.Errorf("%w %q (want http or https)", ErrScheme, u.Scheme)
}

// Get downloads rawURL. It follows redirects, retries a busy or briefly
// broken server, and, with a cache, asks only for what has changed.
// A final non-2xx answer is a *StatusError; other errors say what
// failed and wrap ErrScheme, ErrTooLarge, ErrTooManyRedirects, a
// *TimeoutError, or ctx's error when ctx ended first.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("get %s: %w", redactRaw(rawURL), err)
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("get %s: invalid url: %w", redactRaw(rawURL), err)
	}
	name := u.Redacted()
	if err := checkScheme(u); err != nil {
		return nil, fmt.Errorf("get %s: %w", name, err)
	}
	// The fragment never goes to the server; it must not split the cache.
	u.Fragment, u.RawFragment = "", ""

	var stored *entry
	if c.cache != nil {
		stored = c.cache.load(u.String())
	}
	for retry := 0; ; retry++ {
		resp, err := c.attempt(ctx, u, name, stored)
		if err == nil {
			resp.URL = rawURL
			return resp, nil
		}
		var se *StatusError
		if !errors.As(err, &se) || !retryable(se.Code) || retry >= c.retries {
			return nil, err
		}
		wait := se.RetryAfter
		if wait > c.maxWait {
			return nil, err
		}
		if wait == 0 {
			wait = backoff(retry, c.maxWait)
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("get %s: waiting to retry after %d: %w", name, se.Code, err)
		}
	}
}

// attempt makes one request, redirects included, within the timeout.
func (c *Client) attempt(ctx context.Context, u *url.URL, name string, stored *entry) (*Response, error) {
	release, err := c.hosts.acquire(ctx, u.Host)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", name, err)
	}
	defer release()

	actx, cancel := context.WithTimeoutCause(ctx, c.timeout, errTimedOut)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", name, err)
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	stored.condition(req.Header)

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", name, c.reason(actx, err))
	}
	defer resp.Body.Close()

	final := resp.Request.URL.String()
	switch {
	case resp.StatusCode == http.StatusNotModified && stored != nil:
		return stored.response(final, resp.Header), nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Read a little so the connection can be reused, not the rest.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		se := &StatusError{
			URL:        name,
			Code:       resp.StatusCode,
			RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), c.now()),
		}
		if final != u.String() {
			se.Final = resp.Request.URL.Redacted()
		}
		return nil, se
	}

	body, err := c.read(resp)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", name, c.reason(actx, err))
	}
	r := &Response{
		FinalURL: final,
		Status:   resp.StatusCode,
		Header:   resp.Header,
		Body:     body,
	}
	if c.cache != nil {
		r.CacheErr = c.cache.store(u.String(), r)
	}
	return r, nil
}

// read reads the whole body, or fails with ErrTooLarge as soon as it is
// known to be longer than maxBytes: from Content-Length before reading,
// else after reading maxBytes+1.
func (c *Client) read(resp *http.Response) ([]byte, error) {
	if resp.ContentLength > c.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %s", ErrTooLarge, resp.ContentLength, size(c.maxBytes))
	}
	var buf bytes.Buffer
	if resp.ContentLength > 0 {
		buf.Grow(int(resp.ContentLength))
	}
	n, err := buf.ReadFrom(io.LimitReader(resp.Body, c.maxBytes+1))
	if err != nil {
		return nil, err
	}
	if n > c.maxBytes {
		return nil, fmt.Errorf("%w: more than %s", ErrTooLarge, size(c.maxBytes))
	}
	return buf.Bytes(), nil
}

// reason turns what net/http returned into why the attempt failed: the
// timeout, the caller's ctx, or the transport's own error without the
// `Get "url":` prefix that the caller's message already carries.
func (c *Client) reason(actx context.Context, err error) error {
	if context.Cause(actx) == errTimedOut {
		return &TimeoutError{After: c.timeout}
	}
	// Canceled or DeadlineExceeded, as the caller's ctx ended, so that
	// errors.Is works whatever cause the caller gave.
	if err := actx.Err(); err != nil {
		return err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// redactRaw hides the password in a URL that url.Parse refused, as
// url.URL.Redacted does for one it accepted.
func redactRaw(raw string) string {
	_, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	authority, _, _ := strings.Cut(rest, "/")
	userinfo, _, ok := strings.Cut(authority, "@")
	if !ok {
		return raw
	}
	user, _, ok := strings.Cut(userinfo, ":")
	if !ok {
		return raw
	}
	return strings.Replace(raw, userinfo+"@", user+":xxxxx@", 1)
}
