// Package score measures docgraph's extraction against gold annotations:
// for each field (date, kind, language, authors, recipients, via, aliases,
// archival references, entities, claims) it counts true and false hits and
// misses, micro-averaged over the documents, and compares the entities with
// a general-purpose named-entity recogniser run on the same documents.
package score

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/docgraph/docgraph/extract"
	"github.com/docgraph/docgraph/vocab"
)

// Field names, in the order reports list them.
const (
	FieldDate       = "date"
	FieldKind       = "kind"
	FieldLanguage   = "language"
	FieldAuthors    = "authors"
	FieldRecipients = "recipients"
	FieldVia        = "via"
	FieldAliases    = "aliases"
	FieldArchival   = "archival references"
	FieldEntities   = "entities"
	FieldPeople     = "people"
	FieldClaims     = "claims"
)

// Fields lists the scored fields in report order.
var Fields = []string{FieldDate, FieldKind, FieldLanguage, FieldAuthors, FieldRecipients, FieldVia,
	FieldAliases, FieldArchival, FieldEntities, FieldPeople, FieldClaims}

// Options configure a scoring run.
type Options struct {
	// Gazetteer resolves names; nil loads the project's (vocab.LoadGazetteer).
	Gazetteer *vocab.Gazetteer
	// Baseline also scores the entities of the prose recogniser.
	Baseline bool
	// Verbose collects every miss and false hit in Report.Misses.
	Verbose bool
	// MinTime repeats the timed passes over all documents until at least
	// this long has passed, for steadier per-document times (0: one pass).
	MinTime time.Duration
}

// Counts are the hits and misses of one field.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP); 1 when nothing was extracted.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN); 1 when the gold holds nothing.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Field is the score of one field over all documents. Exact counts the
// documents where the field was entirely right (for date, kind and
// language that is the accuracy's numerator).
type Field struct {
	Name string
	Counts
	Exact, Docs int
}

// Accuracy is the share of documents whose field was entirely right.
func (f Field) Accuracy() float64 {
	if f.Docs == 0 {
		return 0
	}
	return float64(f.Exact) / float64(f.Docs)
}

// Miss is one missed gold item or one false hit.
type Miss struct {
	Doc     string // the document's file name
	Field   string
	Kind    string // "missed" or "false"
	Item    string
	Context string // the surrounding text, where the item is found
}

// Report is the outcome of a scoring run.
type Report struct {
	Dir    string
	Docs   int
	Fields []Field
	// Baseline scores the prose recogniser's entities (nil without
	// Options.Baseline).
	Baseline *Field
	// NsPerDoc is docgraph's whole extraction time per document;
	// BaselineNsPerDoc the recogniser's.
	NsPerDoc, BaselineNsPerDoc float64
	Misses                     []Miss
	// Relations scores the claims of each relation ("opposes", "meets", …),
	// in the order of vocab's relations.
	Relations []Field
	// Claims counts the extracted claims; Shown those whose evidence
	// sentence shows both parties (by a name the document uses for them,
	// or a pronoun standing for them).
	Claims, Shown int
	// Failed lists the documents that could not be extracted (their gold
	// counts as missed).
	Failed []error
}

// Field returns the named field's score.
func (r *Report) Field(name string) Field {
	for _, f := range r.Fields {
		if f.Name == name {
			return f
		}
	}
	return Field{Name: name}
}

type doc struct {
	gold *Gold
	name string
	data []byte
	res  *extract.Result
}

