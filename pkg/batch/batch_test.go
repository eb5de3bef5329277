package batch

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// jitter makes items finish out of order.
func jitter(i int) {
	time.Sleep(time.Duration(rand.IntN(3)) * time.Millisecond)
}

func TestRunKeepsInputOrder(t *testing.T) {
	for _, jobs := range []int{1, 2, 4, 16} {
		t.Run(fmt.Sprint("jobs=", jobs), func(t *testing.T) {
			const n = 200
			var got []int
			err := Run(context.Background(), n, Options{Jobs: jobs}, func(ctx context.Context, i int) (int, error) {
				jitter(i)
				return i * i, nil
			}, func(r Result[int]) error {
				if r.Value != r.Index*r.Index {
					t.Errorf("item %d got value %d", r.Index, r.Value)
				}
				got = append(got, r.Index)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := make([]int, n)
			for i := range want {
				want[i] = i
			}
			if !slices.Equal(got, want) {
				t.Errorf("emitted in order %v", got)
			}
		})
	}
}

// Behind a slow first item the other jobs go on until AheadPerJob*Jobs items
// are started and not emitted, and no further: results wait in a bounded
// buffer, and the bound is what the jobs may use.
func TestRunBoundsItemsInFlight(t *testing.T) {
	const jobs = 3
	var started, maxAhead atomic.Int64
	var emitted atomic.Int64
	release := make(chan struct{})
	go func() {
		// hold the first item until the window is full, then a little
		// longer: time for a worker to overstep the bound if it could
		give := time.Now().Add(5 * time.Second)
		for started.Load() < AheadPerJob*jobs && time.Now().Before(give) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond)
		close(release)
	}()
	err := Run(context.Background(), 100, Options{Jobs: jobs}, func(ctx context.Context, i int) (int, error) {
		started.Add(1)
		if ahead := started.Load() - emitted.Load(); ahead > maxAhead.Load() {
			maxAhead.Store(ahead)
		}
		if i == 0 {
			<-release // the first item is slow: the others pile up behind it
		}
		return i, nil
	}, func(r Result[int]) error {
		emitted.Add(1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if m := maxAhead.Load(); m != AheadPerJob*jobs {
		t.Errorf("%d items started ahead of emission, want %d", m, AheadPerJob*jobs)
	}
}

func TestRunTurnsPanicIntoError(t *testing.T) {
	var errs []string
	err := Run(context.Background(), 5, Options{Jobs: 2}, func(ctx context.Context, i int) (string, error) {
		if i == 2 {
			s := make([]int, i)
			_ = s[i] // a runtime error, as a bug in a stage would raise
		}
		return fmt.Sprint(i), nil
	}, func(r Result[string]) error {
		if r.Err != nil {
			errs = append(errs, fmt.Sprintf("%d: %v", r.Index, r.Err))
			var perr *PanicError
			if !errors.As(r.Err, &perr) || len(perr.Stack) == 0 {
				t.Errorf("error %v is not a *PanicError with a stack", r.Err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "2: internal error: panic: runtime error: index out of range [2] with length 2") {
		t.Errorf("errors %q", errs)
	}
}

func TestRunTimesOutOneItem(t *testing.T) {
	var got []string
	err := Run(context.Background(), 3, Options{Jobs: 2, Timeout: 30 * time.Millisecond}, func(ctx context.Context, i int) (int, error) {
		if i == 1 {
			time.Sleep(2 * time.Second) // ignores its context, like a PDF library
		}
		return i, nil
	}, func(r Result[int]) error {
		got = append(got, fmt.Sprint(r.Index, " ", r.Err))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"0 <nil>", "1 timed out after 30ms", "2 <nil>"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var emitted atomic.Int64
	start := time.Now()
	err := Run(ctx, 1000, Options{Jobs: 2}, func(ctx context.Context, i int) (int, error) {
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
		return i, nil
	}, func(r Result[int]) error {
		if emitted.Add(1) == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := emitted.Load(); n >= 1000 {
		t.Errorf("emitted %d after cancelling", n)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s to stop", d)
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	stop := errors.New("disk full")
	n := 0
	err := Run(context.Background(), 100, Options{Jobs: 4}, func(ctx context.Context, i int) (int, error) {
		return i, nil
	}, func(r Result[int]) error {
		n++
		if r.Index == 4 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("err %v after %d results, want %v after 5", err, n, stop)
	}
}

type countingProgress struct{ total, done, finished int }

func (p *countingProgress) Start(total int) { p.total = total }
func (p *countingProgress) Done()           { p.done++ }
func (p *countingProgress) Finish()         { p.finished++ }

func TestRunReportsProgress(t *testing.T) {
	p := &countingProgress{}
	err := Run(context.Background(), 7, Options{Jobs: 2, Progress: p}, func(ctx context.Context, i int) (int, error) {
		if i == 3 {
			return 0, errors.New("bad file")
		}
		return i, nil
	}, func(r Result[int]) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if *p != (countingProgress{total: 7, done: 7, finished: 1}) {
		t.Errorf("progress %+v", *p)
	}
}
