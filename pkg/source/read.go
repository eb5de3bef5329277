package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/findings/findings/pkg/report"
)

// DefaultMaxBytes is the largest document read unless the caller says
// otherwise: a file, standard input or a download. Reports are a few MB at
// most; extraction holds up to 100 times a text's size in memory, so a
// larger text would need gigabytes, and spends 6 to 20 s on 10 MB.
const DefaultMaxBytes = 50 << 20

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

// Input is a document to read: a file, stdin or a URL. Inputs are
// read one at a time, when their turn comes, so that a batch holds only the
// documents in flight.
type Input struct {
	// Name is how the document is named in output and errors.
	Name string
	open func(ctx context.Context) (io.ReadCloser, error)
	// err is why the input could not even be found; Load reports it, so
	// that it fails in its place in the batch like any unreadable file.
	err error
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
	// Fetch downloads the arguments that are URLs (nil: they fail to
	// load). See Fetcher.
	Fetch Fetcher
}

// Skipped is a file found in a folder, or by a pattern, and left out.
type Skipped struct {
	Path   string
	Reason string
}

// Expand turns command-line arguments into inputs: "-" is standard input,
// a URL (see IsURL) is fetched with opts.Fetch, a folder is every file
// under it (recursively, in lexical order), a pattern is the files it
// matches, anything else a file. A named file is always read; files found
// in folders or by patterns are left out (and listed in skipped) when
// hidden, not text, PDF or HTML by their content, data or code by their
// extension (notReports), or the folder's README or licence.
// An argument that names nothing becomes an input that fails when loaded.
func Expand(args []string, opts Options) (inputs []Input, skipped []Skipped) {
	seen := map[string]bool{}
	add := func(in Input) {
		if in.err == nil && in.Name != "-" {
			key := in.Name
			if !IsURL(key) {
				key = filepath.Clean(key)
			}
			if seen[key] {
				return
			}
			seen[key] = true
		}
		inputs = append(inputs, in)
	}
	found := func(path string) {
		in, skip := foundFile(path)
		if skip != nil {
			skipped = append(skipped, *skip)
			return
		}
		add(in)
	}
	for _, a := range args {
		if a == "-" {
			stdin := opts.Stdin
			add(Input{Name: "-", open: func(context.Context) (io.ReadCloser, error) {
				if stdin == nil {
					return nil, errors.New("no standard input")
				}
				return io.NopCloser(stdin), nil
			}})
			continue
		}
		if IsURL(a) {
			add(urlInput(a, opts.Fetch))
			continue
		}
		st, err := os.Stat(a)
		switch {
		case err != nil && hasMeta(a):
			matches, gerr := filepath.Glob(a)
			if gerr != nil {
				add(Input{Name: a, err: fmt.Errorf("bad pattern: %w", gerr)})
				continue
			}
			if len(matches) == 0 {
				add(Input{Name: a, err: errNoMatch})
				continue
			}
			for _, m := range matches {
				if strings.HasPrefix(filepath.Base(m), ".") && !strings.HasPrefix(filepath.Base(a), ".") {
					// as a shell's * would not match it
					skipped = append(skipped, Skipped{Path: m, Reason: "hidden"})
					continue
				}
				if mst, err := os.Stat(m); err == nil && mst.IsDir() {
					walk(m, add, &skipped)
				} else {
					found(m)
				}
			}
		case err != nil:
			add(Input{Name: a, err: pathError(err)})
		case st.IsDir():
			walk(a, add, &skipped)
		default:
			add(fileInput(a))
		}
	}
	return inputs, skipped
}

var errNoMatch = errors.New("no file matches")

// hasMeta reports whether a path is a pattern for filepath.Glob.
func hasMeta(path string) bool {
	return strings.ContainsAny(path, `*?[`)
}

// walk adds the files under a folder. filepath.WalkDir does not follow
// symbolic links to folders, so a link loop cannot trap it; a folder that
// cannot be read becomes a failing input.
func walk(root string, add func(Input), skipped *[]Skipped) {
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator) // named on the command line: follow it
	}
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			add(Input{Name: path, err: pathError(err)})
			return nil // for a folder: go on without its contents
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			*skipped = append(*skipped, Skipped{Path: path, Reason: "hidden"})
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		in, skip := foundFile(path)
		if skip != nil {
			*skipped = append(*skipped, *skip)
			return nil
		}
		add(in)
		return nil
	})
}

