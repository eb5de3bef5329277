//go:build ignore

// Generator for the findings project's web fixtures: small PDFs
// drawn by hand with a Type1 font, as pkg/source's tests do. Run from the
// repository root: go run testdata/web/gen/main.go testdata/web
package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
)

type line struct {
	text string
	size float64
	x, y float64
}

func width(c byte) int {
	switch {
	case c == ' ':
		return 278
	case c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == '\'':
		return 222
	case c == 'm' || c == 'w' || c == 'M' || c == 'W':
		return 833
	case c >= 'A' && c <= 'Z':
		return 667
	}
	return 556
}

func makePDF(title string, pages [][]line) []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	add("<< /Type /Catalog /Pages 2 0 R >>")
	add("")
	var widths strings.Builder
	for c := 32; c <= 126; c++ {
		fmt.Fprintf(&widths, "%d ", width(byte(c)))
	}
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + widths.String() + "] >>")
	var kids []string
	for _, page := range pages {
		var content strings.Builder
		for _, l := range page {
			esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(l.text)
			fmt.Fprintf(&content, "BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n", l.size, l.x, l.y, esc)
		}
		c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len()+1, content.String()))
		p := add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", font, c))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	info := add(fmt.Sprintf("<< /Title (%s) /Producer (findings test fixture) >>", title))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, info, xref)
	return b.Bytes()
}

// para lays out lines of body text from y down, 14 points apart.
func para(y float64, texts ...string) []line {
	var ls []line
	for i, t := range texts {
		ls = append(ls, line{t, 11, 72, y - 14*float64(i)})
	}
	return ls
}

func page(parts ...[]line) []line {
	var p []line
	for _, x := range parts {
		p = append(p, x...)
	}
	return p
}

func main() {
	inspection := makePDF("Inspection of Westford local authority children's services", [][]line{
		page(
			[]line{{"Inspection of Westford local authority children's services", 16, 72, 770}},
			[]line{{"Inspection dates: 4 to 15 March 2024", 11, 72, 745}},
			[]line{{"Judgement", 11, 72, 715}, {"Grade", 11, 360, 715}},
			[]line{{"The impact of leaders on social work practice with children and families", 11, 72, 697}, {"Good", 11, 460, 697}},
			[]line{{"The experiences and progress of children who need help and protection", 11, 72, 681}, {"Good", 11, 460, 681}},
			[]line{{"The experiences and progress of children in care", 11, 72, 665}, {"Requires improvement to be good", 11, 360, 665}},
			[]line{{"The experiences and progress of care leavers", 11, 72, 649}, {"Good", 11, 460, 649}},
			[]line{{"Overall effectiveness", 11, 72, 633}, {"Good", 11, 460, 633}},
			para(600,
				"Children in Westford are well supported by social workers who know",
				"them well. Leaders have a clear understanding of the service and have",
				"improved it steadily since the last inspection in 2019.",
			),
			[]line{{"What needs to improve in this local authority?", 13, 72, 545}},
			para(520,
				"Plans for children in care are not specific enough, and too few",
				"reviews check that the actions agreed have been carried out.",
				"Caseloads are too high in the assessment teams, where 45% of social",
				"workers are agency staff.",
			),
		),
		page(
			[]line{{"The experiences and progress of children in care: requires improvement", 13, 72, 770}},
			para(745,
				"Most children in care live in stable homes and see their families",
				"as often as is right for them. However, 32 children waited more than",
				"six months for a permanent plan, and the independent reviewing officers",
				"do not challenge drift effectively.",
			),
			para(670,
				"Care leavers speak highly of their personal advisers, who keep in touch",
				"with them and help them into education, employment or training.",
			),
		),
	})
	letter := makePDF("Focused visit to Westford children's services", [][]line{
		page(
			[]line{{"Focused visit to Westford children's services", 16, 72, 770}},
			[]line{{"Date of visit: 10 and 11 October 2023", 11, 72, 745}},
			para(715,
				"This letter summarises the findings of the focused visit to Westford",
				"children's services. Inspectors looked at the council's arrangements",
				"for children in need and those subject to a child protection plan.",
			),
			[]line{{"Headline findings", 13, 72, 660}},
			para(635,
				"Social workers visit children regularly and see them alone. Children's",
				"wishes and feelings are recorded well and shape their plans.",
				"Management oversight of child protection work is not consistent, and",
				"some strategy meetings are held too late to protect children promptly.",
			),
			[]line{{"What needs to improve?", 13, 72, 560}},
			para(535,
				"The timeliness of strategy meetings when children are at risk of harm.",
				"The quality of supervision, which does not always set clear actions.",
			),
		),
	})
	must(os.WriteFile(os.Args[1]+"/report.pdf", inspection, 0o644))
	must(os.WriteFile(os.Args[1]+"/westford/reports/inspection-2024.pdf", inspection, 0o644))
	must(os.WriteFile(os.Args[1]+"/v1/file/50252240", letter, 0o644))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
