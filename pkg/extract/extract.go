package extract

import (
	"cmp"
	"context"
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

// Extractor turns documents into reports. It holds one value per stage,
// each with its own rules loaded once, and is safe for concurrent use;
// analyse is the one place that knows their order.
type Extractor struct {
	facts      factStage     // title, date, authority, inspection type
	judgements *judgeStage   // grades and what they grade
	metrics    *metricStage  // numbers that measure the service
	verdicts   *verdictStage // strength, weakness, mixed or neutral: rules, then the model
}

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

// New loads every stage's rules from the embedded data files.
func New(opts ...Option) (*Extractor, error) {
	o := options{without: map[string]bool{}}
	for _, opt := range opts {
		opt(&o)
	}
	// the sentence models and the sentence model of findings take longest
	// to load: both load beside the lexicons (the process has two cores)
	go nlp.Warm()
	modelc := make(chan loadedModel, 1)
	go func() { modelc <- loadModel(o) }()
	v, err := newVerdictStage(o.without)
	if err != nil {
		return nil, err
	}
	j, err := newJudgeStage(v.sections)
	if err != nil {
		return nil, err
	}
	m, err := newMetricStage()
	if err != nil {
		return nil, err
	}
	f, err := newFactStage()
	if err != nil {
		return nil, err
	}
	l := <-modelc
	if l.err != nil {
		return nil, l.err
	}
	v.setModel(l.m, l.tab)
	return &Extractor{facts: f, judgements: j, metrics: m, verdicts: v}, nil
}

// loadedModel is a model and its table, compiled beside the lexicons.
type loadedModel struct {
	m   *Model
	tab *table // nil when m is
	err error
}

// loadModel is the model the options name, else the embedded one; with
// neither, the rules alone decide. It compiles the model's table too, so
// that the table is built while the lexicons are.
func loadModel(o options) loadedModel {
	if o.modelSet {
		return withTable(o.model)
	}
	keys, ws, bias, err := decodeModel(modelBin)
	if err != nil {
		return loadedModel{err: fmt.Errorf("model.bin: %w", err)}
	}
	m := &Model{Bias: bias, Weights: make(map[string][nLabels]float64, len(keys))}
	for i, f := range keys {
		m.Weights[f] = ws[i]
	}
	return loadedModel{m: m, tab: tableOf(keys, ws)}
}

// withTable is m with its table.
func withTable(m *Model) loadedModel {
	if m == nil {
		return loadedModel{}
	}
	return loadedModel{m: m, tab: newTable(m)}
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
	ev         evidence // its clauses nil when a structural rule decided
	words      []word
	features   []string // set when the model made the call
}

// analysis is a document read through every stage.
type analysis struct {
	facts  report.Facts
	pieces []piece
}

// analyse runs the pipeline over a document: clean it into blocks, read
// its facts, drop what is off topic, then cut each block into units and
// read each for judgements, metrics and the rules' call; link each unit's
// metrics to the unit before; last, let the model weigh each call with
// what surrounds it.
func (x *Extractor) analyse(ctx context.Context, doc report.Document) (*analysis, error) {
	blocks := clean.Blocks(doc.Text)
	facts := x.facts.read(doc, blocks)
	clean.MarkOffTopic(blocks, facts.Authority)
	dc := newDocContext(facts, doc.Text)
	a := &analysis{facts: facts}
	lists := listEnds{sections: x.verdicts.sections}
	for bi := range blocks {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b := &blocks[bi]
		if b.Chrome {
			continue
		}
		section := lists.section(b)
		spans, err := unitSpans(b)
		if err != nil {
			return nil, err
		}
		dc.sentenceBefore = ""
		for _, u := range spans {
			// a block can be the whole document (a text of one line):
			// a timed-out document stops within a sentence
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			p, err := x.readUnit(b, u, section, dc)
			if err != nil {
				return nil, err
			}
			a.pieces = append(a.pieces, p)
		}
	}
	linkMetrics(a.pieces)
	if x.verdicts.model != nil || x.verdicts.collect {
		x.weighInContext(a.pieces)
	}
	return a, nil
}

// newDocContext is what the judgement rules know of the whole document.
func newDocContext(facts report.Facts, text string) *docContext {
	dc := &docContext{authority: facts.Authority, year: documentYear(facts.Date, text), pdf: strings.ContainsRune(text, '\f')}
	if dc.authority == "" {
		dc.authority = "\x00" // matches nothing
	}
	return dc
}

// listEnds tracks the weakness or strength section whose list a
// judgement-table row has ended: what follows the row is not an item of
// the list, so it is read as standing in no section.
type listEnds struct {
	sections sectionRules
	ended    string
}

// section is the section block b is read in.
func (l *listEnds) section(b *clean.Block) string {
	if b.Kind == clean.Row {
		if c := l.sections.of(b.Section); c == sectionWeakness || c == sectionStrength {
			l.ended = b.Section
		}
	}
	if b.Section == l.ended {
		return ""
	}
	return b.Section
}

// span is a unit's range in its block's text.
type span struct{ s, e int }

// unitSpans cuts a block into units: a heading or table row is one, prose
// is cut into sentences.
func unitSpans(b *clean.Block) ([]span, error) {
	if isHeading(b) {
		return []span{{0, len(b.Text)}}, nil
	}
	ss, err := nlp.Sentences(b.Text)
	if err != nil {
		return nil, err
	}
	units := make([]span, 0, len(ss))
	for _, s := range ss {
		units = append(units, span{s.Start, s.End})
	}
	return units, nil
}

// isHeading tells a block that is read whole, as a label, from prose.
func isHeading(b *clean.Block) bool { return b.Kind == clean.Heading || b.Kind == clean.Row }

// readUnit reads one unit of block b: its judgements (as a label, else as
// prose), its metrics, and the rules' call on it.
func (x *Extractor) readUnit(b *clean.Block, u span, section string, dc *docContext) (piece, error) {
	heading := isHeading(b)
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
		return piece{}, err
	}
	p.metrics = ms
	p.unit = unit{text: p.text, heading: heading, bullet: b.Kind == clean.Bullet,
		section: section, judged: p.judgements, metrics: len(ms) > 0, pdf: dc.pdf}
	p.verdict, p.ev = x.verdicts.ruleVerdict(p.unit, p.words)
	return p, nil
}

