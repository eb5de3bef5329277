package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A file larger than the limit is refused from its size, before a byte of
// it is read: a sparse file of 1 GB costs neither time nor memory.
func TestLoadRefusesLargeFileUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("Inspection of Fenbury\n\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ins, _ := Expand([]string{path}, Options{})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = ins[0].Load(context.Background(), Options{})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if want := path + ": file too large: 1 GB, more than 50 MB"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("allocated %d bytes to refuse it", n)
	}
}

// Standard input has no size: it is read up to the limit and no further.
func TestLoadLargeStdin(t *testing.T) {
	r := &countingReader{r: strings.NewReader(strings.Repeat("x", 5000))}
	ins, _ := Expand([]string{"-"}, Options{Stdin: r})
	_, err := ins[0].Load(context.Background(), Options{MaxBytes: 1000})
	if !errors.Is(err, ErrTooLarge) || err.Error() != "-: file too large: more than 1000 bytes" {
		t.Fatalf("err = %v", err)
	}
	if r.n > 1001+512 {
		t.Errorf("read %d bytes of a stream over a limit of 1000", r.n)
	}
}

type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	if len(p) > 512 {
		p = p[:512]
	}
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{
		10: "10 bytes", 1 << 10: "1 KB", 1536: "1.5 KB", 50 << 20: "50 MB",
		100_000_000: "95.4 MB", 1 << 30: "1 GB",
	} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
