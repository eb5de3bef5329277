package fetch

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// baseDelay is the first backoff wait when the server gives no
// Retry-After; each later retry waits twice as long.
const baseDelay = time.Second

// retryable says whether a status is worth asking again: the server is
// busy or briefly broken. Other 5xx codes (501 Not Implemented, 505, 507,
// 508 ...) will not change on a second try.
func retryable(code int) bool {
	switch code {
	case http.StatusRequestTimeout, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an
// HTTP-date (RFC 9110 section 10.2.3). It returns 0 for an absent or
// unreadable value, and for a date already past.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		// Past about 290 years a Duration overflows; any such value is
		// far beyond every cap.
		if secs > int64(maxDuration/time.Second) {
			return maxDuration
		}
		return time.Duration(secs) * time.Second
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0
	}
	if d := t.Sub(now); d > 0 {
		return d
	}
	return 0
}

const maxDuration = time.Duration(1<<63 - 1)

// backoff is the wait before retry number n (0 for the first retry):
// baseDelay doubled n times, capped at max, then with "equal jitter" (a
// random point in the upper half) so that many clients refused together
// do not come back together.
func backoff(n int, max time.Duration) time.Duration {
	d := baseDelay
	for i := 0; i < n && d < max; i++ {
		d *= 2
	}
	if d > max {
		d = max
	}
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(half+1)
}

// sleep waits for d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
