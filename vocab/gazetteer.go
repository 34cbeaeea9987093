package vocab

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/docgraph/docgraph/rdf"
)

//go:embed gazetteer.tsv
var gazetteerTSV []byte

// More tables in the same columns, one per bloc or subject, merged over
// gazetteer.tsv in name order (Merge).
//
//go:embed gazetteer.d
var gazetteerDir embed.FS

// Gazetteer is the table of known entities: their classes, canonical names,
// labels per language, pseudonyms, collective names and Wikidata items.
type Gazetteer struct {
	Entries []*Entry
	byName  map[string]*Entry
}

// Entry is one known entity.
type Entry struct {
	Class    string // ClassPerson, ClassCountry, …
	Name     string // canonical English name, as gold annotations use it
	Wikidata string // Q-identifier where confirmed, else ""
	Note     string // role and years, one phrase
	// Labels are other names and spellings, in several languages.
	Labels []Label
	// Pseudonyms are cover names used in correspondence.
	Pseudonyms []Label
	// Collectives are demonyms and collective names that mention the
	// entity ("Mexicans", "Soviet", "Korean comrades"); they are not names.
	Collectives []Label
}

// Label is a name in a language, optionally valid only for documents of a
// period or of an original language.
type Label struct {
	Text string
	Lang string // ISO 639-1
	// From and Until bound the documents' dates ("1949-10", "1949") the
	// label applies to; empty means unbounded.
	From, Until string
	// Orig restricts the label to documents whose original language it is.
	Orig string
}

// Applies reports whether the label may be used in a document of the given
// date (ISO 8601 prefix, "" when unknown) and original language.
func (l Label) Applies(date, orig string) bool {
	if l.Orig != "" && l.Orig != orig {
		return false
	}
	if date == "" {
		return l.From == "" && l.Until == ""
	}
	if l.From != "" && cmpDatePrefix(date, l.From) < 0 {
		return false
	}
	if l.Until != "" && cmpDatePrefix(date, l.Until) > 0 {
		return false
	}
	return true
}

// cmpDatePrefix compares an ISO date with a bound of possibly lower
// precision, on the bound's precision.
func cmpDatePrefix(date, bound string) int {
	if len(date) > len(bound) {
		date = date[:len(bound)]
	}
	return strings.Compare(date, bound)
}

var (
	gazOnce sync.Once
	gaz     *Gazetteer
	gazErr  error
)

// LoadGazetteer returns the project's gazetteer, parsed once from the
// embedded table and shared afterwards (it must not be modified).
func LoadGazetteer() (*Gazetteer, error) {
	gazOnce.Do(func() {
		gaz, gazErr = ParseGazetteer(bytes.NewReader(gazetteerTSV), "vocab/gazetteer.tsv")
		if gazErr != nil {
			return
		}
		files, err := fs.Glob(gazetteerDir, "gazetteer.d/*.tsv")
		if err != nil {
			gazErr = err
			return
		}
		sort.Strings(files)
		for _, f := range files {
			data, err := gazetteerDir.ReadFile(f)
			if err != nil {
				gazErr = err
				return
			}
			more, err := ParseGazetteer(bytes.NewReader(data), "vocab/"+f)
			if err != nil {
				gazErr = err
				return
			}
			gaz = gaz.Merge(more)
		}
	})
	return gaz, gazErr
}

