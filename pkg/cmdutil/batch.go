package cmdutil

import (
	"io"
	"os/exec"
	"time"

	"github.com/findings/findings/pkg/batch"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/format"
	"github.com/findings/findings/pkg/iostreams"
	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/source"
)

// DefaultTimeout is the time one document may take by default.
const DefaultTimeout = 60 * time.Second

// Reading is how a command with these flags reads args: pdftotext when it
// is installed, URLs through the web flags' client.
func (b *BatchFlags) Reading(ios *iostreams.IOStreams, x func() (*extract.Extractor, error), version string, args []string) batch.Reading {
	rd := batch.Reading{
		IO: ios, Extractor: x, Args: args, Jobs: b.Jobs, Timeout: b.Timeout, Quiet: b.Quiet, Verbose: b.Verbose,
		Source: source.Options{Stdin: ios.In, MaxBytes: int64(b.Web.MaxSize)},
	}
	if p, err := exec.LookPath("pdftotext"); err == nil {
		rd.Source.Pdftotext = p
	}
	var cacheErr firstError
	rd.Source.Fetch = Fetcher(b.Web.NewClient(version), cacheErr.set)
	rd.CacheErr = cacheErr.get
	return rd
}

// NewWriter makes the writer for a run of docs documents.
type NewWriter func(out io.Writer, docs int) (format.Writer, error)

// WriterSink writes a run's reports with the writer that newWriter makes,
// to output (atomically: all or nothing) or, when output is "" or "-", to
// stdout. When own says so for the number of documents, the writer writes
// output itself (a database, a folder of pages): newWriter gets no stream
// and returns a format.FileWriter, which the sink aborts on failure. A
// writer that newWriter refuses is a usage mistake (a *FlagError), but for
// one that writes its own output.
func WriterSink(stdout io.Writer, output string, own func(docs int) bool, newWriter NewWriter) batch.Sink {
	var (
		w      format.Writer
		commit func(error) error
	)
	return batch.Sink{
		Output: output,
		Open: func(docs int) error {
			owned := own != nil && own(docs)
			var out io.Writer
			commit = func(error) error { return nil }
			if !owned {
				var err error
				if out, commit, err = OpenOutput(stdout, output); err != nil {
					return err
				}
			}
			var err error
			if w, err = newWriter(out, docs); err != nil {
				commit(err)
				if owned { // the output cannot be written: not a usage mistake
					return err
				}
				return &FlagError{Err: err}
			}
			if fw, ok := w.(format.FileWriter); owned && ok {
				commit = func(failed error) error {
					if failed != nil {
						fw.Abort()
					}
					return nil
				}
			}
			return nil
		},
		Add: func(r *report.Report) error { return w.Write(r) },
		Close: func(failed error) error {
			if failed == nil {
				failed = w.Close()
				if failed != nil {
					commit(failed)
					return failed
				}
			}
			return commit(failed)
		},
	}
}

// TallySink hands each report to add and, once every document is read,
// has write write what they added up to, to output (atomically) or
// stdout. check says, before any document is read, whether the output can
// be written: its error is a usage mistake.
func TallySink(stdout io.Writer, output string, check func() error, add func(*report.Report), write func(io.Writer) error) batch.Sink {
	return WriterSink(stdout, output, nil, func(out io.Writer, docs int) (format.Writer, error) {
		if err := check(); err != nil {
			return nil, err
		}
		return &tally{add: add, end: func() error { return write(out) }}, nil
	})
}

// tally is a format.Writer that adds reports up and writes at the end.
type tally struct {
	add func(*report.Report)
	end func() error
}

func (t *tally) Write(r *report.Report) error { t.add(r); return nil }
func (t *tally) Close() error                 { return t.end() }
