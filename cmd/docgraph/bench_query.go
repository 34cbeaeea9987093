package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/internal/virtuoso"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// benchQuery is one of the bench's SPARQL queries.
type benchQuery struct {
	Name, Title, Text string
}

// benchPrefixes are declared before each query, so every engine reads the
// same text.
var benchPrefixes = vocab.SPARQLPrefixes("rdf", "rdfs", "xsd", "skos", "dcterms", "schema", "dg")

// benchQueries are the six exploration shapes of queries/perf (a person's
// letters found by pseudonym, co-mentions, correspondence pairs, two
// entities in a period, two-hop correspondents, a label search), written
// over what docgraph ingest makes of the generated archive, with constants
// drawn from the store itself (the most prolific pseudonymous author, the
// most mentioned persons, the most prolific author).
//
// docgraph repeats an entity's label and pseudonym in the graph of every
// document that names it, and Virtuoso's default graph, unlike docgraph's
// and Oxigraph's union, keeps one copy per graph. The queries are written
// so that either reading gives the same rows: DISTINCT where a repeated
// triple would repeat a row, COUNT(DISTINCT) where it would inflate a count.
func benchQueries(pseudonym string, top1, top2, author rdf.IRI) []benchQuery {
	lit := func(s string) string { return rdf.Literal{Lexical: s}.String() }
	return []benchQuery{
		{"q1", "letters of a person found by pseudonym, by date", `SELECT ?d ?date ?title WHERE {
  { SELECT DISTINCT ?p WHERE { ?p dg:pseudonym ` + lit(pseudonym) + ` } }
  ?d dcterms:creator ?p ; dcterms:date ?date ; dcterms:title ?title .
} ORDER BY ?date ?d`},
		{"q2", "top 20 co-mentions", `SELECT ?other ?name (COUNT(DISTINCT ?d) AS ?n) WHERE {
  ?d schema:mentions ` + top1.String() + ` , ?other .
  FILTER(?other != ` + top1.String() + `)
  ?other rdfs:label ?name FILTER(lang(?name) = "en")
} GROUP BY ?other ?name ORDER BY DESC(?n) ?name LIMIT 20`},
		{"q3", "correspondence pairs with counts", `SELECT ?from ?to (COUNT(DISTINCT ?d) AS ?n) WHERE {
  ?d dcterms:creator ?from ; schema:recipient ?to .
} GROUP BY ?from ?to`},
		{"q4", "documents mentioning two persons in a period", `SELECT DISTINCT ?d ?date WHERE {
  ?d schema:mentions ` + top1.String() + ` , ` + top2.String() + ` ; dcterms:date ?date .
  FILTER(?date >= "1945-01-01"^^xsd:date && ?date < "1960-01-01"^^xsd:date)
} ORDER BY ?date`},
		{"q5", "two-hop correspondents", `SELECT DISTINCT ?c WHERE {
  ?d1 dcterms:creator ` + author.String() + ` ; schema:recipient ?b .
  ?d2 dcterms:creator ?b ; schema:recipient ?c .
  FILTER(?c != ` + author.String() + `)
}`},
		{"q6", "label search with CONTAINS and OPTIONAL altLabel", `SELECT DISTINCT ?e ?label ?alt WHERE {
  ?e rdfs:label ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), "ov"))
  OPTIONAL { ?e skos:altLabel ?alt }
}`},
	}
}

