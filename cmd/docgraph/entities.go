package main

import (
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

func newEntitiesCmd(a *app) *cobra.Command {
	var unlinked bool
	var class string
	var limit int
	c := &cobra.Command{
		Use:   "entities",
		Short: "List the store's entities with the documents that mention them and how they were linked",
		Long: `Lists every entity the documents mention, most mentioned first: its class,
name, the number of documents that mention it, how its mentions were tied to
the gazetteer (label, initials, pseudonym, context, collective, fuzzy; or
"unlinked" for names the gazetteer lacks) and its Wikidata item. With
--unlinked only the names the gazetteer lacks are listed: what to add to a
gazetteer of your own (--gazetteer).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			filter := ""
			if class != "" {
				iri := vocab.ClassIRI(titleWord(class))
				if iri == "" {
					return withCode(exitUsage, fmt.Errorf("unknown class %q (Person, Organization, Country, Place, Event, Proposal)", class))
				}
				filter += "FILTER(?class = <" + string(iri) + ">)\n"
			}
			if unlinked {
				filter += "FILTER EXISTS { ?e dg:linked false }\n"
			}
			q := `PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dg: <` + vocab.DG + `>
SELECT ?e ?class (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?doc) AS ?docs) (SAMPLE(?wd) AS ?wikidata)
       (GROUP_CONCAT(DISTINCT ?m; separator=",") AS ?methods) (SAMPLE(?u) AS ?unl)
WHERE {
  GRAPH ?doc { ?doc schema:mentions ?e }
  ?e a ?class .
  ` + filter + `
  OPTIONAL { ?e rdfs:label ?l FILTER(langMatches(lang(?l), "en")) }
  OPTIONAL { ?e owl:sameAs ?wd }
  OPTIONAL { GRAPH ?doc { ?e dg:linkMethod ?m } }
  OPTIONAL { ?e dg:linked ?u }
}
GROUP BY ?e ?class
ORDER BY DESC(?docs) ?label`
			store, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			p, err := queries.Prepare(q, queries.Options{})
			if err != nil {
				return err
			}
			res, err := p.Run(cmd.Context(), queries.StoreDataset(store))
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CLASS\tNAME\tDOCS\tLINK\tWIKIDATA")
			n := 0
			for row, err := range res.Solutions {
				if err != nil {
					return err
				}
				if limit > 0 && n == limit {
					break
				}
				n++
				name := lexical(row[2])
				if name == "" {
					name = lexical(row[0])
				}
				ms := strings.Split(lexical(row[5]), ",")
				sort.Strings(ms)
				link := strings.Trim(strings.Join(ms, ","), ",")
				if lexical(row[6]) == "false" {
					link = "unlinked"
				} else if link == "" {
					link = "-"
				}
				wd := strings.TrimPrefix(lexical(row[4]), vocab.WD)
				if wd == "" {
					wd = "-"
				}
				cls := vocab.ClassOf(rdf.IRI(lexical(row[1])))
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", cls, name, lexical(row[3]), link, wd)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if n == 0 {
				return withCode(exitNotFound, fmt.Errorf("no entities in %s", a.storeSpec))
			}
			return nil
		},
	}
	c.Flags().BoolVar(&unlinked, "unlinked", false, "only the entities the gazetteer lacks")
	c.Flags().StringVar(&class, "class", "", "only entities of this class (Person, Organization, Country, Place, Event, Proposal)")
	c.Flags().IntVar(&limit, "limit", 0, "list at most this many (0: all)")
	return c
}

// lexical is a term's IRI or literal text; "" for an unbound one.
func lexical(t rdf.Term) string {
	switch v := t.(type) {
	case rdf.IRI:
		return string(v)
	case rdf.Literal:
		return v.Lexical
	case nil:
		return ""
	}
	return fmt.Sprint(t)
}

// titleWord capitalises a class name as the vocabulary writes it.
func titleWord(s string) string {
	s = strings.ToLower(s)
	if s == "" {
		return s
	}
	if s == "organisation" {
		s = "organization"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
