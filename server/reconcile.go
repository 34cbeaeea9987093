package server

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/extract/identity"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// The W3C Entity Reconciliation API (version 0.2), as OpenRefine speaks
// it: GET /reconcile is the manifest; GET or POST /reconcile with a
// "queries" parameter (a JSON batch) answers candidates for each query;
// /reconcile/preview?id= shows one entity; /reconcile/suggest/entity?prefix=
// completes names as a user types. Identifiers are the entities' paths
// under the store's base ("person/joseph-stalin"), so base+id is the IRI.
//
// Candidates are scored by name: 100 for the canonical name, 90 for a
// label or pseudonym, 80 for the same name in another script or
// romanisation (Штыков, Shtykov), up to 60 for names sharing some of the
// query's words; a "wikidata" property that agrees makes 100, "years"
// (a year or a range such as 1950-1953) keeps only the entities mentioned
// in documents of those years, and "country" (a name, an id or a Wikidata
// id) weighs a candidate's score by the share of its documents that mention
// that country (from half to whole). Types are the entity classes.

// MaxReconcileQueries caps one batch.
const MaxReconcileQueries = 1000

var reconcileTypes = []string{vocab.ClassPerson, vocab.ClassOrganization, vocab.ClassCountry, vocab.ClassPlace, vocab.ClassEvent, vocab.ClassProposal}

type typeRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func (s *server) handleReconcile(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "reconcile: "+err.Error())
		return
	}
	q := r.Form.Get("queries")
	if q == "" {
		if r.Form.Get("extend") != "" {
			s.fail(w, r, http.StatusBadRequest, "reconcile: data extension is not offered (see the manifest)")
			return
		}
		s.reconcileJSON(w, r, s.reconcileManifest())
		return
	}
	batch, err := parseQueryBatch([]byte(q))
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "reconcile: "+err.Error())
		return
	}
	idx, err := s.entityIndex(r)
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	for _, query := range batch {
		if _, ok := query.props["country"]; ok {
			if err := idx.loadCountries(r.Context(), s); err != nil {
				s.fail(w, r, ctxStatus(err), err.Error())
				return
			}
			break
		}
	}
	out := make(map[string]any, len(batch))
	for key, query := range batch {
		out[key] = map[string]any{"result": idx.reconcile(query)}
	}
	s.reconcileJSON(w, r, out)
}

