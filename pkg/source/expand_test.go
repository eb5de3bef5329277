package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/source/pdftest"
)

const reportText = "Inspection of Anytown children's services\n\nChildren are safe and well supported.\n"

// tree writes files under a new temporary folder and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func names(dir string, ins []Input) []string {
	var out []string
	for _, in := range ins {
		out = append(out, strings.TrimPrefix(filepath.ToSlash(strings.TrimPrefix(in.Name, dir)), "/"))
	}
	return out
}

func TestExpandFolder(t *testing.T) {
	dir := tree(t, map[string]string{
		"a.txt":              reportText,
		"b/report.pdf":       string(pdftest.Write(pdftest.Spec{Pages: [][]pdftest.Line{body("Inspection of Anytown")}})),
		"b/page.html":        reportPage,
		"b/c/notes":          reportText, // no extension: content decides
		".hidden.txt":        reportText,
		".git/objects/x.txt": reportText,
		"photo.png":          "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"archive.zip":        "PK\x03\x04\x14\x00\x00\x00",
		"empty.txt":          "",
		"manifest.json":      `{"reports": ["a.txt"]}`,
		"results.CSV":        "authority,grade\nAnytown,good\n",
		"fetch.py":           "import urllib\n",
		"b/README.md":        "# Reports\n\nFetched from the inspectorate's site.\n",
		"LICENCE":            "Open Government Licence v3.0\n",
	})
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "broken")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "z-link.txt")); err != nil {
		t.Fatal(err)
	}

	ins, skipped := Expand([]string{dir}, Options{})
	want := []string{"a.txt", "b/c/notes", "b/page.html", "b/report.pdf", "empty.txt", "z-link.txt"}
	if got := names(dir, ins); !slices.Equal(got, want) {
		t.Errorf("inputs %q, want %q", got, want)
	}
	var sk []string
	for _, s := range skipped {
		sk = append(sk, strings.TrimPrefix(filepath.ToSlash(strings.TrimPrefix(s.Path, dir)), "/")+": "+s.Reason)
	}
	wantSkipped := []string{
		".git: hidden",
		".hidden.txt: hidden",
		"LICENCE: the folder's own documentation, not a report; name the file to read it",
		"archive.zip: not text, PDF or HTML",
		"b/README.md: the folder's own documentation, not a report; name the file to read it",
		"broken: broken link: no such file or directory",
		"fetch.py: data or code (.py), not a report; name the file to read it",
		"loop: link to a folder, not followed",
		"manifest.json: data or code (.json), not a report; name the file to read it",
		"photo.png: not text, PDF or HTML",
		"results.CSV: data or code (.csv), not a report; name the file to read it",
	}
	if !slices.Equal(sk, wantSkipped) {
		t.Errorf("skipped %q,\nwant %q", sk, wantSkipped)
	}

	kinds := map[string]Kind{}
	for _, in := range ins {
		doc, err := in.Load(context.Background(), Options{})
		if err != nil {
			if strings.HasSuffix(in.Name, "empty.txt") && errors.Is(err, ErrEmpty) {
				continue
			}
			t.Errorf("load %s: %v", in.Name, err)
			continue
		}
		kinds[filepath.Base(in.Name)] = doc.Kind
	}
	wantKinds := map[string]Kind{"a.txt": Text, "notes": Text, "page.html": HTML, "report.pdf": PDF, "z-link.txt": Text}
	for name, k := range wantKinds {
		if kinds[name] != k {
			t.Errorf("%s read as %q, want %q", name, kinds[name], k)
		}
	}
}

func TestExpandArguments(t *testing.T) {
	dir := tree(t, map[string]string{
		"one.txt":       reportText,
		"two.txt":       reportText,
		"saved.pdf":     reportPage, // a web page saved under a PDF's name
		"image.png":     "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"sub/three.txt": reportText,
		".draft.txt":    reportText,
	})
	in := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name string
		args []string
		want []string // names, then "!" and the error of those that fail
	}{
		{"files in the order given", []string{in("two.txt"), in("one.txt")}, []string{"two.txt", "one.txt"}},
		{"a file named twice is read once", []string{in("one.txt"), dir + "/./one.txt"}, []string{"one.txt"}},
		{"pattern", []string{in("*.txt")}, []string{"one.txt", "two.txt"}},
		{"pattern naming hidden files", []string{in(".*.txt")}, []string{".draft.txt"}},
		{"pattern leaves out what it would skip in a folder", []string{in("*")}, []string{"one.txt", "saved.pdf", "sub/three.txt", "two.txt"}},
		{"pattern that matches nothing", []string{in("*.docx")}, []string{"*.docx ! no file matches"}},
		{"missing file", []string{in("nope.txt"), in("one.txt")}, []string{"nope.txt ! no such file or directory", "one.txt"}},
		{"named binary file fails", []string{in("image.png")}, []string{"image.png ! binary file, not text, PDF or HTML"}},
		{"HTML saved as PDF is read as HTML", []string{in("saved.pdf")}, []string{"saved.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins, _ := Expand(tt.args, Options{})
			var got []string
			for _, in := range ins {
				n := names(dir, []Input{in})[0]
				if _, err := in.Load(context.Background(), Options{}); err != nil {
					var serr *Error
					if !errors.As(err, &serr) {
						t.Errorf("%s: error %v is not a *source.Error", in.Name, err)
					}
					n += " ! " + serr.Err.Error()
				}
				got = append(got, n)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExpandUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	dir := tree(t, map[string]string{"a.txt": reportText, "locked/b.txt": reportText})
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	ins, _ := Expand([]string{dir}, Options{})
	if got := names(dir, ins); !slices.Equal(got, []string{"a.txt", "locked"}) {
		t.Fatalf("inputs %q", got)
	}
	if _, err := ins[1].Load(context.Background(), Options{}); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("load of an unreadable folder: %v, want permission denied", err)
	}
}

// The page the inspectorate serves for a report that no longer exists,
// saved under a .pdf name, says so.
func TestReadHTMLNotFoundPageFromCorpus(t *testing.T) {
	in := fileInput(filepath.Join(sharedDir, "corpus", "html", "ofsted-report-not-found.html"))
	_, err := in.Load(t.Context(), Options{})
	if err != nil && strings.Contains(err.Error(), "no such file") {
		t.Skip("no development corpus here")
	}
	if !errors.Is(err, ErrNotReport) {
		t.Fatalf("err = %v, want ErrNotReport", err)
	}
}
