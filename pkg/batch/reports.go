package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/iostreams"
	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/source"
)

// ErrSilent means the failure has been reported on stderr already: exit 1
// with no more said.
var ErrSilent = errors.New("silent error")

// ErrInterrupted means the user stopped the run.
var ErrInterrupted = errors.New("interrupted")

// Reading says how a run reads its documents.
type Reading struct {
	IO        *iostreams.IOStreams
	Extractor func() (*extract.Extractor, error)
	// Source reads each document: standard input, the size bound, the
	// pdftotext found, the downloader of URLs.
	Source source.Options
	// CacheErr, when set, says what kept the downloads out of the cache:
	// a note at the end of the run.
	CacheErr func() error

	Args    []string
	Jobs    int
	Timeout time.Duration
	Quiet   bool
	Verbose bool
}

// Sink takes the reports of a run, in the order of the arguments.
type Sink struct {
	// Open is called once the documents are known, before the first is
	// read: the sink opens its output there, so that an output that
	// cannot be written fails at once.
	Open func(docs int) error
	// Add takes each report.
	Add func(*report.Report) error
	// Close is called once after a successful Open: with nil after the
	// last report, it finishes the output; with the error that stopped
	// the run, it discards it.
	Close func(failed error) error
	// Output names the file the sink writes, for the message of an
	// interrupted run; "" or "-" for standard output.
	Output string
}

// Reports reads every document the arguments name, extracts its report
// and hands it to the sink, in the order of the arguments, with up to Jobs
// documents in progress. A document that cannot be read or extracted is
// reported on stderr ("findings: PATH: reason") and the run goes on; with
// more than one document a closing line counts reports and failures. It
// returns ErrSilent when a document failed, ErrInterrupted when ctx was
// cancelled (the sink having discarded its output), or the error that
// stopped it.
func Reports(ctx context.Context, rd Reading, sink Sink) error {
	x, err := rd.Extractor()
	if err != nil {
		return err
	}
	inputs, skipped := source.Expand(rd.Args, rd.Source)

	var bar *Bar
	stderr := rd.IO.ErrOut
	if rd.IO.IsStderrTTY() && !rd.Quiet && len(inputs) > 1 {
		bar = NewBar(rd.IO.ErrOut)
		stderr = bar.Writer()
	}
	noteSkipped(stderr, skipped, rd.Verbose, rd.Quiet)
	if len(inputs) == 0 {
		return fmt.Errorf("%s: no documents to read (text, PDF or HTML)", strings.Join(rd.Args, ", "))
	}
	if err := sink.Open(len(inputs)); err != nil {
		return err
	}

	type done struct {
		rep *report.Report
		via string
	}
	work := func(ctx context.Context, i int) (done, error) {
		doc, err := inputs[i].Load(ctx, rd.Source)
		if err != nil {
			return done{}, err
		}
		rep, err := x.Extract(ctx, doc.Document)
		if err != nil {
			return done{}, err
		}
		return done{rep: rep, via: doc.Via}, nil
	}
	failed, finished, toldPdftotext := 0, 0, false
	emit := func(r Result[done]) error {
		finished++
		name := inputs[r.Index].Name
		if r.Err != nil {
			failed++
			fmt.Fprintf(stderr, "findings: %s\n", perFile(name, r.Err))
			return nil
		}
		if r.Value.via == source.ViaPdftotext && (rd.Verbose || !toldPdftotext) && !rd.Quiet {
			if rd.Verbose {
				fmt.Fprintf(stderr, "findings: %s: read with pdftotext\n", name)
			} else {
				fmt.Fprintf(stderr, "findings: note: reading with pdftotext the PDFs the built-in reader cannot read (first: %s)\n", name)
			}
			toldPdftotext = true
		}
		if err := sink.Add(r.Value.rep); err != nil {
			return &writeError{err}
		}
		return nil
	}
	var progress Progress
	if bar != nil {
		progress = bar
	}
	err = Run(ctx, len(inputs), Options{Jobs: rd.Jobs, Timeout: rd.Timeout, Progress: progress}, work, emit)
	if err != nil {
		sink.Close(err)
		if ctx.Err() != nil {
			fmt.Fprintf(rd.IO.ErrOut, "findings: interrupted after %d of %d documents (%d failed)%s\n", finished, len(inputs), failed, discarded(sink.Output))
			return ErrInterrupted
		}
		var werr *writeError
		if errors.As(err, &werr) {
			return werr.err
		}
		return err
	}
	if err := sink.Close(nil); err != nil {
		return err
	}
	if rd.CacheErr != nil && !rd.Quiet {
		if err := rd.CacheErr(); err != nil {
			fmt.Fprintf(rd.IO.ErrOut, "findings: note: could not keep downloads in the cache: %v\n", err)
		}
	}
	if len(inputs) > 1 && (!rd.Quiet || failed > 0) {
		fmt.Fprintf(rd.IO.ErrOut, "findings: %d reports, %d failed\n", len(inputs)-failed, failed)
	}
	if failed > 0 {
		return ErrSilent
	}
	return nil
}

// perFile is the one line that says why a document failed.
func perFile(name string, err error) string {
	var serr *source.Error
	if errors.As(err, &serr) {
		return serr.Error()
	}
	return name + ": " + err.Error()
}

func discarded(output string) string {
	if output == "" || output == "-" {
		return ""
	}
	return "; " + output + " not written"
}

// writeError is a failure to write output: it stops the run, unlike a bad
// document.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// noteSkipped says what was left out: each file with verbose, else a count.
func noteSkipped(w io.Writer, skipped []source.Skipped, verbose, quiet bool) {
	switch {
	case len(skipped) == 0:
	case verbose:
		for _, s := range skipped {
			fmt.Fprintf(w, "findings: skipped %s: %s\n", s.Path, s.Reason)
		}
	case !quiet:
		noun := "files"
		if len(skipped) == 1 {
			noun = "file"
		}
		fmt.Fprintf(w, "findings: skipped %d %s (hidden, binary, data, code or a README); --verbose lists them\n", len(skipped), noun)
	}
}