// Run extracts every document DIR/gold/*.json annotates and scores the
// results.
func Run(dir string, opt Options) (*Report, error) {
	golds, err := LoadGold(dir)
	if err != nil {
		return nil, err
	}
	g := opt.Gazetteer
	if g == nil {
		if g, err = vocab.LoadGazetteer(); err != nil {
			return nil, err
		}
	}
	rep := &Report{Dir: dir, Docs: len(golds)}
	docs := make([]*doc, len(golds))
	for i, gd := range golds {
		data, err := os.ReadFile(gd.Doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", gd.Path, err)
		}
		docs[i] = &doc{gold: gd, name: shortName(gd.Doc), data: data}
	}
	xopt := extract.Options{Gazetteer: g}
	rep.NsPerDoc = timePerDoc(len(docs), opt.MinTime, func() {
		for _, d := range docs {
			d.res, err = extract.Extract(d.gold.Doc, d.data, xopt)
			if err != nil {
				d.res = nil
			}
		}
	})
	for _, d := range docs {
		if d.res == nil {
			_, err := extract.Extract(d.gold.Doc, d.data, xopt)
			rep.Failed = append(rep.Failed, err)
		}
	}
	n := newNames(g)
	s := &scorer{n: n, verbose: opt.Verbose, fields: map[string]*Field{}, rels: map[string]*Counts{}}
	for _, f := range Fields {
		s.fields[f] = &Field{Name: f, Docs: len(docs)}
	}
	for _, d := range docs {
		s.doc(d)
		if d.res != nil {
			for _, c := range d.res.Claims {
				rep.Claims++
				if shown(d.res, c) {
					rep.Shown++
				} else {
					s.note(d, FieldClaims, "unshown", fmt.Sprintf("%s %s %s", c.Subject.Name, c.Relation, c.Object.Name), c.Evidence)
				}
			}
		}
	}
	for _, f := range Fields {
		rep.Fields = append(rep.Fields, *s.fields[f])
	}
	rep.Misses = s.misses
	for _, rel := range Relations {
		if c, ok := s.rels[rel]; ok {
			rep.Relations = append(rep.Relations, Field{Name: rel, Counts: *c, Docs: len(docs)})
		}
	}
	if opt.Baseline {
		b, ns, misses := baseline(docs, n, opt)
		rep.Baseline, rep.BaselineNsPerDoc = &b, ns
		rep.Misses = append(rep.Misses, misses...)
	}
	return rep, nil
}

func shortName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// timePerDoc runs pass (over n documents) once to warm up (one-time set-up
// such as building matchers is not per-document work), then again until
// minTime has passed (at least once), and returns the fastest pass's
// nanoseconds per document: on a shared machine the fastest pass is the
// one least disturbed by other work.
func timePerDoc(n int, minTime time.Duration, pass func()) float64 {
	pass()
	start := time.Now()
	best := time.Duration(-1)
	for {
		t := time.Now()
		pass()
		if d := time.Since(t); best < 0 || d < best {
			best = d
		}
		if time.Since(start) >= minTime {
			break
		}
	}
	if n == 0 {
		return 0
	}
	return float64(best.Nanoseconds()) / float64(n)
}

type scorer struct {
	n       *names
	verbose bool
	fields  map[string]*Field
	misses  []Miss
	rels    map[string]*Counts
}

func (s *scorer) note(d *doc, field, kind, item, ctx string) {
	if s.verbose {
		s.misses = append(s.misses, Miss{Doc: d.name, Field: field, Kind: kind, Item: item, Context: ctx})
	}
}

// tally adds one document's counts for a field.
func (s *scorer) tally(field string, c Counts) {
	f := s.fields[field]
	f.add(c)
	if c.FP == 0 && c.FN == 0 {
		f.Exact++
	}
}

// pair matches gold items to extracted ones one to one, greedily in order.
func pair(ng, ne int, eq func(g, e int) bool) (c Counts, missed, extra []int) {
	used := make([]bool, ne)
	for i := 0; i < ng; i++ {
		found := false
		for j := 0; j < ne; j++ {
			if !used[j] && eq(i, j) {
				used[j], found = true, true
				break
			}
		}
		if found {
			c.TP++
		} else {
			c.FN++
			missed = append(missed, i)
		}
	}
	for j := 0; j < ne; j++ {
		if !used[j] {
			c.FP++
			extra = append(extra, j)
		}
	}
	return c, missed, extra
}

func (s *scorer) doc(d *doc) {
	if d.res == nil {
		d.res = &extract.Result{}
	}
	g, r := d.gold, d.res
	s.single(d, FieldDate, g.Date, r.Date)
	s.single(d, FieldKind, g.Type, r.Kind)
	s.single(d, FieldLanguage, g.Language, r.Language)
	s.people(d, FieldAuthors, g.Authors, r.Authors)
	s.people(d, FieldRecipients, g.Recipients, r.Recipients)
	s.people(d, FieldVia, g.Via, r.Via)
	s.aliases(d)
	s.archival(d)
	s.entities(d)
	s.claims(d)
}

func (s *scorer) single(d *doc, field, gold, got string) {
	var c Counts
	switch {
	case gold == got && gold != "":
		c.TP = 1
	case gold == got:
	default:
		if gold != "" {
			c.FN = 1
			s.note(d, field, "missed", gold, "extracted "+quoteOrNone(got))
		}
		if got != "" {
			c.FP = 1
			if gold == "" {
				s.note(d, field, "false", got, "gold has none")
			}
		}
	}
	s.tally(field, c)
}

