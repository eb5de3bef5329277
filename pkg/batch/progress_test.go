package batch

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestBar(t *testing.T) {
	var out syncBuffer
	bar := NewBar(&out)
	bar.Start(3)
	bar.Done()
	bar.Writer().Write([]byte("findings: a.pdf: no text layer: scanned?\n"))
	bar.Done()
	bar.Done()
	bar.bar.Write() // draw now rather than on the next tick
	got := out.String()
	bar.Finish()
	for _, want := range []string{"\r\x1b[Kfindings: a.pdf: no text layer: scanned?\n", "\r3 / 3 files", "100.00%"} {
		if !strings.Contains(got, want) {
			t.Errorf("bar output lacks %q:\n%q", want, got)
		}
	}
}
