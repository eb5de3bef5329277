package ofsted

import "strings"

// dataLines are a data file's lines, trimmed, without comments and blanks.
func dataLines(data string) []string {
	var out []string
	for _, l := range strings.Split(data, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}