// notReports are the extensions of text files that hold data or code: a
// folder of reports often has a manifest, a spreadsheet of results or the
// script that fetched them beside the reports, and reading those as
// reports would add rows of nonsense to a dataset.
var notReports = map[string]bool{
	".json": true, ".jsonl": true, ".ndjson": true, ".csv": true, ".tsv": true,
	".xml": true, ".yaml": true, ".yml": true, ".toml": true, ".ini": true,
	".py": true, ".go": true, ".js": true, ".css": true, ".sh": true, ".r": true, ".sql": true,
}

// folderDoc reports whether a file name is a folder's documentation:
// README, LICENSE (or LICENCE), CHANGELOG, with or without an extension.
func folderDoc(name string) bool {
	stem := strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name)))
	switch stem {
	case "readme", "license", "licence", "changelog", "changes", "copying":
		return true
	}
	return false
}

// foundFile decides whether a file met in a folder or by a pattern is read:
// only regular files (or links to them) whose content is text, PDF or HTML,
// and not data or code by their extension, nor a README or licence. A file named on the command line
// is always read, whatever its name.
func foundFile(path string) (Input, *Skipped) {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return Input{}, &Skipped{Path: path, Reason: "broken link: " + pathError(err).Error()}
	case st.IsDir():
		return Input{}, &Skipped{Path: path, Reason: "link to a folder, not followed"}
	case !st.Mode().IsRegular():
		return Input{}, &Skipped{Path: path, Reason: "not a regular file"}
	}
	if ext := strings.ToLower(filepath.Ext(path)); notReports[ext] {
		return Input{}, &Skipped{Path: path, Reason: "data or code (" + ext + "), not a report; name the file to read it"}
	}
	if folderDoc(filepath.Base(path)) {
		return Input{}, &Skipped{Path: path, Reason: "the folder's own documentation, not a report; name the file to read it"}
	}
	if st.Size() > 0 {
		head, err := readHead(path)
		if err != nil {
			return Input{Name: path, err: pathError(err)}, nil
		}
		if Sniff(head) == Binary {
			return Input{}, &Skipped{Path: path, Reason: "not text, PDF or HTML"}
		}
	}
	return fileInput(path), nil
}

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, SniffLen)
	n, err := io.ReadFull(f, b)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return b[:n], nil
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

// Load reads an input into a document, deciding by its content whether it
// is a PDF, a web page or text.
func (in Input) Load(ctx context.Context, opts Options) (Document, error) {
	if in.err != nil {
		return Document{}, &Error{Source: in.Name, Err: in.err}
	}
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	rc, err := in.open(ctx)
	if err != nil {
		return Document{}, &Error{Source: in.Name, Err: pathError(err)}
	}
	defer rc.Close()
	// a file says its size: a large one is refused before it is read
	if f, ok := rc.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > max {
			return Document{}, &Error{Source: in.Name, Err: fmt.Errorf("%w: %s, more than %s", ErrTooLarge, byteSize(st.Size()), byteSize(max))}
		}
	}
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return Document{}, &Error{Source: in.Name, Err: pathError(err)}
	}
	if int64(len(b)) > max {
		return Document{}, &Error{Source: in.Name, Err: fmt.Errorf("%w: more than %s", ErrTooLarge, byteSize(max))}
	}
	return Decode(ctx, in.Name, b, opts)
}

// Decode reads a document's bytes already in memory as Load reads an
// input's: its content decides whether it is a PDF, a web page or text.
// name becomes the Document's Source and names it in an *Error.
func Decode(ctx context.Context, name string, b []byte, opts Options) (Document, error) {
	var doc Document
	var err error
	switch Sniff(b) {
	case PDF:
		doc, err = readPDF(ctx, b, opts)
	case HTML:
		doc, err = readHTML(b)
	case Binary:
		err = ErrBinary
	default:
		var text string
		text, err = decodeText(b)
		doc = Document{Document: report.Document{Text: text}, Kind: Text}
	}
	if err != nil {
		return Document{}, &Error{Source: name, Err: err}
	}
	doc.Source = name
	return doc, nil
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
	if len(bytes.TrimSpace(b)) > 0 && (bytes.IndexByte(b, 0) >= 0 || controlShare(b) > 0.05) {
		return "", ErrBinary
	}
	if !utf8.Valid(b) {
		s, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			return "", ErrBinary
		}
		b = s
	}
	// blank once decoded: Windows-1252's no-break space (0xA0) is white
	// space only as a character
	if len(bytes.TrimSpace(b)) == 0 {
		return "", ErrEmpty
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

// byteSize prints a size for people: "100 MB", "512 KB", "10 bytes",
// "95.4 MB" (each unit 1024 times the one below, as --max-size reads them).
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
