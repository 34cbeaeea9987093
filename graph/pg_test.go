package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/jackc/pgx/v5"

	"github.com/docgraph/docgraph/rdf"
)

// pgTestStore opens a new, empty PostgreSQL database beside the one
// DOCGRAPH_TEST_POSTGRES names (a store per test, dropped at its end).
func pgTestStore(t *testing.T) (*Store, string) {
	t.Helper()
	dsn := os.Getenv("DOCGRAPH_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DOCGRAPH_TEST_POSTGRES is not set; .ci/run must start PostgreSQL and set it")
		}
		t.Skip("PostgreSQL not available: set DOCGRAPH_TEST_POSTGRES=postgres://user@host/db?sslmode=disable")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("docgraph_t_%s_%d", strings.ToLower(strings.NewReplacer("/", "_", "-", "_").Replace(t.Name())), os.Getpid())
	if len(name) > 60 {
		name = name[:60]
	}
	admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	cfg, _ := pgx.ParseConfig(dsn)
	spec := strings.Replace(dsn, "/"+cfg.Database, "/"+name, 1)
	s, err := Open(ctx, spec, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close(ctx)
	})
	return s, spec
}

// pgTestGraphs are graphs sharing triples, with literals of every kind,
// a blank node and a NUL byte (which PostgreSQL's text cannot hold:
// Cayley's SQL schema writes it as the four characters \x00, and so reads
// those four back as a NUL).
func pgTestGraphs() map[rdf.IRI][]rdf.Quad {
	iri := func(s string) rdf.IRI { return rdf.IRI("http://e/" + s) }
	p, q := iri("p"), iri("q")
	gs := map[rdf.IRI][]rdf.Quad{}
	for i := range 300 {
		x := iri(fmt.Sprint("x", i))
		g := iri(fmt.Sprint("g", i%3))
		gs[g] = append(gs[g],
			rdf.Quad{S: x, P: p, O: rdf.NewString(fmt.Sprint("v", i%7))},
			rdf.Quad{S: x, P: q, O: iri(fmt.Sprint("y", i%5))})
		if i%2 == 0 {
			// The same triple in a second graph.
			gs[iri("shared")] = append(gs[iri("shared")], rdf.Quad{S: x, P: p, O: rdf.NewString(fmt.Sprint("v", i%7))})
		}
	}
	gs[iri("kinds")] = []rdf.Quad{
		{S: iri("k"), P: p, O: rdf.NewLangString("bonjour", "fr")},
		{S: iri("k"), P: p, O: rdf.NewTyped("1950-06-25", rdf.IRI("http://www.w3.org/2001/XMLSchema#date"))},
		{S: rdf.BlankNode("b1"), P: p, O: rdf.NewString("nul\x00byte")},
		{S: iri("k"), P: q, O: rdf.BlankNode("b1")},
	}
	return gs
}

func pgWrite(t *testing.T, s *Store, gs map[rdf.IRI][]rdf.Quad) {
	t.Helper()
	var ups []GraphUpdate
	for g, qs := range gs {
		ups = append(ups, GraphUpdate{Graph: g, Quads: qs})
	}
	if _, err := s.ReplaceGraphs(context.Background(), ups); err != nil {
		t.Fatal(err)
	}
}

func sortedStrings(t *testing.T, seq func(func(rdf.Quad, error) bool)) []string {
	t.Helper()
	var out []string
	for q, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(q))
	}
	slices.Sort(out)
	return out
}