// pickBenchQueries draws the queries' constants from the store.
func pickBenchQueries(ctx context.Context, store *graph.Store) ([]benchQuery, string, error) {
	first := func(text string, n int) ([]rdf.Term, error) {
		p, err := queries.Prepare(benchPrefixes+text, queries.Options{Stats: queries.StoreStats(ctx, store)})
		if err != nil {
			return nil, err
		}
		res, err := p.Run(ctx, queries.StoreDataset(store))
		if err != nil {
			return nil, err
		}
		var out []rdf.Term
		for sol, err := range res.Solutions {
			if err != nil {
				return nil, err
			}
			out = append(out, sol[0])
		}
		if len(out) < n {
			return nil, fmt.Errorf("the store has too little for the bench's queries (%d answers to %q)", len(out), text)
		}
		return out, nil
	}
	ps, err := first(`SELECT ?ps (COUNT(DISTINCT ?d) AS ?n) WHERE { ?p dg:pseudonym ?ps . ?d dcterms:creator ?p }
GROUP BY ?ps ORDER BY DESC(?n) ?ps LIMIT 1`, 1)
	if err != nil {
		return nil, "", err
	}
	top, err := first(`SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d schema:mentions ?e . ?e a schema:Person }
GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 2`, 2)
	if err != nil {
		return nil, "", err
	}
	author, err := first(`SELECT ?p (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d dcterms:creator ?p }
GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1`, 1)
	if err != nil {
		return nil, "", err
	}
	lit, ok := ps[0].(rdf.Literal)
	t1, ok1 := top[0].(rdf.IRI)
	t2, ok2 := top[1].(rdf.IRI)
	a, ok3 := author[0].(rdf.IRI)
	if !ok || !ok1 || !ok2 || !ok3 {
		return nil, "", errors.New("the store's pseudonyms, mentions or creators are not of the expected kinds")
	}
	return benchQueries(lit.Lexical, t1, t2, a), fmt.Sprintf("pseudonym %q, persons %s and %s, author %s", lit.Lexical, t1, t2, a), nil
}

// queryTiming is one engine's runs of one query.
type queryTiming struct {
	Wall, CPU []time.Duration
	Rows      int
	Err       string
}

// timeServed runs each query once to warm up and then rounds times over
// HTTP, measuring wall time at the client and the server's processor time
// from /proc (pid 0: none).
func timeServed(ctx context.Context, endpoint string, pid, rounds int, qs []benchQuery) map[string]*queryTiming {
	client := &http.Client{Timeout: 15 * time.Minute}
	out := map[string]*queryTiming{}
	for _, q := range qs {
		t := &queryTiming{}
		out[q.Name] = t
		for i := 0; i <= rounds; i++ {
			cpu0 := virtuoso.ProcCPU(pid)
			start := time.Now()
			n, err := virtuoso.Query(ctx, client, endpoint, benchPrefixes+q.Text)
			if err != nil {
				t.Err = err.Error()
				break
			}
			if i > 0 {
				t.Wall = append(t.Wall, time.Since(start))
				t.CPU = append(t.CPU, virtuoso.ProcCPU(pid)-cpu0)
			}
			t.Rows = n
		}
	}
	return out
}

// serveDocgraph starts "docgraph serve" on a free loopback port and waits
// until it answers.
func serveDocgraph(ctx context.Context, self, store string) (*exec.Cmd, string, chan error, error) {
	port, err := virtuoso.LoopbackPort()
	if err != nil {
		return nil, "", nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	cmd := exec.Command(self, "--store", store, "serve", "--quiet", "--addr", addr,
		"--max-rows", "100000000", "--timeout", "15m")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, "", nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for deadline := time.Now().Add(time.Minute); ; {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return cmd, "http://" + addr + "/sparql", done, nil
		}
		select {
		case err := <-done:
			return nil, "", nil, fmt.Errorf("docgraph serve stopped: %v: %s", err, virtuoso.Tail(stderr.String(), 300))
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			<-done
			return nil, "", nil, errors.New("docgraph serve did not answer within a minute")
		}
	}
}

func stopServer(cmd *exec.Cmd, done chan error) {
	cmd.Process.Signal(os.Interrupt)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-done
	}
}

