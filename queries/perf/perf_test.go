package perf_test

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/internal/virtuoso"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/queries/internal/archive"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/server"
)

//go:embed peer_oxigraph.js
var oxigraphScript string

//go:embed peer_rdflib.py
var rdflibScript string

// openArchive opens the bolt store holding the archive, building it on
// first use, and returns it with the path of the archive as N-Quads.
func openArchive(tb testing.TB) (*graph.Store, string) {
	tb.Helper()
	ctx := context.Background()
	c := archive.Default
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("docgraph-perf-%d-%d", c.Seed, c.Documents))
	storeDir := filepath.Join(dir, "store")
	nq := filepath.Join(dir, "archive.nq")
	done := filepath.Join(dir, "complete")
	if _, err := os.Stat(done); err != nil {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			tb.Fatal(err)
		}
		start := time.Now()
		if err := build(ctx, c, storeDir, nq); err != nil {
			tb.Fatal(err)
		}
		tb.Logf("built the archive in %s", time.Since(start).Round(time.Millisecond))
		if err := os.WriteFile(done, nil, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	s, err := graph.Open(ctx, storeDir, graph.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, nq
}

func build(ctx context.Context, c archive.Config, storeDir, nq string) error {
	s, err := graph.Open(ctx, storeDir, graph.Options{Base: archive.Base})
	if err != nil {
		return err
	}
	defer s.Close()
	f, err := os.Create(nq)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	byGraph := map[rdf.IRI][]rdf.Quad{}
	var order []rdf.IRI
	seen := map[rdf.Quad]bool{}
	archive.Generate(c, func(q rdf.Quad) {
		if seen[q] {
			return
		}
		seen[q] = true
		g := q.G.(rdf.IRI)
		if _, ok := byGraph[g]; !ok {
			order = append(order, g)
		}
		byGraph[g] = append(byGraph[g], q)
		fmt.Fprintf(w, "%s %s %s %s .\n", q.S, q.P, q.O, q.G)
	})
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	var batch []graph.GraphUpdate
	n := 0
	flush := func() error {
		_, err := s.ReplaceGraphs(ctx, batch)
		batch = batch[:0]
		n = 0
		return err
	}
	for _, g := range order {
		batch = append(batch, graph.GraphUpdate{Graph: g, Quads: byGraph[g]})
		if n += len(byGraph[g]); n >= 50000 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// runDocgraph prepares and runs a query on the store, reading every row.
func runDocgraph(ctx context.Context, s *graph.Store, text string) (int, error) {
	p, err := queries.Prepare(archive.Prefixes+text, queries.Options{Stats: queries.StoreStats(ctx, s)})
	if err != nil {
		return 0, err
	}
	res, err := p.Run(ctx, queries.StoreDataset(s))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, err := range res.Solutions {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func BenchmarkArchive(b *testing.B) {
	s, _ := openArchive(b)
	ctx := context.Background()
	for _, q := range archive.Queries {
		b.Run(q.Name, func(b *testing.B) {
			rows := 0
			cpu0 := cpuTime()
			for b.Loop() {
				n, err := runDocgraph(ctx, s, q.Text)
				if err != nil {
					b.Fatal(err)
				}
				rows = n
			}
			b.ReportMetric(float64(rows), "rows")
			// Processor time is steadier than wall-clock time on a busy machine.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// timing is one engine's result for one query.
type timing struct {
	Median float64 `json:"median_ms"`
	CPU    float64 `json:"median_cpu_ms"`
	Rows   int     `json:"rows"`
	Rounds int     `json:"rounds"`
	Error  string  `json:"error,omitempty"`
}

func median(xs []float64) float64 {
	slices.Sort(xs)
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

// rounds is how many times each engine runs each query (after one warm-up run).
const rounds = 5

// engine is one way of running the queries whose runs are interleaved
// with the others'.
type engine struct {
	key string
	cpu func() time.Duration // processor time of the process that answers
	run func(q archive.Query) (int, error)
}

// timeInterleaved runs each query on every engine once to warm up and
// then n rounds, each round running the query once on every engine in
// turn, so that the load of a shared machine falls on all of them alike;
// it gives the medians of each engine's wall-clock and processor time.
func timeInterleaved(n int, engines []engine) map[string]map[string]timing {
	out := map[string]map[string]timing{}
	for _, e := range engines {
		out[e.key] = map[string]timing{}
	}
	for _, q := range archive.Queries {
		ms := map[string][]float64{}
		cpus := map[string][]float64{}
		rows := map[string]int{}
		failed := map[string]string{}
		for i := range n + 1 {
			for _, e := range engines {
				if failed[e.key] != "" {
					continue
				}
				start, cpu0 := time.Now(), e.cpu()
				r, err := e.run(q)
				if err != nil {
					failed[e.key] = err.Error()
					continue
				}
				if i > 0 {
					ms[e.key] = append(ms[e.key], float64(time.Since(start).Microseconds())/1000)
					cpus[e.key] = append(cpus[e.key], float64((e.cpu()-cpu0).Microseconds())/1000)
				}
				rows[e.key] = r
			}
		}
		for _, e := range engines {
			if msg := failed[e.key]; msg != "" {
				out[e.key][q.Name] = timing{Error: msg}
				continue
			}
			out[e.key][q.Name] = timing{Median: median(ms[e.key]), CPU: median(cpus[e.key]), Rows: rows[e.key], Rounds: n}
		}
	}
	return out
}

// serveDocgraph starts docgraph's HTTP server (the handler "docgraph
// serve" runs) in this process on a loopback port over the archive's
// store; each query is POSTed to /sparql and its JSON answer read to the
// end. Its processor time is this process's, the client's reading of the
// answers included.
func serveDocgraph(ctx context.Context, s *graph.Store) (engine, func(), error) {
	h, err := server.New(server.Config{Store: s, Timeout: 15 * time.Minute, MaxRows: 100000000})
	if err != nil {
		return engine{}, nil, err
	}
	ts := httptest.NewServer(h)
	client := ts.Client()
	client.Timeout = 15 * time.Minute
	return engine{key: "docgraph-served", cpu: cpuTime, run: func(q archive.Query) (int, error) {
		return virtuoso.Query(ctx, client, ts.URL+"/sparql", archive.Prefixes+q.Text)
	}}, ts.Close, nil
}

// startVirtuoso starts a Virtuoso server of its own on loopback with a
// new database beside the archive's N-Quads and bulk-loads them with
// Virtuoso's loader; its engine runs the queries over the SPARQL endpoint
// (wall-clock time at the client, the server's processor time from /proc,
// in 10 ms steps). The note gives the load's times and the database's
// size; stop stops the server and deletes the database.
func startVirtuoso(ctx context.Context, bin, isql, nq string) (e engine, note string, stop func(), err error) {
	abs, err := filepath.Abs(nq)
	if err != nil {
		return engine{}, "", nil, err
	}
	dir := filepath.Dir(abs)
	cfg := virtuoso.Config{Dir: filepath.Join(dir, "virtuoso"), LoadDir: dir}
	v, err := virtuoso.Start(ctx, bin, isql, cfg)
	if err != nil {
		return engine{}, "", nil, err
	}
	stop = func() { v.Stop(); os.RemoveAll(cfg.Dir) }
	cpu := func() time.Duration { return virtuoso.ProcCPU(v.Pid()) }
	start, cpu0 := time.Now(), cpu()
	if err := v.Load(ctx, abs); err != nil {
		stop()
		return engine{}, "", nil, err
	}
	note = fmt.Sprintf("Virtuoso's bulk load (ld_dir, rdf_loader_run, checkpoint): %.1f s wall, %.1f s of the server's processor time; database %.1f MB",
		time.Since(start).Seconds(), (cpu() - cpu0).Seconds(), float64(v.Size())/1e6)
	client := &http.Client{Timeout: 15 * time.Minute}
	return engine{key: "virtuoso", cpu: cpu, run: func(q archive.Query) (int, error) {
		return virtuoso.Query(ctx, client, v.Endpoint(), archive.Prefixes+q.Text)
	}}, note, stop, nil
}

// peer runs a script that loads the archive and times the queries; it
// prints a JSON object from query name to timing.
func peer(b *testing.B, cmd *exec.Cmd) (map[string]timing, error) {
	type wire struct{ Name, Prefixes, Text string }
	var ws []wire
	for _, q := range archive.Queries {
		ws = append(ws, wire{q.Name, archive.Prefixes, q.Text})
	}
	qs, err := json.Marshal(ws)
	if err != nil {
		return nil, err
	}
	cmd.Stdin = strings.NewReader(string(qs))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd.Path, err)
	}
	res := map[string]timing{}
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, fmt.Errorf("%s: %w in %q", cmd.Path, err, out)
	}
	return res, nil
}

// oxigraphModules finds or installs the oxigraph npm package and returns
// the node_modules folder holding it.
func oxigraphModules(b *testing.B) (string, error) {
	if _, err := exec.LookPath("node"); err != nil {
		return "", fmt.Errorf("node not found")
	}
	for _, d := range []string{os.Getenv("DOCGRAPH_OXIGRAPH"), filepath.Join(os.TempDir(), "docgraph-perf-oxigraph", "node_modules")} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "oxigraph", "package.json")); err == nil {
			return d, nil
		}
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return "", fmt.Errorf("npm not found")
	}
	dir := filepath.Join(os.TempDir(), "docgraph-perf-oxigraph")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command("npm", "install", "--no-save", "--prefix", dir, "oxigraph@0.5")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm install oxigraph: %v\n%s", err, out)
	}
	return filepath.Join(dir, "node_modules"), nil
}

func writeScript(b *testing.B, name, text string) string {
	p := filepath.Join(b.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkPeers(b *testing.B) {
	s, nq := openArchive(b)
	ctx := context.Background()
	for b.Loop() {
		results := map[string]map[string]timing{}
		var notes []string
		// docgraph called directly, docgraph served and Virtuoso, in
		// interleaved runs.
		engines := []engine{{key: "docgraph", cpu: cpuTime, run: func(q archive.Query) (int, error) {
			return runDocgraph(ctx, s, q.Text)
		}}}
		var stops []func()
		if !peerWanted("served") {
			notes = append(notes, "docgraph served skipped: not in DOCGRAPH_PERF_PEERS")
		} else {
			e, stop, err := serveDocgraph(ctx, s)
			if err != nil {
				b.Fatal(err)
			}
			stops = append(stops, stop)
			engines = append(engines, e)
		}
		if !peerWanted("virtuoso") {
			notes = append(notes, "Virtuoso skipped: not in DOCGRAPH_PERF_PEERS")
		} else if bin, isql, err := virtuoso.Find(); err != nil {
			notes = append(notes, "Virtuoso skipped: "+err.Error())
		} else if e, note, stop, err := startVirtuoso(ctx, bin, isql, nq); err != nil {
			notes = append(notes, "Virtuoso failed: "+err.Error())
		} else {
			stops = append(stops, stop)
			engines = append(engines, e)
			notes = append(notes, note)
		}
		for k, r := range timeInterleaved(rounds, engines) {
			results[k] = r
		}
		for _, stop := range stops {
			stop()
		}
		dg := results["docgraph"]
		for _, q := range archive.Queries {
			if t := dg[q.Name]; t.Error != "" {
				b.Fatalf("%s: %s", q.Name, t.Error)
			}
		}
		if !peerWanted("oxigraph") {
			notes = append(notes, "Oxigraph skipped: not in DOCGRAPH_PERF_PEERS")
		} else if mods, err := oxigraphModules(b); err != nil {
			notes = append(notes, "Oxigraph skipped: "+err.Error())
		} else {
			cmd := exec.Command("node", writeScript(b, "peer.js", oxigraphScript), nq, fmt.Sprint(rounds))
			cmd.Env = append(os.Environ(), "NODE_PATH="+mods)
			if r, err := peer(b, cmd); err != nil {
				notes = append(notes, "Oxigraph failed: "+err.Error())
			} else {
				results["oxigraph"] = r
			}
		}
		if !peerWanted("rdflib") {
			notes = append(notes, "rdflib skipped: not in DOCGRAPH_PERF_PEERS")
		} else if _, err := os.Stat("/usr/bin/python3"); err != nil {
			notes = append(notes, "rdflib skipped: /usr/bin/python3 not found")
		} else {
			cmd := exec.Command("/usr/bin/python3", writeScript(b, "peer.py", rdflibScript), nq, "3")
			if r, err := peer(b, cmd); err != nil {
				notes = append(notes, "rdflib skipped or failed: "+err.Error())
			} else {
				results["rdflib"] = r
			}
		}
		table := renderTable(results)
		for _, n := range notes {
			table += "\n" + n + "\n"
		}
		b.Log("\n" + table)
		if out := os.Getenv("DOCGRAPH_PERF_TABLE"); out != "" {
			if err := os.WriteFile(out, []byte(table), 0o644); err != nil {
				b.Fatal(err)
			}
			raw, _ := json.MarshalIndent(results, "", "  ")
			if err := os.WriteFile(out+".json", raw, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		for _, q := range archive.Queries {
			d := dg[q.Name]
			for _, engine := range []string{"docgraph-served", "oxigraph", "rdflib", "virtuoso"} {
				if t, ok := results[engine][q.Name]; ok && t.Error == "" && t.Rows != d.Rows {
					b.Errorf("%s: docgraph gives %d rows, %s %d", q.Name, d.Rows, engine, t.Rows)
				}
			}
		}
	}
}

// peerWanted reports whether a peer engine is to run: all of them unless
// DOCGRAPH_PERF_PEERS lists some (comma-separated; "none" for none).
func peerWanted(name string) bool {
	list := os.Getenv("DOCGRAPH_PERF_PEERS")
	if list == "" {
		return true
	}
	return slices.Contains(strings.Split(list, ","), name)
}

// cpuTime is the processor time the process has used, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func renderTable(results map[string]map[string]timing) string {
	wall := renderOne(results, "wall-clock", func(t timing) float64 { return t.Median })
	cpu := renderOne(results, "processor", func(t timing) float64 { return t.CPU })
	return "Medians of wall-clock time:\n\n" + wall + "\nMedians of processor time (user + system, all threads of the engine's process):\n\n" + cpu
}

func renderOne(results map[string]map[string]timing, what string, val func(timing) float64) string {
	var sb strings.Builder
	sb.WriteString("| engine |")
	for _, q := range archive.Queries {
		fmt.Fprintf(&sb, " %s |", q.Name)
	}
	sb.WriteString(" geometric mean |\n| --- |")
	for range archive.Queries {
		sb.WriteString(" ---: |")
	}
	sb.WriteString(" ---: |\n")
	engines := []struct{ key, name string }{
		{"docgraph", "docgraph (bolt store, called directly), ms"},
		{"docgraph-served", "docgraph served (HTTP, in process), ms"},
		{"virtuoso", "Virtuoso 7.2 (HTTP), ms"},
		{"oxigraph", "Oxigraph 0.5 (npm, in memory), ms"},
		{"rdflib", "rdflib (/usr/bin/python3), ms"},
	}
	ratios := []struct{ num, den, name string }{
		{"docgraph-served", "virtuoso", "docgraph served / Virtuoso"},
		{"docgraph", "virtuoso", "docgraph direct / Virtuoso"},
		{"docgraph", "oxigraph", "docgraph / Oxigraph"},
		{"docgraph", "rdflib", "docgraph / rdflib"},
	}
	geo := func(r map[string]timing) float64 {
		sum := 0.0
		for _, q := range archive.Queries {
			sum += math.Log(math.Max(val(r[q.Name]), 0.001))
		}
		return math.Exp(sum / float64(len(archive.Queries)))
	}
	for _, e := range engines {
		r, ok := results[e.key]
		if !ok {
			continue
		}
		fmt.Fprintf(&sb, "| %s |", e.name)
		for _, q := range archive.Queries {
			if t := r[q.Name]; t.Error != "" {
				sb.WriteString(" error |")
			} else {
				fmt.Fprintf(&sb, " %.1f |", val(t))
			}
		}
		fmt.Fprintf(&sb, " %.1f |\n", geo(r))
	}
	for _, ra := range ratios {
		num, ok1 := results[ra.num]
		den, ok2 := results[ra.den]
		if !ok1 || !ok2 {
			continue
		}
		fmt.Fprintf(&sb, "| %s |", ra.name)
		for _, q := range archive.Queries {
			if n, d := num[q.Name], den[q.Name]; n.Error != "" || d.Error != "" || val(d) == 0 {
				sb.WriteString(" - |")
			} else {
				fmt.Fprintf(&sb, " %.2f |", val(n)/val(d))
			}
		}
		fmt.Fprintf(&sb, " %.2f |\n", geo(num)/geo(den))
	}
	dg := results["docgraph"]
	sb.WriteString("| rows |")
	for _, q := range archive.Queries {
		fmt.Fprintf(&sb, " %d |", dg[q.Name].Rows)
	}
	sb.WriteString(" |\n")
	return sb.String()
}