// linkMetrics reads each unit's metrics with the unit before's: a unit
// that turns the last one's numbers into a change ("This is an increase
// from 2,239") gives them and its own numbers that direction, and a number
// whose subject is a pronoun ("This is a reduction from 331", "of whom
// 48%") is about what the number before was, of the same unit if there is
// one: "54% of children ... for two years. This increased to 56%" is about
// the 54%, not the two years.
func linkMetrics(pieces []piece) {
	var last []candidate // the metrics of the unit before
	for i := range pieces {
		ms := pieces[i].metrics
		if m := changeBackRE.FindStringSubmatch(pieces[i].text); m != nil {
			dir := changeDirection(m[1])
			for k := range last {
				if last[k].Direction == "" && (len(ms) == 0 || hasUnit(ms, last[k].Unit)) {
					last[k].Direction = dir
				}
			}
			for k := range ms {
				if ms[k].Direction == "" {
					ms[k].Direction = dir
				}
			}
		}
		lastSubject := map[string]string{}
		lastAny := ""
		for _, c := range last {
			lastSubject[c.Unit] = c.Subject
			lastAny = c.Subject
		}
		for k := range ms {
			c := &ms[k]
			if c.Subject == "" {
				c.Subject = cmp.Or(lastSubject[c.Unit], lastAny)
			}
			lastSubject[c.Unit] = c.Subject
			lastAny = c.Subject
		}
		last = ms
	}
}

// changeDirection is the direction of a change word changeBackRE found.
func changeDirection(w string) string {
	if w = strings.ToLower(w); strings.HasPrefix(w, "increase") || strings.HasPrefix(w, "ris") || strings.HasPrefix(w, "rose") {
		return report.Increase
	}
	return report.Decrease
}

