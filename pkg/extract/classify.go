package extract

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/findings/findings/pkg/report"
)

// negationReach is how many words after a negator its flip reaches.
const negationReach = 3

// zeroReach is the reach of "no" before the children or families a
// sentence counts, and of "none of": "no children are placed in
// unregistered homes" denies its clause, as far as the clause goes.
const zeroReach = 8

// reachOf is how many words after the negator n its flip reaches.
func reachOf(ws []word, n match) int {
	switch strings.Join(n.phrase, " ") {
	case "none of":
		return zeroReach
	case "no":
		if n.j < len(ws) {
			switch ws[n.j].text {
			case "children", "child", "young", "care", "families", "family", "babies", "parents", "carers":
				return zeroReach
			}
		}
	}
	return negationReach
}

// unit is a sentence (or a bullet, row or heading) as the classifier sees it.
type unit struct {
	text    string
	heading bool    // a heading or table row, not running text
	bullet  bool    // a bullet item
	section string  // the heading it sits under
	judged  []found // the judgements it states: their words are no cues
	metrics bool    // it states a number
	pdf     bool    // the document was converted from PDF
}

// verdict is the classifier's call on a unit and why.
type verdict struct {
	kind string // report.Strength, Weakness, Mixed or "" for neutral
	rule string
	cues []string
}

// clause is a stretch of a sentence between contrast markers.
type clause struct {
	pos, neg float64
	concede  bool // opened by "although", "despite", "while": a concession
	effort   bool // it names effort, investment or a plan (cues.txt effort)
	cues     []string
}

func (c clause) polarity(need float64) int {
	switch d := c.pos - c.neg; {
	case d >= need:
		return 1
	case d <= -need:
		return -1
	}
	return 0
}

// weigh lets the model make the call on a unit the rules scored, from the
// rules' evidence, the unit's words and its context. Rules that know the
// report's structure (headings, the items under "What needs to improve",
// method sentences) decide before it and never reach here. It returns the
// features the model saw.
func (x *verdictStage) weigh(u unit, ws []word, ev *evidence, v verdict, context []string) (verdict, []string) {
	// one pass: the model scores each feature by its bytes and keeps the
	// numbers of those it has, to explain its call; strings only for
	// training
	fw := featureWriterFor(ev)
	defer fw.release()
	fw.keep = x.collect || x.model == nil
	if x.model != nil {
		fw.tab, fw.z = x.table, x.model.Bias
	}
	x.features(fw, u, ws, ev.clauses, v, context)
	if x.model == nil {
		return v, fw.feats
	}
	label := x.model.label(fw.z)
	kind := label
	if kind == "neutral" {
		kind = ""
	}
	cues := v.cues
	if kind != v.kind {
		// the words that moved the model, marked ~ to tell them from cues
		cues = append([]string{}, cues...)
		for _, f := range x.table.explain(fw.hits, label) {
			if k, w, ok := strings.Cut(f, ":"); ok && (k == "w" || k == "neu") {
				cues = append(cues, "~"+w)
			}
		}
	}
	return verdict{kind: kind, rule: "model", cues: cues}, fw.feats
}

