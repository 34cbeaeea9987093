package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/internal/racetest"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/queries/results"
	"github.com/docgraph/docgraph/rdf"
)

// ringStore holds one graph of n nodes joined in a cycle by <p>: small to
// build, and every closure over it reaches every node.
func ringStore(t testing.TB, n int) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	m := st.Minter()
	g := m.Document("ring")
	node := func(i int) rdf.IRI { return rdf.IRI(fmt.Sprintf("%sring/%d", m.Base, i%n)) }
	quads := make([]rdf.Quad, n)
	for i := range n {
		quads[i] = rdf.Quad{S: node(i), P: rdf.IRI("http://example.org/p"), O: node(i + 1), G: g}
	}
	if _, err := st.ReplaceGraph(ctx, g, quads); err != nil {
		t.Fatal(err)
	}
	return st
}

// cpuTime is the CPU time the test process has used so far.
func cpuTime(t testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestHostileQueries sends queries built to run for hours and checks that
// each is stopped at the time limit with 503, that the work really ends
// (the process is idle afterwards), and that requests beyond the row and
// body caps are cut or refused. The time each took is logged.
func TestHostileQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("runs queries up to their time limit; skipped with -short")
	}
	const limit = time.Second
	ts := newTestServer(t, Config{Store: ringStore(t, 2000), Timeout: limit, MaxRows: 100, MaxBody: 1 << 20})
	values := make([]string, 50000)
	for i := range values {
		values[i] = fmt.Sprint(i)
	}
	cases := []struct {
		name, query string
		want        int
	}{
		{"cartesian product", `SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }`, 503},
		{"(:p|^:p)* over a cycle", `SELECT (COUNT(*) AS ?n) { ?x (<http://example.org/p>|^<http://example.org/p>)* ?y . ?y (<http://example.org/p>|^<http://example.org/p>)* ?z }`, 503},
		{"VALUES of 50,000 rows", `SELECT (COUNT(*) AS ?n) { VALUES ?v { ` + strings.Join(values, " ") + ` } ?s ?p ?o . ?s2 ?p2 ?o2 }`, 503},
		{"ORDER BY over a product", `SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY DESC(?a) LIMIT 1`, 503},
		{"row cap", `SELECT * { ?a ?b ?c . ?d ?e ?f }`, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			resp, body := do(t, ts, "POST", "/sparql", "application/sparql-query", strings.NewReader(c.query))
			took := time.Since(start)
			if resp.StatusCode != c.want {
				t.Fatalf("%d %.200q, want %d", resp.StatusCode, body, c.want)
			}
			if c.want == 503 && !strings.Contains(body, "time limit") {
				t.Errorf("503 without naming the time limit: %q", body)
			}
			if c.want == 200 {
				tab, err := results.Read(strings.NewReader(body), results.JSON)
				if err != nil || len(tab.Rows) != 100 || resp.Header.Get("X-Docgraph-Truncated") == "" {
					t.Errorf("row cap 100: %v, %d rows, truncated header %q", err, len(tab.Rows), resp.Header.Get("X-Docgraph-Truncated"))
				}
			}
			// A query left running would keep a core busy: over the next half
			// second the process must be nearly idle. The garbage of the
			// stopped query (hash tables of a planned join) is collected
			// first, so that the collector's work is not taken for a query.
			runtime.GC()
			cpu0 := cpuTime(t)
			time.Sleep(500 * time.Millisecond)
			if used := cpuTime(t) - cpu0; used > 150*time.Millisecond {
				t.Errorf("the process used %s of CPU in the 500ms after the answer: the query still runs", used)
			}
			// A query that is not stopped runs for minutes; allow the limit
			// and a generous margin for a loaded machine.
			if took > limit+5*time.Second {
				t.Errorf("answered after %s with a %s limit", took, limit)
			}
			t.Logf("%s: %d %s after %s (limit %s, request %d bytes)", c.name, resp.StatusCode, http.StatusText(resp.StatusCode), took.Round(time.Millisecond), limit, len(c.query))
		})
	}

	// A body over the cap is refused before it is parsed.
	big := "SELECT * { ?s ?p ?o } #" + strings.Repeat("x", 2<<20)
	start := time.Now()
	resp, _ := do(t, ts, "POST", "/sparql", "application/sparql-query", strings.NewReader(big))
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MiB query with a 1 MiB body cap: %d, want 413", resp.StatusCode)
	}
	t.Logf("2 MiB body: %d after %s", resp.StatusCode, time.Since(start).Round(time.Millisecond))
}

