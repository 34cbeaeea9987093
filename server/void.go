package server

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Namespaces of the dataset and service descriptions.
const (
	nsVoID = "http://rdfs.org/ns/void#"
	nsDCAT = "http://www.w3.org/ns/dcat#"
	nsSD   = "http://www.w3.org/ns/sparql-service-description#"
	nsFOAF = "http://xmlns.com/foaf/0.1/"
	nsFmt  = "http://www.w3.org/ns/formats/"
)

// triples collects statements in one graph.
type triples []rdf.Quad

func (t *triples) add(s rdf.Term, p string, o rdf.Term) {
	*t = append(*t, rdf.Quad{S: s, P: rdf.IRI(p), O: o})
}

func integer(n int64) rdf.Literal {
	return rdf.NewTyped(strconv.FormatInt(n, 10), vocab.XSDInteger)
}

// handleVoID serves the VoID and DCAT description of the dataset
// (https://www.w3.org/TR/void/, https://www.w3.org/TR/vocab-dcat-3/).
func (s *server) handleVoID(w http.ResponseWriter, r *http.Request) {
	html := false
	if negotiate(r.Header.Get("Accept"), []string{"text/turtle", "text/html"}) == "text/html" && r.Header.Get("Accept") != "" {
		html = true
	}
	f := fmtTurtle
	if !html {
		var ok bool
		if f, ok = s.pickFormat(w, r, describeFormats); !ok {
			return
		}
	}
	sn, err := s.snapshot(r.Context())
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	here := s.base + ".well-known/void"
	ds := rdf.IRI(here + "#dataset")
	var t triples
	t.add(rdf.IRI(here), vocab.RDF+"type", rdf.IRI(nsVoID+"DatasetDescription"))
	t.add(rdf.IRI(here), vocab.DCTerms+"title", rdf.NewLangString("Description of the docgraph dataset", "en"))
	t.add(rdf.IRI(here), nsFOAF+"primaryTopic", ds)
	t.add(ds, vocab.RDF+"type", rdf.IRI(nsVoID+"Dataset"))
	t.add(ds, vocab.RDF+"type", rdf.IRI(nsDCAT+"Dataset"))
	t.add(ds, vocab.DCTerms+"title", rdf.NewLangString("docgraph", "en"))
	t.add(ds, vocab.DCTerms+"description", rdf.NewLangString("Archival documents, the people, organizations, countries, places, events and proposals they mention, and the claims their authors make, with evidence.", "en"))
	t.add(ds, nsDCAT+"landingPage", rdf.IRI(s.base))
	t.add(ds, nsVoID+"uriSpace", rdf.NewString(s.base))
	t.add(ds, nsVoID+"sparqlEndpoint", rdf.IRI(s.base+"sparql"))
	t.add(ds, nsVoID+"triples", integer(sn.triples))
	t.add(ds, nsVoID+"entities", integer(int64(sn.stats.MentionedEntities())))
	t.add(ds, nsVoID+"documents", integer(int64(sn.stats.Documents)))
	t.add(ds, nsVoID+"classes", integer(int64(len(sn.classes))))
	for _, ns := range []string{vocab.DG, vocab.Schema, vocab.DCTerms, vocab.SKOS, vocab.PROV, vocab.RICO} {
		t.add(ds, nsVoID+"vocabulary", rdf.IRI(ns))
	}
	if len(sn.docs) > 0 {
		t.add(ds, nsVoID+"exampleResource", sn.docs[0].IRI)
	}
	classes := make([]rdf.IRI, 0, len(sn.classes))
	for c := range sn.classes {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	for _, c := range classes {
		local := c[strings.LastIndexAny(string(c), "/#")+1:]
		part := rdf.IRI(here + "#class-" + string(local))
		t.add(ds, nsVoID+"classPartition", part)
		t.add(part, nsVoID+"class", c)
		t.add(part, nsVoID+"entities", integer(int64(sn.classes[c])))
	}
	names := make([]string, 0, len(downloads))
	for n := range downloads {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		df := downloads[n]
		url := rdf.IRI(s.base + "download/" + n)
		dist := rdf.IRI(here + "#dump-" + strings.TrimPrefix(df.ext, "."))
		t.add(ds, nsVoID+"dataDump", url)
		t.add(ds, nsDCAT+"distribution", dist)
		t.add(dist, vocab.RDF+"type", rdf.IRI(nsDCAT+"Distribution"))
		t.add(dist, nsDCAT+"downloadURL", url)
		t.add(dist, nsDCAT+"mediaType", rdf.IRI("https://www.iana.org/assignments/media-types/"+df.mediaType))
		t.add(dist, vocab.DCTerms+"format", rdf.NewString(df.mediaType))
	}
	sparqlDist := rdf.IRI(here + "#sparql")
	t.add(ds, nsDCAT+"distribution", sparqlDist)
	t.add(sparqlDist, vocab.RDF+"type", rdf.IRI(nsDCAT+"Distribution"))
	t.add(sparqlDist, nsDCAT+"accessURL", rdf.IRI(s.base+"sparql"))
	t.add(sparqlDist, vocab.DCTerms+"conformsTo", rdf.IRI("https://www.w3.org/TR/sparql11-protocol/"))
	// The gazetteer: the reference entities documents are matched
	// against, in their own graph, counted apart from what is mentioned.
	if n := sn.stats.GazetteerEntities(); n > 0 {
		gz := rdf.IRI(here + "#gazetteer")
		t.add(ds, nsVoID+"subset", gz)
		t.add(gz, vocab.RDF+"type", rdf.IRI(nsVoID+"Dataset"))
		t.add(gz, vocab.DCTerms+"title", rdf.NewLangString("The gazetteer", "en"))
		t.add(gz, vocab.DCTerms+"description", rdf.NewLangString("The people, organizations, countries, places and events documents are matched against, with their names and Wikidata links, whether or not a document mentions them.", "en"))
		t.add(gz, nsSD+"name", rdf.IRI(s.store.Minter().Gazetteer()))
		t.add(gz, nsVoID+"entities", integer(int64(n)))
	}
	// Links to Wikidata.
	wd := rdf.IRI(here + "#wikidata")
	links := rdf.IRI(here + "#links-wikidata")
	t.add(wd, vocab.RDF+"type", rdf.IRI(nsVoID+"Dataset"))
	t.add(wd, nsFOAF+"homepage", rdf.IRI("https://www.wikidata.org/"))
	t.add(wd, nsVoID+"uriSpace", rdf.NewString(vocab.WD))
	t.add(ds, nsVoID+"subset", links)
	t.add(links, vocab.RDF+"type", rdf.IRI(nsVoID+"Linkset"))
	t.add(links, nsVoID+"subjectsTarget", ds)
	t.add(links, nsVoID+"objectsTarget", wd)
	t.add(links, nsVoID+"linkPredicate", vocab.OWLSameAs)
	t.add(links, nsVoID+"triples", integer(sn.sameAs))
	if html {
		var sb strings.Builder
		writeRDF(r.Context(), &sb, fmtTurtle, t, serverPrefixes)
		s.render(w, r, "turtle", pageData{Title: "The dataset", Message: "The VoID and DCAT description of this dataset, in Turtle.", Body: sb.String()})
		return
	}
	w.Header().Set("Content-Type", f.contentType())
	writeRDF(r.Context(), w, f, t, serverPrefixes)
}

// pickFormat negotiates an RDF format among list (application/json counts
// as JSON-LD); on failure it has answered 406.
func (s *server) pickFormat(w http.ResponseWriter, r *http.Request, list []rdfFormat) (rdfFormat, bool) {
	w.Header().Add("Vary", "Accept")
	offers := append(mediaTypes(list), "application/json")
	mt := negotiate(r.Header.Get("Accept"), offers)
	if mt == "application/json" {
		return fmtJSONLD, true
	}
	f, ok := formatByType(list, mt)
	if !ok {
		s.notAcceptable(w, r, offers)
	}
	return f, ok
}

// serviceDescription describes the SPARQL endpoint
// (https://www.w3.org/TR/sparql11-service-description/).
func (s *server) serviceDescription(w http.ResponseWriter, r *http.Request, f rdfFormat) {
	sn, err := s.snapshot(r.Context())
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	ep := rdf.IRI(s.base + "sparql")
	svc := rdf.IRI(s.base + "sparql#service")
	dset := rdf.IRI(s.base + "sparql#dataset")
	dg := rdf.IRI(s.base + "sparql#default-graph")
	var t triples
	t.add(svc, vocab.RDF+"type", rdf.IRI(nsSD+"Service"))
	t.add(svc, nsSD+"endpoint", ep)
	t.add(svc, nsSD+"supportedLanguage", rdf.IRI(nsSD+"SPARQL11Query"))
	t.add(svc, nsSD+"feature", rdf.IRI(nsSD+"UnionDefaultGraph"))
	for _, rf := range []string{"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "JSON-LD", "N-Triples"} {
		t.add(svc, nsSD+"resultFormat", rdf.IRI(nsFmt+rf))
	}
	t.add(svc, nsSD+"defaultDataset", dset)
	t.add(dset, vocab.RDF+"type", rdf.IRI(nsSD+"Dataset"))
	t.add(dset, nsSD+"defaultGraph", dg)
	t.add(dg, vocab.RDF+"type", rdf.IRI(nsSD+"Graph"))
	t.add(dg, nsVoID+"triples", integer(sn.triples))
	t.add(svc, vocab.RDFS+"comment", rdf.NewLangString("The default graph is the union of every named graph; each document's statements are in a named graph named like the document.", "en"))
	w.Header().Set("Content-Type", f.contentType())
	writeRDF(r.Context(), w, f, t, serverPrefixes)
}