// ruleVerdict is the rules' call on a unit and its words. It returns the
// evidence, with the scored clauses when no structural rule decided, so
// that the model may weigh them.
func (x *verdictStage) ruleVerdict(u unit, ws []word) (verdict, evidence) {
	sec := x.sections.of(u.section)
	if u.heading {
		// a heading names a topic or a section; only a headline that
		// evaluates (a news page's) is a finding
		if sec != sectionNone || len(u.judged) > 0 || words(u.text) <= 4 || strings.HasSuffix(u.text, "?") {
			return verdict{rule: "heading"}, evidence{}
		}
	} else {
		switch sec {
		case sectionWeakness:
			if strings.HasSuffix(strings.TrimSpace(u.text), ":") {
				return verdict{rule: "section"}, evidence{} // the lead-in to a list
			}
			return verdict{kind: report.Weakness, rule: "section", cues: []string{"section:" + u.section}}, evidence{}
		case sectionStrength:
			return verdict{kind: report.Strength, rule: "section", cues: []string{"section:" + u.section}}, evidence{}
		case sectionNeutral, sectionDescriptor:
			return verdict{rule: "section"}, evidence{}
		}
	}
	if len(ws) == 0 {
		return verdict{}, evidence{}
	}
	if x.neutralPattern(u.text) {
		return verdict{rule: "neutral-pattern"}, evidence{}
	}
	ev := evidence{cues: x.findCues(ws)}
	ev.clauses = scoreClauses(ws, &ev.cues, u.judged)
	clauses := ev.clauses
	need := 1.0
	if u.heading {
		need = 2 // a heading that only names a topic ("The impact of leaders") is no finding
	}

	var pos, neg []int
	var all []string
	if n := cueCount(clauses); n > 0 {
		all = make([]string, 0, n) // nil when there are none, as before
	}
	for i, c := range clauses {
		all = append(all, c.cues...)
		switch c.polarity(need) {
		case 1:
			pos = append(pos, i)
		case -1:
			neg = append(neg, i)
		}
	}
	switch {
	case len(pos) > 0 && len(neg) > 0:
		// a concession that only grants effort, investment or a plan, and
		// no strong result, does not make the sentence mixed ("despite a
		// targeted campaign, ...", "attempts were made ..., but"): the
		// rule decides, the model's words would not (§6, Concessions). A
		// concession of practice, however weak its words ("while some
		// assessments are thorough, ..."), is mixed.
		if len(pos) == 1 && clauses[pos[0]].effort && clauses[pos[0]].pos < 4 {
			return verdict{kind: report.Weakness, rule: "concession", cues: all}, evidence{}
		}
		return verdict{kind: report.Mixed, rule: "contrast", cues: all}, ev
	case len(pos) > 0:
		return verdict{kind: report.Strength, rule: "cues", cues: all}, ev
	case len(neg) > 0:
		return verdict{kind: report.Weakness, rule: "cues", cues: all}, ev
	}
	if len(u.judged) > 0 && len(all) == 0 {
		// a grade statement and nothing more: "Ofsted said Reading requires
		// improvement to be good" goes into judgements, not findings
		return verdict{rule: "judgement"}, evidence{}
	}
	return verdict{cues: all}, ev
}

// cueCount is how many cues the clauses hold.
func cueCount(clauses []clause) int {
	n := 0
	for _, c := range clauses {
		n += len(c.cues)
	}
	return n
}

// scoreClauses cuts a sentence's words at contrast markers and scores each
// part with the cue lexicon's matches c, flipping cues that a negator
// governs.
func scoreClauses(ws []word, c *sentenceCues, judged []found) []clause {
	clauseOf, out := cutClauses(ws, c.contrast)
	for _, m := range c.efforts {
		out[clauseOf[m.i]].effort = true
	}
	s := cueScope{ws: ws, clauseOf: clauseOf, negators: c.negators, undoers: c.undoers, needs: c.needs, judged: judged}
	s.inAim, s.inNeed = s.reach(c.aims), s.reach(c.needs)
	for _, m := range c.cues {
		s.score(out, m)
	}
	return out
}

// clauseCut is where a clause starts and whether it concedes.
type clauseCut struct {
	at      int
	concede bool
}

// cutClauses finds the clause boundaries: a contrast marker inside the
// sentence starts a new clause; one at the start ("Although X, Y") makes
// the words up to the first comma a conceding clause. It returns the
// clause of each word and the clauses, not yet scored.
func cutClauses(ws []word, contrasts []match) ([]int, []clause) {
	if len(contrasts) == 0 && len(ws) <= len(oneClause) {
		// one clause (most sentences): every word in clause 0, read only
		return oneClause[:len(ws)], make([]clause, 1)
	}
	var cuts []clauseCut
	for _, m := range contrasts {
		if m.i == 0 {
			end := m.j
			for end < len(ws)-1 && !strings.Contains(ws[end].punct, ",") {
				end++
			}
			if end < len(ws)-1 {
				cuts = append(cuts, clauseCut{at: 0, concede: concedes(m)}, clauseCut{at: end + 1})
			}
			continue
		}
		cuts = append(cuts, clauseCut{at: m.i, concede: concedes(m)})
	}
	if len(cuts) == 0 || cuts[0].at != 0 {
		cuts = append([]clauseCut{{at: 0}}, cuts...)
	}
	clauseOf := make([]int, len(ws))
	for k, c := range cuts {
		end := len(ws)
		if k+1 < len(cuts) {
			end = cuts[k+1].at
		}
		for i := c.at; i < end && i < len(ws); i++ {
			clauseOf[i] = k
		}
	}
	out := make([]clause, len(cuts))
	for k := range cuts {
		out[k].concede = cuts[k].concede
	}
	return clauseOf, out
}