func (s *server) reconcileJSON(w http.ResponseWriter, r *http.Request, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	// JSONP for older clients
	if cb := r.Form.Get("callback"); cb != "" && validCallback(cb) {
		w.Header().Set("Content-Type", "application/javascript; charset=utf-8")
		fmt.Fprint(w, cb+"(")
		json.NewEncoder(w).Encode(v)
		fmt.Fprint(w, ")")
		return
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func validCallback(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '$' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return len(s) <= 100
}

func (s *server) reconcileManifest() map[string]any {
	var types []typeRef
	for _, c := range reconcileTypes {
		types = append(types, typeRef{ID: c, Name: c})
	}
	return map[string]any{
		"versions":        []string{"0.2"},
		"name":            "docgraph entities of " + s.base,
		"identifierSpace": s.base,
		"schemaSpace":     vocab.DG,
		"defaultTypes":    types,
		"view":            map[string]string{"url": s.base + "{{id}}"},
		"preview":         map[string]any{"url": s.base + "reconcile/preview?id={{id}}", "width": 400, "height": 200},
		"suggest": map[string]any{
			"entity": map[string]string{"service_url": strings.TrimSuffix(s.base, "/"), "service_path": "/reconcile/suggest/entity"},
		},
	}
}

// reconQuery is one query of a batch.
type reconQuery struct {
	Query      string          `json:"query"`
	Type       json.RawMessage `json:"type"`
	Limit      *float64        `json:"limit"`
	Properties []struct {
		PID string          `json:"pid"`
		V   json.RawMessage `json:"v"`
	} `json:"properties"`
	TypeStrict string `json:"type_strict"`
	types      []string
	props      map[string][]string
}

// parseQueryBatch reads a batch as the query schema defines it, with an
// error naming the query and what is wrong.
func parseQueryBatch(data []byte) (map[string]*reconQuery, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("queries is not a JSON object of queries: %v", err)
	}
	if len(raw) > MaxReconcileQueries {
		return nil, fmt.Errorf("%d queries in one batch; at most %d", len(raw), MaxReconcileQueries)
	}
	out := make(map[string]*reconQuery, len(raw))
	for k, v := range raw {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(v, &fields); err != nil {
			return nil, fmt.Errorf("query %q is not an object", k)
		}
		for f := range fields {
			switch f {
			case "query", "type", "limit", "properties", "type_strict":
			default:
				return nil, fmt.Errorf("query %q: unknown member %q (query, type, limit, properties, type_strict)", k, f)
			}
		}
		q := &reconQuery{props: map[string][]string{}}
		dec := json.NewDecoder(strings.NewReader(string(v)))
		if err := dec.Decode(q); err != nil {
			return nil, fmt.Errorf("query %q: %v", k, err)
		}
		if _, ok := fields["properties"]; ok && len(q.Properties) == 0 && q.Query == "" {
			return nil, fmt.Errorf("query %q: properties is empty and there is no query string", k)
		}
		if q.Query == "" && len(q.Properties) == 0 {
			return nil, fmt.Errorf("query %q has neither a query string nor properties", k)
		}
		switch q.TypeStrict {
		case "", "any", "should", "all":
		default:
			return nil, fmt.Errorf("query %q: type_strict %q is not any, should or all", k, q.TypeStrict)
		}
		if len(q.Type) > 0 {
			var one string
			if err := json.Unmarshal(q.Type, &one); err == nil {
				q.types = []string{one}
			} else if err := json.Unmarshal(q.Type, &q.types); err != nil {
				return nil, fmt.Errorf("query %q: type is neither a string nor a list of strings", k)
			}
		}
		for _, p := range q.Properties {
			if p.PID == "" || len(p.V) == 0 {
				return nil, fmt.Errorf("query %q: a property needs pid and v", k)
			}
			vals, err := propertyValues(p.V)
			if err != nil {
				return nil, fmt.Errorf("query %q, property %q: %v", k, p.PID, err)
			}
			q.props[p.PID] = append(q.props[p.PID], vals...)
		}
		out[k] = q
	}
	return out, nil
}

func propertyValues(v json.RawMessage) ([]string, error) {
	var list []json.RawMessage
	if err := json.Unmarshal(v, &list); err != nil {
		list = []json.RawMessage{v}
	}
	var out []string
	for _, item := range list {
		var x any
		if err := json.Unmarshal(item, &x); err != nil {
			return nil, err
		}
		switch t := x.(type) {
		case string:
			out = append(out, t)
		case float64:
			out = append(out, strconv.FormatFloat(t, 'f', -1, 64))
		case bool:
			out = append(out, strconv.FormatBool(t))
		case map[string]any:
			id, _ := t["id"].(string)
			if id == "" {
				return nil, fmt.Errorf("an entity value needs an id")
			}
			out = append(out, id)
		default:
			return nil, fmt.Errorf("a value must be a string, number, boolean or {id}")
		}
	}
	return out, nil
}

// entityIndex holds the store's entities for one request.
type entityIndex struct {
	base string
	rows []catalog.EntityRow
	keys [][]string // per row: the folded names (canonical first)
	// per row and name: the words folded across scripts (scriptKey)
	words [][][]string
	// countries, made when a query asks for one: per entity, the documents
	// mentioning it and how many of them mention each country
	docsOf    map[rdf.IRI]int
	countries map[rdf.IRI]map[rdf.IRI]int
}

// countryShare is the largest share of the entity's documents that mention
// one of the countries named (by name, by id under the base, or by Wikidata
// id).
func (idx *entityIndex) countryShare(e rdf.IRI, vals []string) float64 {
	if idx.docsOf[e] == 0 {
		return 0
	}
	best := 0.0
	for _, v := range vals {
		fv := foldName(v)
		for i, c := range idx.rows {
			if c.Class != vocab.ClassCountry {
				continue
			}
			if idx.id(i) != v && string(c.IRI) != v && (c.Wikidata == "" || c.Wikidata != v) && !slices.Contains(idx.keys[i], fv) {
				continue
			}
			best = max(best, float64(idx.countries[e][c.IRI])/float64(idx.docsOf[e]))
		}
	}
	return best
}

// loadCountries counts, for every entity, its documents and the countries
// they mention.
func (idx *entityIndex) loadCountries(ctx context.Context, s *server) error {
	isCountry := map[rdf.IRI]bool{}
	for _, c := range idx.rows {
		if c.Class == vocab.ClassCountry {
			isCountry[c.IRI] = true
		}
	}
	byDoc := map[rdf.IRI][]rdf.IRI{}
	for q, err := range s.store.Match(ctx, nil, vocab.SchemaMentions, nil, nil) {
		if err != nil {
			return err
		}
		d, ok := q.S.(rdf.IRI)
		e, ok2 := q.O.(rdf.IRI)
		if ok && ok2 && d == q.G {
			byDoc[d] = append(byDoc[d], e)
		}
	}
	idx.docsOf, idx.countries = map[rdf.IRI]int{}, map[rdf.IRI]map[rdf.IRI]int{}
	for _, es := range byDoc {
		for _, e := range es {
			idx.docsOf[e]++
			for _, c := range es {
				if isCountry[c] {
					if idx.countries[e] == nil {
						idx.countries[e] = map[rdf.IRI]int{}
					}
					idx.countries[e][c]++
				}
			}
		}
	}
	return nil
}

func (s *server) entityIndex(r *http.Request) (*entityIndex, error) {
	rows, err := catalog.Entities(r.Context(), s.store, catalog.EntityFilter{})
	if err != nil {
		return nil, err
	}
	idx := &entityIndex{base: s.base, rows: rows, keys: make([][]string, len(rows)), words: make([][][]string, len(rows))}
	for i, e := range rows {
		idx.keys[i] = append(idx.keys[i], foldName(e.Name))
		for _, l := range e.Labels {
			if k := foldName(l); !slices.Contains(idx.keys[i], k) {
				idx.keys[i] = append(idx.keys[i], k)
			}
		}
		for _, k := range idx.keys[i] {
			idx.words[i] = append(idx.words[i], strings.Fields(scriptKey(k)))
		}
	}
	return idx, nil
}

// foldName compares names without case, accents or punctuation.
func foldName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// scriptKey is a name's words folded across scripts and romanisations.
func scriptKey(folded string) string {
	ws := strings.Fields(folded)
	for i, w := range ws {
		ws[i] = identity.Key(w)
	}
	return strings.Join(ws, " ")
}

type candidate struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Score       float64   `json:"score"`
	Match       bool      `json:"match"`
	Type        []typeRef `json:"type"`
	Features    []feature `json:"features,omitempty"`
}

