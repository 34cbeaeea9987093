package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/fulltext"
)

func newCheckCmd(a *app) *cobra.Command {
	var repair bool
	c := &cobra.Command{
		Use:   "check",
		Short: "Verify the store's invariants and report what is wrong",
		Long: `Checks that every document graph is whole, that every entity a document
or claim links to is described, and that every claim has its subject, object,
source document and evidence, that every correction in force still finds
its target (a claim, document or entity), and that the full-text index holds
every document (--repair builds it anew when it is missing or stale). Exit
status 1 when anything is wrong.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openStoreReadOnly(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			probs, err := catalog.Check(cmd.Context(), store)
			if err != nil {
				return err
			}
			if repair {
				if err := a.repairIndex(cmd.Context(), store); err != nil {
					return err
				}
			}
			if p := a.indexPath(); p != "" {
				ix, err := fulltext.Open(p, true)
				switch {
				case errors.Is(err, fulltext.ErrNoIndex):
					fmt.Fprintf(a.stdout, "note: no full-text index (docgraph check --repair builds it)\n")
				case err != nil:
					// derived from the store, which is whole: ingest or
					// --repair makes it anew
					fmt.Fprintf(a.stdout, "note: the full-text index cannot be read (docgraph check --repair makes it anew): %v\n", err)
				default:
					fresh, n, docs, err := indexFresh(cmd.Context(), store, ix)
					ix.Close()
					if err != nil {
						return err
					}
					if !fresh {
						// the index is derived from the store: a stale one
						// (an interrupted ingest) is repaired, not an error
						fmt.Fprintf(a.stdout, "note: the full-text index holds %d documents, the store %d (docgraph check --repair)\n", n, docs)
					}
				}
			}
			for _, p := range probs {
				fmt.Fprintln(a.stdout, p)
			}
			orphans, err := curate.Orphans(cmd.Context(), store)
			if err != nil {
				return err
			}
			for _, o := range orphans {
				fmt.Fprintln(a.stdout, o)
			}
			if n := len(probs) + len(orphans); n > 0 {
				return fmt.Errorf("%d problems in %s", n, a.storeSpec)
			}
			fmt.Fprintf(a.stdout, "%s: ok\n", a.storeSpec)
			return nil
		},
	}
	c.Flags().BoolVar(&repair, "repair", false, "build the full-text index anew when it is missing or stale")
	return c
}
