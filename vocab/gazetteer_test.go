package vocab

import (
	"strings"
	"testing"

	"github.com/docgraph/docgraph/rdf"
)

func TestLoadGazetteer(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	st := g.Lookup("Joseph Stalin")
	if st == nil || st.Wikidata != "Q855" || st.Class != ClassPerson {
		t.Fatalf("Joseph Stalin: %+v", st)
	}
	var filippov, kuz bool
	for _, p := range st.Pseudonyms {
		if p.Text == "Filippov" {
			filippov = true
		}
		if p.Text == "Kuznetsov" {
			kuz = true
			if !p.Applies("1948-10-17", "ru") || p.Applies("1953-03-01", "ru") {
				t.Errorf("Kuznetsov as Stalin's cover name should apply in 1948 and not in 1953: %+v", p)
			}
		}
	}
	if !filippov || !kuz {
		t.Errorf("pseudonyms of Stalin: %+v", st.Pseudonyms)
	}
	if g.Lookup("Mexico") == nil || g.Lookup("Chinese People's Volunteers") == nil {
		t.Error("Mexico or the Chinese People's Volunteers missing")
	}
	if g.Lookup("Nobody at all") != nil {
		t.Error("Lookup invents entries")
	}
}

func TestParseGazetteerErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"class\tname\nPerson\tX\n", "t.tsv:2: 2 fields"},
		{"nope\n", "t.tsv:1: header"},
		{"class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\nPlanet\tMars\t\t\t\t\t\n", "unknown class"},
		{"class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\nPerson\tX\tP12\t\t\t\t\n", "bad Wikidata id"},
		{"class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\nPerson\tX\t\tStalin\t\t\t\n", "want lang:text"},
		{"class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\nPerson\tX\t\ten:Y{when=1}\t\t\t\n", "unknown condition"},
	} {
		_, err := ParseGazetteer(strings.NewReader(tc.in), "t.tsv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestGazetteerQuads(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMinter("")
	qs := g.Quads(m)
	stalin := m.Entity(ClassPerson, "Joseph Stalin")
	want := map[rdf.Quad]bool{
		{S: stalin, P: RDFType, O: SchemaPerson, G: m.Gazetteer()}:                                   false,
		{S: stalin, P: OWLSameAs, O: rdf.IRI(WD + "Q855"), G: m.Gazetteer()}:                         false,
		{S: stalin, P: DGPseudonym, O: rdf.NewString("Filippov"), G: m.Gazetteer()}:                  false,
		{S: stalin, P: SKOSAltLabel, O: rdf.NewLangString("Filippov", "en"), G: m.Gazetteer()}:       false,
		{S: stalin, P: RDFSLabel, O: rdf.NewLangString("Сталин", "ru"), G: m.Gazetteer()}:            false,
		{S: stalin, P: SKOSPrefLabel, O: rdf.NewLangString("Joseph Stalin", "en"), G: m.Gazetteer()}: false,
	}
	labels := map[string]int{}
	for _, q := range qs {
		if err := q.Valid(); err != nil {
			t.Fatalf("%v: %v", q, err)
		}
		if _, ok := want[q]; ok {
			want[q] = true
		}
		if q.S == stalin && q.P == RDFSLabel {
			labels[q.O.(rdf.Literal).Lang]++
		}
		if q.P == OWLSameAs && q.S == m.Entity(ClassPerson, "Zhou Enlai") {
			t.Error("Zhou Enlai has no confirmed Wikidata id")
		}
	}
	for q, ok := range want {
		if !ok {
			t.Errorf("missing %v", q)
		}
	}
	for lang, n := range labels {
		if n != 1 {
			t.Errorf("%d rdfs:label in %s, want one per language", n, lang)
		}
	}
}
