package theme

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/nlp"
)

// The sentences are written for this project, in the manner of inspection
// reports; none is taken from a real report.
func TestTag(t *testing.T) {
	cases := []struct {
		sentence string
		want     []string
	}{
		// workforce and caseloads
		{"Caseloads in the assessment service have fallen to about 18 children each.", []string{"workforce_and_caseloads", "assessment_and_planning"}},
		{"The council relies on agency staff for a third of its posts.", []string{"workforce_and_caseloads"}},
		{"High turnover means that some families have had four changes of social worker in a year.", []string{"workforce_and_caseloads"}},
		{"Newly qualified staff are protected from taking on work that is too complex.", []string{"workforce_and_caseloads"}},
		// front door and referrals
		{"Decisions at the front door are timely and proportionate.", []string{"front_door_and_referrals"}},
		{"Partners understand the thresholds for a referral to children's social care.", []string{"front_door_and_referrals", "partnerships"}},
		{"The out-of-hours team responds quickly to emergencies.", []string{"front_door_and_referrals"}},
		// assessment and planning
		{"Assessments are thorough and lead to plans that say what must change.", []string{"assessment_and_planning"}},
		{"Chronologies are rarely kept up to date.", []string{"assessment_and_planning"}},
		// child protection
		{"Strategy discussions are held promptly when a child may be at risk of significant harm.", []string{"child_protection"}},
		{"Child protection conferences are well attended.", []string{"child_protection"}},
		{"Neglect is not recognised soon enough for some children.", []string{"child_protection"}},
		// children in care and placements
		{"Children in care live in stable homes close to their families.", []string{"children_in_care_and_placements"}},
		{"Too few foster carers are available for teenagers, so some are placed in residential care far away.", []string{"children_in_care_and_placements"}},
		{"Looked-after children's health assessments are up to date.", []string{"children_in_care_and_placements"}},
		// permanence and adoption
		{"Permanence is secured for most children without delay.", []string{"permanence_and_adoption"}},
		{"Adopters are well prepared and supported after the adoption order.", []string{"permanence_and_adoption"}},
		{"Special guardians receive the support they need.", []string{"permanence_and_adoption"}},
		// care leavers
		{"Care leavers are well supported by their personal advisers.", []string{"care_leavers"}},
		{"Pathway plans are written with young people and reviewed regularly.", []string{"care_leavers"}},
		{"A few young adults were living in bed and breakfast accommodation.", []string{"care_leavers"}},
		// missing children and exploitation
		{"Return home interviews are offered to every child who goes missing.", []string{"missing_and_exploitation"}},
		{"Children at risk of criminal exploitation and county lines get skilled help.", []string{"missing_and_exploitation"}},
		// disabled children
		{"Disabled children wait too long for short breaks.", []string{"disabled_children"}},
		{"Children with SEND have an education, health and care plan.", []string{"disabled_children"}},
		// early help
		{"Families receive early help from the family hubs without a referral to social care.", []string{"front_door_and_referrals", "early_help"}},
		{"Cases are stepped down to early help when risks reduce.", []string{"early_help"}},
		// voice of the child
		{"Social workers capture children's wishes and feelings through direct work.", []string{"voice_of_the_child"}},
		{"The children in care council has shaped the pledge.", []string{"voice_of_the_child"}},
		{"Children are seen alone and their views are recorded.", []string{"voice_of_the_child"}},
		// quality assurance and audit
		{"Audits are rigorous and moderated, and learning is shared with staff.", []string{"quality_assurance_and_audit"}},
		{"Management oversight is evident on most records.", []string{"quality_assurance_and_audit"}},
		// leadership and governance
		{"Senior leaders and elected members know the service well.", []string{"leadership_and_governance"}},
		{"Scrutiny by the corporate parenting board is weak.", []string{"leadership_and_governance"}},
		// partnerships
		{"The police and health partners attend strategy meetings.", []string{"child_protection", "partnerships"}},
		{"Multi-agency working is strong.", []string{"partnerships"}},

		// negatives: a care leaver is not a child in care, nor the other way
		{"Care leavers say they feel part of the community.", []string{"care_leavers"}},
		{"Children in care say they feel part of the community.", []string{"children_in_care_and_placements"}},
		// "help and protection" is not early help; "early years" is not either
		{"Children who need help and protection are seen promptly.", nil},
		{"The early years offer has been expanded.", nil},
		// the multi-agency safeguarding hub is the front door, not
		// partnerships or child protection
		{"The multi-agency safeguarding hub is well staffed.", []string{"front_door_and_referrals"}},
		// a plan to do something is no care plan
		{"Leaders plan to open a new children's home.", []string{"children_in_care_and_placements", "leadership_and_governance"}},
		// training for a job is not staff training
		{"More young people are in education, employment or training.", nil},
		// the child's culture is not the organisation's
		{"Children are helped to understand their culture and identity.", nil},
		// "missing" without a child going missing
		{"Information was missing from some records.", nil},
		// permanently excluded from school is not permanence
		{"Few children are permanently excluded from school.", nil},
		// inspectors hearing from staff is not the child's voice
		{"Inspectors heard from social workers about their work.", nil},
		// "lack" is not "LAC"; "sending" is not SEND
		{"A lack of sending letters delayed the case.", nil},
		{"", nil},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			if got := Tag(c.sentence); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Tag(%q) = %q, want %q\ncues: %v", c.sentence, got, c.want, Default().Match(c.sentence))
			}
		})
	}
}

