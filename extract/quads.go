package extract

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Quads returns the statements of the document's named graph (its name is
// the document's IRI), as ../shared/MODEL.md lists them: the record and its
// kind, dates, language, parties, mentions, text versions, source,
// archival references, translators, the descriptions of entities the
// gazetteer lacks, the pseudonyms the document uses, and the claims with
// their evidence. Entities known to the gazetteer are described in the
// gazetteer graph, not here. The result is sorted, so the same Result
// always gives the same quads in the same order.
func (r *Result) Quads(m vocab.Minter) []rdf.Quad {
	doc := m.Document(r.ID)
	var qs []rdf.Quad
	add := func(s rdf.Term, p rdf.IRI, o rdf.Term) {
		qs = append(qs, rdf.Quad{S: s, P: p, O: o, G: doc})
	}
	ent := func(e EntityRef) rdf.IRI { return m.Entity(e.Class, e.Name) }

	add(doc, vocab.RDFType, vocab.SchemaArchiveComponent)
	add(doc, vocab.RDFType, vocab.RICORecord)
	switch r.Kind {
	case "letter", "telegram", "cable", "note":
		add(doc, vocab.RDFType, vocab.SchemaMessage)
	}
	if r.Kind != "" {
		add(doc, vocab.DCType, vocab.KindIRI(r.Kind))
	}
	if r.Title != "" {
		add(doc, vocab.DCTitle, rdf.NewString(r.Title))
	}
	if r.Summary != "" {
		add(doc, vocab.DCAbstract, rdf.NewString(r.Summary))
	}
	if r.Date != "" {
		add(doc, vocab.DCDate, rdf.NewTyped(r.Date, dateType(r.Date)))
	}
	if r.Language != "" {
		add(doc, vocab.DCLanguage, rdf.NewString(r.Language))
	}
	for _, a := range r.Authors {
		add(doc, vocab.DCCreator, ent(a))
	}
	for _, a := range r.Recipients {
		add(doc, vocab.SchemaRecipient, ent(a))
	}
	for _, a := range r.Via {
		add(doc, vocab.DGVia, ent(a))
	}
	for _, a := range r.Translator {
		add(doc, vocab.SchemaTranslator, ent(a))
		if !r.linked(a) {
			add(ent(a), vocab.RDFType, vocab.SchemaPerson)
			add(ent(a), vocab.RDFSLabel, rdf.NewString(a.Name))
			add(ent(a), vocab.DGLinked, rdf.NewTyped("false", vocab.XSDBoolean))
		}
	}
	if r.Source != "" && webHost(r.Source) {
		if iri, err := rdf.NewIRI(r.Source); err == nil {
			add(doc, vocab.DCSource, iri)
		}
	}
	if r.ID != "" {
		add(doc, vocab.DCIdentifier, rdf.NewString(r.ID))
	}

	// versions
	versions := r.versionIRIs(doc)
	for i, v := range r.Versions {
		n := versions[i]
		add(doc, vocab.DCHasPart, n)
		add(n, vocab.RDFType, vocab.DGTextVersion)
		add(n, vocab.DGRole, rdf.NewString(v.Role))
		if v.Lang != "" {
			add(n, vocab.DCLanguage, rdf.NewString(v.Lang))
		}
		add(n, vocab.SchemaText, rdf.NewLangString(v.Text, v.Lang))
		if v.Role == vocab.RoleTranslation {
			// the translator made this version; the record keeps them too
			for _, a := range r.Translator {
				add(n, vocab.SchemaTranslator, ent(a))
			}
		}
	}

	// archival references
	if r.Citation != "" {
		add(doc, vocab.DCBibliographicCitation, rdf.NewString(r.Citation))
	}
	for i, a := range r.ArchivalRef {
		n := rdf.IRI(string(doc) + "/ref-" + strconv.Itoa(i+1))
		add(doc, vocab.DGArchivalReference, n)
		add(n, vocab.RDFType, vocab.DGArchivalRef)
		switch known := vocab.Archives().BySlug(a.ArchiveID); {
		case known != nil:
			// described in full (names, country, Wikidata) in the
			// gazetteer graph; named here too so the graph reads alone
			arch := m.Archive(known.Slug)
			add(n, vocab.DGArchive, arch)
			add(arch, vocab.RDFType, vocab.SchemaArchiveOrganization)
			add(arch, vocab.RDFSLabel, rdf.NewLangString(known.Name, "en"))
			add(arch, vocab.SKOSAltLabel, rdf.NewLangString(known.Abbr, "en"))
			if known.Country != "" {
				add(arch, vocab.SchemaAddressCountry, m.Entity(vocab.ClassCountry, known.Country))
			}
		case a.Archive != "":
			arch := m.Archive(a.Archive)
			add(n, vocab.DGArchive, arch)
			add(arch, vocab.RDFType, vocab.SchemaArchiveOrganization)
			add(arch, vocab.RDFSLabel, rdf.NewString(a.Archive))
			add(arch, vocab.DGLinked, rdf.NewTyped("false", vocab.XSDBoolean))
		}
		for _, f := range []struct {
			p rdf.IRI
			v string
		}{{vocab.DGFond, a.Fond}, {vocab.DGOpis, a.Opis}, {vocab.DGDelo, a.Delo}, {vocab.DGPapka, a.Papka},
			{vocab.DGFolios, a.Folios}, {vocab.DGReference, a.Reference}} {
			if f.v != "" {
				add(n, f.p, rdf.NewString(f.v))
			}
		}
	}

	// publications: bibliographic sources, not archives
	for i, p := range r.Publications {
		n := rdf.IRI(string(doc) + "/pub-" + strconv.Itoa(i+1))
		add(doc, vocab.DGPublishedIn, n)
		add(n, vocab.RDFType, vocab.DGPublication)
		add(n, vocab.DCTitle, rdf.NewString(p.Title))
		cite := p.Title
		if p.Reference != "" {
			cite += ", " + p.Reference
		}
		add(n, vocab.DCBibliographicCitation, rdf.NewString(cite))
	}

	// entities
	for _, e := range r.Entities {
		s := ent(e.EntityRef)
		add(doc, vocab.SchemaMentions, s)
		for _, r := range e.Roles {
			add(s, vocab.SchemaJobTitle, rdf.NewString(r))
		}
		if e.Linked {
			if e.LinkMethod != "" {
				add(s, vocab.DGLinkMethod, rdf.NewString(e.LinkMethod))
			}
			continue
		}
		add(s, vocab.RDFType, vocab.ClassIRI(e.Class))
		add(s, vocab.RDFSLabel, rdf.NewLangString(e.Name, "en"))
		add(s, vocab.SKOSPrefLabel, rdf.NewLangString(e.Name, "en"))
		add(s, vocab.DGLinked, rdf.NewTyped("false", vocab.XSDBoolean))
		pref := map[string]bool{"en": true}
		for _, l := range e.Labels {
			if l.Text == e.Name || l.Lang == "" {
				continue
			}
			lit := rdf.NewLangString(l.Text, l.Lang)
			if !pref[l.Lang] {
				// one label per language: the first the document uses
				pref[l.Lang] = true
				add(s, vocab.RDFSLabel, lit)
				add(s, vocab.SKOSPrefLabel, lit)
				continue
			}
			add(s, vocab.SKOSAltLabel, lit)
		}
		if e.PartOf != nil {
			add(s, vocab.DGPartOf, ent(*e.PartOf))
		}
		// what the proposal says, in the words of each version
		for _, t := range e.Texts {
			add(s, vocab.SchemaText, rdf.NewLangString(t.Text, t.Lang))
		}
	}

	// pseudonyms the document uses
	for _, a := range r.Aliases {
		person := ent(a.Of)
		// A cover name is the same string whatever language surrounds it:
		// dg:pseudonym and dg:alias are plain literals, so that
		// ?p dg:pseudonym "Filippov" matches; the tagged form is an altLabel.
		lit := rdf.NewString(a.Alias)
		add(person, vocab.DGPseudonym, lit)
		add(person, vocab.SKOSAltLabel, rdf.NewLangString(a.Alias, aliasLang(a.Alias)))
		use := rdf.IRI(string(doc) + "/pseudonym-" + vocab.Slug(a.Alias) + "-" + vocab.Slug(a.Of.Name))
		add(doc, vocab.DGPseudonymUse, use)
		add(use, vocab.DGAlias, lit)
		add(use, vocab.DGStandsFor, person)
		// where the document says so: the title ("Filippov (Stalin) to
		// Mao Zedong"), else the first line that writes the cover name
		// (a signature "FILIPPOV [Stalin]")
		if ev, lang := r.aliasEvidence(a.Alias); ev != "" {
			add(use, vocab.DGEvidence, rdf.NewLangString(ev, lang))
		}
	}

	// earlier messages the document names, and the one it answers
	for i, c := range r.Cites {
		n := rdf.IRI(string(doc) + "/cites-" + strconv.Itoa(i+1))
		add(doc, vocab.DCReferences, n)
		if c.Reply {
			add(doc, vocab.DGInReplyTo, n)
		}
		add(n, vocab.RDFType, vocab.SchemaMessage)
		if slices.Contains(vocab.Kinds, c.Kind) {
			add(n, vocab.DCType, vocab.KindIRI(c.Kind))
		}
		if c.Date != "" {
			add(n, vocab.DCDate, rdf.NewTyped(c.Date, dateType(c.Date)))
		}
		if c.Number != "" {
			add(n, vocab.DCIdentifier, rdf.NewString(c.Number))
		}
		if c.Author.Name != "" {
			add(n, vocab.DCCreator, ent(c.Author))
		}
		add(n, vocab.DCBibliographicCitation, rdf.NewString(c.Text))
	}

	// claims
	for _, c := range r.Claims {
		pred, ok := vocab.ClaimRelations[c.Relation]
		if !ok {
			continue
		}
		sub, obj := ent(c.Subject), ent(c.Object)
		cl := m.Claim(doc, sub, pred, obj, c.Span.Start)
		add(cl, vocab.RDFType, vocab.DGClaim)
		add(cl, vocab.RDFType, vocab.RDFStatement)
		add(cl, vocab.RDFSubject, sub)
		add(cl, vocab.RDFPredicate, pred)
		add(cl, vocab.RDFObject, obj)
		if c.Attributed.Name != "" {
			add(cl, vocab.PROVWasAttributedTo, ent(c.Attributed))
		}
		add(cl, vocab.PROVWasDerivedFrom, doc)
		lang := ""
		if c.Span.Version >= 0 && c.Span.Version < len(r.Versions) {
			lang = r.Versions[c.Span.Version].Lang
			add(cl, vocab.DGEvidenceIn, versions[c.Span.Version])
		}
		if c.Evidence != "" {
			add(cl, vocab.DGEvidence, rdf.NewLangString(c.Evidence, lang))
		}
		if c.When != "" {
			add(cl, vocab.DCDate, rdf.NewTyped(c.When, dateType(c.When)))
		}
		// the same statement in the other versions' words
		for _, a := range c.Aligned {
			if a.Span.Version >= 0 && a.Span.Version < len(r.Versions) && a.Text != "" {
				add(cl, vocab.DGEvidence, rdf.NewLangString(a.Text, r.Versions[a.Span.Version].Lang))
			}
		}
		add(cl, vocab.DGEvidenceStart, rdf.NewTyped(strconv.Itoa(c.Span.Start), vocab.XSDInteger))
		add(cl, vocab.DGEvidenceEnd, rdf.NewTyped(strconv.Itoa(c.Span.End), vocab.XSDInteger))
		add(cl, vocab.DGConfidence, rdf.NewTyped(decimal(c.Confidence), vocab.XSDDecimal))
	}

	slices.SortFunc(qs, rdf.CompareQuads)
	return slices.CompactFunc(qs, func(a, b rdf.Quad) bool { return rdf.CompareQuads(a, b) == 0 })
}