// oxigraphQueries times the queries on Oxigraph in memory (peers.js
// "queries" job), in its own process.
func oxigraphQueries(ctx context.Context, script, nodeMod, nq string, rounds int, qs []benchQuery) (map[string]*queryTiming, error) {
	type wire struct{ Name, Text string }
	var ws []wire
	for _, q := range qs {
		ws = append(ws, wire{q.Name, benchPrefixes + q.Text})
	}
	in, _ := json.Marshal(ws)
	cmd := exec.CommandContext(ctx, "node", "--max-old-space-size=8192", script, "oxigraph", "queries", nq, fmt.Sprint(rounds))
	cmd.Env = append(os.Environ(), "NODE_PATH="+nodeMod)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("oxigraph queries: %v: %s", err, virtuoso.Tail(stderr.String(), 300))
	}
	var res map[string]struct {
		Wall  []float64 `json:"wall_ms"`
		CPU   []float64 `json:"cpu_ms"`
		Rows  int       `json:"rows"`
		Error string    `json:"error"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, fmt.Errorf("oxigraph queries: %v in %q", err, virtuoso.Tail(string(out), 300))
	}
	ms := func(x float64) time.Duration { return time.Duration(x * float64(time.Millisecond)) }
	timings := map[string]*queryTiming{}
	for name, r := range res {
		t := &queryTiming{Rows: r.Rows, Err: r.Error}
		for i := range r.Wall {
			t.Wall = append(t.Wall, ms(r.Wall[i]))
			t.CPU = append(t.CPU, ms(r.CPU[i]))
		}
		timings[name] = t
	}
	return timings, nil
}

// queryEngines are the engines of the query jobs, in the bench's order.
var queryEngines = []string{"docgraph", "oxigraph", "virtuoso"}

// runQueries times the bench's queries at one size: docgraph served over
// HTTP (warm) and as one new "docgraph sparql" process per run (cold, job
// "qN-cold"), Oxigraph in memory in its own process, and Virtuoso, started
// here on loopback and bulk-loaded with its own loader (its load is a
// "load" row). Every engine must give docgraph's row counts.
func (r *benchRunner) runQueries(ctx context.Context, docs, rounds int, store, nq, peersJS string, skipped func(job, tool string) bool) ([]benchRow, []string, error) {
	var rows []benchRow
	var notes []string
	st, err := graph.Open(ctx, store, graph.Options{ReadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	qs, constants, err := pickBenchQueries(ctx, st)
	st.Close()
	if err != nil {
		return nil, nil, err
	}
	results := map[string]map[string]*queryTiming{}
	add := func(job, tool string, t *queryTiming) {
		if t.Err != "" {
			rows = append(rows, benchRow{Job: job, Tool: tool, Docs: docs, Round: 1, Err: t.Err})
			notes = append(notes, fmt.Sprintf("%s by %s at %d docs failed: %s", job, tool, docs, t.Err))
			return
		}
		for i := range t.Wall {
			rows = append(rows, benchRow{Job: job, Tool: tool, Docs: docs, Round: i + 1, Wall: t.Wall[i], CPU: t.CPU[i]})
		}
	}
	progress := func(what string) { fmt.Fprintf(r.log, "%d docs: queries on %s\n", docs, what) }

	// docgraph, served
	if !skipped("queries", "docgraph") {
		progress("docgraph serve")
		cmd, endpoint, done, err := serveDocgraph(ctx, r.self, store)
		if err != nil {
			return nil, nil, err
		}
		res := timeServed(ctx, endpoint, cmd.Process.Pid, rounds, qs)
		stopServer(cmd, done)
		results["docgraph"] = res
		for _, q := range qs {
			add(q.Name, "docgraph", res[q.Name])
		}
		// docgraph, one new process per query
		progress("docgraph sparql (one process per query)")
		for _, q := range qs {
			t := &queryTiming{}
			for range rounds {
				var out bytes.Buffer
				row, err := r.measure(ctx, r.self, []string{"--store", store, "sparql", "--format", "json", benchPrefixes + q.Text}, nil, &out)
				if err != nil {
					t.Err = err.Error()
					break
				}
				n, err := virtuoso.CountJSON(&out)
				if err != nil {
					t.Err = err.Error()
					break
				}
				t.Rows = n
				t.Wall, t.CPU = append(t.Wall, row.Wall), append(t.CPU, row.CPU)
			}
			results["docgraph-cold"] = setTiming(results["docgraph-cold"], q.Name, t)
			add(q.Name+"-cold", "docgraph", t)
		}
	}

	// Oxigraph, in memory
	if r.nodeMod != "" && !skipped("queries", "oxigraph") {
		progress("Oxigraph")
		res, err := oxigraphQueries(ctx, peersJS, r.nodeMod, nq, rounds, qs)
		if err != nil {
			notes = append(notes, err.Error())
		} else {
			results["oxigraph"] = res
			for _, q := range qs {
				if t, ok := res[q.Name]; ok {
					add(q.Name, "oxigraph", t)
				}
			}
		}
	}

	// Virtuoso, started here
	if !skipped("queries", "virtuoso") || !skipped("load", "virtuoso") {
		bin, isql, err := virtuoso.Find()
		if err != nil {
			notes = append(notes, "Virtuoso skipped: "+err.Error())
		} else {
			loadDir, err := filepathAbsDir(nq)
			if err != nil {
				return nil, nil, err
			}
			cfg := virtuoso.Config{Dir: loadDir + fmt.Sprintf("/virtuoso-%d", docs), LoadDir: loadDir}
			for round := 1; round <= rounds; round++ {
				progress(fmt.Sprintf("Virtuoso (start and bulk load, round %d)", round))
				v, err := virtuoso.Start(ctx, bin, isql, cfg)
				if err != nil {
					notes = append(notes, "Virtuoso failed: "+err.Error())
					break
				}
				cpu0 := virtuoso.ProcCPU(v.Pid())
				start := time.Now()
				err = v.Load(ctx, nq)
				row := benchRow{Job: "load", Tool: "virtuoso", Docs: docs, Round: round, Wall: time.Since(start), CPU: virtuoso.ProcCPU(v.Pid()) - cpu0,
					PeakKB: virtuoso.ProcPeakKB(v.Pid())}
				if err != nil {
					row.Err = err.Error()
					notes = append(notes, "Virtuoso's load failed: "+err.Error())
				}
				rows = append(rows, row)
				if err == nil && round == rounds {
					notes = append(notes, fmt.Sprintf("Virtuoso's database at %d docs: %d bytes (%s)", docs, v.Size(), cfg.Dir))
					if !skipped("queries", "virtuoso") {
						progress("Virtuoso (queries)")
						res := timeServed(ctx, v.Endpoint(), v.Pid(), rounds, qs)
						results["virtuoso"] = res
						for _, q := range qs {
							add(q.Name, "virtuoso", res[q.Name])
						}
					}
				}
				v.Stop()
				if err != nil {
					break
				}
			}
		}
	}

	// The same rows from every engine.
	var mismatch []string
	for _, q := range qs {
		want, ok := results["docgraph"][q.Name]
		if !ok || want.Err != "" {
			continue
		}
		for _, e := range []string{"docgraph-cold", "oxigraph", "virtuoso"} {
			if t, ok := results[e][q.Name]; ok && t.Err == "" && t.Rows != want.Rows {
				mismatch = append(mismatch, fmt.Sprintf("%s: docgraph %d rows, %s %d", q.Name, want.Rows, e, t.Rows))
			}
		}
		notes = append(notes, fmt.Sprintf("%s (%s) at %d docs: %d rows", q.Name, q.Title, docs, want.Rows))
	}
	notes = append(notes, fmt.Sprintf("queries at %d docs: %s", docs, constants))
	if len(mismatch) > 0 {
		return rows, notes, fmt.Errorf("engines disagree on row counts: %s", strings.Join(mismatch, "; "))
	}
	return rows, notes, nil
}

func setTiming(m map[string]*queryTiming, name string, t *queryTiming) map[string]*queryTiming {
	if m == nil {
		m = map[string]*queryTiming{}
	}
	m[name] = t
	return m
}

// storeSizeNote gives the size of docgraph's store (its quad indexes,
// and the whole folder with the full-text index) in bytes a quad of the
// exported graph.
func storeSizeNote(docs int, store, nq string) string {
	quads := 0
	if f, err := os.Open(nq); err == nil {
		buf := make([]byte, 1<<20)
		for {
			n, err := f.Read(buf)
			quads += bytes.Count(buf[:n], []byte{'\n'})
			if err != nil {
				break
			}
		}
		f.Close()
	}
	all, idx := virtuoso.DirSize(store, ""), virtuoso.DirSize(store, ".bolt")
	if quads == 0 {
		return fmt.Sprintf("docgraph's store at %d docs: %d bytes of quad indexes, %d in all", docs, idx, all)
	}
	return fmt.Sprintf("docgraph's store at %d docs: %d quads; quad indexes %d bytes (%.0f a quad), with the full-text index %d bytes (%.0f a quad)",
		docs, quads, idx, float64(idx)/float64(quads), all, float64(all)/float64(quads))
}

// filepathAbsDir is the absolute folder holding file.
func filepathAbsDir(file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	return filepath.Dir(abs), nil
}
