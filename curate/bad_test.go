package curate_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
	"os"
	"path/filepath"
)

// examples is a store of the bundled examples.
func examples(t *testing.T) *graph.Store {
	t.Helper()
	s := openStore(t)
	files, errs := ingest.Files([]string{filepath.Join(rdftest.RepoRoot(t), "examples")})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ingestAll(t, s, files, nil)
	return s
}

const base = vocab.DefaultBase

var (
	stalin = rdf.IRI(base + "person/joseph-stalin")
	mao    = rdf.IRI(base + "person/mao-zedong")
	zhou   = rdf.IRI(base + "person/zhou-enlai")
	mexico = rdf.IRI(base + "proposal/mexican-proposal")
)

// clock gives each correction its own time, a second after the one
// before; concurrent curators (TestConcurrentCurators) share it.
var clock = struct {
	sync.Mutex
	t time.Time
}{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}

func corr(k curate.Kind) *curate.Correction {
	clock.Lock()
	clock.t = clock.t.Add(time.Second)
	at := clock.t
	clock.Unlock()
	return &curate.Correction{Kind: k, By: "tester", At: at, Reason: "test"}
}

func mustCommit(t *testing.T, s *graph.Store, c *curate.Correction) {
	t.Helper()
	if _, err := curate.Commit(context.Background(), s, c); err != nil {
		t.Fatal(err)
	}
}

