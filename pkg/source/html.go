package source

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/findings/findings/pkg/report"
)

// ErrNotReport is a web page that is not a report: a "not found" or other
// error page, often saved under a report's name.
var ErrNotReport = errors.New("not a report")

// errorTitle recognises the headings of error pages.
var errorTitle = regexp.MustCompile(`(?i)\b(not found|no longer (exists|available)|page (is )?unavailable|does not exist|access denied|forbidden|server error)\b|\b(404|410|500)\b`)

// errorPageWords: an error page says little; a report that happens to
// mention "not found" in its title says much more.
const errorPageWords = 400

// blockSel are the elements that become blocks of text.
const blockSel = "h1,h2,h3,h4,h5,h6,p,li,td,th,blockquote,pre,dt,dd,figcaption,caption"

// readHTML reads a web page's main content with readability (so that menus,
// footers and teasers stay out) and writes it as text the cleaner can
// split: one block per heading, paragraph, list item or table cell,
// separated by blank lines, list items as "- " lines. The title and date
// come from the page's metadata.
func readHTML(b []byte) (Document, error) {
	b, err := toUTF8(b)
	if err != nil {
		return Document{}, err
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return Document{}, fmt.Errorf("HTML: %w", err)
	}
	page := goquery.NewDocumentFromNode(root)
	if err := checkErrorPage(page); err != nil {
		return Document{}, err
	}
	art, err := readability.FromDocument(root, nil)
	if err != nil {
		return Document{}, fmt.Errorf("HTML: %w", err)
	}
	content := page.Find("body")
	if art.Node != nil {
		content = goquery.NewDocumentFromNode(art.Node).Selection
	}
	text := htmlBlocks(content)
	if strings.TrimSpace(text) == "" {
		return Document{}, ErrEmpty
	}
	doc := Document{Document: report.Document{Text: text, Title: collapse(art.Title())}, Kind: HTML}
	if doc.Title == "" {
		doc.Title = collapse(page.Find("title").First().Text())
	}
	// Readability drops the heading that repeats the title; the report's
	// first line names the authority, so put it back.
	if doc.Title != "" && !strings.HasPrefix(text, doc.Title) {
		doc.Text = doc.Title + "\n\n" + text
	}
	if t, err := art.PublishedTime(); err == nil {
		doc.Date = t.Format("2006-01-02")
	}
	return doc, nil
}

// toUTF8 decodes a page in the character set it declares (or that its
// bytes show) into UTF-8.
func toUTF8(b []byte) ([]byte, error) {
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(b) {
		return b, nil
	}
	enc, _, _ := charset.DetermineEncoding(b, "text/html")
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, fmt.Errorf("HTML: %w", err)
	}
	return out, nil
}

// checkErrorPage says ErrNotReport for a page whose title or main heading
// is an error's ("Report not found", "Page not found", "404") and which says
// little else.
func checkErrorPage(page *goquery.Document) error {
	heads := []string{collapse(page.Find("h1").First().Text()), collapse(page.Find("title").First().Text())}
	for _, h := range heads {
		if h == "" || !errorTitle.MatchString(h) {
			continue
		}
		body := page.Find("body").Clone()
		body.Find("script,style,noscript,template").Remove()
		if len(strings.Fields(body.Text())) > errorPageWords {
			return nil
		}
		if i := strings.Index(h, " - "); i > 0 {
			h = h[:i] // "Report not found - Find an Inspection Report - Ofsted"
		}
		return fmt.Errorf("%w: %q page", ErrNotReport, h)
	}
	return nil
}

// htmlBlocks writes each block element of the content once: the outermost
// one, except that a container holding paragraphs (a quotation, a list
// item, a cell) gives way to them.
func htmlBlocks(content *goquery.Selection) string {
	var sb strings.Builder
	// each container's answer is kept: asked again for each block inside
	// it, a page laid out in one table cell took time in the square of
	// its paragraphs
	known := map[*html.Node]bool{}
	isSplit := func(s *goquery.Selection) bool {
		n := s.Get(0)
		v, ok := known[n]
		if !ok {
			v = splits(s)
			known[n] = v
		}
		return v
	}
	content.Find(blockSel).Each(func(_ int, s *goquery.Selection) {
		if isSplit(s) {
			return // its paragraphs are blocks of their own
		}
		if s.ParentsFiltered(blockSel).FilterFunction(func(_ int, p *goquery.Selection) bool { return !isSplit(p) }).Length() > 0 {
			return // written with the block it is in
		}
		text := nodeText(s)
		if text == "" {
			return
		}
		if s.Is("li") {
			text = "- " + strings.ReplaceAll(text, "\n", " ")
		}
		sb.WriteString(text)
		sb.WriteString("\n\n")
	})
	return sb.String()
}

// splits reports whether a block element is a container of paragraphs.
func splits(s *goquery.Selection) bool {
	return s.Is("blockquote,li,td,th,dd") && s.Find("p").Length() > 0
}

// nodeText is an element's text with white space collapsed, <br> kept as
// a line break.
func nodeText(s *goquery.Selection) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			// line breaks in the source are white space; only <br> breaks
			sb.WriteString(strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' {
					return ' '
				}
				return r
			}, n.Data))
		case html.ElementNode:
			switch n.Data {
			case "br":
				sb.WriteByte('\n')
				return
			case "script", "style", "noscript", "template":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range s.Nodes {
		walk(n)
	}
	lines := strings.Split(sb.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = collapse(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
