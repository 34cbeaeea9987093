// Package extract turns one archival document into what docgraph knows of
// it: metadata, archival references, text versions, entity mentions,
// pseudonyms and attributed claims with evidence. It writes nothing; the
// ingest command stores Result.Quads.
package extract

import "strconv"

// Result is everything extracted from one document.
type Result struct {
	File     string // the path the document was read from, as given
	ID       string // record id where the document has one, else the file's stem
	Layout   string // "markdown", "page", "site", "pdftext" or "plain"
	Title    string
	Date     string // ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY; "" when unknown
	Kind     string // one of vocab.Kinds; "" when unknown
	Language string // ISO 639-1 code of the original language; "" when unknown
	Summary  string
	Source   string // the record's URL
	Citation string // the full citation text
	Uploaded string // "Original Uploaded Date", ISO 8601

	Authors    []EntityRef
	Recipients []EntityRef
	Via        []EntityRef
	Translator []EntityRef

	Aliases     []Alias
	ArchivalRef []ArchivalRef
	// Publications are the published works the citation names.
	Publications []Publication
	Associated   []EntityRef // the archive's "Associated …" lists, resolved where possible
	Subjects     []string    // "Subjects Discussed"

	Versions []Version
	Entities []Entity // every entity mentioned, once each
	Claims   []Claim
	// Cites are the earlier messages the document names ("Your telegram of
	// 8 September", "my No 2390"), those it answers marked Reply.
	Cites []Cite

	Warnings []Diagnostic
}

// EntityRef names an entity by class and canonical name (the gazetteer's
// name, or the name as found for unlinked entities).
type EntityRef struct {
	Class string // vocab.ClassPerson, …
	Name  string
}

// Entity is one entity the document mentions.
type Entity struct {
	EntityRef
	Wikidata string     // Q-id, "" when not certain
	Linked   bool       // known to the gazetteer
	Labels   []Label    // the names the document uses for it
	Mentions []Span     // where it is mentioned
	PartOf   *EntityRef // for a numbered point of a proposal
	// Texts are what a proposal or a point of one says, per language
	// version, as the document words it.
	Texts []Label
	// Roles are the titles the document writes before the name ("First
	// Secretary", "Ambassador").
	Roles []string
	// LinkMethod is how the entity was tied to its gazetteer entry (one of
	// the Link… constants; "" when not linked).
	LinkMethod string
	// Blocked names the gazetteer person a name was kept apart from because
	// its given name or initials contradict the gazetteer's.
	Blocked string
}

// Label is a name in a language.
type Label struct {
	Text string
	Lang string
}

// Alias records that the document uses a pseudonym for a person.
type Alias struct {
	Alias string
	Of    EntityRef
}

// ArchivalRef is one archive's reference to the document. Fields hold the
// text as cited ("059a", "97-103"); Reference is free text for archives that
// do not cite by fond/opis/delo.
type ArchivalRef struct {
	Archive string // the archive's abbreviation ("APRF"), or its name as cited when it is not a known archive
	// ArchiveID is the known archive's slug in vocab's archive table
	// ("aprf"); "" for an archive the table lacks.
	ArchiveID                       string
	Fond, Opis, Delo, Papka, Folios string
	Reference                       string
}

// Publication is a published work the citation names as printing the
// document (a bulletin issue, a volume of documents): a bibliographic
// source, not an archive.
type Publication struct {
	Title     string
	Reference string // the rest of its citation: editors, volume, pages
}

// Version is one version of the document's text.
type Version struct {
	Role string // vocab.RoleOriginal, RoleTranscription, RoleTranslation
	Lang string // detected from the text
	Text string
	// Line and Col of the version's first character in the file, 1-based.
	Line, Col int
}

// Span locates text in a version: Start and End are offsets in characters
// (Unicode code points) into Versions[Version].Text.
type Span struct {
	Version    int
	Start, End int
}

// Claim is a statement the author makes, with its evidence.
type Claim struct {
	Subject    EntityRef
	Relation   string // a key of vocab.ClaimRelations: "agrees_with", "opposes", …
	Object     EntityRef
	Attributed EntityRef // the author the claim is attributed to
	Evidence   string    // the exact sentence
	Span       Span      // the sentence's place
	Confidence float64
	// Aligned is the same statement in the document's other versions (the
	// original's sentence for a claim read in the translation).
	Aligned []Evidence
	// When is the date the evidence gives a meeting or a visit, ISO 8601.
	When string
}

// Evidence is a sentence of a version, at its place.
type Evidence struct {
	Text string
	Span Span
}

// Diagnostic is a problem found in the input, at a position.
type Diagnostic struct {
	File      string
	Line, Col int
	Msg       string
}

func (d Diagnostic) Error() string {
	switch {
	case d.Line > 0 && d.Col > 0:
		return d.File + ":" + strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Col) + ": " + d.Msg
	case d.Line > 0:
		return d.File + ":" + strconv.Itoa(d.Line) + ": " + d.Msg
	}
	return d.File + ": " + d.Msg
}

// Cite is an earlier message a document names, as the text names it.
type Cite struct {
	Reply  bool      // the document answers it
	Kind   string    // "telegram", "letter", "note", "message", …
	Date   string    // ISO 8601, "" when not given
	Number string    // its number, "" when not given
	Author EntityRef // who sent it
	Text   string    // the words that name it
	Span   Span
}
