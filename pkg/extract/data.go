package extract

import (
	"embed"
	"strings"

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

// filterClasses keeps the lexicon lines of the given classes.
func filterClasses(data string, classes ...string) string {
	var sb strings.Builder
	for _, l := range strings.Split(data, "\n") {
		f := strings.Fields(l)
		if len(f) > 0 && contains(classes, f[0]) {
			sb.WriteString(l)
		}
		sb.WriteString("\n") // keep line numbers
	}
	return sb.String()
}

// dataLines are a data file's lines without comments and blanks
// (nlp.DataLines, the one reader of data lines).
func dataLines(data string) []string { return nlp.DataLines(data) }
