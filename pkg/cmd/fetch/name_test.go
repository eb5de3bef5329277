package fetch

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Eastbury children's services 'require improvement', inspectors say", "eastbury-childrens-services-require-improvement-inspectors-say"},
		{"Inspection of Westford local authority children’s services", "inspection-of-westford-local-authority-childrens-services"},
		{"Café Crème – Ofsted report 2019", "cafe-creme-ofsted-report-2019"},
		{"../../etc/passwd", "etc-passwd"},
		{"CON", "con"},
		{"   ", ""},
		{"日本語", ""},
		{strings.Repeat("word ", 30), strings.TrimSuffix(strings.Repeat("word-", 16), "-")},
		{strings.Repeat("x", 100), strings.Repeat("x", 80)},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestURLSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://files.ofsted.gov.uk/v1/file/50252240", "file-50252240"},
		{"http://127.0.0.1:8080/westford/reports/inspection-2024.pdf", "inspection-2024"},
		{"https://example.org/news/council-inspection/", "council-inspection"},
		{"https://example.org/", "example-org"},
		{"https://example.org/2019", "2019"},
		{"https://example.org/reports/2019.pdf?x=1", "reports-2019"},
		{"http://[::1]:8080/", "1"},
	}
	for _, tt := range tests {
		if got := URLSlug(tt.in); got != tt.want {
			t.Errorf("URLSlug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
