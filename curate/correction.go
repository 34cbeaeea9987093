// Package curate is docgraph's editorial layer: corrections a historian
// makes to the graph (merge two entities, keep two apart, link or unlink a
// Wikidata item, rename, retype, reject, confirm, edit or add a claim, add
// a mention, confirm or dispute a pseudonym), each kept as data in the
// store's curation graph with who made it, when and why, and applied to
// every graph it concerns: at ingest, after a document is extracted and
// before it is written, and when the correction is made.
//
// A graph that corrections change keeps what the extractor alone said in
// the graph <g>/extracted (vocab.Extracted), so that re-applying the
// corrections, undoing one, or `--raw` exports start from the extractor's
// output. Claims, mentions and pseudonym uses are found by what the
// document says (its relation and evidence text, then its parties; the
// cover name and the person), never by offsets, so a correction survives
// re-ingest, a changed extractor and a changed gazetteer; one whose target
// is gone is reported by Orphans (`docgraph check`).
package curate

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Kind is what a correction does.
type Kind string

// The kinds of correction.
const (
	Merge            Kind = "merge"
	KeepApart        Kind = "split"
	Link             Kind = "link"
	Unlink           Kind = "unlink"
	Rename           Kind = "rename"
	AddLabel         Kind = "add-label"
	Retype           Kind = "retype"
	Reject           Kind = "reject"
	Confirm          Kind = "confirm"
	Edit             Kind = "edit"
	AddClaim         Kind = "add-claim"
	AddMention       Kind = "add-mention"
	ConfirmPseudonym Kind = "confirm-pseudonym"
	DisputePseudonym Kind = "dispute-pseudonym"
	Undo             Kind = "undo"
)

var kindClass = map[Kind]rdf.IRI{
	Merge: vocab.DGMerge, KeepApart: vocab.DGKeepApart, Link: vocab.DGLinkWikidata,
	Unlink: vocab.DGUnlinkWikidata, Rename: vocab.DGRename, AddLabel: vocab.DGAddLabel,
	Retype: vocab.DGRetype, Reject: vocab.DGRejectClaim, Confirm: vocab.DGConfirmClaim,
	Edit: vocab.DGEditClaim, AddClaim: vocab.DGAddClaim, AddMention: vocab.DGAddMention,
	ConfirmPseudonym: vocab.DGConfirmPseudonym, DisputePseudonym: vocab.DGDisputePseudonym,
	Undo: vocab.DGUndo,
}

// ClaimKey finds a claim by what the document says, not by where: the
// relation and the evidence text, then (when a sentence carries several
// claims of one relation) its subject and object.
type ClaimKey struct {
	Subject, Relation, Object rdf.IRI
	Evidence                  string
}

// Correction is one change a curator made.
type Correction struct {
	IRI    rdf.IRI
	Kind   Kind
	By     string // the curator's name
	At     time.Time
	Reason string

	Entity rdf.IRI // the entity it is about (merge: the one merged away)
	Other  rdf.IRI // merge: the one that survives; split: the other one

	Wikidata string      // link, unlink: a Q-identifier ("" for unlink: any)
	Label    rdf.Literal // rename, add-label
	Class    string      // retype: vocab.ClassPerson, …

	Doc   rdf.IRI  // the document of a claim, mention or pseudonym use
	Claim ClaimKey // reject, confirm, edit: the claim as extracted; add-claim: the new one
	// New is an edit's new subject, relation and object (empty: unchanged).
	New      ClaimKey
	Evidence string // add-mention: the words that name the entity
	Alias    string // pseudonym kinds: the cover name (Entity is the person)

	Undoes rdf.IRI // undo: the correction undone
}

