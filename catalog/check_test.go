package catalog_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// TestCheckFlagsUnattributedClaims: a claim stored with no
// prov:wasAttributedTo is reported with its document and the claim.
func TestCheckFlagsUnattributedClaims(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	telegram := "Skip to content\n\nJune 12, 1951\n\nTelegram, Filippov [Stalin] to Mao Zedong\n\nComrade Mao Zedong!\n\n" +
		"We support the proposal of the Korean comrades.\n\nFILIPPOV [Stalin]\n\nDocument Information\n\nRecord ID\n\n4244\n\nLanguage\n\nRussian\n"
	if err := os.WriteFile(filepath.Join(dir, "t.txt"), []byte(telegram), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rep, err := ingest.Run(ctx, s, []string{filepath.Join(dir, "t.txt")}, ingest.Options{}); err != nil || rep.Failed > 0 {
		t.Fatalf("ingest: %v %v", err, rep.Errors)
	}
	if probs, err := catalog.Check(ctx, s); err != nil || len(probs) > 0 {
		t.Fatalf("check of a whole store: %v %v", probs, err)
	}

	// the same document graph with its claims' attribution taken out
	doc := s.Minter().Document("4244")
	var kept []rdf.Quad
	var claim rdf.Term
	for q, err := range s.Match(ctx, nil, nil, nil, doc) {
		if err != nil {
			t.Fatal(err)
		}
		if q.P == vocab.PROVWasAttributedTo {
			claim = q.S
			continue
		}
		kept = append(kept, q)
	}
	if claim == nil {
		t.Fatal("the telegram's claim is not attributed")
	}
	if _, err := s.ReplaceGraph(ctx, doc, kept); err != nil {
		t.Fatal(err)
	}
	probs, err := catalog.Check(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range probs {
		if p.Graph == rdf.Term(doc) && strings.Contains(p.String(), claim.String()) && strings.Contains(p.String(), "prov:wasAttributedTo") {
			found = true
		}
	}
	if !found {
		t.Errorf("check does not report the unattributed claim %v of %v: %v", claim, doc, probs)
	}
}
