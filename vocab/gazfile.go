package vocab

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// A user's gazetteer: files in the built-in table's columns, in the shared
// hand-compiled table's columns (type, name, wikidata, labels_en, labels_ru,
// labels_zh, aliases, note), or as SKOS in any RDF syntax, merged over the
// project's own. The user owns the result: where a file and the built-in
// table both describe an entity, the file's Wikidata id and note win and
// its names are added to the entity's.

// LoadGazetteerFiles returns the project's gazetteer merged with each file
// in turn (none: the project's own, shared as LoadGazetteer's).
func LoadGazetteerFiles(paths ...string) (*Gazetteer, error) {
	g, err := LoadGazetteer()
	if err != nil || len(paths) == 0 {
		return g, err
	}
	for _, p := range paths {
		o, err := ReadGazetteerFile(p)
		if err != nil {
			return nil, err
		}
		g = g.Merge(o)
	}
	return g, nil
}

// ReadGazetteerFile reads one gazetteer file: a .tsv table (either column
// layout, told apart by its header) or SKOS in the RDF syntax its extension
// names (.ttl, .nt, .nq, .trig, .rdf, .jsonld ...).
func ReadGazetteerFile(path string) (*Gazetteer, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".tsv", ".tab", ".txt":
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if sharedHeader(data) {
			return parseSharedTable(data, path)
		}
		return ParseGazetteer(bytes.NewReader(data), path)
	}
	qs, err := rdfio.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return GazetteerFromQuads(qs, path)
}

// sharedHeader reports whether a table starts (after comments) with the
// shared gazetteer's header "type<TAB>name<TAB>wikidata<TAB>labels_en...".
func sharedHeader(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		return strings.HasPrefix(t, "type\tname\twikidata\tlabels_en")
	}
	return false
}