func quoteOrNone(s string) string {
	if s == "" {
		return "nothing"
	}
	return fmt.Sprintf("%q", s)
}

// is reports whether an extracted name stands for the gold entity named
// gold (with Wikidata id wd, "" for none), also through the labels the gold
// gives that entity.
func (s *scorer) is(d *doc, gold, wd string, c candidate) bool {
	if s.n.match(gold, wd, c) {
		return true
	}
	for _, l := range d.gold.labels(gold) {
		if s.n.match(l, "", c) {
			return true
		}
	}
	return false
}

func (s *scorer) people(d *doc, field string, gold []string, got []extract.EntityRef) {
	labels := entityLabels(d.res)
	c, missed, extra := pair(len(gold), len(got), func(i, j int) bool {
		return s.is(d, gold[i], "", candidate{Name: got[j].Name, Labels: labels[got[j]]})
	})
	for _, i := range missed {
		s.note(d, field, "missed", gold[i], d.find(s.n, gold[i]))
	}
	for _, j := range extra {
		s.note(d, field, "false", got[j].Name, d.find(s.n, got[j].Name))
	}
	s.tally(field, c)
}

func (s *scorer) aliases(d *doc) {
	gold, got := d.gold.Aliases, d.res.Aliases
	c, missed, extra := pair(len(gold), len(got), func(i, j int) bool {
		return fold(gold[i].Alias) == fold(got[j].Alias) && s.is(d, gold[i].Of, "", candidate{Name: got[j].Of.Name})
	})
	for _, i := range missed {
		s.note(d, FieldAliases, "missed", gold[i].Alias+" = "+gold[i].Of, d.find(s.n, gold[i].Alias))
	}
	for _, j := range extra {
		s.note(d, FieldAliases, "false", got[j].Alias+" = "+got[j].Of.Name, d.find(s.n, got[j].Alias))
	}
	s.tally(FieldAliases, c)
}

var refKeys = []string{"fond", "opis", "delo", "papka", "folios", "reference"}

func refField(a extract.ArchivalRef, k string) string {
	switch k {
	case "fond":
		return a.Fond
	case "opis":
		return a.Opis
	case "delo":
		return a.Delo
	case "papka":
		return a.Papka
	case "folios":
		return a.Folios
	case "reference":
		return a.Reference
	}
	return ""
}

func describeRef(m map[string]string) string {
	parts := []string{m["archive"]}
	for _, k := range refKeys {
		if v := m[k]; v != "" {
			parts = append(parts, k+" "+v)
		}
	}
	return strings.Join(parts, ", ")
}

func refMap(a extract.ArchivalRef) map[string]string {
	m := map[string]string{"archive": a.Archive}
	for _, k := range refKeys {
		if v := refField(a, k); v != "" {
			m[k] = v
		}
	}
	return m
}

// archival scores the archival references. Gold written to
// ../shared/corpus's schema may also list the publications that print the
// record (a publication as "archive": its title, "reference": the rest);
// gold that follows the rule that archival references are archives only
// does not. So a gold entry is found by an archival reference or by a
// publication, and a publication the gold does not list is no false
// reference: publications are bibliographic sources, scored only where the
// gold names them. An archive matches under any spelling of the archive
// table ("AP RF" is "APRF", "TsKhSD" is "RGANI").
func (s *scorer) archival(d *doc) {
	gold := d.gold.ArchivalReferences
	var got []map[string]string
	for _, a := range d.res.ArchivalRef {
		got = append(got, refMap(a))
	}
	nrefs := len(got)
	for _, p := range d.res.Publications {
		m := map[string]string{"archive": p.Title}
		if p.Reference != "" {
			m["reference"] = p.Reference
		}
		got = append(got, m)
	}
	c, missed, extra := pair(len(gold), len(got), func(i, j int) bool {
		if !s.sameArchive(gold[i]["archive"], got[j]["archive"]) {
			return false
		}
		for _, k := range refKeys {
			if fold(gold[i][k]) != fold(got[j][k]) {
				return false
			}
		}
		return true
	})
	for _, i := range missed {
		s.note(d, FieldArchival, "missed", describeRef(gold[i]), d.res.Citation)
	}
	for _, j := range extra {
		if j >= nrefs {
			c.FP-- // an unlisted publication
			continue
		}
		s.note(d, FieldArchival, "false", describeRef(got[j]), d.res.Citation)
	}
	s.tally(FieldArchival, c)
}