// ParseGazetteer reads a gazetteer table in the layout of gazetteer.tsv:
// comment lines starting with "#", a header line, then tab-separated rows of
// class, name, wikidata, labels, pseudonyms, collectives and note. Errors
// name the file and line.
func ParseGazetteer(r io.Reader, file string) (*Gazetteer, error) {
	g := &Gazetteer{byName: map[string]*Entry{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line, header := 0, false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !header {
			header = true
			if !strings.HasPrefix(text, "class\t") {
				return nil, fmt.Errorf("%s:%d: header line expected (class, name, …)", file, line)
			}
			continue
		}
		f, err := splitRow(text, 7, file, line)
		if err != nil {
			return nil, err
		}
		e := &Entry{Class: f[0], Name: f[1], Wikidata: f[2], Note: f[6]}
		if e.Labels, err = parseLabels(f[3]); err == nil {
			if e.Pseudonyms, err = parseLabels(f[4]); err == nil {
				e.Collectives, err = parseLabels(f[5])
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, line, err)
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

// splitRow splits a table row into its fields and checks the ones both
// table layouts begin with: class, canonical name, Wikidata id.
func splitRow(text string, n int, file string, line int) ([]string, error) {
	f := strings.Split(text, "\t")
	switch {
	case len(f) != n:
		return nil, fmt.Errorf("%s:%d: %d fields, want %d", file, line, len(f), n)
	case ClassIRI(f[0]) == "":
		return nil, fmt.Errorf("%s:%d: unknown class %q", file, line, f[0])
	case f[1] == "":
		return nil, fmt.Errorf("%s:%d: empty name", file, line)
	case f[2] != "" && !validQID(f[2]):
		return nil, fmt.Errorf("%s:%d: bad Wikidata id %q", file, line, f[2])
	}
	return f, nil
}

func validQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func parseLabels(field string) ([]Label, error) {
	if field == "" {
		return nil, nil
	}
	var out []Label
	for _, v := range strings.Split(field, "|") {
		lang, text, ok := strings.Cut(v, ":")
		if !ok || lang == "" || len(lang) > 3 {
			return nil, fmt.Errorf("label %q: want lang:text", v)
		}
		l := Label{Lang: lang}
		if i := strings.IndexByte(text, '{'); i >= 0 && strings.HasSuffix(text, "}") {
			for _, c := range strings.Split(text[i+1:len(text)-1], ",") {
				k, val, _ := strings.Cut(c, "=")
				switch k {
				case "from":
					l.From = val
				case "until":
					l.Until = val
				case "orig":
					l.Orig = val
				default:
					return nil, fmt.Errorf("label %q: unknown condition %q", v, k)
				}
			}
			text = text[:i]
		}
		if text == "" {
			return nil, fmt.Errorf("label %q: empty text", v)
		}
		l.Text = text
		out = append(out, l)
	}
	return out, nil
}

// Lookup returns the entry with a canonical name, or nil.
func (g *Gazetteer) Lookup(name string) *Entry { return g.byName[name] }

// Quads describes every entry in the gazetteer graph (m.Gazetteer()): its
// class, rdfs:label and skos:prefLabel once per language (the canonical name
// in English, the first label of each other language), skos:altLabel for
// every other spelling, dg:pseudonym (also an skos:altLabel) for cover
// names, owl:sameAs to Wikidata where the item is confirmed and
// rdfs:comment for the note. The order is the table's, so output is stable.
func (g *Gazetteer) Quads(m Minter) []rdf.Quad {
	gr := m.Gazetteer()
	var qs []rdf.Quad
	for _, e := range g.Entries {
		s := m.Entity(e.Class, e.Name)
		add := func(p rdf.IRI, o rdf.Term) { qs = append(qs, rdf.Quad{S: s, P: p, O: o, G: gr}) }
		add(RDFType, ClassIRI(e.Class))
		pref := map[string]bool{"en": true}
		add(RDFSLabel, rdf.NewLangString(e.Name, "en"))
		add(SKOSPrefLabel, rdf.NewLangString(e.Name, "en"))
		seen := map[rdf.Literal]bool{rdf.NewLangString(e.Name, "en"): true}
		for _, l := range e.Labels {
			lit := rdf.NewLangString(l.Text, l.Lang)
			if seen[lit] {
				continue
			}
			seen[lit] = true
			if !pref[l.Lang] && l.Orig == "" && l.From == "" && l.Until == "" {
				pref[l.Lang] = true
				add(RDFSLabel, lit)
				add(SKOSPrefLabel, lit)
				continue
			}
			add(SKOSAltLabel, lit)
		}
		for _, l := range e.Pseudonyms {
			// dg:pseudonym is a plain literal (see extract's quads); the
			// language-tagged form is an altLabel.
			add(DGPseudonym, rdf.NewString(l.Text))
			lit := rdf.NewLangString(l.Text, l.Lang)
			if !seen[lit] {
				seen[lit] = true
				add(SKOSAltLabel, lit)
			}
		}
		if e.Wikidata != "" {
			add(OWLSameAs, rdf.IRI(WD+e.Wikidata))
		}
		if e.Note != "" {
			add(RDFSComment, rdf.NewLangString(e.Note, "en"))
		}
	}
	return qs
}

// CoreGazetteer is the main table alone (gazetteer.tsv, without the tables
// of gazetteer.d): a small gazetteer for tests of how names the gazetteer
// lacks are read, which the full one would know.
func CoreGazetteer() (*Gazetteer, error) {
	return ParseGazetteer(bytes.NewReader(gazetteerTSV), "vocab/gazetteer.tsv")
}
