package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/graph/catalog"
)

func newCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Verify the store's invariants and report what is wrong",
		Long: `Checks that every document graph is whole, that every entity a document
or claim links to is described, and that every claim has its subject, object,
source document and evidence, and that every correction in force still
finds its target (a claim, document or entity). Exit status 1 when anything is wrong.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			probs, err := catalog.Check(cmd.Context(), store)
			if err != nil {
				return err
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
}
