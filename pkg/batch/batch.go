package batch

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"time"
)

// Options say how to run.
type Options struct {
	// Jobs is how many items are worked on at once (<= 0: the number of
	// CPUs).
	Jobs int
	// Timeout bounds the work on one item (0: no bound). An item that
	// runs over fails with a *TimeoutError.
	Timeout time.Duration
	// Progress, when set, hears of each item done.
	Progress Progress
}

// Progress follows a run.
type Progress interface {
	// Start is called once, with the number of items.
	Start(total int)
	// Done is called as each item's result is handed on, in order.
	Done()
	// Finish is called once at the end of the run, whatever its outcome.
	Finish()
}

// Result is one item's outcome.
type Result[T any] struct {
	// Index is the item's position in the input.
	Index int
	Value T
	Err   error
}

// PanicError is a panic in the work on one item, turned into that item's
// error so that the run goes on.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("internal error: panic: %v", e.Value) }

// TimeoutError is an item whose work ran over Options.Timeout.
type TimeoutError struct{ After time.Duration }

func (e *TimeoutError) Error() string { return fmt.Sprintf("timed out after %s", e.After) }

// Is makes errors.Is(err, context.DeadlineExceeded) true.
func (e *TimeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// AheadPerJob bounds, per job, the items started and not yet emitted. Results
// wait for a slow item in a buffer of that size; the bound must be wide
// enough that the other jobs keep working meanwhile. With 2 per job, two jobs
// ran the bulk corpus (852 reports, of 1 to 147 KB) only 1.56 times as fast as
// one, as every long report stalled the other worker; a simulation of that
// schedule from the files' sizes gives 1.78x at 2 per job and 2.0x from 4.
const AheadPerJob = 8

// Run calls work for items 0 to n-1 on Options.Jobs goroutines and calls
// emit with each result in index order, from the calling goroutine. At most
// AheadPerJob*Jobs items are started and not yet emitted, so results wait
// for a slow item in a buffer of bounded size.
//
// A panic in work becomes that item's *PanicError. Run stops early when
// emit returns an error (and returns it) or when ctx is done (and returns
// ctx.Err()); work in progress is abandoned through its context.
func Run[T any](ctx context.Context, n int, opts Options, work func(ctx context.Context, i int) (T, error), emit func(Result[T]) error) error {
	if opts.Progress != nil {
		opts.Progress.Start(n)
		defer opts.Progress.Finish()
	}
	if n <= 0 {
		return ctx.Err()
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	jobs = min(jobs, n)
	window := AheadPerJob * jobs

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// slots holds a token for each item started and not yet emitted.
	slots := make(chan struct{}, window)
	next := make(chan int)
	// results never blocks a worker: no more than window items are out.
	results := make(chan Result[T], window)

	go func() {
		defer close(next)
		for i := range n {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	done := make(chan struct{})
	workers := jobs
	for range jobs {
		go func() {
			defer func() {
				done <- struct{}{}
			}()
			for i := range next {
				results <- one(ctx, i, opts.Timeout, work)
			}
		}()
	}
	// wait lets the workers see the cancelled context and return, so that
	// none outlives Run.
	wait := func() {
		cancel()
		for ; workers > 0; workers-- {
			<-done
		}
	}
	defer wait()

	pending := make(map[int]Result[T], window)
	for want := 0; want < n; {
		select {
		case r := <-results:
			pending[r.Index] = r
		case <-ctx.Done():
			return ctx.Err()
		}
		for {
			r, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			want++
			<-slots
			if err := emit(r); err != nil {
				return err
			}
			if opts.Progress != nil {
				opts.Progress.Done()
			}
		}
	}
	return nil
}

// one does the work on item i under its own deadline, turning a panic into
// an error. The work runs on its own goroutine so that an item that
// ignores its context (a library that cannot be interrupted) still gives
// way when its time is up; it then finishes in the background and its
// result is dropped.
func one[T any](ctx context.Context, i int, timeout time.Duration, work func(context.Context, int) (T, error)) Result[T] {
	ictx, cancel := ctx, context.CancelFunc(func() {})
	if timeout > 0 {
		ictx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	ch := make(chan Result[T], 1)
	go func() {
		r := Result[T]{Index: i}
		defer func() {
			if p := recover(); p != nil {
				r.Err = &PanicError{Value: p, Stack: debug.Stack()}
			}
			ch <- r
		}()
		r.Value, r.Err = work(ictx, i)
	}()
	select {
	case r := <-ch:
		if r.Err != nil && ctx.Err() == nil && errors.Is(ictx.Err(), context.DeadlineExceeded) {
			r.Err = &TimeoutError{After: timeout}
		}
		return r
	case <-ictx.Done():
		if ctx.Err() != nil {
			return Result[T]{Index: i, Err: ctx.Err()}
		}
		return Result[T]{Index: i, Err: &TimeoutError{After: timeout}}
	}
}
