package fetch

import (
	"bytes"
	"net/http"
	"testing"
)

func TestEntryRoundTrip(t *testing.T) {
	in := &entry{
		URL: "https://example.org/r?a=1", FinalURL: "https://example.org/r2", Status: 200,
		Header: http.Header{"Etag": {`"x\ny"`}, "Content-Type": {"application/pdf"}},
		body:   []byte("%PDF-1.7\nline two\n"),
	}
	in.Size = len(in.body)
	data, err := encodeEntry(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := decodeEntry(data)
	if err != nil {
		t.Fatal(err)
	}
	if out.URL != in.URL || out.FinalURL != in.FinalURL || out.Header.Get("ETag") != `"x\ny"` || !bytes.Equal(out.body, in.body) {
		t.Errorf("round trip gave %+v", out)
	}
}

// FuzzDecodeEntry: whatever is on disk, reading it never panics, and what
// it accepts has the body length its metadata claims.
func FuzzDecodeEntry(f *testing.F) {
	good, _ := encodeEntry(&entry{URL: "https://x/", Status: 200, Header: http.Header{"Etag": {`"1"`}}, Size: 3, body: []byte("abc")})
	f.Add(good)
	f.Add([]byte("{}\n"))
	f.Add([]byte(`{"size":-1,"header":{"Etag":["1"]}}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := decodeEntry(data)
		if err == nil && e.Size != len(e.body) {
			t.Errorf("accepted size %d with %d bytes", e.Size, len(e.body))
		}
	})
}
