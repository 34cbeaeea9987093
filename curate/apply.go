package curate

import (
	"slices"
	"strings"
	"unicode"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Set is the store's corrections: every one made (All, for the log) and
// those in force (not undone), indexed by what they concern.
type Set struct {
	m        vocab.Minter
	All      []*Correction
	Active   []*Correction
	byIRI    map[rdf.IRI]*Correction
	undone   map[rdf.IRI]*Correction // correction → the undo that undid it
	byDoc    map[rdf.IRI][]*Correction
	byEntity map[rdf.IRI][]*Correction
	merges   []*Correction
	apart    []*Correction
	// extracted are the graphs that have an <g>/extracted twin in the
	// store, with the twin's digest; touched, the subjects each twin holds
	// (none: a twin of the whole graph, as older stores wrote them).
	extracted map[rdf.IRI]string
	touched   map[rdf.IRI]map[rdf.Term]bool
}

// NewSet indexes corrections (in any order) for minter m.
func NewSet(m vocab.Minter, all []*Correction) *Set {
	s := &Set{m: m, byIRI: map[rdf.IRI]*Correction{}, undone: map[rdf.IRI]*Correction{},
		byDoc: map[rdf.IRI][]*Correction{}, byEntity: map[rdf.IRI][]*Correction{}, extracted: map[rdf.IRI]string{},
		touched: map[rdf.IRI]map[rdf.Term]bool{}}
	all = slices.Clone(all)
	sortCorrections(all)
	s.All = all
	for _, c := range all {
		s.byIRI[c.IRI] = c
		if c.Kind == Undo {
			s.undone[c.Undoes] = c
		}
	}
	for _, c := range all {
		if c.Kind == Undo || s.undone[c.IRI] != nil {
			continue
		}
		s.Active = append(s.Active, c)
		switch c.Kind {
		case Merge:
			s.merges = append(s.merges, c)
		case KeepApart:
			s.apart = append(s.apart, c)
		case Link, Unlink, Rename, AddLabel, Retype:
			s.byEntity[c.Entity] = append(s.byEntity[c.Entity], c)
		default:
			s.byDoc[c.Doc] = append(s.byDoc[c.Doc], c)
		}
	}
	return s
}

// Empty reports whether no correction was ever made.
func (s *Set) Empty() bool { return s == nil || len(s.All) == 0 }

// Get finds a correction by IRI or by its short id.
func (s *Set) Get(id string) *Correction {
	if c := s.byIRI[rdf.IRI(id)]; c != nil {
		return c
	}
	return s.byIRI[s.m.Correction(id)]
}

// UndoneBy returns the undo that undid c, or nil.
func (s *Set) UndoneBy(c *Correction) *Correction { return s.undone[c.IRI] }

// Update is the new content of a graph and of its extracted twin: Quads is
// what the store shows, Raw what the extractor said (nil when they are the
// same, and then the twin is removed if there is one).
type Update struct {
	Graph rdf.IRI
	Quads []rdf.Quad
	Raw   []rdf.Quad
	// Applied are the corrections that found their target in the graph.
	Applied []*Correction
}

// Apply returns what graph g shows once the corrections are applied to
// raw, the statements the extractor (or the gazetteer, or the identity
// pass) gave it, and which corrections applied. raw is not modified; when
// nothing applies, the result is raw itself. The result is in no order
// and may repeat a statement (the store keeps it once).
func (s *Set) Apply(g rdf.IRI, raw []rdf.Quad) ([]rdf.Quad, []*Correction) {
	if s == nil || len(s.Active) == 0 {
		return raw, nil
	}
	if g == s.m.Identity() {
		return s.applyIdentity(g, raw)
	}
	docCs := s.byDoc[g]
	var entCs []*Correction
	if len(s.byEntity) > 0 {
		var seen map[rdf.IRI]bool // made for the first entity corrected
		for _, q := range raw {
			if q.P != vocab.RDFType {
				continue
			}
			e, ok := q.S.(rdf.IRI)
			if !ok {
				continue
			}
			if ecs := s.byEntity[e]; len(ecs) > 0 && !seen[e] && vocab.ClassOf(asIRI(q.O)) != "" {
				if seen == nil {
					seen = map[rdf.IRI]bool{}
				}
				seen[e] = true
				entCs = append(entCs, ecs...)
			}
		}
	}
	if len(docCs) == 0 && len(entCs) == 0 {
		return raw, nil
	}
	cs := docCs // in the order they were made, as NewSet lists them
	if len(entCs) > 0 {
		cs = append(slices.Clone(docCs), entCs...)
		sortCorrections(cs)
	}
	// An entity correction reads and writes only its entity's statements:
	// set them apart, so that a large graph (the gazetteer's) is not
	// scanned once per correction.
	ents := map[rdf.IRI][]rdf.Quad{}
	for _, c := range entCs {
		ents[c.Entity] = nil
	}
	qs := make([]rdf.Quad, 0, len(raw)+8)
	for _, q := range raw {
		if e, ok := q.S.(rdf.IRI); ok && len(ents) > 0 {
			if part, ok := ents[e]; ok {
				ents[e] = append(part, q)
				continue
			}
		}
		qs = append(qs, q)
	}
	var claims map[rdf.IRI]claimNode
	var applied []*Correction
	for _, c := range cs {
		var ok bool
		switch c.Kind {
		case Reject, Confirm, Edit:
			if claims == nil {
				claims = claimNodes(raw)
			}
			qs, ok = applyClaim(qs, c, claims)
		case AddClaim:
			qs, ok = s.addClaim(qs, g, c)
		case AddMention:
			if ok = hasText(raw, c.Evidence); ok {
				qs = append(qs, rdf.Quad{S: g, P: vocab.SchemaMentions, O: c.Entity, G: g})
			}
		case ConfirmPseudonym, DisputePseudonym:
			qs, ok = applyPseudonym(qs, g, c)
		default:
			ents[c.Entity], ok = applyEntity(ents[c.Entity], g, c)
		}
		if ok {
			applied = append(applied, c)
		}
	}
	for _, part := range ents {
		qs = append(qs, part...)
	}
	if len(applied) == 0 {
		return raw, nil
	}
	// unsorted, and a statement a correction adds may already be there:
	// the store keeps each statement of a graph once
	return qs, applied
}

func asIRI(t rdf.Term) rdf.IRI {
	i, _ := t.(rdf.IRI)
	return i
}

type claimNode struct {
	s, p, o rdf.IRI
	// evidence are the claim's words in each version that states it (a
	// claim found in the original and in a translation has both)
	evidence []string
}

// claimNodes indexes the claims of a graph by node.
func claimNodes(qs []rdf.Quad) map[rdf.IRI]claimNode {
	out := map[rdf.IRI]claimNode{}
	for _, q := range qs {
		if q.P == vocab.RDFType && q.O == rdf.Term(vocab.DGClaim) {
			if n, ok := q.S.(rdf.IRI); ok {
				out[n] = claimNode{}
			}
		}
	}
	for _, q := range qs {
		n, ok := q.S.(rdf.IRI)
		if !ok {
			continue
		}
		c, isClaim := out[n]
		if !isClaim {
			continue
		}
		switch q.P {
		case vocab.RDFSubject:
			c.s = asIRI(q.O)
		case vocab.RDFPredicate:
			c.p = asIRI(q.O)
		case vocab.RDFObject:
			c.o = asIRI(q.O)
		case vocab.DGEvidence:
			if l, ok := q.O.(rdf.Literal); ok {
				c.evidence = append(c.evidence, normSpace(l.Lexical))
			}
		}
		out[n] = c
	}
	return out
}

// FindClaims returns the claim nodes a key names: those of its relation
// whose evidence is the key's words; when there are several, those that
// also have its subject and object.
func findClaims(claims map[rdf.IRI]claimNode, k ClaimKey) []rdf.IRI {
	ev := normSpace(k.Evidence)
	var same, exact []rdf.IRI
	for n, c := range claims {
		if c.p != k.Relation || !slices.Contains(c.evidence, ev) {
			continue
		}
		same = append(same, n)
		if c.s == k.Subject && c.o == k.Object {
			exact = append(exact, n)
		}
	}
	if len(same) > 1 && len(exact) > 0 {
		same = exact
	}
	slices.Sort(same)
	return same
}

// normSpace collapses runs of white space to one space and trims the ends;
// text already so is returned as it is, without a copy.
func normSpace(s string) string {
	space := true // at the start, a space would be one too many
	for _, r := range s {
		if !unicode.IsSpace(r) {
			space = false
			continue
		}
		if r != ' ' || space {
			return strings.Join(strings.Fields(s), " ")
		}
		space = true
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

func applyClaim(qs []rdf.Quad, c *Correction, claims map[rdf.IRI]claimNode) ([]rdf.Quad, bool) {
	nodes := findClaims(claims, c.Claim)
	if len(nodes) == 0 {
		return qs, false
	}
	for _, n := range nodes {
		if c.Kind != Reject && !slices.ContainsFunc(qs, func(q rdf.Quad) bool { return q.S == rdf.Term(n) }) {
			continue // rejected by an earlier correction: nothing left to confirm or edit
		}
		switch c.Kind {
		case Reject:
			qs = slices.DeleteFunc(qs, func(q rdf.Quad) bool { return q.S == rdf.Term(n) })
		case Confirm:
			qs = slices.DeleteFunc(qs, func(q rdf.Quad) bool { return q.S == rdf.Term(n) && q.P == vocab.DGConfidence })
			g := graphOf(qs)
			qs = append(qs, rdf.Quad{S: n, P: vocab.DGConfidence, O: rdf.NewTyped("1.0", vocab.XSDDecimal), G: g},
				rdf.Quad{S: n, P: vocab.DGCuratedBy, O: c.IRI, G: g})
		case Edit:
			g := graphOf(qs)
			for _, f := range []struct {
				p rdf.IRI
				v rdf.IRI
			}{{vocab.RDFSubject, c.New.Subject}, {vocab.RDFPredicate, c.New.Relation}, {vocab.RDFObject, c.New.Object}} {
				if f.v == "" {
					continue
				}
				qs = slices.DeleteFunc(qs, func(q rdf.Quad) bool { return q.S == rdf.Term(n) && q.P == f.p })
				qs = append(qs, rdf.Quad{S: n, P: f.p, O: f.v, G: g})
			}
			qs = append(qs, rdf.Quad{S: n, P: vocab.DGCuratedBy, O: c.IRI, G: g})
		}
	}
	return qs, true
}

func graphOf(qs []rdf.Quad) rdf.Term {
	if len(qs) == 0 {
		return nil
	}
	return qs[0].G
}

// AddedClaim is the IRI of a claim a correction adds: a hash of the
// document, the statement and its evidence.
func AddedClaim(m vocab.Minter, doc rdf.IRI, k ClaimKey) rdf.IRI {
	return m.Claim(doc, k.Subject, k.Relation, k.Object, -len([]rune(k.Evidence)))
}

func (s *Set) addClaim(qs []rdf.Quad, g rdf.IRI, c *Correction) ([]rdf.Quad, bool) {
	if !hasText(qs, c.Claim.Evidence) {
		return qs, false
	}
	n := AddedClaim(s.m, g, c.Claim)
	add := func(p rdf.IRI, o rdf.Term) { qs = append(qs, rdf.Quad{S: n, P: p, O: o, G: g}) }
	add(vocab.RDFType, vocab.DGClaim)
	add(vocab.RDFType, vocab.RDFStatement)
	add(vocab.RDFSubject, c.Claim.Subject)
	add(vocab.RDFPredicate, c.Claim.Relation)
	add(vocab.RDFObject, c.Claim.Object)
	add(vocab.PROVWasDerivedFrom, g)
	add(vocab.DGEvidence, rdf.NewString(c.Claim.Evidence))
	add(vocab.DGConfidence, rdf.NewTyped("1.0", vocab.XSDDecimal))
	add(vocab.DGCuratedBy, c.IRI)
	for _, q := range qs {
		if q.S == rdf.Term(g) && q.P == vocab.DCCreator {
			add(vocab.PROVWasAttributedTo, q.O)
			break
		}
	}
	return qs, true
}

// hasText reports whether the words occur in one of the document's text
// versions (whitespace and case aside).
func hasText(qs []rdf.Quad, words string) bool {
	w := strings.ToLower(normSpace(words))
	if w == "" {
		return false
	}
	for _, q := range qs {
		if q.P != vocab.SchemaText {
			continue
		}
		if l, ok := q.O.(rdf.Literal); ok && strings.Contains(strings.ToLower(normSpace(l.Lexical)), w) {
			return true
		}
	}
	return false
}

func applyPseudonym(qs []rdf.Quad, g rdf.IRI, c *Correction) ([]rdf.Quad, bool) {
	var uses []rdf.Term
	for _, q := range qs {
		if q.S == rdf.Term(g) && q.P == vocab.DGPseudonymUse {
			uses = append(uses, q.O)
		}
	}
	found := false
	for _, u := range uses {
		alias, person := false, c.Entity == ""
		for _, q := range qs {
			if q.S != u {
				continue
			}
			if l, ok := q.O.(rdf.Literal); ok && q.P == vocab.DGAlias && l.Lexical == c.Alias {
				alias = true
			}
			if q.P == vocab.DGStandsFor && q.O == rdf.Term(c.Entity) {
				person = true
			}
		}
		if !alias || !person {
			continue
		}
		found = true
		status := "confirmed"
		if c.Kind == DisputePseudonym {
			status = "disputed"
		}
		qs = slices.DeleteFunc(qs, func(q rdf.Quad) bool {
			return q.S == u && q.P == vocab.DGIdentification
		})
		qs = append(qs, rdf.Quad{S: u, P: vocab.DGIdentification, O: rdf.NewString(status), G: g},
			rdf.Quad{S: u, P: vocab.DGCuratedBy, O: c.IRI, G: g})
	}
	return qs, found
}

var labelProps = []rdf.IRI{vocab.RDFSLabel, vocab.SKOSPrefLabel}

func applyEntity(qs []rdf.Quad, g rdf.IRI, c *Correction) ([]rdf.Quad, bool) {
	e := rdf.Term(c.Entity)
	add := func(p rdf.IRI, o rdf.Term) { qs = append(qs, rdf.Quad{S: e, P: p, O: o, G: g}) }
	switch c.Kind {
	case Link:
		qs = slices.DeleteFunc(qs, func(q rdf.Quad) bool {
			return q.S == e && q.P == vocab.OWLSameAs && strings.HasPrefix(string(asIRI(q.O)), vocab.WD)
		})
		add(vocab.OWLSameAs, rdf.IRI(vocab.WD+c.Wikidata))
	case Unlink:
		qs = slices.DeleteFunc(qs, func(q rdf.Quad) bool {
			if q.S != e {
				return false
			}
			o := string(asIRI(q.O))
			return q.P == vocab.OWLSameAs && strings.HasPrefix(o, vocab.WD) && (c.Wikidata == "" || o == vocab.WD+c.Wikidata)
		})
	case Rename:
		lang := c.Label.Lang
		var old []rdf.Term
		qs = slices.DeleteFunc(qs, func(q rdf.Quad) bool {
			l, ok := q.O.(rdf.Literal)
			if q.S != e || !ok || !slices.Contains(labelProps, q.P.(rdf.IRI)) || !strings.EqualFold(l.Lang, lang) {
				return false
			}
			old = append(old, l)
			return true
		})
		for _, l := range old {
			if l != rdf.Term(c.Label) {
				add(vocab.SKOSAltLabel, l)
			}
		}
		qs = slices.DeleteFunc(qs, func(q rdf.Quad) bool { return q.S == e && q.P == vocab.SKOSAltLabel && q.O == rdf.Term(c.Label) })
		add(vocab.RDFSLabel, c.Label)
		add(vocab.SKOSPrefLabel, c.Label)
	case AddLabel:
		add(vocab.SKOSAltLabel, c.Label)
	case Retype:
		qs = slices.DeleteFunc(qs, func(q rdf.Quad) bool {
			return q.S == e && q.P == vocab.RDFType && vocab.ClassOf(asIRI(q.O)) != ""
		})
		add(vocab.RDFType, vocab.ClassIRI(c.Class))
	default:
		return qs, false
	}
	add(vocab.DGCuratedBy, c.IRI)
	return qs, true
}
