package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

func newQueryCmd(a *app) *cobra.Command {
	var (
		qf       queryFlags
		show     bool
		from, to int
		about    string
		maxSteps int
	)
	c := &cobra.Command{
		Use:   "query NAME [ENTITY...]",
		Short: "Run a canned exploration query (correspondents, timeline, comentions, claims, path)",
		Long: `Runs one of the exploration queries shipped with docgraph. Each is a SPARQL
file (queries/canned/*.rq); --show-sparql prints it, so it can be adapted with
docgraph sparql. Entities are found by name, label or pseudonym.

  docgraph query correspondents "Mao Zedong"
  docgraph query timeline Stalin --from 1950 --to 1953
  docgraph query comentions "Korean War"
  docgraph query claims --about "Mexican proposal"
  docgraph query path Stalin Nehru
  docgraph query list`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			name, rest := args[0], args[1:]
			if name == "list" {
				all, err := queries.CannedQueries()
				if err != nil {
					return err
				}
				for _, c := range all {
					fmt.Fprintf(a.stdout, "%-15s %s\n", c.Name, c.Description)
				}
				fmt.Fprintf(a.stdout, "%-15s %s\n", "path", "The shortest chain of relations between two entities (repeats neighbours).")
				return nil
			}
			if name == "claims" && about != "" {
				rest = append([]string{about}, rest...)
			}
			if len(qf.data) > 0 {
				return withCode(exitUsage, fmt.Errorf("canned queries run over the store; use docgraph sparql --data for files"))
			}
			store, err := a.openStoreReadOnly(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			resolve := func(q string) (rdf.IRI, error) {
				cards, err := catalog.Find(ctx, store, q)
				if err != nil {
					return "", err
				}
				if len(cards) == 0 {
					return "", withCode(exitNotFound, fmt.Errorf("no entity is named %q", q))
				}
				if len(cards) > 1 {
					var others []string
					for _, c := range cards[1:min(len(cards), 4)] {
						others = append(others, c.Name)
					}
					fmt.Fprintf(a.stderr, "%q: using %s (also matches %s)\n", q, cards[0].Name, strings.Join(others, ", "))
				}
				return cards[0].IRI, nil
			}
			if name == "path" {
				if len(rest) != 2 {
					return withCode(exitUsage, fmt.Errorf("path takes two entities"))
				}
				src, err := resolve(rest[0])
				if err != nil {
					return err
				}
				dst, err := resolve(rest[1])
				if err != nil {
					return err
				}
				if show {
					c, _ := queries.CannedQuery("neighbours")
					fmt.Fprintf(a.stdout, "%s\n", c.Text)
				}
				steps, err := queries.ShortestPath(ctx, queries.StoreDataset(store), src, dst, maxSteps)
				if err != nil {
					return err
				}
				if steps == nil {
					return withCode(exitNotFound, fmt.Errorf("no chain of at most %d relations links %s and %s", maxSteps, rest[0], rest[1]))
				}
				printPath(a.stdout, steps, func(e rdf.IRI) string { return catalog.Label(ctx, store, e) })
				return nil
			}
			canned, err := queries.CannedQuery(name)
			if err != nil {
				return withCode(exitUsage, err)
			}
			params := map[string]rdf.Term{}
			for _, p := range canned.Params {
				switch p.Name {
				case "entity":
					if len(rest) == 0 {
						return withCode(exitUsage, fmt.Errorf("%s needs an entity: docgraph query %s NAME", name, name))
					}
					e, err := resolve(strings.Join(rest, " "))
					if err != nil {
						return err
					}
					params["entity"] = e
				case "from":
					params["from"] = rdf.NewTyped(fmt.Sprint(from), vocab.XSDInteger)
				case "to":
					params["to"] = rdf.NewTyped(fmt.Sprint(to), vocab.XSDInteger)
				}
			}
			if show {
				fmt.Fprintf(a.stdout, "%s\n# with %s\n\n", strings.TrimSpace(canned.Text), describeParams(params))
			}
			p, err := queries.PrepareWith(canned.Text, queries.Options{Filename: name + ".rq", Stats: queries.StoreStats(ctx, store)}, params)
			if err != nil {
				return err
			}
			qf.base = store.Base()
			ds, err := storeView(ctx, store, qf.raw)
			if err != nil {
				return err
			}
			return a.runOver(ctx, p, qf, ds)
		},
	}
	qf.add(c)
	c.Flags().BoolVar(&show, "show-sparql", false, "print the SPARQL query before running it")
	c.Flags().IntVar(&from, "from", 0, "timeline: first year")
	c.Flags().IntVar(&to, "to", 9999, "timeline: last year")
	c.Flags().StringVar(&about, "about", "", "claims: the entity the claims are by or about")
	c.Flags().IntVar(&maxSteps, "max-steps", 6, "path: the longest chain searched")
	return c
}

func describeParams(params map[string]rdf.Term) string {
	var parts []string
	for _, k := range []string{"entity", "from", "to"} {
		if t, ok := params[k]; ok {
			parts = append(parts, "?"+k+" = "+t.String())
		}
	}
	return strings.Join(parts, ", ")
}

func printPath(w io.Writer, steps []queries.Step, label func(rdf.IRI) string) {
	for i, s := range steps {
		if i == 0 {
			fmt.Fprintln(w, label(s.From))
		}
		link := ""
		switch l := s.Link.(type) {
		case rdf.Literal:
			link = l.Lexical
		case rdf.IRI:
			if c := vocab.Compact(l); c != "" {
				link = c
			} else {
				link = string(l)
			}
		}
		doc := ""
		if d, ok := s.Doc.(rdf.IRI); ok {
			doc = "  (" + string(d) + ")"
		}
		fmt.Fprintf(w, "  -[%s]-> %s%s\n", link, label(s.To), doc)
	}
}
