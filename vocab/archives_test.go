package vocab

import (
	"strings"
	"testing"

	"github.com/docgraph/docgraph/rdf"
)

// TestArchiveIdentity checks that every way of writing an archive resolves
// to that one archive and its one IRI.
func TestArchiveIdentity(t *testing.T) {
	tab := Archives()
	m := NewMinter("")
	for slug, names := range map[string][]string{
		"aprf":        {"APRF", "AP RF", "АП РФ", "АПРФ", "Archive of the President of the Russian Federation", "Presidential Archive"},
		"avp-rf":      {"AVP RF", "AVPRF", "АВП РФ", "Archive of Foreign Policy of the Russian Federation"},
		"rgaspi":      {"RGASPI", "РГАСПИ", "RTsKhIDNI"},
		"rgani":       {"RGANI", "TsKhSD", "РГАНИ", "ЦХСД"},
		"garf":        {"GARF", "ГАРФ", "GA RF"},
		"tsamo":       {"TsAMO", "TsAMO RF", "ЦАМО"},
		"sapmo-barch": {"SAPMO-BArch", "SAPMO BArch", "Stiftung Archiv der Parteien und Massenorganisationen der DDR im Bundesarchiv"},
		"mnl-ol":      {"MNL OL", "MOL", "Magyar Országos Levéltár", "Hungarian National Archives"},
		"na-cz":       {"NA", "Národní archiv", "AÚV KSČ"},
		"prc-fma":     {"PRC FMA", "PRCFMA", "外交部档案馆"},
		"vna3":        {"Vietnam National Archives Center 3", "VNA3", "Vietnam National Archives Center III"},
		"nara":        {"NARA", "National Archives and Records Administration"},
		"loc":         {"Library of Congress"},
	} {
		for _, n := range names {
			a := tab.Lookup(n)
			if a == nil {
				t.Errorf("%q names no archive, want %s", n, slug)
				continue
			}
			if a.Slug != slug || m.Archive(a.Slug) != rdf.IRI(DefaultBase+"archive/"+slug) {
				t.Errorf("%q is %s, want %s", n, a.Slug, slug)
			}
		}
	}
	// every spelling in the table is unambiguous (parseArchives rejects a
	// spelling shared by two archives) and finds its own archive
	for _, a := range tab.Archives {
		for _, s := range a.Spellings() {
			if got := tab.Lookup(s); got != a {
				t.Errorf("%q resolves to %v, want %s", s, got, a.Slug)
			}
		}
	}
	if tab.Lookup("Archive of Something Unknown") != nil {
		t.Error("an unknown name resolved to an archive")
	}
}

func TestArchivesTableErrors(t *testing.T) {
	for _, c := range []struct{ row, msg string }{
		{"x\tX\tX\tC\t\tru", "columns"},
		{"Bad Slug\tX\tX\tC\t\tru\t", "not a slug"},
		{"x\tX\tX\tC\tQ12a\tru\t", "not a Wikidata id"},
		{"x\tX\tX\tC\t\tzz\t", "dialect"},
		{"x\tX\tX\tC\t\tru\tnolang", "lang:text"},
		{"x\tX\tX\tC\t\tru\t\ny\tX\tY\tC\t\tru\t", "names both"},
	} {
		_, err := parseArchives([]byte(c.row))
		if err == nil || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), "archives.tsv:") {
			t.Errorf("%q: error %v, want one naming the line and %q", c.row, err, c.msg)
		}
	}
}

func TestArchiveQuads(t *testing.T) {
	m := NewMinter("http://example.org/g/")
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	qs := Archives().Quads(m, g)
	has := map[rdf.Quad]bool{}
	for _, q := range qs {
		if q.G != m.Gazetteer() {
			t.Fatalf("quad outside the gazetteer graph: %v", q)
		}
		has[q] = true
	}
	aprf, gr := m.Archive("aprf"), m.Gazetteer()
	russia := m.Entity(ClassCountry, "Russia")
	for _, q := range []rdf.Quad{
		{S: aprf, P: RDFType, O: SchemaArchiveOrganization, G: gr},
		{S: aprf, P: RDFSLabel, O: rdf.NewLangString("Archive of the President of the Russian Federation", "en"), G: gr},
		{S: aprf, P: SKOSAltLabel, O: rdf.NewLangString("АП РФ", "ru"), G: gr},
		{S: aprf, P: SKOSAltLabel, O: rdf.NewLangString("APRF", "en"), G: gr},
		{S: aprf, P: SchemaAddressCountry, O: russia, G: gr},
		{S: russia, P: RDFType, O: SchemaCountry, G: gr},
		{S: m.Archive("prc-fma"), P: SchemaAddressCountry, O: m.Entity(ClassCountry, "People's Republic of China"), G: gr},
	} {
		if !has[q] {
			t.Errorf("missing %v", q)
		}
	}
	// a country the gazetteer describes is not described again here
	china := m.Entity(ClassCountry, "People's Republic of China")
	for _, q := range qs {
		if q.S == china {
			t.Errorf("gazetteer country described twice: %v", q)
		}
	}
}
