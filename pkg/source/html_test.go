package source

import (
	"errors"
	"strings"
	"testing"
)

// reportPage is a saved web page: a report's text inside site chrome.
const reportPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Inspection of Anytown children's services - Inspection reports</title>
<meta property="article:published_time" content="2024-03-15T09:00:00Z">
</head>
<body>
<div class="menu"><a href="/">Home</a> <a href="/news">Latest news</a> <a href="/login">Sign in</a></div>
<div class="banner">Subscribe to our newsletter for weekly updates</div>
<div class="col-8">
<h1>Inspection of Anytown children's services</h1>
<p>Children in Anytown are safe and well supported by social workers who
know them well. Caseloads are manageable, and supervision is regular and
reflective, so that plans for children move forward without delay.</p>
<h2>What needs to improve</h2>
<ul>
<li>The quality of plans for care leavers.</li>
<li>The timeliness of<br>return home interviews.</li>
</ul>
<p>Leaders have a clear understanding of the strengths and weaknesses of
the service. They have invested in early help, and the number of children
who need a statutory service has fallen by a fifth since the last
inspection. Partners describe leaders as open and willing to be challenged.</p>
<table><tr><td>Overall effectiveness</td><td>Good</td></tr></table>
<p>Young people who leave care are supported by personal advisers who keep
in touch with them and help them into education, training and work. Most
live in suitable accommodation, although a few wait too long for a home.</p>
</div>
<div class="widget"><h3>Most read</h3><p><a href="/a">Read full story</a></p></div>
<div class="footer">Copyright 2024. <a href="/privacy">Privacy policy</a> <a href="/cookies">Cookies</a></div>
</body>
</html>`

func TestReadHTML(t *testing.T) {
	doc, err := readHTML([]byte(reportPage))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != HTML {
		t.Errorf("kind %s, want html", doc.Kind)
	}
	if !strings.Contains(doc.Title, "Inspection of Anytown children's services") {
		t.Errorf("title %q", doc.Title)
	}
	if doc.Date != "2024-03-15" {
		t.Errorf("date %q, want 2024-03-15", doc.Date)
	}
	for _, want := range []string{
		"Inspection of Anytown children's services\n\nChildren in Anytown",
		"\n\nWhat needs to improve\n\n",
		"\n\n- The quality of plans for care leavers.\n\n- The timeliness of return home interviews.\n\n",
		"Children in Anytown are safe and well supported by social workers who know them well.",
		"\n\nOverall effectiveness\n\nGood\n\n",
	} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
	for _, chrome := range []string{"Sign in", "Subscribe", "Read full story", "Privacy policy"} {
		if strings.Contains(doc.Text, chrome) {
			t.Errorf("text keeps the page's chrome %q:\n%s", chrome, doc.Text)
		}
	}
}

func TestReadHTMLErrorPages(t *testing.T) {
	tests := []struct {
		name string
		page string
		want string // "" when the page is a report
	}{
		{
			name: "report not found",
			page: `<!DOCTYPE html><html><head><title>Report not found - Find an inspection report</title></head>
<body><nav>Home | Search</nav><h1>Report not found</h1><p>The report you asked for no longer exists.</p>
<p><a href="/">Search again</a></p></body></html>`,
			want: `not a report: "Report not found" page`,
		},
		{
			name: "404 in the title only",
			page: `<html><head><title>404 - Page Not Found</title></head><body><h1>Sorry</h1><p>We could not find that page.</p></body></html>`,
			want: `not a report: "404" page`,
		},
		{
			name: "a long report that mentions not found",
			page: `<html><head><title>Children not found: missing from education</title></head><body><h1>Children not found</h1><p>` +
				strings.Repeat("Leaders track children missing from education closely and act quickly when they go missing. ", 40) + `</p></body></html>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readHTML([]byte(tt.page))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("err = %v, want none", err)
			case tt.want != "" && !errors.Is(err, ErrNotReport):
				t.Fatalf("err = %v, want ErrNotReport", err)
			case tt.want != "" && err.Error() != tt.want:
				t.Errorf("err = %q, want %q", err, tt.want)
			}
		})
	}
}

func TestReadHTMLCharset(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Children\x92s services</title></head><body><p>" +
		strings.Repeat("Children\x92s services in Anytown are good and getting better. ", 10) + "</p></body></html>"
	doc, err := readHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Children\u2019s services in Anytown") {
		t.Errorf("text %q: want the curly apostrophe decoded", doc.Text)
	}
}
