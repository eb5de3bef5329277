package ofsted

import (
	"regexp"
	"testing"
)

// TestGrades checks data/grades.txt reads without error, and that the
// prose pattern accepts what the hand-written one did and no more.
func TestGrades(t *testing.T) {
	gs, err := Grades()
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 5 {
		t.Fatalf("want 5 grades, got %d", len(gs))
	}
	ranks := map[string]int{"outstanding": 4, "good": 3, "requires_improvement": 2, "adequate": 2, "inadequate": 1, "not_graded": 0}
	for name, want := range ranks {
		if got := Rank(name); got != want {
			t.Errorf("Rank(%q) = %d, want %d", name, got, want)
		}
	}
	prose := regexp.MustCompile(`(?i)^(?:` + GradePattern(true, true) + `)$`)
	for s, want := range map[string]bool{
		"good": true, "Inadequate": true, "requires improvement": true, "require  improvement": true,
		"required improvement to be good": true, "requiring improvement": true, "requires improvement to be": false,
		"improvement": false, "requiress improvement": false,
	} {
		if got := prose.MatchString(s); got != want {
			t.Errorf("prose pattern on %q = %v, want %v", s, got, want)
		}
	}
	cell := regexp.MustCompile(`(?i)^(?:` + GradePattern(false, false) + `)$`)
	if cell.MatchString("require improvement") || !cell.MatchString("requires improvement") {
		t.Error("the written forms are the first of each grade's words only")
	}
}

// TestParseGrade checks a bad line is an error, not a grade.
func TestParseGrade(t *testing.T) {
	for _, l := range []string{"good | 3", "good | three | good", "good | 3 | + to be good"} {
		if _, err := parseGrade(l); err == nil {
			t.Errorf("parseGrade(%q): want an error", l)
		}
	}
}
