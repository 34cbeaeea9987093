package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/graph/catalog"
)

func newStatsCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count documents, entities by class, claims and quads",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openStoreReadOnly(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			st, err := catalog.Count(cmd.Context(), store)
			if err != nil {
				return err
			}
			w := a.stdout
			line := func(label string, n int64) { fmt.Fprintf(w, "%-16s %9d\n", label, n) }
			line("documents", int64(st.Documents))
			total := 0
			var classes []string
			for c, n := range st.Entities {
				classes = append(classes, c)
				total += n
			}
			slices.Sort(classes)
			line("entities", int64(total))
			for _, c := range classes {
				line("  "+c, int64(st.Entities[c]))
			}
			line("claims", int64(st.Claims))
			line("graphs", int64(st.Graphs))
			line("quads", st.Quads)
			fmt.Fprintf(w, "%-16s %s (%s)\n", "store", a.storeSpec, store.Backend())
			return nil
		},
	}
}