// oneClause is the clause of each word of a sentence of one clause,
// shared.
var oneClause [256]int

// cueScope is what governs a cue in its sentence: the negators, the verbs
// that undo a shortfall, the reach of aims and needs, the judgements the
// sentence states, and the clause of each word.
type cueScope struct {
	ws            []word
	clauseOf      []int
	negators      []match
	undoers       []match
	needs         []match
	inAim, inNeed []bool
	judged        []found
}

// negated reports whether a negator governs m: before it, in reach, in the
// same clause.
func (s *cueScope) negated(m match) bool {
	for _, n := range s.negators {
		if n.j <= m.i && m.i-n.j < reachOf(s.ws, n) && s.clauseOf[n.i] == s.clauseOf[m.i] && !overlaps(n, m) {
			if n.i > 0 && s.ws[n.i-1].text == "a" { // "a few", "a little"
				continue
			}
			return true
		}
	}
	return false
}

// reach marks the reach of an aim or a need: to the end of its clause or
// the next comma. The marks are read only: a sentence with no aim or need
// (most) shares the marks of none.
func (s *cueScope) reach(ms []match) []bool {
	if len(ms) == 0 && len(s.ws) <= len(noReach) {
		return noReach[:len(s.ws)]
	}
	in := make([]bool, len(s.ws))
	for _, m := range ms {
		for i := m.j; i < len(s.ws) && s.clauseOf[i] == s.clauseOf[m.i]; i++ {
			in[i] = true
			if strings.ContainsAny(s.ws[i].punct, ",;:") {
				break
			}
		}
	}
	return in
}

// noReach is the marks of no aim or need, shared.
var noReach [256]bool

// undone reports whether a verb near m undoes the shortfall it names:
// "reducing delay" (the verb before it), "drift has reduced" (the
// shortfall the verb's subject).
func (s *cueScope) undone(m match) bool {
	for _, u := range s.undoers {
		if s.clauseOf[u.i] != s.clauseOf[m.i] || overlaps(u, m) {
			continue
		}
		if u.j <= m.i && m.i-u.j < 4 || m.j <= u.i && u.i-m.j < 4 && s.subjectOf(m, u) {
			return true
		}
	}
	return false
}

// subjectOf reports whether the shortfall m is the subject of the verb u
// after it: the verb right after it or after an auxiliary or an adverb
// ("reliance on agency staff has reduced", "delays have now reduced"),
// and m no obligation or negation, which a verb after it fulfils or
// leaves in place, not undoes ("should address", "is not always
// addressed"). "Recruitment remains a real challenge" names a shortfall
// that stays.
func (s *cueScope) subjectOf(m, u match) bool {
	for _, n := range [...][]match{s.needs, s.negators} {
		for _, n := range n {
			if overlaps(n, m) {
				return false
			}
		}
	}
	return u.i == m.j || auxiliary(s.ws[u.i-1].text)
}

// auxiliary reports whether w may stand between a subject and its verb:
// an auxiliary or an adverb.
func auxiliary(w string) bool {
	switch w {
	case "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "now", "also", "since", "further":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly")
}

// inJudgement reports whether m lies in a judgement the sentence states:
// its words are the grade's, no cue.
func (s *cueScope) inJudgement(m match) bool {
	for _, j := range s.judged {
		if s.ws[m.i].start < j.end && j.start < s.ws[m.j-1].end {
			return true
		}
	}
	return false
}

// score adds the cue m to the clause it is in, flipped when a negator, a
// need or an undoing verb governs it; aims and plans score nothing.
func (s *cueScope) score(out []clause, m match) {
	if s.inJudgement(m) {
		return
	}
	ws := s.ws
	if m.i > 0 && (ws[m.i-1].text == "to" || ws[m.i-1].text == "will") && m.class == "pos" || s.inAim[m.i] {
		return // an aim ("to improve") or a plan, not an achievement
	}
	c := &out[s.clauseOf[m.i]]
	flip := s.negated(m) || m.class == "pos" && s.inNeed[m.i] || m.class == "neg" && s.undone(m)
	switch {
	case m.class == "pos" && !flip:
		c.pos += m.weight
		c.cues = append(c.cues, m.cueText(ws, cuePlus))
	case m.class == "pos" && flip:
		c.neg += m.weight
		c.cues = append(c.cues, m.cueText(ws, cueMinusNot))
	case m.class == "neg" && !flip:
		c.neg += m.weight
		c.cues = append(c.cues, m.cueText(ws, cueMinus))
	default: // a negated shortfall: "without delay"
		c.pos += math.Round(m.weight / 2)
		c.cues = append(c.cues, m.cueText(ws, cuePlusNot))
	}
}

