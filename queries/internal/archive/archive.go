// Package archive generates a synthetic archive graph shaped like
// docgraph's own output, for measuring query speed: documents in their own
// named graphs with a kind, title, date, language, creators, recipients
// and mentions of a Zipf-popular set of entities, claims made in them, and a
// gazetteer graph naming the entities in English and Russian, with
// alternative spellings and pseudonyms. The same seed gives the same graph.
package archive

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Config sizes a generated archive.
type Config struct {
	Seed      uint64
	Documents int
	Persons   int
	Others    int // organizations, places and events
}

// Default is about 1.08 million triples.
var Default = Config{Seed: 1948, Documents: 46800, Persons: 6000, Others: 9000}

// Base is the IRI base of generated IRIs.
const Base = "https://archive.example.org/"

// Person returns the IRI of the i-th person; person 0 is the most active.
func Person(i int) rdf.IRI { return rdf.IRI(fmt.Sprintf("%sperson/p%d", Base, i)) }

// Entity returns the IRI of the i-th mentionable entity (persons first).
func Entity(c Config, i int) rdf.IRI {
	if i < c.Persons {
		return Person(i)
	}
	return rdf.IRI(fmt.Sprintf("%sentity/e%d", Base, i-c.Persons))
}

// Pseudonym is the pseudonym of person i; persons 3, 13, 23, ... have one.
func Pseudonym(i int) string { return fmt.Sprintf("Filippov-%d", i) }

var kinds = []string{"letter", "telegram", "cable", "note", "memorandum", "report", "conversation"}

var syllables = []string{"ka", "lo", "mi", "to", "sha", "vo", "ren", "zhu", "an", "ov", "ski", "li", "mar", "den", "go", "ra", "tse", "nin"}

// cyr transliterates the generator's syllables to Cyrillic.
var cyr = map[string]string{"ka": "ка", "lo": "ло", "mi": "ми", "to": "то", "sha": "ша", "vo": "во", "ren": "рен", "zhu": "жу", "an": "ан", "ov": "ов", "ski": "ски", "li": "ли", "mar": "мар", "den": "ден", "go": "го", "ra": "ра", "tse": "це", "nin": "нин"}

// zipf draws ranks in [0, n) with probability proportional to 1/(rank+1)^s.
type zipf struct {
	cdf []float64
	r   *rand.Rand
}

func newZipf(r *rand.Rand, n int, s float64) *zipf {
	z := &zipf{cdf: make([]float64, n), r: r}
	sum := 0.0
	for i := range n {
		sum += 1 / math.Pow(float64(i+1), s)
		z.cdf[i] = sum
	}
	for i := range z.cdf {
		z.cdf[i] /= sum
	}
	return z
}

