package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// DefaultMaxBytes is the largest document read unless the caller says
// otherwise.
const DefaultMaxBytes = 100 << 20

// Problems with a document's content.
var (
	ErrEmpty     = errors.New("empty file")
	ErrBinary    = errors.New("binary file, not text, PDF or HTML")
	ErrTooLarge  = errors.New("file too large")
	ErrDirectory = errors.New("is a directory")
)

// Error says which document failed and why.
type Error struct {
	Source string
	Err    error
}

func (e *Error) Error() string { return e.Source + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Input is a document to read: a file, stdin or (later) a URL. Inputs are
// read one at a time, when their turn comes, so that a batch holds only the
// documents in flight.
type Input struct {
	// Name is how the document is named in output and errors.
	Name string
	open func(ctx context.Context) (io.ReadCloser, error)
}

// Options bound what is read and how.
type Options struct {
	// MaxBytes is the largest document accepted (0: DefaultMaxBytes).
	MaxBytes int64
	// Stdin is read for the argument "-".
	Stdin io.Reader
	// Pdftotext is the path of poppler's pdftotext, which reads the PDFs
	// the built-in reader cannot when set.
	Pdftotext string
}

// Expand turns command-line arguments into inputs: "-" is standard input,
// anything else a file.
func Expand(args []string, opts Options) ([]Input, error) {
	var out []Input
	for _, a := range args {
		if a == "-" {
			stdin := opts.Stdin
			out = append(out, Input{Name: "-", open: func(context.Context) (io.ReadCloser, error) { return io.NopCloser(stdin), nil }})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, &Error{Source: a, Err: pathError(err)}
		}
		if st.IsDir() {
			return nil, &Error{Source: a, Err: ErrDirectory}
		}
		out = append(out, fileInput(a))
	}
	return out, nil
}

func fileInput(path string) Input {
	return Input{Name: path, open: func(context.Context) (io.ReadCloser, error) { return os.Open(path) }}
}

// pathError turns an os error into its short reason ("no such file").
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load reads an input into a document.
func (in Input) Load(ctx context.Context, opts Options) (Document, error) {
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	rc, err := in.open(ctx)
	if err != nil {
		return Document{}, &Error{Source: in.Name, Err: pathError(err)}
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return Document{}, &Error{Source: in.Name, Err: pathError(err)}
	}
	if int64(len(b)) > max {
		return Document{}, &Error{Source: in.Name, Err: fmt.Errorf("%w: more than %d MB", ErrTooLarge, max>>20)}
	}
	text, err := decodeText(b)
	if err != nil {
		return Document{}, &Error{Source: in.Name, Err: err}
	}
	return Document{Source: in.Name, Kind: Text, Text: text}, nil
}

// decodeText turns a text file's bytes into UTF-8: a byte-order mark is
// honoured (UTF-16 is decoded), bytes that are not UTF-8 are read as
// Windows-1252, and NUL bytes mean the file is binary.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], false)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], true)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", ErrEmpty
	}
	if bytes.IndexByte(b, 0) >= 0 || controlShare(b) > 0.05 {
		return "", ErrBinary
	}
	if !utf8.Valid(b) {
		s, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			return "", ErrBinary
		}
		b = s
	}
	return string(b), nil
}

func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 == 1 {
		b = b[:len(b)-1]
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if len(bytes.TrimSpace([]byte(s))) == 0 {
		return "", ErrEmpty
	}
	return s, nil
}

// controlShare is the share of bytes that are control characters other
// than white space: high in binary files.
func controlShare(b []byte) float64 {
	n := 0
	lim := min(len(b), 8192)
	for _, c := range b[:lim] {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			n++
		}
	}
	return float64(n) / float64(max(1, lim))
}