// Every theme the lexicon has is exercised by a sentence above; the list
// of themes is the one the issue asks for, in its order.
func TestThemesList(t *testing.T) {
	var ids []string
	for _, th := range Themes() {
		ids = append(ids, th.ID)
	}
	want := []string{
		"workforce_and_caseloads", "front_door_and_referrals", "assessment_and_planning", "child_protection",
		"children_in_care_and_placements", "permanence_and_adoption", "care_leavers", "missing_and_exploitation",
		"disabled_children", "early_help", "voice_of_the_child", "quality_assurance_and_audit",
		"leadership_and_governance", "partnerships",
	}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("themes = %q, want %q", ids, want)
	}
	if got := Label("care_leavers"); got != "care leavers" {
		t.Errorf("Label = %q", got)
	}
	if got := Label("nope"); got != "nope" {
		t.Errorf("Label of an unknown id = %q", got)
	}
}

func TestMatchCues(t *testing.T) {
	got := Default().Match("Caseloads are high and caseloads in the MASH are higher still.")
	want := []Match{
		{Theme: "workforce_and_caseloads", Cues: []string{"caseload*", "caseload*"}},
		{Theme: "front_door_and_referrals", Cues: []string{"mash"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Match = %+v, want %+v", got, want)
	}
}

func TestCompile(t *testing.T) {
	l, err := Compile(`
# a comment
[a] first
red
blue sky*
big ... dog

[b]
blue
green apple

[-] stops
red herring
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Themes(); !reflect.DeepEqual(got, []Theme{{"a", "first"}, {"b", "b"}}) {
		t.Errorf("Themes = %v", got)
	}
	for _, c := range []struct {
		s    string
		want []string
	}{
		{"Red.", []string{"a"}},
		{"a red herring", nil},                      // the stop phrase is longer
		{"blue skylines", []string{"a"}},            // longest phrase wins over "blue"
		{"blue", []string{"b"}},                     // only "blue" fits
		{"blue green apple", []string{"b"}},         // two phrases of b
		{"big brown old dog", []string{"a"}},        // ... skips two words
		{"big a b c d dog", nil},                    // but not four
		{"Green apple and red", []string{"a", "b"}}, // lexicon order, not sentence order
	} {
		if got := l.Tag(c.s); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tag(%q) = %q, want %q", c.s, got, c.want)
		}
	}
	for _, bad := range []string{
		"",
		"red",
		"[a\nred",
		"[a]\nred\n[a]\nblue",
		"[a]\nred\nRed",
		"[a]\nab*",
		"[a]\n... dog",
		"[a]\ndog ...",
		"[a]\n-- --",
	} {
		if _, err := Compile(bad); err == nil {
			t.Errorf("Compile(%q): no error", bad)
		}
	}
}

func TestWords(t *testing.T) {
	got := words("Children’s CARE-leavers, 0–25 service; the child's views... don't")
	want := []string{"children's", "care", "leavers", "0", "25", "service", "the", "child's", "views", "don't"}
	if !slices.Equal(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
}

// Tag must not depend on anything but the sentence.
func FuzzTag(f *testing.F) {
	for _, s := range []string{"Care leavers’ pathway plans", "multi-agency safeguarding hub", "a ... b", "É\xff caseloads"} {
		f.Add(s)
	}
	order := map[string]int{}
	for i, th := range Themes() {
		order[th.ID] = i
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b := Tag(s), Tag(strings.Clone(s))
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("Tag(%q) differs between calls: %q, %q", s, a, b)
		}
		for i := 1; i < len(a); i++ {
			if order[a[i-1]] >= order[a[i]] {
				t.Fatalf("Tag(%q) = %q: not in lexicon order", s, a)
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	s := "Although caseloads have reduced, some children in care still experience too many changes of social worker, and their views are not always recorded in their plans."
	for b.Loop() {
		Tag(s)
	}
}

// TestTagWordsSameAsTag checks that tagging a sentence from its words,
// split with hyphens kept, gives Tag's themes: on every line of the
// reports written for the tests and on sentences of hyphens, apostrophes
// and capitals.
func TestTagWordsSameAsTag(t *testing.T) {
	sentences := []string{
		"The out-of-hours team responds quickly.", "Children’s well-being is well-led.", "CHILD-PROTECTION plans-",
		"-leading hyphen and a--double one", "a-’b x’-y co-op’s re-referrals", "Care-leavers' pathway-plans",
		"", "---", "Éducation-santé care-leavers", "step-by-step e-safety",
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test reports (%v)", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sentences = append(sentences, strings.Split(string(b), "\n")...)
	}
	tagged := 0
	for _, s := range sentences {
		ws := slices.Collect(nlp.Words(s, nlp.WordOptions{Hyphens: true, Punct: true}))
		got, want := TagWords(ws), Tag(s)
		if !slices.Equal(got, want) {
			t.Errorf("TagWords(%q) = %q, Tag %q", s, got, want)
		}
		if len(want) > 0 {
			tagged++
		}
	}
	if tagged < 10 {
		t.Fatalf("only %d sentences have themes: the test tests little", tagged)
	}
}
