package source

// Kind is what a document's bytes turned out to be.
type Kind string

// Document kinds.
const (
	Text Kind = "text"
	PDF  Kind = "pdf"
	HTML Kind = "html"
)

// Document is one report's text, ready for cleaning.
type Document struct {
	// Source names where it came from: a path, "-" for stdin, or a URL.
	Source string
	// Kind is what the bytes were.
	Kind Kind
	// Text is the document's text, valid UTF-8.
	Text string
	// Title is the title its metadata gives (HTML), or "".
	Title string
	// Date is the publication date its metadata gives (HTML) as
	// YYYY-MM-DD, or "".
	Date string
	// Via names the PDF reader that gave the text: ViaPdftotext or
	// ViaBuiltin; "" for other kinds.
	Via string
}
