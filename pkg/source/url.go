package source

import (
	"bytes"
	"context"
	"errors"
	"io"
)

// Fetcher downloads a URL within whatever limits the caller set and
// returns the body and the URL that answered after redirects. Its error
// follows the URL in messages ("https://x/r.pdf: 404 Not Found"), so it
// should not name the URL again.
//
// Source does not build HTTP clients: the command makes one per run
// (package fetch) and hands it in through Options.Fetch, and tests hand in
// a stub.
type Fetcher func(ctx context.Context, url string) (body []byte, finalURL string, err error)

// errNoFetcher is a URL argument where no Fetcher was given.
var errNoFetcher = errors.New("cannot read URLs here: no web client")

// IsURL reports whether a command-line argument is a URL rather than a
// path: a scheme, then "://". Schemes other than http and https count, so
// that "ftp://host/r.pdf" fails as an unsupported URL rather than as a
// missing file.
func IsURL(arg string) bool {
	i := 0
	for i < len(arg) {
		c := arg[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			break
		}
		i++
	}
	// Two letters at least, so that a Windows drive ("C://x") stays a path.
	return i >= 2 && len(arg) > i+3 && arg[i:i+3] == "://"
}

// urlInput is an input read by fetching it. Its name is the URL as given;
// the content, not the URL or the server's Content-Type, decides how it is
// read.
func urlInput(rawURL string, fetch Fetcher) Input {
	return Input{Name: rawURL, open: func(ctx context.Context) (io.ReadCloser, error) {
		if fetch == nil {
			return nil, errNoFetcher
		}
		body, _, err := fetch(ctx, rawURL)
		if err != nil {
			return nil, err
		}
		return io.NopCloser(bytes.NewReader(body)), nil
	}}
}
