package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// exportedReference ingests the reference record, exports the store as
// Turtle, and reads the export back: the facts are checked on what a user
// downloads, not on the store.
func exportedReference(t *testing.T) *rdf.Dataset {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	files, errs := ingest.Files([]string{filepath.Join(rdftest.SharedDir(t), "corpus", "reference")})
	if len(errs) > 0 || len(files) != 1 {
		t.Fatalf("reference files %v: %v", files, errs)
	}
	rep, err := ingest.Run(ctx, store, files, ingest.Options{})
	if err != nil || rep.Failed > 0 {
		t.Fatalf("ingest: %v %v", err, rep.Errors)
	}
	var buf bytes.Buffer
	if err := export.WriteAll(ctx, &buf, export.Turtle, export.Options{}, catalog.Quads(ctx, store)); err != nil {
		t.Fatal(err)
	}
	quads, err := rdfio.ReadAll(&buf, rdfio.Turtle, rdfio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rdf.NewDataset(quads...)
}

func ask(t *testing.T, ds *rdf.Dataset, what, query string) {
	t.Helper()
	p, err := queries.Prepare("ASK { "+query+" }", queries.Options{Filename: what})
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	res, err := p.Run(context.Background(), ds)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !res.Boolean {
		t.Errorf("the export does not say: %s\n  ASK { %s }", what, strings.TrimSpace(query))
	}
}

// TestReferenceRecord checks the facts of the reference record (Filippov's
// letter to Mao Zedong of 17 September 1952) in the Turtle export.
func TestReferenceRecord(t *testing.T) {
	ds := exportedReference(t)
	const doc = `?doc a schema:ArchiveComponent, rico:Record . `
	ask(t, ds, "author Stalin, with pseudonym Filippov", doc+`?doc dcterms:creator ?p . ?p rdfs:label "Joseph Stalin"@en ; dg:pseudonym "Filippov" ; owl:sameAs wd:Q855 .`)
	ask(t, ds, "the document records its use of the pseudonym", doc+`?doc dg:pseudonymUse [ dg:alias "Filippov" ; dg:standsFor ?p ] . ?doc dcterms:creator ?p .`)
	ask(t, ds, "recipient Mao Zedong", doc+`?doc schema:recipient ?m . ?m rdfs:label "Mao Zedong"@en ; owl:sameAs wd:Q5816 .`)
	ask(t, ds, "date 1952-09-17", doc+`?doc dcterms:date "1952-09-17"^^xsd:date .`)
	ask(t, ds, "kind letter", doc+`?doc dcterms:type dg:letter ; a schema:Message .`)
	ask(t, ds, "language ru", doc+`?doc dcterms:language "ru" .`)
	ask(t, ds, "record id and source", doc+`?doc dcterms:identifier "113644" ; dcterms:source ?src . FILTER(CONTAINS(STR(?src), "113644"))`)
	ask(t, ds, "three archival references", doc+`
		{ SELECT ?doc (COUNT(?r) AS ?n) WHERE { ?doc dg:archivalReference ?r } GROUP BY ?doc } FILTER(?n = 3)`)
	ask(t, ds, "APRF f. 45, op. 1, d. 343, ll. 97-103", doc+`?doc dg:archivalReference ?r .
		?r dg:archive/skos:altLabel "APRF"@en ; dg:fond "45" ; dg:opis "1" ; dg:delo "343" ; dg:folios "97-103" .`)
	ask(t, ds, "the APRF by its name, in Russia", doc+`?doc dg:archivalReference/dg:archive ?a .
		?a a schema:ArchiveOrganization ; rdfs:label "Archive of the President of the Russian Federation"@en ; skos:altLabel "АП РФ"@ru ;
		   schema:addressCountry/rdfs:label "Russia"@en .`)
	ask(t, ds, "AVP RF with papka 11", doc+`?doc dg:archivalReference ?r .
		?r dg:archive/skos:altLabel "AVP RF"@en ; dg:fond "059a" ; dg:opis "5a" ; dg:delo "5" ; dg:papka "11" ; dg:folios "99" .`)
	ask(t, ds, "RGASPI", doc+`?doc dg:archivalReference ?r . ?r dg:archive/skos:altLabel "RGASPI"@en ; dg:fond "558" ; dg:folios "0097-0104" .`)
	ask(t, ds, "versions: Russian original, draft transcription, English translation", doc+`
		?doc dcterms:hasPart ?o, ?d, ?e .
		?o dg:role "original" ; dcterms:language "ru" .
		?d dg:role "transcription" ; dcterms:language "ru" .
		?e dg:role "translation" ; dcterms:language "en" .`)
	for _, m := range []struct{ name, wd string }{
		{"Mexico", "Q96"}, {"United States", "Q30"}, {"Korea", ""}, {"United Nations", "Q1065"},
		{"India", "Q668"}, {"Burma", ""}, {"Soviet Union", "Q15180"}, {"Chinese People's Volunteers", ""},
	} {
		q := doc + `?doc schema:mentions ?e . ?e rdfs:label|skos:altLabel ?l . FILTER(STR(?l) = "` + m.name + `")`
		if m.wd != "" {
			q += ` ?e owl:sameAs wd:` + m.wd + ` .`
		}
		ask(t, ds, "mentions "+m.name, q)
	}
	ask(t, ds, "the Soviet Union opposes the Mexican proposal, as Stalin claims, with evidence", `
		?c a dg:Claim ; rdf:subject ?su ; rdf:predicate dg:opposes ; rdf:object ?pr ;
		   prov:wasAttributedTo ?st ; dg:evidence ?ev .
		?su owl:sameAs wd:Q15180 . ?st owl:sameAs wd:Q855 . ?pr a dg:Proposal .
		FILTER(CONTAINS(?ev, "reject this proposal"))`)
}
