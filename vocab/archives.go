package vocab

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/docgraph/docgraph/rdf"
)

//go:embed archives.tsv
var archivesTSV []byte

// Archive is one archive documents cite: the identity all its spellings
// ("AP RF", "APRF", "АП РФ") resolve to.
type Archive struct {
	Slug     string // last segment of its IRI under <base>archive/
	Abbr     string // the abbreviation references are reported with
	Name     string // canonical English name
	Country  string // gazetteer name of the country that holds it
	Wikidata string // Q-identifier where a source states it, else ""
	// Dialect says how its citations number items: "ru", "bg", "cs", "hu",
	// "ro", "mn" (fond-like levels under the language's own keys) or "text"
	// (a free-text reference).
	Dialect string
	Labels  []Label // other names and spellings
}

// Spellings returns the abbreviation, the canonical name and every label.
func (a *Archive) Spellings() []string {
	out := []string{a.Abbr, a.Name}
	for _, l := range a.Labels {
		out = append(out, l.Text)
	}
	return out
}

// ArchiveTable is the table of known archives.
type ArchiveTable struct {
	Archives []*Archive
	bySlug   map[string]*Archive
	byKey    map[string]*Archive // folded spelling
}

var (
	archivesOnce sync.Once
	archivesTab  *ArchiveTable
	archivesErr  error
)

// Archives returns the embedded archive table. The table is part of the
// program, so a malformed row is a build error that the package's tests
// report; at run time it panics with the row's line.
func Archives() *ArchiveTable {
	archivesOnce.Do(func() { archivesTab, archivesErr = parseArchives(archivesTSV) })
	if archivesErr != nil {
		panic(archivesErr)
	}
	return archivesTab
}

func parseArchives(b []byte) (*ArchiveTable, error) {
	t := &ArchiveTable{bySlug: map[string]*Archive{}, byKey: map[string]*Archive{}}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("archives.tsv:%d: %d columns, want 7", n, len(f))
		}
		a := &Archive{Slug: f[0], Abbr: f[1], Name: f[2], Country: f[3], Wikidata: f[4], Dialect: f[5]}
		if a.Slug == "" || a.Slug != Slug(a.Slug) {
			return nil, fmt.Errorf("archives.tsv:%d: slug %q is not a slug", n, a.Slug)
		}
		if a.Abbr == "" || a.Name == "" {
			return nil, fmt.Errorf("archives.tsv:%d: abbreviation and name are required", n)
		}
		if a.Wikidata != "" && !isQID(a.Wikidata) {
			return nil, fmt.Errorf("archives.tsv:%d: %q is not a Wikidata id", n, a.Wikidata)
		}
		switch a.Dialect {
		case "ru", "bg", "cs", "hu", "ro", "mn", "text":
		default:
			return nil, fmt.Errorf("archives.tsv:%d: unknown dialect %q", n, a.Dialect)
		}
		for _, l := range strings.Split(f[6], "|") {
			if l == "" {
				continue
			}
			lang, text, ok := strings.Cut(l, ":")
			if !ok || lang == "" || text == "" {
				return nil, fmt.Errorf("archives.tsv:%d: label %q is not lang:text", n, l)
			}
			a.Labels = append(a.Labels, Label{Lang: lang, Text: text})
		}
		if t.bySlug[a.Slug] != nil {
			return nil, fmt.Errorf("archives.tsv:%d: slug %q used twice", n, a.Slug)
		}
		t.bySlug[a.Slug] = a
		for _, s := range a.Spellings() {
			k := archiveKey(s)
			if o := t.byKey[k]; o != nil && o != a {
				return nil, fmt.Errorf("archives.tsv:%d: %q names both %s and %s", n, s, o.Slug, a.Slug)
			}
			t.byKey[k] = a
		}
		t.Archives = append(t.Archives, a)
	}
	return t, sc.Err()
}

func isQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// archiveKey folds a spelling for lookup: case, spaces, dots and hyphens do
// not count ("AP RF" = "APRF" = "ap-rf").
func archiveKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '.', '-', ',', '(', ')':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Lookup returns the archive a spelling names (any case, spacing or
// punctuation), or nil.
func (t *ArchiveTable) Lookup(name string) *Archive { return t.byKey[archiveKey(name)] }

// BySlug returns the archive with an IRI slug, or nil.
func (t *ArchiveTable) BySlug(slug string) *Archive { return t.bySlug[slug] }

// Spelling is one way a citation writes an archive's name.
type Spelling struct {
	Text    string
	Archive *Archive
}

// Spellings lists every spelling of every archive, longest first, so that a
// scan finds "SAPMO-BArch" before "BArch" and "MNL OL" before "MNL".
func (t *ArchiveTable) Spellings() []Spelling {
	var out []Spelling
	seen := map[string]bool{}
	for _, a := range t.Archives {
		for _, s := range a.Spellings() {
			if !seen[s] {
				seen[s] = true
				out = append(out, Spelling{s, a})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Text) > len(out[j].Text) })
	return out
}

// Quads describes every archive in the gazetteer graph: its class, its
// canonical name (rdfs:label, skos:prefLabel), its other spellings
// (skos:altLabel), the country that holds it (schema:addressCountry), and
// owl:sameAs its Wikidata item where one is stated. A country the
// gazetteer lacks is described here as an unlinked schema:Country.
func (t *ArchiveTable) Quads(m Minter, g *Gazetteer) []rdf.Quad {
	gr := m.Gazetteer()
	var qs []rdf.Quad
	described := map[string]bool{}
	for _, a := range t.Archives {
		s := m.Archive(a.Slug)
		add := func(p rdf.IRI, o rdf.Term) { qs = append(qs, rdf.Quad{S: s, P: p, O: o, G: gr}) }
		add(RDFType, SchemaArchiveOrganization)
		add(RDFSLabel, rdf.NewLangString(a.Name, "en"))
		add(SKOSPrefLabel, rdf.NewLangString(a.Name, "en"))
		seen := map[rdf.Literal]bool{rdf.NewLangString(a.Name, "en"): true}
		for _, l := range append([]Label{{Lang: "en", Text: a.Abbr}}, a.Labels...) {
			lit := rdf.NewLangString(l.Text, l.Lang)
			if !seen[lit] {
				seen[lit] = true
				add(SKOSAltLabel, lit)
			}
		}
		if a.Country != "" {
			c := m.Entity(ClassCountry, a.Country)
			add(SchemaAddressCountry, c)
			if (g == nil || g.Lookup(a.Country) == nil) && !described[a.Country] {
				described[a.Country] = true
				qs = append(qs,
					rdf.Quad{S: c, P: RDFType, O: SchemaCountry, G: gr},
					rdf.Quad{S: c, P: RDFSLabel, O: rdf.NewLangString(a.Country, "en"), G: gr},
					rdf.Quad{S: c, P: DGLinked, O: rdf.NewTyped("false", XSDBoolean), G: gr})
			}
		}
		if a.Wikidata != "" {
			add(OWLSameAs, rdf.IRI(WD+a.Wikidata))
		}
	}
	return qs
}
