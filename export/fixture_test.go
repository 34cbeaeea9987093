package export

import (
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// The fixture graph: a small export with every case the writers must get
// right. Quads are in a plausible store order, grouped by graph and subject,
// except that one subject comes back later and one triple sits in two graphs.
const fixBase = "http://example.org/docgraph/"

var (
	fixDoc      = rdf.IRI(fixBase + "doc/113644")
	fixDoc2     = rdf.IRI(fixBase + "doc/2")
	fixGaz      = rdf.IRI(fixBase + "gazetteer")
	fixStalin   = rdf.IRI(fixBase + "person/joseph-stalin")
	fixMao      = rdf.IRI(fixBase + "person/毛泽东")
	fixUSSR     = rdf.IRI(fixBase + "country/soviet-union")
	fixProposal = rdf.IRI(fixBase + "proposal/mexican-proposal")
	fixClaim    = rdf.IRI(fixBase + "claim/3f2a")
	fixArchive  = rdf.IRI(fixBase + "archive/aprf")
)

func typed(lex string, dt rdf.IRI) rdf.Literal { return rdf.NewTyped(lex, dt) }

// fixtureQuads returns the fixture; each call gives a fresh slice.
func fixtureQuads() []rdf.Quad {
	ref := rdf.BlankNode("ref1")
	orig := rdf.BlankNode("v.orig") // a '.' inside a label is valid
	odd := rdf.BlankNode("1 odd/label")
	q := func(s, p, o, g rdf.Term) rdf.Quad { return rdf.Quad{S: s, P: p, O: o, G: g} }
	return []rdf.Quad{
		// The default graph: facts about the export itself.
		q(rdf.IRI(fixBase), vocab.RDFSComment, rdf.NewLangString("docgraph test export", "en"), nil),

		// A document graph.
		q(fixDoc, vocab.RDFType, vocab.SchemaArchiveComponent, fixDoc),
		q(fixDoc, vocab.RDFType, vocab.SchemaMessage, fixDoc),
		q(fixDoc, vocab.RDFType, vocab.RICORecord, fixDoc),
		q(fixDoc, vocab.DCType, vocab.KindIRI("telegram"), fixDoc),
		q(fixDoc, vocab.DCTitle, rdf.NewLangString("Telegram from Filippov (Stalin) to Mao Zedong", "en"), fixDoc),
		q(fixDoc, vocab.DCTitle, rdf.NewLangString("Телеграмма Филиппова (Сталина) Мао Цзэдуну", "ru"), fixDoc),
		q(fixDoc, vocab.DCDate, typed("1949-01-14", vocab.XSDDate), fixDoc),
		q(fixDoc, vocab.DCLanguage, rdf.NewString("ru"), fixDoc),
		q(fixDoc, vocab.DCCreator, fixStalin, fixDoc),
		q(fixDoc, vocab.SchemaRecipient, fixMao, fixDoc),
		q(fixDoc, vocab.SchemaMentions, fixUSSR, fixDoc),
		q(fixDoc, vocab.SchemaMentions, fixProposal, fixDoc),
		q(fixDoc, vocab.DCAbstract, rdf.NewString("Stalin writes: \"the \\\"Mexican\\\" proposal\"\nis unacceptable;\n\ttabs, a lone \\ and \"\"\"three quotes\"\"\" end with a quote\""), fixDoc),
		q(fixDoc, vocab.DCIdentifier, typed("01", vocab.XSDInteger), fixDoc),
		q(fixDoc, vocab.DCBibliographicCitation, rdf.NewString("APRF, f. 45, op. 1, d. 330, ll. 97-98"), fixDoc),
		q(fixDoc, vocab.DGArchivalReference, ref, fixDoc),
		q(fixDoc, vocab.DCHasPart, orig, fixDoc),
		q(ref, vocab.DGArchive, fixArchive, fixDoc),
		q(ref, vocab.DGFond, rdf.NewString("45"), fixDoc),
		q(ref, vocab.DGDelo, rdf.NewString("059a"), fixDoc),
		q(ref, vocab.DGFolios, rdf.NewString("97-98"), fixDoc),
		q(orig, vocab.DCLanguage, rdf.NewString("ru"), fixDoc),
		q(orig, vocab.DGRole, rdf.NewString(vocab.RoleOriginal), fixDoc),
		q(fixClaim, vocab.RDFType, vocab.DGClaim, fixDoc),
		q(fixClaim, vocab.RDFType, vocab.RDFStatement, fixDoc),
		q(fixClaim, vocab.RDFSubject, fixUSSR, fixDoc),
		q(fixClaim, vocab.RDFPredicate, vocab.DGOpposes, fixDoc),
		q(fixClaim, vocab.RDFObject, fixProposal, fixDoc),
		q(fixClaim, vocab.PROVWasAttributedTo, fixStalin, fixDoc),
		q(fixClaim, vocab.PROVWasDerivedFrom, fixDoc, fixDoc),
		q(fixClaim, vocab.DGEvidence, rdf.NewLangString("the delegation of the USSR will reject this proposal", "en"), fixDoc),
		q(fixClaim, vocab.DGConfidence, typed("0.9", vocab.XSDDecimal), fixDoc),
		q(fixClaim, vocab.DGEvidenceStart, typed("120", vocab.XSDInteger), fixDoc),
		q(fixClaim, vocab.DGEvidenceEnd, typed("+171", vocab.XSDInteger), fixDoc),
		q(fixProposal, vocab.RDFType, vocab.DGProposal, fixDoc),
		q(fixProposal, vocab.RDFSLabel, rdf.NewLangString("Mexican proposal", "en"), fixDoc),
		q(fixProposal, vocab.DGLinked, typed("false", vocab.XSDBoolean), fixDoc),

		// Another document graph; the proposal's linked flag is in both.
		q(fixDoc2, vocab.RDFType, vocab.SchemaArchiveComponent, fixDoc2),
		q(fixDoc2, vocab.DCDate, typed("1949-01", vocab.XSDGYearMonth), fixDoc2),
		q(fixDoc2, vocab.DCTitle, rdf.NewLangString("毛泽东致斯大林电", "zh"), fixDoc2),
		q(fixDoc2, vocab.SchemaMentions, fixProposal, fixDoc2),
		q(fixDoc2, vocab.DGConfidence, typed("0.50", vocab.XSDDecimal), fixDoc2),
		q(fixDoc2, vocab.DGUploaded, typed("1", vocab.XSDBoolean), fixDoc2),
		q(fixDoc2, rdf.IRI(vocab.DG+"1950s"), typed("1e3", vocab.XSDDouble), fixDoc2),
		q(fixDoc2, rdf.IRI(vocab.DG+"note.draft."), rdf.NewString("a local name ending in a dot"), fixDoc2),
		q(fixDoc2, rdf.IRI(vocab.DG+"-lead"), rdf.NewString("a local name starting with a dash"), fixDoc2),
		q(fixDoc2, rdf.IRI(vocab.Schema+"name(s)"), rdf.NewString("parentheses need escapes"), fixDoc2),
		q(fixDoc2, rdf.IRI(vocab.DG+"version1.2"), rdf.NewString("a dot inside a local name"), fixDoc2),
		q(fixDoc2, rdf.IRI(vocab.DG+"标题"), rdf.NewLangString("非ASCII的本地名", "zh"), fixDoc2),
		q(fixDoc2, vocab.DCSource, rdf.IRI("https://digitalarchive.wilsoncenter.org/document/113644?lang=ru#p2"), fixDoc2),
		q(fixDoc2, vocab.DCSubject, rdf.IRI(vocab.Schema), fixDoc2),
		q(fixDoc2, vocab.DGAssociated, odd, fixDoc2),
		q(odd, vocab.RDFSLabel, rdf.NewString("blank node with a label Turtle cannot carry"), fixDoc2),
		q(fixProposal, vocab.DGLinked, typed("false", vocab.XSDBoolean), fixDoc2),

		// The gazetteer graph.
		q(fixStalin, vocab.RDFType, vocab.SchemaPerson, fixGaz),
		q(fixStalin, vocab.RDFSLabel, rdf.NewLangString("Joseph Stalin", "en"), fixGaz),
		q(fixStalin, vocab.RDFSLabel, rdf.NewLangString("Иосиф Виссарионович Сталин", "ru"), fixGaz),
		q(fixStalin, vocab.RDFSLabel, rdf.NewLangString("斯大林", "zh"), fixGaz),
		q(fixStalin, vocab.SKOSAltLabel, rdf.NewString("Filippov"), fixGaz),
		q(fixStalin, vocab.DGPseudonym, rdf.NewString("Filippov"), fixGaz),
		q(fixStalin, vocab.OWLSameAs, rdf.IRI(vocab.WD+"Q855"), fixGaz),
		q(fixMao, vocab.RDFType, vocab.SchemaPerson, fixGaz),
		q(fixMao, vocab.RDFSLabel, rdf.NewLangString("毛泽东", "zh"), fixGaz),
		q(fixMao, vocab.RDFSLabel, rdf.NewLangString("Mao Zedong", "en"), fixGaz),
		q(fixMao, vocab.OWLSameAs, rdf.IRI(vocab.WD+"Q5816"), fixGaz),
		q(fixUSSR, vocab.RDFType, vocab.SchemaCountry, fixGaz),
		q(fixUSSR, vocab.SKOSPrefLabel, rdf.NewLangString("Soviet Union", "en"), fixGaz),
		q(fixUSSR, vocab.SKOSPrefLabel, rdf.NewLangString("Союз Советских Социалистических Республик", "ru"), fixGaz),
		q(fixUSSR, vocab.SKOSAltLabel, rdf.NewLangString("СССР", "ru"), fixGaz),
		q(fixUSSR, vocab.SKOSAltLabel, rdf.NewString("USSR"), fixGaz),
		q(fixArchive, vocab.RDFType, vocab.SchemaArchiveOrganization, fixGaz),
		q(fixArchive, vocab.RDFSLabel, rdf.NewLangString("Архив Президента Российской Федерации", "ru"), fixGaz),
		q(fixArchive, vocab.SKOSNote, rdf.NewString("first line\r\nsecond line with a \\ backslash\nthird \"quoted\" line"), fixGaz),

		// The first document's subject comes back after other subjects.
		q(fixDoc, vocab.DGSourceFile, rdf.NewString("113644.md"), fixDoc),
	}
}
