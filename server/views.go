package server

import (
	"cmp"
	"context"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// homeView is the home page.
type homeView struct {
	Documents, Claims int
	Triples           int64
	Entities          []link // class name and count of what the documents mention
	Gazetteer         int    // entities the gazetteer describes
	Recent            []docLink
	Examples          []link
	// Years link each year's documents, all on one page: every document
	// is two clicks from home.
	Years []link
}

// docLink is one document in a list.
type docLink struct {
	Href, Title, Date, Kind, Role string
}

func (s *server) handleHome(w http.ResponseWriter, r *http.Request) {
	sn, err := s.snapshot(r.Context())
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	v := homeView{Documents: sn.stats.Documents, Claims: sn.stats.Claims, Triples: sn.triples, Gazetteer: sn.stats.GazetteerEntities()}
	for _, c := range []string{vocab.ClassPerson, vocab.ClassOrganization, vocab.ClassCountry, vocab.ClassPlace, vocab.ClassEvent, vocab.ClassProposal} {
		if n := sn.stats.Entities[c]; n > 0 {
			v.Entities = append(v.Entities, link{Text: c, Note: strconv.Itoa(n)})
		}
	}
	perYear := map[string]int{}
	var years []string
	for _, d := range sn.docs {
		y := "undated"
		if len(d.Date) >= 4 {
			y = d.Date[:4]
		}
		if perYear[y] == 0 {
			years = append(years, y)
		}
		perYear[y]++
	}
	slices.Sort(years)
	for _, y := range years {
		v.Years = append(v.Years, link{Href: "/documents?year=" + y + "&all=1", Text: y, Note: strconv.Itoa(perYear[y])})
	}
	docs := slices.Clone(sn.docs)
	slices.Reverse(docs)
	for _, d := range docs[:min(len(docs), 12)] {
		v.Recent = append(v.Recent, s.docLink(d, ""))
	}
	s.render(w, r, "home", pageData{Title: "docgraph", Nav: "home", Body: v})
}

func (s *server) docLink(d catalog.Document, role string) docLink {
	t := d.Title
	if t == "" {
		t = d.ID
	}
	return docLink{Href: s.href(d.IRI), Title: t, Date: d.Date, Kind: d.Kind, Role: role}
}

// searchView is the search results page.
type searchView struct {
	Query     string
	Results   []searchHit
	Documents []docHit
}

// docHit is a document the search found, with where the words are.
type docHit struct {
	docLink
	ID, Field  string
	Shelfmarks []string
	// Snippets are passages with the words found (escaped HTML with
	// <mark>), from the full-text index.
	Snippets []snippet
}

type snippet struct {
	Field string
	HTML  template.HTML
}

type searchHit struct {
	Href, Name, Class, Alias string
	Documents                int
	Wikidata                 string
}

func (s *server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	v := searchView{Query: q}
	if q != "" {
		cards, err := catalog.Find(r.Context(), s.store, q)
		if err != nil {
			s.fail(w, r, ctxStatus(err), err.Error())
			return
		}
		for _, c := range cards[:min(len(cards), 100)] {
			h := searchHit{Href: s.href(c.IRI), Name: c.Name, Class: c.Class, Alias: c.MatchedAlias, Documents: len(c.Documents)}
			if len(c.Wikidata) > 0 {
				h.Wikidata = strings.TrimPrefix(string(c.Wikidata[0]), vocab.WD)
			}
			if h.Name == "" {
				h.Name = s.label(r.Context(), c.IRI)
			}
			v.Results = append(v.Results, h)
		}
		if s.cfg.Index != nil {
			if !s.fullTextHits(w, r, q, &v) {
				return
			}
		} else {
			docs, err := catalog.SearchDocuments(r.Context(), s.store, q)
			if err != nil {
				s.fail(w, r, ctxStatus(err), err.Error())
				return
			}
			for _, d := range docs[:min(len(docs), 100)] {
				v.Documents = append(v.Documents, docHit{docLink: s.docLink(d.Document, ""), ID: d.ID, Field: d.Field, Shelfmarks: d.Shelfmarks})
			}
		}
	}
	title := "Search"
	if q != "" {
		title = "Search: " + q
	}
	s.render(w, r, "search", pageData{Title: title, Query: q, Nav: "search", Body: v})
}

// entityView is an entity's page.
type entityView struct {
	IRI, Name, Class, Comment string
	Linked                    bool
	Names                     []langNames
	Pseudonyms                []pseudonymView
	OtherPseudonyms           []string // known to the gazetteer, used by no document here
	Wikidata                  []link
	Timeline                  []yearDocs
	Wrote, Received           []link
	ClaimsBy, ClaimsAbout     []claimView
	// Merged are the entities curators merged into this one (their
	// documents and claims are listed here); Curate is a curator's panel.
	Merged []link
	Curate *entityCuration
}

type langNames struct {
	Lang  string
	Names []string
}

type pseudonymView struct {
	Alias string
	Docs  []docLink
}

type yearDocs struct {
	Year string
	Docs []docLink
}

// claimView is one claim, as listed on entity and document pages.
type claimView struct {
	ID                       string
	Subject, Object, Author  link
	Relation                 string
	Evidence, Lang           string
	EvidenceHref, Confidence string
	Doc                      docLink
	Curator                  *curatorView // set for curators: reject and confirm buttons
}

func (s *server) entityPage(w http.ResponseWriter, r *http.Request, e rdf.IRI) {
	ctx := r.Context()
	c, err := catalog.CardOf(ctx, s.store, e)
	if err == nil && c.Class == "" {
		s.resourcePage(w, r, e)
		return
	}
	sn, err2 := s.snapshot(ctx)
	if err = cmp.Or(err, err2); err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	v := entityView{IRI: string(e), Name: c.Name, Class: c.Class, Linked: c.Linked}
	merged, err := curate.MergedFrom(ctx, s.store, e)
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	// the entity and those a curator merged into it: one entity's page
	members := []rdf.IRI{e}
	for _, m := range sortedIRIs(merged) {
		if merged[m] == curate.MethodCurated {
			members = append(members, m)
			v.Merged = append(v.Merged, link{Href: s.href(m), Text: s.label(ctx, m), Title: string(m)})
		}
	}
	if v.Name == "" {
		v.Name = s.label(ctx, e)
	}
	for q, err := range s.store.Match(ctx, e, vocab.RDFSComment, nil, nil) {
		if err == nil {
			v.Comment = lexical(q.O)
			break
		}
	}
	byLang := map[string][]string{}
	addName := func(l rdf.Literal) {
		if !slices.Contains(byLang[l.Lang], l.Lexical) {
			byLang[l.Lang] = append(byLang[l.Lang], l.Lexical)
		}
	}
	for _, l := range c.Labels {
		addName(l)
	}
	for lang, names := range byLang {
		v.Names = append(v.Names, langNames{Lang: cmp.Or(lang, "—"), Names: names})
	}
	slices.SortFunc(v.Names, func(a, b langNames) int { return cmp.Compare(langOrder(a.Lang), langOrder(b.Lang)) })
	for _, p := range c.Pseudonyms {
		pv := pseudonymView{Alias: p.Alias}
		for _, d := range p.Documents {
			pv.Docs = append(pv.Docs, s.docLink(d, ""))
		}
		v.Pseudonyms = append(v.Pseudonyms, pv)
	}
	// Pseudonyms known to the gazetteer but used by no document yet.
	for q, err := range s.store.Match(ctx, e, vocab.DGPseudonym, nil, nil) {
		if err != nil {
			break
		}
		a := lexical(q.O)
		if !slices.ContainsFunc(v.Pseudonyms, func(p pseudonymView) bool { return p.Alias == a }) && !slices.Contains(v.OtherPseudonyms, a) {
			v.OtherPseudonyms = append(v.OtherPseudonyms, a)
		}
	}
	for _, wd := range c.Wikidata {
		v.Wikidata = append(v.Wikidata, link{Href: "https://www.wikidata.org/wiki/" + strings.TrimPrefix(string(wd), vocab.WD), Text: strings.TrimPrefix(string(wd), vocab.WD)})
	}
	// Timeline: every document where the entity has a role, by date.
	roles := map[rdf.IRI]string{}
	for _, pr := range []struct {
		p    rdf.IRI
		role string
	}{{vocab.DCCreator, "author"}, {vocab.SchemaRecipient, "recipient"}, {vocab.DGVia, "via"}, {vocab.SchemaMentions, "mentioned"}} {
		for _, m := range members {
			for q, err := range s.store.Match(ctx, nil, pr.p, m, nil) {
				if err != nil {
					break
				}
				if d, ok := q.S.(rdf.IRI); ok && roles[d] == "" {
					if _, isDoc := sn.byIRI[d]; isDoc {
						roles[d] = pr.role
					}
				}
			}
		}
	}
	for _, d := range sn.docs {
		role, ok := roles[d.IRI]
		if !ok {
			continue
		}
		y := cmp.Or(prefix(d.Date, 4), "undated")
		if n := len(v.Timeline); n == 0 || v.Timeline[n-1].Year != y {
			v.Timeline = append(v.Timeline, yearDocs{Year: y})
		}
		t := &v.Timeline[len(v.Timeline)-1]
		t.Docs = append(t.Docs, s.docLink(d, role))
	}
	for _, k := range c.Wrote {
		v.Wrote = append(v.Wrote, link{Href: s.href(k.IRI), Text: k.Name, Note: strconv.Itoa(k.Count)})
	}
	for _, k := range c.Received {
		v.Received = append(v.Received, link{Href: s.href(k.IRI), Text: k.Name, Note: strconv.Itoa(k.Count)})
	}
	seen := map[rdf.Term]bool{}
	cur := s.curatorOf(r)
	collect := func(p rdf.IRI) ([]claimView, error) {
		var out []claimView
		for _, m := range members {
			for q, err := range s.store.Match(ctx, nil, p, m, nil) {
				if err != nil {
					return nil, err
				}
				if _, twin := vocab.IsExtracted(q.G); twin || seen[q.S] {
					continue // twin: what the extractor said before a correction
				}
				seen[q.S] = true
				cv, ok, err := s.claim(ctx, q.S, sn, nil)
				if err != nil {
					return nil, err
				}
				if ok {
					cv.Curator = cur
					out = append(out, cv)
				}
			}
		}
		sortClaims(out)
		return out, nil
	}
	if v.ClaimsBy, err = collect(vocab.PROVWasAttributedTo); err == nil {
		var subj, obj []claimView
		if subj, err = collect(vocab.RDFSubject); err == nil {
			obj, err = collect(vocab.RDFObject)
			v.ClaimsAbout = append(subj, obj...)
			sortClaims(v.ClaimsAbout)
		}
	}
	if err == nil && cur != nil {
		v.Curate, err = s.entityCuration(ctx, e, merged, len(v.Wikidata) > 0)
	}
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	s.render(w, r, "entity", pageData{Title: v.Name, Alts: s.alternates(e, describeFormats), Body: v, Curator: cur})
}

func sortClaims(cs []claimView) {
	slices.SortStableFunc(cs, func(a, b claimView) int {
		return cmp.Or(cmp.Compare(a.Doc.Date, b.Doc.Date), cmp.Compare(a.Doc.Href, b.Doc.Href), cmp.Compare(a.ID, b.ID))
	})
}

func langOrder(l string) string {
	switch l {
	case "en":
		return "0"
	case "ru":
		return "1"
	case "zh":
		return "2"
	}
	return "3" + l
}

// claim reads one claim. anchors, when given, maps a claim to the id of the
// evidence mark on its document's page.
func (s *server) claim(ctx context.Context, c rdf.Term, sn *snapshot, anchors map[rdf.Term]string) (claimView, bool, error) {
	var cv claimView
	props := map[rdf.IRI]rdf.Term{}
	typed := false
	for q, err := range s.store.Match(ctx, c, nil, nil, nil) {
		if err != nil {
			return cv, false, err
		}
		if _, twin := vocab.IsExtracted(q.G); twin {
			continue // what the extractor said before a correction
		}
		p := q.P.(rdf.IRI)
		if p == vocab.RDFType && q.O == vocab.DGClaim {
			typed = true
		}
		if _, ok := props[p]; !ok {
			props[p] = q.O
		}
	}
	if !typed {
		return cv, false, nil
	}
	cv.ID = claimID(c)
	cv.Subject = s.entityLink(ctx, props[vocab.RDFSubject])
	cv.Object = s.entityLink(ctx, props[vocab.RDFObject])
	cv.Author = s.entityLink(ctx, props[vocab.PROVWasAttributedTo])
	if p, ok := props[vocab.RDFPredicate].(rdf.IRI); ok {
		cv.Relation = relationName(p)
	}
	if l, ok := props[vocab.DGEvidence].(rdf.Literal); ok {
		cv.Evidence, cv.Lang = l.Lexical, l.Lang
	}
	if l, ok := props[vocab.DGConfidence].(rdf.Literal); ok {
		if f, err := strconv.ParseFloat(l.Lexical, 64); err == nil {
			cv.Confidence = strconv.FormatFloat(f, 'f', 2, 64)
		}
	}
	if d, ok := props[vocab.PROVWasDerivedFrom].(rdf.IRI); ok {
		if doc, ok := sn.byIRI[d]; ok {
			cv.Doc = s.docLink(doc, "")
		} else {
			cv.Doc = docLink{Href: s.href(d), Title: string(d)}
		}
		anchor := "ev-" + cv.ID
		if a, ok := anchors[c]; ok {
			anchor = a
		}
		cv.EvidenceHref = cv.Doc.Href + "#" + anchor
	}
	return cv, true, nil
}

// relationName turns dg:agreesWith into "agrees with".
func relationName(p rdf.IRI) string {
	local := string(p)
	if i := strings.LastIndexAny(local, "#/"); i >= 0 {
		local = local[i+1:]
	}
	var sb strings.Builder
	for i, r := range local {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				sb.WriteByte(' ')
			}
			r += 'a' - 'A'
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func claimID(c rdf.Term) string {
	switch x := c.(type) {
	case rdf.IRI:
		return string(x[strings.LastIndexAny(string(x), "/#")+1:])
	case rdf.BlankNode:
		return "b" + string(x)
	}
	return ""
}

// entityLink links to an entity with its label.
func (s *server) entityLink(ctx context.Context, t rdf.Term) link {
	switch x := t.(type) {
	case rdf.IRI:
		return link{Href: s.href(x), Text: s.label(ctx, x), Title: string(x)}
	case rdf.Literal:
		return link{Text: x.Lexical}
	}
	return link{}
}

func lexical(t rdf.Term) string {
	switch x := t.(type) {
	case rdf.Literal:
		return x.Lexical
	case rdf.IRI:
		return string(x)
	case rdf.BlankNode:
		return "_:" + string(x)
	}
	return ""
}

// alternates lists the other representations of a resource.
func (s *server) alternates(iri rdf.IRI, formats []rdfFormat) []link {
	h := s.href(iri)
	var out []link
	for _, f := range formats {
		out = append(out, link{Href: h + f.ext, Text: strings.TrimPrefix(f.ext, "."), Title: f.mediaType})
	}
	return out
}

// resourceView is the generic page of a resource: what it says and what
// says something of it.
type resourceView struct {
	IRI, Label string
	Out, In    []statementView
	Claim      *claimCuration // a claim's curation forms (curators only)
}

type statementView struct {
	Pred   link
	Value  link
	Lang   string
	Nested []statementView // a blank node's own statements
}

func (s *server) resourcePage(w http.ResponseWriter, r *http.Request, iri rdf.IRI) {
	s.resourcePageWith(w, r, iri, nil)
}

// claimPage is a claim's resource page with, for a curator, the forms
// that reject, confirm or edit it.
func (s *server) claimPage(w http.ResponseWriter, r *http.Request, iri rdf.IRI) {
	var cc *claimCuration
	if s.session(r) != nil {
		var err error
		if cc, err = s.claimCuration(r.Context(), iri); err != nil {
			s.fail(w, r, ctxStatus(err), err.Error())
			return
		}
	}
	s.resourcePageWith(w, r, iri, cc)
}

func (s *server) resourcePageWith(w http.ResponseWriter, r *http.Request, iri rdf.IRI, cc *claimCuration) {
	ctx := r.Context()
	v := resourceView{IRI: string(iri), Label: s.label(ctx, iri), Claim: cc}
	var err error
	if v.Out, err = s.statements(ctx, iri, 0); err == nil {
		for q, err2 := range s.store.Match(ctx, nil, nil, iri, nil) {
			if err = err2; err != nil {
				break
			}
			if len(v.In) >= 500 {
				break
			}
			v.In = append(v.In, statementView{Pred: s.termLink(ctx, q.P), Value: s.termLink(ctx, q.S)})
		}
	}
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	s.render(w, r, "resource", pageData{Title: v.Label, Alts: s.alternates(iri, describeFormats), Body: v})
}

func (s *server) statements(ctx context.Context, subj rdf.Term, depth int) ([]statementView, error) {
	var out []statementView
	var quads []rdf.Quad
	for q, err := range s.store.Match(ctx, subj, nil, nil, nil) {
		if err != nil {
			return nil, err
		}
		q.G = nil
		quads = append(quads, q)
	}
	slices.SortFunc(quads, rdf.CompareQuads)
	quads = slices.Compact(quads)
	for _, q := range quads {
		sv := statementView{Pred: s.termLink(ctx, q.P), Value: s.termLink(ctx, q.O)}
		if l, ok := q.O.(rdf.Literal); ok {
			sv.Lang = l.Lang
		}
		if b, ok := q.O.(rdf.BlankNode); ok && depth < 3 {
			nested, err := s.statements(ctx, b, depth+1)
			if err != nil {
				return nil, err
			}
			sv.Nested = nested
		}
		out = append(out, sv)
	}
	return out, nil
}

// termLink shows a term: a local link for IRIs under the base (with their
// label), the prefixed name for vocabulary terms, the text of literals.
func (s *server) termLink(ctx context.Context, t rdf.Term) link {
	switch x := t.(type) {
	case rdf.IRI:
		if h := s.href(x); h != "" {
			return link{Href: h, Text: s.label(ctx, x), Title: string(x)}
		}
		text := vocab.Compact(x)
		if text == "" {
			text = string(x)
		}
		href := string(x)
		if strings.HasPrefix(string(x), vocab.DG) {
			href = "/ns#" + strings.TrimPrefix(string(x), vocab.DG)
		}
		return link{Href: href, Text: text, Title: string(x)}
	case rdf.BlankNode:
		return link{Text: "_:" + string(x)}
	case rdf.Literal:
		return link{Text: x.Lexical}
	}
	return link{}
}
