package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/internal/virtuoso"
)

// newBenchQueriesCmd times the bench's six queries as one-shot processes
// over an existing store, without the rest of `bench run`.
func newBenchQueriesCmd(a *app) *cobra.Command {
	var (
		rounds   int
		bins     []string
		oxigraph string
		write    string
		timeout  time.Duration
	)
	cmd := &cobra.Command{
		Use:   "queries --store S [--rounds N] [--bin EXE]... [--oxigraph FILE.nq]",
		Short: "Time the bench's six queries as one new `docgraph sparql` process each",
		Long: `Draws the constants of the six queries of "bench run" from the store and
runs each query --rounds times as a new "docgraph --store S sparql --format
json" process, printing the median wall and CPU time of each query and
their geometric means. With --bin (repeatable) the queries are run by
those executables instead of this one, interleaved round by round, so two
builds can be compared under the same load; every executable must give
the same row counts. With --oxigraph FILE.nq, Oxigraph (npm "oxigraph",
installed into .bench/node_modules on first use) loads the file in its own
process and answers the same queries warm, once to warm up and then
--rounds times, and the ratios of the one-shot times to its warm times are
printed. The machine's load average is printed before and after. With
--write DIR the queries are written there as files (for "sparql -f")
and nothing is timed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if rounds < 1 {
				return withCode(exitUsage, fmt.Errorf("--rounds must be at least 1, not %d", rounds))
			}
			if len(bins) == 0 {
				self, err := os.Executable()
				if err != nil {
					return err
				}
				bins = []string{self}
			}
			st, err := graph.Open(ctx, a.storeSpec, graph.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			qs, constants, err := pickBenchQueries(ctx, st)
			st.Close()
			if err != nil {
				return err
			}
			if write != "" {
				if err := os.MkdirAll(write, 0o755); err != nil {
					return err
				}
				for _, q := range qs {
					if err := os.WriteFile(filepath.Join(write, q.Name+".rq"), []byte(benchPrefixes+q.Text+"\n"), 0o644); err != nil {
						return err
					}
				}
				fmt.Fprintf(a.stdout, "wrote the queries to %s (%s)\n", write, constants)
				return nil
			}
			fmt.Fprintf(a.stdout, "load average at the start: %s\nconstants: %s\n", loadAverage(), constants)
			r := &benchRunner{timeout: timeout, log: a.stderr}
			// timings[bin][query]
			timings := make([]map[string]*queryTiming, len(bins))
			for i := range timings {
				timings[i] = map[string]*queryTiming{}
				for _, q := range qs {
					timings[i][q.Name] = &queryTiming{}
				}
			}
			for range rounds {
				for _, q := range qs {
					for i, bin := range bins {
						var out bytes.Buffer
						row, err := r.measure(ctx, bin, []string{"--store", a.storeSpec, "sparql", "--format", "json", benchPrefixes + q.Text}, nil, &out)
						if err != nil {
							return err
						}
						n, err := virtuoso.CountJSON(&out)
						if err != nil {
							return fmt.Errorf("%s %s: %w", bin, q.Name, err)
						}
						t := timings[i][q.Name]
						t.Rows = n
						t.Wall, t.CPU = append(t.Wall, row.Wall), append(t.CPU, row.CPU)
					}
				}
			}
			var ox map[string]*queryTiming
			if oxigraph != "" {
				mods, err := nodeModules(a.stderr)
				if err != nil {
					return err
				}
				dir, err := os.MkdirTemp("", "docgraph-bench-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				script := filepath.Join(dir, "peers.js")
				data, _ := peerScripts.ReadFile("benchpeers/peers.js")
				if err := os.WriteFile(script, data, 0o644); err != nil {
					return err
				}
				if ox, err = oxigraphQueries(ctx, script, mods, oxigraph, rounds, qs); err != nil {
					return err
				}
			}
			fmt.Fprintf(a.stdout, "load average at the end: %s\n\n", loadAverage())
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
			head := "engine\t"
			for _, q := range qs {
				head += q.Name + "\t"
			}
			fmt.Fprintln(tw, head+"geometric mean\t")
			line := func(name string, v func(q benchQuery) (float64, bool)) {
				s := name + "\t"
				logSum, n := 0.0, 0
				for _, q := range qs {
					x, ok := v(q)
					if !ok {
						s += "-\t"
						continue
					}
					s += fmt.Sprintf("%.2f\t", x)
					if x > 0 {
						logSum += math.Log(x)
						n++
					}
				}
				if n == len(qs) {
					s += fmt.Sprintf("%.2f\t", math.Exp(logSum/float64(n)))
				} else {
					s += "-\t"
				}
				fmt.Fprintln(tw, s)
			}
			val := func(m map[string]*queryTiming, cpu bool) func(q benchQuery) (float64, bool) {
				return func(q benchQuery) (float64, bool) {
					t, ok := m[q.Name]
					if !ok || t.Err != "" || len(t.Wall) == 0 {
						return 0, false
					}
					d := median(t.Wall)
					if cpu {
						d = median(t.CPU)
					}
					return float64(d) / 1e6, true
				}
			}
			ratio := func(a, b func(q benchQuery) (float64, bool)) func(q benchQuery) (float64, bool) {
				return func(q benchQuery) (float64, bool) {
					x, ok1 := a(q)
					y, ok2 := b(q)
					return x / y, ok1 && ok2 && y > 0
				}
			}
			for i, bin := range bins {
				name := filepath.Base(bin)
				line(name+" one-shot wall ms", val(timings[i], false))
				line(name+" one-shot CPU ms", val(timings[i], true))
			}
			if ox != nil {
				line("Oxigraph warm wall ms", val(ox, false))
				line("Oxigraph warm CPU ms", val(ox, true))
				for i, bin := range bins {
					name := filepath.Base(bin)
					line(name+" one-shot / Oxigraph warm (wall)", ratio(val(timings[i], false), val(ox, false)))
					line(name+" one-shot / Oxigraph warm (CPU)", ratio(val(timings[i], true), val(ox, true)))
				}
			}
			rows := "rows\t"
			var mismatch []string
			for _, q := range qs {
				want := timings[0][q.Name].Rows
				rows += fmt.Sprintf("%d\t", want)
				for i := range bins[1:] {
					if got := timings[i+1][q.Name].Rows; got != want {
						mismatch = append(mismatch, fmt.Sprintf("%s: %s %d rows, %s %d", q.Name, bins[0], want, bins[i+1], got))
					}
				}
				if t, ok := ox[q.Name]; ok && t.Err == "" && t.Rows != want {
					mismatch = append(mismatch, fmt.Sprintf("%s: docgraph %d rows, Oxigraph %d", q.Name, want, t.Rows))
				}
			}
			fmt.Fprintln(tw, rows+"\t")
			tw.Flush()
			if len(mismatch) > 0 {
				return fmt.Errorf("engines disagree on row counts: %s", strings.Join(mismatch, "; "))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&rounds, "rounds", 5, "runs of each query by each executable")
	cmd.Flags().StringArrayVar(&bins, "bin", nil, "docgraph executable to time (repeatable; default this one)")
	cmd.Flags().StringVar(&oxigraph, "oxigraph", "", "N-Quads export of the store, for Oxigraph's warm times of the same queries")
	cmd.Flags().StringVar(&write, "write", "", "write the queries into this folder as q1.rq … q6.rq instead of timing them")
	cmd.Flags().DurationVar(&timeout, "timeout", 5*time.Minute, "longest a single run may take")
	return cmd
}