func (z *zipf) next() int {
	u := z.r.Float64()
	lo, hi := 0, len(z.cdf)-1
	for lo < hi {
		m := (lo + hi) / 2
		if z.cdf[m] < u {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Generate calls emit with every quad of the archive, in a fixed order.
func Generate(c Config, emit func(rdf.Quad)) {
	r := rand.New(rand.NewPCG(c.Seed, 7))
	gaz := rdf.IRI(Base + "gazetteer")
	nEnt := c.Persons + c.Others
	// Entity descriptions.
	for i := range nEnt {
		e := Entity(c, i)
		var class rdf.IRI
		switch {
		case i < c.Persons:
			class = vocab.SchemaPerson
		case i%3 == 0:
			class = vocab.SchemaOrganization
		case i%3 == 1:
			class = vocab.SchemaPlace
		default:
			class = vocab.SchemaEvent
		}
		en, ru := "", ""
		for k := range 2 + r.IntN(3) {
			s := syllables[r.IntN(len(syllables))]
			if k == 0 {
				en += string(s[0]-'a'+'A') + s[1:]
			} else {
				en += s
			}
			ru += cyr[s]
		}
		en = fmt.Sprintf("%s %d", en, i)
		ru = fmt.Sprintf("%s %d", ru, i)
		emit(rdf.Quad{S: e, P: vocab.RDFType, O: class, G: gaz})
		emit(rdf.Quad{S: e, P: vocab.RDFSLabel, O: rdf.NewLangString(en, "en"), G: gaz})
		emit(rdf.Quad{S: e, P: vocab.RDFSLabel, O: rdf.NewLangString(ru, "ru"), G: gaz})
		emit(rdf.Quad{S: e, P: vocab.SKOSPrefLabel, O: rdf.NewLangString(en, "en"), G: gaz})
		if r.IntN(3) == 0 {
			emit(rdf.Quad{S: e, P: vocab.SKOSAltLabel, O: rdf.NewString(en + "a"), G: gaz})
		}
		if i < c.Persons && i%10 == 3 {
			emit(rdf.Quad{S: e, P: vocab.DGPseudonym, O: rdf.NewString(Pseudonym(i)), G: gaz})
			emit(rdf.Quad{S: e, P: vocab.SKOSAltLabel, O: rdf.NewString(Pseudonym(i)), G: gaz})
		}
		emit(rdf.Quad{S: e, P: vocab.DGLinked, O: rdf.NewTyped("true", vocab.XSDBoolean), G: gaz})
	}
	people := newZipf(r, c.Persons, 1.0)
	mentioned := newZipf(r, nEnt, 1.05)
	relations := []rdf.IRI{vocab.DGOpposes, vocab.DGSupports, vocab.DGInforms, vocab.DGRequests, vocab.DGProposes}
	for d := range c.Documents {
		doc := rdf.IRI(fmt.Sprintf("%sdoc/d%d", Base, d))
		g := doc
		add := func(s rdf.Term, p rdf.IRI, o rdf.Term) { emit(rdf.Quad{S: s, P: p, O: o, G: g}) }
		kind := kinds[r.IntN(len(kinds))]
		add(doc, vocab.RDFType, vocab.SchemaArchiveComponent)
		add(doc, vocab.RDFType, vocab.RICORecord)
		if kind != "report" && kind != "conversation" {
			add(doc, vocab.RDFType, vocab.SchemaMessage)
		}
		add(doc, vocab.DCType, rdf.IRI(vocab.DG+kind))
		day := r.IntN(365 * 12)
		date := fmt.Sprintf("%04d-%02d-%02d", 1945+day/365, 1+day%365/31%12, 1+day%31%28)
		add(doc, vocab.DCDate, rdf.NewTyped(date, vocab.XSDDate))
		add(doc, vocab.DCLanguage, rdf.NewString([]string{"ru", "en", "zh"}[r.IntN(3)]))
		add(doc, vocab.DCIdentifier, rdf.NewString(fmt.Sprint(100000+d)))
		add(doc, vocab.DCSource, rdf.IRI(fmt.Sprintf("https://digitalarchive.example.org/document/%d", 100000+d)))
		creator := people.next()
		recipient := people.next()
		for recipient == creator {
			recipient = people.next()
		}
		add(doc, vocab.DCTitle, rdf.NewLangString(fmt.Sprintf("%s from person %d to person %d", kind, creator, recipient), "en"))
		add(doc, vocab.DCCreator, Person(creator))
		add(doc, vocab.SchemaRecipient, Person(recipient))
		if r.IntN(8) == 0 {
			add(doc, vocab.SchemaRecipient, Person(people.next()))
		}
		add(doc, vocab.SchemaMentions, Person(creator))
		add(doc, vocab.SchemaMentions, Person(recipient))
		for range 3 + r.IntN(6) {
			add(doc, vocab.SchemaMentions, Entity(c, mentioned.next()))
		}
		if r.IntN(2) == 0 {
			claim := rdf.IRI(fmt.Sprintf("%sclaim/c%d", Base, d))
			add(claim, vocab.RDFType, vocab.DGClaim)
			add(claim, vocab.RDFSubject, Person(creator))
			add(claim, vocab.RDFPredicate, relations[r.IntN(len(relations))])
			add(claim, vocab.RDFObject, Entity(c, mentioned.next()))
			add(claim, vocab.PROVWasAttributedTo, Person(creator))
			add(claim, vocab.PROVWasDerivedFrom, doc)
			add(claim, vocab.DGConfidence, rdf.NewTyped(fmt.Sprintf("0.%d", 5+r.IntN(5)), vocab.XSDDecimal))
		}
	}
}

// Query is one of the measured queries.
type Query struct {
	Name, Title, Text string
}

// Prefixes are declared before each query, so every engine reads the same text.
var Prefixes = vocab.SPARQLPrefixes("rdf", "rdfs", "xsd", "skos", "dcterms", "schema", "dg") +
	"PREFIX p: <https://archive.example.org/person/>\nPREFIX e: <https://archive.example.org/entity/>\n"

// Queries are the six exploration queries, over the Default archive.
var Queries = []Query{
	{"q1", "letters sent by a person, by date", `SELECT ?d ?date ?title WHERE {
  ?p dg:pseudonym "Filippov-3" .
  ?d dcterms:creator ?p ; dcterms:date ?date ; dcterms:title ?title .
} ORDER BY ?date`},
	{"q2", "top 20 co-mentions", `SELECT ?other ?name (COUNT(?d) AS ?n) WHERE {
  ?d schema:mentions p:p1 , ?other .
  FILTER(?other != p:p1)
  ?other rdfs:label ?name FILTER(lang(?name) = "en")
} GROUP BY ?other ?name ORDER BY DESC(?n) ?name LIMIT 20`},
	{"q3", "correspondence pairs with counts", `SELECT ?from ?to (COUNT(?d) AS ?n) WHERE {
  ?d dcterms:creator ?from ; schema:recipient ?to .
} GROUP BY ?from ?to`},
	{"q4", "documents mentioning two entities between two dates", `SELECT ?d ?date WHERE {
  ?d schema:mentions p:p2 , p:p9 ; dcterms:date ?date .
  FILTER(?date >= "1948-01-01"^^xsd:date && ?date < "1953-01-01"^^xsd:date)
} ORDER BY ?date`},
	{"q5", "two-hop correspondents", `SELECT DISTINCT ?c WHERE {
  ?d1 dcterms:creator p:p7 ; schema:recipient ?b .
  ?d2 dcterms:creator ?b ; schema:recipient ?c .
  FILTER(?c != p:p7)
}`},
	{"q6", "label search with CONTAINS and OPTIONAL altLabel", `SELECT ?e ?label ?alt WHERE {
  ?e rdfs:label ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), "shaka"))
  OPTIONAL { ?e skos:altLabel ?alt }
}`},
}
