package fetch_test

import (
	"net/url"
	"testing"

	"github.com/findings/findings/pkg/fetch"
)

func TestSameSite(t *testing.T) {
	tests := []struct {
		page, link string
		want       bool
	}{
		{"https://reports.ofsted.gov.uk/provider/44/80449", "https://files.ofsted.gov.uk/v1/file/50252240", true},
		{"https://reports.ofsted.gov.uk/", "https://REPORTS.ofsted.gov.uk/x.pdf", true},
		{"https://ofsted.gov.uk/", "https://files.ofsted.gov.uk/x.pdf", true},
		{"http://www.example.org/", "https://example.org/r.pdf", true},
		{"https://reports.ofsted.gov.uk/", "https://www.gov.uk/x.pdf", false},
		{"https://www.bbc.co.uk/news", "https://other.co.uk/x.pdf", false},
		{"https://council.gov.uk/", "https://othercouncil.gov.uk/x.pdf", false},
		{"https://example.org/", "https://example.org.evil.com/x.pdf", false},
		{"http://127.0.0.1:8080/listing.html", "http://127.0.0.1:8080/r.pdf", true},
		{"http://127.0.0.1:8080/listing.html", "http://127.0.0.1:9090/r.pdf", false},
		{"http://127.0.0.1:8080/", "http://127.0.0.2:8080/r.pdf", false},
		{"http://[::1]:8080/", "http://[::1]:8080/r.pdf", true},
		{"http://localhost:8080/", "http://localhost:8080/r.pdf", true},
		{"http://a.localhost/", "http://b.localhost/r.pdf", false},
	}
	for _, tt := range tests {
		page, _ := url.Parse(tt.page)
		link, _ := url.Parse(tt.link)
		if got := fetch.SameSite(page, link); got != tt.want {
			t.Errorf("SameSite(%s, %s) = %v, want %v", tt.page, tt.link, got, tt.want)
		}
	}
}
