package vocab

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/docgraph/docgraph/rdf"
)

// DefaultBase is the base IRI minted IRIs live under unless the store was
// created with another one.
const DefaultBase = "http://example.org/docgraph/"

// Entity classes, as the gold schema and the gazetteer name them.
const (
	ClassPerson       = "Person"
	ClassOrganization = "Organization"
	ClassCountry      = "Country"
	ClassPlace        = "Place"
	ClassEvent        = "Event"
	ClassProposal     = "Proposal"
)

// ClassIRI returns the RDF class of an entity class name.
func ClassIRI(class string) rdf.IRI {
	switch class {
	case ClassPerson:
		return SchemaPerson
	case ClassOrganization:
		return SchemaOrganization
	case ClassCountry:
		return SchemaCountry
	case ClassPlace:
		return SchemaPlace
	case ClassEvent:
		return SchemaEvent
	case ClassProposal:
		return DGProposal
	}
	return ""
}

// ClassOf is the inverse of ClassIRI ("" when iri is not an entity class).
func ClassOf(iri rdf.IRI) string {
	for _, c := range []string{ClassPerson, ClassOrganization, ClassCountry, ClassPlace, ClassEvent, ClassProposal} {
		if ClassIRI(c) == iri {
			return c
		}
	}
	return ""
}

// classPath is the folder under the base for each class (MODEL.md "Minted IRIs").
var classPath = map[string]string{
	ClassPerson:       "person/",
	ClassOrganization: "org/",
	ClassCountry:      "country/",
	ClassPlace:        "place/",
	ClassEvent:        "event/",
	ClassProposal:     "proposal/",
}

// Minter mints docgraph's IRIs under one base. The same input always gives
// the same IRI, whatever order documents arrive in.
type Minter struct {
	Base string // ends with "/" or "#"
}

// NewMinter returns a Minter for base, adding a trailing slash when needed.
func NewMinter(base string) Minter {
	if base == "" {
		base = DefaultBase
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		base += "/"
	}
	return Minter{Base: base}
}

// Document returns the IRI of a document with the given id (record id or file stem).
func (m Minter) Document(id string) rdf.IRI { return rdf.IRI(m.Base + "doc/" + Slug(id)) }

// Entity returns the IRI of an entity of a class, derived from its canonical name.
func (m Minter) Entity(class, canonicalName string) rdf.IRI {
	p, ok := classPath[class]
	if !ok {
		p = "entity/"
	}
	return rdf.IRI(m.Base + p + Slug(canonicalName))
}

// Archive returns the IRI of an archive, derived from its abbreviation ("APRF").
func (m Minter) Archive(name string) rdf.IRI { return rdf.IRI(m.Base + "archive/" + Slug(name)) }

// Claim returns the IRI of a claim: a hash of the document, the statement and
// where its evidence starts, so re-ingesting gives the same IRI.
func (m Minter) Claim(doc rdf.IRI, s, p, o rdf.Term, start int) rdf.IRI {
	h := sha256.New()
	for _, part := range []string{string(doc), s.String(), p.String(), o.String()} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	h.Write([]byte{byte(start >> 24), byte(start >> 16), byte(start >> 8), byte(start)})
	return rdf.IRI(m.Base + "claim/" + hex.EncodeToString(h.Sum(nil)[:8]))
}

// Gazetteer is the named graph that holds the gazetteer's entity descriptions.
func (m Minter) Gazetteer() rdf.IRI { return rdf.IRI(m.Base + "gazetteer") }

// Identity is the named graph that says which person entities found in
// different documents are one person (owl:sameAs, ingest.Identities).
func (m Minter) Identity() rdf.IRI { return rdf.IRI(m.Base + "identity") }

// Slug turns a name into an IRI path segment: accents dropped, Cyrillic
// transliterated, lower case, runs of other characters as one "-". Letters of
// other scripts (Chinese) are kept as they are, which IRIs allow.
func Slug(name string) string {
	var sb strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		var out string
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			out = string(r)
		case r >= 'а' && r <= 'я', r == 'ё', r == 'й':
			out = cyrillic[r]
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			out = string(r)
		}
		if out == "" {
			dash = sb.Len() > 0
			continue
		}
		if dash {
			sb.WriteByte('-')
			dash = false
		}
		sb.WriteString(out)
	}
	if sb.Len() == 0 {
		return "unnamed"
	}
	return sb.String()
}

var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "iu",
	'я': "ia",
}
