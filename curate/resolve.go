package curate

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// The kinds of refusal a correction meets; errors.Is tells them apart so
// that the command line picks its exit status and the web its HTTP status
// from one decision.
var (
	// ErrNotFound: the correction names what the store does not hold (an
	// entity, a document, a claim, a correction to undo).
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the correction cannot be made as given (an entity
	// merged with itself, a malformed Wikidata id, an ambiguous name).
	ErrInvalid = errors.New("invalid correction")
	// ErrConflict: the correction contradicts one in force (a cycle of
	// merges, a merge of entities kept apart, an undo already made).
	ErrConflict = errors.New("conflicting correction")
)

// refusal is an error of one of the kinds above with its own message.
type refusal struct {
	kind error
	msg  string
}

func (r *refusal) Error() string        { return r.msg }
func (r *refusal) Is(target error) bool { return target == r.kind }

func refuse(kind error, format string, args ...any) error {
	return &refusal{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// ResolveEntity finds the entity an argument names: an IRI, a path under
// the store's base (person/joseph-stalin), or a name or pseudonym that
// names one entity.
func ResolveEntity(ctx context.Context, s *graph.Store, arg string) (rdf.IRI, error) {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		return "", refuse(ErrInvalid, "name an entity (an IRI, a path such as person/joseph-stalin, or a name)")
	}
	if strings.Contains(arg, "://") {
		return rdf.IRI(arg), nil
	}
	if strings.Contains(arg, "/") && !strings.Contains(arg, " ") {
		return rdf.IRI(s.Base() + strings.TrimPrefix(arg, "/")), nil
	}
	cards, err := catalog.Find(ctx, s, arg)
	if err != nil {
		return "", err
	}
	var exact []catalog.Card
	for _, c := range cards {
		for _, l := range c.Labels {
			if strings.EqualFold(l.Lexical, arg) {
				exact = append(exact, c)
				break
			}
		}
		if c.MatchedAlias != "" && !slices.ContainsFunc(exact, func(x catalog.Card) bool { return x.IRI == c.IRI }) {
			exact = append(exact, c)
		}
	}
	if len(exact) == 1 {
		return exact[0].IRI, nil
	}
	if len(exact) == 0 && len(cards) == 1 {
		return cards[0].IRI, nil
	}
	if len(cards) == 0 {
		return "", refuse(ErrNotFound, "no entity is named %q", arg)
	}
	if len(exact) > 1 {
		cards = exact
	}
	var iris []string
	for _, c := range cards {
		iris = append(iris, string(c.IRI))
	}
	return "", refuse(ErrInvalid, "%q names %d entities; give one IRI: %s", arg, len(cards), strings.Join(iris, ", "))
}

// ResolveClaim finds a claim by IRI or id and returns its document and its
// key as the extractor gave it.
func ResolveClaim(ctx context.Context, s *graph.Store, arg string) (rdf.IRI, ClaimKey, error) {
	arg = strings.TrimSpace(arg)
	iri := rdf.IRI(arg)
	if !strings.Contains(arg, "://") {
		iri = rdf.IRI(s.Base() + "claim/" + strings.TrimPrefix(strings.TrimPrefix(arg, "/"), "claim/"))
	}
	var doc rdf.IRI
	for q, err := range s.Match(ctx, iri, vocab.RDFType, vocab.DGClaim, nil) {
		if err != nil {
			return "", ClaimKey{}, err
		}
		doc, _ = q.G.(rdf.IRI)
		if b, twin := vocab.IsExtracted(doc); twin {
			doc = b
		}
		break
	}
	if doc == "" {
		return "", ClaimKey{}, refuse(ErrNotFound, "no claim %s in the store", iri)
	}
	raw, err := Raw(ctx, s, doc)
	if err != nil {
		return "", ClaimKey{}, err
	}
	var k ClaimKey
	found := false
	for _, q := range raw {
		if q.S != rdf.Term(iri) {
			continue
		}
		found = true
		o, _ := q.O.(rdf.IRI)
		switch q.P {
		case vocab.RDFSubject:
			k.Subject = o
		case vocab.RDFPredicate:
			k.Relation = o
		case vocab.RDFObject:
			k.Object = o
		case vocab.DGEvidence:
			if l, ok := q.O.(rdf.Literal); ok {
				k.Evidence = l.Lexical
			}
		}
	}
	if !found {
		return "", ClaimKey{}, refuse(ErrInvalid, "claim %s was added by a correction, not extracted; undo that correction instead", iri)
	}
	return doc, k, nil
}

// ResolveRelation accepts "opposes", "agrees_with", "dg:opposes" or an IRI.
func ResolveRelation(arg string) (rdf.IRI, error) {
	if p, ok := vocab.ClaimRelations[arg]; ok {
		return p, nil
	}
	for _, p := range vocab.ClaimRelations {
		if string(p) == arg || vocab.Compact(p) == arg || strings.TrimPrefix(string(p), vocab.DG) == arg {
			return p, nil
		}
	}
	return "", refuse(ErrInvalid, "%q is not a claim relation (%s)", arg, strings.Join(Relations(), ", "))
}

// Relations are the names of the claim relations, sorted.
func Relations() []string {
	var names []string
	for n := range vocab.ClaimRelations {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Classes are the entity classes an entity can be given.
var Classes = []string{vocab.ClassPerson, vocab.ClassOrganization, vocab.ClassCountry, vocab.ClassPlace, vocab.ClassEvent, vocab.ClassProposal}

// ResolveClass accepts an entity class in any case.
func ResolveClass(arg string) string {
	for _, c := range Classes {
		if strings.EqualFold(c, strings.TrimSpace(arg)) {
			return c
		}
	}
	return arg
}

// ResolveDocument turns a record id (or an IRI) into the document's IRI.
func ResolveDocument(s *graph.Store, id string) rdf.IRI {
	id = strings.TrimSpace(id)
	if strings.Contains(id, "://") {
		return rdf.IRI(id)
	}
	return s.Minter().Document(strings.TrimPrefix(strings.TrimPrefix(id, "/"), "doc/"))
}

// ResolveWikidata accepts Q42, wd:Q42 or the item's IRI.
func ResolveWikidata(arg string) string {
	arg = strings.TrimSpace(arg)
	arg = strings.TrimPrefix(strings.TrimPrefix(arg, vocab.WD), "wd:")
	return strings.TrimPrefix(arg, "https://www.wikidata.org/wiki/")
}

// ResolvePseudonym makes the correction that confirms (or, dispute true,
// disputes) the person a document's cover name stands for. The cover name
// is matched whatever its case.
func ResolvePseudonym(ctx context.Context, s *graph.Store, doc rdf.IRI, alias string, dispute bool) (*Correction, error) {
	raw, err := Raw(ctx, s, doc)
	if err != nil {
		return nil, err
	}
	var person rdf.IRI
	uses := map[rdf.Term]bool{}
	for _, q := range raw {
		if l, ok := q.O.(rdf.Literal); ok && q.P == vocab.DGAlias && strings.EqualFold(l.Lexical, strings.TrimSpace(alias)) {
			uses[q.S] = true
			alias = l.Lexical
		}
	}
	for _, q := range raw {
		if uses[q.S] && q.P == vocab.DGStandsFor {
			person, _ = q.O.(rdf.IRI)
		}
	}
	if person == "" {
		return nil, refuse(ErrNotFound, "document %s uses no pseudonym %q", doc, alias)
	}
	k := ConfirmPseudonym
	if dispute {
		k = DisputePseudonym
	}
	return &Correction{Kind: k, Doc: doc, Alias: alias, Entity: person}, nil
}

// ResolveUndo makes the correction that undoes the one named by id (its IRI
// or short id), or "last": the most recent one in force.
func ResolveUndo(ctx context.Context, s *graph.Store, id string) (*Correction, error) {
	set, err := Load(ctx, s)
	if err != nil {
		return nil, err
	}
	c := set.Get(strings.TrimSpace(id))
	if id == "last" {
		for _, x := range set.Active {
			c = x // the most recent correction in force
		}
	}
	if c == nil {
		return nil, refuse(ErrNotFound, "no correction %s (see docgraph curate log)", id)
	}
	return &Correction{Kind: Undo, Undoes: c.IRI}, nil
}

// MergedInto returns the entity a curator merged e into (following a chain
// of merges to the survivor), or "" when e stands for itself.
func MergedInto(ctx context.Context, s *graph.Store, e rdf.IRI) (rdf.IRI, error) {
	g := s.Minter().Identity()
	n, err := s.CountUpTo(ctx, e, vocab.DGLinkMethod, rdf.NewString(MethodCurated), g, 1)
	if err != nil || n == 0 {
		return "", err
	}
	for q, err := range s.Match(ctx, e, vocab.OWLSameAs, nil, g) {
		if err != nil {
			return "", err
		}
		if to, ok := q.O.(rdf.IRI); ok && to != e {
			return to, nil
		}
	}
	return "", nil
}

// MergedFrom lists the entities merged into e (by a curator or by the
// identity pass), with how each was decided.
func MergedFrom(ctx context.Context, s *graph.Store, e rdf.IRI) (map[rdf.IRI]string, error) {
	g := s.Minter().Identity()
	out := map[rdf.IRI]string{}
	for q, err := range s.Match(ctx, nil, vocab.OWLSameAs, e, g) {
		if err != nil {
			return nil, err
		}
		if from, ok := q.S.(rdf.IRI); ok && from != e {
			out[from] = ""
		}
	}
	for from := range out {
		for q, err := range s.Match(ctx, from, vocab.DGLinkMethod, nil, g) {
			if err != nil {
				return nil, err
			}
			if l, ok := q.O.(rdf.Literal); ok {
				out[from] = l.Lexical
			}
		}
	}
	return out, nil
}

// Invalid is an ErrInvalid refusal with its message.
func Invalid(format string, args ...any) error { return refuse(ErrInvalid, format, args...) }

// About lists the corrections (undone ones included, undos left out) that
// name iri: as their entity, the other entity of a merge or keep-apart,
// their document, or a party of their claim.
func (s *Set) About(iri rdf.IRI) []*Correction {
	var out []*Correction
	for _, c := range s.All {
		if c.Kind == Undo {
			continue
		}
		if slices.Contains([]rdf.IRI{c.Entity, c.Other, c.Doc, c.Claim.Subject, c.Claim.Object, c.New.Subject, c.New.Object}, iri) {
			out = append(out, c)
		}
	}
	return out
}

// AboutClaim lists the corrections (undone ones included) of the claim
// the document doc says with key k.
func (s *Set) AboutClaim(doc rdf.IRI, k ClaimKey) []*Correction {
	var out []*Correction
	for _, c := range s.All {
		if c.Doc != doc || c.Claim.Relation != k.Relation || normSpace(c.Claim.Evidence) != normSpace(k.Evidence) {
			continue
		}
		switch c.Kind {
		case Reject, Confirm, Edit:
			if c.Claim.Subject == "" || c.Claim.Subject == k.Subject && c.Claim.Object == k.Object {
				out = append(out, c)
			}
		}
	}
	return out
}