func concedes(m match) bool {
	switch strings.Join(m.phrase, " ") {
	case "although", "though", "even though", "despite", "in spite of", "while", "whilst", "notwithstanding", "albeit":
		return true
	}
	return false
}

func overlaps(a, b match) bool { return a.i < b.j && b.i < a.j }

// phraseText is the words of m joined by spaces: a one-word phrase (most
// cues) is its word, with no copy; a longer one is built in one allocation.
func phraseText(ws []word, m match) string {
	if m.j-m.i == 1 {
		return ws[m.i].text
	}
	n := max(m.j-m.i-1, 0)
	for _, w := range ws[m.i:m.j] {
		n += len(w.text)
	}
	var sb strings.Builder
	sb.Grow(n)
	for k, w := range ws[m.i:m.j] {
		if k > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w.text)
	}
	return sb.String()
}

// features describes a unit for the model: the rules' call and scores, the
// cue words, the words and word pairs, their polarity, the unit's place and
// its context. It hands each feature to fw as bytes valid only during the
// call, so that scoring allocates nothing. The order of the features is
// part of the model's contract (--explain breaks ties by it): keep it.
func (x *verdictStage) features(fw *featureWriter, u unit, ws []word, clauses []clause, v verdict, context []string) {
	eval := ruleFeatures(fw, clauses, v)
	x.shapeFeatures(fw, ws, eval)
	x.wordFeatures(fw, ws)
	x.placeFeatures(fw, u, ws, context)
}

// featureWriter builds each feature in one buffer and hands it to the
// model's table, which adds its weights to the scores, and, when keep is
// set, to feats as a string (for training).
type featureWriter struct {
	buf   []byte
	tab   *table           // nil: no model
	z     [nLabels]float64 // the scores so far
	hits  []int32          // the numbers in tab of the features found, in order
	keep  bool
	feats []string
	cues  *sentenceCues // the sentence's matches of the lexicons
}

// featureWriters keeps the writers' buffers from one sentence to the next.
var featureWriters = sync.Pool{New: func() any {
	return &featureWriter{buf: make([]byte, 0, 96), hits: make([]int32, 0, 128)}
}}

// featureWriterFor is an empty writer with no model, for the sentence
// whose evidence is ev.
func featureWriterFor(ev *evidence) *featureWriter {
	fw := featureWriters.Get().(*featureWriter)
	fw.cues = &ev.cues
	return fw
}

// release empties the writer and gives it back; its feats are the
// caller's.
func (fw *featureWriter) release() {
	*fw = featureWriter{buf: fw.buf[:0], hits: fw.hits[:0]}
	featureWriters.Put(fw)
}

// sink hands on the feature f. The weights add up in the order of the
// features, as Model.Predict adds them, so that the scores are the same
// to the bit.
func (fw *featureWriter) sink(f []byte) {
	if fw.tab != nil {
		if k := fw.tab.find(f); k >= 0 {
			fw.weigh(int32(k))
		}
	}
	if fw.keep {
		fw.feats = append(fw.feats, string(f))
	}
}

// weigh adds the weights of the table's feature number k to the scores.
func (fw *featureWriter) weigh(k int32) {
	w := &fw.tab.ws[k]
	for j := range fw.z {
		fw.z[j] += w[j]
	}
	fw.hits = append(fw.hits, k)
}

// found hands on the feature a+b, found as number k of the table (-1: the
// model has no weights for it), as sink would.
func (fw *featureWriter) found(k int32, a, b string) {
	if k >= 0 {
		fw.weigh(k)
	}
	if fw.keep {
		fw.feats = append(fw.feats, a+b)
	}
}

// foundPair hands on the feature "b:"+prev+"_"+w, found as number k.
func (fw *featureWriter) foundPair(k int32, prev, w string) {
	if k >= 0 {
		fw.weigh(k)
	}
	if fw.keep {
		fw.feats = append(fw.feats, "b:"+prev+"_"+w)
	}
}

// words is the word features of the writer's table, or none without a
// model.
func (fw *featureWriter) words() *wordTable {
	if fw.tab == nil {
		return &noWords
	}
	return &fw.tab.words
}

// noWords is the word table of no model: empty.
var noWords = newWordTable(nil)