// TestNoLocalFilesNoFederationNoUpdates: FROM and the protocol's graph
// parameters name graphs of the store only, never files or remote data;
// SERVICE is refused without a request leaving the server; every form of
// update is refused, with or without the ingest token.
func TestNoLocalFilesNoFederationNoUpdates(t *testing.T) {
	ts := newTestServer(t, Config{Token: "secret"})
	secret := filepath.Join(t.TempDir(), "secret.nt")
	if err := os.WriteFile(secret, []byte("<http://example.org/leak> <http://example.org/p> \"local file content\" .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fileIRI := "file://" + secret
	var outside atomic.Int64
	remote := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		outside.Add(1)
		w.Header().Set("Content-Type", "application/n-triples")
		io.WriteString(w, "<http://example.org/leak> <http://example.org/p> \"remote content\" .\n")
	}))
	defer remote.Close()

	for _, q := range []string{
		"SELECT * FROM <" + fileIRI + "> WHERE { ?s ?p ?o }",
		"SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
		"SELECT * FROM NAMED <" + fileIRI + "> WHERE { GRAPH ?g { ?s ?p ?o } }",
		"SELECT * FROM <" + remote.URL + "/data.nt> WHERE { ?s ?p ?o }",
		"CONSTRUCT { ?s ?p ?o } FROM <" + fileIRI + "> WHERE { ?s ?p ?o }",
	} {
		resp, body := get(t, ts, "/sparql?query="+url.QueryEscape(q), "Accept: application/sparql-results+json, application/n-triples;q=0.5")
		if resp.StatusCode != 200 && resp.StatusCode != 400 {
			t.Errorf("%s: %d %.200q", q, resp.StatusCode, body)
		}
		if strings.Contains(body, "content") || strings.Contains(body, "root:") {
			t.Errorf("%s: the answer holds data from outside the store:\n%.300s", q, body)
		}
		if resp.StatusCode == 200 && strings.Contains(q, "SELECT") {
			tab, err := results.Read(strings.NewReader(body), results.JSON)
			if err != nil || len(tab.Rows) != 0 {
				t.Errorf("%s: %v, %d rows, want none (no such graph in the store)", q, err, len(tab.Rows))
			}
		}
	}
	resp, body := get(t, ts, "/sparql?query="+url.QueryEscape("SELECT * { ?s ?p ?o }")+"&default-graph-uri="+url.QueryEscape(fileIRI))
	if strings.Contains(body, "content") || resp.StatusCode >= 500 {
		t.Errorf("default-graph-uri=file: %d %.200q", resp.StatusCode, body)
	}

	resp, body = get(t, ts, "/sparql?query="+url.QueryEscape("SELECT * { SERVICE <"+remote.URL+"/sparql> { ?s ?p ?o } }"))
	if resp.StatusCode != 400 || !strings.Contains(body, "SERVICE") {
		t.Errorf("SERVICE: %d %q, want 400 naming SERVICE", resp.StatusCode, body)
	}

	updates := []string{
		"LOAD <" + fileIRI + ">",
		"LOAD <" + remote.URL + "/data.nt>",
		"INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
		"DROP ALL",
		"CLEAR DEFAULT",
	}
	for _, u := range updates {
		for _, auth := range []string{"", "Authorization: Bearer secret"} {
			for _, req := range []struct{ method, path, ctype, body string }{
				{"POST", "/sparql", "application/sparql-update", u},
				{"POST", "/sparql", "application/x-www-form-urlencoded", "update=" + url.QueryEscape(u)},
				{"GET", "/sparql?update=" + url.QueryEscape(u), "", ""},
				{"GET", "/sparql?query=" + url.QueryEscape(u), "", ""},
			} {
				var rd io.Reader
				if req.body != "" {
					rd = strings.NewReader(req.body)
				}
				resp, body := do(t, ts, req.method, req.path, req.ctype, rd, auth)
				if resp.StatusCode != 403 && resp.StatusCode != 400 {
					t.Errorf("%s %s %q (%s): %d %.200q, want 403 or 400", req.method, req.path, u, auth, resp.StatusCode, body)
				}
			}
		}
	}
	if n := outside.Load(); n != 0 {
		t.Errorf("the server made %d requests to a remote address", n)
	}
	n, _ := sharedStore(t).Count(context.Background(), rdf.IRI("http://example.org/a"), nil, nil, nil)
	if n != 0 {
		t.Errorf("an update reached the store")
	}
}

