package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/curate"
)

func newReviewCmd(a *app) *cobra.Command {
	var opt curate.ReviewOptions
	var limit int
	c := &cobra.Command{
		Use:   "review",
		Short: "List what most needs a curator: unsure claims, unlinked names, likely duplicates",
		Long: `Lists, the items touching the most documents first: claims the extractor
gave a low confidence that no curator confirmed (--below), entities no
gazetteer or Wikidata link describes that several documents mention
(--min-docs), and likely duplicates: one name written in two scripts, or
initials beside a full name, that no merge or split settles. Each line
gives the documents it touches, its kind and the IRIs to use with
'docgraph curate'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			items, err := curate.Review(ctx, store, opt)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(a.stdout)
			defer w.Flush()
			for i, it := range items {
				if limit > 0 && i == limit {
					fmt.Fprintf(w, "… and %d more\n", len(items)-limit)
					break
				}
				fmt.Fprintf(w, "%4d  %-9s  %s\n", it.Documents, it.Kind, it.What)
			}
			if len(items) == 0 {
				fmt.Fprintln(w, "nothing to review")
			}
			return nil
		},
	}
	c.Flags().Float64Var(&opt.MaxConfidence, "below", 0.7, "list claims whose confidence is below this")
	c.Flags().IntVar(&opt.MinDocuments, "min-docs", 2, "list unlinked entities mentioned in at least this many documents")
	c.Flags().IntVar(&limit, "limit", 50, "show at most this many items (0: all)")
	return c
}
