package extract

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/findings/findings/pkg/clean"
	"github.com/findings/findings/pkg/nlp"
	"github.com/findings/findings/pkg/report"
	"github.com/findings/findings/pkg/theme"
)

//go:embed data
var dataFS embed.FS

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

type scopeRule struct {
	phrase string // padded with spaces: " care leavers "
	scope  string
}

// Extractor turns documents into reports. It holds one value per stage,
// each with its own rules loaded once, and is safe for concurrent use;
// analyse is the one place that knows their order.
type Extractor struct {
	facts      factStage     // title, date, authority, inspection type
	judgements *judgeStage   // grades and what they grade
	metrics    *metricStage  // numbers that measure the service
	verdicts   *verdictStage // strength, weakness, mixed or neutral: rules, then the model
}

// judgeStage finds the judgements in a sentence or table row.
type judgeStage struct {
	sections sectionRules
	scopes   []scopeRule
}

// metricStage finds the metrics of a sentence.
type metricStage struct {
	numbers *numberWords
	masks   []guarded // notmetrics.txt: spans whose numbers are no metric
}

// verdictStage decides the kind of a sentence: the rules, then the model
// weighing the evidence.
type verdictStage struct {
	cues, negators, contrast *lexicon
	aims, needs, undoers     *lexicon
	efforts                  *lexicon
	who, does                *lexicon // practice: its people and its verbs
	neutrals                 *lexicon
	sections                 sectionRules
	neutralStart, neutralAny *regexp.Regexp     // neutral.txt: patterns anchored at the start, and the rest
	polarity                 map[string]float64 // word -> z from graded reports (data/polarity.tsv)
	model                    *Model             // nil: the rules alone decide
	collect                  bool               // compute features even without a model (training)
}

// sectionRules are data/sections.txt: heading prefixes and their class.
type sectionRules []sectionRule

// An Option configures an Extractor.
type Option func(*options)

type options struct {
	without  map[string]bool
	model    *Model
	modelSet bool
}

// WithModel uses m to weigh the evidence instead of the embedded model;
// nil leaves the call to the rules alone.
func WithModel(m *Model) Option {
	return func(o *options) { o.model, o.modelSet = m, true }
}

// WithoutOrigins leaves out the lexicon entries that the named development
// documents called for, to measure how the rules do on a document they were
// not tuned on (leave-one-document-out).
func WithoutOrigins(docs ...string) Option {
	return func(o *options) {
		for _, d := range docs {
			if d != "" {
				o.without[d] = true
			}
		}
	}
}

