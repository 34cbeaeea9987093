package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/internal/synth"
)

func newBenchCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Generate a synthetic archive and measure docgraph against other RDF tools",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newBenchGenCmd(a), newBenchLoadCmd(a), newBenchRunCmd(a), newBenchQueriesCmd(a), newBenchStoresCmd(a))
	return cmd
}

func newBenchGenCmd(a *app) *cobra.Command {
	var opt synth.Options
	var out string
	cmd := &cobra.Command{
		Use:   "gen --docs N --seed S --out DIR",
		Short: "Write a synthetic archive of N documents (the same seed gives the same files)",
		Long: `Writes N synthetic archival records into DIR, half as markdown exports and
half as saved record pages: Russian originals with English translations,
dates, kinds, authors and recipients (some under pseudonyms), archival
citations, mentions of gazetteer entities with Zipf-like popularity plus
generated people, and sentences carrying claims. The same seed always
writes the same files.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.Docs <= 0 {
				return withCode(exitUsage, fmt.Errorf("--docs must be positive, not %d", opt.Docs))
			}
			if out == "" {
				return withCode(exitUsage, fmt.Errorf("--out is required"))
			}
			n, err := synth.WriteDir(out, opt)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %d documents (%.1f MB) to %s\n", opt.Docs, float64(n)/1e6, out)
			return nil
		},
	}
	cmd.Flags().IntVar(&opt.Docs, "docs", 1000, "number of documents")
	cmd.Flags().Int64Var(&opt.Seed, "seed", 1, "random seed")
	cmd.Flags().StringVar(&out, "out", "", "folder to write into (created if missing)")
	return cmd
}