type feature struct {
	ID    string  `json:"id"`
	Value float64 `json:"value"`
}

func (idx *entityIndex) id(i int) string {
	return strings.TrimPrefix(string(idx.rows[i].IRI), idx.base)
}

func (idx *entityIndex) describe(i int) string {
	e := idx.rows[i]
	var parts []string
	if e.First != "" {
		y := e.First[:min(4, len(e.First))]
		if l := e.Last[:min(4, len(e.Last))]; l != y {
			y += "-" + l
		}
		parts = append(parts, "in documents of "+y)
	}
	parts = append(parts, fmt.Sprintf("%d documents", e.Documents))
	if e.Wikidata != "" {
		parts = append(parts, "Wikidata "+e.Wikidata)
	}
	return strings.Join(parts, ", ")
}

// score is how well the query names entity i (0: not at all) and why.
func (idx *entityIndex) score(q string, qw []string, i int) (float64, []feature) {
	keys := idx.keys[i]
	if q == keys[0] {
		return 100, []feature{{"name_exact", 1}}
	}
	if slices.Contains(keys[1:], q) {
		return 90, []feature{{"label_exact", 1}}
	}
	for _, kw := range idx.words[i] {
		if slices.Equal(kw, qw) {
			return 80, []feature{{"script_variant", 1}}
		}
	}
	best := 0.0
	for _, kw := range idx.words[i] {
		common := 0
		for _, w := range qw {
			if slices.Contains(kw, w) {
				common++
			}
		}
		if common == 0 {
			continue
		}
		f := float64(common) / float64(max(len(qw), len(kw)))
		best = max(best, f)
	}
	if best == 0 {
		return 0, nil
	}
	return 60 * best, []feature{{"word_overlap", best}}
}

