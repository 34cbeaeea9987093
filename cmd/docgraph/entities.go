package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/vocab"
)

func newEntitiesCmd(a *app) *cobra.Command {
	var unlinked bool
	var class string
	var limit int
	c := &cobra.Command{
		Use:   "entities",
		Short: "List the entities the documents mention, most mentioned first",
		Long: `Lists every entity the store's documents mention: how many documents
mention it and in which years, its class, its name, and how it is linked:
"gazetteer" with its Wikidata item (or "no Wikidata id") when a gazetteer
entry describes it, "unlinked" when it was found in the documents only and
has a local IRI. --unlinked shows only the latter, the names a gazetteer
(--gazetteer FILE) most needs; --class Person|Organization|Country|Place|
Event|Proposal narrows the list to one class.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if class != "" && vocab.ClassIRI(canonClass(class)) == "" {
				return withCode(exitUsage, fmt.Errorf("--class %q: want one of Person, Organization, Country, Place, Event, Proposal", class))
			}
			store, err := a.openStoreReadOnly(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			rows, err := catalog.Entities(cmd.Context(), store, catalog.EntityFilter{Unlinked: unlinked, Class: canonClass(class)})
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "docs\tyears\tclass\tname\tlinked")
			for i, r := range rows {
				if limit > 0 && i == limit {
					fmt.Fprintf(tw, "…\t\t\t%d more\t\n", len(rows)-limit)
					break
				}
				link := "unlinked"
				switch {
				case r.Gazetteer && r.Wikidata != "":
					link = "gazetteer, Wikidata " + r.Wikidata
				case r.Gazetteer:
					link = "gazetteer, no Wikidata id"
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.Documents, years(r.First, r.Last), r.Class, r.Name, link)
			}
			return tw.Flush()
		},
	}
	c.Flags().BoolVar(&unlinked, "unlinked", false, "only entities no gazetteer entry describes")
	c.Flags().StringVar(&class, "class", "", "only entities of this class (Person, Organization, Country, Place, Event, Proposal)")
	c.Flags().IntVarP(&limit, "limit", "n", 0, "show at most this many (0: all)")
	return c
}

// canonClass accepts a class name in any case ("person" -> "Person").
func canonClass(s string) string {
	for _, c := range []string{vocab.ClassPerson, vocab.ClassOrganization, vocab.ClassCountry, vocab.ClassPlace, vocab.ClassEvent, vocab.ClassProposal} {
		if strings.EqualFold(s, c) {
			return c
		}
	}
	return s
}

func years(first, last string) string {
	y := func(d string) string {
		if len(d) >= 4 {
			return d[:4]
		}
		return d
	}
	switch {
	case first == "":
		return "-"
	case y(first) == y(last):
		return y(first)
	}
	return y(first) + "-" + y(last)
}
