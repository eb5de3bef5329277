package ofsted

import "testing"

func TestCouncil(t *testing.T) {
	cases := []struct {
		stated, title, source string
		key, name             string
	}{
		{"Birmingham City Council", "", "", "birmingham", "Birmingham"},
		{"Birmingham", "", "", "birmingham", "Birmingham"},
		{"Birmingham’s", "", "", "birmingham", "Birmingham"},
		{"Kingston-upon-Hull", "", "", "kingston upon hull", "Kingston upon Hull"},
		{"Hull City Council", "", "", "kingston upon hull", "Kingston upon Hull"},
		{"St. Helens", "", "", "st helens", "St Helens"},
		{"Dudley MBC", "", "", "dudley", "Dudley"},
		{"Sally Smith, Director of Children’s Services, Sandwell Children’s Trust", "", "", "sandwell", "Sandwell"},
		// the longest name wins
		{"North Somerset Council", "", "", "north somerset", "North Somerset"},
		{"Bath & North East Somerset", "", "", "bath and north east somerset", "Bath and North East Somerset"},
		// an empty or stray authority: the title, then the file name
		{"", "Kent", "", "kent", "Kent"},
		{"Within", "Inspection of Derby children's services", "x.txt", "derby", "Derby"},
		{"", "", "reports/80429-birmingham-children-s-services-inspection-2016.txt", "birmingham", "Birmingham"},
		{"", "", "reports/windsor-maidenhead-2020.pdf", "windsor and maidenhead", "Windsor and Maidenhead"},
		// a title that is only a council's name outweighs a stray one
		{"Cornwall", "Isles of Scilly", "", "isles of scilly", "Isles of Scilly"},
		// councils not in the list keep their name, less the kind of council
		{"Northby City Council", "", "", "northby", "Northby"},
		{"London Borough of Eastwich", "", "", "eastwich", "Eastwich"},
		{"", "", "reports/2019-westford-inspection.txt", "westford", "westford"},
		{"", "", "", "", ""},
	}
	for _, c := range cases {
		key, name := Council(c.stated, c.title, c.source)
		if key != c.key || name != c.name {
			t.Errorf("Council(%q, %q, %q) = %q, %q, want %q, %q", c.stated, c.title, c.source, key, name, c.key, c.name)
		}
	}
}