// weighInContext lets the model weigh each unit the rules left to it, with
// what surrounds it: the report's overall grade, its section's grade, the
// rules' call on the unit before, and the tone of the report and of the
// section by the rules' calls (a unit whose own words say little leans the
// way its report leans: a letter on an inadequate service has no grade to
// say so).
func (x *Extractor) weighInContext(pieces []piece) {
	docGrade := overallGrade(pieces)
	// the rules' calls, not the model's: the model learnt from the rules'
	// calls, and would otherwise feed on its own mistakes
	ruleKinds := make([]string, len(pieces))
	for i := range pieces {
		ruleKinds[i] = pieces[i].verdict.kind
	}
	docTone, secTone := tones(pieces, ruleKinds)
	// the features that hold for the whole document are made once; weigh
	// reads ctxFeats and keeps nothing of it, so one slice serves every unit
	docFeats := [2]string{"docgrade:" + cmp.Or(docGrade, "none"), "doctone:" + docTone.tone()}
	ctxFeats := make([]string, 0, 6)
	// the grade of the section a unit is in: the last graded heading or
	// table row before it (older reports grade a section in a row), made
	// when it changes
	secFeat := "secgrade:none"
	for i := range pieces {
		p := &pieces[i]
		if g, ok := tableGrade(p.judgements); ok && p.unit.heading {
			secFeat = "secgrade:" + cmp.Or(g, "none")
		}
		if p.ev.clauses == nil {
			continue
		}
		prev := "prev:none"
		if i > 0 {
			prev = named(prevFeats, "prev:", cmp.Or(ruleKinds[i-1], "neutral"))
		}
		st := *secTone[p.block.Section]
		st.add(ruleKinds[i], -1) // the unit's own call is in its features already
		ctxFeats = append(ctxFeats[:0], docFeats[0], secFeat, prev, docFeats[1], named(sectoneFeats, "sectone:", st.tone()))
		if i == 0 || pieces[i-1].block != p.block {
			ctxFeats = append(ctxFeats, "first-in-block")
		}
		p.verdict, p.features = x.verdicts.weigh(p.unit, p.words, &p.ev, p.verdict, ctxFeats)
	}
}

// prevFeats and sectoneFeats are the context features of every call and
// tone, made once rather than for each unit.
var (
	prevFeats    = prefixed("prev:", report.Strength, report.Weakness, report.Mixed, "neutral")
	sectoneFeats = prefixed("sectone:", "few", "pos", "leanpos", "leanneg", "neg")
)

// prefixed maps each of names to prefix+name.
func prefixed(prefix string, names ...string) map[string]string {
	m := make(map[string]string, len(names))
	for _, n := range names {
		m[n] = prefix + n
	}
	return m
}

// named is m's prefix+name, made afresh for a name m does not hold.
func named(m map[string]string, prefix, name string) string {
	if f, ok := m[name]; ok {
		return f
	}
	return prefix + name
}

// overallGrade is the first overall grade of this inspection the
// document states, or "".
func overallGrade(pieces []piece) string {
	for _, p := range pieces {
		for _, j := range p.judgements {
			if !j.Previous && j.Scope == report.ScopeOverall && j.Grade != "" {
				return j.Grade
			}
		}
	}
	return ""
}

// tableGrade is the grade of the last judgement-table row of this
// inspection among js; ok is false when there is none.
func tableGrade(js []found) (g string, ok bool) {
	for _, j := range js {
		if !j.Previous && j.Rule == "table" {
			g, ok = j.Grade, true
		}
	}
	return g, ok
}

// tones tallies the rules' calls over the document and over each section.
func tones(pieces []piece, ruleKinds []string) (tally, map[string]*tally) {
	docTone := tally{}
	secTone := map[string]*tally{}
	for i := range pieces {
		docTone.add(ruleKinds[i], 1)
		t := secTone[pieces[i].block.Section]
		if t == nil {
			t = &tally{}
			secTone[pieces[i].block.Section] = t
		}
		t.add(ruleKinds[i], 1)
	}
	return docTone, secTone
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
	for i := range a.pieces {
		pl := newPlacer(&a.pieces[i])
		rep.Findings = pl.findings(rep.Findings)
		rep.Judgements = pl.judgements(rep.Judgements)
		rep.Metrics = pl.metrics(rep.Metrics)
	}
	rep.Sort()
	rep.Paginate(doc.Text)
	return rep, nil
}

