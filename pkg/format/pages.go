package format

import "errors"

// NewPages is a stub.
func NewPages(dir string, opts Options) (FileWriter, error) { return nil, errors.New("todo") }
