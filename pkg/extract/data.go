package extract

import (
	"bufio"
	"embed"
	"strings"
)

//go:embed data
var dataFS embed.FS

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

// dataLines are a data file's lines without comments and blanks.
func dataLines(data string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}
