package pdftest_test

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/source"
	"github.com/findings/findings/pkg/source/pdftest"
)

var body = []string{
	"Inspection of Fenbury local authority children's services",
	"Children in Fenbury are safe and well supported by social workers who",
	"know them well. Caseloads are manageable, and supervision is regular.",
	"Plans for care leavers are not specific enough, and too few young people",
	"live in suitable accommodation.",
}

// The PDFs it writes read back with the built-in reader: plain, encrypted
// with no user password, and encrypted with one (which no reader opens),
// and one with no text.
func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		spec pdftest.Spec
		err  error
	}{
		{"plain", pdftest.Spec{Pages: pdftest.Pages(body...)}, nil},
		{"owner password only", pdftest.Spec{Pages: pdftest.Pages(body...), Encrypt: true, OwnerPassword: "owner"}, nil},
		{"user password", pdftest.Spec{Pages: pdftest.Pages(body...), Encrypt: true, UserPassword: "secret"}, source.ErrEncrypted},
		{"no text", pdftest.Spec{Raw: pdftest.Scanned}, source.ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := source.Decode(context.Background(), "t.pdf", pdftest.Write(tt.spec), source.Options{})
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(doc.Text, "Caseloads are manageable") {
				t.Errorf("text %q", doc.Text)
			}
		})
	}
}

// Poppler agrees: it reads the PDF encrypted with no user password and
// asks for the password of the other.
func TestWritePdftotext(t *testing.T) {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("no pdftotext")
	}
	run := func(spec pdftest.Spec) (string, error) {
		cmd := exec.Command(tool, "-", "-")
		cmd.Stdin = bytes.NewReader(pdftest.Write(spec))
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for _, spec := range []pdftest.Spec{
		{Pages: pdftest.Pages(body...)},
		{Pages: pdftest.Pages(body...), Encrypt: true, OwnerPassword: "owner"},
	} {
		if out, err := run(spec); err != nil || !strings.Contains(out, "Caseloads are manageable") {
			t.Errorf("encrypt %v: %v: %s", spec.Encrypt, err, out)
		}
	}
	out, err := run(pdftest.Spec{Pages: pdftest.Pages(body...), Encrypt: true, UserPassword: "secret"})
	if err == nil || !strings.Contains(out, "Incorrect password") {
		t.Errorf("with a user password: %v: %s", err, out)
	}
}