// parseSharedTable reads the 8-column layout: type, name, wikidata,
// labels_en, labels_ru, labels_zh, aliases (pseudonyms), note.
func parseSharedTable(data []byte, file string) (*Gazetteer, error) {
	g := &Gazetteer{byName: map[string]*Entry{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line, header := 0, false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !header {
			header = true
			continue
		}
		f, err := splitRow(text, 8, file, line)
		if err != nil {
			return nil, err
		}
		e := &Entry{Class: f[0], Name: f[1], Wikidata: f[2], Note: f[7]}
		for i, lang := range []string{"en", "ru", "zh"} {
			for _, v := range splitList(f[3+i]) {
				e.Labels = append(e.Labels, Label{Text: v, Lang: lang})
			}
		}
		for _, v := range splitList(f[6]) {
			e.Pseudonyms = append(e.Pseudonyms, Label{Text: v, Lang: scriptLang(v)})
		}
		if _, dup := g.byName[e.Name]; dup {
			return nil, fmt.Errorf("%s:%d: duplicate name %q", file, line, e.Name)
		}
		g.byName[e.Name] = e
		g.Entries = append(g.Entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	return g, nil
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// scriptLang guesses a name's language tag from its script (Cyrillic: ru,
// Han: zh, else en), for lists that do not say.
func scriptLang(s string) string {
	for _, r := range s {
		switch {
		case r >= 0x0400 && r <= 0x04FF:
			return "ru"
		case r >= 0x4E00 && r <= 0x9FFF:
			return "zh"
		}
	}
	return "en"
}

// GazetteerFromQuads reads SKOS descriptions: every subject with a
// skos:prefLabel (or rdfs:label) and a class the project knows (schema:Person,
// schema:Organization, schema:Country, schema:Place, schema:Event,
// dg:Proposal) is an entry; its English prefLabel is the canonical name
// (else its first prefLabel), skos:altLabel and the other prefLabels are
// labels, dg:pseudonym gives cover names, and owl:sameAs to a Wikidata item
// its id. A labelled subject without a known class is an error naming it.
func GazetteerFromQuads(qs []rdf.Quad, file string) (*Gazetteer, error) {
	type desc struct {
		class            string
		pref, alt, pseud []Label
		wd, note         string
	}
	by := map[rdf.Term]*desc{}
	var order []rdf.Term
	get := func(s rdf.Term) *desc {
		d := by[s]
		if d == nil {
			d = &desc{}
			by[s] = d
			order = append(order, s)
		}
		return d
	}
	label := func(o rdf.Term) (Label, bool) {
		lit, ok := o.(rdf.Literal)
		if !ok || lit.Lexical == "" {
			return Label{}, false
		}
		lang := lit.Lang
		if lang == "" {
			lang = scriptLang(lit.Lexical)
		}
		return Label{Text: lit.Lexical, Lang: strings.ToLower(lang)}, true
	}
	for _, q := range qs {
		switch q.P {
		case RDFType:
			if iri, ok := q.O.(rdf.IRI); ok {
				if c := ClassOf(iri); c != "" {
					get(q.S).class = c
				}
			}
		case SKOSPrefLabel, RDFSLabel:
			if l, ok := label(q.O); ok {
				d := get(q.S)
				d.pref = append(d.pref, l)
			}
		case SKOSAltLabel:
			if l, ok := label(q.O); ok {
				d := get(q.S)
				d.alt = append(d.alt, l)
			}
		case DGPseudonym:
			if l, ok := label(q.O); ok {
				d := get(q.S)
				d.pseud = append(d.pseud, l)
			}
		case OWLSameAs:
			if iri, ok := q.O.(rdf.IRI); ok && strings.HasPrefix(string(iri), WD) {
				if id := strings.TrimPrefix(string(iri), WD); validQID(id) {
					get(q.S).wd = id
				}
			}
		case RDFSComment:
			if lit, ok := q.O.(rdf.Literal); ok {
				get(q.S).note = lit.Lexical
			}
		}
	}
	g := &Gazetteer{byName: map[string]*Entry{}}
	var problems []string
	for _, s := range order {
		d := by[s]
		if len(d.pref) == 0 {
			continue // not a labelled resource (a class, a scheme's header)
		}
		if d.class == "" {
			problems = append(problems, fmt.Sprintf("%s has labels but no class (give it a of schema:Person, schema:Organization, schema:Country, schema:Place, schema:Event or dg:Proposal)", s))
			continue
		}
		sort.SliceStable(d.pref, func(i, j int) bool { return d.pref[i].Lang == "en" && d.pref[j].Lang != "en" })
		e := &Entry{Class: d.class, Name: d.pref[0].Text, Wikidata: d.wd, Note: d.note}
		for _, l := range append(d.pref[1:], d.alt...) {
			if l.Text != e.Name {
				e.Labels = append(e.Labels, l)
			}
		}
		e.Pseudonyms = d.pseud
		if old := g.byName[e.Name]; old != nil {
			problems = append(problems, fmt.Sprintf("%s: two entities named %q", s, e.Name))
			continue
		}
		g.byName[e.Name] = e
		g.Entries = append(g.Entries, e)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s: %s", file, strings.Join(problems, "; "))
	}
	return g, nil
}

// Merge returns a new gazetteer: g's entries, then o's. An entry of o with
// the class and canonical name of one of g's (or, failing that, with the
// same Wikidata id) adds its labels, pseudonyms and collective names to it,
// and its Wikidata id and note replace g's when it has them. Neither input
// changes.
func (g *Gazetteer) Merge(o *Gazetteer) *Gazetteer {
	out := &Gazetteer{byName: make(map[string]*Entry, len(g.Entries)+len(o.Entries))}
	byWD := map[string]*Entry{}
	for _, e := range g.Entries {
		c := *e
		c.Labels = append([]Label(nil), e.Labels...)
		c.Pseudonyms = append([]Label(nil), e.Pseudonyms...)
		c.Collectives = append([]Label(nil), e.Collectives...)
		out.Entries = append(out.Entries, &c)
		out.byName[c.Name] = &c
		if c.Wikidata != "" {
			byWD[c.Wikidata] = &c
		}
	}
	for _, e := range o.Entries {
		t := out.byName[e.Name]
		if t != nil && t.Class != e.Class {
			t = nil
		}
		if t == nil && e.Wikidata != "" {
			if w := byWD[e.Wikidata]; w != nil && w.Class == e.Class {
				t = w
				if e.Name != w.Name {
					t.Labels = addLabel(t.Labels, Label{Text: e.Name, Lang: "en"})
				}
			}
		}
		if t == nil {
			if out.byName[e.Name] != nil {
				// same name, another class: keep both apart under the
				// canonical name; the later one is reached by its labels
				c := *e
				c.Name = e.Name + " (" + e.Class + ")"
				t = &c
			} else {
				c := *e
				t = &c
			}
			t.Labels = append([]Label(nil), e.Labels...)
			out.Entries = append(out.Entries, t)
			out.byName[t.Name] = t
			if t.Wikidata != "" {
				byWD[t.Wikidata] = t
			}
			continue
		}
		for _, l := range e.Labels {
			t.Labels = addLabel(t.Labels, l)
		}
		for _, l := range e.Pseudonyms {
			t.Pseudonyms = addLabel(t.Pseudonyms, l)
		}
		for _, l := range e.Collectives {
			t.Collectives = addLabel(t.Collectives, l)
		}
		if e.Wikidata != "" {
			t.Wikidata = e.Wikidata
			byWD[e.Wikidata] = t
		}
		if e.Note != "" {
			t.Note = e.Note
		}
	}
	return out
}

func addLabel(ls []Label, l Label) []Label {
	for _, x := range ls {
		if x.Text == l.Text && x.Lang == l.Lang {
			return ls
		}
	}
	return append(ls, l)
}