// emit hands on the feature a+b.
func (fw *featureWriter) emit(a, b string) {
	fw.buf = append(append(fw.buf[:0], a...), b...)
	fw.sink(fw.buf)
}

// ruleFeatures are the rules' call, the cues and the clauses' scores. It
// reports whether any cue evaluated.
func ruleFeatures(fw *featureWriter, clauses []clause, v verdict) bool {
	fw.emit("rule:", cmpOr(v.kind, "neutral"))
	fw.emit("rulename:", v.rule)
	npos, nneg := 0, 0
	pos, neg := 0.0, 0.0
	for _, c := range clauses {
		pos += c.pos
		neg += c.neg
		switch c.polarity(1) {
		case 1:
			npos++
		case -1:
			nneg++
		}
		for _, cue := range c.cues {
			fw.emit("cue:", cue)
		}
	}
	fw.emit("posclauses:", bucket(npos, 0, 1, 2))
	fw.emit("negclauses:", bucket(nneg, 0, 1, 2))
	fw.emit("pos:", bucket(int(pos), 0, 1, 2, 4, 6))
	fw.emit("neg:", bucket(int(neg), 0, 1, 2, 4, 6))
	fw.emit("clauses:", bucket(len(clauses), 1, 2, 3))
	if len(clauses) > 1 && clauses[0].concede {
		fw.emit("concession", "")
	}
	if len(clauses) > 1 {
		// the lean of each of the first three clauses by the cues, in
		// order: "+-" grants then faults (mixed), "0-" only faults
		fw.buf = append(fw.buf[:0], "cpat:"...)
		for k, c := range clauses {
			if k == 3 {
				break
			}
			fw.buf = append(fw.buf, "-0+"[c.polarity(1)+1])
		}
		fw.sink(fw.buf)
	}
	for _, c := range clauses {
		if c.effort && c.polarity(1) >= 0 && len(clauses) > 1 {
			fw.emit("effort-clause", "") // effort granted beside another clause
			break
		}
	}
	return pos+neg > 0
}

// shapeFeatures are the neutral words and the sentence's shape as
// practice: people at its start, a verb of routine practice, an
// evaluative cue (eval) or none; and an obligation.
func (x *verdictStage) shapeFeatures(fw *featureWriter, ws []word, eval bool) {
	for _, m := range fw.cues.neutrals {
		fw.emit("neu:", phraseText(ws, m))
	}
	who := "other"
	for _, m := range fw.cues.who {
		if m.i < 4 {
			who = "people"
			break
		}
	}
	does := "nopractice"
	if len(fw.cues.does) > 0 {
		does = "practice"
	}
	evaluates := "bare"
	if eval {
		evaluates = "eval"
	}
	fw.emit("shape:", who+"/"+does+"/"+evaluates)
	fw.emit("shape:", does+"/"+evaluates)
	// an obligation ("Leaders should ensure ...", "plans need to ...") is
	// a recommendation: what is missing, whatever good words follow
	if ns := fw.cues.needs; len(ns) > 0 {
		fw.emit("obligation", "")
		if ns[0].i < 8 {
			fw.emit("obligation:early", "")
		}
	}
}

// wordFeatures are the words, word pairs, the words a negator governs
// ("not timely" is no praise) and the opening words; then the words'
// polarity in graded reports (distant supervision), in all and per clause.
func (x *verdictStage) wordFeatures(fw *featureWriter, ws []word) {
	contrasts, negators := fw.cues.contrast, fw.cues.negators
	var polClause [8]float64
	strongPos, strongNeg := 0, 0
	total := 0.0
	clause, ci := 0, 0
	negUntil := -1
	ni := 0
	prev := "^"
	wt := fw.words()
	idPrev := wt.caret
	for i, w := range ws {
		for ci < len(contrasts) && contrasts[ci].i <= i {
			clause = min(clause+1, len(polClause)-1)
			ci++
		}
		for ni < len(negators) && negators[ni].j <= i {
			negUntil = max(negUntil, negators[ni].j+negationReach)
			ni++
		}
		z := max(-10, min(10, x.polarity[w.text]))
		polClause[clause] += z
		total += z
		switch {
		case z >= 5:
			strongPos++
		case z <= -5:
			strongNeg++
		}
		t := w.text
		if isDigit(t[0]) {
			t = "#"
		}
		id, f := wt.word(t)
		fw.found(f.w, "w:", t)
		fw.foundPair(wt.pair(idPrev, id), prev, t)
		if i < negUntil {
			fw.found(f.nw, "nw:", t)
		}
		if i < 2 {
			fw.found(f.start, "start:", t)
		}
		prev, idPrev = t, id
	}
	polarityFeatures(fw, total, strongPos, strongNeg, polClause[:clause+1])
}

