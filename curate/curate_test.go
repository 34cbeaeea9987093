package curate_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/racetest"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

func openStore(t testing.TB) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// corpus is the bundled examples and the extractor's test records.
func corpus(t testing.TB) []string {
	t.Helper()
	root := rdftest.RepoRoot(t)
	files, errs := ingest.Files([]string{filepath.Join(root, "examples"), filepath.Join(root, "extract", "testdata", "corpus")})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return files
}

func ingestAll(t testing.TB, s *graph.Store, files []string, gz *vocab.Gazetteer) {
	t.Helper()
	rep, err := ingest.Run(context.Background(), s, files, ingest.Options{Gazetteer: gz, Incremental: true})
	if err != nil || len(rep.Errors) > 0 {
		t.Fatal(err, rep.Errors)
	}
	// Two files of one record: the one ingested last replaces the other, so
	// the store would depend on the order the tests change.
	seen := map[string]bool{}
	for _, id := range rep.IDs {
		if seen[id] {
			for _, w := range rep.Warnings {
				if strings.Contains(w.Msg, "record "+id+" ") {
					t.Fatalf("two files hold one record: %v", w)
				}
			}
			t.Fatalf("two files hold record %s", id)
		}
		seen[id] = true
	}
}

func dump(t testing.TB, s *graph.Store) string {
	t.Helper()
	var b strings.Builder
	for q, err := range catalog.Quads(context.Background(), s) {
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(q.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// world is what random corrections pick from.
type world struct {
	docs     []rdf.IRI
	claims   []rdf.IRI // claim nodes as extracted
	claimDoc map[rdf.IRI]rdf.IRI
	entities []rdf.IRI
	people   []rdf.IRI
	texts    map[rdf.IRI][]string // a document's words
	aliases  map[rdf.IRI][][2]string
}

func explore(t testing.TB, s *graph.Store) *world {
	ctx := context.Background()
	w := &world{claimDoc: map[rdf.IRI]rdf.IRI{}, texts: map[rdf.IRI][]string{}, aliases: map[rdf.IRI][][2]string{}}
	seen := map[rdf.IRI]bool{}
	for q, err := range s.Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		g, _ := q.G.(rdf.IRI)
		if _, twin := vocab.IsExtracted(g); twin {
			continue
		}
		switch {
		case q.P == vocab.RDFType && q.O == rdf.Term(vocab.SchemaArchiveComponent):
			w.docs = append(w.docs, g)
		case q.P == vocab.RDFType && q.O == rdf.Term(vocab.DGClaim):
			n := q.S.(rdf.IRI)
			w.claims = append(w.claims, n)
			w.claimDoc[n] = g
		case q.P == vocab.RDFType && vocab.ClassOf(asIRI(q.O)) != "":
			e := q.S.(rdf.IRI)
			if !seen[e] {
				seen[e] = true
				w.entities = append(w.entities, e)
				if q.O == rdf.Term(vocab.SchemaPerson) {
					w.people = append(w.people, e)
				}
			}
		case q.P == vocab.SchemaText:
			w.texts[g] = append(w.texts[g], strings.Fields(q.O.(rdf.Literal).Lexical)...)
		}
	}
	for q, err := range s.Match(ctx, nil, vocab.DGAlias, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		for p, err := range s.Match(ctx, q.S, vocab.DGStandsFor, nil, q.G) {
			if err != nil {
				t.Fatal(err)
			}
			g := q.G.(rdf.IRI)
			w.aliases[g] = append(w.aliases[g], [2]string{q.O.(rdf.Literal).Lexical, string(p.O.(rdf.IRI))})
		}
	}
	for _, l := range []*[]rdf.IRI{&w.docs, &w.claims, &w.entities, &w.people} {
		slices.Sort(*l)
	}
	return w
}

// common keeps what both worlds hold: a correction can only survive a
// change of gazetteer if its target is still extracted under the new one
// (the others are reported by curate.Orphans, which TestOrphans checks).
func (w *world) common(t testing.TB, s *graph.Store, o *world, os *graph.Store) *world {
	in := func(l []rdf.IRI, x rdf.IRI) bool { _, ok := slices.BinarySearch(l, x); return ok }
	keep := func(l []rdf.IRI, other []rdf.IRI) []rdf.IRI {
		var out []rdf.IRI
		for _, x := range l {
			if in(other, x) {
				out = append(out, x)
			}
		}
		return out
	}
	w.entities, w.people = keep(w.entities, o.entities), keep(w.people, o.people)
	keys := map[curate.ClaimKey]bool{}
	for _, n := range o.claims {
		k := claimKey(t, os, n, o.claimDoc[n])
		k.Evidence = string(o.claimDoc[n]) + "\x00" + k.Evidence
		keys[k] = true
	}
	var claims []rdf.IRI
	for _, n := range w.claims {
		k := claimKey(t, s, n, w.claimDoc[n])
		k.Evidence = string(w.claimDoc[n]) + "\x00" + k.Evidence
		if keys[k] {
			claims = append(claims, n)
		}
	}
	w.claims = claims
	for d, as := range w.aliases {
		w.aliases[d] = slices.DeleteFunc(as, func(a [2]string) bool { return !slices.Contains(o.aliases[d], a) })
		if len(w.aliases[d]) == 0 {
			delete(w.aliases, d)
		}
	}
	return w
}

func asIRI(t rdf.Term) rdf.IRI {
	i, _ := t.(rdf.IRI)
	return i
}

func claimKey(t testing.TB, s *graph.Store, n rdf.IRI, doc rdf.IRI) curate.ClaimKey {
	raw, err := curate.Raw(context.Background(), s, doc)
	if err != nil {
		t.Fatal(err)
	}
	var k curate.ClaimKey
	for _, q := range raw {
		if q.S != rdf.Term(n) {
			continue
		}
		switch q.P {
		case vocab.RDFSubject:
			k.Subject = asIRI(q.O)
		case vocab.RDFPredicate:
			k.Relation = asIRI(q.O)
		case vocab.RDFObject:
			k.Object = asIRI(q.O)
		case vocab.DGEvidence:
			k.Evidence = q.O.(rdf.Literal).Lexical
		}
	}
	return k
}

var relations = func() []rdf.IRI {
	var out []rdf.IRI
	for _, p := range vocab.ClaimRelations {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}()

var classes = []string{vocab.ClassPerson, vocab.ClassOrganization, vocab.ClassCountry, vocab.ClassPlace, vocab.ClassEvent, vocab.ClassProposal}

// random makes one correction of a random kind with targets the store holds.
func random(t testing.TB, r *rand.Rand, s *graph.Store, w *world, made []*curate.Correction, at time.Time) *curate.Correction {
	pick := func(l []rdf.IRI) rdf.IRI { return l[r.IntN(len(l))] }
	words := func(doc rdf.IRI) string {
		ws := w.texts[doc]
		if len(ws) < 4 {
			return ""
		}
		i := r.IntN(len(ws) - 3)
		return strings.Join(ws[i:i+3], " ")
	}
	c := &curate.Correction{By: fmt.Sprintf("curator-%d", r.IntN(3)), At: at, Reason: "random"}
	switch k := r.IntN(15); k {
	case 0:
		c.Kind, c.Entity, c.Other = curate.Merge, pick(w.people), pick(w.people)
	case 1:
		c.Kind, c.Entity, c.Other = curate.KeepApart, pick(w.people), pick(w.people)
	case 2:
		c.Kind, c.Entity, c.Wikidata = curate.Link, pick(w.entities), fmt.Sprintf("Q%d", 1+r.IntN(1000000))
	case 3:
		c.Kind, c.Entity = curate.Unlink, pick(w.entities)
	case 4, 5:
		c.Kind, c.Entity, c.Label = curate.Rename, pick(w.entities), rdf.NewLangString(fmt.Sprintf("Name %d", r.IntN(1000)), []string{"en", "ru"}[r.IntN(2)])
		if k == 5 {
			c.Kind = curate.AddLabel
		}
	case 6:
		c.Kind, c.Entity, c.Class = curate.Retype, pick(w.entities), classes[r.IntN(len(classes))]
	case 7, 8, 9:
		n := pick(w.claims)
		c.Kind, c.Doc, c.Claim = []curate.Kind{curate.Reject, curate.Confirm, curate.Edit}[k-7], w.claimDoc[n], claimKey(t, s, n, w.claimDoc[n])
		if c.Kind == curate.Edit {
			c.New = curate.ClaimKey{Subject: pick(w.entities), Relation: relations[r.IntN(len(relations))]}
		}
	case 10:
		c.Kind, c.Doc = curate.AddClaim, pick(w.docs)
		c.Claim = curate.ClaimKey{Subject: pick(w.entities), Relation: relations[r.IntN(len(relations))], Object: pick(w.entities), Evidence: words(c.Doc)}
	case 11:
		c.Kind, c.Doc, c.Entity = curate.AddMention, pick(w.docs), pick(w.entities)
		c.Evidence = words(c.Doc)
	case 12:
		var docs []rdf.IRI
		for d := range w.aliases {
			docs = append(docs, d)
		}
		slices.Sort(docs)
		if len(docs) == 0 {
			return nil
		}
		d := pick(docs)
		a := w.aliases[d][r.IntN(len(w.aliases[d]))]
		c.Kind, c.Doc, c.Alias, c.Entity = curate.ConfirmPseudonym, d, a[0], rdf.IRI(a[1])
		if r.IntN(2) == 0 {
			c.Kind = curate.DisputePseudonym
		}
	default:
		if len(made) == 0 {
			return nil
		}
		c.Kind, c.Undoes = curate.Undo, made[r.IntN(len(made))].IRI
	}
	return c
}

// extraTable is a small gazetteer merged over the built-in one on the
// second ingest: it describes entities the first ingest left unlinked,
// under the same canonical names, so their descriptions move from the
// documents' graphs to the gazetteer graph.
func extraTable(t testing.TB, s *graph.Store) *vocab.Gazetteer {
	t.Helper()
	rows, err := catalog.Entities(context.Background(), s, catalog.EntityFilter{Unlinked: true})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\n")
	n := 0
	for _, r := range rows {
		if r.Class == vocab.ClassProposal || r.Class == "" {
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t\ten:%s\t\t\t\n", r.Class, r.Name, r.Name)
		if n++; n == 5 {
			break
		}
	}
	if n == 0 {
		t.Fatal("no unlinked entity to describe")
	}
	extra, err := vocab.ParseGazetteer(strings.NewReader(b.String()), "extra.tsv")
	if err != nil {
		t.Fatal(err)
	}
	base, err := vocab.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return base.Merge(extra)
}

// consistent checks that every correction in force finds its target and
// that every graph shows exactly its extracted statements with every
// correction applied.
func consistent(t testing.TB, s *graph.Store) *curate.Set {
	t.Helper()
	ctx := context.Background()
	orphans, err := curate.Orphans(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orphans {
		t.Errorf("not applied: %v", o)
	}
	set, err := curate.Load(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	gs, err := s.Graphs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gs {
		if _, twin := vocab.IsExtracted(g); twin || g == s.Minter().Curation() {
			continue
		}
		raw, err := curate.Raw(ctx, s, g)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := set.Apply(g, raw)
		var got []rdf.Quad
		for q, err := range s.Match(ctx, nil, nil, nil, g) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, q)
		}
		if !sameSet(got, want) {
			t.Errorf("graph %s does not show its corrections: %d statements, want %d", g, len(got), len(want))
		}
	}
	return set
}

func sameSet(a, b []rdf.Quad) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.SortFunc(a, rdf.CompareQuads)
	slices.SortFunc(b, rdf.CompareQuads)
	a = slices.CompactFunc(a, func(x, y rdf.Quad) bool { return rdf.CompareQuads(x, y) == 0 })
	b = slices.CompactFunc(b, func(x, y rdf.Quad) bool { return rdf.CompareQuads(x, y) == 0 })
	return slices.EqualFunc(a, b, func(x, y rdf.Quad) bool { return rdf.CompareQuads(x, y) == 0 })
}

// effects checks what each kind of correction must show in the store.
func effects(t testing.TB, s *graph.Store, set *curate.Set) {
	t.Helper()
	ctx := context.Background()
	has := func(sub, p, o, g rdf.Term) bool {
		n, err := s.CountUpTo(ctx, sub, p, o, g, 1)
		if err != nil {
			t.Fatal(err)
		}
		return n > 0
	}
	root := map[rdf.IRI]rdf.IRI{}
	for q, err := range s.Match(ctx, nil, vocab.OWLSameAs, nil, s.Minter().Identity()) {
		if err != nil {
			t.Fatal(err)
		}
		root[q.S.(rdf.IRI)] = q.O.(rdf.IRI)
	}
	rootOf := func(e rdf.IRI) rdf.IRI {
		if r, ok := root[e]; ok {
			return r
		}
		return e
	}
	for _, c := range set.Active {
		switch c.Kind {
		case curate.Merge:
			if rootOf(c.Entity) != rootOf(c.Other) {
				t.Errorf("%s: %s and %s are not one entity in the identity graph", c.ID(), c.Entity, c.Other)
			}
		case curate.KeepApart:
			if rootOf(c.Entity) == rootOf(c.Other) {
				t.Errorf("%s: %s and %s are merged though kept apart", c.ID(), c.Entity, c.Other)
			}
		case curate.AddMention:
			if !has(c.Doc, vocab.SchemaMentions, c.Entity, c.Doc) {
				t.Errorf("%s: %s does not mention %s", c.ID(), c.Doc, c.Entity)
			}
		case curate.Reject:
			raw, _ := curate.Raw(ctx, s, c.Doc)
			for _, q := range raw {
				if q.P == vocab.DGEvidence && q.O.(rdf.Literal).Lexical == c.Claim.Evidence && has(q.S, vocab.RDFPredicate, c.Claim.Relation, nil) {
					if has(q.S, vocab.RDFType, vocab.DGClaim, c.Doc) && claimMatches(t, s, q.S, c) {
						t.Errorf("%s: rejected claim %v still in %s", c.ID(), q.S, c.Doc)
					}
				}
			}
		case curate.Link, curate.Unlink, curate.Rename, curate.AddLabel, curate.Retype, curate.Confirm, curate.Edit,
			curate.AddClaim, curate.ConfirmPseudonym, curate.DisputePseudonym:
			if !has(nil, vocab.DGCuratedBy, c.IRI, nil) && !rejectedLater(set, c) {
				t.Errorf("%s (%s): no statement shows it", c.ID(), c.Describe())
			}
		}
	}
}

// claimMatches says whether the raw claim node n is the one the reject names.
func claimMatches(t testing.TB, s *graph.Store, n rdf.Term, c *curate.Correction) bool {
	k := claimKey(t, s, n.(rdf.IRI), c.Doc)
	return k.Subject == c.Claim.Subject && k.Object == c.Claim.Object
}

// rejectedLater: a confirm or edit of a claim that a reject in force removes leaves no trace.
func rejectedLater(set *curate.Set, c *curate.Correction) bool {
	if c.Kind != curate.Confirm && c.Kind != curate.Edit {
		return false
	}
	for _, x := range set.Active {
		if x.Kind == curate.Reject && x.Doc == c.Doc && x.Claim.Relation == c.Claim.Relation && x.Claim.Evidence == c.Claim.Evidence {
			return true
		}
	}
	return false
}

// TestCorrectionsSurvive applies 200 random corrections, then re-ingests
// every document in another order with another gazetteer, and finds every
// correction still applied; a store rebuilt from the source files with the
// corrections imported is the same store. Under the race detector, which
// makes each correction several times slower and looks for goroutines
// sharing memory (the test itself is single-threaded), 40 corrections go
// through the same checks.
func TestCorrectionsSurvive(t *testing.T) {
	if testing.Short() {
		t.Skip("200 corrections and two ingests of the corpus")
	}
	want := 200
	if racetest.Enabled {
		want = 40
	}
	ctx := context.Background()
	files := corpus(t)
	s := openStore(t)
	ingestAll(t, s, files, nil)
	gz := extraTable(t, s)
	scratch := openStore(t)
	ingestAll(t, scratch, files, gz)
	w := explore(t, s).common(t, s, explore(t, scratch), scratch)
	r := rand.New(rand.NewPCG(15, 2026))
	var made []*curate.Correction
	refused := map[curate.Kind]int{}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for tries := 0; len(made) < want && tries < 10*want; tries++ {
		at = at.Add(time.Minute)
		c := random(t, r, s, w, made, at)
		if c == nil {
			continue
		}
		before, _ := s.Count(ctx, nil, nil, nil, nil)
		if _, err := curate.Commit(ctx, s, c); err != nil {
			refused[c.Kind]++
			if after, _ := s.Count(ctx, nil, nil, nil, nil); after != before {
				t.Fatalf("refused %s (%v) changed the store", c.Kind, err)
			}
			continue
		}
		made = append(made, c)
	}
	if len(made) < want {
		t.Fatalf("only %d corrections made; refused %v", len(made), refused)
	}
	kinds := map[curate.Kind]int{}
	for _, c := range made {
		kinds[c.Kind]++
	}
	t.Logf("made %v; refused %v", kinds, refused)
	set := consistent(t, s)
	effects(t, s, set)

	// another order, another gazetteer
	other := slices.Clone(files)
	r.Shuffle(len(other), func(i, j int) { other[i], other[j] = other[j], other[i] })
	ingestAll(t, s, other, gz)
	set = consistent(t, s)
	effects(t, s, set)
	if len(set.All) != len(made) {
		t.Errorf("%d corrections after re-ingest, made %d", len(set.All), len(made))
	}

	// a store rebuilt from the sources, the corrections imported from RDF
	var qs []rdf.Quad
	for q, err := range s.Match(ctx, nil, nil, nil, s.Minter().Curation()) {
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	cs, err := curate.Parse(qs)
	if err != nil {
		t.Fatal(err)
	}
	fresh := openStore(t)
	ingestAll(t, fresh, files, gz)
	if _, err := curate.Import(ctx, fresh, cs); err != nil {
		t.Fatal(err)
	}
	consistent(t, fresh)
	if a, b := dump(t, s), dump(t, fresh); a != b {
		t.Errorf("the rebuilt store differs from the re-ingested one:\n%s", firstDiff(a, b))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines and %d lines", len(al), len(bl))
}
