package main

import (
	"fmt"
	"slices"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/graph/catalog"
)

func newStatsCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count documents, entities by class, claims and quads",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			st, err := catalog.Count(cmd.Context(), store)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "documents\t%d\t\n", st.Documents)
			total := 0
			var classes []string
			for c, n := range st.Entities {
				classes = append(classes, c)
				total += n
			}
			slices.Sort(classes)
			fmt.Fprintf(tw, "entities\t%d\t\n", total)
			for _, c := range classes {
				fmt.Fprintf(tw, "  %s\t%d\t\n", c, st.Entities[c])
			}
			fmt.Fprintf(tw, "claims\t%d\t\n", st.Claims)
			fmt.Fprintf(tw, "graphs\t%d\t\n", st.Graphs)
			fmt.Fprintf(tw, "quads\t%d\t\n", st.Quads)
			fmt.Fprintf(tw, "store\t%s (%s)\t\n", a.storeSpec, store.Backend())
			return tw.Flush()
		},
	}
}