// TestPGReaderMatchesBolt writes the same graphs to a bolt store and a
// PostgreSQL store and compares every pattern shape read through each
// one's QueryReader and Store methods, after a replace that deletes
// quads and nodes; then Cayley's own SQL iterators read the PostgreSQL
// store docgraph wrote.
func TestPGReaderMatchesBolt(t *testing.T) {
	ctx := context.Background()
	pg, spec := pgTestStore(t)
	bolt, err := Open(ctx, filepath.Join(t.TempDir(), "store"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer bolt.Close()
	gs := pgTestGraphs()
	iri := func(s string) rdf.IRI { return rdf.IRI("http://e/" + s) }
	for _, s := range []*Store{bolt, pg} {
		pgWrite(t, s, gs)
		// Replace one graph: quads go, and y4 loses its last quad.
		var kept []rdf.Quad
		for _, q := range gs[iri("g1")] {
			if q.O != iri("y4") {
				kept = append(kept, q)
			}
		}
		kept = append(kept, rdf.Quad{S: iri("new"), P: iri("q"), O: iri("y9")})
		if _, err := s.ReplaceGraph(ctx, iri("g1"), kept); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DeleteGraph(ctx, iri("g2")); err != nil {
			t.Fatal(err)
		}
	}
	terms := []rdf.Term{nil, iri("x3"), iri("x4"), iri("p"), iri("q"), rdf.NewString("v3"), iri("y1"), iri("y4"), iri("y9"),
		rdf.BlankNode("b1"), rdf.NewLangString("bonjour", "fr"), iri("missing")}
	graphs := []rdf.Term{nil, iri("g0"), iri("g1"), iri("g2"), iri("shared")}
	br, _, err := bolt.OpenReader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	pr, ok, err := pg.OpenReader(ctx)
	if err != nil || !ok {
		t.Fatalf("OpenReader: %v %v", ok, err)
	}
	defer pr.Close()
	n := 0
	for _, s := range terms {
		for _, p := range terms[:6] {
			for _, o := range terms {
				for _, g := range graphs {
					for _, distinct := range []bool{false, true} {
						if distinct && g != nil {
							continue
						}
						want := sortedStrings(t, br.Match(s, p, o, g, distinct))
						got := sortedStrings(t, pr.Match(s, p, o, g, distinct))
						if !slices.Equal(got, want) {
							t.Fatalf("Match(%v %v %v %v distinct=%v): got %d, want %d; only got %v; only wanted %v", s, p, o, g, distinct, len(got), len(want), minus(got, want), minus(want, got))
						}
						if !distinct {
							if got := sortedStrings(t, pg.Match(ctx, s, p, o, g)); !slices.Equal(got, want) {
								t.Fatalf("Store.Match(%v %v %v %v): got %d, want %d", s, p, o, g, len(got), len(want))
							}
							if c := pr.CountUpTo(s, p, o, g, 0); c != len(want) {
								t.Fatalf("CountUpTo(%v %v %v %v) = %d, want %d", s, p, o, g, c, len(want))
							}
							if c, err := pg.CountUpTo(ctx, s, p, o, g, 3); err != nil || c != min(len(want), 3) {
								t.Fatalf("Store.CountUpTo(%v %v %v %v, 3) = %d, %v, want %d", s, p, o, g, c, err, min(len(want), 3))
							}
						} else if got := sortedStrings(t, pg.MatchTriples(ctx, s, p, o)); !slices.Equal(got, want) {
							t.Fatalf("MatchTriples(%v %v %v): got %d, want %d", s, p, o, len(got), len(want))
						}
						n += len(want)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no pattern matched anything")
	}
	pairs := [][2]rdf.Term{{iri("p"), rdf.NewString("v3")}, {iri("q"), iri("y1")}}
	bs, _, err := br.Subjects(pairs)
	if err != nil {
		t.Fatal(err)
	}
	ps, ok, err := pr.Subjects(pairs)
	if err != nil || !ok {
		t.Fatalf("Subjects: %v %v", ok, err)
	}
	if fmt.Sprint(sortTerms(ps)) != fmt.Sprint(sortTerms(bs)) || len(bs) == 0 {
		t.Fatalf("Subjects = %v, want %v", ps, bs)
	}
	bg, _ := br.Graphs()
	pgs, err := pr.Graphs()
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(bg)
	slices.Sort(pgs)
	if !slices.Equal(bg, pgs) || slices.Contains(pgs, iri("g2")) {
		t.Fatalf("Graphs = %v, want %v", pgs, bg)
	}

	// Cayley's SQL store reads what docgraph wrote.
	cs := &Store{backend: Postgres, spec: spec}
	if cs.qs, err = csql.New("postgres", spec, nil); err != nil {
		t.Fatal(err)
	}
	defer cs.qs.Close()
	for _, g := range []rdf.Term{nil, iri("g1"), iri("kinds")} {
		want := sortedStrings(t, bolt.Match(ctx, nil, nil, nil, g))
		if got := sortedStrings(t, cs.cayleyMatch(ctx, nil, nil, nil, g)); !slices.Equal(got, want) {
			t.Fatalf("Cayley reads graph %v: %d quads, want %d", g, len(got), len(want))
		}
	}
	var refs, orphans int
	if err := pg.pg.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE refs <> (SELECT count(*) FROM quads WHERE subject_hash = n.hash)
		+ (SELECT count(*) FROM quads WHERE predicate_hash = n.hash) + (SELECT count(*) FROM quads WHERE object_hash = n.hash)
		+ (SELECT count(*) FROM quads WHERE label_hash = n.hash)), count(*) FILTER (WHERE refs <= 0) FROM nodes n`).Scan(&refs, &orphans); err != nil {
		t.Fatal(err)
	}
	if refs != 0 || orphans != 0 {
		t.Fatalf("%d nodes with a reference count other than their quads', %d unreferenced", refs, orphans)
	}
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func sortTerms(ts []rdf.Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, fmt.Sprint(t))
	}
	slices.Sort(out)
	return out
}

// TestPGReaderTables checks that lookups answered from a predicate read
// whole (past pgTableAfter and the cost threshold) give what lookups by
// statement give.
func TestPGReaderTables(t *testing.T) {
	ctx := context.Background()
	pg, _ := pgTestStore(t)
	pgWrite(t, pg, pgTestGraphs())
	iri := func(s string) rdf.IRI { return rdf.IRI("http://e/" + s) }
	want := map[string][]string{}
	for i := range 300 {
		for _, distinct := range []bool{false, true} {
			x := iri(fmt.Sprint("x", i))
			k := fmt.Sprint(x, distinct)
			want[k] = sortedStrings(t, pg.pg.match(ctx, pg.pg.pool, [4]rdf.Term{x, iri("p"), nil, nil}, distinct))
		}
	}
	r, _, err := pg.OpenReader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for i := range 300 {
		for _, distinct := range []bool{false, true} {
			x := iri(fmt.Sprint("x", i))
			if got := sortedStrings(t, r.Match(x, iri("p"), nil, nil, distinct)); !slices.Equal(got, want[fmt.Sprint(x, distinct)]) {
				t.Fatalf("lookup %d (distinct %v): got %v, want %v", i, distinct, got, want[fmt.Sprint(x, distinct)])
			}
		}
	}
	pr := r.(*pgReader)
	if tb := pr.tables[pgTableKey{iri("p"), nil, true}]; tb == nil || !tb.loaded {
		t.Fatal("300 lookups of one predicate did not read it whole")
	}
	// By object, and the predicate alone, from the table.
	for _, o := range []rdf.Term{rdf.NewString("v3"), rdf.NewString("v9")} {
		want := sortedStrings(t, pg.pg.match(ctx, pg.pg.pool, [4]rdf.Term{nil, iri("p"), o, nil}, true))
		if got := sortedStrings(t, r.Match(nil, iri("p"), o, nil, true)); !slices.Equal(got, want) {
			t.Fatalf("by object %v: got %d, want %d", o, len(got), len(want))
		}
	}
	all := sortedStrings(t, pg.pg.match(ctx, pg.pg.pool, [4]rdf.Term{nil, iri("p"), nil, nil}, true))
	if got := sortedStrings(t, r.Match(nil, iri("p"), nil, nil, true)); !slices.Equal(got, all) {
		t.Fatalf("the predicate alone: got %d, want %d", len(got), len(all))
	}
}

// TestPGPages reads every quad of a store bigger than a page.
func TestPGPages(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 45,000 quads")
	}
	ctx := context.Background()
	pg, _ := pgTestStore(t)
	var qs []rdf.Quad
	for i := range pgPage*2 + 5000 {
		qs = append(qs, rdf.Quad{S: rdf.IRI(fmt.Sprint("http://e/s", i%1000)), P: rdf.IRI("http://e/p"), O: rdf.NewString(fmt.Sprint(i))})
	}
	if _, err := pg.ReplaceGraph(ctx, "http://e/g", qs); err != nil {
		t.Fatal(err)
	}
	for _, distinct := range []bool{false, true} {
		seen := map[string]bool{}
		for q, err := range pg.pg.match(ctx, pg.pg.pool, [4]rdf.Term{}, distinct) {
			if err != nil {
				t.Fatal(err)
			}
			if k := fmt.Sprint(q.S, q.O); seen[k] {
				t.Fatalf("%v read twice", q)
			} else {
				seen[k] = true
			}
		}
		if len(seen) != len(qs) {
			t.Fatalf("distinct %v: read %d quads, want %d", distinct, len(seen), len(qs))
		}
	}
}

// TestPGPlainRole writes as a role that may not set
// session_replication_role: the foreign-key checks run, and the store
// reads the same as one written by a superuser.
func TestPGPlainRole(t *testing.T) {
	ctx := context.Background()
	su, spec := pgTestStore(t)
	if !su.pg.ownChecks {
		t.Skip("DOCGRAPH_TEST_POSTGRES names a role that is not a superuser")
	}
	cfg, _ := pgx.ParseConfig(spec)
	role := "docgraph_plain_" + fmt.Sprint(os.Getpid())
	for _, q := range []string{
		"DROP ROLE IF EXISTS " + role,
		"CREATE ROLE " + role + " LOGIN",
		"GRANT ALL ON TABLE quads, nodes TO " + role,
		"GRANT USAGE ON SEQUENCE quads_horizon_seq TO " + role,
	} {
		if _, err := su.pg.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		su.pg.pool.Exec(ctx, "DROP OWNED BY "+role)
		su.pg.pool.Exec(ctx, "DROP ROLE IF EXISTS "+role)
	})
	plainSpec := strings.Replace(spec, cfg.User+"@", role+"@", 1)
	plain, err := Open(ctx, plainSpec, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if plain.pg.ownChecks {
		t.Fatal("a plain role may set session_replication_role")
	}
	gs := pgTestGraphs()
	pgWrite(t, plain, gs)
	if _, err := plain.DeleteGraph(ctx, "http://e/g1"); err != nil {
		t.Fatal(err)
	}
	n := 0
	for g, qs := range gs {
		got := sortedStrings(t, plain.Match(ctx, nil, nil, nil, g))
		if g == "http://e/g1" {
			if len(got) != 0 {
				t.Fatalf("deleted graph %s still has %d quads", g, len(got))
			}
			continue
		}
		if len(got) != len(qs) {
			t.Fatalf("graph %s: %d quads, want %d", g, len(got), len(qs))
		}
		n += len(got)
	}
	if n == 0 {
		t.Fatal("nothing written")
	}
}

// TestPGUnreachable opens a PostgreSQL address nobody listens on: the
// error names the database and says it is unavailable.
func TestPGUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = Open(context.Background(), "postgres://docgraph@"+addr+"/archive?sslmode=disable&connect_timeout=5", Options{})
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), addr+"/archive") {
		t.Fatalf("opening an address nobody listens on: %v; want ErrUnavailable naming %s/archive", err, addr)
	}
}
