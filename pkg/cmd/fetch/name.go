package fetch

import (
	"net/url"
	"path"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds a file name's length, well under any file system's limit.
const maxSlug = 80

// Slug turns a title into a safe file name: lower-case ASCII letters and
// digits in words joined by hyphens, accents dropped, apostrophes
// swallowed ("Children's" gives "childrens"), at most 80 characters cut at
// a word. It returns "" when nothing is left.
func Slug(title string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range norm.NFKD.String(title) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			w.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Mn, r) || r == '\'' || r == '\u2019':
			// accents and apostrophes join their word
		default:
			flush()
		}
	}
	flush()
	var out strings.Builder
	for _, word := range words {
		if out.Len()+1+len(word) > maxSlug {
			if out.Len() == 0 {
				out.WriteString(word[:maxSlug])
			}
			break
		}
		if out.Len() > 0 {
			out.WriteByte('-')
		}
		out.WriteString(word)
	}
	return out.String()
}

// URLSlug names a download after its URL when it has no title: the last
// part of its path without extension ("inspection-2024"), with the part
// before when the last is a bare number ("file-50252240"), else its host.
func URLSlug(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "download"
	}
	var parts []string
	for _, p := range strings.Split(u.Path, "/") {
		if p != "" {
			parts = append(parts, p)
		}
	}
	name := ""
	if n := len(parts); n > 0 {
		last := strings.TrimSuffix(parts[n-1], path.Ext(parts[n-1]))
		name = Slug(last)
		if strings.Trim(name, "0123456789") == "" && n > 1 {
			name = Slug(parts[n-2] + " " + last)
		}
	}
	if name == "" {
		name = Slug(u.Hostname())
	}
	if name == "" {
		name = "download"
	}
	return name
}
