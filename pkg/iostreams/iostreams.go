// Package iostreams carries the standard streams and what is known about
// them: whether each is a terminal, its width, whether colour is wanted.
// Data goes to Out; progress, hints and per-file errors go to ErrOut.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the streams a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY, stdoutTTY, stderrTTY bool
	color                          bool
	width                          int
}

// System returns the process's streams. FINDINGS_FORCE_TTY=1 makes them
// behave as terminals (for tests and for `script`-less captures);
// NO_COLOR turns colour off.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	s.stdinTTY = term.IsTerminal(int(os.Stdin.Fd()))
	s.stdoutTTY = term.IsTerminal(int(os.Stdout.Fd()))
	s.stderrTTY = term.IsTerminal(int(os.Stderr.Fd()))
	if os.Getenv("FINDINGS_FORCE_TTY") != "" {
		s.stdoutTTY, s.stderrTTY = true, true
	}
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
		s.width = w
	} else if s.stdoutTTY {
		s.width = 100
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	s.color = s.stdoutTTY && !noColor && os.Getenv("TERM") != "dumb"
	return s
}

// Test returns streams backed by buffers, none of them a terminal.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// ColorEnabled reports whether output may use ANSI colour.
func (s *IOStreams) ColorEnabled() bool { return s.color }

// TerminalWidth is the width of the output terminal, or 0.
func (s *IOStreams) TerminalWidth() int { return s.width }

// SetTTY sets what the streams claim to be, for tests.
func (s *IOStreams) SetTTY(stdin, stdout, stderr bool) {
	s.stdinTTY, s.stdoutTTY, s.stderrTTY = stdin, stdout, stderr
}

// SetColor turns colour on or off, for tests.
func (s *IOStreams) SetColor(on bool) { s.color = on }

// SetWidth sets the terminal width, for tests.
func (s *IOStreams) SetWidth(w int) { s.width = w }
