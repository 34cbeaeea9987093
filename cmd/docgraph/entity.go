package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/catalog"
)

func newEntityCmd(a *app) *cobra.Command {
	var limit int
	c := &cobra.Command{
		Use:   "entity NAME",
		Short: "Show an entity card: names, pseudonyms, Wikidata, documents, correspondents",
		Long: `Finds entities by name, label or pseudonym (ignoring case and accents;
exact matches first, else names containing NAME) and prints a card for each.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := a.openStoreReadOnly(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			query := strings.Join(args, " ")
			cards, err := catalog.Find(cmd.Context(), store, query)
			if err != nil {
				return err
			}
			if len(cards) == 0 {
				return withCode(exitNotFound, fmt.Errorf("no entity is named %q", query))
			}
			for i, c := range cards {
				if i == limit {
					fmt.Fprintf(a.stdout, "… and %d more\n", len(cards)-limit)
					break
				}
				if i > 0 {
					fmt.Fprintln(a.stdout)
				}
				printCard(a, c)
			}
			return nil
		},
	}
	c.Flags().IntVar(&limit, "limit", 5, "show at most this many cards")
	return c
}

func printCard(a *app, c catalog.Card) {
	w := a.stdout
	fmt.Fprintf(w, "%s (%s)\n", c.Name, c.Class)
	fmt.Fprintf(w, "  IRI        %s\n", string(c.IRI))
	if c.MatchedAlias != "" {
		for _, p := range c.Pseudonyms {
			if strings.EqualFold(p.Alias, c.MatchedAlias) {
				first, last := p.Years()
				fmt.Fprintf(w, "  %s, as %s in %d %s%s\n", c.Name, p.Alias, len(p.Documents), plural(len(p.Documents), "document"), yearRange(first, last))
			}
		}
	}
	for _, wd := range c.Wikidata {
		fmt.Fprintf(w, "  Wikidata   %s\n", string(wd))
	}
	if !c.Linked {
		fmt.Fprintf(w, "  not in the gazetteer (unlinked)\n")
	}
	if len(c.Labels) > 0 {
		pseudo := map[string]bool{}
		for _, p := range c.Pseudonyms {
			pseudo[p.Alias] = true
		}
		var names []string
		for _, l := range c.Labels {
			if pseudo[l.Lexical] {
				continue
			}
			if l.Lang != "" {
				names = append(names, l.Lexical+" ("+l.Lang+")")
			} else {
				names = append(names, l.Lexical)
			}
		}
		fmt.Fprintf(w, "  names      %s\n", strings.Join(names, "; "))
	}
	for _, p := range c.Pseudonyms {
		first, last := p.Years()
		fmt.Fprintf(w, "  pseudonym  %s: %d %s%s\n", p.Alias, len(p.Documents), plural(len(p.Documents), "document"), yearRange(first, last))
	}
	if len(c.Wrote) > 0 {
		fmt.Fprintf(w, "  wrote to   %s\n", correspondents(c.Wrote))
	}
	if len(c.Received) > 0 {
		fmt.Fprintf(w, "  heard from %s\n", correspondents(c.Received))
	}
	fmt.Fprintf(w, "  documents  %d\n", len(c.Documents))
	idWidth := 8 // ids (record ids or file names) in one column, whole
	for _, d := range c.Documents {
		idWidth = max(idWidth, utf8.RuneCountInString(d.ID))
	}
	for _, d := range c.Documents {
		fmt.Fprintf(w, "    %-10s %-*s %s\n", orDash(d.Date), idWidth, d.ID, d.Title)
	}
}

func correspondents(cs []catalog.Correspondent) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%s (%d)", c.Name, c.Count))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func yearRange(first, last string) string {
	switch {
	case first == "":
		return ""
	case first == last:
		return ", " + first
	}
	return ", " + first + "-" + last
}
