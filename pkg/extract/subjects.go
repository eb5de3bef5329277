package extract

import (
	"strings"

	"github.com/findings/findings/pkg/nlp"
	"github.com/findings/findings/pkg/report"
)

// subjects names what each number is about, from the sentence's parts of
// speech: the phrase after "of" ("64% of social workers who are
// permanent"), the noun phrase the number counts with what follows it ("12
// children became subject of special guardianship orders"), or the noun
// phrase before the verb the number completes ("caseloads had increased by
// 45%"). Pronouns ("this", "of whom") are left empty for the caller to
// resolve from the sentence before.
func (x *metricStage) subjects(text string, cs []candidate) error {
	toks, err := nlp.Tag(text)
	if err != nil {
		return err
	}
	at := func(off int) int { // the first token that ends after offset off
		for i, t := range toks {
			if t.End > off {
				return i
			}
		}
		return len(toks)
	}
	for i := range cs {
		c := &cs[i]
		if c.follows && i > 0 {
			c.Subject = cs[i-1].Subject // "from 43% to 82%": one subject
			continue
		}
		k, e := at(c.start), at(c.end)
		e = skipParenthesis(toks, e)
		if c.Unit == report.Rate { // past "per 10,000"
			for e < len(toks) && (toks[e].Tag == "CD" || toks[e].Text == "per") {
				e++
			}
		}
		of := e < len(toks) && toks[e].Text == "of"
		var after string
		switch {
		case of && e+1 < len(toks) && anaphor(toks[e+1].Text):
		case of:
			j := e + 1 // "Nineteen of 20 young people", "of the 13"
			for j < len(toks) && (toks[j].Tag == "CD" || toks[j].Tag == "DT") {
				j++
			}
			after = phraseAfter(text, toks, j, true)
		case c.Unit == report.Money:
			after = phraseAfter(text, toks, e, false)
		default:
			after = phraseAfter(text, toks, e, true)
		}
		before := x.phraseBefore(text, toks, k)
		var subj string
		switch {
		case of:
			subj = after
		case c.Unit == report.Count && after != "" && !startsWithVerb(toks, e):
			subj = after
		case c.Unit == report.Rate:
			subj = strings.TrimSpace(before + " rate per " + Number(c.Per) + " " + after)
		default:
			subj = strings.TrimSpace(before + " " + after)
		}
		c.Subject = strings.ToLower(strings.Join(strings.Fields(subj), " "))
	}
	return nil
}

// skipParenthesis steps over a bracketed aside at token k: "161 (or 32%)
// live outside".
func skipParenthesis(toks []nlp.Token, k int) int {
	if k >= len(toks) || toks[k].Text != "(" {
		return k
	}
	for i := k + 1; i < len(toks) && i < k+8; i++ {
		if toks[i].Text == ")" {
			return i + 1
		}
	}
	return k
}

// anaphor reports whether a word points back to something named earlier.
func anaphor(w string) bool {
	switch strings.ToLower(w) {
	case "whom", "which", "these", "those", "them", "this", "that", "it", "they":
		return true
	}
	return false
}

// maxSubjectWords bounds a subject phrase.
const maxSubjectWords = 10

// phraseAfter reads the phrase from token k to the end of its clause: the
// noun phrase a number counts and what is said of it.
func phraseAfter(text string, toks []nlp.Token, k int, nounFirst bool) string {
	start, end, n := -1, -1, 0
	// a counted noun phrase, or a verb saying what the counted did ("95%
	// seen within timescales"); not a time or place ("in 2014")
	for k < len(toks) && (toks[k].Tag == "DT" || toks[k].Tag == "PRP$" || toks[k].Tag == "RB") {
		k++
	}
	if nounFirst && (k >= len(toks) || toks[k].Tag == "IN" || toks[k].Tag == "TO" || toks[k].Tag == "CD") {
		return ""
	}
	for i := k; i < len(toks) && n < maxSubjectWords; i++ {
		t := toks[i]
		if clauseEnd(t) || (i > k && (t.Tag == "CD" && isDigit(t.Text[0]) || t.Text == "compared" || t.Text == "than")) {
			break
		}
		if start < 0 {
			if t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "RB" {
				continue
			}
			start = t.Start
		}
		end = t.End
		n++
	}
	if start < 0 {
		return ""
	}
	return strings.TrimRight(text[start:end], " ,")
}

