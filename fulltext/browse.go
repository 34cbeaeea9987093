package fulltext

import (
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Facets are the dimensions documents can be browsed by.
var Facets = []string{"year", "kind", "archive", "author", "recipient", "language", "entity"}

var facetField = map[string]string{
	"year": "f_year", "kind": "kind", "archive": "f_archive", "author": "f_author",
	"recipient": "f_recipient", "language": "language", "entity": "f_entity",
}

// Browse is a page of the document list: the documents with every facet
// value chosen (and the words of Text, if any), in an order, with the
// counts of each facet's values among them.
type Browse struct {
	Text   string
	Chosen map[string]string // facet -> value
	Sort   string            // "date" (default), "-date", "title", "id"
	Page   int               // from 0
	Size   int               // default 50
	// FacetSize is how many values of each facet to count (default 12).
	FacetSize int
}

// FacetValue is one value of a facet with the number of documents.
type FacetValue struct {
	Value string
	Count int
}

// BrowseResult is one page.
type BrowseResult struct {
	Total  uint64
	Hits   []Hit
	Facets map[string][]FacetValue
}

// Browse lists documents by facets.
func (ix *Index) Browse(b Browse) (BrowseResult, error) {
	var must []query.Query
	if b.Text != "" {
		words, phrases, err := parse(b.Text)
		if err != nil {
			return BrowseResult{}, err
		}
		if len(words)+len(phrases) > 0 {
			must = append(must, textQuery(b.Text, words, phrases))
		}
	}
	for _, f := range Facets {
		v, ok := b.Chosen[f]
		if !ok || v == "" {
			continue
		}
		t := query.NewTermQuery(v)
		t.SetField(facetField[f])
		must = append(must, t)
	}
	var top query.Query = query.NewMatchAllQuery()
	if len(must) > 0 {
		top = query.NewConjunctionQuery(must)
	}
	size := b.Size
	if size <= 0 {
		size = 50
	}
	req := bleve.NewSearchRequestOptions(top, size, b.Page*size, false)
	req.Fields = []string{"iri", "id", "title", "date", "kind"}
	switch b.Sort {
	case "-date":
		req.SortBy([]string{"-date", "id"})
	case "title":
		req.SortBy([]string{"f_title", "date"})
	case "id":
		req.SortBy([]string{"id"})
	default:
		req.SortBy([]string{"date", "id"})
	}
	fs := b.FacetSize
	if fs <= 0 {
		fs = 12
	}
	for _, f := range Facets {
		req.AddFacet(f, bleve.NewFacetRequest(facetField[f], fs))
	}
	res, err := ix.b.Search(req)
	if err != nil {
		return BrowseResult{}, err
	}
	out := BrowseResult{Total: res.Total, Facets: map[string][]FacetValue{}}
	for _, h := range res.Hits {
		hit := Hit{IRI: h.ID}
		hit.ID, _ = h.Fields["id"].(string)
		hit.Title, _ = h.Fields["title"].(string)
		hit.Date, _ = h.Fields["date"].(string)
		hit.Kind, _ = h.Fields["kind"].(string)
		out.Hits = append(out.Hits, hit)
	}
	for name, fr := range res.Facets {
		var vs []FacetValue
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				vs = append(vs, FacetValue{Value: t.Term, Count: t.Count})
			}
		}
		if name == "year" {
			sort.Slice(vs, func(i, j int) bool { return vs[i].Value < vs[j].Value })
		}
		out.Facets[name] = vs
	}
	return out, nil
}
