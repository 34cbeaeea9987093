package queries_test

// The W3C SPARQL 1.1 query test suite, run from its manifests in
// ../shared/w3c/sparql11: one Go test per folder, one subtest per manifest
// entry, a handler per test type. Tests listed in
// testdata/known-failures.txt (test IRI, then the reason) are reported and
// skipped when they fail; any other failure fails the build, and a listed
// test that passes fails too, so the list stays honest.

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/queries/ast"
	"github.com/docgraph/docgraph/queries/builtin"
	"github.com/docgraph/docgraph/queries/parser"
	"github.com/docgraph/docgraph/queries/results"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

func TestW3CSyntaxQuery(t *testing.T)       { runW3CFolder(t, "syntax-query") }
func TestW3CAggregates(t *testing.T)        { runW3CFolder(t, "aggregates") }
func TestW3CBind(t *testing.T)              { runW3CFolder(t, "bind") }
func TestW3CBindings(t *testing.T)          { runW3CFolder(t, "bindings") }
func TestW3CCast(t *testing.T)              { runW3CFolder(t, "cast") }
func TestW3CConstruct(t *testing.T)         { runW3CFolder(t, "construct") }
func TestW3CExists(t *testing.T)            { runW3CFolder(t, "exists") }
func TestW3CFunctions(t *testing.T)         { runW3CFolder(t, "functions") }
func TestW3CGrouping(t *testing.T)          { runW3CFolder(t, "grouping") }
func TestW3CJSONResults(t *testing.T)       { runW3CFolder(t, "json-res") }
func TestW3CCSVTSVResults(t *testing.T)     { runW3CFolder(t, "csv-tsv-res") }
func TestW3CNegation(t *testing.T)          { runW3CFolder(t, "negation") }
func TestW3CProjectExpression(t *testing.T) { runW3CFolder(t, "project-expression") }
func TestW3CPropertyPath(t *testing.T)      { runW3CFolder(t, "property-path") }
func TestW3CSubquery(t *testing.T)          { runW3CFolder(t, "subquery") }

