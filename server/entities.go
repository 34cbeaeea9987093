package server

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/vocab"
)

// entitiesView is the list of entities of one class, most mentioned first.
type entitiesView struct {
	Class      string
	Classes    []link
	Total      int
	Entities   []entityRow
	Prev, Next string
	Page       int
	Pages      int
}

type entityRow struct {
	Href, Name, Years, Wikidata string
	Documents                   int
	Linked                      bool
}

const entitiesPage = 100

func (s *server) handleEntities(w http.ResponseWriter, r *http.Request) {
	class := r.URL.Query().Get("class")
	if class == "" {
		class = vocab.ClassPerson
	}
	if vocab.ClassIRI(class) == "" {
		s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("no class %q: Person, Organization, Country, Place, Event or Proposal", class))
		return
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	rows, err := catalog.Entities(r.Context(), s.store, catalog.EntityFilter{Class: class})
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	v := entitiesView{Class: class, Total: len(rows), Page: page, Pages: max(1, (len(rows)+entitiesPage-1)/entitiesPage)}
	for _, c := range []string{vocab.ClassPerson, vocab.ClassOrganization, vocab.ClassCountry, vocab.ClassPlace, vocab.ClassEvent, vocab.ClassProposal} {
		l := link{Href: "/entities?class=" + c, Text: c}
		if c == class {
			l.Note = "current"
		}
		v.Classes = append(v.Classes, l)
	}
	from := min((page-1)*entitiesPage, len(rows))
	for _, e := range rows[from:min(from+entitiesPage, len(rows))] {
		years := e.First
		if len(years) > 4 {
			years = years[:4]
		}
		if l := e.Last; len(l) >= 4 && l[:4] != years {
			years += "–" + l[:4]
		}
		v.Entities = append(v.Entities, entityRow{Href: s.href(e.IRI), Name: e.Name, Years: years, Wikidata: e.Wikidata,
			Documents: e.Documents, Linked: e.Gazetteer})
	}
	if page > 1 {
		v.Prev = fmt.Sprintf("/entities?class=%s&page=%d", class, page-1)
	}
	if page < v.Pages {
		v.Next = fmt.Sprintf("/entities?class=%s&page=%d", class, page+1)
	}
	s.render(w, r, "entities", pageData{Title: class + " (" + strconv.Itoa(len(rows)) + ")", Nav: "entities", Body: v})
}
