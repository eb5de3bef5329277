package fetch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// DefaultCacheDir is where responses are cached unless the user says
// otherwise: "findings" under the user's cache directory
// ($XDG_CACHE_HOME or ~/.cache on Linux).
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find cache directory: %w", err)
	}
	return filepath.Join(dir, "findings"), nil
}

// cache keeps one file per URL asked for, named by the URL's SHA-256, so
// that a later run can ask "has this changed?" instead of downloading it
// again. It is not an HTTP cache with freshness rules: every Get still
// asks the server, and only the body is saved.
//
// A file is a JSON line of metadata, then the body. It is written to a
// temporary file and renamed into place, so a reader sees a whole entry
// or none; an entry that does not read back whole is treated as absent.
type cache struct {
	dir string
}

// entry is one cached response.
type entry struct {
	URL      string      `json:"url"`
	FinalURL string      `json:"final_url"`
	Status   int         `json:"status"`
	Header   http.Header `json:"header"`
	Size     int         `json:"size"`
	body     []byte
}

func (c *cache) path(key string) string {
	sum := sha256.Sum256([]byte(key))
	h := hex.EncodeToString(sum[:])
	// A level of two-character folders keeps any one folder small.
	return filepath.Join(c.dir, h[:2], h)
}

// load returns the entry for key, or nil if there is none worth using.
func (c *cache) load(key string) *entry {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil
	}
	e, err := decodeEntry(data)
	if err != nil || e.URL != key {
		return nil
	}
	return e
}

var errBadEntry = errors.New("bad cache entry")

func decodeEntry(data []byte) (*entry, error) {
	meta, body, ok := bytes.Cut(data, []byte{'\n'})
	if !ok {
		return nil, errBadEntry
	}
	var e entry
	if err := json.Unmarshal(meta, &e); err != nil {
		return nil, errBadEntry
	}
	if e.Size != len(body) || (e.Header.Get("ETag") == "" && e.Header.Get("Last-Modified") == "") {
		return nil, errBadEntry
	}
	e.body = body
	return &e, nil
}

func encodeEntry(e *entry) ([]byte, error) {
	meta, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	// json.Marshal escapes newlines inside strings, so the first '\n'
	// ends the metadata.
	out := make([]byte, 0, len(meta)+1+len(e.body))
	out = append(out, meta...)
	out = append(out, '\n')
	return append(out, e.body...), nil
}

// store saves r under key if a later request could be made conditional
// on it: a 200 with an ETag or Last-Modified, not marked no-store.
func (c *cache) store(key string, r *Response) error {
	if r.Status != http.StatusOK ||
		(r.Header.Get("ETag") == "" && r.Header.Get("Last-Modified") == "") ||
		noStore(r.Header) {
		return nil
	}
	h := r.Header.Clone()
	h.Del("Set-Cookie")
	data, err := encodeEntry(&entry{URL: key, FinalURL: r.FinalURL, Status: r.Status, Header: h, Size: len(r.Body), body: r.Body})
	if err != nil {
		return fmt.Errorf("cache %s: %w", key, err)
	}
	if err := writeAtomic(c.path(key), data); err != nil {
		return fmt.Errorf("cache %s: %w", key, err)
	}
	return nil
}

func noStore(h http.Header) bool {
	for _, v := range h.Values("Cache-Control") {
		for _, d := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(d), "no-store") {
				return true
			}
		}
	}
	return false
}

// writeAtomic writes data to path by way of a temporary file in the same
// folder and a rename, so that a crash or a concurrent writer never leaves
// half a file under path.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// condition adds the headers that let the server answer 304 Not Modified.
// A nil entry adds nothing.
func (e *entry) condition(h http.Header) {
	if e == nil {
		return
	}
	if v := e.Header.Get("ETag"); v != "" {
		h.Set("If-None-Match", v)
	}
	if v := e.Header.Get("Last-Modified"); v != "" {
		h.Set("If-Modified-Since", v)
	}
}

// response is the cached response as a 304 confirms it. The 304's own
// validators and dates replace the stored ones (RFC 9111 section 4.3.4).
func (e *entry) response(final string, notModified http.Header) *Response {
	h := e.Header.Clone()
	for _, k := range []string{"ETag", "Last-Modified", "Date", "Expires", "Cache-Control"} {
		if v := notModified.Values(k); len(v) > 0 {
			h[k] = v
		}
	}
	return &Response{
		FinalURL:  final,
		Status:    e.Status,
		Header:    h,
		Body:      e.body,
		FromCache: true,
	}
}
