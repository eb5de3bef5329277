package nlp

import (
	"slices"
	"testing"
)

func TestDataLines(t *testing.T) {
	text := "# a comment\n\n  first line  \r\n\t# indented comment\nsecond # kept\n   \nlast"
	want := []string{"first line", "second # kept", "last"}
	if got := DataLines(text); !slices.Equal(got, want) {
		t.Errorf("DataLines = %q, want %q", got, want)
	}
	var nums []int
	for n, l := range NumberedDataLines(text) {
		nums = append(nums, n)
		if l == "second # kept" {
			break // stopping early must not panic
		}
	}
	if !slices.Equal(nums, []int{3, 5}) {
		t.Errorf("line numbers = %v, want [3 5]", nums)
	}
	if got := DataLines(""); got != nil {
		t.Errorf("DataLines(\"\") = %q, want nil", got)
	}
}
