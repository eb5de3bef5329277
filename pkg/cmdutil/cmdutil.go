// Package cmdutil holds what the commands share: the Factory of their
// dependencies, the typed errors that decide exit codes, flag helpers.
package cmdutil

import (
	"fmt"
	"sync"

	"github.com/findings/findings/pkg/batch"
	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/iostreams"
)

// Exit codes.
const (
	ExitOK        = 0
	ExitError     = 1 // a document or the run failed
	ExitUsage     = 2 // bad flags or arguments
	ExitInterrupt = 130
)

// Factory hands commands their dependencies.
type Factory struct {
	IOStreams *iostreams.IOStreams
	Version   string
	// Extractor is built on first use and shared.
	Extractor func() (*extract.Extractor, error)
}

// NewFactory returns the factory for a real run.
func NewFactory(version string) *Factory {
	return &Factory{
		IOStreams: iostreams.System(),
		Version:   version,
		Extractor: sync.OnceValues(func() (*extract.Extractor, error) { return extract.New() }),
	}
}

// FlagError is a usage mistake: the command prints its usage and exits 2.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf makes a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ErrSilent means the failure has been reported on stderr already: exit 1
// and print nothing more. It is batch's, which the runs over documents
// return.
var ErrSilent = batch.ErrSilent

// ErrInterrupted means the user stopped the run.
var ErrInterrupted = batch.ErrInterrupted
