package main

import (
	"context"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/internal/synth"
)

//go:embed benchpeers/peers.js benchpeers/peers.py
var peerScripts embed.FS

// benchRow is one measured run of one job by one tool.
type benchRow struct {
	Job, Tool string
	Docs      int
	Round     int
	Wall, CPU time.Duration
	PeakKB    int64
	Err       string
}

// benchRunner runs jobs as child processes and measures each.
type benchRunner struct {
	self    string // this executable
	work    string
	nodeMod string // node_modules with the peers' packages, "" if none
	python  string
	timeout time.Duration
	log     io.Writer
}

func (r *benchRunner) measure(ctx context.Context, name string, args []string, env []string, stdout io.Writer) (benchRow, error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout = stdout
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	row := benchRow{Wall: time.Since(start)}
	if ps := cmd.ProcessState; ps != nil {
		row.CPU = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			row.PeakKB = ru.Maxrss
		}
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 300 {
			msg = msg[len(msg)-300:]
		}
		return row, fmt.Errorf("%s %s: %v: %s", filepath.Base(name), strings.Join(args, " "), err, msg)
	}
	return row, nil
}

type benchJob struct {
	job, tool string
	name      string
	args      []string
	env       []string
	before    func() error // run before each round, not measured
}

func newBenchRunCmd(a *app) *cobra.Command {
	var (
		docs     []int
		rounds   int
		work     string
		csvPath  string
		plotPath string
		seed     int64
		timeout  time.Duration
		fromCSV  string
		skip     []string
	)
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Measure ingest, bulk load and export against the RDF tools installed here",
		Long: `For each size given with --docs, generates that many documents (seed
--seed) and runs, --rounds times each, as separate processes:

  ingest   docgraph ingest of the documents into a new embedded store
  load     bulk load of the same graph as N-Quads: docgraph, Oxigraph (node,
           npm "oxigraph"), N3.js ("n3"), rapper, rdflib
  turtle   export to Turtle: docgraph from its store; the peers convert the
           N-Triples file (N3.js streams, the others load first)
  nquads   export to N-Quads, likewise from the N-Quads file
  parse    rapper parsing the N-Quads file without storing it (a floor)
  jsonld   export to JSON-LD: docgraph, jsonld.js fromRDF, rdflib
  q1..q6   six SPARQL queries (constants drawn from the store), warm: docgraph
           serve over HTTP, Oxigraph in memory, Virtuoso over HTTP (started
           here on loopback with a virtuoso.ini of its own, bulk-loaded with
           its own loader, whose time is a "load" row); one warm-up run,
           then --rounds runs each
  qN-cold  the same query as a new "docgraph sparql" process each run
           (ratio against the peers' warm time)

Every engine must give docgraph's row count for every query, or the run
fails after printing its table. "--skip queries" leaves the queries out.

It prints the median wall time, the median CPU time, the peak resident
memory and the ratio of docgraph's median to the fastest peer's. npm
packages are installed into .bench/node_modules on first use; a tool that
is missing is skipped with a note.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if fromCSV != "" {
				rows, err := readBenchCSV(fromCSV)
				if err != nil {
					return err
				}
				printBench(a.stdout, rows, nil)
				if plotPath != "" {
					return plotBench(plotPath, rows)
				}
				return nil
			}
			self, err := os.Executable()
			if err != nil {
				return err
			}
			if err := os.MkdirAll(work, 0o755); err != nil {
				return err
			}
			r := &benchRunner{self: self, work: work, timeout: timeout, log: a.stderr}
			scripts := filepath.Join(work, "peers")
			os.MkdirAll(scripts, 0o755)
			for _, n := range []string{"peers.js", "peers.py"} {
				data, _ := peerScripts.ReadFile("benchpeers/" + n)
				if err := os.WriteFile(filepath.Join(scripts, n), data, 0o644); err != nil {
					return err
				}
			}
			var notes []string
			r.nodeMod, err = nodeModules(a.stderr)
			if err != nil {
				notes = append(notes, "Oxigraph, N3.js and jsonld.js skipped: "+err.Error())
			}
			// Debian's rdflib lives in the system python.
			for _, py := range []string{"/usr/bin/python3", "python3"} {
				if p, err := exec.LookPath(py); err == nil && exec.Command(p, "-c", "import rdflib").Run() == nil {
					r.python = p
					break
				}
			}
			if r.python == "" {
				notes = append(notes, "rdflib skipped: no python3 with rdflib")
			}
			rapper, rerr := exec.LookPath("rapper")
			if rerr != nil {
				notes = append(notes, "rapper skipped: not installed")
			}
			var rows []benchRow
			var queryErr error
			for _, n := range docs {
				dir := filepath.Join(work, fmt.Sprintf("docs-%d", n))
				if _, err := os.Stat(dir); err != nil {
					fmt.Fprintf(a.stderr, "generating %d documents…\n", n)
					if _, err := synth.WriteDir(dir, synth.Options{Docs: n, Seed: seed}); err != nil {
						return err
					}
				}
				store := filepath.Join(work, fmt.Sprintf("store-%d", n))
				loadStore := filepath.Join(work, fmt.Sprintf("load-%d", n))
				nq := filepath.Join(work, fmt.Sprintf("graph-%d.nq", n))
				nt := filepath.Join(work, fmt.Sprintf("graph-%d.nt", n))
				out := func(ext string) string { return filepath.Join(work, "out"+ext) }
				dg := func(store string, args ...string) []string {
					return append([]string{"--store", store}, args...)
				}
				jobs := []benchJob{
					{job: "ingest", tool: "docgraph", name: self, args: dg(store, "ingest", "-q", dir),
						before: func() error { return os.RemoveAll(store) }},
					{job: "load", tool: "docgraph", name: self, args: dg(loadStore, "bench", "load", nq),
						before: func() error { return os.RemoveAll(loadStore) }},
					{job: "turtle", tool: "docgraph", name: self, args: dg(store, "export", "-f", "turtle", "-o", out(".ttl"))},
					{job: "nquads", tool: "docgraph", name: self, args: dg(store, "export", "-f", "nquads", "-o", out(".nq"))},
					{job: "jsonld", tool: "docgraph", name: self, args: dg(store, "export", "-f", "jsonld", "-o", out(".jsonld"))},
				}
				if r.nodeMod != "" {
					js := filepath.Join(scripts, "peers.js")
					env := []string{"NODE_PATH=" + r.nodeMod}
					node := func(tool, job, in, o string) benchJob {
						return benchJob{job: job, tool: tool, name: "node", args: []string{"--max-old-space-size=8192", js, tool, job, in, o}, env: env}
					}
					jobs = append(jobs,
						node("oxigraph", "load", nq, ""), node("n3", "load", nq, ""),
						node("oxigraph", "turtle", nt, out(".ox.ttl")), node("n3", "turtle", nt, out(".n3.ttl")),
						node("oxigraph", "nquads", nq, out(".ox.nq")), node("n3", "nquads", nq, out(".n3.nq")),
						node("jsonld", "jsonld", nq, out(".js.jsonld")))
				}
				if rapper != "" {
					jobs = append(jobs,
						benchJob{job: "parse", tool: "rapper", name: rapper, args: []string{"-q", "-c", "-i", "nquads", nq}},
						benchJob{job: "turtle", tool: "rapper", name: "sh", args: []string{"-c", `rapper -q -i ntriples -o turtle "$0" > "$1"`, nt, out(".rapper.ttl")}},
						benchJob{job: "nquads", tool: "rapper", name: "sh", args: []string{"-c", `rapper -q -i nquads -o nquads "$0" > "$1"`, nq, out(".rapper.nq")}})
				}
				if r.python != "" {
					py := filepath.Join(scripts, "peers.py")
					jobs = append(jobs,
						benchJob{job: "load", tool: "rdflib", name: r.python, args: []string{py, "load", nq, ""}},
						benchJob{job: "turtle", tool: "rdflib", name: r.python, args: []string{py, "turtle", nt, out(".rdflib.ttl")}},
						benchJob{job: "nquads", tool: "rdflib", name: r.python, args: []string{py, "nquads", nq, out(".rdflib.nq")}},
						benchJob{job: "jsonld", tool: "rdflib", name: r.python, args: []string{py, "jsonld", nq, out(".rdflib.jsonld")}})
				}
				failed := map[string]bool{}
				for _, k := range skip {
					for _, j := range jobs {
						if k == j.tool || k == j.job || k == j.job+"/"+j.tool {
							failed[j.job+"/"+j.tool] = true
						}
					}
				}
				for round := 1; round <= rounds; round++ {
					for _, j := range jobs {
						if failed[j.job+"/"+j.tool] {
							continue
						}
						if j.before != nil {
							if err := j.before(); err != nil {
								return err
							}
						}
						fmt.Fprintf(a.stderr, "%d docs, round %d: %s %s\n", n, round, j.job, j.tool)
						row, err := r.measure(ctx, j.name, j.args, j.env, io.Discard)
						row.Job, row.Tool, row.Docs, row.Round = j.job, j.tool, n, round
						if err != nil {
							if ctx.Err() != nil {
								return ctx.Err()
							}
							row.Err = err.Error()
							failed[j.job+"/"+j.tool] = true
							notes = append(notes, fmt.Sprintf("%s by %s at %d docs failed: %s", j.job, j.tool, n, err))
						}
						rows = append(rows, row)
						if row.Err == "" {
							fmt.Fprintf(a.stderr, "  %.2f s, %.2f s CPU, %.0f MB\n", row.Wall.Seconds(), row.CPU.Seconds(), float64(row.PeakKB)/1024)
						}
						if round == 1 && j.job == "ingest" {
							// The graph the peers read, written once from the store.
							if _, err := os.Stat(nq); err != nil {
								if _, err := r.measure(ctx, self, dg(store, "export", "-f", "nquads", "-o", nq), nil, io.Discard); err != nil {
									return err
								}
								if _, err := r.measure(ctx, self, dg(store, "export", "-f", "ntriples", "-o", nt), nil, io.Discard); err != nil {
									return err
								}
							}
						}
					}
				}
				skipped := func(job, tool string) bool {
					for _, k := range skip {
						if k == tool || k == job || k == job+"/"+tool {
							return true
						}
					}
					return false
				}
				if !skipped("queries", "") {
					qrows, qnotes, err := r.runQueries(ctx, n, rounds, store, nq, filepath.Join(scripts, "peers.js"), skipped)
					rows = append(rows, qrows...)
					notes = append(notes, qnotes...)
					if err != nil {
						queryErr = errors.Join(queryErr, err)
					}
				}
				notes = append(notes, storeSizeNote(n, store, nq))
			}
			printBench(a.stdout, rows, notes)
			if csvPath != "" {
				if err := writeBenchCSV(csvPath, rows); err != nil {
					return err
				}
			}
			if plotPath != "" {
				if err := plotBench(plotPath, rows); err != nil {
					return err
				}
			}
			return queryErr
		},
	}
	cmd.Flags().IntSliceVar(&docs, "docs", []int{1000}, "archive sizes in documents (comma-separated)")
	cmd.Flags().IntVar(&rounds, "rounds", 3, "rounds of every job")
	cmd.Flags().StringVar(&work, "work", ".bench/work", "folder for generated documents, stores and outputs")
	cmd.Flags().StringVar(&csvPath, "csv", "", "also write every measured run to this CSV file")
	cmd.Flags().StringVar(&plotPath, "plot", "", "draw time against size into this PNG (run with several --docs, e.g. 1000,10000,100000)")
	cmd.Flags().StringVar(&fromCSV, "from-csv", "", "print and plot the runs of an earlier --csv file instead of measuring")
	cmd.Flags().Int64Var(&seed, "seed", 1, "seed of the generated archive")
	cmd.Flags().StringSliceVar(&skip, "skip", nil, "tools, jobs or job/tool pairs to leave out (e.g. rdflib,load/n3)")
	cmd.Flags().DurationVar(&timeout, "timeout", 15*time.Minute, "longest a single run may take")
	return cmd
}

// nodeModules finds or installs, with npm, the peers' npm packages into
// .bench/node_modules.
func nodeModules(log io.Writer) (string, error) {
	if _, err := exec.LookPath("node"); err != nil {
		return "", errors.New("node is not installed")
	}
	dir, err := filepath.Abs(".bench")
	if err != nil {
		return "", err
	}
	mods := filepath.Join(dir, "node_modules")
	have := true
	for _, p := range []string{"oxigraph", "n3", "jsonld"} {
		if _, err := os.Stat(filepath.Join(mods, p, "package.json")); err != nil {
			have = false
		}
	}
	if have {
		return mods, nil
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return "", errors.New("npm is not installed")
	}
	fmt.Fprintln(log, "installing oxigraph, n3 and jsonld into .bench/node_modules…")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	out, err := exec.Command("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, "oxigraph@0.5", "n3", "jsonld").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("npm install: %v: %s", err, out)
	}
	return mods, nil
}

type benchSummary struct {
	job, tool      string
	docs           int
	wall, cpu      time.Duration
	peakKB         int64
	ok             bool
	ratio, cpuRate float64
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func summarize(rows []benchRow) []benchSummary {
	type key struct {
		job, tool string
		docs      int
	}
	var keys []key
	walls := map[key][]time.Duration{}
	cpus := map[key][]time.Duration{}
	peak := map[key]int64{}
	bad := map[key]bool{}
	for _, r := range rows {
		k := key{r.Job, r.Tool, r.Docs}
		if _, ok := walls[k]; !ok && !bad[k] {
			keys = append(keys, k)
		}
		if r.Err != "" {
			bad[k] = true
			continue
		}
		walls[k] = append(walls[k], r.Wall)
		cpus[k] = append(cpus[k], r.CPU)
		peak[k] = max(peak[k], r.PeakKB)
	}
	var out []benchSummary
	for _, k := range keys {
		out = append(out, benchSummary{job: k.job, tool: k.tool, docs: k.docs, wall: median(walls[k]), cpu: median(cpus[k]),
			peakKB: peak[k], ok: !bad[k] && len(walls[k]) > 0})
	}
	// Ratio to the fastest peer of the same job and size.
	for i := range out {
		var best, bestCPU time.Duration
		for _, o := range out {
			if o.job == strings.TrimSuffix(out[i].job, "-cold") && o.docs == out[i].docs && o.tool != "docgraph" && o.ok {
				if best == 0 || o.wall < best {
					best = o.wall
				}
				if bestCPU == 0 || o.cpu < bestCPU {
					bestCPU = o.cpu
				}
			}
		}
		if best > 0 && out[i].ok {
			out[i].ratio = float64(out[i].wall) / float64(best)
			if bestCPU > 0 {
				out[i].cpuRate = float64(out[i].cpu) / float64(bestCPU)
			}
		}
	}
	return out
}

func printBench(w io.Writer, rows []benchRow, notes []string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "job\tdocs\ttool\tmedian s\tcpu s\tpeak MB\tratio\tcpu ratio\t")
	sums := summarize(rows)
	var queries []benchSummary
	for _, s := range sums {
		if isQueryJob(s.job) {
			queries = append(queries, s)
			continue
		}
		if !s.ok {
			fmt.Fprintf(tw, "%s\t%d\t%s\tfailed\t\t\t\t\t\n", s.job, s.docs, s.tool)
			continue
		}
		ratio, cratio := "", ""
		if s.ratio > 0 {
			ratio, cratio = fmt.Sprintf("%.2f", s.ratio), fmt.Sprintf("%.2f", s.cpuRate)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.2f\t%.2f\t%.0f\t%s\t%s\t\n", s.job, s.docs, s.tool, s.wall.Seconds(), s.cpu.Seconds(),
			float64(s.peakKB)/1024, ratio, cratio)
	}
	tw.Flush()
	if len(queries) > 0 {
		// Queries take milliseconds; a server's processor time is read
		// from /proc in steps of 10 ms.
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "query\tdocs\ttool\tmedian ms\tcpu ms\tratio\tcpu ratio\t")
		for _, s := range queries {
			if !s.ok {
				fmt.Fprintf(tw, "%s\t%d\t%s\tfailed\t\t\t\t\n", s.job, s.docs, s.tool)
				continue
			}
			ratio, cratio := "", ""
			if s.ratio > 0 {
				ratio, cratio = fmt.Sprintf("%.2f", s.ratio), fmt.Sprintf("%.2f", s.cpuRate)
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%.1f\t%.0f\t%s\t%s\t\n", s.job, s.docs, s.tool,
				float64(s.wall.Microseconds())/1000, float64(s.cpu.Microseconds())/1000, ratio, cratio)
		}
		tw.Flush()
	}
	for _, n := range notes {
		fmt.Fprintln(w, "note:", n)
	}
}

// isQueryJob tells the query jobs (q1, q2-cold, …) from the others.
func isQueryJob(job string) bool {
	return len(job) > 1 && job[0] == 'q' && job[1] >= '0' && job[1] <= '9'
}

func writeBenchCSV(path string, rows []benchRow) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write([]string{"job", "tool", "docs", "round", "wall_s", "cpu_s", "peak_kb", "error"})
	for _, r := range rows {
		w.Write([]string{r.Job, r.Tool, strconv.Itoa(r.Docs), strconv.Itoa(r.Round),
			strconv.FormatFloat(r.Wall.Seconds(), 'f', 3, 64), strconv.FormatFloat(r.CPU.Seconds(), 'f', 3, 64),
			strconv.FormatInt(r.PeakKB, 10), r.Err})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readBenchCSV reads the runs a --csv file holds.
func readBenchCSV(path string) ([]benchRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var rows []benchRow
	for i, r := range recs {
		if i == 0 {
			continue
		}
		if len(r) != 8 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 8", path, i+1, len(r))
		}
		docs, e1 := strconv.Atoi(r[2])
		round, e2 := strconv.Atoi(r[3])
		wall, e3 := strconv.ParseFloat(r[4], 64)
		cpu, e4 := strconv.ParseFloat(r[5], 64)
		peak, e5 := strconv.ParseInt(r[6], 10, 64)
		if err := errors.Join(e1, e2, e3, e4, e5); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		rows = append(rows, benchRow{Job: r[0], Tool: r[1], Docs: docs, Round: round,
			Wall: time.Duration(wall * float64(time.Second)), CPU: time.Duration(cpu * float64(time.Second)), PeakKB: peak, Err: r[7]})
	}
	return rows, nil
}