// Vocabulary of the manifests.
const (
	w3cMF  = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	w3cQT  = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
	w3cRS  = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
	w3cRDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// w3cTimeout bounds one query evaluation.
const w3cTimeout = 20 * time.Second

// w3cEntry is one test of a manifest.
type w3cEntry struct {
	iri       string
	name      string
	typ       string   // local name of the test type
	query     string   // query file (path)
	data      []string // qt:data files (paths)
	graphData []string // qt:graphData IRIs (file IRIs)
	result    string   // expected result file (path)
}

// w3cHandlers maps test types to their checks. A handler returns an error
// describing how the test failed.
var w3cHandlers = map[string]func(t *testing.T, e w3cEntry) error{
	"PositiveSyntaxTest11": positiveSyntax,
	"PositiveSyntaxTest":   positiveSyntax,
	"NegativeSyntaxTest11": negativeSyntax,
	"NegativeSyntaxTest":   negativeSyntax,
	"QueryEvaluationTest":  queryEvaluation,
	"CSVResultFormatTest":  csvResultFormat,
}

func runW3CFolder(t *testing.T, folder string) {
	dir := filepath.Join(rdftest.SharedDir(t), "w3c", "sparql11", folder)
	known := loadKnownFailures(t)
	entries := readW3CManifest(t, filepath.Join(dir, "manifest.ttl"))
	var passed, knownFailed, failed, skipped int
	for _, e := range entries {
		handler := w3cHandlers[e.typ]
		t.Run(w3cLocalName(e.iri), func(t *testing.T) {
			if handler == nil {
				skipped++
				t.Skipf("no handler for test type %s", e.typ)
			}
			err := runW3CHandler(t, handler, e)
			reason, isKnown := known[e.iri]
			switch {
			case err == nil && isKnown:
				failed++
				t.Errorf("%s passes but is listed in testdata/known-failures.txt (%s): remove the line", e.iri, reason)
			case err == nil:
				passed++
			case isKnown:
				knownFailed++
				t.Skipf("known failure (%s): %v", reason, firstLine(err.Error()))
			default:
				failed++
				t.Errorf("%s\n%s: %v", e.iri, e.name, err)
			}
		})
	}
	t.Logf("%s: %d passed, %d known failures, %d failed, %d skipped, of %d",
		folder, passed, knownFailed, failed, skipped, len(entries))
}

// runW3CHandler runs a handler, turning a panic in the engine into a failure.
func runW3CHandler(t *testing.T, h func(*testing.T, w3cEntry) error, e w3cEntry) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return h(t, e)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

func w3cLocalName(iri string) string {
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 {
		return iri[i+1:]
	}
	return iri
}

// loadKnownFailures reads testdata/known-failures.txt: "IRI reason" lines,
// with blank lines and "#" comments ignored.
func loadKnownFailures(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "known-failures.txt"))
	if err != nil {
		t.Fatalf("known failures list: %v", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		iri, reason, _ := strings.Cut(line, " ")
		if strings.TrimSpace(reason) == "" {
			t.Fatalf("testdata/known-failures.txt:%d: %s has no reason", n, iri)
		}
		out[iri] = strings.TrimSpace(reason)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// readW3CManifest lists a manifest's entries in the order of mf:entries.
func readW3CManifest(t *testing.T, path string) []w3cEntry {
	t.Helper()
	quads, err := rdfio.ReadFile(path)
	if err != nil {
		t.Fatalf("reading manifest: %v", err)
	}
	props := map[rdf.Term]map[rdf.IRI][]rdf.Term{}
	var head rdf.Term
	for _, q := range quads {
		p := q.P.(rdf.IRI)
		if props[q.S] == nil {
			props[q.S] = map[rdf.IRI][]rdf.Term{}
		}
		props[q.S][p] = append(props[q.S][p], q.O)
		if p == w3cMF+"entries" {
			head = q.O
		}
	}
	get := func(s rdf.Term, p rdf.IRI) rdf.Term {
		if v := props[s][p]; len(v) > 0 {
			return v[0]
		}
		return nil
	}
	path2 := func(t rdf.Term) string {
		iri, _ := t.(rdf.IRI)
		return strings.TrimPrefix(string(iri), "file://")
	}
	var out []w3cEntry
	for head != nil && head != rdf.IRI(w3cRDF+"nil") {
		node := get(head, w3cRDF+"first")
		head = get(head, w3cRDF+"rest")
		e := w3cEntry{iri: strings.TrimPrefix(node.String(), "<")}
		e.iri = strings.TrimSuffix(e.iri, ">")
		if l, ok := get(node, w3cMF+"name").(rdf.Literal); ok {
			e.name = l.Lexical
		}
		if typ, ok := get(node, w3cRDF+"type").(rdf.IRI); ok {
			e.typ = w3cLocalName(string(typ))
		}
		switch a := get(node, w3cMF+"action").(type) {
		case rdf.IRI:
			e.query = path2(a)
		case rdf.BlankNode:
			e.query = path2(get(a, w3cQT+"query"))
			for _, d := range props[a][w3cQT+"data"] {
				e.data = append(e.data, path2(d))
			}
			for _, g := range props[a][w3cQT+"graphData"] {
				if iri, ok := g.(rdf.IRI); ok {
					e.graphData = append(e.graphData, string(iri))
				}
			}
		}
		e.result = path2(get(node, w3cMF+"result"))
		out = append(out, e)
	}
	if len(out) == 0 {
		t.Fatalf("%s lists no entries", path)
	}
	return out
}

const w3cQueryBase = "http://example.org/base/"

func positiveSyntax(t *testing.T, e w3cEntry) error {
	text, err := os.ReadFile(e.query)
	if err != nil {
		return err
	}
	if _, err := queries.Prepare(string(text), queries.Options{Filename: filepath.Base(e.query), Base: w3cQueryBase}); err != nil {
		return fmt.Errorf("rejected a valid query: %v\n%s", err, text)
	}
	// The syntax tree must print back to SPARQL that parses to the same tree.
	q, err := parser.ParseQuery(string(text), parser.Options{})
	if err != nil {
		return err
	}
	printed := ast.Format(q)
	q2, err := parser.ParseQuery(printed, parser.Options{})
	if err != nil {
		return fmt.Errorf("printed form does not parse: %v\n%s", err, printed)
	}
	if again := ast.Format(q2); again != printed {
		return fmt.Errorf("printing is not stable:\n%s\n---\n%s", printed, again)
	}
	return nil
}

func negativeSyntax(t *testing.T, e w3cEntry) error {
	text, err := os.ReadFile(e.query)
	if err != nil {
		return err
	}
	if _, err := queries.Prepare(string(text), queries.Options{Filename: filepath.Base(e.query), Base: w3cQueryBase}); err == nil {
		return fmt.Errorf("accepted a query that is not valid SPARQL:\n%s", text)
	}
	return nil
}

// w3cOutcome is what a query produced.
type w3cOutcome struct {
	table *results.Table // SELECT and ASK
	graph []rdf.Quad     // CONSTRUCT and DESCRIBE
}

// loadW3CDataset builds the dataset of a test: qt:data files merged into
// the default graph (blank nodes kept apart per file), each qt:graphData
// file a named graph called by its IRI.
func loadW3CDataset(e w3cEntry) (*rdf.Dataset, error) {
	ds := rdf.NewDataset()
	for i, path := range e.data {
		qs, err := rdfio.ReadFileWith(path, rdfio.Options{BlankPrefix: fmt.Sprintf("d%d_", i)})
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			ds.Add(q)
		}
	}
	for i, iri := range e.graphData {
		qs, err := rdfio.ReadFileWith(strings.TrimPrefix(iri, "file://"), rdfio.Options{BlankPrefix: fmt.Sprintf("g%d_", i)})
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			q.G = rdf.IRI(iri)
			ds.Add(q)
		}
	}
	return ds, nil
}

