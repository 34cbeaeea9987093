package server

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// resourceKinds are the first path segments of minted IRIs (vocab.Minter).
var resourceKinds = map[string]bool{
	"doc": true, "person": true, "org": true, "country": true, "place": true,
	"event": true, "proposal": true, "claim": true, "archive": true, "entity": true,
}

// entityKinds are the kinds shown on an entity page.
var entityKinds = map[string]bool{
	"person": true, "org": true, "country": true, "place": true, "event": true, "proposal": true, "entity": true,
}

// safeSegment reports whether s is one plain path segment: not empty, no
// slashes, no dot segments, no control characters.
func safeSegment(s string) bool {
	if s == "" || s == "." || s == ".." || strings.HasPrefix(s, ".") {
		return false
	}
	for _, r := range s {
		if r == '/' || r == '\\' || r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

// handleResource dereferences a minted IRI: /{kind}/{id}[.ext].
func (s *server) handleResource(w http.ResponseWriter, r *http.Request) {
	kind, id, part := r.PathValue("kind"), r.PathValue("id"), r.PathValue("part")
	if !resourceKinds[kind] || (part != "" && kind != "doc") {
		s.fail(w, r, http.StatusNotFound, "no such page: "+r.URL.Path)
		return
	}
	if !safeSegment(id) || (part != "" && !safeSegment(part)) {
		s.fail(w, r, http.StatusBadRequest, "bad resource name "+fmt.Sprintf("%q", r.URL.Path))
		return
	}
	// name is the IRI's path under the base without the kind; a document's
	// parts (references, versions, pseudonym uses) add a segment.
	name := id
	if part != "" {
		name = id + "/" + part
	}
	isDoc := kind == "doc" && part == ""
	// A suffix picks the representation; otherwise the Accept header does.
	var (
		format rdfFormat
		html   bool
		suffix bool
	)
	if ext := path.Ext(name); ext != "" && !strings.Contains(ext, "/") {
		if f, ok := formatByExt(graphFormats, ext); ok {
			format, suffix, name = f, true, strings.TrimSuffix(name, ext)
		} else if ext == ".html" {
			html, suffix, name = true, true, strings.TrimSuffix(name, ext)
		}
	}
	iri := rdf.IRI(s.base + kind + "/" + name)
	ctx := r.Context()
	if entityKinds[kind] && s.redirectMerged(w, r, iri, path.Ext(r.URL.Path), suffix) {
		return
	}
	if suffix && !s.exists(ctx, iri, isDoc) {
		// The name itself may hold a dot ("1952.09"): try it whole.
		whole := strings.TrimPrefix(r.URL.Path, "/"+kind+"/")
		if wi := rdf.IRI(s.base + kind + "/" + whole); s.exists(ctx, wi, isDoc) {
			iri, name, suffix, html, format = wi, whole, false, false, rdfFormat{}
		}
	}
	if !s.exists(ctx, iri, isDoc) {
		s.fail(w, r, http.StatusNotFound, "nothing is known about "+string(iri))
		return
	}
	local := "/" + kind + "/" + name
	alts := graphFormats
	if !isDoc {
		alts = describeFormats
	}
	h := w.Header()
	for _, f := range alts {
		h.Add("Link", fmt.Sprintf("<%s%s>; rel=\"alternate\"; type=\"%s\"", escapePath(local), f.ext, f.mediaType))
	}
	h.Add("Link", fmt.Sprintf("<%s>; rel=\"alternate\"; type=\"text/html\"", escapePath(local)))
	if !suffix {
		h.Add("Vary", "Accept")
		offers := append(mediaTypes(alts), "application/json", "text/html", "application/xhtml+xml")
		mt := negotiate(r.Header.Get("Accept"), offers)
		switch mt {
		case "":
			s.notAcceptable(w, r, offers)
			return
		case "text/html", "application/xhtml+xml":
			html = true
		case "application/json":
			format = fmtJSONLD
		default:
			format, _ = formatByType(alts, mt)
		}
		if !html {
			h.Set("Content-Location", escapePath(local)+format.ext)
		}
	}
	if html {
		s.cachedHTML(w, r, "html "+string(iri), func(w http.ResponseWriter, r *http.Request) {
			switch {
			case isDoc:
				s.documentPage(w, r, iri)
			case entityKinds[kind]:
				s.entityPage(w, r, iri)
			case kind == "claim":
				s.claimPage(w, r, iri)
			default:
				s.resourcePage(w, r, iri)
			}
		})
		return
	}
	var quads []rdf.Quad
	var err error
	if isDoc {
		quads, err = s.describeDocument(ctx, iri)
	} else {
		quads, err = s.describe(ctx, iri)
	}
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	h.Set("Content-Type", format.contentType())
	if suffix {
		h.Set("Content-Disposition", fmt.Sprintf("inline; filename=%q", asciiName(kind+"-"+strings.ReplaceAll(name, "/", "-"))+format.ext))
	}
	out := compressed(w, r)
	defer out.Close()
	if err := writeRDF(ctx, out, format, quads, vocab.Prefixes); err != nil {
		s.log.Warn("writing a description", "iri", iri, "err", err)
	}
}

// redirectMerged answers 301 for an entity a curator merged into another:
// its page and its data now live at the survivor's IRI (whose description
// says owl:sameAs of the merged one). A suffix (.ttl, .html) is kept.
func (s *server) redirectMerged(w http.ResponseWriter, r *http.Request, iri rdf.IRI, ext string, suffix bool) bool {
	to, err := curate.MergedInto(r.Context(), s.store, iri)
	if err != nil || to == "" {
		return false
	}
	loc := s.href(to)
	if loc == "" {
		loc = string(to)
	} else if suffix {
		loc += ext
	}
	w.Header().Set("Location", loc)
	w.Header().Add("Link", fmt.Sprintf("<%s>; rel=\"canonical\"", loc))
	s.fail(w, r, http.StatusMovedPermanently, fmt.Sprintf("%s was merged into %s", iri, to))
	return true
}

// notAcceptable answers 406 and lists what the resource can give.
func (s *server) notAcceptable(w http.ResponseWriter, r *http.Request, offers []string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusNotAcceptable)
	fmt.Fprintf(w, "none of the types in Accept: %s is available here; try one of: %s\n",
		r.Header.Get("Accept"), strings.Join(offers, ", "))
}

// exists reports whether the store says anything about iri (as a subject,
// or, for a document, as a graph name).
func (s *server) exists(ctx context.Context, iri rdf.IRI, graph bool) bool {
	for _, err := range s.store.Match(ctx, iri, nil, nil, nil) {
		return err == nil
	}
	if graph {
		for _, err := range s.store.Match(ctx, nil, nil, nil, iri) {
			return err == nil
		}
	}
	return false
}

// MaxInbound bounds the statements pointing at a resource that its
// description includes.
const MaxInbound = 200

// describe returns the description of a resource: its concise bounded
// description (every statement about it, following blank nodes, from every
// graph), the statements that point at it (documents that mention it or
// are by or to it, claims about it: at most MaxInbound, then an
// rdfs:seeAlso to a SPARQL query for all of them), and the labels of the
// resources on either side.
func (s *server) describe(ctx context.Context, iri rdf.IRI) ([]rdf.Quad, error) {
	var out []rdf.Quad
	seen := map[rdf.Term]bool{iri: true}
	queue := []rdf.Term{iri}
	linked := map[rdf.IRI]bool{}
	for len(queue) > 0 {
		subj := queue[0]
		queue = queue[1:]
		for q, err := range s.store.Match(ctx, subj, nil, nil, nil) {
			if err != nil {
				return nil, err
			}
			out = append(out, q)
			switch o := q.O.(type) {
			case rdf.BlankNode:
				if !seen[o] {
					seen[o] = true
					queue = append(queue, o)
				}
			case rdf.IRI:
				if q.P != vocab.RDFType && o != iri {
					linked[o] = true
				}
			}
		}
	}
	inbound := 0
	for q, err := range s.store.Match(ctx, nil, nil, iri, nil) {
		if err != nil {
			return nil, err
		}
		if q.P == vocab.RDFType {
			continue // iri is a class: its members are not its description
		}
		if inbound == MaxInbound {
			query := "SELECT ?s ?p WHERE { ?s ?p <" + string(iri) + "> }"
			out = append(out, rdf.Quad{S: iri, P: vocab.RDFSSeeAlso, O: rdf.IRI(s.base + "sparql?query=" + url.QueryEscape(query))})
			break
		}
		inbound++
		out = append(out, q)
		if sub, ok := q.S.(rdf.IRI); ok {
			linked[sub] = true
		}
	}
	return s.addLabels(ctx, out, linked)
}

// describeDocument returns a document's named graph plus the labels of the
// resources it links to that the graph does not label itself.
func (s *server) describeDocument(ctx context.Context, doc rdf.IRI) ([]rdf.Quad, error) {
	var out []rdf.Quad
	linked := map[rdf.IRI]bool{}
	labelled := map[rdf.Term]bool{}
	for q, err := range s.store.Match(ctx, nil, nil, nil, doc) {
		if err != nil {
			return nil, err
		}
		out = append(out, q)
		if q.P == vocab.RDFSLabel {
			labelled[q.S] = true
		}
		if o, ok := q.O.(rdf.IRI); ok && q.P != vocab.RDFType && q.P != vocab.RDFPredicate && q.P != vocab.DCType {
			linked[o] = true
		}
	}
	if len(out) == 0 { // a document described outside its own graph
		return s.describe(ctx, doc)
	}
	for l := range labelled {
		if i, ok := l.(rdf.IRI); ok {
			delete(linked, i)
		}
	}
	return s.addLabels(ctx, out, linked)
}

func (s *server) addLabels(ctx context.Context, out []rdf.Quad, linked map[rdf.IRI]bool) ([]rdf.Quad, error) {
	keys := make([]rdf.IRI, 0, len(linked))
	for k := range linked {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, o := range keys {
		for q, err := range s.store.Match(ctx, o, vocab.RDFSLabel, nil, nil) {
			if err != nil {
				return nil, err
			}
			out = append(out, q)
		}
	}
	return out, nil
}

// href returns the local path of an IRI under the base, or "" for others.
func (s *server) href(iri rdf.IRI) string {
	rest, ok := strings.CutPrefix(string(iri), s.base)
	if !ok || rest == "" {
		return ""
	}
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		return escapePath("/"+rest[:i]) + "#" + rest[i+1:]
	}
	return escapePath("/" + rest)
}

// escapePath percent-encodes what a path may not hold as it is.
func escapePath(p string) string {
	var sb strings.Builder
	for _, b := range []byte(p) {
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9',
			strings.IndexByte("/-._~!$&'()*+,;=:@", b) >= 0:
			sb.WriteByte(b)
		default:
			fmt.Fprintf(&sb, "%%%02X", b)
		}
	}
	return sb.String()
}

// asciiName keeps a file name to safe ASCII for Content-Disposition.
func asciiName(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if r < 0x80 && (r == '-' || r == '_' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			sb.WriteRune(r)
		} else {
			sb.WriteByte('_')
		}
	}
	return sb.String()
}
