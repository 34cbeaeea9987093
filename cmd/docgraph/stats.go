package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/catalog"
)

func newStatsCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count documents, the entities they mention by class, claims and quads",
		Long: `Counts the documents, the entities they mention or link to (by class), the
entities of the gazetteer (mentioned or not), the claims, the named graphs
and the quads of the store.`,
		Args: cobra.NoArgs,
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
			line("gazetteer", int64(st.GazetteerEntities()))
			line("claims", int64(st.Claims))
			line("graphs", int64(st.Graphs))
			line("quads", st.Quads)
			fmt.Fprintf(w, "%-16s %s (%s)\n", "store", a.storeSpec, store.Backend())
			return nil
		},
	}
}