// sameArchive reports whether an extracted archive is the gold one: the
// same name, one gazetteer entity, or one archive of the archive table.
func (s *scorer) sameArchive(gold, got string) bool {
	if s.n.match(gold, "", candidate{Name: got}) {
		return true
	}
	t := vocab.Archives()
	a := t.Lookup(gold)
	return a != nil && a == t.Lookup(got)
}

// entityCandidates lists the extracted entities the gold is compared with:
// points of a proposal are parts of one and finer than the gold's entities.
func entityCandidates(r *extract.Result) ([]candidate, []*extract.Entity) {
	var cs []candidate
	var es []*extract.Entity
	for i := range r.Entities {
		e := &r.Entities[i]
		if e.PartOf != nil {
			continue
		}
		c := candidate{Name: e.Name, Wikidata: e.Wikidata}
		for _, l := range e.Labels {
			c.Labels = append(c.Labels, l.Text)
		}
		cs, es = append(cs, c), append(es, e)
	}
	return cs, es
}

func (s *scorer) entities(d *doc) {
	s.entitiesOf(d, FieldEntities, d.gold.Entities, func(*extract.Entity) bool { return true })
	var people []GoldEntity
	for _, e := range d.gold.Entities {
		if e.Type == vocab.ClassPerson {
			people = append(people, e)
		}
	}
	s.entitiesOf(d, FieldPeople, people, func(e *extract.Entity) bool { return e.Class == vocab.ClassPerson })
}

// entitiesOf scores the extracted entities keep admits against gold.
func (s *scorer) entitiesOf(d *doc, field string, gold []GoldEntity, keep func(*extract.Entity) bool) {
	cs, es := entityCandidates(d.res)
	n := 0
	for j := range cs {
		if keep(es[j]) {
			cs[n], es[n] = cs[j], es[j]
			n++
		}
	}
	cs, es = cs[:n], es[:n]
	c, missed, extra := pair(len(gold), len(cs), func(i, j int) bool {
		wd := ""
		if gold[i].Wikidata != nil {
			wd = *gold[i].Wikidata
		}
		if s.is(d, gold[i].Name, wd, cs[j]) {
			return true
		}
		// a proposal has no canonical name: it matches by its words, as
		// a claim's object does
		return gold[i].Type == vocab.ClassProposal && es[j].Class == vocab.ClassProposal && sameProposal(gold[i].Name, proposalWords(es[j]))
	})
	for _, i := range missed {
		s.note(d, field, "missed", gold[i].Name+" ("+gold[i].Type+")", d.find(s.n, gold[i].Name))
	}
	for _, j := range extra {
		e := es[j]
		ctx := ""
		if len(e.Mentions) > 0 {
			ctx = d.around(e.Mentions[0])
		}
		s.note(d, field, "false", e.Name+" ("+e.Class+")", ctx)
	}
	s.tally(field, c)
}

// entityLabels maps each extracted entity to the labels it was found under.
func entityLabels(r *extract.Result) map[extract.EntityRef][]string {
	labels := map[extract.EntityRef][]string{}
	for _, e := range r.Entities {
		for _, l := range e.Labels {
			labels[e.EntityRef] = append(labels[e.EntityRef], l.Text)
		}
	}
	return labels
}

// proposalWords are a proposal's name, labels and texts.
func proposalWords(e *extract.Entity) []string {
	out := []string{e.Name}
	for _, l := range e.Labels {
		out = append(out, l.Text)
	}
	for _, l := range e.Texts {
		out = append(out, l.Text)
	}
	return out
}

// Relations are the claim relations, in report order.
var Relations = []string{"agrees_with", "opposes", "proposes", "supports", "requests", "informs", "accuses",
	"allied_with", "meets", "visits"}

// symmetric relations match in either direction.
var symmetric = map[string]bool{"meets": true, "allied_with": true}