// runW3CQuery prepares and runs the entry's query over its dataset through
// the queries facade.
func runW3CQuery(e w3cEntry) (*w3cOutcome, string, error) {
	text, err := os.ReadFile(e.query)
	if err != nil {
		return nil, "", err
	}
	ds, err := loadW3CDataset(e)
	if err != nil {
		return nil, "", err
	}
	p, err := queries.Prepare(string(text), queries.Options{Filename: filepath.Base(e.query), Base: rdfio.FileIRI(e.query)})
	if err != nil {
		return nil, string(text), fmt.Errorf("prepare: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), w3cTimeout)
	defer cancel()
	res, err := p.Run(ctx, ds)
	if err != nil {
		return nil, string(text), fmt.Errorf("run: %v", err)
	}
	out := &w3cOutcome{}
	switch res.Form {
	case queries.Select:
		out.table = &results.Table{Vars: res.Vars}
		for row, err := range res.Solutions {
			if err != nil {
				return nil, string(text), fmt.Errorf("run: %v", err)
			}
			out.table.Rows = append(out.table.Rows, append([]rdf.Term(nil), row...))
		}
	case queries.Ask:
		b := res.Boolean
		out.table = &results.Table{Boolean: &b}
	default:
		for q, err := range res.Triples {
			if err != nil {
				return nil, string(text), fmt.Errorf("run: %v", err)
			}
			out.graph = append(out.graph, q)
		}
	}
	return out, string(text), nil
}

var orderByRE = regexp.MustCompile(`(?i)\border\s+by\b`)

// w3cCanonical maps numeric literals to their canonical form: the expected
// files spell equal values in several ways ("2.0" and "2" as decimals).
func w3cCanonical(l rdf.Literal) rdf.Literal {
	if t, err := builtin.Unary('+', l); err == nil {
		return t.(rdf.Literal)
	}
	return l
}

func queryEvaluation(t *testing.T, e w3cEntry) error {
	got, text, err := runW3CQuery(e)
	if err != nil {
		return err
	}
	opt := rdftest.ResultOptions{Ordered: orderByRE.MatchString(text), Canonical: w3cCanonical}
	ext := strings.ToLower(filepath.Ext(e.result))
	switch ext {
	case ".srx", ".srj", ".tsv", ".csv":
		f, _ := results.ParseFormat(ext)
		want, err := readW3CResults(e.result, f)
		if err != nil {
			return err
		}
		if got.table == nil {
			return fmt.Errorf("query gave a graph, want a result set")
		}
		if d := rdftest.DiffResults(want, got.table, opt); d != "" {
			return fmt.Errorf("%s\nquery:\n%s", d, text)
		}
		return nil
	}
	quads, err := rdfio.ReadFile(e.result)
	if err != nil {
		return err
	}
	if want := rdfResultSet(quads); want != nil {
		if got.table == nil {
			return fmt.Errorf("query gave a graph, want a result set")
		}
		if d := rdftest.DiffResults(want, got.table, opt); d != "" {
			return fmt.Errorf("%s\nquery:\n%s", d, text)
		}
		return nil
	}
	if got.table != nil {
		return fmt.Errorf("query gave a result set, want a graph")
	}
	if ok, diff := rdftest.Isomorphic(quads, got.graph); !ok {
		return fmt.Errorf("graphs differ:\n%s\nquery:\n%s", diff, text)
	}
	return nil
}

// csvResultFormat runs the query, writes the solutions as CSV and compares
// that, read back, with the expected CSV file read the same way.
func csvResultFormat(t *testing.T, e w3cEntry) error {
	got, text, err := runW3CQuery(e)
	if err != nil {
		return err
	}
	if got.table == nil || got.table.Boolean != nil {
		return fmt.Errorf("query gave no solutions to write as CSV")
	}
	var sb strings.Builder
	w := results.NewWriter(&sb, results.CSV, got.table.Vars)
	for _, row := range got.table.Rows {
		if err := w.Write(row); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	back, err := results.Read(strings.NewReader(sb.String()), results.CSV)
	if err != nil {
		return fmt.Errorf("reading our CSV: %v", err)
	}
	want, err := readW3CResults(e.result, results.CSV)
	if err != nil {
		return err
	}
	if d := rdftest.DiffResults(want, back, rdftest.ResultOptions{Ordered: orderByRE.MatchString(text)}); d != "" {
		return fmt.Errorf("%s\nour CSV:\n%s", d, sb.String())
	}
	return nil
}

func readW3CResults(path string, f results.Format) (*results.Table, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	tab, err := results.Read(file, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Base(path), err)
	}
	return tab, nil
}

// rdfResultSet decodes a result set written in the rs: vocabulary, or
// returns nil when the graph is not one.
func rdfResultSet(quads []rdf.Quad) *results.Table {
	props := map[rdf.Term]map[rdf.IRI][]rdf.Term{}
	var set rdf.Term
	for _, q := range quads {
		p := q.P.(rdf.IRI)
		if props[q.S] == nil {
			props[q.S] = map[rdf.IRI][]rdf.Term{}
		}
		props[q.S][p] = append(props[q.S][p], q.O)
		if p == w3cRDF+"type" && q.O == rdf.IRI(w3cRS+"ResultSet") {
			set = q.S
		}
	}
	if set == nil {
		return nil
	}
	tab := &results.Table{}
	if b := props[set][w3cRS+"boolean"]; len(b) > 0 {
		v := b[0].(rdf.Literal).Lexical == "true"
		tab.Boolean = &v
		return tab
	}
	index := map[string]int{}
	for _, v := range props[set][w3cRS+"resultVariable"] {
		name := v.(rdf.Literal).Lexical
		index[name] = len(tab.Vars)
		tab.Vars = append(tab.Vars, name)
	}
	type indexed struct {
		i   int
		row []rdf.Term
	}
	var rows []indexed
	for _, sol := range props[set][w3cRS+"solution"] {
		row := make([]rdf.Term, len(tab.Vars))
		for _, b := range props[sol][w3cRS+"binding"] {
			name := props[b][w3cRS+"variable"][0].(rdf.Literal).Lexical
			row[index[name]] = props[b][w3cRS+"value"][0]
		}
		i := len(rows)
		if ix := props[sol][w3cRS+"index"]; len(ix) > 0 {
			fmt.Sscan(ix[0].(rdf.Literal).Lexical, &i)
		}
		rows = append(rows, indexed{i, row})
	}
	sort.SliceStable(rows, func(a, b int) bool { return rows[a].i < rows[b].i })
	for _, r := range rows {
		tab.Rows = append(tab.Rows, r.row)
	}
	return tab
}
