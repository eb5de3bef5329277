package clean

import (
	"reflect"
	"strings"
	"testing"
)

// blockSeeds are texts written for the fuzz target: the layouts Blocks
// meets (PDF page breaks with running footers, judgement tables, numbered
// paragraphs, bullets, CRLF line ends, web chrome), small enough for the
// fuzzer to mutate.
var blockSeeds = []string{
	"",
	"\n\n\f\n",
	"Inspection of Fenbury local authority children's services\n\nChildren are safe.\n",
	"Judgement\n\nGrade\n\nOverall effectiveness\n\nGood\n\nThe experiences and progress of\ncare leavers\n\nRequires improvement to be good\n",
	"Fenbury inspection report\n1\n\fWhat needs to improve?\n\n7.\nPlans for children are not\nFenbury inspection report\n2\n\freviewed often enough. Help is delayed.\nFenbury inspection report\n3\n\f",
	"• Management oversight of\n  private fostering.\n◼ Return home interviews.\n- Placement sufficiency.\n\uf0b7\nThe use of data.\n",
	"Line one ends here.\r\nLine two goes on\r\nacross a CRLF break.\r\n\r\nA new paragraph.\r\n",
	"Home | News | Sport\n\nCouncil rated good\n\nSubscribe today\n\nContact us: 01632 960123 or info@example.org\n\n© Example Media\n",
	"12. Leaders know the service well\u200b\n\ufeffand act on what they find.\n\n(a) an aside\nLabel: value\n",
	"Overall effectiveness\n\n3\n\f\nGood\n",
	"\u00a0\u2028 \t\v\x85 odd white space\u2029\n",
}

// squashSpace joins runs of white space, and of the zero-width marks that
// lines are trimmed of, into single spaces.
func squashSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// FuzzBlocks checks that Blocks never panics, that it maps every block
// back to the document faithfully (each stretch inside the document, in
// order, holding the stretch's text up to white space) and that it gives
// the same blocks for the same text.
func FuzzBlocks(f *testing.F) {
	for _, s := range blockSeeds {
		f.Add(s, uint16(0), uint16(0xffff))
	}
	f.Fuzz(func(t *testing.T, text string, from, to uint16) {
		blocks := Blocks(text)
		if again := Blocks(text); !reflect.DeepEqual(blocks, again) {
			t.Fatalf("Blocks is not deterministic for %q", text)
		}
		last := 0
		for bi := range blocks {
			b := &blocks[bi]
			if len(b.pieces) == 0 {
				t.Fatalf("block %d (%q) has no pieces", bi, b.Text)
			}
			if b.Start() < last || b.End() < b.Start() || b.End() > len(text) {
				t.Fatalf("block %d (%q) lies at [%d,%d), after %d, in a text of %d bytes", bi, b.Text, b.Start(), b.End(), last, len(text))
			}
			last = b.Start()
			checkStretchesFuzz(t, text, b, 0, len(b.Text))
			// and a part of the block, as a sentence would be
			i, j := int(from)%(len(b.Text)+1), int(to)%(len(b.Text)+1)
			if i > j {
				i, j = j, i
			}
			checkStretchesFuzz(t, text, b, i, j)
		}
	})
}

func checkStretchesFuzz(t *testing.T, text string, b *Block, i, j int) {
	t.Helper()
	sts := b.Stretches(i, j)
	prevEnd, prevTo := 0, i
	for k, st := range sts {
		if st.From < prevTo || st.To < st.From || st.To > j {
			t.Fatalf("block %q [%d,%d): stretch %d has text range [%d,%d)", b.Text, i, j, k, st.From, st.To)
		}
		if st.Start < prevEnd || st.End < st.Start || st.End > len(text) {
			t.Fatalf("block %q [%d,%d): stretch %d at [%d,%d) out of order or outside a text of %d bytes", b.Text, i, j, k, st.Start, st.End, len(text))
		}
		if got, want := squashSpace(text[st.Start:st.End]), squashSpace(b.Text[st.From:st.To]); got != want {
			t.Fatalf("block %q [%d,%d): stretch %d: document has %q, block has %q", b.Text, i, j, k, got, want)
		}
		prevEnd, prevTo = st.End, st.To
	}
	// the stretches cover every word of the range
	var covered strings.Builder
	for _, st := range sts {
		covered.WriteString(b.Text[st.From:st.To])
		covered.WriteByte(' ')
	}
	if got, want := squashSpace(covered.String()), squashSpace(b.Text[i:j]); got != want {
		t.Fatalf("block %q [%d,%d): stretches cover %q, want %q", b.Text, i, j, got, want)
	}
}