// placer places what was found in a unit in the document: a unit that page
// furniture interrupts lies in several stretches of it.
type placer struct {
	p         *piece
	stretches []clean.Stretch
}

// newPlacer maps unit p to the document.
func newPlacer(p *piece) placer {
	return placer{p: p, stretches: p.block.Stretches(p.s, p.e)}
}

// stretchOf is the stretch that holds offset off of the block's text.
func (pl placer) stretchOf(off int) clean.Stretch {
	for _, st := range pl.stretches {
		if off < st.To {
			return st
		}
	}
	return pl.stretches[len(pl.stretches)-1]
}

// docSpan is the document range of [s, e) of the unit's text.
func (pl placer) docSpan(s, e int) report.Span {
	sts := pl.p.block.Stretches(pl.p.s+s, pl.p.s+e)
	if len(sts) == 0 {
		return report.Span{}
	}
	return report.Span{Start: sts[0].Start, End: sts[len(sts)-1].End}
}

// findings appends the unit's finding, if the verdict made one, once for
// each stretch of it.
func (pl placer) findings(out []report.Finding) []report.Finding {
	p, v := pl.p, pl.p.verdict
	if v.kind == "" {
		return out
	}
	// the whole sentence's, for each piece of it, from the words read once
	themes := theme.TagWords(p.words)
	for _, st := range pl.stretches {
		out = append(out, report.Finding{
			Kind: v.kind, Text: squash(p.block.Text[st.From:st.To]), Section: p.block.Section,
			Span: st.Span, Rule: v.rule, Cues: v.cues, Themes: themes,
		})
	}
	return out
}

// judgements appends the unit's judgements with their text, sentence and
// span.
func (pl placer) judgements(out []report.Judgement) []report.Judgement {
	p, text := pl.p, pl.p.block.Text
	for _, j := range p.judgements {
		st := pl.stretchOf(p.s + j.start)
		j.Judgement.Sentence = sentenceAround(text, st.From, st.To, p.s+j.start)
		j.Judgement.Text = squash(p.text[j.start:j.end])
		if j.Rule == "table" {
			j.Judgement.Text = squash(p.text)
			// the whole row, though a page number between its label
			// and its grade cuts it in two stretches
			j.Judgement.Sentence = sentenceAround(text, p.s, p.e, p.s+j.start)
		}
		j.Judgement.Span = pl.docSpan(j.start, j.end)
		out = append(out, j.Judgement)
	}
	return out
}

// metrics appends the unit's metrics with their sentence and span.
func (pl placer) metrics(out []report.Metric) []report.Metric {
	p := pl.p
	for _, c := range p.metrics {
		st := pl.stretchOf(p.s + c.start)
		c.Metric.Sentence = sentenceAround(p.block.Text, st.From, st.To, p.s+c.start)
		c.Metric.Span = pl.docSpan(c.start, c.end)
		out = append(out, c.Metric)
	}
	return out
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

// squash joins a text's runs of white space into single spaces. A text
// with nothing to squash (most sentences) is copied whole, not rune by
// rune; a copy still, so that a finding holds no slice of its document.
func squash(s string) string {
	if squashed(s) {
		return strings.Clone(s)
	}
	return squashRunes(s)
}

// squashRunes is squash's slow path, rune by rune; the tests hold the fast
// path to it.
func squashRunes(s string) string {
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

// squashed reports whether squash would give s back as it is: valid
// UTF-8 with no white space but single spaces between other characters.
func squashed(s string) bool {
	if s == "" {
		return false // the slow path's own result, no copy to make
	}
	prev := byte(' ') // a space may not open s
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' && prev == ' ' || c != ' ' && asciiSpace(c) {
				return false
			}
			prev = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsSpace(r) {
			return false
		}
		prev = 'x'
		i += n
	}
	return prev != ' '
}

// asciiSpace reports whether c is white space by unicode.IsSpace.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// words is how many words s holds: len(strings.Fields(s)), counted in
// place, since it runs on every paragraph.
func words(s string) int {
	n := 0
	inWord := false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace(c)
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

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
