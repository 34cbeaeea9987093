package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// networkView is the network page.
type networkView struct {
	From, To, First, Last int
	People, Letters       int
}

func yearParam(r *http.Request, name string) (int, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < 1 || y > 9999 {
		return 0, fmt.Errorf("%s=%q is not a year", name, v)
	}
	return y, nil
}

func (s *server) handleNetworkPage(w http.ResponseWriter, r *http.Request) {
	from, err := yearParam(r, "from")
	to, err2 := yearParam(r, "to")
	if err != nil || err2 != nil {
		s.fail(w, r, http.StatusBadRequest, fmt.Sprint(err, err2))
		return
	}
	sn, err := s.snapshot(r.Context())
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	n := sn.net.filter(from, to)
	v := networkView{From: from, To: to, First: sn.net.Years[0], Last: sn.net.Years[1], People: len(n.Nodes)}
	for _, e := range n.Edges {
		v.Letters += e.Weight
	}
	s.render(w, r, "network", pageData{Title: "Correspondence network", Nav: "network", Body: v})
}

// handleNetworkJSON serves the network as JSON; ?from= and ?to= keep the
// letters of those years.
func (s *server) handleNetworkJSON(w http.ResponseWriter, r *http.Request) {
	from, err := yearParam(r, "from")
	to, err2 := yearParam(r, "to")
	if err != nil || err2 != nil {
		s.fail(w, r, http.StatusBadRequest, fmt.Sprint(err, err2))
		return
	}
	sn, err := s.snapshot(r.Context())
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	n := sn.net.filter(from, to)
	if n.Nodes == nil {
		n.Nodes = []netNode{}
	}
	if n.Edges == nil {
		n.Edges = []netEdge{}
	}
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.Encode(n)
}

// handleOntology serves the dg: ontology at /ns: the Turtle file as it is,
// or the same statements as JSON-LD, N-Triples or RDF/XML, or a page.
func (s *server) handleOntology(w http.ResponseWriter, r *http.Request) {
	offers := append(mediaTypes(describeFormats), "application/json", "text/html", "application/xhtml+xml")
	w.Header().Add("Vary", "Accept")
	mt := negotiate(r.Header.Get("Accept"), offers)
	switch mt {
	case "":
		s.notAcceptable(w, r, offers)
		return
	case "text/html", "application/xhtml+xml":
		s.render(w, r, "turtle", pageData{Title: "The docgraph ontology", Message: "Namespace " + vocab.DG + "; ask for text/turtle, application/ld+json, application/n-triples or application/rdf+xml to get it as data.", Body: vocab.Ontology})
		return
	case "text/turtle":
		w.Header().Set("Content-Type", fmtTurtle.contentType())
		fmt.Fprint(w, vocab.Ontology)
		return
	}
	f, ok := formatByType(describeFormats, mt)
	if !ok {
		f = fmtJSONLD
	}
	w.Header().Set("Content-Type", f.contentType())
	writeRDF(r.Context(), w, f, s.ontology, vocab.Prefixes)
}

// handleContext serves the JSON-LD context.
func (s *server) handleContext(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/ld+json")
	w.Write(vocab.ContextJSON())
}

// downloads are the whole-store dumps.
var downloads = map[string]rdfFormat{
	"graph.ttl": fmtTurtle, "graph.trig": fmtTriG, "graph.nt": fmtNTriples,
	"graph.nq": fmtNQuads, "graph.jsonld": fmtJSONLD,
}

// handleDownload streams the whole store in one format, gzipped when the
// client allows.
func (s *server) handleDownload(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if s.handleLetterDownload(w, r, name) {
		return
	}
	f, ok := downloads[name]
	if !ok {
		s.fail(w, r, http.StatusNotFound, "no such download: "+name+" (try graph.ttl, graph.trig, graph.nt, graph.nq, graph.jsonld, letters.cmif.xml, letters.gexf, letters.graphml, comentions.gexf or comentions.graphml)")
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType())
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "docgraph"+f.ext))
	if r.Method == http.MethodHead {
		return
	}
	out := compressed(w, r)
	// the corrected graph, without what the extractor said before (curate);
	// a store without corrections: each triple once, in subject order
	set, err := curate.Load(r.Context(), s.store)
	if err == nil {
		quads := set.Quads(catalog.Quads(r.Context(), s.store), false)
		if !f.keepsGraphs() && set.Corrected() == 0 {
			quads = s.store.TriplesBySubject(r.Context()) // each triple once
		}
		err = export.WriteAll(r.Context(), out, f.exp, export.Options{}, quads)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		// The status is sent; a broken stream is all the client can learn.
		s.log.Warn("download", "file", name, "err", err)
	}
}

// handleGazetteer answers for the gazetteer graph's IRI.
func (s *server) handleGazetteer(w http.ResponseWriter, r *http.Request) {
	offers := append(mediaTypes(graphFormats), "application/json")
	w.Header().Add("Vary", "Accept")
	mt := negotiate(r.Header.Get("Accept"), offers)
	f, ok := formatByType(graphFormats, mt)
	if mt == "application/json" {
		f, ok = fmtJSONLD, true
	}
	if !ok {
		s.notAcceptable(w, r, offers)
		return
	}
	var quads []rdf.Quad
	for q, err := range s.store.Match(r.Context(), nil, nil, nil, s.mint.Gazetteer()) {
		if err != nil {
			s.fail(w, r, ctxStatus(err), err.Error())
			return
		}
		quads = append(quads, q)
	}
	w.Header().Set("Content-Type", f.contentType())
	out := compressed(w, r)
	defer out.Close()
	writeRDF(r.Context(), out, f, quads, vocab.Prefixes)
}
