package graph_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/graph/graphtest"
)

func TestMemory(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		s, err := graph.Open(context.Background(), "memory:", graph.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestBolt(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		s, err := graph.Open(context.Background(), filepath.Join(t.TempDir(), "store.db"), graph.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// The other embedded engines run the suite too (Engine picks one for a
// new store).
func TestLevelDB(t *testing.T) { runEngine(t, "leveldb") }

func TestPebble(t *testing.T) { runEngine(t, "pebble") }

func runEngine(t *testing.T, engine string) {
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		s, err := graph.Open(context.Background(), filepath.Join(t.TempDir(), "store.db"), graph.Options{Engine: engine})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestPostgres(t *testing.T) {
	dsn := os.Getenv("DOCGRAPH_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DOCGRAPH_TEST_POSTGRES is not set; .ci/run must start PostgreSQL and set it")
		}
		t.Skip("PostgreSQL not available: set DOCGRAPH_TEST_POSTGRES=postgres://user:pass@host/db?sslmode=disable")
	}
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		s, err := graph.Open(context.Background(), dsn, graph.Options{})
		if err != nil {
			t.Fatal(err)
		}
		graphs, err := s.Graphs(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range graphs {
			if _, err := s.DeleteGraph(context.Background(), g); err != nil {
				t.Fatal(err)
			}
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestBaseIsRemembered(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store.db")
	ctx := context.Background()
	s, err := graph.Open(ctx, dir, graph.Options{Base: "http://archive.example/kg"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = graph.Open(ctx, dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Base() != "http://archive.example/kg/" {
		t.Fatalf("base = %q", s.Base())
	}
	s.Close()
	if _, err := graph.Open(ctx, dir, graph.Options{Base: "http://other.example/"}); err == nil {
		t.Fatal("opening with a different base succeeded")
	}
}

func TestSecondOpenerWaitsThenFails(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store.db")
	ctx := context.Background()
	s, err := graph.Open(ctx, dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = graph.Open(ctx, dir, graph.Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, graph.ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
}

// A leveldb or pebble store held by this process or by another (its lock
// file locked) makes a second opener wait, then fail with ErrLocked; once
// it is free, the opener gets it.
func TestEngineSecondOpenerWaitsThenFails(t *testing.T) {
	ctx := context.Background()
	for _, engine := range []string{"leveldb", "pebble"} {
		t.Run(engine, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "store.db")
			s, err := graph.Open(ctx, dir, graph.Options{Engine: engine})
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = graph.Open(ctx, dir, graph.Options{LockTimeout: 200 * time.Millisecond})
			if !errors.Is(err, graph.ErrLocked) {
				t.Fatalf("second open: %v, want ErrLocked", err)
			}
			if waited := time.Since(start); waited < 200*time.Millisecond {
				t.Errorf("gave up after %s, before the timeout", waited)
			}
			s.Close()
			if engine != "leveldb" {
				return
			}
			// Another process's lock: leveldb's is a flock of the LOCK file.
			f, err := os.Open(filepath.Join(dir, engine, "LOCK"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
				t.Fatal(err)
			}
			if _, err := graph.Open(ctx, dir, graph.Options{LockTimeout: 200 * time.Millisecond}); !errors.Is(err, graph.ErrLocked) {
				t.Fatalf("open beside another holder: %v, want ErrLocked", err)
			}
			syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
			s, err = graph.Open(ctx, dir, graph.Options{})
			if err != nil {
				t.Fatalf("open once free: %v", err)
			}
			s.Close()
		})
	}
}

// CockroachDB is not packaged for Debian, so this suite runs only where one
// is given: DOCGRAPH_TEST_COCKROACH=cockroach://root@127.0.0.1:26257/docgraph?sslmode=disable
func TestCockroach(t *testing.T) {
	spec := os.Getenv("DOCGRAPH_TEST_COCKROACH")
	if spec == "" {
		t.Skip("CockroachDB not available: set DOCGRAPH_TEST_COCKROACH=cockroach://user@host:26257/db?sslmode=disable")
	}
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		s, err := graph.Open(context.Background(), spec, graph.Options{})
		if err != nil {
			t.Fatal(err)
		}
		graphs, _ := s.Graphs(context.Background())
		for _, g := range graphs {
			if _, err := s.DeleteGraph(context.Background(), g); err != nil {
				t.Fatal(err)
			}
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestSpecs(t *testing.T) {
	for spec, want := range map[string]graph.Backend{
		"memory:": graph.Memory, "docgraph.db": graph.Bolt, "./cockroach": graph.Bolt,
		"postgres://u@h/db": graph.Postgres, "postgresql://u@h/db": graph.Postgres,
		"cockroach://root@h:26257/db": graph.Cockroach, "cockroachdb://root@h:26257/db": graph.Cockroach,
	} {
		if got := graph.ParseSpec(spec); got != want {
			t.Errorf("ParseSpec(%q) = %s, want %s", spec, got, want)
		}
	}
	// Nothing listens on port 1: the error names the backend, and no panic.
	_, err := graph.Open(context.Background(), "cockroach://root@127.0.0.1:1/docgraph?sslmode=disable&connect_timeout=2", graph.Options{})
	if err == nil {
		t.Fatal("opened a CockroachDB store where no server runs")
	}
	if !strings.Contains(err.Error(), "cockroach") && !strings.Contains(err.Error(), "127.0.0.1") {
		t.Errorf("error does not say what failed: %v", err)
	}
}

// A store keeps the base it was created with whichever path wrote its
// documents: the one-pass first load, batches of new graphs, replacing a
// graph, on each embedded engine. Reopened without --base it mints under
// that base, and reopened with the same base it opens.
func TestBaseSurvivesEveryWritePath(t *testing.T) {
	ctx := context.Background()
	const base = "http://127.0.0.1:18736/"
	writes := map[string]func(t *testing.T, s *graph.Store){
		"first load": func(t *testing.T, s *graph.Store) {
			l, ok, err := s.NewLoader(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !ok { // only bolt has a one-pass load; the others write batches
				for i := range 3 {
					g, qs := docQuads(i)
					if _, err := s.ReplaceGraph(ctx, g, qs); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			for i := range 3 {
				g, qs := docQuads(i)
				if _, err := l.Add(g, qs); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		},
		"batches": func(t *testing.T, s *graph.Store) {
			for i := range 3 {
				g, qs := docQuads(i)
				if _, err := s.ReplaceGraph(ctx, g, qs); err != nil {
					t.Fatal(err)
				}
			}
		},
		"replace": func(t *testing.T, s *graph.Store) {
			g, qs := docQuads(0)
			for _, n := range []int{len(qs), len(qs) / 2} {
				if _, err := s.ReplaceGraph(ctx, g, qs[:n]); err != nil {
					t.Fatal(err)
				}
			}
		},
	}
	for _, engine := range []string{"bolt", "leveldb", "pebble"} {
		for name, write := range writes {
			t.Run(engine+"/"+name, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "store.db")
				s, err := graph.Open(ctx, dir, graph.Options{Base: base, Engine: engine})
				if err != nil {
					t.Fatal(err)
				}
				write(t, s)
				if s.Base() != base {
					t.Errorf("base after writing: %s", s.Base())
				}
				s.Close()
				s, err = graph.Open(ctx, dir, graph.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if s.Base() != base {
					t.Errorf("reopened, base = %s, want %s", s.Base(), base)
				}
				if gs, err := s.Graphs(ctx); err != nil || len(gs) == 0 {
					t.Errorf("reopened, graphs = %v, %v", gs, err)
				}
				s.Close()
				s, err = graph.Open(ctx, dir, graph.Options{Base: base})
				if err != nil {
					t.Fatalf("reopened with its own base: %v", err)
				}
				s.Close()
			})
		}
	}
}

// Read-only openers of an embedded bolt store share it: two open at once
// and both read, a write through one fails, and a writer waits for them.
func TestReadOnlyOpenersShare(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store.db")
	ctx := context.Background()
	s, err := graph.Open(ctx, dir, graph.Options{Base: "http://archive.example/"})
	if err != nil {
		t.Fatal(err)
	}
	g, qs := docQuads(1)
	if _, err := s.ReplaceGraph(ctx, g, qs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var readers []*graph.Store
	for range 2 {
		r, err := graph.Open(ctx, dir, graph.Options{ReadOnly: true, LockTimeout: 200 * time.Millisecond})
		if err != nil {
			t.Fatalf("a second read-only opener: %v", err)
		}
		defer r.Close()
		readers = append(readers, r)
	}
	for i, r := range readers {
		if !r.ReadOnly() || r.Base() != "http://archive.example/" {
			t.Errorf("reader %d: read-only %v, base %s", i, r.ReadOnly(), r.Base())
		}
		if n, err := r.Count(ctx, nil, nil, nil, g); err != nil || n != int64(len(qs)) {
			t.Errorf("reader %d counts %d quads (%v), want %d", i, n, err, len(qs))
		}
	}
	if _, err := readers[0].ReplaceGraph(ctx, g, qs[:1]); err == nil {
		t.Error("a read-only store took a write")
	}
	if _, err := graph.Open(ctx, dir, graph.Options{LockTimeout: 200 * time.Millisecond}); !errors.Is(err, graph.ErrLocked) {
		t.Errorf("a writer beside readers: %v, want ErrLocked", err)
	}
	// A store that does not exist yet is created, read-only or not.
	fresh, err := graph.Open(ctx, filepath.Join(t.TempDir(), "new.db"), graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	fresh.Close()
}

// A read-only opening of a store file that was never set up (a crash on
// the store's first opening) sets it up as a writer would.
func TestReadOnlyOpenSetsUpAnEmptyFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store.db")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(dir, "indexes.bolt"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := graph.Open(context.Background(), dir, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of an empty store file: %v", err)
	}
	defer s.Close()
	if n, err := s.Count(context.Background(), nil, nil, nil, nil); err != nil || n != 0 {
		t.Errorf("count %d, %v", n, err)
	}
}
