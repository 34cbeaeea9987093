package perf_test

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/queries/internal/archive"
	"github.com/docgraph/docgraph/rdf"
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
		// docgraph on bolt.
		dg := map[string]timing{}
		for _, q := range archive.Queries {
			var ms, cpus []float64
			rows := 0
			for i := range rounds + 1 {
				start, cpu0 := time.Now(), cpuTime()
				n, err := runDocgraph(ctx, s, q.Text)
				if err != nil {
					b.Fatalf("%s: %v", q.Name, err)
				}
				if i > 0 {
					ms = append(ms, float64(time.Since(start).Microseconds())/1000)
					cpus = append(cpus, float64((cpuTime()-cpu0).Microseconds())/1000)
				}
				rows = n
			}
			dg[q.Name] = timing{Median: median(ms), CPU: median(cpus), Rows: rows, Rounds: rounds}
		}
		results["docgraph"] = dg
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
			for _, engine := range []string{"oxigraph", "rdflib"} {
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
	engines := []struct{ key, name, short string }{
		{"docgraph", "docgraph (bolt store), ms", "docgraph"},
		{"oxigraph", "Oxigraph 0.5 (npm, in memory), ms", "Oxigraph"},
		{"rdflib", "rdflib (/usr/bin/python3), ms", "rdflib"},
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
	dg := results["docgraph"]
	for _, e := range engines[1:] {
		r, ok := results[e.key]
		if !ok {
			continue
		}
		fmt.Fprintf(&sb, "| docgraph / %s |", e.short)
		for _, q := range archive.Queries {
			fmt.Fprintf(&sb, " %.2f |", val(dg[q.Name])/val(r[q.Name]))
		}
		fmt.Fprintf(&sb, " %.2f |\n", geo(dg)/geo(r))
	}
	sb.WriteString("| rows |")
	for _, q := range archive.Queries {
		fmt.Fprintf(&sb, " %d |", dg[q.Name].Rows)
	}
	sb.WriteString(" |\n")
	return sb.String()
}