// polarityFeatures band the sentence's polarity: its sum, its strong
// words, and whether clauses pull both ways; polClause holds one sum per
// clause.
func polarityFeatures(fw *featureWriter, total float64, strongPos, strongNeg int, polClause []float64) {
	fw.emit("polsum:", bucketF(total, -20, -10, -5, -2, 2, 5, 10, 20))
	fw.emit("polpos:", bucket(strongPos, 0, 1, 2, 3))
	fw.emit("polneg:", bucket(strongNeg, 0, 1, 2, 3))
	hasPos, hasNeg := false, false
	for _, p := range polClause {
		hasPos = hasPos || p >= 5
		hasNeg = hasNeg || p <= -5
	}
	if hasPos && hasNeg {
		fw.emit("polclauses:both", "")
	}
	if n := len(polClause); n > 1 {
		// the same by the words' polarity, for clauses whose words lean
		// though no cue is in them ("visits are purposeful, but ...")
		fw.buf = append(fw.buf[:0], "ppat:"...)
		for _, p := range polClause[:min(n, 3)] {
			switch {
			case p >= 2:
				fw.buf = append(fw.buf, '+')
			case p <= -2:
				fw.buf = append(fw.buf, '-')
			default:
				fw.buf = append(fw.buf, '0')
			}
		}
		fw.sink(fw.buf)
	}
}

// placeFeatures are where the unit stands: its kind, section, length, the
// document's form, what else it holds, and its context.
func (x *verdictStage) placeFeatures(fw *featureWriter, u unit, ws []word, context []string) {
	kind := "para"
	switch {
	case u.heading:
		kind = "heading"
	case u.bullet:
		kind = "bullet"
	}
	fw.emit("kind:", kind)
	fw.emit("sec:", []string{"none", "weakness", "strength", "neutral", "descriptor"}[x.sections.of(u.section)])
	fw.emit("len:", bucket(len(ws), 5, 10, 20, 35, 50))
	if u.pdf {
		fw.emit("doc:pdf", "")
	} else {
		fw.emit("doc:web", "")
	}
	if u.metrics {
		fw.emit("has:number", "")
	}
	if len(u.judged) > 0 {
		fw.emit("has:judgement", "")
	}
	if hasQuote(u.text) {
		fw.emit("has:quote", "")
	}
	if strings.HasSuffix(strings.TrimSpace(u.text), ":") {
		fw.emit("ends:colon", "")
	}
	for _, c := range context {
		fw.emit(c, "")
	}
}

// hasQuote reports whether s holds a quotation mark, straight or curly:
// strings.ContainsAny(s, "“”\""), by byte searches (ContainsAny with
// marks beyond ASCII looks up each rune of s in them).
func hasQuote(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "“") || strings.Contains(s, "”")
}

func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

// bucket names the band n falls in, given the bands' upper bounds.
func bucket(n int, bounds ...int) string {
	for _, b := range bounds {
		if n <= b {
			return bandName(&atMost, "<=", b)
		}
	}
	return bandName(&over, ">", bounds[len(bounds)-1])
}

// atMost and over are the names of the bands of small bounds, made once:
// bucket runs several times for every sentence the model weighs.
var atMost, over = bandNames("<="), bandNames(">")

func bandNames(op string) (names [64]string) {
	for b := range names {
		names[b] = op + strconv.Itoa(b)
	}
	return names
}

// bandName is op followed by the bound b.
func bandName(names *[64]string, op string, b int) string {
	if 0 <= b && b < len(names) {
		return names[b]
	}
	return op + strconv.Itoa(b)
}

// bucketF names the band a value falls in, given the bands' upper bounds.
func bucketF(v float64, bounds ...float64) string {
	for _, b := range bounds {
		if v <= b {
			return "<=" + strconv.FormatFloat(b, 'f', -1, 64)
		}
	}
	return ">" + strconv.FormatFloat(bounds[len(bounds)-1], 'f', -1, 64)
}

// neutralPattern reports whether a sentence matches neutral.txt: method,
// the letter's own lines, "not graded". The patterns anchored at the start
// look only at the sentence's opening words.
func (x *verdictStage) neutralPattern(s string) bool {
	return x.neutral.match(s)
}
