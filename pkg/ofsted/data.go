package ofsted

import "github.com/findings/findings/pkg/nlp"

// dataLines are a data file's lines, trimmed, without comments and blanks.
func dataLines(data string) []string { return nlp.DataLines(data) }
