package vocab

import (
	"strings"

	"github.com/docgraph/docgraph/rdf"
)

// Terms of the curation layer: corrections a historian makes to the graph,
// each a dg:Correction of one kind in the store's curation graph.
const (
	DGCorrection rdf.IRI = DG + "Correction"

	DGMerge            rdf.IRI = DG + "Merge"
	DGKeepApart        rdf.IRI = DG + "KeepApart"
	DGLinkWikidata     rdf.IRI = DG + "LinkWikidata"
	DGUnlinkWikidata   rdf.IRI = DG + "UnlinkWikidata"
	DGRename           rdf.IRI = DG + "Rename"
	DGAddLabel         rdf.IRI = DG + "AddLabel"
	DGRetype           rdf.IRI = DG + "Retype"
	DGRejectClaim      rdf.IRI = DG + "RejectClaim"
	DGConfirmClaim     rdf.IRI = DG + "ConfirmClaim"
	DGEditClaim        rdf.IRI = DG + "EditClaim"
	DGAddClaim         rdf.IRI = DG + "AddClaim"
	DGAddMention       rdf.IRI = DG + "AddMention"
	DGConfirmPseudonym rdf.IRI = DG + "ConfirmPseudonym"
	DGDisputePseudonym rdf.IRI = DG + "DisputePseudonym"
	DGUndo             rdf.IRI = DG + "Undo"
	DGExtractedGraph   rdf.IRI = DG + "ExtractedGraph"

	DGTarget         rdf.IRI = DG + "target"
	DGOther          rdf.IRI = DG + "other"
	DGInDocument     rdf.IRI = DG + "inDocument"
	DGClaimSubject   rdf.IRI = DG + "claimSubject"
	DGClaimRelation  rdf.IRI = DG + "claimRelation"
	DGClaimObject    rdf.IRI = DG + "claimObject"
	DGNewSubject     rdf.IRI = DG + "newSubject"
	DGNewRelation    rdf.IRI = DG + "newRelation"
	DGNewObject      rdf.IRI = DG + "newObject"
	DGNewLabel       rdf.IRI = DG + "newLabel"
	DGNewClass       rdf.IRI = DG + "newClass"
	DGWikidata       rdf.IRI = DG + "wikidata"
	DGUndoes         rdf.IRI = DG + "undoes"
	DGCuratedBy      rdf.IRI = DG + "curatedBy"
	DGIdentification rdf.IRI = DG + "identification"
	DGDigest         rdf.IRI = DG + "digest"
	DGTouches        rdf.IRI = DG + "touches"

	PROVGeneratedAtTime rdf.IRI = PROV + "generatedAtTime"
	PROVAgent           rdf.IRI = PROV + "Agent"
)

// Curation is the named graph that holds the store's corrections.
func (m Minter) Curation() rdf.IRI { return rdf.IRI(m.Base + "curation") }

// Correction returns the IRI of a correction with the given key (a hash).
func (m Minter) Correction(key string) rdf.IRI { return rdf.IRI(m.Base + "correction/" + key) }

// Curator returns the IRI of a curator, from the name they sign with.
func (m Minter) Curator(name string) rdf.IRI { return rdf.IRI(m.Base + "curator/" + Slug(name)) }

// ExtractedSuffix ends the name of the graph that keeps what the extractor
// alone said of a graph that corrections change: <doc>/extracted.
const ExtractedSuffix = "/extracted"

// Extracted names the graph holding the uncorrected statements of g.
func Extracted(g rdf.IRI) rdf.IRI { return g + ExtractedSuffix }

// IsExtracted reports whether g is such a graph, and names the graph it shadows.
func IsExtracted(g rdf.Term) (rdf.IRI, bool) {
	iri, ok := g.(rdf.IRI)
	if !ok || !strings.HasSuffix(string(iri), ExtractedSuffix) {
		return "", false
	}
	return iri[:len(iri)-len(ExtractedSuffix)], true
}
