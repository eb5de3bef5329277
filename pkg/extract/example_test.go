package extract_test

import (
	"context"
	"fmt"

	"github.com/findings/findings/pkg/extract"
	"github.com/findings/findings/pkg/report"
)

// ExampleExtractor_Extract reads a short report written for this example
// and prints each finding with the rule that made it, and each metric.
func ExampleExtractor_Extract() {
	x, err := extract.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Overall effectiveness: Good\n\n" +
		"Children are seen quickly and social workers know them well.\n\n" +
		"Too many care plans are not updated when children's needs change.\n\n" +
		"In March, 85% of children had a visit within six weeks.\n"
	rep, err := x.Extract(context.Background(), report.Document{Source: "example.txt", Text: text})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Findings {
		fmt.Printf("%s: %s\n", f.Kind, f.Text)
	}
	for _, m := range rep.Metrics {
		fmt.Printf("metric: %g %s\n", m.Value, m.Unit)
	}
	// Output:
	// strength: Children are seen quickly and social workers know them well.
	// weakness: Too many care plans are not updated when children's needs change.
	// metric: 85 percent
	// metric: 6 duration
}
