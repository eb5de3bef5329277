package source

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// fileLinkPath matches the paths of report files that do not end in .pdf:
// the inspectorate's "/v1/file/50252240".
var fileLinkPath = regexp.MustCompile(`(?i)/files?/\d+/?$`)

// pdfWord finds "PDF" in a link's text or title: "Inspection report (PDF,
// 312 KB)".
var pdfWord = regexp.MustCompile(`(?i)\bpdf\b`)

// Links returns the report files a web page links to, so that a page that
// lists reports (an inspectorate's provider page) can be followed to them.
// A link counts when its path ends in .pdf, when it is a numbered file
// ("/v1/file/50252240"), or when it says it is a PDF (type="application/pdf",
// or "PDF" in its text or title). Links are resolved against base, the URL
// the page came from after redirects (or the page's own <base href>), and
// returned as absolute http or https URLs without fragments, each once, in
// page order.
//
// Which of them to fetch (same site, how many) is the caller's choice; what
// each one is will be decided by its content once fetched.
func Links(page []byte, base string) ([]string, error) {
	baseURL, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("links: base url: %w", err)
	}
	page, err = toUTF8(page)
	if err != nil {
		return nil, err
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("links: %w", err)
	}
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if u, err := baseURL.Parse(strings.TrimSpace(href)); err == nil {
			baseURL = u
		}
	}
	var links []string
	seen := map[string]bool{}
	doc.Find("a[href], area[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := baseURL.Parse(strings.TrimSpace(href))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return
		}
		if !reportLink(u, a) {
			return
		}
		u.Fragment, u.RawFragment = "", ""
		u.Scheme = strings.ToLower(u.Scheme)
		u.Host = strings.ToLower(u.Host)
		s := u.String()
		if !seen[s] {
			seen[s] = true
			links = append(links, s)
		}
	})
	return links, nil
}

// reportLink says whether a link looks like a report file.
func reportLink(u *url.URL, a *goquery.Selection) bool {
	if strings.HasSuffix(strings.ToLower(u.Path), ".pdf") || fileLinkPath.MatchString(u.Path) {
		return true
	}
	if t, _ := a.Attr("type"); strings.EqualFold(strings.TrimSpace(t), "application/pdf") {
		return true
	}
	title, _ := a.Attr("title")
	return pdfWord.MatchString(a.Text()) || pdfWord.MatchString(title)
}
