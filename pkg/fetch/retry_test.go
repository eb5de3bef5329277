package fetch

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"5", 5 * time.Second},
		{" 120 ", 2 * time.Minute},
		{"-3", 0},
		{"1.5", 0},
		{"soon", 0},
		{"99999999999999999", maxDuration},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"Tuesday, 01-Apr-25 09:00:30 GMT", 30 * time.Second}, // RFC 850
		{"Tue Apr  1 09:00:10 2025", 10 * time.Second},        // asctime
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
	} {
		if got := parseRetryAfter(tc.in, now); got != tc.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"5", "", "-1", "Tue, 01 Apr 2025 09:00:00 GMT", "99999999999999999999"} {
		f.Add(s)
	}
	now := time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if d := parseRetryAfter(s, now); d < 0 {
			t.Errorf("parseRetryAfter(%q) = %v, negative", s, d)
		}
	})
}

func TestBackoff(t *testing.T) {
	for _, tc := range []struct {
		n        int
		max      time.Duration
		lo, hi   time.Duration
		describe string
	}{
		{0, 30 * time.Second, 500 * time.Millisecond, time.Second, "first retry"},
		{1, 30 * time.Second, time.Second, 2 * time.Second, "doubles"},
		{4, 30 * time.Second, 8 * time.Second, 16 * time.Second, "fifth"},
		{5, 30 * time.Second, 15 * time.Second, 30 * time.Second, "capped"},
		{200, 30 * time.Second, 15 * time.Second, 30 * time.Second, "no overflow"},
		{0, time.Nanosecond, time.Nanosecond, time.Nanosecond, "tiny cap"},
	} {
		for range 50 {
			if d := backoff(tc.n, tc.max); d < tc.lo || d > tc.hi {
				t.Errorf("%s: backoff(%d, %v) = %v, want in [%v, %v]", tc.describe, tc.n, tc.max, d, tc.lo, tc.hi)
				break
			}
		}
	}
}

func TestRetryable(t *testing.T) {
	for code, want := range map[int]bool{
		200: false, 304: false, 400: false, 403: false, 404: false, 410: false,
		408: true, 429: true, 500: true, 502: true, 503: true, 504: true,
		501: false, 505: false, 507: false,
	} {
		if retryable(code) != want {
			t.Errorf("retryable(%d) = %v", code, !want)
		}
	}
}

func TestSleepCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	start := time.Now()
	if err := sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("sleep = %v, want context.Canceled", err)
	}
	if time.Since(start) > 100*time.Millisecond {
		t.Errorf("sleep did not return at once")
	}
}

func TestHostsCancelled(t *testing.T) {
	h := newHosts(1)
	release, err := h.acquire(t.Context(), "Example.org")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	// Host names are case-insensitive; the slot is taken.
	if _, err := h.acquire(ctx, "example.ORG"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("acquire on a full host = %v, want DeadlineExceeded", err)
	}
	release()
	if r, err := h.acquire(t.Context(), "example.org"); err != nil {
		t.Errorf("acquire after release = %v", err)
	} else {
		r()
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		50 << 20: "50 MiB", 64 << 10: "64 KiB", 1536: "1536 bytes", 1000: "1000 bytes",
	} {
		if got := size(n); got != want {
			t.Errorf("size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestRedactRaw(t *testing.T) {
	for in, want := range map[string]string{
		"https://user:secret@example.org:port/x": "https://user:xxxxx@example.org:port/x",
		"https://user@example.org:port/x":        "https://user@example.org:port/x",
		"https://example.org:port/a@b":           "https://example.org:port/a@b",
		"not a url":                              "not a url",
	} {
		if got := redactRaw(in); got != want {
			t.Errorf("redactRaw(%q) = %q, want %q", in, got, want)
		}
	}
}
