package cmdutil

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// OpenOutput returns where output goes: stdout, or with a path a temporary
// file beside it. commit(nil) renames the temporary file into place;
// commit(err) removes it, so that an interrupted run never leaves half a
// file behind.
func OpenOutput(stdout io.Writer, path string) (w io.Writer, commit func(error) error, err error) {
	if path == "" || path == "-" {
		return stdout, func(error) error { return nil }, nil
	}
	// said now, not when the run is done and the rename fails
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, nil, fmt.Errorf("output %s: is a directory", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, fmt.Errorf("output %s: %w", path, err)
	}
	done := false
	commit = func(failed error) error {
		if done {
			return nil
		}
		done = true
		if failed != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			return nil
		}
		// a temporary file is private (0600); the output is an ordinary file
		if err := tmp.Chmod(0o644); err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			return fmt.Errorf("output %s: %w", path, err)
		}
		if err := tmp.Close(); err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("output %s: %w", path, err)
		}
		if err := os.Rename(tmp.Name(), path); err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("output %s: %w", path, err)
		}
		return nil
	}
	return tmp, commit, nil
}
