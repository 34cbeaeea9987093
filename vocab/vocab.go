// Package vocab holds the namespaces docgraph writes, the terms of its own
// dg: ontology (published as Turtle, embedded here), the JSON-LD context, the
// gazetteer of known entities, and the rules that mint stable IRIs.
//
// The linked-data contract these terms implement is ../shared/MODEL.md.
package vocab

import (
	"slices"
	"strings"

	"github.com/docgraph/docgraph/rdf"
)

// Namespace IRIs.
const (
	RDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS    = "http://www.w3.org/2000/01/rdf-schema#"
	OWL     = "http://www.w3.org/2002/07/owl#"
	XSD     = "http://www.w3.org/2001/XMLSchema#"
	SKOS    = "http://www.w3.org/2004/02/skos/core#"
	DCTerms = "http://purl.org/dc/terms/"
	Schema  = "http://schema.org/"
	PROV    = "http://www.w3.org/ns/prov#"
	WD      = "http://www.wikidata.org/entity/"
	RICO    = "https://www.ica.org/standards/RiC/ontology#"
	// DG is the project's own vocabulary. It is fixed, whatever base the
	// store mints its IRIs under.
	DG = "https://w3id.org/docgraph/ns#"
)

// Prefix is one entry of the prefix table.
type Prefix struct {
	Name string
	IRI  string
}

// Prefixes is the ordered prefix table shared by Turtle output, the JSON-LD
// context and SPARQL's predeclared prefixes.
var Prefixes = []Prefix{
	{"rdf", RDF},
	{"rdfs", RDFS},
	{"owl", OWL},
	{"xsd", XSD},
	{"skos", SKOS},
	{"dcterms", DCTerms},
	{"schema", Schema},
	{"prov", PROV},
	{"wd", WD},
	{"rico", RICO},
	{"dg", DG},
}

// SPARQLPrefixes writes a PREFIX declaration for each named entry of
// Prefixes, in the table's order (all of them when none is named), for
// query texts that other engines, which know none of docgraph's
// predeclared prefixes, must read as docgraph does.
func SPARQLPrefixes(names ...string) string {
	var b strings.Builder
	for _, p := range Prefixes {
		if len(names) > 0 && !slices.Contains(names, p.Name) {
			continue
		}
		b.WriteString("PREFIX " + p.Name + ": <" + p.IRI + ">\n")
	}
	return b.String()
}

// Terms of the standard vocabularies that docgraph writes.
const (
	RDFType      rdf.IRI = RDF + "type"
	RDFStatement rdf.IRI = RDF + "Statement"
	RDFSubject   rdf.IRI = RDF + "subject"
	RDFPredicate rdf.IRI = RDF + "predicate"
	RDFObject    rdf.IRI = RDF + "object"

	RDFSLabel         rdf.IRI = RDFS + "label"
	RDFSComment       rdf.IRI = RDFS + "comment"
	RDFSSeeAlso       rdf.IRI = RDFS + "seeAlso"
	RDFSSubClassOf    rdf.IRI = RDFS + "subClassOf"
	RDFSSubPropertyOf rdf.IRI = RDFS + "subPropertyOf"

	OWLSameAs rdf.IRI = OWL + "sameAs"

	XSDString     rdf.IRI = XSD + "string"
	XSDBoolean    rdf.IRI = XSD + "boolean"
	XSDInteger    rdf.IRI = XSD + "integer"
	XSDDecimal    rdf.IRI = XSD + "decimal"
	XSDDouble     rdf.IRI = XSD + "double"
	XSDDate       rdf.IRI = XSD + "date"
	XSDDateTime   rdf.IRI = XSD + "dateTime"
	XSDGYearMonth rdf.IRI = XSD + "gYearMonth"
	XSDGYear      rdf.IRI = XSD + "gYear"

	SKOSPrefLabel rdf.IRI = SKOS + "prefLabel"
	SKOSAltLabel  rdf.IRI = SKOS + "altLabel"
	SKOSConcept   rdf.IRI = SKOS + "Concept"
	SKOSNote      rdf.IRI = SKOS + "note"

	DCTitle                 rdf.IRI = DCTerms + "title"
	DCAbstract              rdf.IRI = DCTerms + "abstract"
	DCDate                  rdf.IRI = DCTerms + "date"
	DCType                  rdf.IRI = DCTerms + "type"
	DCLanguage              rdf.IRI = DCTerms + "language"
	DCCreator               rdf.IRI = DCTerms + "creator"
	DCHasPart               rdf.IRI = DCTerms + "hasPart"
	DCSource                rdf.IRI = DCTerms + "source"
	DCIdentifier            rdf.IRI = DCTerms + "identifier"
	DCBibliographicCitation rdf.IRI = DCTerms + "bibliographicCitation"
	DCSubject               rdf.IRI = DCTerms + "subject"
	DCReferences            rdf.IRI = DCTerms + "references"

	SchemaArchiveComponent    rdf.IRI = Schema + "ArchiveComponent"
	SchemaArchiveOrganization rdf.IRI = Schema + "ArchiveOrganization"
	SchemaMessage             rdf.IRI = Schema + "Message"
	SchemaPerson              rdf.IRI = Schema + "Person"
	SchemaOrganization        rdf.IRI = Schema + "Organization"
	SchemaCountry             rdf.IRI = Schema + "Country"
	SchemaPlace               rdf.IRI = Schema + "Place"
	SchemaEvent               rdf.IRI = Schema + "Event"
	SchemaRecipient           rdf.IRI = Schema + "recipient"
	SchemaMentions            rdf.IRI = Schema + "mentions"
	SchemaTranslator          rdf.IRI = Schema + "translator"
	SchemaText                rdf.IRI = Schema + "text"
	SchemaDescription         rdf.IRI = Schema + "description"
	SchemaAddressCountry      rdf.IRI = Schema + "addressCountry"

	PROVWasAttributedTo rdf.IRI = PROV + "wasAttributedTo"
	PROVWasDerivedFrom  rdf.IRI = PROV + "wasDerivedFrom"

	RICORecord rdf.IRI = RICO + "Record"
)

