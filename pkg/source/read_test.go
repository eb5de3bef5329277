package source

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	b := []byte{0xFF, 0xFE}
	if bigEndian {
		b = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// decodeCases are byte inputs and the text or error each must give.
var decodeCases = []struct {
	name string
	in   []byte
	want string
	err  error
}{
	{"utf-8", []byte("Children’s services are good.\n"), "Children’s services are good.\n", nil},
	{"utf-8 with a byte-order mark", []byte("\xEF\xBB\xBFLeaders know the service."), "Leaders know the service.", nil},
	{"utf-16 le", utf16Bytes("Café ‘good’ 😀\nLine two.", false), "Café ‘good’ 😀\nLine two.", nil},
	{"utf-16 be", utf16Bytes("Café ‘good’ 😀\nLine two.", true), "Café ‘good’ 😀\nLine two.", nil},
	{"windows-1252", []byte("caf\xe9 \x93good\x94 \x80 5 \x96 6"), "café “good” € 5 – 6", nil},
	{"form feeds are text", []byte("Page one.\n\fPage two.\n"), "Page one.\n\fPage two.\n", nil},
	{"nul bytes", []byte("Leaders\x00know\x00the\x00service."), "", ErrBinary},
	{"utf-16 without a byte-order mark", []byte("L\x00e\x00a\x00d\x00s\x00"), "", ErrBinary},
	{"control bytes", []byte("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f text"), "", ErrBinary},
	{"empty", []byte{}, "", ErrEmpty},
	{"white space", []byte(" \n\t\r\n\f "), "", ErrEmpty},
	{"byte-order mark alone", []byte("\xEF\xBB\xBF"), "", ErrEmpty},
	{"utf-16 white space", utf16Bytes("  \n ", false), "", ErrEmpty},
	{"utf-16 byte-order mark alone", []byte{0xFE, 0xFF}, "", ErrEmpty},
	{"windows-1252 no-break spaces", []byte("\xa0 \xa0\n"), "", ErrEmpty},
}

func TestDecodeText(t *testing.T) {
	for _, tt := range decodeCases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeText(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("decodeText(%q) error = %v, want %v", tt.in, err, tt.err)
			}
			if got != tt.want {
				t.Errorf("decodeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("decodeText(%q) = %q is not valid UTF-8", tt.in, got)
			}
		})
	}
}

// TestLoad reads each decode case from a file, as the command does, and
// checks that a failure is a *Error naming the file.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	for i, tt := range decodeCases {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "doc"+string(rune('a'+i))+".txt")
			if err := os.WriteFile(path, tt.in, 0o644); err != nil {
				t.Fatal(err)
			}
			ins, _ := Expand([]string{path}, Options{})
			if len(ins) != 1 || ins[0].Name != path {
				t.Fatalf("Expand = %+v, want one input named %s", ins, path)
			}
			doc, err := ins[0].Load(context.Background(), Options{})
			if tt.err != nil {
				checkError(t, err, path, tt.err)
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if doc.Source != path || doc.Kind != Text || doc.Text != tt.want {
				t.Errorf("Load = %+v, want source %s, kind text, text %q", doc, path, tt.want)
			}
		})
	}
}

// checkError checks that err is a *Error naming source that wraps want.
func checkError(t *testing.T, err error, source string, want error) {
	t.Helper()
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T) is not a *source.Error", err, err)
	}
	if se.Source != source {
		t.Errorf("error names %q, want %q", se.Source, source)
	}
	if !strings.Contains(err.Error(), source) {
		t.Errorf("message %q does not name %s", err, source)
	}
	if !errors.Is(err, want) {
		t.Errorf("error %v is not %v", err, want)
	}
}

func TestLoadTooLarge(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		size int
		err  error
	}{
		{"at the limit", 10, nil},
		{"over the limit", 11, ErrTooLarge},
		{"far over", 1000, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".txt")
			if err := os.WriteFile(path, []byte(strings.Repeat("a", tt.size)), 0o644); err != nil {
				t.Fatal(err)
			}
			ins, _ := Expand([]string{path}, Options{MaxBytes: 10})
			doc, err := ins[0].Load(context.Background(), Options{MaxBytes: 10})
			if tt.err == nil {
				if err != nil || len(doc.Text) != tt.size {
					t.Errorf("Load = %d bytes, %v; want %d bytes", len(doc.Text), err, tt.size)
				}
				return
			}
			checkError(t, err, path, tt.err)
		})
	}
}

func TestExpandMissing(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-report.pdf")
	ins, _ := Expand([]string{missing}, Options{})
	if len(ins) != 1 {
		t.Fatalf("Expand(%q) = %+v, want one input that fails", missing, ins)
	}
	_, err := ins[0].Load(context.Background(), Options{})
	checkError(t, err, missing, fs.ErrNotExist)
	// an empty folder has nothing to read, and that is no error
	if ins, skipped := Expand([]string{dir}, Options{}); len(ins) != 0 || len(skipped) != 0 {
		t.Errorf("Expand(empty folder) = %+v, %+v, want nothing", ins, skipped)
	}
}

// TestLoadVanished checks that a file removed between Expand and Load is
// reported against its name, not as a crash.
func TestLoadVanished(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone.txt")
	if err := os.WriteFile(path, []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	ins, _ := Expand([]string{path}, Options{})
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	_, err := ins[0].Load(context.Background(), Options{})
	checkError(t, err, path, fs.ErrNotExist)
}

// TestStdin checks that "-" reads Options.Stdin, decoded like a file, and
// that arguments keep their order.
func TestStdin(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("From a file."), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Stdin: strings.NewReader("\xEF\xBB\xBFFrom standard input, caf\xe9.")}
	ins, _ := Expand([]string{path, "-"}, opts)
	if len(ins) != 2 || ins[0].Name != path || ins[1].Name != "-" {
		t.Fatalf("Expand = %+v, want %s then -", ins, path)
	}
	doc, err := ins[1].Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if want := "From standard input, café."; doc.Source != "-" || doc.Text != want {
		t.Errorf("Load(-) = %+v, want source - and text %q", doc, want)
	}

	empty := Options{Stdin: strings.NewReader("  \n")}
	ins, _ = Expand([]string{"-"}, empty)
	_, err = ins[0].Load(context.Background(), empty)
	checkError(t, err, "-", ErrEmpty)
}

// TestStdinUnset checks that "-" without a Stdin to read is an error, not
// a crash: a library must not panic on its caller's omission.
func TestStdinUnset(t *testing.T) {
	ins, _ := Expand([]string{"-"}, Options{})
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("Load panicked: %v", p)
		}
	}()
	if _, err := ins[0].Load(context.Background(), Options{}); err == nil {
		t.Errorf("Load of - with no Stdin gave no error")
	}
}
