package server

import (
	"cmp"
	"context"
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

//go:embed examples/*.rq
var exampleFS embed.FS

// whereBrace finds the opening brace of a WHERE clause.
var whereBrace = regexp.MustCompile(`(?i)\bWHERE\s*\{`)

// defaultValue reads a parameter's default from its description.
var defaultValue = regexp.MustCompile(`\(default ([^)\s]+)\)`)

// param is a query parameter and its description.
type param struct{ name, doc string }

// example is a query offered in the editor.
type example struct {
	Name, Description, Text string
}

// examples lists the queries the editor offers: the canned queries of
// package queries first, then the server's own (examples/*.rq, headed by
// "# name:" and "# description:" lines like the canned ones). A query with
// a parameter named entity gets a trailing VALUES clause binding it to a
// sample person; other parameters stay unbound, which the canned queries
// read as "no restriction".
func (s *server) examples(ctx context.Context) []example {
	sample := s.sampleEntity(ctx)
	// bind fills the parameters in: entity with the sample person, others
	// with the default their description gives ("(default 1950)").
	bind := func(text string, params []param) string {
		text = strings.TrimSpace(text) + "\n"
		var values strings.Builder
		for _, p := range params {
			val := ""
			switch {
			case p.name == "entity":
				val = sample.String()
			default:
				m := defaultValue.FindStringSubmatch(p.doc)
				if m == nil {
					continue
				}
				if _, err := strconv.Atoi(m[1]); err == nil {
					val = m[1]
				} else {
					val = rdf.NewString(m[1]).String()
				}
			}
			fmt.Fprintf(&values, "\n  VALUES ?%s { %s }", p.name, val)
		}
		if values.Len() == 0 {
			return text
		}
		// The bindings go first inside the WHERE clause: a VALUES clause
		// after the query would join only after the FILTERs that read it.
		at := -1
		if loc := whereBrace.FindStringIndex(text); loc != nil {
			at = loc[1]
		} else if i := strings.IndexByte(text, '{'); i >= 0 {
			at = i + 1
		}
		if at < 0 {
			return text
		}
		return text[:at] + values.String() + text[at:]
	}
	var out []example
	canned, err := queries.CannedQueries()
	if err != nil {
		s.log.Warn("canned queries", "err", err)
	}
	for _, c := range canned {
		var params []param
		for _, p := range c.Params {
			params = append(params, param{p.Name, p.Doc})
		}
		out = append(out, example{Name: c.Name, Description: c.Description, Text: bind(c.Text, params)})
	}
	names, _ := fs.Glob(exampleFS, "examples/*.rq")
	for _, n := range names {
		b, err := exampleFS.ReadFile(n)
		if err != nil {
			continue
		}
		ex := example{Name: strings.TrimSuffix(path.Base(n), ".rq")}
		var body []string
		var params []param
		for line := range strings.SplitSeq(string(b), "\n") {
			switch {
			case strings.HasPrefix(line, "# name:"):
				ex.Name = strings.TrimSpace(strings.TrimPrefix(line, "# name:"))
			case strings.HasPrefix(line, "# description:"):
				ex.Description = strings.TrimSpace(strings.TrimPrefix(line, "# description:"))
			case strings.HasPrefix(line, "# param:"):
				name, doc, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "# param:")), " - ")
				params = append(params, param{strings.TrimSpace(name), doc})
			default:
				body = append(body, line)
			}
		}
		if slices.ContainsFunc(out, func(e example) bool { return e.Name == ex.Name }) {
			continue
		}
		ex.Text = bind(strings.Join(body, "\n"), params)
		out = append(out, ex)
	}
	return out
}

// sampleEntity is the person named in most documents, to fill examples.
func (s *server) sampleEntity(ctx context.Context) rdf.IRI {
	best, n := s.mint.Entity(vocab.ClassPerson, "Joseph Stalin"), 0
	counts := map[rdf.IRI]int{}
	for q, err := range s.store.Match(ctx, nil, vocab.DCCreator, nil, nil) {
		if err != nil {
			break
		}
		if e, ok := q.O.(rdf.IRI); ok {
			counts[e]++
			if counts[e] > n || counts[e] == n && e < best {
				best, n = e, counts[e]
			}
		}
	}
	return best
}

