package graph_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

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