func (idx *entityIndex) reconcile(q *reconQuery) []candidate {
	limit := 5
	if q.Limit != nil && *q.Limit > 0 {
		limit = min(int(*q.Limit), 100)
	}
	folded := foldName(q.Query)
	qw := strings.Fields(scriptKey(folded))
	var out []candidate
	for i, e := range idx.rows {
		if len(q.types) > 0 && !slices.Contains(q.types, e.Class) {
			continue
		}
		sc, feats := 0.0, []feature(nil)
		if folded != "" {
			if sc, feats = idx.score(folded, qw, i); sc == 0 {
				continue
			}
		}
		keep := true
		for pid, vals := range q.props {
			switch pid {
			case "wikidata":
				if slices.Contains(vals, e.Wikidata) && e.Wikidata != "" {
					sc = 100
					feats = append(feats, feature{"wikidata", 1})
				} else if folded == "" {
					keep = false
				}
			case "years":
				if !activeIn(e, vals) {
					keep = false
				}
			case "country":
				// soft: the share of the entity's documents that mention
				// the country weighs its score (0.5 to 1)
				share := idx.countryShare(e.IRI, vals)
				sc *= 0.5 + 0.5*share
				feats = append(feats, feature{"country", share})
			}
		}
		if !keep || (folded == "" && sc == 0) {
			continue
		}
		out = append(out, candidate{ID: idx.id(i), Name: e.Name, Description: idx.describe(i), Score: sc,
			Type: []typeRef{{ID: e.Class, Name: e.Class}}, Features: feats})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Score != out[b].Score {
			return out[a].Score > out[b].Score
		}
		return out[a].Name < out[b].Name
	})
	if len(out) > limit {
		out = out[:limit]
	}
	// a certain match: the only candidate named exactly (or by its Wikidata id)
	if len(out) > 0 && out[0].Score >= 100 && (len(out) == 1 || out[1].Score < 100) {
		out[0].Match = true
	}
	if out == nil {
		out = []candidate{}
	}
	return out
}

// activeIn reports whether the entity's documents fall in one of the
// years or ranges given ("1950", "1950-1953").
func activeIn(e catalog.EntityRow, vals []string) bool {
	if e.First == "" {
		return false
	}
	first, _ := strconv.Atoi(e.First[:min(4, len(e.First))])
	last, _ := strconv.Atoi(e.Last[:min(4, len(e.Last))])
	for _, v := range vals {
		a, b, _ := strings.Cut(v, "-")
		from, err1 := strconv.Atoi(strings.TrimSpace(a))
		to := from
		if b != "" {
			to, _ = strconv.Atoi(strings.TrimSpace(b))
		}
		if err1 == nil && first <= to && last >= from {
			return true
		}
	}
	return false
}

func (s *server) handleSuggestEntity(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	prefix := foldName(r.Form.Get("prefix"))
	if prefix == "" {
		s.fail(w, r, http.StatusBadRequest, "suggest: a prefix is required")
		return
	}
	idx, err := s.entityIndex(r)
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	type sugg struct {
		ID          string    `json:"id"`
		Name        string    `json:"name"`
		Description string    `json:"description,omitempty"`
		Notable     []typeRef `json:"notable"`
	}
	res := []sugg{}
	for i, e := range idx.rows {
		hit := false
		for _, k := range idx.keys[i] {
			if strings.HasPrefix(k, prefix) || strings.Contains(k, " "+prefix) {
				hit = true
				break
			}
		}
		if hit {
			res = append(res, sugg{ID: idx.id(i), Name: e.Name, Description: idx.describe(i), Notable: []typeRef{{ID: e.Class, Name: e.Class}}})
		}
		if len(res) == 20 {
			break
		}
	}
	s.reconcileJSON(w, r, map[string]any{"result": res})
}

var previewTmpl = template.Must(template.New("preview").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>{{.Name}}</title></head>
<body style="font-family:sans-serif;margin:8px">
<p><a href="{{.IRI}}" target="_blank"><strong>{{.Name}}</strong></a> ({{.Class}})</p>
<p>{{.Description}}</p>
{{if .Labels}}<p style="color:#555">{{.Labels}}</p>{{end}}
</body></html>
`))

func (s *server) handleReconcilePreview(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	id := r.Form.Get("id")
	idx, err := s.entityIndex(r)
	if err != nil {
		s.fail(w, r, ctxStatus(err), err.Error())
		return
	}
	for i, e := range idx.rows {
		if idx.id(i) != id {
			continue
		}
		labels := e.Labels
		if len(labels) > 8 {
			labels = labels[:8]
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		previewTmpl.Execute(w, map[string]string{"IRI": string(e.IRI), "Name": e.Name, "Class": e.Class,
			"Description": idx.describe(i), "Labels": strings.Join(labels, " · ")})
		return
	}
	s.fail(w, r, http.StatusNotFound, "preview: no entity "+strconv.Quote(id))
}