// Mint gives c its IRI, a hash of everything it says, under m's base.
func (c *Correction) Mint(m vocab.Minter) {
	h := sha256.New()
	for _, s := range []string{string(c.Kind), c.By, c.At.UTC().Format(time.RFC3339Nano), c.Reason,
		string(c.Entity), string(c.Other), c.Wikidata, c.Label.String(), c.Class, string(c.Doc),
		string(c.Claim.Subject), string(c.Claim.Relation), string(c.Claim.Object), c.Claim.Evidence,
		string(c.New.Subject), string(c.New.Relation), string(c.New.Object), c.Evidence, c.Alias,
		string(c.Undoes)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	c.IRI = m.Correction(hex.EncodeToString(h.Sum(nil)[:6]))
}

// ID is the short name of a correction: the last segment of its IRI.
func (c *Correction) ID() string { return ID(c.IRI) }

// ID is the last path segment of a correction IRI.
func ID(iri rdf.IRI) string {
	s := string(iri)
	return s[strings.LastIndexByte(s, '/')+1:]
}

// Quads describes c in graph g.
func (c *Correction) Quads(m vocab.Minter, g rdf.IRI) []rdf.Quad {
	var qs []rdf.Quad
	add := func(s rdf.Term, p rdf.IRI, o rdf.Term) { qs = append(qs, rdf.Quad{S: s, P: p, O: o, G: g}) }
	iri := func(p rdf.IRI, o rdf.IRI) {
		if o != "" {
			add(c.IRI, p, o)
		}
	}
	str := func(p rdf.IRI, s string) {
		if s != "" {
			add(c.IRI, p, rdf.NewString(s))
		}
	}
	add(c.IRI, vocab.RDFType, vocab.DGCorrection)
	add(c.IRI, vocab.RDFType, kindClass[c.Kind])
	curator := m.Curator(c.By)
	add(c.IRI, vocab.PROVWasAttributedTo, curator)
	add(curator, vocab.RDFType, vocab.PROVAgent)
	add(curator, vocab.RDFSLabel, rdf.NewString(c.By))
	add(c.IRI, vocab.PROVGeneratedAtTime, rdf.NewTyped(c.At.UTC().Format(time.RFC3339Nano), vocab.XSDDateTime))
	str(vocab.RDFSComment, c.Reason)
	iri(vocab.DGTarget, c.Entity)
	iri(vocab.DGOther, c.Other)
	if c.Wikidata != "" {
		iri(vocab.DGWikidata, rdf.IRI(vocab.WD+c.Wikidata))
	}
	if c.Label.Lexical != "" {
		add(c.IRI, vocab.DGNewLabel, c.Label)
	}
	if c.Class != "" {
		iri(vocab.DGNewClass, vocab.ClassIRI(c.Class))
	}
	iri(vocab.DGInDocument, c.Doc)
	if c.Kind == AddClaim {
		iri(vocab.DGNewSubject, c.Claim.Subject)
		iri(vocab.DGNewRelation, c.Claim.Relation)
		iri(vocab.DGNewObject, c.Claim.Object)
		str(vocab.DGEvidence, c.Claim.Evidence)
	} else {
		iri(vocab.DGClaimSubject, c.Claim.Subject)
		iri(vocab.DGClaimRelation, c.Claim.Relation)
		iri(vocab.DGClaimObject, c.Claim.Object)
		str(vocab.DGEvidence, c.Claim.Evidence)
		iri(vocab.DGNewSubject, c.New.Subject)
		iri(vocab.DGNewRelation, c.New.Relation)
		iri(vocab.DGNewObject, c.New.Object)
	}
	if c.Kind == AddMention {
		str(vocab.DGEvidence, c.Evidence)
	}
	str(vocab.DGAlias, c.Alias)
	iri(vocab.DGUndoes, c.Undoes)
	return qs
}

// Parse reads the corrections described in quads (any graph). A resource
// typed dg:Correction that lacks what its kind needs is an error naming it.
func Parse(quads []rdf.Quad) ([]*Correction, error) {
	props := map[rdf.Term]map[rdf.IRI][]rdf.Term{}
	var order []rdf.Term
	for _, q := range quads {
		if props[q.S] == nil {
			props[q.S] = map[rdf.IRI][]rdf.Term{}
			order = append(order, q.S)
		}
		p, _ := q.P.(rdf.IRI)
		props[q.S][p] = append(props[q.S][p], q.O)
	}
	var out []*Correction
	for _, s := range order {
		ps := props[s]
		if !slices.Contains(ps[vocab.RDFType], rdf.Term(vocab.DGCorrection)) {
			continue
		}
		iri, ok := s.(rdf.IRI)
		if !ok {
			return nil, fmt.Errorf("a correction must be named by an IRI, not %v", s)
		}
		c := &Correction{IRI: iri}
		for _, t := range ps[vocab.RDFType] {
			for k, cl := range kindClass {
				if t == rdf.Term(cl) {
					c.Kind = k
				}
			}
		}
		if c.Kind == "" {
			return nil, fmt.Errorf("correction %s: no kind (a subclass of dg:Correction such as dg:Merge)", iri)
		}
		one := func(p rdf.IRI) rdf.Term {
			if v := ps[p]; len(v) > 0 {
				return v[0]
			}
			return nil
		}
		asIRI := func(p rdf.IRI) rdf.IRI {
			i, _ := one(p).(rdf.IRI)
			return i
		}
		lex := func(p rdf.IRI) string {
			l, _ := one(p).(rdf.Literal)
			return l.Lexical
		}
		if a, ok := one(vocab.PROVWasAttributedTo).(rdf.IRI); ok {
			c.By = curatorName(props, a)
		}
		if c.By == "" {
			return nil, fmt.Errorf("correction %s: no curator (prov:wasAttributedTo)", iri)
		}
		at, err := time.Parse(time.RFC3339Nano, lex(vocab.PROVGeneratedAtTime))
		if err != nil {
			return nil, fmt.Errorf("correction %s: prov:generatedAtTime %q is not an xsd:dateTime", iri, lex(vocab.PROVGeneratedAtTime))
		}
		c.At = at
		c.Reason = lex(vocab.RDFSComment)
		c.Entity, c.Other, c.Doc, c.Undoes = asIRI(vocab.DGTarget), asIRI(vocab.DGOther), asIRI(vocab.DGInDocument), asIRI(vocab.DGUndoes)
		c.Wikidata = strings.TrimPrefix(string(asIRI(vocab.DGWikidata)), vocab.WD)
		if l, ok := one(vocab.DGNewLabel).(rdf.Literal); ok {
			c.Label = l
		}
		c.Class = vocab.ClassOf(asIRI(vocab.DGNewClass))
		c.Alias = lex(vocab.DGAlias)
		switch c.Kind {
		case AddClaim:
			c.Claim = ClaimKey{asIRI(vocab.DGNewSubject), asIRI(vocab.DGNewRelation), asIRI(vocab.DGNewObject), lex(vocab.DGEvidence)}
		case AddMention:
			c.Evidence = lex(vocab.DGEvidence)
		default:
			c.Claim = ClaimKey{asIRI(vocab.DGClaimSubject), asIRI(vocab.DGClaimRelation), asIRI(vocab.DGClaimObject), lex(vocab.DGEvidence)}
			c.New = ClaimKey{Subject: asIRI(vocab.DGNewSubject), Relation: asIRI(vocab.DGNewRelation), Object: asIRI(vocab.DGNewObject)}
		}
		if err := c.complete(); err != nil {
			return nil, fmt.Errorf("correction %s: %w", iri, err)
		}
		out = append(out, c)
	}
	sortCorrections(out)
	return out, nil
}

func curatorName(props map[rdf.Term]map[rdf.IRI][]rdf.Term, a rdf.IRI) string {
	for _, l := range props[a][vocab.RDFSLabel] {
		if lit, ok := l.(rdf.Literal); ok && lit.Lexical != "" {
			return lit.Lexical
		}
	}
	s := string(a)
	return s[strings.LastIndexByte(s, '/')+1:]
}

// complete says what a correction of its kind lacks.
func (c *Correction) complete() error {
	need := func(ok bool, what string) error {
		if !ok {
			return refuse(ErrInvalid, "a %s correction needs %s", c.Kind, what)
		}
		return nil
	}
	switch c.Kind {
	case Merge, KeepApart:
		return need(c.Entity != "" && c.Other != "", "two entities (dg:target, dg:other)")
	case Link:
		return need(c.Entity != "" && c.Wikidata != "", "an entity and a Wikidata item")
	case Unlink:
		return need(c.Entity != "", "an entity")
	case Rename, AddLabel:
		return need(c.Entity != "" && strings.TrimSpace(c.Label.Lexical) != "", "an entity and a label")
	case Retype:
		return need(c.Entity != "" && c.Class != "", "an entity and an entity class")
	case Reject, Confirm, Edit:
		if err := need(c.Doc != "" && c.Claim.Relation != "" && c.Claim.Evidence != "", "a claim (document, relation, evidence)"); err != nil {
			return err
		}
		if c.Kind == Edit {
			return need(c.New != ClaimKey{}, "a new subject, relation or object")
		}
	case AddClaim:
		return need(c.Doc != "" && c.Claim.Subject != "" && c.Claim.Relation != "" && c.Claim.Object != "" && c.Claim.Evidence != "",
			"a document, subject, relation, object and evidence")
	case AddMention:
		return need(c.Doc != "" && c.Entity != "" && c.Evidence != "", "a document, an entity and evidence")
	case ConfirmPseudonym, DisputePseudonym:
		return need(c.Doc != "" && c.Alias != "", "a document and a cover name")
	case Undo:
		return need(c.Undoes != "", "the correction it undoes (dg:undoes)")
	}
	return nil
}

func sortCorrections(cs []*Correction) {
	slices.SortStableFunc(cs, func(a, b *Correction) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.IRI, b.IRI))
	})
}