// New compiles the embedded lexicons.
func New(opts ...Option) (*Extractor, error) {
	o := options{without: map[string]bool{}}
	for _, opt := range opts {
		opt(&o)
	}
	// the sentence models and the sentence model of findings take longest
	// to load: both load beside the lexicons (the process has two cores)
	go nlp.Warm()
	type loaded struct {
		m   *Model
		err error
	}
	modelc := make(chan loaded, 1)
	go func() {
		if o.modelSet {
			modelc <- loaded{o.model, nil}
			return
		}
		b, err := dataFS.ReadFile("data/model.tsv")
		if err != nil {
			modelc <- loaded{} // no model: the rules alone decide
			return
		}
		m, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			err = fmt.Errorf("model.tsv: %w", err)
		}
		modelc <- loaded{m, err}
	}()
	read := func(name string) (string, error) {
		b, err := dataFS.ReadFile("data/" + name)
		return string(b), err
	}
	cues, err := read("cues.txt")
	if err != nil {
		return nil, err
	}
	v := &verdictStage{}
	j := &judgeStage{}
	m := &metricStage{}
	x := &Extractor{judgements: j, metrics: m, verdicts: v}
	if v.cues, err = parseLexicon("cues.txt", filterClasses(cues, "pos", "neg"), "pos", "neg"); err != nil {
		return nil, err
	}
	if v.negators, err = parseLexicon("cues.txt", filterClasses(cues, "not"), "not"); err != nil {
		return nil, err
	}
	if v.contrast, err = parseLexicon("cues.txt", filterClasses(cues, "but"), "but"); err != nil {
		return nil, err
	}
	if v.aims, err = parseLexicon("cues.txt", filterClasses(cues, "aim"), "aim"); err != nil {
		return nil, err
	}
	if v.needs, err = parseLexicon("cues.txt", filterClasses(cues, "need"), "need"); err != nil {
		return nil, err
	}
	if v.undoers, err = parseLexicon("cues.txt", filterClasses(cues, "undo"), "undo"); err != nil {
		return nil, err
	}
	if v.neutrals, err = parseLexicon("cues.txt", filterClasses(cues, "neu"), "neu"); err != nil {
		return nil, err
	}
	if v.efforts, err = parseLexicon("cues.txt", filterClasses(cues, "effort"), "effort"); err != nil {
		return nil, err
	}
	if v.who, err = parseLexicon("cues.txt", filterClasses(cues, "who"), "who"); err != nil {
		return nil, err
	}
	if v.does, err = parseLexicon("cues.txt", filterClasses(cues, "does"), "does"); err != nil {
		return nil, err
	}
	for _, lx := range []**lexicon{&v.cues, &v.negators, &v.contrast, &v.aims, &v.needs, &v.undoers, &v.neutrals, &v.efforts, &v.who, &v.does} {
		*lx = (*lx).without(o.without)
	}

	sections, err := read("sections.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range dataLines(sections) {
		class, prefix, _ := strings.Cut(l, " ")
		c := map[string]int{"weakness": sectionWeakness, "strength": sectionStrength, "neutral": sectionNeutral, "descriptor": sectionDescriptor}[class]
		if c == 0 {
			return nil, fmt.Errorf("sections.txt: unknown class %q", class)
		}
		v.sections = append(v.sections, sectionRule{prefix: strings.TrimSpace(prefix), class: c})
	}
	scopes, err := read("scopes.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range dataLines(scopes) {
		f := strings.Fields(l)
		if len(f) < 3 {
			return nil, fmt.Errorf("scopes.txt: bad line %q", l)
		}
		j.scopes = append(j.scopes, scopeRule{phrase: " " + strings.Join(f[2:], " ") + " ", scope: f[0]})
	}
	numbers, err := read("numbers.txt")
	if err != nil {
		return nil, err
	}
	if m.numbers, err = parseNumbers(numbers); err != nil {
		return nil, err
	}
	masks, err := read("notmetrics.txt")
	if err != nil {
		return nil, err
	}
	if m.masks, err = parseMasks(masks); err != nil {
		return nil, err
	}
	neutral, err := read("neutral.txt")
	if err != nil {
		return nil, err
	}
	var starts, anys []string
	for _, l := range dataLines(neutral) {
		if _, err := regexp.Compile(l); err != nil {
			return nil, fmt.Errorf("neutral.txt: %w", err)
		}
		if strings.HasPrefix(l, "^") {
			starts = append(starts, "(?:"+l[1:]+")")
		} else {
			anys = append(anys, "(?:"+l+")")
		}
	}
	if len(starts) > 0 {
		// one ^ for all, so that the matcher gives up after the first position
		v.neutralStart = regexp.MustCompile(`(?i)^(?:` + strings.Join(starts, "|") + `)`)
	}
	if len(anys) > 0 {
		v.neutralAny = regexp.MustCompile(`(?i)` + strings.Join(anys, "|"))
	}
	pol, err := read("polarity.tsv")
	if err != nil {
		return nil, err
	}
	v.polarity = map[string]float64{}
	for _, l := range dataLines(pol) {
		w, z, ok := strings.Cut(l, "\t")
		val, err := strconv.ParseFloat(z, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("polarity.tsv: bad line %q", l)
		}
		v.polarity[w] = val
	}
	l := <-modelc
	if l.err != nil {
		return nil, l.err
	}
	v.model = l.m
	j.sections = v.sections
	return x, nil
}

// filterClasses keeps the lexicon lines of the given classes.
func filterClasses(data string, classes ...string) string {
	var sb strings.Builder
	for _, l := range strings.Split(data, "\n") {
		f := strings.Fields(l)
		if len(f) > 0 && contains(classes, f[0]) {
			sb.WriteString(l)
		}
		sb.WriteString("\n") // keep line numbers
	}
	return sb.String()
}

