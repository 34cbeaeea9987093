package curate

import (
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"weak"

	"github.com/cespare/xxhash/v2"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Load reads the store's corrections and notes which graphs have an
// extracted twin. A store without corrections costs one lookup.
//
// An embedded store's corrections are read and parsed once: they are
// kept with the store until a write changes its curation graph
// (graph.Store.GraphVersion), and what Load notes of the twins until any
// write. The Set returned may share its indexes with other callers' and
// must not be modified.
func Load(ctx context.Context, s *graph.Store) (*Set, error) {
	m := s.Minter()
	e := loadedFor(s)
	// the versions are noted before reading: a write meanwhile makes the
	// next Load read again
	cv, cached := s.GraphVersion(m.Curation())
	wv, _ := s.GraphVersion("")
	e.mu.Lock()
	base := e.set
	if !cached || e.corrections != cv {
		base = nil
	}
	twins := e.twins
	if !cached || e.writes != wv {
		twins = nil
	}
	e.mu.Unlock()
	if base == nil {
		var qs []rdf.Quad
		for q, err := range s.Match(ctx, nil, nil, nil, m.Curation()) {
			if err != nil {
				return nil, err
			}
			qs = append(qs, q)
		}
		cs, err := Parse(qs)
		if err != nil {
			return nil, fmt.Errorf("the curation graph %s: %w", m.Curation(), err)
		}
		base = NewSet(m, cs)
		if cached {
			e.mu.Lock()
			e.corrections, e.set = cv, base
			e.mu.Unlock()
		}
	}
	set := *base
	if len(set.All) == 0 {
		return &set, nil
	}
	if twins == nil {
		var err error
		if twins, err = readTwins(ctx, s); err != nil {
			return nil, err
		}
		if cached {
			e.mu.Lock()
			e.writes, e.twins = wv, twins
			e.mu.Unlock()
		}
	}
	set.extracted, set.touched = twins.extracted, twins.touched
	return &set, nil
}

// twinInfo is what Load notes of the extracted twins (Set.extracted,
// Set.touched).
type twinInfo struct {
	extracted map[rdf.IRI]string
	touched   map[rdf.IRI]map[rdf.Term]bool
}

// readTwins finds the store's extracted twins: every twin carries its
// digest, so one predicate's statements find them all, without listing
// the store's graphs.
func readTwins(ctx context.Context, s *graph.Store) (*twinInfo, error) {
	t := &twinInfo{extracted: map[rdf.IRI]string{}, touched: map[rdf.IRI]map[rdf.Term]bool{}}
	for q, err := range s.Match(ctx, nil, vocab.DGDigest, nil, nil) {
		if err != nil {
			return nil, err
		}
		b, ok := vocab.IsExtracted(q.S)
		if l, lit := q.O.(rdf.Literal); ok && lit && q.G == q.S {
			t.extracted[b] = l.Lexical
		}
	}
	for q, err := range s.Match(ctx, nil, vocab.DGTouches, nil, nil) {
		if err != nil {
			return nil, err
		}
		if b, ok := vocab.IsExtracted(q.S); ok && q.G == q.S {
			if t.touched[b] == nil {
				t.touched[b] = map[rdf.Term]bool{}
			}
			t.touched[b][q.O] = true
		}
	}
	return t, nil
}

// loaded is what Load read from one store, with the store's versions
// (graph.Store.GraphVersion) at the time.
type loaded struct {
	mu          sync.Mutex
	corrections uint64 // of the curation graph
	set         *Set   // its corrections, without twins
	writes      uint64 // of the whole store
	twins       *twinInfo
}

// loads holds a loaded for each open store, dropped when the store is
// collected.
var loads sync.Map // weak.Pointer[graph.Store] → *loaded

func loadedFor(s *graph.Store) *loaded {
	k := weak.Make(s)
	if e, ok := loads.Load(k); ok {
		return e.(*loaded)
	}
	e, had := loads.LoadOrStore(k, &loaded{})
	if !had {
		runtime.AddCleanup(s, func(k weak.Pointer[graph.Store]) { loads.Delete(k) }, k)
	}
	return e.(*loaded)
}

// Updates turns the new raw content of graph g into the store writes that
// show it curated: g itself and, when corrections change it, g's extracted
// twin (or the twin's removal when they no longer do).
//
// It runs for every graph an ingest writes, so it neither sorts nor
// copies a graph that no correction concerns, and compares a corrected
// graph with the extractor's by hashes of their statements (statementHashes).
func (s *Set) Updates(g rdf.IRI, raw []rdf.Quad) []graph.GraphUpdate {
	cur, applied := s.Apply(g, raw)
	ups := []graph.GraphUpdate{{Graph: g, Quads: cur}}
	old, twin := s.twin(g)
	if len(applied) > 0 {
		rawHashes := statementHashes(raw)
		d := digestOf(rawHashes) + "." + correctionsDigest(applied)
		if twin && old == d {
			// the same corrections of the same statements: they change
			// the graph as when its twin was written (a twin is written
			// only when they do), so the twin stays and the corrected
			// graph need not be compared with the extractor's
			return ups
		}
		if !sameStatements(cur, raw, rawHashes) {
			return append(ups, graph.GraphUpdate{Graph: vocab.Extracted(g), Quads: twinQuads(g, raw, d, touchedSubjects(cur, raw))})
		}
	}
	if twin {
		ups = append(ups, graph.GraphUpdate{Graph: vocab.Extracted(g)})
	}
	return ups
}

func (s *Set) twin(g rdf.IRI) (string, bool) {
	if s == nil {
		return "", false
	}
	d, ok := s.extracted[g]
	return d, ok
}

// statementHashes returns an xxHash64 of each distinct statement of qs
// (subject, predicate, object: the graph aside), sorted: the set of
// statements, whatever their order or repeats, as numbers that sort and
// compare far faster than the statements.
func statementHashes(qs []rdf.Quad) []uint64 {
	out := make([]uint64, len(qs))
	buf := make([]byte, 0, 256)
	term := func(t rdf.Term) {
		switch x := t.(type) {
		case rdf.IRI:
			buf = append(append(buf, 'I'), x...)
		case rdf.BlankNode:
			buf = append(append(buf, 'B'), x...)
		case rdf.Literal:
			buf = append(append(buf, 'L'), x.Lexical...)
			buf = append(append(append(append(buf, 0), x.Lang...), 0), x.Datatype...)
		}
		buf = append(buf, 0)
	}
	for i, q := range qs {
		buf = buf[:0]
		term(q.S)
		term(q.P)
		term(q.O)
		out[i] = xxhash.Sum64(buf)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// digestOf is the digest of a graph's statements kept in its extracted
// twin: it only tells whether the extractor's output changed since the
// twin was written.
func digestOf(hashes []uint64) string {
	h := xxhash.New()
	var b [8]byte
	for _, x := range hashes {
		binary.LittleEndian.PutUint64(b[:], x)
		h.Write(b[:])
	}
	return strconv.FormatUint(h.Sum64(), 16)
}

// sameStatements reports whether a and b hold the same statements;
// bHashes are b's statementHashes.
func sameStatements(a, b []rdf.Quad, bHashes []uint64) bool {
	if len(a) > 0 && len(b) > 0 && len(a) == len(b) && &a[0] == &b[0] {
		return true
	}
	return slices.Equal(statementHashes(a), bHashes)
}

// correctionsDigest is a hash of the IRIs of corrections.
func correctionsDigest(cs []*Correction) string {
	hs := make([]uint64, len(cs))
	for i, c := range cs {
		hs[i] = xxhash.Sum64String(string(c.IRI))
	}
	slices.Sort(hs)
	return digestOf(hs)
}

// touchedSubjects returns, as statements (S and P set) for hashing and
// writing, the subjects whose statements differ between cur and raw:
// corrections change only their own subjects' statements (a claim node,
// an entity, a pseudonym use, the document's mentions), so the rest of a
// graph is as extracted.
func touchedSubjects(cur, raw []rdf.Quad) []rdf.Quad {
	in := func(qs []rdf.Quad) map[rdf.Triple]bool {
		m := make(map[rdf.Triple]bool, len(qs))
		for _, q := range qs {
			m[q.Triple()] = true
		}
		return m
	}
	c, r := in(cur), in(raw)
	seen := map[rdf.Term]bool{}
	var out []rdf.Quad
	add := func(s rdf.Term) {
		if !seen[s] {
			seen[s] = true
			out = append(out, rdf.Quad{S: s, P: vocab.DGTouches})
		}
	}
	for _, q := range raw {
		if !c[q.Triple()] {
			add(q.S)
		}
	}
	for _, q := range cur {
		if !r[q.Triple()] {
			add(q.S)
		}
	}
	return out
}

// twinQuads is the extracted twin of g: its markers (type, digest, the
// subjects it touches) and what the extractor said of those subjects.
func twinQuads(g rdf.IRI, raw []rdf.Quad, digest string, touched []rdf.Quad) []rdf.Quad {
	x := vocab.Extracted(g)
	out := make([]rdf.Quad, 0, 2+len(touched))
	out = append(out, rdf.Quad{S: x, P: vocab.RDFType, O: vocab.DGExtractedGraph, G: x},
		rdf.Quad{S: x, P: vocab.DGDigest, O: rdf.NewString(digest), G: x})
	t := make(map[rdf.Term]bool, len(touched))
	for _, q := range touched {
		t[q.S] = true
		out = append(out, rdf.Quad{S: x, P: vocab.DGTouches, O: q.S, G: x})
	}
	for _, q := range raw {
		if t[q.S] {
			out = append(out, q)
		}
	}
	return out
}

// Raw reads what the extractor alone said of graph g: with an extracted
// twin, g's statements of the subjects the twin does not touch and the
// twin's statements of those it touches (a twin written before twins held
// only touched subjects holds the whole graph); else the graph itself.
func Raw(ctx context.Context, s *graph.Store, g rdf.IRI) ([]rdf.Quad, error) {
	x := vocab.Extracted(g)
	var qs []rdf.Quad
	twin := false
	touched := map[rdf.Term]bool{}
	for q, err := range s.Match(ctx, nil, nil, nil, x) {
		if err != nil {
			return nil, err
		}
		twin = true
		if q.S == rdf.Term(x) {
			if q.P == vocab.DGTouches {
				touched[q.O] = true
			}
			continue
		}
		q.G = g
		qs = append(qs, q)
	}
	if twin && len(touched) == 0 {
		return qs, nil
	}
	for q, err := range s.Match(ctx, nil, nil, nil, g) {
		if err != nil {
			return nil, err
		}
		if !touched[q.S] {
			qs = append(qs, q)
		}
	}
	return qs, nil
}

// affected lists the graphs a correction concerns.
func affected(ctx context.Context, s *graph.Store, c *Correction) ([]rdf.IRI, error) {
	m := s.Minter()
	switch c.Kind {
	case Merge, KeepApart:
		return []rdf.IRI{m.Identity()}, nil
	case Undo:
		return nil, nil
	case Link, Unlink, Rename, AddLabel, Retype:
		seen := map[rdf.IRI]bool{}
		var out []rdf.IRI
		for q, err := range s.Match(ctx, c.Entity, vocab.RDFType, nil, nil) {
			if err != nil {
				return nil, err
			}
			g, ok := q.G.(rdf.IRI)
			if !ok || vocab.ClassOf(asIRI(q.O)) == "" {
				continue
			}
			if b, ok := vocab.IsExtracted(g); ok {
				g = b
			}
			if !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
		slices.Sort(out)
		return out, nil
	}
	return []rdf.IRI{c.Doc}, nil
}

// locks serializes the corrections of one process to each store; other
// processes are kept out by the store's own lock (an embedded store opens
// in one process at a time), and the curation graph is only ever added to.
var locks sync.Map

func lockFor(s *graph.Store) *sync.Mutex {
	l, _ := locks.LoadOrStore(s, &sync.Mutex{})
	return l.(*sync.Mutex)
}

// Commit checks corrections against the store and the corrections already
// made, then writes them to the curation graph and re-applies every graph
// they concern, all in one transaction: either all of it is in the store
// or, after an error, nothing changed. Each correction gets its IRI.
func Commit(ctx context.Context, s *graph.Store, cs ...*Correction) (*Set, error) {
	return commit(ctx, s, false, cs)
}

// Import adds corrections read from a file (Parse), in the order they were
// made. Unlike Commit it does not require their targets to be in the store
// (a team shares corrections before everyone has ingested the same
// documents; `docgraph check` lists those that find nothing), but a merge
// of an entity with itself, a cycle of merges, a merge of entities kept
// apart or an undo of an unknown correction still refuses the whole file.
// Corrections the store already holds are skipped.
func Import(ctx context.Context, s *graph.Store, cs []*Correction) (*Set, error) {
	cs = slices.Clone(cs)
	sortCorrections(cs)
	return commit(ctx, s, true, cs)
}

func commit(ctx context.Context, s *graph.Store, lenient bool, cs []*Correction) (*Set, error) {
	l := lockFor(s)
	l.Lock()
	defer l.Unlock()
	set, err := Load(ctx, s)
	if err != nil {
		return nil, err
	}
	set.byIRI = maps.Clone(set.byIRI) // Load's set is shared
	m := s.Minter()
	all := slices.Clone(set.All)
	var add []rdf.Quad
	graphs := map[rdf.IRI]bool{}
	for _, c := range cs {
		if c.IRI == "" {
			c.Mint(m)
		}
		if set.byIRI[c.IRI] != nil {
			continue // already there (an import of a correction made here)
		}
		if err := set.check(ctx, s, c, lenient); err != nil {
			if len(cs) > 1 {
				return nil, fmt.Errorf("correction %s (%s): %w", c.ID(), c.Describe(), err)
			}
			return nil, err
		}
		gs, err := affected(ctx, s, c)
		if err != nil {
			return nil, err
		}
		if c.Kind == Undo && set.byIRI[c.Undoes] != nil {
			if gs, err = affected(ctx, s, set.byIRI[c.Undoes]); err != nil {
				return nil, err
			}
		}
		for _, g := range gs {
			graphs[g] = true
		}
		all = append(all, c)
		switch c.Kind {
		case Merge, KeepApart, Undo:
			set = NewSet(m, all) // what the next ones are checked against
		default:
			set.byIRI[c.IRI] = c
		}
		add = append(add, c.Quads(m, m.Curation())...)
	}
	set = NewSet(m, all)
	if len(add) == 0 {
		return set, nil
	}
	// keep the knowledge of existing twins
	old, err := Load(ctx, s)
	if err != nil {
		return nil, err
	}
	set.extracted, set.touched = old.extracted, old.touched
	ups := []graph.GraphUpdate{{Graph: m.Curation(), Quads: add, Add: true}}
	for _, g := range sortedKeys(graphs) {
		raw, err := Raw(ctx, s, g)
		if err != nil {
			return nil, err
		}
		if len(raw) == 0 && g != m.Identity() {
			continue
		}
		ups = append(ups, set.Updates(g, raw)...)
	}
	if _, err := s.ReplaceGraphs(ctx, ups); err != nil {
		return nil, err
	}
	return set, nil
}

func sortedKeys(m map[rdf.IRI]bool) []rdf.IRI {
	out := make([]rdf.IRI, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

var qid = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// check refuses a correction that names what the store does not hold or
// that contradicts one in force, with an error naming the problem.
func (set *Set) check(ctx context.Context, s *graph.Store, c *Correction, lenient bool) error {
	if err := c.complete(); err != nil {
		return err
	}
	if strings.TrimSpace(c.By) == "" {
		return refuse(ErrInvalid, "a correction needs its curator (--by or DOCGRAPH_CURATOR)")
	}
	if lenient {
		switch c.Kind {
		case Merge:
			return set.checkMerge(c)
		case KeepApart:
			return set.checkApart(c)
		case Undo:
			if set.byIRI[c.Undoes] == nil {
				return refuse(ErrNotFound, "no correction %s", c.Undoes)
			}
		}
		return nil
	}
	entity := func(e rdf.IRI) error {
		if e == "" {
			return nil
		}
		n, err := s.CountUpTo(ctx, e, vocab.RDFType, nil, nil, 1)
		if err != nil {
			return err
		}
		if n == 0 {
			return refuse(ErrNotFound, "no entity %s in the store", e)
		}
		return nil
	}
	doc := func() error {
		n, err := s.CountUpTo(ctx, c.Doc, vocab.RDFType, vocab.SchemaArchiveComponent, c.Doc, 1)
		if err != nil {
			return err
		}
		if n == 0 {
			return refuse(ErrNotFound, "no document %s in the store", c.Doc)
		}
		return nil
	}
	relation := func(r rdf.IRI) error {
		if r == "" {
			return nil
		}
		for _, p := range vocab.ClaimRelations {
			if p == r {
				return nil
			}
		}
		return refuse(ErrInvalid, "%s is not a claim relation", r)
	}
	for _, e := range []rdf.IRI{c.Entity, c.Other, c.New.Subject, c.New.Object} {
		if err := entity(e); err != nil {
			return err
		}
	}
	switch c.Kind {
	case Merge:
		return set.checkMerge(c)
	case KeepApart:
		return set.checkApart(c)
	case Link:
		if !qid.MatchString(c.Wikidata) {
			return refuse(ErrInvalid, "%q is not a Wikidata item id (Q followed by digits)", c.Wikidata)
		}
	case Unlink:
		if c.Wikidata != "" && !qid.MatchString(c.Wikidata) {
			return refuse(ErrInvalid, "%q is not a Wikidata item id (Q followed by digits)", c.Wikidata)
		}
	case Retype:
		if vocab.ClassIRI(c.Class) == "" {
			return refuse(ErrInvalid, "%q is not an entity class (Person, Organization, Country, Place, Event, Proposal)", c.Class)
		}
	case Reject, Confirm, Edit:
		if err := doc(); err != nil {
			return err
		}
		if err := relation(c.New.Relation); err != nil {
			return err
		}
		raw, err := Raw(ctx, s, c.Doc)
		if err != nil {
			return err
		}
		if len(findClaims(claimNodes(raw), c.Claim)) == 0 {
			return refuse(ErrNotFound, "no claim %s in %s said in %q", vocab.Compact(c.Claim.Relation), c.Doc, c.Claim.Evidence)
		}
	case AddClaim, AddMention:
		if err := doc(); err != nil {
			return err
		}
		if err := entity(c.Claim.Subject); err != nil {
			return err
		}
		if err := entity(c.Claim.Object); err != nil {
			return err
		}
		if err := relation(c.Claim.Relation); err != nil {
			return err
		}
		raw, err := Raw(ctx, s, c.Doc)
		if err != nil {
			return err
		}
		words := c.Evidence
		if c.Kind == AddClaim {
			words = c.Claim.Evidence
		}
		if !hasText(raw, words) {
			return refuse(ErrNotFound, "%s has no text %q (the evidence must be the document's own words)", c.Doc, words)
		}
	case ConfirmPseudonym, DisputePseudonym:
		if err := doc(); err != nil {
			return err
		}
		raw, err := Raw(ctx, s, c.Doc)
		if err != nil {
			return err
		}
		if _, ok := applyPseudonym(raw, c.Doc, c); !ok {
			return refuse(ErrNotFound, "%s does not use the cover name %q for %s", c.Doc, c.Alias, c.Entity)
		}
	case Undo:
		u := set.byIRI[c.Undoes]
		switch {
		case u == nil:
			return refuse(ErrNotFound, "no correction %s", c.Undoes)
		case u.Kind == Undo:
			return refuse(ErrInvalid, "%s is an undo; make the correction again instead of undoing the undo", u.ID())
		case set.undone[u.IRI] != nil:
			return refuse(ErrConflict, "correction %s was already undone by %s", u.ID(), set.undone[u.IRI].ID())
		}
	}
	return nil
}

// Reapply re-applies every correction to every graph it concerns and to
// the graphs that have a stale extracted twin (after a correction was
// imported, or a store written by an older version).
func Reapply(ctx context.Context, s *graph.Store) (graph.Change, error) {
	l := lockFor(s)
	l.Lock()
	defer l.Unlock()
	set, err := Load(ctx, s)
	if err != nil {
		return graph.Change{}, err
	}
	graphs := map[rdf.IRI]bool{}
	for g := range set.extracted {
		graphs[g] = true
	}
	for _, c := range set.Active {
		gs, err := affected(ctx, s, c)
		if err != nil {
			return graph.Change{}, err
		}
		for _, g := range gs {
			graphs[g] = true
		}
	}
	var ups []graph.GraphUpdate
	for _, g := range sortedKeys(graphs) {
		raw, err := Raw(ctx, s, g)
		if err != nil {
			return graph.Change{}, err
		}
		ups = append(ups, set.Updates(g, raw)...)
	}
	chs, err := s.ReplaceGraphs(ctx, ups)
	var total graph.Change
	for _, ch := range chs {
		total.Added += ch.Added
		total.Removed += ch.Removed
	}
	return total, err
}
