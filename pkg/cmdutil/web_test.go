package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/findings/findings/pkg/fetch"
)

func TestByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  bool
	}{
		{"1000", 1000, false},
		{"50MB", 50 << 20, false},
		{"50 mb", 50 << 20, false},
		{"512KB", 512 << 10, false},
		{"512k", 512 << 10, false},
		{"1.5MiB", 3 << 19, false},
		{"2G", 2 << 30, false},
		{"10B", 10, false},
		{"", 0, true},
		{"MB", 0, true},
		{"-1MB", 0, true},
		{"ten", 0, true},
		{"5TB", 0, true},
	}
	for _, tt := range tests {
		var b ByteSize
		err := b.Set(tt.in)
		if (err != nil) != tt.err || (err == nil && int64(b) != tt.want) {
			t.Errorf("Set(%q) = %d, %v; want %d (error %v)", tt.in, b, err, tt.want, tt.err)
		}
	}
}

func TestHumanSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"}, {1, "1 byte"}, {900, "900 bytes"}, {1024, "1 KB"}, {1536, "1.5 KB"},
		{12 << 10, "12 KB"}, {12*1024 + 300, "12 KB"}, {50 << 20, "50 MB"}, {3 << 19, "1.5 MB"}, {1 << 30, "1 GB"},
	}
	for _, tt := range tests {
		if got := HumanSize(tt.n); got != tt.want {
			t.Errorf("HumanSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestFetchReason(t *testing.T) {
	se := &fetch.StatusError{URL: "http://127.0.0.1:8080/missing.pdf", Code: 404}
	tests := []struct {
		err  error
		want string
	}{
		{se, "404 Not Found"},
		{fmt.Errorf("get http://[::1]:80/x: %w", fetch.ErrTooLarge), "response too large"},
		{fmt.Errorf("get http://x/a b: %w", fetch.ErrTooLarge), "get http://x/a b: response too large"},
		{errors.New("something else"), "something else"},
	}
	for _, tt := range tests {
		got := FetchReason(tt.err)
		if got.Error() != tt.want {
			t.Errorf("FetchReason(%q) = %q, want %q", tt.err, got, tt.want)
		}
		if !errors.Is(got, tt.err) {
			t.Errorf("FetchReason(%q) does not wrap it", tt.err)
		}
	}
	var target *fetch.StatusError
	if !errors.As(FetchReason(se), &target) || target.Code != 404 {
		t.Error("errors.As does not find the StatusError")
	}
	if !errors.Is(FetchReason(fmt.Errorf("get http://x/: %w", context.Canceled)), context.Canceled) {
		t.Error("errors.Is does not find context.Canceled")
	}
}
