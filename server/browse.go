package server

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/rdf"
)

// browseView is the documents page: every document, a page at a time, with
// facets to narrow the list and links to sort it.
type browseView struct {
	Total      uint64
	Docs       []docLink
	Chosen     []link // the facet values chosen, each with a link that drops it
	Facets     []facetView
	Sorts      []link
	Prev, Next string
	Page       int
	Pages      int
	Text       string
	NoIndex    bool
}

type facetView struct {
	Name   string
	Values []link
}

const browsePage = 50

// browseAll is the page size of a documents page asked for whole (all=1,
// the year links of the home page).
const browseAll = 10000

func (s *server) handleBrowse(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page, _ := strconv.Atoi(q.Get("page"))
	if page < 1 {
		page = 1
	}
	sortBy := q.Get("sort")
	switch sortBy {
	case "", "date", "-date", "title", "id":
	default:
		s.fail(w, r, http.StatusBadRequest, "sort by date, -date, title or id")
		return
	}
	v := browseView{Page: page, Text: q.Get("q")}
	size := browsePage
	if q.Get("all") == "1" {
		size = browseAll
	}
	with := func(key, val string) string {
		u := url.Values{}
		for k, vs := range q {
			if k != "page" {
				u[k] = slices.Clone(vs)
			}
		}
		if val == "" {
			u.Del(key)
		} else {
			u.Set(key, val)
		}
		if e := u.Encode(); e != "" {
			return "/documents?" + e
		}
		return "/documents"
	}
	for _, o := range []struct{ key, text string }{{"date", "oldest first"}, {"-date", "latest first"}, {"title", "by title"}, {"id", "by record id"}} {
		l := link{Href: with("sort", o.key), Text: o.text}
		if o.key == sortBy || sortBy == "" && o.key == "date" {
			l.Note = "current"
		}
		v.Sorts = append(v.Sorts, l)
	}
	if s.cfg.Index == nil || q.Get("year") == "undated" {
		// without an index (or for the undated, which have no year to
		// facet by): every document by date, a page at a time
		sn, err := s.snapshot(r.Context())
		if err != nil {
			s.fail(w, r, ctxStatus(err), err.Error())
			return
		}
		v.NoIndex = true
		docs := sn.docs
		if y := q.Get("year"); y != "" {
			var in []catalog.Document
			for _, d := range docs {
				if strings.HasPrefix(d.Date, y) || y == "undated" && len(d.Date) < 4 {
					in = append(in, d)
				}
			}
			docs = in
			v.Chosen = append(v.Chosen, link{Href: with("year", ""), Text: "year: " + y})
		}
		v.Total = uint64(len(docs))
		from := min((page-1)*size, len(docs))
		for _, d := range docs[from:min(from+size, len(docs))] {
			v.Docs = append(v.Docs, s.docLink(d, ""))
		}
	} else {
		chosen := map[string]string{}
		for _, f := range fulltext.Facets {
			if val := q.Get(f); val != "" {
				chosen[f] = val
				v.Chosen = append(v.Chosen, link{Href: with(f, ""), Text: f + ": " + val})
			}
		}
		res, err := s.cfg.Index.Browse(fulltext.Browse{Text: v.Text, Chosen: chosen, Sort: sortBy, Page: page - 1, Size: size})
		var se *fulltext.SyntaxError
		if errors.As(err, &se) {
			s.fail(w, r, http.StatusBadRequest, err.Error())
			return
		}
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err.Error())
			return
		}
		v.Total = res.Total
		for _, h := range res.Hits {
			v.Docs = append(v.Docs, s.docLink(catalog.Document{IRI: rdf.IRI(h.IRI), ID: h.ID, Date: h.Date, Kind: h.Kind, Title: h.Title}, ""))
		}
		for _, f := range fulltext.Facets {
			if _, ok := chosen[f]; ok {
				continue
			}
			fv := facetView{Name: f}
			for _, val := range res.Facets[f] {
				fv.Values = append(fv.Values, link{Href: with(f, val.Value), Text: val.Value, Note: strconv.Itoa(val.Count)})
			}
			if len(fv.Values) > 0 {
				v.Facets = append(v.Facets, fv)
			}
		}
	}
	v.Pages = max(1, int((v.Total+uint64(size)-1)/uint64(size)))
	if page > 1 {
		v.Prev = with("page", strconv.Itoa(page-1))
	}
	if page < v.Pages {
		v.Next = with("page", strconv.Itoa(page+1))
	}
	s.render(w, r, "documents", pageData{Title: fmt.Sprintf("Documents (%d)", v.Total), Nav: "documents", Body: v})
}
