package source

import (
	"slices"
	"testing"
)

func TestLinks(t *testing.T) {
	tests := []struct {
		name string
		page string
		base string
		want []string
	}{
		{
			name: "provider page",
			base: "https://reports.ofsted.gov.uk/provider/44/80449",
			page: `<html><body><nav><a href="/">Home</a> <a href="/search">Search</a></nav>
<ul>
<li><a href="https://files.ofsted.gov.uk/v1/file/50252240">Focused visit (PDF)</a></li>
<li><a href="https://files.ofsted.gov.uk/v1/file/50252240#page=2">the same file</a></li>
<li><a href="/reports/2019/inspection.PDF">Inspection 2019</a></li>
<li><a href="../old/letter.pdf?download=1">Letter</a></li>
<li><a href="/media/123">Monitoring visit</a> <a href="/media/124" type="application/pdf">report</a> <a href="/media/125" title="Report (PDF, 312 KB)">report</a></li>
<li><a href="mailto:enquiries@ofsted.gov.uk">Contact (PDF requests)</a> <a href="javascript:void(0)">x.pdf</a> <a href="ftp://files/x.pdf">ftp</a></li>
</ul></body></html>`,
			want: []string{
				"https://files.ofsted.gov.uk/v1/file/50252240",
				"https://reports.ofsted.gov.uk/reports/2019/inspection.PDF",
				"https://reports.ofsted.gov.uk/provider/old/letter.pdf?download=1",
				"https://reports.ofsted.gov.uk/media/124",
				"https://reports.ofsted.gov.uk/media/125",
			},
		},
		{
			name: "relative links after a redirect resolve against the final URL",
			base: "http://127.0.0.1:8080/listing/",
			page: `<p><a href="a.pdf">A</a> <a href="./a.pdf">A again</a> <a href="/listing/a.pdf">and again</a> <a href="sub/b.pdf">B</a></p>`,
			want: []string{"http://127.0.0.1:8080/listing/a.pdf", "http://127.0.0.1:8080/listing/sub/b.pdf"},
		},
		{
			name: "base element",
			base: "http://example.org/page",
			page: `<html><head><base href="https://files.example.org/docs/"></head><body><a href="r.pdf">r</a></body></html>`,
			want: []string{"https://files.example.org/docs/r.pdf"},
		},
		{
			name: "no links",
			base: "http://example.org/",
			page: `<p>Nothing to see.</p>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Links([]byte(tt.page), tt.base)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Links =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