// Describe is a one-line account of what c does, for the log.
func (c *Correction) Describe() string {
	short := func(i rdf.IRI) string {
		s := string(i)
		if k := strings.Index(s, "/doc/"); k >= 0 {
			return s[k+1:]
		}
		for _, p := range []string{"person/", "org/", "country/", "place/", "event/", "proposal/", "entity/"} {
			if k := strings.Index(s, "/"+p); k >= 0 {
				return s[k+1:]
			}
		}
		if c := vocab.Compact(i); c != "" {
			return c
		}
		return s
	}
	claim := func(k ClaimKey) string {
		return fmt.Sprintf("%s %s %s in %s (%q)", short(k.Subject), short(k.Relation), short(k.Object), short(c.Doc), clip(k.Evidence, 50))
	}
	switch c.Kind {
	case Merge:
		return fmt.Sprintf("merge %s into %s", short(c.Entity), short(c.Other))
	case KeepApart:
		return fmt.Sprintf("keep %s apart from %s", short(c.Entity), short(c.Other))
	case Link:
		return fmt.Sprintf("link %s to wd:%s", short(c.Entity), c.Wikidata)
	case Unlink:
		if c.Wikidata == "" {
			return fmt.Sprintf("unlink %s from Wikidata", short(c.Entity))
		}
		return fmt.Sprintf("unlink %s from wd:%s", short(c.Entity), c.Wikidata)
	case Rename:
		return fmt.Sprintf("rename %s to %s", short(c.Entity), c.Label)
	case AddLabel:
		return fmt.Sprintf("add label %s to %s", c.Label, short(c.Entity))
	case Retype:
		return fmt.Sprintf("retype %s as %s", short(c.Entity), c.Class)
	case Reject:
		return "reject " + claim(c.Claim)
	case Confirm:
		return "confirm " + claim(c.Claim)
	case Edit:
		return "edit " + claim(c.Claim)
	case AddClaim:
		return "add claim " + claim(c.Claim)
	case AddMention:
		return fmt.Sprintf("add mention of %s in %s (%q)", short(c.Entity), short(c.Doc), clip(c.Evidence, 50))
	case ConfirmPseudonym:
		return fmt.Sprintf("confirm %q stands for %s in %s", c.Alias, short(c.Entity), short(c.Doc))
	case DisputePseudonym:
		return fmt.Sprintf("dispute %q stands for %s in %s", c.Alias, short(c.Entity), short(c.Doc))
	case Undo:
		return "undo " + ID(c.Undoes)
	}
	return string(c.Kind)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
