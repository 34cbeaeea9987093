package extract

import (
	"slices"
	"testing"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// TestArchiveAndPublicationQuads checks that every reference points at its
// archive's one IRI whatever spelling the citation used, that an archive the
// table lacks is an unlinked archive of its own, and that a publication is
// a dg:Publication, never an archival reference.
func TestArchiveAndPublicationQuads(t *testing.T) {
	cite := `APRF, f. 45, op. 1, d. 329, l. 5; АП РФ, ф. 3, оп. 65, д. 9, л. 1; Jiangsu Provincial Archives, 3124-1-45. CWIHP Bulletin 8-9, p. 388.`
	page := "March 3, 1951\n\nTelegram, Filippov [Stalin] to Zhou Enlai\n\nWe agree.\n\nDocument Information\n\nSource\n\n" + cite + "\n\nRecord ID\n\n4343\n"
	r, err := Extract("page.txt", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.ArchivalRef) != 3 || len(r.Publications) != 1 {
		t.Fatalf("refs %+v publications %+v", r.ArchivalRef, r.Publications)
	}
	m := vocab.NewMinter("")
	qs := r.Quads(m)
	doc := m.Document(r.ID)
	archives := map[rdf.Term]int{}
	for _, q := range qs {
		if q.P == vocab.DGArchive {
			archives[q.O]++
		}
	}
	aprf, jiangsu := m.Archive("aprf"), m.Archive("Jiangsu Provincial Archives")
	if archives[aprf] != 2 || archives[jiangsu] != 1 || len(archives) != 2 {
		t.Errorf("archives of the references: %v", archives)
	}
	pub := rdf.IRI(string(doc) + "/pub-1")
	for _, c := range []rdf.Quad{
		{S: aprf, P: vocab.RDFSLabel, O: rdf.NewLangString("Archive of the President of the Russian Federation", "en")},
		{S: aprf, P: vocab.SKOSAltLabel, O: rdf.NewLangString("APRF", "en")},
		{S: aprf, P: vocab.SchemaAddressCountry, O: m.Entity(vocab.ClassCountry, "Russia")},
		{S: jiangsu, P: vocab.DGLinked, O: rdf.NewTyped("false", vocab.XSDBoolean)},
		{S: doc, P: vocab.DGPublishedIn, O: pub},
		{S: pub, P: vocab.RDFType, O: vocab.DGPublication},
		{S: pub, P: vocab.DCTitle, O: rdf.NewString("Cold War International History Project Bulletin")},
		{S: pub, P: vocab.DCBibliographicCitation, O: rdf.NewString("Cold War International History Project Bulletin, 8-9, p. 388")},
	} {
		c.G = doc
		if !slices.Contains(qs, c) {
			t.Errorf("missing %v", c)
		}
	}
	for _, q := range qs {
		if q.P == vocab.DGArchivalReference && q.O == pub || q.S == pub && q.P == vocab.DGArchive {
			t.Errorf("a publication as an archival reference: %v", q)
		}
	}
}
