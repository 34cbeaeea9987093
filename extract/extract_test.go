package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

func reference(t testing.TB) (string, []byte) {
	p := filepath.Join(rdftest.SharedDir(t), "corpus", "reference", "1952-09-17_filippov-stalin-to-mao.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("reference record missing: %v", err)
	}
	return p, b
}

func findEntity(r *Result, name string) *Entity {
	for i := range r.Entities {
		if r.Entities[i].Name == name {
			return &r.Entities[i]
		}
	}
	return nil
}

func TestReferenceRecord(t *testing.T) {
	p, b := reference(t)
	r, err := Extract(p, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Layout != "markdown" || r.Date != "1952-09-17" || r.Kind != "letter" || r.Language != "ru" || r.ID != "113644" {
		t.Errorf("layout %q date %q kind %q language %q id %q", r.Layout, r.Date, r.Kind, r.Language, r.ID)
	}
	stalin := EntityRef{Class: vocab.ClassPerson, Name: "Joseph Stalin"}
	mao := EntityRef{Class: vocab.ClassPerson, Name: "Mao Zedong"}
	if !slices.Equal(r.Authors, []EntityRef{stalin}) || !slices.Equal(r.Recipients, []EntityRef{mao}) || len(r.Via) != 0 {
		t.Errorf("authors %v recipients %v via %v", r.Authors, r.Recipients, r.Via)
	}
	if !slices.Contains(r.Aliases, Alias{Alias: "Filippov", Of: stalin}) {
		t.Errorf("aliases %v lack Filippov for Stalin", r.Aliases)
	}
	want := []ArchivalRef{
		{Archive: "APRF", ArchiveID: "aprf", Fond: "45", Opis: "1", Delo: "343", Folios: "97-103"},
		{Archive: "AVP RF", ArchiveID: "avp-rf", Fond: "059a", Opis: "5a", Delo: "5", Papka: "11", Folios: "99"},
		{Archive: "RGASPI", ArchiveID: "rgaspi", Fond: "558", Opis: "11", Delo: "343", Folios: "0097-0104"},
	}
	if !slices.Equal(r.ArchivalRef, want) {
		t.Errorf("archival references\n got %+v\nwant %+v", r.ArchivalRef, want)
	}
	roles := map[string]string{}
	for _, v := range r.Versions {
		roles[v.Role] = v.Lang
	}
	if roles["original"] != "ru" || roles["transcription"] != "ru" || roles["translation"] != "en" {
		t.Errorf("versions %v", roles)
	}
	for _, w := range []struct{ name, qid string }{
		{"Mexico", "Q96"}, {"United States", "Q30"}, {"Korea", "Q18097"}, {"United Nations", "Q1065"},
		{"India", "Q668"}, {"Burma", "Q836"}, {"Soviet Union", "Q15180"}, {"Chinese People's Volunteers", ""},
		{"Joseph Stalin", "Q855"}, {"Mao Zedong", "Q5816"},
	} {
		e := findEntity(r, w.name)
		if e == nil {
			t.Errorf("no mention of %s", w.name)
			continue
		}
		if e.Wikidata != w.qid || !e.Linked {
			t.Errorf("%s: wikidata %q linked %v, want %q", w.name, e.Wikidata, e.Linked, w.qid)
		}
		if len(e.Mentions) == 0 {
			t.Errorf("%s: no place of mention", w.name)
		}
	}
	// every mention of India is found in all three versions, the Russian
	// ones inflected ("Индией") and one broken across a line ("Ин-\nдией")
	india := findEntity(r, "India")
	inVersion := map[int]bool{}
	for _, m := range india.Mentions {
		inVersion[m.Version] = true
		text := []rune(r.Versions[m.Version].Text)
		if got := string(text[m.Start:m.End]); !strings.Contains(got, "Ин") && !strings.Contains(got, "India") {
			t.Errorf("India mention %v reads %q", m, got)
		}
	}
	if len(inVersion) != 3 {
		t.Errorf("India mentioned in versions %v, want all three", inVersion)
	}
	if e := findEntity(r, "Semenov"); e == nil || e.Linked {
		t.Errorf("the signature Семенов should be an unlinked person: %+v", e)
	}
	for _, e := range r.Entities {
		if e.Class == vocab.ClassPerson && !e.Linked && e.Name != "Semenov" {
			t.Errorf("OCR noise invented a person: %+v", e)
		}
	}
}

func TestReferenceQuads(t *testing.T) {
	p, b := reference(t)
	r, err := Extract(p, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := vocab.NewMinter("")
	qs := r.Quads(m)
	doc := m.Document("113644")
	has := func(s rdf.Term, p rdf.IRI, o rdf.Term) bool {
		return slices.Contains(qs, rdf.Quad{S: s, P: p, O: o, G: doc})
	}
	stalin := m.Entity(vocab.ClassPerson, "Joseph Stalin")
	for _, c := range []struct {
		s rdf.Term
		p rdf.IRI
		o rdf.Term
	}{
		{doc, vocab.RDFType, vocab.SchemaArchiveComponent},
		{doc, vocab.RDFType, vocab.RICORecord},
		{doc, vocab.RDFType, vocab.SchemaMessage},
		{doc, vocab.DCType, vocab.KindIRI("letter")},
		{doc, vocab.DCDate, rdf.NewTyped("1952-09-17", vocab.XSDDate)},
		{doc, vocab.DCLanguage, rdf.NewString("ru")},
		{doc, vocab.DCCreator, stalin},
		{doc, vocab.SchemaRecipient, m.Entity(vocab.ClassPerson, "Mao Zedong")},
		{doc, vocab.SchemaMentions, m.Entity(vocab.ClassCountry, "Mexico")},
		{doc, vocab.DCHasPart, rdf.IRI(string(doc) + "/translation")},
		{rdf.IRI(string(doc) + "/translation"), vocab.DCLanguage, rdf.NewString("en")},
		{doc, vocab.DCSource, rdf.IRI("https://wilson-center-digital-archive.dvincitest.com/document/113644")},
		{doc, vocab.DCIdentifier, rdf.NewString("113644")},
		{stalin, vocab.DGPseudonym, rdf.NewString("Filippov")},
		{m.Entity(vocab.ClassPerson, "Semenov"), vocab.DGLinked, rdf.NewTyped("false", vocab.XSDBoolean)},
	} {
		if !has(c.s, c.p, c.o) {
			t.Errorf("missing %v %v %v", c.s, c.p, c.o)
		}
	}
	var papka bool
	for _, q := range qs {
		if q.G != doc {
			t.Fatalf("quad outside the document graph: %v", q)
		}
		if err := q.Valid(); err != nil {
			t.Errorf("%v: %v", q, err)
		}
		if q.P == vocab.DGPapka && q.O == rdf.NewString("11") {
			papka = true
		}
		if q.S == stalin && q.P == vocab.RDFSLabel {
			t.Errorf("gazetteer entity described in the document graph: %v", q)
		}
	}
	if !papka {
		t.Error("no dg:papka \"11\"")
	}
	// same input, same quads, same order
	r2, _ := Extract(p, b, Options{})
	if !slices.Equal(qs, r2.Quads(m)) {
		t.Error("quads differ between two runs")
	}
}

func TestLayouts(t *testing.T) {
	page := "Skip to content\n\nMarch 3, 1951\n\nTelegram, Filippov [Stalin] to Zhou Enlai\n\nComrade Zhou Enlai!\n\nWe agree.\n\nFILIPPOV [Stalin]\n\nStalin agrees.\n\nDocument Information\n\nSource\n\nAPRF, f. 45, op. 1, d. 337, l. 9.\n\nRecord ID\n\n4242\n\nLanguage\n\nRussian\n"
	markdown := "## May 1950\n\n### Memorandum, Vyshinsky to Molotov\n\n#### Citation:\n\n\"Memorandum\", May 1950, Wilson Center Digital Archive, RGASPI, f. 558, op. 11, d. 1, l. 2.  \n<https://example.org/document/77>\n\n#### Original Language:\n\nRussian\n\n#### Contents:\n\nTranslation - English\n\nTo Comrade Molotov.\n"
	plain := "Dear Comrade Kim Il Sung,\n\nThe delegation of the USSR will speak in Pyongyang.\n\nJ. Stalin\n12 June 1951\n"
	for _, c := range []struct {
		name, in, layout, date, kind, id string
	}{
		{"page.txt", page, "page", "1951-03-03", "telegram", "4242"},
		{"md.txt", markdown, "markdown", "1950-05", "memorandum", "77"},
		{"letter.txt", plain, "plain", "1951-06-12", "letter", "letter"},
	} {
		r, err := Extract(c.name, []byte(c.in), Options{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if r.Layout != c.layout || r.Date != c.date || r.Kind != c.kind || r.ID != c.id {
			t.Errorf("%s: layout %q date %q kind %q id %q", c.name, r.Layout, r.Date, r.Kind, r.ID)
		}
	}
	r, _ := Extract("letter.txt", []byte(plain), Options{})
	for _, n := range []string{"Kim Il Sung", "Soviet Union", "Pyongyang"} {
		if findEntity(r, n) == nil {
			t.Errorf("plain letter: no %s in %+v", n, r.Entities)
		}
	}
	// the signature and the salutation give the parties; no title is invented
	if fmt.Sprint(r.Authors) != "[{Person Joseph Stalin}]" || fmt.Sprint(r.Recipients) != "[{Person Kim Il Sung}]" || r.Title != "" {
		t.Errorf("plain letter: authors %v recipients %v title %q", r.Authors, r.Recipients, r.Title)
	}
	authored := strings.Replace(page, "Telegram, Filippov [Stalin] to Zhou Enlai", "Untitled telegram", 1)
	authored = strings.Replace(authored, "Document Information", "Author(s):\n\nStalin, Joseph, 1879-1953\n\nDocument Information", 1)
	r, _ = Extract("page.txt", []byte(authored), Options{})
	if len(r.Authors) != 1 || r.Authors[0].Name != "Joseph Stalin" {
		t.Errorf("page with an author list: authors %v", r.Authors)
	}
	r, _ = Extract("page.txt", []byte(page), Options{})
	if r.Summary != "Stalin agrees." || len(r.ArchivalRef) != 1 || r.Versions[0].Role != "translation" {
		t.Errorf("page: summary %q refs %v versions %+v", r.Summary, r.ArchivalRef, r.Versions)
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"empty.txt", nil, "empty.txt: empty document"},
		{"blank.txt", []byte("  \n\n\t\n"), "blank.txt: empty document"},
		{"page.html", []byte("\n<!DOCTYPE html>\n<html><body>x</body></html>"), "page.html:2:1: an HTML page"},
		{"scan.pdf", []byte("%PDF-1.4\n\x00\x01\x02binary"), "scan.pdf: not a readable PDF"},
	} {
		_, err := Extract(c.name, c.in, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	// recoverable: invalid UTF-8, UTF-16, CRLF
	r, err := Extract("bad.txt", []byte("## May 1950\n\n### Letter, Stalin to Mao\n\nab\xffcd"), Options{})
	if err != nil || len(r.Warnings) == 0 || r.Warnings[0].Error() != "bad.txt:5:3: invalid UTF-8, replaced with U+FFFD" {
		t.Errorf("invalid UTF-8: %v %v", err, r)
	}
	u16 := []byte{0xFF, 0xFE}
	for _, c := range "## May 1950\n### Letter, Stalin to Mao\n" {
		u16 = append(u16, byte(c), byte(c>>8))
	}
	r, err = Extract("u16.txt", u16, Options{})
	if err != nil || r.Date != "1950-05" || r.Kind != "letter" {
		t.Errorf("UTF-16: %v %+v", err, r)
	}
	crlf := strings.ReplaceAll("## May 1950\n\n### Letter, Stalin to Mao Zedong\n\n#### Contents:\n\nTo Comrade Mao Zedong.\n", "\n", "\r\n")
	r, err = Extract("crlf.txt", []byte(crlf), Options{})
	if err != nil || r.Title != "Letter, Stalin to Mao Zedong" || r.Versions[0].Line != 7 || strings.Contains(r.Versions[0].Text, "\r") {
		t.Errorf("CRLF: %v %+v", err, r)
	}
	r, _ = Extract("date.txt", []byte("## Sometime\n\n### Letter, Stalin to Mao\n"), Options{})
	if len(r.Warnings) == 0 || r.Warnings[0].Error() != "date.txt:1:4: date not recognized: Sometime" || r.Date != "" {
		t.Errorf("bad date: %+v", r.Warnings)
	}
}

func TestKuznetsovByDate(t *testing.T) {
	for _, c := range []struct {
		date, want string
	}{{"October 17, 1948", "Joseph Stalin"}, {"March 1, 1953", "Vasily Kuznetsov"}} {
		in := "## " + c.date + "\n\n### Cable, Roshchin to Kuznetsov\n"
		r, err := Extract("k.txt", []byte(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Recipients) != 1 || r.Recipients[0].Name != c.want {
			t.Errorf("%s: recipients %v, want %s", c.date, r.Recipients, c.want)
		}
	}
}

func TestPseudonymInBrackets(t *testing.T) {
	in := "## 1951\n\n### Telegram, Semenov [Stalin] to Mao Zedong\n\n#### Contents:\n\nComrade Mao Zedong!\n\nSEMENOV [Stalin]\n"
	r, err := Extract("s.txt", []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	stalin := EntityRef{Class: vocab.ClassPerson, Name: "Joseph Stalin"}
	if !slices.Equal(r.Authors, []EntityRef{stalin}) || !slices.Contains(r.Aliases, Alias{Alias: "Semenov", Of: stalin}) {
		t.Errorf("authors %v aliases %v", r.Authors, r.Aliases)
	}
	if e := findEntity(r, "Semenov"); e != nil {
		t.Errorf("a cover name became a person of its own: %+v", e)
	}
}

// BenchmarkExtract reports documents per second over the dev corpus and
// the reference record.
func BenchmarkExtract(b *testing.B) {
	shared := rdftest.SharedDir(b)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "dev", "*.txt"))
	files = append(files, filepath.Join(shared, "corpus", "reference", "1952-09-17_filippov-stalin-to-mao.txt"))
	var data [][]byte
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
	}
	g, err := vocab.LoadGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{Gazetteer: g}
	if _, err := Extract(files[0], data[0], opt); err != nil { // builds the matcher
		b.Fatal(err)
	}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		k := i % len(data)
		if _, err := Extract(files[k], data[k], opt); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

func TestPositionOfMention(t *testing.T) {
	p, b := reference(t)
	r, err := Extract(p, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for _, name := range []string{"India", "Mexico", "Mao Zedong"} {
		e := findEntity(r, name)
		for _, s := range e.Mentions {
			l, c := r.Position(s.Version, s.Start)
			text := string([]rune(r.Versions[s.Version].Text)[s.Start:s.End])
			first, _, _ := strings.Cut(text, "\n")
			if got := string([]rune(lines[l-1])[c-1:]); !strings.HasPrefix(got, first) {
				t.Errorf("%s at %d:%d: file reads %q, mention %q", name, l, c, got, text)
			}
		}
	}
}

// TestCorpusQuads checks every dev document's graph: valid terms, one
// named graph, a creator for each author, and the same quads on a second run.
func TestCorpusQuads(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(rdftest.SharedDir(t), "corpus", "dev", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no dev documents: %v", err)
	}
	m := vocab.NewMinter("http://example.org/test/")
	for i := range paths {
		b, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		r, err := Extract(paths[i], b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		qs := r.Quads(m)
		doc := m.Document(r.ID)
		creators := 0
		for _, q := range qs {
			if q.G != doc {
				t.Fatalf("%s: quad outside %v: %v", paths[i], doc, q)
			}
			if err := q.Valid(); err != nil {
				t.Errorf("%s: %v: %v", paths[i], q, err)
			}
			if q.S == doc && q.P == vocab.DCCreator {
				creators++
			}
		}
		if creators != len(r.Authors) {
			t.Errorf("%s: %d dcterms:creator for %d authors", paths[i], creators, len(r.Authors))
		}
		r2, _ := Extract(paths[i], b, Options{})
		if !slices.Equal(qs, r2.Quads(m)) {
			t.Errorf("%s: quads differ between runs", paths[i])
		}
	}
}

// TestClaimsAreAttributed: every claim is someone's. A claim whose speaker
// the text does not name (or mark with "we" of a known side) is the
// author's; a letter with no known author makes no such claim rather than
// a claim said by nobody; every claim in the graph has its
// prov:wasAttributedTo.
func TestClaimsAreAttributed(t *testing.T) {
	body := "Dear Comrade Mao Zedong,\n\nThe Chinese comrades should send a delegation to Moscow. The Soviet Union supports the proposal of the Korean comrades.\n\nWith greetings,\nJ. Stalin\n12 June 1951\n"
	attributed := func(name string, r *Result) {
		t.Helper()
		m := vocab.NewMinter(vocab.DefaultBase)
		qs := r.Quads(m)
		claims, said := 0, 0
		for _, q := range qs {
			if q.P == vocab.RDFType && q.O == vocab.DGClaim {
				claims++
			}
			if q.P == vocab.PROVWasAttributedTo {
				said++
			}
		}
		if said != claims {
			t.Errorf("%s: %d claims, %d attributed", name, claims, said)
		}
		for _, c := range r.Claims {
			if c.Attributed.Name == "" {
				t.Errorf("%s: claim %s %s %s said by nobody", name, c.Subject.Name, c.Relation, c.Object.Name)
			}
		}
	}
	signed, err := Extract("letter.txt", []byte(body), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(signed.Authors) != 1 || signed.Authors[0].Name != "Joseph Stalin" {
		t.Fatalf("signed letter: authors %v", signed.Authors)
	}
	if len(signed.Claims) == 0 {
		t.Error("signed letter: no claim")
	}
	attributed("signed letter", signed)
	unsigned := strings.Replace(body, "With greetings,\nJ. Stalin\n", "", 1)
	plain, err := Extract("letter.txt", []byte(unsigned), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Authors) != 0 {
		t.Fatalf("unsigned letter: authors %v", plain.Authors)
	}
	attributed("unsigned letter", plain)

	page := "Skip to content\n\nJune 12, 1951\n\nTelegram, Filippov [Stalin] to Mao Zedong\n\n" + body +
		"\nDocument Information\n\nSource\n\nAPRF, f. 45, op. 1, d. 337, l. 9.\n\nRecord ID\n\n4243\n\nLanguage\n\nRussian\n"
	titled, err := Extract("page.txt", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(titled.Authors) != 1 || len(titled.Claims) == 0 {
		t.Fatalf("telegram from Filippov: authors %v, %d claims", titled.Authors, len(titled.Claims))
	}
	attributed("telegram from Filippov", titled)
}
