package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"

	"github.com/findings/findings/pkg/batch"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/fetch"
	"github.com/findings/findings/pkg/format"
	"github.com/findings/findings/pkg/iostreams"
	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/source"
)

// DefaultTimeout is the time one document may take by default.
const DefaultTimeout = 60 * time.Second

// BatchOptions are what the commands that read many documents share.
type BatchOptions struct {
	IO        *iostreams.IOStreams
	Extractor func() (*extract.Extractor, error)
	// LookPath finds pdftotext (exec.LookPath when nil).
	LookPath func(string) (string, error)
	// Web downloads the arguments that are URLs (nil: they fail).
	Web *fetch.Client

	Args    []string
	Output  string
	Jobs    int
	Timeout time.Duration
	// MaxBytes bounds each document (0: source.DefaultMaxBytes).
	MaxBytes int64
	Quiet    bool
	Verbose  bool
	// OwnOutput says, given the number of documents, whether the writer
	// writes Output itself (a database, a folder of pages): then newWriter
	// gets no stream and must return a format.FileWriter.
	OwnOutput func(docs int) bool
}

// NewWriter makes the writer for a run of docs documents.
type NewWriter func(out io.Writer, docs int) (format.Writer, error)

// RunBatch reads every document the arguments name, extracts its report
// and writes it, in the order of the arguments, with up to Jobs documents
// in progress. A document that cannot be read or extracted is reported on
// stderr ("findings: PATH: reason") and the run goes on; with more than one
// document a closing line counts reports and failures. It returns ErrSilent
// when a document failed, ErrInterrupted when ctx was cancelled (having
// removed a half-written --output file), or the error that stopped it.
func RunBatch(ctx context.Context, o *BatchOptions, newWriter NewWriter) error {
	x, err := o.Extractor()
	if err != nil {
		return err
	}
	srcOpts := source.Options{Stdin: o.IO.In, MaxBytes: o.MaxBytes}
	lookPath := o.LookPath
	if lookPath == nil {
		lookPath = exec.LookPath
	}
	if p, err := lookPath("pdftotext"); err == nil {
		srcOpts.Pdftotext = p
	}
	var cacheErr firstError
	if o.Web != nil {
		srcOpts.Fetch = Fetcher(o.Web, cacheErr.set)
	}
	inputs, skipped := source.Expand(o.Args, srcOpts)

	var bar *batch.Bar
	stderr := o.IO.ErrOut
	if o.IO.IsStderrTTY() && !o.Quiet && len(inputs) > 1 {
		bar = batch.NewBar(o.IO.ErrOut)
		stderr = bar.Writer()
	}
	noteSkipped(stderr, skipped, o.Verbose, o.Quiet)
	if len(inputs) == 0 {
		return fmt.Errorf("%s: no documents to read (text, PDF or HTML)", strings.Join(o.Args, ", "))
	}

	own := o.OwnOutput != nil && o.OwnOutput(len(inputs))
	var out io.Writer
	commit := func(error) error { return nil }
	if !own {
		if out, commit, err = OpenOutput(o.IO.Out, o.Output); err != nil {
			return err
		}
	}
	w, err := newWriter(out, len(inputs))
	if err != nil {
		commit(err)
		if own { // the output cannot be written: not a usage mistake
			return err
		}
		return &FlagError{Err: err}
	}
	if fw, ok := w.(format.FileWriter); own && ok {
		commit = func(failed error) error {
			if failed != nil {
				fw.Abort()
			}
			return nil
		}
	}

	type done struct {
		rep *report.Report
		via string
	}
	work := func(ctx context.Context, i int) (done, error) {
		doc, err := inputs[i].Load(ctx, srcOpts)
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
	emit := func(r batch.Result[done]) error {
		finished++
		name := inputs[r.Index].Name
		if r.Err != nil {
			failed++
			fmt.Fprintf(stderr, "findings: %s\n", perFile(name, r.Err))
			return nil
		}
		if r.Value.via == source.ViaPdftotext && (o.Verbose || !toldPdftotext) && !o.Quiet {
			if o.Verbose {
				fmt.Fprintf(stderr, "findings: %s: read with pdftotext\n", name)
			} else {
				fmt.Fprintf(stderr, "findings: note: reading with pdftotext the PDFs the built-in reader cannot read (first: %s)\n", name)
			}
			toldPdftotext = true
		}
		if err := w.Write(r.Value.rep); err != nil {
			return &writeError{err}
		}
		return nil
	}
	var progress batch.Progress
	if bar != nil {
		progress = bar
	}
	err = batch.Run(ctx, len(inputs), batch.Options{Jobs: o.Jobs, Timeout: o.Timeout, Progress: progress}, work, emit)
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		commit(err)
		if ctx.Err() != nil {
			fmt.Fprintf(o.IO.ErrOut, "findings: interrupted after %d of %d documents (%d failed)%s\n", finished, len(inputs), failed, discarded(o.Output))
			return ErrInterrupted
		}
		var werr *writeError
		if errors.As(err, &werr) {
			return werr.err
		}
		return err
	}
	if err := commit(nil); err != nil {
		return err
	}
	if err := cacheErr.get(); err != nil && !o.Quiet {
		fmt.Fprintf(o.IO.ErrOut, "findings: note: could not keep downloads in the cache: %v\n", err)
	}
	if len(inputs) > 1 && (!o.Quiet || failed > 0) {
		fmt.Fprintf(o.IO.ErrOut, "findings: %d reports, %d failed\n", len(inputs)-failed, failed)
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
