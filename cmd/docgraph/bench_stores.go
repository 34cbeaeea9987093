package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/internal/synth"
)

// storeBenchQueries are the canned queries `bench stores` times: one per
// canned query with an entity of the generated archive.
var storeBenchQueries = [][]string{
	{"correspondents", "Stalin"},
	{"timeline", "Stalin"},
	{"comentions", "Mao"},
	{"claims", "--about", "Korea"},
}

func newBenchStoresCmd(a *app) *cobra.Command {
	var (
		docs     int
		rounds   int
		work     string
		pgURL    string
		seed     int64
		timeout  time.Duration
		skipIngs bool
	)
	cmd := &cobra.Command{
		Use:   "stores --postgres URL",
		Short: "Measure ingest and the canned queries on the embedded store and on PostgreSQL, side by side",
		Long: `Generates --docs documents (seed --seed), then, --rounds times each and as
separate processes, ingests them into a new embedded store and into the
PostgreSQL database --postgres, and runs the canned queries (correspondents,
timeline, comentions, claims) on both. It prints the median wall time of each
job on each store and the ratio PostgreSQL / embedded, with the load averages
of the machine before and after.

The database given with --postgres is emptied before each ingest: its tables
quads and nodes are dropped. Give it a database of its own.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if pgURL == "" {
				return withCode(exitUsage, fmt.Errorf("--postgres is required: a database the benchmark may empty"))
			}
			if graph.ParseSpec(pgURL) != graph.Postgres {
				return withCode(exitUsage, fmt.Errorf("--postgres %q is not a postgres:// address", pgURL))
			}
			self, err := os.Executable()
			if err != nil {
				return err
			}
			if err := os.MkdirAll(work, 0o755); err != nil {
				return err
			}
			dir := filepath.Join(work, fmt.Sprintf("docs-%d", docs))
			if _, err := os.Stat(dir); err != nil {
				fmt.Fprintf(a.stderr, "generating %d documents…\n", docs)
				if _, err := synth.WriteDir(dir, synth.Options{Docs: docs, Seed: seed}); err != nil {
					return err
				}
			}
			bolt := filepath.Join(work, fmt.Sprintf("store-%d", docs))
			stores := []struct{ name, spec string }{{"embedded", bolt}, {"postgresql", pgURL}}
			r := &benchRunner{self: self, work: work, timeout: timeout, log: a.stderr}
			loadBefore := loadAverage()
			times := map[string]map[string][]time.Duration{} // job -> store -> runs
			var jobs []string
			record := func(job, store string, d time.Duration) {
				if times[job] == nil {
					times[job] = map[string][]time.Duration{}
					jobs = append(jobs, job)
				}
				times[job][store] = append(times[job][store], d)
			}
			run := func(job, store string, args ...string) error {
				fmt.Fprintf(a.stderr, "%s on %s… ", job, store)
				row, err := r.measure(ctx, self, args, []string{"DOCGRAPH_STORE=", "DOCGRAPH_TOKEN="}, io.Discard)
				if err != nil {
					fmt.Fprintln(a.stderr, "failed")
					return err
				}
				fmt.Fprintf(a.stderr, "%.2f s\n", row.Wall.Seconds())
				record(job, store, row.Wall)
				return nil
			}
			for round := 1; round <= rounds; round++ {
				for _, st := range stores {
					if !skipIngs || round == 1 {
						if err := emptyStore(ctx, st.spec); err != nil {
							return err
						}
						if err := run("ingest", st.name, "--store", st.spec, "ingest", "-q", dir); err != nil {
							return err
						}
					}
					for _, q := range storeBenchQueries {
						args := append([]string{"--store", st.spec, "query"}, q...)
						if err := run("query "+strings.Join(q, " "), st.name, append(args, "--format", "tsv")...); err != nil {
							return err
						}
					}
				}
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "job (%d docs, %d rounds, medians)\tembedded s\tPostgreSQL s\tratio\t\n", docs, rounds)
			for _, job := range jobs {
				b, p := median(times[job]["embedded"]), median(times[job]["postgresql"])
				fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t\n", job, b.Seconds(), p.Seconds(), p.Seconds()/b.Seconds())
			}
			tw.Flush()
			fmt.Fprintf(a.stdout, "load average before: %s; after: %s\n", loadBefore, loadAverage())
			return nil
		},
	}
	cmd.Flags().IntVar(&docs, "docs", 1000, "archive size in documents")
	cmd.Flags().IntVar(&rounds, "rounds", 3, "rounds of every job")
	cmd.Flags().StringVar(&work, "work", ".bench/work", "folder for the generated documents and the embedded store")
	cmd.Flags().StringVar(&pgURL, "postgres", "", "postgres://… address of a database the benchmark may empty (its tables quads and nodes are dropped)")
	cmd.Flags().Int64Var(&seed, "seed", 1, "seed of the generated archive")
	cmd.Flags().DurationVar(&timeout, "timeout", 15*time.Minute, "longest a single run may take")
	cmd.Flags().BoolVar(&skipIngs, "ingest-once", false, "ingest in the first round only; later rounds time the queries alone")
	return cmd
}

// emptyStore removes an embedded store's folder, or drops the tables of a
// PostgreSQL store.
func emptyStore(ctx context.Context, spec string) error {
	if graph.ParseSpec(spec) != graph.Postgres {
		return os.RemoveAll(spec)
	}
	c, err := pgx.Connect(ctx, spec)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	_, err = c.Exec(ctx, "DROP TABLE IF EXISTS quads, nodes")
	return err
}

// loadAverage is the machine's 1, 5 and 15 minute load averages.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}