// hammer sends n requests from clients goroutines, each request for one of
// paths in turn, and returns every latency, the number of failures, the
// time it all took and the first failure.
func hammer(ts *httptest.Server, clients, n int, paths []string) ([]time.Duration, int64, time.Duration, error) {
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	lat := make([]time.Duration, n)
	var next, failed atomic.Int64
	var first atomic.Pointer[error]
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				p := paths[i%len(paths)]
				accept := "text/html"
				if strings.HasPrefix(p, "/sparql") {
					accept = "application/sparql-results+json"
				}
				req, _ := http.NewRequest("GET", ts.URL+p, nil)
				req.Header.Set("Accept", accept)
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						err = fmt.Errorf("%s: %d", p, resp.StatusCode)
					}
				}
				if err != nil {
					failed.Add(1)
					first.CompareAndSwap(nil, &err)
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	var err error
	if p := first.Load(); p != nil {
		err = *p
	}
	return lat, failed.Load(), time.Since(start), err
}

var loadPaths = []string{
	"/", "/person/joseph-stalin", "/doc/110385", "/doc/110385.ttl", "/network.json",
	"/sparql?query=" + url.QueryEscape(`SELECT ?doc ?title WHERE { ?doc a schema:ArchiveComponent ; dcterms:title ?title } ORDER BY ?title LIMIT 10`),
	"/search?q=Mao", "/download/graph.nq",
}

// TestHundredClients serves 100 concurrent clients on the loopback, each
// asking in turn for pages, descriptions, downloads and SPARQL results:
// every request is answered with 200. Under the race detector, which
// slows every handler several times, 25 clients send 300 requests: still
// many handlers at once over the shared caches, without a queue so long
// that requests pass the time limits of a loaded machine. The server's
// time limit is the clients' (a minute), not the default 10 seconds: on a
// loaded two-core machine the last of 100 queued requests can wait longer
// than that, and its 503 would be the queue, not a fault.
func TestHundredClients(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 requests; skipped with -short")
	}
	clients, n := 100, 1000
	if racetest.Enabled {
		clients, n = 25, 300
	}
	ts := newTestServer(t, Config{Timeout: time.Minute})
	lat, failed, el, err := hammer(ts, clients, n, loadPaths)
	if failed > 0 {
		t.Fatalf("%d of %d requests failed; the first: %v", failed, len(lat), err)
	}
	slices.Sort(lat)
	t.Logf("%d clients, %d requests in %s, 0 failed, p50 %s, p99 %s", clients, len(lat), el.Round(time.Millisecond),
		lat[len(lat)/2].Round(time.Millisecond), lat[len(lat)*99/100].Round(time.Millisecond))
}

// BenchmarkHundredClients is TestHundredClients as a measurement: b.N
// requests from 100 clients, reporting throughput and latency percentiles.
//
//	go test -run '^$' -bench HundredClients -benchtime 2000x ./server
func BenchmarkHundredClients(b *testing.B) {
	ts := newTestServer(b, Config{})
	b.ResetTimer()
	lat, failed, el, err := hammer(ts, 100, b.N, loadPaths)
	b.StopTimer()
	if failed > 0 {
		b.Fatalf("%d of %d requests failed; the first: %v", failed, b.N, err)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/el.Seconds(), "req/s")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())/1000, "p99-ms")
	b.ReportMetric(0, "errors")
}

