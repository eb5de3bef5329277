package extract

import (
	"embed"
	"strings"
	"unicode"

	"github.com/findings/findings/pkg/nlp"
)

//go:embed data
var dataFS embed.FS

// modelBin is the embedded model, data/model.tsv, in its binary form
// (decodeModel).
//
//go:embed data/model.bin
var modelBin string

// readData is an embedded data file's text.
func readData(name string) (string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	return string(b), err
}

// firstField is strings.Fields(l)[0], or "" when l has no field.
func firstField(l string) string {
	l = strings.TrimLeftFunc(l, unicode.IsSpace)
	if i := strings.IndexFunc(l, unicode.IsSpace); i >= 0 {
		return l[:i]
	}
	return l
}

// dataLines are a data file's lines without comments and blanks
// (nlp.DataLines, the one reader of data lines).
func dataLines(data string) []string { return nlp.DataLines(data) }
