package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/catalog"
)

func newDocsCmd(a *app) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "docs",
		Short: "List the documents in the store: id, date, kind, title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openStoreReadOnly(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			docs, err := catalog.Documents(cmd.Context(), store)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				for _, d := range docs {
					if err := enc.Encode(d); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			for _, d := range docs {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.ID, orDash(d.Date), orDash(d.Kind), d.Title)
			}
			return tw.Flush()
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "one JSON object per line")
	return c
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