// TestReadsDuringIngest uploads many documents with the token and, while
// the upload is being ingested, keeps reading pages: reads go on being
// answered (an ingest holds the store only for each batch it writes), and
// once the upload is done the pages show the new documents.
func TestReadsDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests about a hundred documents; skipped with -short")
	}
	st := newStore(t)
	ts := newTestServer(t, Config{Store: st, Token: "t"})
	examples, err := filepath.Glob(filepath.Join(rdftest.RepoRoot(t), "examples", "*.txt"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	// Copies of the examples under new record ids make a long upload.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	docs := 0
	for copyN := range 8 {
		for _, f := range examples {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Replace(string(data), "Record ID\n\n", fmt.Sprintf("Record ID\n\n9%d", copyN), 1)
			fw, _ := mw.CreateFormFile("file", fmt.Sprintf("%d-%s", copyN, filepath.Base(f)))
			io.WriteString(fw, text)
			docs++
		}
	}
	mw.Close()

	type read struct {
		start, end time.Time
		code       int
	}
	var (
		mu     sync.Mutex
		reads  []read
		done   = make(chan struct{})
		wg     sync.WaitGroup
		client = &http.Client{Timeout: 60 * time.Second}
	)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				p := loadPaths[(w+i)%3] // home, entity and document pages
				t0 := time.Now()
				code := 0
				if resp, err := client.Get(ts.URL + p); err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					code = resp.StatusCode
				}
				mu.Lock()
				reads = append(reads, read{t0, time.Now(), code})
				mu.Unlock()
			}
		}()
	}
	time.Sleep(100 * time.Millisecond)
	upStart := time.Now()
	resp, reply := do(t, ts, "POST", "/documents", mw.FormDataContentType(), &body, "Authorization: Bearer t")
	upEnd := time.Now()
	close(done)
	wg.Wait()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("upload: %d %.300s", resp.StatusCode, reply)
	}
	var r ingestReply
	if err := json.Unmarshal([]byte(reply), &r); err != nil || len(r.Documents) != docs {
		t.Fatalf("upload: %v, %d of %d documents", err, len(r.Documents), docs)
	}
	during, failed := 0, 0
	var worst time.Duration
	for _, rd := range reads {
		if rd.code != 200 {
			failed++
		}
		if rd.start.After(upStart) && rd.end.Before(upEnd) {
			during++
		}
		if rd.end.After(upStart) && rd.start.Before(upEnd) {
			worst = max(worst, rd.end.Sub(rd.start))
		}
	}
	ingestTook := upEnd.Sub(upStart)
	t.Logf("upload of %d documents took %s; %d reads began and ended during it, slowest read overlapping it %s",
		docs, ingestTook.Round(time.Millisecond), during, worst.Round(time.Millisecond))
	if failed > 0 {
		t.Errorf("%d of %d reads failed", failed, len(reads))
	}
	// Were reads held for the whole ingest, none would both begin and end
	// inside it, and the slowest would last about as long as the ingest.
	if during < 10 {
		t.Errorf("only %d reads were answered during a %s ingest", during, ingestTook)
	}
	if worst > ingestTook/2 {
		t.Errorf("a read waited %s during a %s ingest", worst, ingestTook)
	}
	// The new documents show once the upload is answered.
	resp, page := get(t, ts, "/doc/"+r.Documents[0].ID, "Accept: text/html")
	if resp.StatusCode != 200 || !strings.Contains(page, r.Documents[0].ID) {
		t.Errorf("new document page: %d", resp.StatusCode)
	}
}

// TestIngestedMarkupIsText uploads a record whose title and text carry
// markup, through the same ingest as any other, and checks that every page
// showing it renders the markup as text.
func TestIngestedMarkupIsText(t *testing.T) {
	ts := newTestServer(t, Config{Store: newStore(t), Token: "t"})
	record := "## May 1, 1950\n\n### <script>alert(1)</script>\n\n#### Contents:\n\nTranslation - English\n\n" +
		"Comrade Mao Zedong,\n\nWe agree with you <img src=x onerror=alert(2)> that the proposal of the Mexicans is unacceptable.\n\nFilippov\n"
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "markup.txt")
	io.WriteString(fw, record)
	mw.Close()
	resp, reply := do(t, ts, "POST", "/documents", mw.FormDataContentType(), &body, "Authorization: Bearer t")
	var r ingestReply
	if resp.StatusCode != http.StatusCreated || json.Unmarshal([]byte(reply), &r) != nil || len(r.Documents) != 1 {
		t.Fatalf("upload: %d %s", resp.StatusCode, reply)
	}
	id := r.Documents[0].ID
	for _, p := range []string{"/doc/" + id, "/", "/search?q=" + url.QueryEscape("alert"), "/search?q=" + url.QueryEscape("<script>alert(1)</script>"), "/country/mexico"} {
		resp, page := get(t, ts, p, "Accept: text/html")
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", p, resp.StatusCode)
			continue
		}
		for _, bad := range []string{"<script>alert", "<img src=x"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: markup from the record came through as markup: %q", p, bad)
			}
		}
	}
	_, page := get(t, ts, "/doc/"+id, "Accept: text/html")
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(page, "&lt;img src=x onerror=alert(2)&gt;") {
		t.Errorf("the record's title and text should show as text on its page")
	}
}
