// Package claim finds the statements an archival document's author makes
// (agreement, opposition, proposals, support, requests, information,
// accusations, alliances, meetings and visits) and attributes each to the
// author with the sentence that carries it as evidence. It works on the
// versions and entity mentions the extractor has already found and imports
// only the standard library.
package claim

// Mention is one entity mention: Start and End are offsets in code points
// into Versions[Version].Text; Name is the canonical entity name and Class
// one of "Person", "Organization", "Country", "Place", "Event", "Proposal".
type Mention struct {
	Version, Start, End int
	Name, Class         string
}

// Version is one version of the document's text. Role is "original",
// "transcription" or "translation"; Lang an ISO 639-1 code.
type Version struct {
	Role, Lang, Text string
}

// Doc is what claim extraction needs to know of a document.
type Doc struct {
	Date                string
	Kind                string
	Authors, Recipients []string
	Versions            []Version
	Mentions            []Mention
}

// Ref names an entity by class and canonical name.
type Ref struct {
	Class, Name string
}

// Claim is one statement the author makes. Evidence is the sentence exactly
// as it stands in Versions[Version].Text, Start and End its offsets in code
// points.
type Claim struct {
	Subject             Ref
	Relation            string
	Object              Ref
	Attributed          Ref
	Version, Start, End int
	Evidence            string
	Confidence          float64
}

// Entity is an entity the claims introduce, such as a proposal or a
// numbered point of one (PartOf then names the proposal).
type Entity struct {
	Ref
	PartOf              *Ref
	Version, Start, End int
}

// Result is what Extract finds.
type Result struct {
	Claims   []Claim
	Entities []Entity
}

// Extract returns the claims of d.
func Extract(d Doc) Result {
	return Result{}
}