// dataLines are a data file's lines without comments and blanks.
func dataLines(data string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// sectionOf is the class of the section a heading names.
func (rs sectionRules) of(name string) int {
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

var (
	// a sentence that turns the last one's numbers into a change: "This is
	// an increase from 2,239."
	changeBackRE = regexp.MustCompile(`(?i)^(?:this|which|that)\s+(?:is|was|represents|has|had)?\s*(?:been\s+)?(?:an?\s+)?(?:further\s+)?(increase|increased|rise|rose|reduction|reduced|decrease|decreased|fall|fell|drop|dropped)\b`)
)

// piece is a unit of a document (a sentence, heading, bullet item or table
// row) with what every stage found in it.
type piece struct {
	block      *clean.Block
	s, e       int    // the unit's range in block.Text
	text       string // block.Text[s:e]
	judgements []found
	metrics    []candidate
	unit       unit
	verdict    verdict
	clauses    []clause // nil when a structural rule decided
	words      []word
	features   []string // set when the model made the call
}

// analysis is a document read through every stage.
type analysis struct {
	facts  report.Facts
	pieces []piece
}

// analyse runs the pipeline over a document: clean it into blocks, read its
// facts, drop what is off topic, then cut each block into sentences and
// look at each for judgements, metrics and its kind.
func (x *Extractor) analyse(ctx context.Context, doc report.Document) (*analysis, error) {
	blocks := clean.Blocks(doc.Text)
	facts := x.facts.read(doc, blocks)
	clean.MarkOffTopic(blocks, facts.Authority)
	dc := &docContext{authority: facts.Authority, year: documentYear(facts.Date, doc.Text), pdf: strings.ContainsRune(doc.Text, '\f')}
	if dc.authority == "" {
		dc.authority = "\x00" // matches nothing
	}
	a := &analysis{facts: facts}
	// a judgement-table row ends the rule of the weakness or strength
	// section it stands in: what follows the row is not an item of the list
	ended := ""
	for bi := range blocks {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b := &blocks[bi]
		if b.Chrome {
			continue
		}
		section := b.Section
		if b.Kind == clean.Row {
			if c := x.verdicts.sections.of(section); c == sectionWeakness || c == sectionStrength {
				ended = section
			}
		}
		if section == ended {
			section = ""
		}
		heading := b.Kind == clean.Heading || b.Kind == clean.Row
		type span struct{ s, e int }
		var units []span
		if heading {
			units = []span{{0, len(b.Text)}}
		} else {
			ss, err := nlp.Sentences(b.Text)
			if err != nil {
				return nil, err
			}
			for _, s := range ss {
				units = append(units, span{s.Start, s.End})
			}
		}
		dc.sentenceBefore = ""
		for _, u := range units {
			// a block can be the whole document (a text of one line):
			// a timed-out document stops within a sentence
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			p := piece{block: b, s: u.s, e: u.e, text: b.Text[u.s:u.e]}
			if heading || words(p.text) <= 25 && !endsLikeSentence(p.text) {
				p.judgements = x.judgements.judgeLabel(p.text, b.Section)
			}
			if len(p.judgements) == 0 {
				p.judgements = x.judgements.judgeProse(p.text, b.Section, dc)
			}
			dc.sentenceBefore = p.text
			p.words = splitWords(p.text)
			ms, err := x.metrics.metrics(p.text, p.words)
			if err != nil {
				return nil, err
			}
			p.metrics = ms
			p.unit = unit{text: p.text, heading: heading, bullet: b.Kind == clean.Bullet,
				section: section, judged: p.judgements, metrics: len(ms) > 0, pdf: dc.pdf}
			p.verdict, p.clauses = x.verdicts.ruleVerdict(p.unit, p.words)
			a.pieces = append(a.pieces, p)
		}
	}
	// the model weighs each sentence with what surrounds it: the report's
	// overall grade, its section's grade, the rules' call on the sentence
	// before
	if x.verdicts.model == nil && !x.verdicts.collect {
		return a, nil
	}
	docGrade := ""
	for _, p := range a.pieces {
		for _, j := range p.judgements {
			if !j.Previous && j.Scope == report.ScopeOverall && docGrade == "" {
				docGrade = j.Grade
			}
		}
	}
	ruleKinds := make([]string, len(a.pieces))
	for i := range a.pieces {
		ruleKinds[i] = a.pieces[i].verdict.kind
	}
	// the tone of the document and of each section, by the rules' calls:
	// a sentence whose own words say little leans the way its report
	// leans (a letter on an inadequate service has no grade to say so)
	docTone := tally{}
	secTone := map[string]*tally{}
	for i := range a.pieces {
		p := &a.pieces[i]
		docTone.add(ruleKinds[i], 1)
		t := secTone[p.block.Section]
		if t == nil {
			t = &tally{}
			secTone[p.block.Section] = t
		}
		t.add(ruleKinds[i], 1)
	}
	// the grade of the section a sentence is in: the last graded heading
	// or table row before it (older reports grade a section in a row)
	secGrade := ""
	for i := range a.pieces {
		p := &a.pieces[i]
		if p.unit.heading {
			for _, j := range p.judgements {
				if !j.Previous && j.Rule == "table" {
					secGrade = j.Grade
				}
			}
		}
		if p.clauses == nil {
			continue
		}
		g := secGrade
		// the rules' calls on the sentences around, not the model's: the
		// model learnt from the rules' calls, and would otherwise feed on
		// its own mistakes
		prev := "none"
		if i > 0 {
			prev = cmp.Or(ruleKinds[i-1], "neutral")
		}
		st := *secTone[p.block.Section]
		st.add(ruleKinds[i], -1) // the sentence's own call is in its features already
		ctxFeats := []string{"docgrade:" + cmp.Or(docGrade, "none"), "secgrade:" + cmp.Or(g, "none"), "prev:" + prev,
			"doctone:" + docTone.tone(), "sectone:" + st.tone()}
		if i == 0 || a.pieces[i-1].block != p.block {
			ctxFeats = append(ctxFeats, "first-in-block")
		}
		p.verdict, p.features = x.verdicts.weigh(p.unit, p.words, p.clauses, p.verdict, ctxFeats)
	}
	return a, nil
}

// tally counts the rules' strength and weakness calls (a mixed call is
// half of each).
type tally struct{ pos, neg float64 }

func (t *tally) add(kind string, n float64) {
	switch kind {
	case report.Strength:
		t.pos += n
	case report.Weakness:
		t.neg += n
	case report.Mixed:
		t.pos += n / 2
		t.neg += n / 2
	}
}

// tone names the share of weakness among the calls, in bands.
func (t tally) tone() string {
	if t.pos+t.neg < 3 {
		return "few"
	}
	switch w := t.neg / (t.pos + t.neg); {
	case w < 0.3:
		return "pos"
	case w < 0.5:
		return "leanpos"
	case w < 0.7:
		return "leanneg"
	}
	return "neg"
}

// Extract reads one document. ctx bounds the time it may take.
func (x *Extractor) Extract(ctx context.Context, doc report.Document) (*report.Report, error) {
	a, err := x.analyse(ctx, doc)
	if err != nil {
		return nil, err
	}
	rep := &report.Report{Source: doc.Source, Facts: a.facts, Findings: []report.Finding{}, Metrics: []report.Metric{}, Judgements: []report.Judgement{}}
	var last []int // the metrics of the last sentence
	for _, p := range a.pieces {
		b, text, v := p.block, p.text, p.verdict
		stretches := b.Stretches(p.s, p.e)
		stretchOf := func(off int) clean.Stretch {
			for _, st := range stretches {
				if off < st.To {
					return st
				}
			}
			return stretches[len(stretches)-1]
		}
		docSpan := func(s, e int) report.Span {
			sts := b.Stretches(p.s+s, p.s+e)
			if len(sts) == 0 {
				return report.Span{}
			}
			return report.Span{Start: sts[0].Start, End: sts[len(sts)-1].End}
		}
		if v.kind != "" {
			themes := theme.Tag(text) // the whole sentence's, for each piece of it
			for _, st := range stretches {
				rep.Findings = append(rep.Findings, report.Finding{
					Kind: v.kind, Text: squash(b.Text[st.From:st.To]), Section: b.Section,
					Span: st.Span, Rule: v.rule, Cues: v.cues, Themes: themes,
				})
			}
		}
		for _, j := range p.judgements {
			st := stretchOf(p.s + j.start)
			j.Judgement.Sentence = sentenceAround(b.Text, st.From, st.To, p.s+j.start)
			j.Judgement.Text = squash(text[j.start:j.end])
			if j.Rule == "table" {
				j.Judgement.Text = squash(text)
				// the whole row, though a page number between its label
				// and its grade cuts it in two stretches
				j.Judgement.Sentence = sentenceAround(b.Text, p.s, p.e, p.s+j.start)
			}
			j.Judgement.Span = docSpan(j.start, j.end)
			rep.Judgements = append(rep.Judgements, j.Judgement)
		}
		ms := p.metrics
		if m := changeBackRE.FindStringSubmatch(text); m != nil {
			dir := report.Decrease
			if w := strings.ToLower(m[1]); strings.HasPrefix(w, "increase") || strings.HasPrefix(w, "ris") || strings.HasPrefix(w, "rose") {
				dir = report.Increase
			}
			for _, k := range last {
				if rep.Metrics[k].Direction == "" && (len(ms) == 0 || hasUnit(ms, rep.Metrics[k].Unit)) {
					rep.Metrics[k].Direction = dir
				}
			}
			for i := range ms {
				if ms[i].Direction == "" {
					ms[i].Direction = dir
				}
			}
		}
		// a number whose subject is a pronoun ("This is a reduction from
		// 331", "of whom 48%") is about what the number before was
		// by unit: "54% of children ... for two years. This increased to
		// 56%" is about the 54%, not the two years
		lastSubject := map[string]string{}
		lastAny := ""
		for _, k := range last {
			lastSubject[rep.Metrics[k].Unit] = rep.Metrics[k].Subject
			lastAny = rep.Metrics[k].Subject
		}
		last = last[:0]
		for _, c := range ms {
			if c.Subject == "" {
				c.Subject = cmp.Or(lastSubject[c.Unit], lastAny)
			}
			lastSubject[c.Unit] = c.Subject
			lastAny = c.Subject
			st := stretchOf(p.s + c.start)
			c.Metric.Sentence = sentenceAround(b.Text, st.From, st.To, p.s+c.start)
			c.Metric.Span = docSpan(c.start, c.end)
			last = append(last, len(rep.Metrics))
			rep.Metrics = append(rep.Metrics, c.Metric)
		}
	}
	rep.Sort()
	rep.Paginate(doc.Text)
	return rep, nil
}

// Unit is a sentence as the model sees it, for training: its text as it
// lies in the document (one part per stretch that page furniture does not
// interrupt), its features, and whether the model or a rule made the call.
type Unit struct {
	Parts    []report.Span
	Features []string
	ByModel  bool
}

// Units reads a document and returns its sentences with their features.
func (x *Extractor) Units(ctx context.Context, doc report.Document) ([]Unit, error) {
	y, v := *x, *x.verdicts
	v.collect = true
	y.verdicts = &v
	a, err := y.analyse(ctx, doc)
	if err != nil {
		return nil, err
	}
	out := make([]Unit, 0, len(a.pieces))
	for _, p := range a.pieces {
		u := Unit{Features: p.features, ByModel: p.features != nil}
		for _, st := range p.block.Stretches(p.s, p.e) {
			u.Parts = append(u.Parts, st.Span)
		}
		out = append(out, u)
	}
	return out, nil
}

// maxSentence bounds the sentence a metric or judgement carries. A longer
// "sentence" is run-together text, such as a table read with no full
// stops; each of its numbers carrying all of it made a report grow in the
// square of its length (1.7 GB of memory and 260 MB of JSON for 50 KB).
// Real sentences are shorter: the longest in 211 reports is 517 bytes.
const maxSentence = 1000

// sentenceAround is text[from:to] squashed, or when that is longer than
// maxSentence, the part of it around offset at, cut between words, with
// "…" where it was cut.
func sentenceAround(text string, from, to, at int) string {
	if to-from <= maxSentence {
		return squash(text[from:to])
	}
	s := max(from, min(at-maxSentence/2, to-maxSentence))
	e := min(to, s+maxSentence)
	if i := strings.IndexByte(text[s:min(e, s+100)], ' '); i >= 0 && s > from {
		s += i + 1
	}
	for s < e && !utf8.RuneStart(text[s]) {
		s++
	}
	if i := strings.LastIndexByte(text[max(s, e-100):e], ' '); i >= 0 && e < to {
		e = max(s, e-100) + i
	}
	for e > s && e < len(text) && !utf8.RuneStart(text[e]) {
		e--
	}
	out := squash(text[s:e])
	if s > from {
		out = "…" + out
	}
	if e < to {
		out += "…"
	}
	return out
}

// squash joins a text's runs of white space into single spaces.
func squash(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func words(s string) int { return len(strings.Fields(s)) }

// documentYear is the year of the report: its date's, or else the latest
// year the text mentions.
func documentYear(date, text string) int {
	if len(date) >= 4 {
		if y, err := strconv.Atoi(date[:4]); err == nil {
			return y
		}
	}
	best := 0
	for _, m := range yearRE.FindAllString(text, -1) {
		if y, _ := strconv.Atoi(m); y > best {
			best = y
		}
	}
	return best
}

func hasUnit(cs []candidate, unit string) bool {
	for _, c := range cs {
		if c.Unit == unit {
			return true
		}
	}
	return false
}

// neutralPattern reports whether a sentence matches neutral.txt: method,
// the letter's own lines, "not graded". The patterns anchored at the start
// look only at the sentence's opening words.
func (x *verdictStage) neutralPattern(s string) bool {
	if x.neutralStart != nil && x.neutralStart.MatchString(s[:min(len(s), 120)]) {
		return true
	}
	return x.neutralAny != nil && x.neutralAny.MatchString(s)
}
