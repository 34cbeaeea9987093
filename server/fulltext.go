package server

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"strings"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
)

// fullTextHits fills the search page's documents from the full-text index:
// at most 100, with passages from every version where the words are. It
// answers a query the index cannot read with 400 and reports false.
func (s *server) fullTextHits(w http.ResponseWriter, r *http.Request, q string, v *searchView) bool {
	res, err := s.cfg.Index.Search(fulltext.Query{Text: q, Size: 100, HTML: true,
		Kind: r.URL.Query().Get("kind"), From: r.URL.Query().Get("from"), To: r.URL.Query().Get("to"),
		Archive: r.URL.Query().Get("archive"), Person: r.URL.Query().Get("person")})
	var se *fulltext.SyntaxError
	if errors.As(err, &se) {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return false
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err.Error())
		return false
	}
	for _, h := range res.Hits {
		d := catalog.Document{IRI: rdf.IRI(h.IRI), ID: h.ID, Date: h.Date, Kind: h.Kind, Title: h.Title}
		hit := docHit{docLink: s.docLink(d, ""), ID: h.ID}
		for _, f := range []string{"title", "summary", "id", "shelfmark"} {
			for _, frag := range h.Snippets[f] {
				hit.Snippets = append(hit.Snippets, snippet{Field: f, HTML: safeFragment(frag)})
			}
		}
		for f, frags := range h.Snippets {
			if !strings.HasPrefix(f, "text_") {
				continue
			}
			for _, frag := range frags {
				hit.Snippets = append(hit.Snippets, snippet{Field: strings.TrimPrefix(f, "text_"), HTML: safeFragment(frag)})
			}
		}
		if len(hit.Snippets) > 0 {
			hit.Field = hit.Snippets[0].Field
		}
		v.Documents = append(v.Documents, hit)
	}
	return true
}

// safeFragment is a highlighted passage: the index escapes the text and
// adds only <mark> elements; a passage cut inside a character is mended.
func safeFragment(s string) template.HTML {
	return template.HTML(strings.ToValidUTF8(s, ""))
}

// dataset is what SPARQL queries run over: the store as corrected, with dg:textMatch
// answered by the full-text index where the server has one.
func (s *server) dataset(ctx context.Context) (queries.Dataset, error) {
	// the corrected graph: the extracted twins are not in the default graph (curate)
	set, err := curate.Load(ctx, s.store)
	if err != nil {
		return nil, err
	}
	ds := set.View(queries.StoreDataset(s.store), false)
	if s.cfg.Index == nil {
		return ds, nil
	}
	ix := s.cfg.Index
	return queries.WithTextIndex(ds, func(ctx context.Context, text string) ([]rdf.IRI, error) {
		iris, err := ix.Matching(text, 10000)
		if err != nil {
			return nil, err
		}
		out := make([]rdf.IRI, len(iris))
		for i, x := range iris {
			out[i] = rdf.IRI(x)
		}
		return out, nil
	}), nil
}
