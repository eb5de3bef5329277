package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Why a request was refused or stopped. Errors returned by Get wrap these,
// so callers decide with errors.Is.
var (
	// ErrScheme: the URL is not http or https (file:, ftp:, a bare path).
	ErrScheme = errors.New("unsupported url scheme")
	// ErrTooLarge: the body is longer than Options.MaxBytes. A document cut
	// short would give wrong findings, so it is refused, not truncated.
	ErrTooLarge = errors.New("response too large")
	// ErrTooManyRedirects: the server sent more redirects than
	// Options.MaxRedirects, usually a loop.
	ErrTooManyRedirects = errors.New("too many redirects")
)

// StatusError is a final non-2xx answer: a 4xx, or a 429 or 5xx that
// retries did not cure.
type StatusError struct {
	// URL is the URL asked for, with any password redacted.
	URL string
	// Final is the URL that answered, when redirects led elsewhere;
	// otherwise "".
	Final string
	// Code is the HTTP status code.
	Code int
	// RetryAfter is what the server's Retry-After header asked for, or 0.
	// Get gives up without waiting when it is longer than Options.MaxWait.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("get %s: %d", e.URL, e.Code)
	if text := http.StatusText(e.Code); text != "" {
		msg += " " + text
	}
	if e.Final != "" {
		msg += " from " + e.Final
	}
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// TimeoutError is a request that ran past Options.Timeout. It matches
// context.DeadlineExceeded under errors.Is, so callers that only care
// "did it time out" need not know this type; the type is there to say
// which limit was hit.
type TimeoutError struct {
	// After is the limit that was exceeded.
	After time.Duration
}

func (e *TimeoutError) Error() string { return fmt.Sprintf("timed out after %s", e.After) }

// Is makes errors.Is(err, context.DeadlineExceeded) true.
func (e *TimeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// Timeout reports true, as net.Error does.
func (e *TimeoutError) Timeout() bool { return true }

// size writes a byte count the way a limit is usually set.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