// Terms of the dg: ontology. ontology.ttl documents each of them.
const (
	DGProposal    rdf.IRI = DG + "Proposal"
	DGClaim       rdf.IRI = DG + "Claim"
	DGArchivalRef rdf.IRI = DG + "ArchivalReference"
	DGTextVersion rdf.IRI = DG + "TextVersion"
	DGPublication rdf.IRI = DG + "Publication"

	DGVia               rdf.IRI = DG + "via"
	DGRole              rdf.IRI = DG + "role"
	DGArchivalReference rdf.IRI = DG + "archivalReference"
	DGArchive           rdf.IRI = DG + "archive"
	DGFond              rdf.IRI = DG + "fond"
	DGOpis              rdf.IRI = DG + "opis"
	DGDelo              rdf.IRI = DG + "delo"
	DGPapka             rdf.IRI = DG + "papka"
	DGFolios            rdf.IRI = DG + "folios"
	DGReference         rdf.IRI = DG + "reference"
	DGPublishedIn       rdf.IRI = DG + "publishedIn"
	DGPseudonym         rdf.IRI = DG + "pseudonym"
	DGPseudonymUse      rdf.IRI = DG + "pseudonymUse"
	DGAlias             rdf.IRI = DG + "alias"
	DGStandsFor         rdf.IRI = DG + "standsFor"
	DGLinked            rdf.IRI = DG + "linked"
	DGLinkMethod        rdf.IRI = DG + "linkMethod"
	SchemaJobTitle      rdf.IRI = Schema + "jobTitle"
	DGEvidence          rdf.IRI = DG + "evidence"
	DGEvidenceIn        rdf.IRI = DG + "evidenceIn"
	DGEvidenceStart     rdf.IRI = DG + "evidenceStart"
	DGEvidenceEnd       rdf.IRI = DG + "evidenceEnd"
	DGConfidence        rdf.IRI = DG + "confidence"
	DGPartOf            rdf.IRI = DG + "partOf"
	DGAssociated        rdf.IRI = DG + "associated"
	DGSourceFile        rdf.IRI = DG + "sourceFile"
	DGUploaded          rdf.IRI = DG + "uploaded"
	DGInReplyTo         rdf.IRI = DG + "inReplyTo"

	DGAgreesWith rdf.IRI = DG + "agreesWith"
	DGOpposes    rdf.IRI = DG + "opposes"
	DGProposes   rdf.IRI = DG + "proposes"
	DGSupports   rdf.IRI = DG + "supports"
	DGRequests   rdf.IRI = DG + "requests"
	DGInforms    rdf.IRI = DG + "informs"
	DGAccuses    rdf.IRI = DG + "accuses"
	DGAlliedWith rdf.IRI = DG + "alliedWith"
	DGMeets      rdf.IRI = DG + "meets"
	DGVisits     rdf.IRI = DG + "visits"
)

// Kinds are the document kinds; each is a dg: concept whose local name is the kind.
var Kinds = []string{"letter", "telegram", "cable", "conversation", "report", "note",
	"memorandum", "resolution", "directive", "speech", "minutes", "working_notes", "transcript", "diary", "other"}

// KindIRI returns the dg: concept for a document kind.
func KindIRI(kind string) rdf.IRI { return rdf.IRI(DG + kind) }

// Roles of a document's text versions (dg:role values).
const (
	RoleOriginal      = "original"
	RoleTranscription = "transcription"
	RoleTranslation   = "translation"
)

// ClaimRelations maps the gold schema's relation names to dg: predicates.
var ClaimRelations = map[string]rdf.IRI{
	"agrees_with": DGAgreesWith,
	"opposes":     DGOpposes,
	"proposes":    DGProposes,
	"supports":    DGSupports,
	"requests":    DGRequests,
	"informs":     DGInforms,
	"accuses":     DGAccuses,
	"allied_with": DGAlliedWith,
	"meets":       DGMeets,
	"visits":      DGVisits,
}

// Compact returns the prefixed name of iri ("dg:opposes") when a prefix of the
// table covers it and the local part is a plain name, else "".
func Compact(iri rdf.IRI) string {
	s := string(iri)
	for _, p := range Prefixes {
		if len(s) > len(p.IRI) && s[:len(p.IRI)] == p.IRI && plainLocal(s[len(p.IRI):]) {
			return p.Name + ":" + s[len(p.IRI):]
		}
	}
	return ""
}

func plainLocal(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		case i > 0 && (r >= '0' && r <= '9' || r == '-'):
		default:
			return false
		}
	}
	return s != "" && s[len(s)-1] != '.'
}