// phraseBefore reads the subject of the verb nearest before token k: the
// words from the start of the clause to that verb.
func (x *metricStage) phraseBefore(text string, toks []nlp.Token, k int) string {
	v := -1
	for i := k - 1; i >= 0 && i >= k-8; i-- {
		if clauseEnd(toks[i]) {
			break
		}
		if strings.HasPrefix(toks[i].Tag, "VB") || toks[i].Tag == "MD" {
			// a change verb with its object: "reducing re-referral rates
			// from 37%" is about the rates
			if obj := x.changeObject(text, toks, i, k); obj != "" {
				return obj
			}
			v = i
			// the whole verb group: "had increased", "has been reduced"
			for v > 0 && (strings.HasPrefix(toks[v-1].Tag, "VB") || toks[v-1].Tag == "MD" || toks[v-1].Tag == "RB") {
				v--
			}
			break
		}
	}
	if v <= 0 {
		return ""
	}
	s := v - 1
	for s > 0 && !clauseEnd(toks[s-1]) && v-s < maxSubjectWords {
		if strings.HasPrefix(toks[s-1].Tag, "VB") && toks[s-1].Tag != "VBG" && toks[s-1].Tag != "VBN" {
			break // "The council said [referrals]"
		}
		s--
	}
	if s >= v {
		return ""
	}
	// "timescales for court proceedings, which now stand at 22 weeks": the
	// subject is what "which" stands for, before it
	if s == v-1 && (toks[s].Text == "which" || toks[s].Text == "that" || toks[s].Text == "who") {
		r := s
		for r > 0 && (clauseEnd(toks[r-1]) && toks[r-1].Text == "," || toks[r-1].Text == "which") {
			r--
		}
		return nounPhraseBefore(text, toks, r)
	}
	phrase := text[toks[s].Start:toks[v-1].End]
	if anaphor(strings.Fields(phrase)[0]) && len(strings.Fields(phrase)) <= 2 {
		return ""
	}
	return phrase
}

func clauseEnd(t nlp.Token) bool {
	switch t.Text {
	case ",", ";", ":", "(", ")", ".", "!", "?", "which", "while", "whereas", "because", "but", "although", "—":
		return true
	}
	return false
}

// startsWithVerb reports whether token k is a verb: a number followed by a
// verb ("784 were from the police") counts what the clause before names.
func startsWithVerb(toks []nlp.Token, k int) bool {
	return k < len(toks) && (strings.HasPrefix(toks[k].Tag, "VB") || toks[k].Tag == "MD")
}

// nounFollows reports whether the lower-cased text after a number goes on
// with a word that is not a verb's helper: "24 children" but not "13 are".
func nounFollows(after string) bool {
	f := strings.Fields(after)
	if len(f) == 0 {
		return false
	}
	w := strings.Trim(f[0], ".,;:()")
	switch w {
	case "", "are", "is", "were", "was", "have", "has", "had", "will", "would", "can", "could":
		return false
	}
	return w[0] >= 'a' && w[0] <= 'z'
}

// nounPhraseBefore is the stretch from the start of the clause to token k
// (not included), at most maxSubjectWords long: the noun phrase a relative
// clause hangs on.
func nounPhraseBefore(text string, toks []nlp.Token, k int) string {
	s := k
	for s > 0 && !clauseEnd(toks[s-1]) && k-s < maxSubjectWords {
		if strings.HasPrefix(toks[s-1].Tag, "VB") && toks[s-1].Tag != "VBG" && toks[s-1].Tag != "VBN" {
			break
		}
		s--
	}
	if s >= k {
		return ""
	}
	return text[toks[s].Start:toks[k-1].End]
}
