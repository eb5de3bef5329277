package extract

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// verdictStage decides the kind of a sentence: the rules, then the model
// weighing the evidence.
type verdictStage struct {
	cues, negators, contrast *lexicon
	aims, needs, undoers     *lexicon
	efforts                  *lexicon
	who, does                *lexicon // practice: its people and its verbs
	neutrals                 *lexicon
	allCues                  *lexiconGroup // every lexicon above, in one pass (findCues)
	sections                 sectionRules
	neutral                  neutralPatterns    // neutral.txt: method and the letter's own lines
	polarity                 map[string]float64 // word -> z from graded reports (data/polarity.tsv)
	model                    *Model             // nil: the rules alone decide
	table                    *table             // model's weights compiled for look-ups (setModel)
	collect                  bool               // compute features even without a model (training)
}

// Section classes (data/sections.txt).
const (
	sectionNone = iota
	sectionWeakness
	sectionStrength
	sectionNeutral
	sectionDescriptor
)

type sectionRule struct {
	prefix string
	class  int
}

// sectionRules are data/sections.txt: heading prefixes and their class.
type sectionRules []sectionRule

// sectionOf is the class of the section a heading names. It runs for
// every unit, several times: an ASCII name, the most, is read in place.
func (rs sectionRules) of(name string) int {
	if name == "" {
		return sectionNone
	}
	if isASCII(name) {
		return rs.ofASCII(strings.TrimLeft(name, "0123456789. "))
	}
	return rs.ofLowered(name)
}

// ofLowered is of for any name: the name lowered, curly apostrophes
// straightened and its leading paragraph number off. ofASCII must agree
// with it on every ASCII name (the tests check).
func (rs sectionRules) ofLowered(name string) int {
	if name == "" {
		return sectionNone
	}
	l := strings.ToLower(strings.ReplaceAll(name, "’", "'"))
	l = strings.TrimLeft(l, "0123456789. ")
	for _, r := range rs {
		if strings.HasPrefix(l, r.prefix) {
			return r.class
		}
	}
	return sectionNone
}

// ofASCII is of for an ASCII name less its footnote digits: a rule's
// prefix matches its beginning with ASCII case folded, as it would match
// the lowered name.
func (rs sectionRules) ofASCII(name string) int {
	for _, r := range rs {
		if hasLowerPrefix(name, r.prefix) {
			return r.class
		}
	}
	return sectionNone
}

// hasLowerPrefix reports whether s, lowered (ASCII), begins with prefix.
func hasLowerPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// newVerdictStage loads the cue lexicons (less the entries the documents
// in without called for), the section rules, the neutral patterns and
// the word polarities; New adds the model.
func newVerdictStage(without map[string]bool) (*verdictStage, error) {
	cues, err := readData("cues.txt")
	if err != nil {
		return nil, err
	}
	v := &verdictStage{}
	lexicons := []struct {
		lx      **lexicon
		classes []string
	}{
		{&v.negators, []string{"not"}}, {&v.contrast, []string{"but"}}, {&v.aims, []string{"aim"}},
		{&v.needs, []string{"need"}}, {&v.undoers, []string{"undo"}}, {&v.neutrals, []string{"neu"}},
		{&v.efforts, []string{"effort"}}, {&v.who, []string{"who"}}, {&v.does, []string{"does"}},
		{&v.cues, []string{"pos", "neg"}},
	}
	classes := make([][]string, len(lexicons))
	for k, c := range lexicons {
		classes[k] = c.classes
	}
	lxs, err := parseLexicons("cues.txt", cues, classes...)
	if err != nil {
		return nil, err
	}
	for k, c := range lexicons {
		*c.lx = lxs[k].without(without)
	}
	v.allCues = newLexiconGroup(v.contrast, v.efforts, v.negators, v.undoers, v.aims, v.needs, v.cues, v.neutrals, v.who, v.does)
	if v.sections, err = readSections(); err != nil {
		return nil, err
	}
	if v.neutral, err = readNeutral(); err != nil {
		return nil, err
	}
	if v.polarity, err = readPolarity(); err != nil {
		return nil, err
	}
	return v, nil
}

// setModel makes m, compiled for look-ups as tab (newTable), the model
// that weighs the evidence; nil leaves the call to the rules.
func (v *verdictStage) setModel(m *Model, tab *table) {
	v.model, v.table = m, tab
}

// sentenceCues are the matches in a sentence of every cue lexicon: those
// that cut and score its clauses and those the model's features read.
type sentenceCues struct {
	contrast, efforts, negators, undoers, aims, needs, cues []match
	neutrals, who, does                                     []match
}

// findCues finds every lexicon's phrases in ws in one pass.
func (v *verdictStage) findCues(ws []word) sentenceCues {
	var c sentenceCues
	// in the order of newLexiconGroup's lexicons
	v.allCues.find(ws, []*[]match{&c.contrast, &c.efforts, &c.negators, &c.undoers, &c.aims, &c.needs, &c.cues, &c.neutrals, &c.who, &c.does})
	return c
}

// evidence is what the rules found in a sentence, for the model to weigh:
// the lexicons' matches and the scored clauses, nil when a structural
// rule decided.
type evidence struct {
	cues    sentenceCues
	clauses []clause
}

// readSections is data/sections.txt: heading prefixes and their class.
func readSections() (sectionRules, error) {
	sections, err := readData("sections.txt")
	if err != nil {
		return nil, err
	}
	var rs sectionRules
	for _, l := range dataLines(sections) {
		class, prefix, _ := strings.Cut(l, " ")
		c := map[string]int{"weakness": sectionWeakness, "strength": sectionStrength, "neutral": sectionNeutral, "descriptor": sectionDescriptor}[class]
		if c == 0 {
			return nil, fmt.Errorf("sections.txt: unknown class %q", class)
		}
		rs = append(rs, sectionRule{prefix: strings.TrimSpace(prefix), class: c})
	}
	return rs, nil
}

// readPolarity is data/polarity.tsv: word -> z from graded reports.
func readPolarity() (map[string]float64, error) {
	pol, err := readData("polarity.tsv")
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for _, l := range dataLines(pol) {
		w, z, ok := strings.Cut(l, "\t")
		val, err := strconv.ParseFloat(z, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("polarity.tsv: bad line %q", l)
		}
		out[w] = val
	}
	return out, nil
}