// sparqlView is the editor page, with results when a query ran.
type sparqlView struct {
	Query     string
	Examples  []link
	Error     string
	Ran       bool
	Form      string // "select", "ask", "graph"
	Vars      []string
	Rows      [][]cell
	Boolean   bool
	Count     int
	Truncated bool
	Downloads []link
	Elapsed   string
}

// cell is one value in the results table.
type cell struct {
	Text, Href, Title, Note string
}

func (s *server) editorPage(w http.ResponseWriter, r *http.Request, req sparqlRequest, v *sparqlView) {
	if v == nil {
		v = &sparqlView{}
	}
	v.Query = req.query
	exs := s.examples(r.Context())
	for _, ex := range exs {
		v.Examples = append(v.Examples, link{Href: "/sparql?example=" + url.QueryEscape(ex.Name), Text: ex.Name, Title: ex.Description})
		if !req.hasQuery && ex.Name == req.example {
			v.Query = ex.Text
		}
	}
	if v.Query == "" {
		if len(exs) > 0 {
			v.Query = exs[0].Text
		} else {
			v.Query = "SELECT * WHERE { ?s ?p ?o } LIMIT 10\n"
		}
	}
	code := http.StatusOK
	if v.Error != "" {
		code = http.StatusBadRequest
	}
	s.renderStatus(w, r, code, "sparql", pageData{Title: "SPARQL", Nav: "sparql", Body: v})
}

// resultView turns a result into table cells with links.
func (s *server) resultView(ctx context.Context, req sparqlRequest, res *queryResult) *sparqlView {
	v := &sparqlView{Ran: true, Truncated: res.truncated}
	q := url.Values{"query": {req.query}}
	for _, g := range req.defaultGraph {
		q.Add("default-graph-uri", string(g))
	}
	for _, g := range req.namedGraph {
		q.Add("named-graph-uri", string(g))
	}
	dl := func(names ...string) {
		for _, n := range names {
			q.Set("format", n)
			v.Downloads = append(v.Downloads, link{Href: "/sparql?" + q.Encode(), Text: n})
		}
	}
	labels := map[rdf.IRI]string{}
	show := func(t rdf.Term) cell {
		switch x := t.(type) {
		case nil:
			return cell{}
		case rdf.IRI:
			if h := s.href(x); h != "" {
				l, ok := labels[x]
				if !ok {
					l = s.label(ctx, x)
					labels[x] = l
				}
				return cell{Text: l, Href: h, Title: string(x)}
			}
			text := cmp.Or(vocab.Compact(x), string(x))
			return cell{Text: text, Href: string(x), Title: string(x)}
		case rdf.BlankNode:
			return cell{Text: "_:" + string(x)}
		case rdf.Literal:
			c := cell{Text: x.Lexical}
			switch {
			case x.Lang != "":
				c.Note = "@" + x.Lang
			case x.Datatype != vocab.XSDString && x.Datatype != "":
				c.Note = cmp.Or(vocab.Compact(x.Datatype), string(x.Datatype))
			}
			return c
		}
		return cell{}
	}
	switch res.form {
	case queries.Ask:
		v.Form, v.Boolean = "ask", res.boolean
		dl("json", "xml")
	case queries.Construct, queries.Describe:
		v.Form, v.Vars = "graph", []string{"subject", "predicate", "object"}
		ts := prepare(res.triples, fmtTurtle)
		for _, t := range ts {
			v.Rows = append(v.Rows, []cell{show(t.S), show(t.P), show(t.O)})
		}
		v.Count = len(ts)
		dl("ttl", "jsonld", "nt", "rdf")
	default:
		v.Form, v.Vars = "select", res.vars
		for _, row := range res.rows {
			cells := make([]cell, len(row))
			for i, t := range row {
				cells[i] = show(t)
			}
			v.Rows = append(v.Rows, cells)
		}
		v.Count = len(res.rows)
		dl("json", "xml", "csv", "tsv")
	}
	v.Vars = slices.Clone(v.Vars)
	return v
}
