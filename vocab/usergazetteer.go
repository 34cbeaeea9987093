package vocab

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// ReadGazetteerFile reads a user's gazetteer: a table in the layout of the
// built-in one (class, name, wikidata, labels, pseudonyms, collectives,
// note), a table in the eight columns of the shared Cold War table (type,
// name, wikidata, labels_en, labels_ru, labels_zh, aliases, note), or an RDF
// file (Turtle, N-Triples, RDF/XML, by its extension) describing each
// entity with its class (schema:Person, schema:Organization, …),
// skos:prefLabel, skos:altLabel, dg:pseudonym and owl:sameAs to a Wikidata
// item. Errors name the file and what is wrong.
func ReadGazetteerFile(path string) (*Gazetteer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if f, ok := rdfio.FormatOf(path); ok {
		qs, err := rdfio.ReadAll(bytes.NewReader(data), f, rdfio.Options{Name: path, Base: rdfio.FileIRI(path)})
		if err != nil {
			return nil, err
		}
		return gazetteerFromRDF(qs, path)
	}
	return ParseGazetteer(bytes.NewReader(wideTable(data)), path)
}

// wideTable rewrites a table in the shared eight-column layout into the
// built-in one; other input is returned as it is.
func wideTable(data []byte) []byte {
	lines := strings.Split(string(data), "\n")
	h := 0
	for h < len(lines) && (strings.TrimSpace(lines[h]) == "" || strings.HasPrefix(lines[h], "#")) {
		h++
	}
	if h == len(lines) || !strings.HasPrefix(lines[h], "type\tname\twikidata\tlabels_en\t") {
		return data
	}
	out := []string{"class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote"}
	for _, l := range lines[h+1:] {
		l = strings.TrimRight(l, "\r")
		f := strings.Split(l, "\t")
		if len(f) != 8 {
			out = append(out, l) // reported by the parser, with its line
			continue
		}
		var labels []string
		for i, lang := range []string{"en", "ru", "zh"} {
			for _, v := range splitBar(f[3+i]) {
				labels = append(labels, lang+":"+v)
			}
		}
		var aliases []string
		for _, v := range splitBar(f[6]) {
			aliases = append(aliases, scriptLang(v)+":"+v)
		}
		out = append(out, strings.Join([]string{f[0], f[1], f[2], strings.Join(labels, "|"), strings.Join(aliases, "|"), "", f[7]}, "\t"))
	}
	return []byte(strings.Join(out, "\n"))
}

func splitBar(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func scriptLang(s string) string {
	for _, r := range s {
		switch {
		case r >= 0x400 && r <= 0x4FF:
			return "ru"
		case r >= 0x4E00 && r <= 0x9FFF:
			return "zh"
		}
	}
	return "en"
}

// gazetteerFromRDF reads entities described in SKOS terms.
func gazetteerFromRDF(qs []rdf.Quad, path string) (*Gazetteer, error) {
	type desc struct {
		class, wd string
		pref      map[string]string
		alt       []Label
		pseud     []Label
		note      string
	}
	ds := map[rdf.Term]*desc{}
	var order []rdf.Term
	get := func(s rdf.Term) *desc {
		d := ds[s]
		if d == nil {
			d = &desc{pref: map[string]string{}}
			ds[s] = d
			order = append(order, s)
		}
		return d
	}
	lit := func(o rdf.Term) (rdf.Literal, bool) {
		l, ok := o.(rdf.Literal)
		return l, ok
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
			if l, ok := lit(q.O); ok {
				lang := l.Lang
				if lang == "" {
					lang = "en"
				}
				d := get(q.S)
				if _, dup := d.pref[lang]; !dup || q.P == SKOSPrefLabel {
					d.pref[lang] = l.Lexical
				}
			}
		case SKOSAltLabel:
			if l, ok := lit(q.O); ok {
				get(q.S).alt = append(get(q.S).alt, Label{Text: l.Lexical, Lang: langOr(l.Lang, l.Lexical)})
			}
		case DGPseudonym:
			if l, ok := lit(q.O); ok {
				get(q.S).pseud = append(get(q.S).pseud, Label{Text: l.Lexical, Lang: langOr(l.Lang, l.Lexical)})
			}
		case OWLSameAs:
			if iri, ok := q.O.(rdf.IRI); ok && strings.HasPrefix(string(iri), WD) {
				get(q.S).wd = strings.TrimPrefix(string(iri), WD)
			}
		case RDFSComment:
			if l, ok := lit(q.O); ok {
				get(q.S).note = l.Lexical
			}
		}
	}
	g := &Gazetteer{byName: map[string]*Entry{}}
	for _, s := range order {
		d := ds[s]
		if d.class == "" && len(d.pref) == 0 {
			continue // a node that describes no entity (a concept scheme, a label node)
		}
		if d.class == "" {
			return nil, fmt.Errorf("%s: %s has labels but no class (rdf:type schema:Person, schema:Organization, schema:Country, schema:Place, schema:Event or dg:Proposal)", path, s)
		}
		name := d.pref["en"]
		if name == "" {
			return nil, fmt.Errorf("%s: %s has no English skos:prefLabel to name it by", path, s)
		}
		if d.wd != "" && !validQID(d.wd) {
			return nil, fmt.Errorf("%s: %s: bad Wikidata id %q", path, s, d.wd)
		}
		e := &Entry{Class: d.class, Name: name, Wikidata: d.wd, Note: d.note, Pseudonyms: d.pseud}
		langs := make([]string, 0, len(d.pref))
		for l := range d.pref {
			if l != "en" {
				langs = append(langs, l)
			}
		}
		sort.Strings(langs)
		for _, l := range langs {
			e.Labels = append(e.Labels, Label{Text: d.pref[l], Lang: l})
		}
		e.Labels = append(e.Labels, d.alt...)
		if _, dup := g.byName[name]; dup {
			return nil, fmt.Errorf("%s: two entities are named %q", path, name)
		}
		g.byName[name] = e
		g.Entries = append(g.Entries, e)
	}
	return g, nil
}

func langOr(lang, text string) string {
	if lang != "" {
		return lang
	}
	return scriptLang(text)
}

// Merge returns a gazetteer holding base's entries and the extra ones: an
// extra entry with the name of an earlier one replaces it (the user's
// table wins), others are added in order. base is not modified.
func Merge(base *Gazetteer, extra ...*Gazetteer) *Gazetteer {
	g := &Gazetteer{byName: map[string]*Entry{}}
	add := func(e *Entry) {
		if old, ok := g.byName[e.Name]; ok {
			for i := range g.Entries {
				if g.Entries[i] == old {
					g.Entries[i] = e
				}
			}
		} else {
			g.Entries = append(g.Entries, e)
		}
		g.byName[e.Name] = e
	}
	for _, x := range append([]*Gazetteer{base}, extra...) {
		if x == nil {
			continue
		}
		for _, e := range x.Entries {
			add(e)
		}
	}
	return g
}
