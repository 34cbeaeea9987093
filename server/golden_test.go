package server

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/internal/golden"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// TestGoldenDescriptions keeps the exact bytes of descriptions of a small
// hand-made graph (go test ./server -run Golden -update rewrites them).
func TestGoldenDescriptions(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, "memory:", graph.Options{Base: "http://example.org/g/"})
	if err != nil {
		t.Fatal(err)
	}
	m := st.Minter()
	doc := m.Document("42")
	stalin := m.Entity(vocab.ClassPerson, "Joseph Stalin")
	mao := m.Entity(vocab.ClassPerson, "Mao Zedong")
	claim := m.Claim(doc, stalin, vocab.DGAgreesWith, mao, 0)
	ref := rdf.IRI(string(doc) + "/ref-1")
	aprf := m.Archive("APRF")
	quads := []rdf.Quad{
		{S: doc, P: vocab.RDFType, O: vocab.SchemaArchiveComponent},
		{S: doc, P: vocab.RDFType, O: vocab.SchemaMessage},
		{S: doc, P: vocab.DCIdentifier, O: rdf.NewString("42")},
		{S: doc, P: vocab.DCTitle, O: rdf.NewString("Filippov [Stalin] to Mao Zedong")},
		{S: doc, P: vocab.DCDate, O: rdf.NewTyped("1952-09-17", vocab.XSDDate)},
		{S: doc, P: vocab.DCCreator, O: stalin},
		{S: doc, P: vocab.SchemaRecipient, O: mao},
		{S: doc, P: vocab.DGArchivalReference, O: ref},
		{S: ref, P: vocab.RDFType, O: vocab.DGArchivalRef},
		{S: ref, P: vocab.DGArchive, O: aprf},
		{S: ref, P: vocab.DGFond, O: rdf.NewString("45")},
		{S: ref, P: vocab.DGFolios, O: rdf.NewString("97-103")},
		{S: aprf, P: vocab.RDFType, O: vocab.SchemaArchiveOrganization},
		{S: aprf, P: vocab.RDFSLabel, O: rdf.NewString("APRF")},
		{S: stalin, P: vocab.RDFType, O: vocab.SchemaPerson},
		{S: stalin, P: vocab.RDFSLabel, O: rdf.NewLangString("Joseph Stalin", "en")},
		{S: stalin, P: vocab.RDFSLabel, O: rdf.NewLangString("Сталин", "ru")},
		{S: stalin, P: vocab.DGPseudonym, O: rdf.NewString("Filippov")},
		{S: stalin, P: vocab.OWLSameAs, O: rdf.IRI(vocab.WD + "Q855")},
		{S: mao, P: vocab.RDFType, O: vocab.SchemaPerson},
		{S: mao, P: vocab.RDFSLabel, O: rdf.NewLangString("Mao Zedong", "en")},
		{S: claim, P: vocab.RDFType, O: vocab.DGClaim},
		{S: claim, P: vocab.RDFType, O: vocab.RDFStatement},
		{S: claim, P: vocab.RDFSubject, O: stalin},
		{S: claim, P: vocab.RDFPredicate, O: vocab.DGAgreesWith},
		{S: claim, P: vocab.RDFObject, O: mao},
		{S: claim, P: vocab.PROVWasAttributedTo, O: stalin},
		{S: claim, P: vocab.PROVWasDerivedFrom, O: doc},
		{S: claim, P: vocab.DGEvidence, O: rdf.NewLangString("We agree with you & \"the Chinese comrades\" <fully>.", "en")},
		{S: claim, P: vocab.DGConfidence, O: rdf.NewTyped("0.9", vocab.XSDDecimal)},
	}
	if _, err := st.ReplaceGraph(ctx, doc, quads); err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Config{Store: st})
	for _, p := range []string{
		"/person/joseph-stalin.ttl", "/person/joseph-stalin.rdf", "/person/joseph-stalin.jsonld",
		"/doc/42.nq", "/doc/42.rdf", "/doc/42.trig", "/" + strings.TrimPrefix(string(claim), m.Base) + ".rdf",
	} {
		resp, body := get(t, ts, p)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", p, resp.StatusCode, body)
		}
		name := strings.ReplaceAll(strings.TrimPrefix(p, "/"), "/", "_")
		if strings.HasPrefix(name, "claim_") {
			name = "claim" + filepath.Ext(name)
		}
		golden.Check(t, filepath.Join("testdata", "golden", name), []byte(body))
	}
	_, void := get(t, ts, "/.well-known/void", "Accept: text/turtle")
	golden.Check(t, filepath.Join("testdata", "golden", "void.ttl"), []byte(void))
}
