package extract

import (
	"testing"

	"github.com/findings/findings/pkg/clean"
)

func TestTitle(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
	}{
		{"news headline", "Council's care for children 'not good enough', say inspectors\n\nInspectors found that plans for children were weak.\n",
			"Council's care for children 'not good enough', say inspectors"},
		{"letterhead, then the subject line run into the letter",
			"Ofsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD\n\n12 May 2024\n\nDear Ms Smith,\nFocused visit to Anyshire children’s services\nThis letter summarises the findings of the focused visit to Anyshire.\n",
			"Focused visit to Anyshire children’s services"},
		{"a title set on two lines",
			"Inspection of Anyshire County\n\nCouncil local authority children’s services\n\nInspection dates: 4 to 15 March 2024\n\nChildren in Anyshire are safe.\n",
			"Inspection of Anyshire County Council local authority children’s services"},
		{"a short title that is all there is", "Anyshire\n\nChildren are safe.\n", "Anyshire"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := title(tt.text, clean.Blocks(tt.text)); got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}