// refused commits c and wants an error containing want, with the store unchanged.
func refused(t *testing.T, s *graph.Store, c *curate.Correction, want string) {
	t.Helper()
	before := dump(t, s)
	_, err := curate.Commit(context.Background(), s, c)
	if err == nil {
		t.Fatalf("%s was accepted", c.Describe())
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	if dump(t, s) != before {
		t.Errorf("refused %s changed the store", c.Describe())
	}
}

// aClaim returns an extracted claim of the store: its document and key.
func aClaim(t *testing.T, s *graph.Store) (rdf.IRI, curate.ClaimKey) {
	t.Helper()
	w := explore(t, s)
	n := w.claims[0]
	return w.claimDoc[n], claimKey(t, s, n, w.claimDoc[n])
}

func TestBadCorrections(t *testing.T) {
	s := examples(t)
	doc, key := aClaim(t, s)

	c := corr(curate.Merge)
	c.Entity, c.Other = rdf.IRI(base+"person/nobody-at-all"), stalin
	refused(t, s, c, "no entity <"+base+"person/nobody-at-all>")

	c = corr(curate.Reject)
	c.Doc, c.Claim = doc, key
	c.Claim.Evidence = "words the document never says"
	refused(t, s, c, "no claim")

	c = corr(curate.Reject)
	c.Doc, c.Claim = rdf.IRI(base+"doc/no-such-record"), key
	refused(t, s, c, "no document <"+base+"doc/no-such-record>")

	c = corr(curate.Merge)
	c.Entity, c.Other = stalin, stalin
	refused(t, s, c, "cannot merge <"+string(stalin)+"> with itself")

	c = corr(curate.Link)
	c.Entity, c.Wikidata = mexico, "855"
	refused(t, s, c, `"855" is not a Wikidata item id`)

	c = corr(curate.Retype)
	c.Entity, c.Class = mexico, "Planet"
	refused(t, s, c, `"Planet" is not an entity class`)

	c = corr(curate.AddMention)
	c.Doc, c.Entity, c.Evidence = doc, zhou, "a sentence that is nowhere"
	refused(t, s, c, "has no text")

	c = corr(curate.Undo)
	c.Undoes = rdf.IRI(base + "correction/000000000000")
	refused(t, s, c, "no correction")

	c = corr(curate.Merge)
	c.By = ""
	c.Entity, c.Other = zhou, mao
	refused(t, s, c, "curator")
}

func TestMergeCycleAndConflicts(t *testing.T) {
	s := examples(t)
	m := corr(curate.Merge)
	m.Entity, m.Other = zhou, mao
	mustCommit(t, s, m)

	c := corr(curate.Merge)
	c.Entity, c.Other = mao, zhou
	refused(t, s, c, "cycle of merges")

	a := corr(curate.Merge)
	a.Entity, a.Other = stalin, zhou
	mustCommit(t, s, a) // Stalin → Zhou → Mao
	c = corr(curate.Merge)
	c.Entity, c.Other = mao, stalin
	refused(t, s, c, "cycle of merges")

	c = corr(curate.KeepApart)
	c.Entity, c.Other = stalin, mao
	refused(t, s, c, "conflicts with correction "+m.ID())

	// undo the merges: now the keep-apart goes in, and a merge is refused
	for _, x := range []*curate.Correction{a, m} {
		u := corr(curate.Undo)
		u.Undoes = x.IRI
		mustCommit(t, s, u)
	}
	k := corr(curate.KeepApart)
	k.Entity, k.Other = zhou, mao
	mustCommit(t, s, k)
	c = corr(curate.Merge)
	c.Entity, c.Other = mao, zhou
	refused(t, s, c, "conflicts with correction "+k.ID()+", which keeps")
	u := corr(curate.Undo)
	u.Undoes = k.IRI
	mustCommit(t, s, u)
	u2 := corr(curate.Undo)
	u2.Undoes = k.IRI
	refused(t, s, u2, "already undone")
	u3 := corr(curate.Undo)
	u3.Undoes = u.IRI
	refused(t, s, u3, "is an undo")
}

// TestKeepApartRefusesIdentityPass: a split undoes the identity pass's
// merge, and a later ingest does not make it again. The person is invented,
// so that no gazetteer entry, only the identity pass, joins the two names.
func TestKeepApartRefusesIdentityPass(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := writeFile(p, text); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.txt", "## 1971-05-03\n\n### Report on the delegation\n\n#### Contents:\n\nThe embassy reports that Comrade Konrad Wendhausen received the delegation.\n")
	b := write("b.txt", "## 1972-06-01\n\n### Report on the visit\n\n#### Contents:\n\nThe delegation met Comrade K. Wendhausen in Berlin.\n")
	s := openStore(t)
	ingestAll(t, s, []string{a, b}, nil)
	full, short := rdf.IRI(base+"person/konrad-wendhausen"), rdf.IRI(base+"person/k-wendhausen")
	merged := func() bool {
		n, err := s.CountUpTo(ctx, short, vocab.OWLSameAs, full, s.Minter().Identity(), 1)
		if err != nil {
			t.Fatal(err)
		}
		return n > 0
	}
	if !merged() {
		t.Fatal("the identity pass did not merge K. Wendhausen into Konrad Wendhausen")
	}
	k := corr(curate.KeepApart)
	k.Entity, k.Other = short, full
	mustCommit(t, s, k)
	if merged() {
		t.Fatal("split left the merge")
	}
	ingestAll(t, s, []string{b, a}, nil)
	if merged() {
		t.Fatal("the identity pass merged what a curator kept apart")
	}
	consistent(t, s)
}

// TestConcurrentCurators: two curators at once on one store are both kept,
// and of two contradicting corrections made at once exactly one goes in.
func TestConcurrentCurators(t *testing.T) {
	ctx := context.Background()
	s := examples(t)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := corr(curate.AddLabel)
			c.At = c.At.Add(time.Duration(i) * time.Millisecond)
			c.Entity, c.Label = stalin, rdf.NewLangString("Name "+string(rune('A'+i)), "en")
			_, errs[i] = curate.Commit(ctx, s, c)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	set := consistent(t, s)
	if len(set.All) != 8 {
		t.Errorf("%d corrections kept, want 8", len(set.All))
	}
	for i := range 8 {
		if n, _ := s.CountUpTo(ctx, stalin, vocab.SKOSAltLabel, rdf.NewLangString("Name "+string(rune('A'+i)), "en"), nil, 1); n == 0 {
			t.Errorf("label %c lost", 'A'+i)
		}
	}

	m := corr(curate.Merge)
	m.Entity, m.Other = zhou, mao
	k := corr(curate.KeepApart)
	k.Entity, k.Other = mao, zhou
	var e1, e2 error
	wg.Add(2)
	go func() { defer wg.Done(); _, e1 = curate.Commit(ctx, s, m) }()
	go func() { defer wg.Done(); _, e2 = curate.Commit(ctx, s, k) }()
	wg.Wait()
	if (e1 == nil) == (e2 == nil) {
		t.Fatalf("merge and keep-apart at once: errors %v and %v; want exactly one refused", e1, e2)
	}
	consistent(t, s)
}

// TestOrphans: a correction whose claim the document no longer makes is
// reported, not dropped, and applies again when the claim comes back.
func TestOrphans(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "r.txt")
	text := "## 1952-09-01\n\n### Letter, Stalin to Mao Zedong\n\n#### Contents:\n\nStalin informs Mao Zedong that the Soviet Union supports the Mexican proposal.\n"
	if err := writeFile(p, text); err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	ingestAll(t, s, []string{p}, nil)
	w := explore(t, s)
	if len(w.claims) == 0 {
		t.Skip("the record gives no claim")
	}
	n := w.claims[0]
	c := corr(curate.Reject)
	c.Doc, c.Claim = w.claimDoc[n], claimKey(t, s, n, w.claimDoc[n])
	mustCommit(t, s, c)
	if o, _ := curate.Orphans(ctx, s); len(o) != 0 {
		t.Fatalf("orphans before the change: %v", o)
	}
	if err := writeFile(p, strings.Replace(text, "Stalin informs Mao Zedong that the Soviet Union supports the Mexican proposal.", "The weather was fine.", 1)); err != nil {
		t.Fatal(err)
	}
	ingestAll(t, s, []string{p}, nil)
	o, err := curate.Orphans(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(o) != 1 || o[0].Correction.IRI != c.IRI || !strings.Contains(o[0].String(), "no longer has a claim") {
		t.Fatalf("orphans: %v", o)
	}
	if err := writeFile(p, text); err != nil {
		t.Fatal(err)
	}
	ingestAll(t, s, []string{p}, nil)
	if o, _ := curate.Orphans(ctx, s); len(o) != 0 {
		t.Fatalf("orphans after the claim came back: %v", o)
	}
	consistent(t, s)
}

func writeFile(p, text string) error { return os.WriteFile(p, []byte(text), 0o644) }