func (s *scorer) claims(d *doc) {
	gold, got := d.gold.Claims, d.res.Claims
	labels := entityLabels(d.res)
	words := map[extract.EntityRef][]string{} // a proposal's name, labels and texts
	for i := range d.res.Entities {
		if e := &d.res.Entities[i]; e.Class == vocab.ClassProposal {
			words[e.EntityRef] = proposalWords(e)
		}
	}
	goldProposal := map[string]bool{}
	for _, e := range d.gold.Entities {
		if e.Type == "Proposal" {
			goldProposal[e.Name] = true
		}
	}
	cand := func(r extract.EntityRef) candidate { return candidate{Name: r.Name, Labels: labels[r]} }
	named := func(gold string, x extract.EntityRef) bool { return s.is(d, gold, "", cand(x)) }
	obj := func(gold string, x extract.EntityRef) bool {
		if named(gold, x) {
			return true
		}
		return x.Class == vocab.ClassProposal && goldProposal[gold] && sameProposal(gold, append(words[x], x.Name))
	}
	c, missed, extra := pair(len(gold), len(got), func(i, j int) bool {
		gc, x := gold[i], got[j]
		if gc.Relation != x.Relation {
			return false
		}
		if named(gc.Subject, x.Subject) && obj(gc.Object, x.Object) {
			return true
		}
		return symmetric[x.Relation] && named(gc.Subject, x.Object) && named(gc.Object, x.Subject)
	})
	rel := func(r string) *Counts {
		if s.rels[r] == nil {
			s.rels[r] = &Counts{}
		}
		return s.rels[r]
	}
	for _, gc := range gold {
		rel(gc.Relation).TP++ // less the misses below
	}
	for _, i := range missed {
		rel(gold[i].Relation).TP--
		rel(gold[i].Relation).FN++
	}
	for _, j := range extra {
		rel(got[j].Relation).FP++
	}
	for _, i := range missed {
		gc := gold[i]
		ctx := d.find(s.n, gc.Object)
		if ctx == notInText {
			ctx = d.find(s.n, gc.Subject)
		}
		s.note(d, FieldClaims, "missed", gc.Subject+" "+gc.Relation+" "+gc.Object, ctx)
	}
	for _, j := range extra {
		x := got[j]
		s.note(d, FieldClaims, "false", fmt.Sprintf("%s %s %s (%.2f)", x.Subject.Name, x.Relation, x.Object.Name, x.Confidence), x.Evidence)
	}
	s.tally(FieldClaims, c)
}

// around shows a mention with some text on either side.
func (d *doc) around(sp extract.Span) string {
	if d.res == nil || sp.Version < 0 || sp.Version >= len(d.res.Versions) {
		return ""
	}
	return snippet([]rune(d.res.Versions[sp.Version].Text), sp.Start, sp.End)
}

func snippet(r []rune, start, end int) string {
	if start < 0 || end > len(r) || start > end {
		return ""
	}
	a, b := max(0, start-50), min(len(r), end+50)
	s := string(r[a:start]) + "[" + string(r[start:end]) + "]" + string(r[end:b])
	s = strings.Join(strings.Fields(s), " ")
	if a > 0 {
		s = "…" + s
	}
	if b < len(r) {
		s += "…"
	}
	return s
}

// find looks for a name, or one of its gazetteer labels, in the document's
// versions, title and summary, and shows where it stands.
func (d *doc) find(n *names, name string) string {
	if d.res == nil {
		return ""
	}
	needles := []string{name}
	if e := n.resolve(name); e != nil {
		needles = append(needles, e.Name)
		for _, ls := range [][]vocab.Label{e.Labels, e.Pseudonyms} {
			for _, l := range ls {
				needles = append(needles, l.Text)
			}
		}
	}
	sort.SliceStable(needles, func(i, j int) bool { return len(needles[i]) > len(needles[j]) })
	texts := []string{d.res.Title, d.res.Summary}
	for _, v := range d.res.Versions {
		texts = append(texts, v.Text)
	}
	for _, t := range texts {
		r := []rune(t)
		lower := []rune(strings.ToLower(t))
		for _, nd := range needles {
			nr := []rune(strings.ToLower(nd))
			if len(nr) < 2 || len(lower) != len(r) {
				continue
			}
			if i := runeIndex(lower, nr); i >= 0 {
				return snippet(r, i, i+len(nr))
			}
		}
	}
	return notInText
}

const notInText = "(not in the text)"

func runeIndex(h, n []rune) int {
outer:
	for i := 0; i+len(n) <= len(h); i++ {
		for k := range n {
			if h[i+k] != n[k] {
				continue outer
			}
		}
		return i
	}
	return -1
}