// versionIRIs names the version nodes under the document: <doc>/original,
// <doc>/translation, and <doc>/transcription-2 for a second of a role.
func (r *Result) versionIRIs(doc rdf.IRI) []rdf.IRI {
	seen := map[string]int{}
	out := make([]rdf.IRI, len(r.Versions))
	for i, v := range r.Versions {
		role := v.Role
		if role == "" {
			role = "version"
		}
		seen[role]++
		name := role
		if seen[role] > 1 {
			name += "-" + strconv.Itoa(seen[role])
		}
		out[i] = rdf.IRI(string(doc) + "/" + name)
	}
	return out
}

func (r *Result) linked(e EntityRef) bool {
	for _, x := range r.Entities {
		if x.EntityRef == e {
			return x.Linked
		}
	}
	return false
}

// dateType is the XSD type of an ISO 8601 date of some precision.
func dateType(d string) rdf.IRI {
	switch len(d) {
	case 4:
		return vocab.XSDGYear
	case 7:
		return vocab.XSDGYearMonth
	}
	return vocab.XSDDate
}

// decimal writes a confidence as an xsd:decimal lexical form.
func decimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	for _, c := range s {
		if c == '.' {
			return s
		}
	}
	return s + ".0"
}

func aliasLang(s string) string {
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

// webHost reports whether a record's URL names its host in plain ASCII. A
// damaged scan can put a stray character in the host
// ("digitala\ufffdchive.wilsoncenter.org"); such an address leads nowhere,
// and JSON-LD processors (json-gold) drop the statement, so it is not linked.
func webHost(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	for i := 0; i < len(u.Host); i++ {
		if c := u.Host[i]; c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

// aliasEvidence is the text that shows a cover name in use: the title when
// it names it, else the first line of a version that does.
func (r *Result) aliasEvidence(alias string) (string, string) {
	low := strings.ToLower(alias)
	if low == "" {
		return "", ""
	}
	if strings.Contains(strings.ToLower(r.Title), low) {
		return r.Title, "en"
	}
	for _, v := range r.Versions {
		i := strings.Index(strings.ToLower(v.Text), low)
		if i < 0 || len(strings.ToLower(v.Text)) != len(v.Text) {
			continue
		}
		a := strings.LastIndexByte(v.Text[:i], '\n') + 1
		b := strings.IndexByte(v.Text[i:], '\n')
		if b < 0 {
			b = len(v.Text)
		} else {
			b += i
		}
		if line := strings.TrimSpace(v.Text[a:b]); line != "" {
			return line, v.Lang
		}
	}
	return "", ""
}
