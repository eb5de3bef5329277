package source

import "github.com/findings/findings/pkg/report"

// Kind is what a document's bytes turned out to be.
type Kind string

// Document kinds.
const (
	Text Kind = "text"
	PDF  Kind = "pdf"
	HTML Kind = "html"
)

// Document is one report's text as read: the report.Document that the
// extractor takes, and how it was read.
type Document struct {
	report.Document
	// Kind is what the bytes were.
	Kind Kind
	// Via names the PDF reader that gave the text: ViaPdftotext or
	// ViaBuiltin; "" for other kinds.
	Via string
}
