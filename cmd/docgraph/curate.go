package main

import (
	"bufio"
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// curateFlags are what every correction carries: who and why.
type curateFlags struct {
	by, reason string
}

func newCurateCmd(a *app) *cobra.Command {
	var f curateFlags
	c := &cobra.Command{
		Use:   "curate",
		Short: "Correct the graph: merge, split, link, label, retype, reject, confirm, edit, add, undo",
		Long: `Records a correction in the store's curation graph (<base>curation) with
who made it (--by, or DOCGRAPH_CURATOR), when, and why (--reason), and
applies it at once to every graph it concerns. Corrections are applied
again at every ingest, so they survive re-ingesting a document, a changed
extractor and a changed gazetteer; a graph they change keeps what the
extractor alone said in <graph>/extracted (see export --raw, sparql --raw).
'docgraph check' lists corrections whose target is gone.

An ENTITY is an IRI, a path under the base (person/joseph-stalin) or a name
or pseudonym that names one entity. A CLAIM is a claim IRI or its last
segment. A correction that names what the store lacks, merges an entity
with itself, makes a cycle of merges or contradicts a correction in force
is refused with the reason, and nothing changes.`,
	}
	def := os.Getenv("DOCGRAPH_CURATOR")
	c.PersistentFlags().StringVar(&f.by, "by", def, "who makes the correction (env DOCGRAPH_CURATOR)")
	c.PersistentFlags().StringVar(&f.reason, "reason", "", "why (kept with the correction)")
	c.AddCommand(curateMergeCmd(a, &f), curateSplitCmd(a, &f), curateLinkCmd(a, &f), curateUnlinkCmd(a, &f),
		curateLabelCmd(a, &f), curateRetypeCmd(a, &f), curateClaimCmd(a, &f, curate.Reject), curateClaimCmd(a, &f, curate.Confirm),
		curateEditCmd(a, &f), curateAddCmd(a, &f), curateUndoCmd(a, &f), curateLogCmd(a),
		curateExportCmd(a), curateImportCmd(a))
	return c
}

// correct resolves the arguments of a correction with the store open,
// then commits it and says what was recorded.
func (a *app) correct(cmd *cobra.Command, f *curateFlags, build func(ctx context.Context, s *graph.Store) (*curate.Correction, error)) error {
	ctx := cmd.Context()
	if strings.TrimSpace(f.by) == "" {
		return withCode(exitUsage, fmt.Errorf("say who makes the correction: --by NAME or DOCGRAPH_CURATOR"))
	}
	store, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	c, err := build(ctx, store)
	if err != nil {
		return err
	}
	c.By, c.Reason, c.At = f.by, f.reason, time.Now().UTC()
	if _, err := curate.Commit(ctx, store, c); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s  %s\n", c.ID(), c.Describe())
	return nil
}

// entityArg resolves an ENTITY argument (curate.ResolveEntity).
func entityArg(ctx context.Context, s *graph.Store, arg string) (rdf.IRI, error) {
	return curate.ResolveEntity(ctx, s, arg)
}

func entities(ctx context.Context, s *graph.Store, args ...string) ([]rdf.IRI, error) {
	out := make([]rdf.IRI, len(args))
	for i, a := range args {
		var err error
		if out[i], err = entityArg(ctx, s, a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// curatePairCmd is a correction about two entities (merge, keep apart).
func curatePairCmd(a *app, f *curateFlags, use, short string, kind curate.Kind) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.correct(cmd, f, func(ctx context.Context, s *graph.Store) (*curate.Correction, error) {
				es, err := entities(ctx, s, args...)
				if err != nil {
					return nil, err
				}
				return &curate.Correction{Kind: kind, Entity: es[0], Other: es[1]}, nil
			})
		},
	}
}

func curateMergeCmd(a *app, f *curateFlags) *cobra.Command {
	return curatePairCmd(a, f, "merge ENTITY SURVIVOR", "Say two entities are one: ENTITY becomes owl:sameAs SURVIVOR", curate.Merge)
}

func curateSplitCmd(a *app, f *curateFlags) *cobra.Command {
	return curatePairCmd(a, f, "split ENTITY OTHER", "Keep two entities apart: undo the identity pass's merge and refuse any later one", curate.KeepApart)
}

func curateLinkCmd(a *app, f *curateFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "link ENTITY QID",
		Short: "Link an entity to a Wikidata item (replacing any other link)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.correct(cmd, f, func(ctx context.Context, s *graph.Store) (*curate.Correction, error) {
				e, err := entityArg(ctx, s, args[0])
				if err != nil {
					return nil, err
				}
				return &curate.Correction{Kind: curate.Link, Entity: e, Wikidata: curate.ResolveWikidata(args[1])}, nil
			})
		},
	}
}

func curateUnlinkCmd(a *app, f *curateFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "unlink ENTITY [QID]",
		Short: "Remove an entity's Wikidata link (that one, or any)",
		Args:  cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.correct(cmd, f, func(ctx context.Context, s *graph.Store) (*curate.Correction, error) {
				e, err := entityArg(ctx, s, args[0])
				if err != nil {
					return nil, err
				}
				c := &curate.Correction{Kind: curate.Unlink, Entity: e}
				if len(args) == 2 {
					c.Wikidata = curate.ResolveWikidata(args[1])
				}
				return c, nil
			})
		},
	}
}

func curateLabelCmd(a *app, f *curateFlags) *cobra.Command {
	var lang string
	var add bool
	c := &cobra.Command{
		Use:   "label ENTITY NAME",
		Short: "Rename an entity in a language (--lang, default en), or --add another name",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.correct(cmd, f, func(ctx context.Context, s *graph.Store) (*curate.Correction, error) {
				e, err := entityArg(ctx, s, args[0])
				if err != nil {
					return nil, err
				}
				k := curate.Rename
				if add {
					k = curate.AddLabel
				}
				return &curate.Correction{Kind: k, Entity: e, Label: rdf.NewLangString(args[1], lang)}, nil
			})
		},
	}
	c.Flags().StringVar(&lang, "lang", "en", "the language of the name")
	c.Flags().BoolVar(&add, "add", false, "add the name as another label instead of renaming")
	return c
}

func curateRetypeCmd(a *app, f *curateFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "retype ENTITY CLASS",
		Short: "Change an entity's class (Person, Organization, Country, Place, Event, Proposal)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.correct(cmd, f, func(ctx context.Context, s *graph.Store) (*curate.Correction, error) {
				e, err := entityArg(ctx, s, args[0])
				if err != nil {
					return nil, err
				}
				return &curate.Correction{Kind: curate.Retype, Entity: e, Class: curate.ResolveClass(args[1])}, nil
			})
		},
	}
}

func curateClaimCmd(a *app, f *curateFlags, kind curate.Kind) *cobra.Command {
	var doc, pseudonym string
	verb, what := "reject", "Reject a claim the document does not make, or dispute a pseudonym (--doc ID --pseudonym NAME)"
	if kind == curate.Confirm {
		verb, what = "confirm", "Confirm a claim (its confidence becomes 1.0), or a pseudonym (--doc ID --pseudonym NAME)"
	}
	c := &cobra.Command{
		Use:   verb + " CLAIM | " + verb + " --doc ID --pseudonym NAME",
		Short: what,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.correct(cmd, f, func(ctx context.Context, s *graph.Store) (*curate.Correction, error) {
				if pseudonym != "" {
					if doc == "" || len(args) > 0 {
						return nil, withCode(exitUsage, fmt.Errorf("--pseudonym needs --doc ID and no CLAIM"))
					}
					return curate.ResolvePseudonym(ctx, s, curate.ResolveDocument(s, doc), pseudonym, kind == curate.Reject)
				}
				if len(args) != 1 {
					return nil, withCode(exitUsage, fmt.Errorf("name the claim (its IRI or id)"))
				}
				d, key, err := curate.ResolveClaim(ctx, s, args[0])
				if err != nil {
					return nil, err
				}
				return &curate.Correction{Kind: kind, Doc: d, Claim: key}, nil
			})
		},
	}
	c.Flags().StringVar(&doc, "doc", "", "the document (record id) of a pseudonym")
	c.Flags().StringVar(&pseudonym, "pseudonym", "", "the cover name whose identification is "+verb+"ed")
	return c
}

func curateEditCmd(a *app, f *curateFlags) *cobra.Command {
	var subject, relation, object string
	c := &cobra.Command{
		Use:   "edit CLAIM [--subject ENTITY] [--relation REL] [--object ENTITY]",
		Short: "Change a claim's subject, relation or object",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.correct(cmd, f, func(ctx context.Context, s *graph.Store) (*curate.Correction, error) {
				if subject == "" && relation == "" && object == "" {
					return nil, withCode(exitUsage, fmt.Errorf("say what changes: --subject, --relation or --object"))
				}
				d, key, err := curate.ResolveClaim(ctx, s, args[0])
				if err != nil {
					return nil, err
				}
				c := &curate.Correction{Kind: curate.Edit, Doc: d, Claim: key}
				if subject != "" {
					if c.New.Subject, err = entityArg(ctx, s, subject); err != nil {
						return nil, err
					}
				}
				if object != "" {
					if c.New.Object, err = entityArg(ctx, s, object); err != nil {
						return nil, err
					}
				}
				if relation != "" {
					if c.New.Relation, err = curate.ResolveRelation(relation); err != nil {
						return nil, err
					}
				}
				return c, nil
			})
		},
	}
	c.Flags().StringVar(&subject, "subject", "", "the new subject")
	c.Flags().StringVar(&relation, "relation", "", "the new relation (opposes, supports, …)")
	c.Flags().StringVar(&object, "object", "", "the new object")
	return c
}

func curateAddCmd(a *app, f *curateFlags) *cobra.Command {
	var doc, evidence string
	c := &cobra.Command{
		Use:   "add --doc ID --evidence TEXT (ENTITY | SUBJECT RELATION OBJECT)",
		Short: "Add a mention (one ENTITY) or a claim (three arguments) the extractor missed",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 && len(args) != 3 {
				return withCode(exitUsage, fmt.Errorf("give one ENTITY (a mention) or SUBJECT RELATION OBJECT (a claim)"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.correct(cmd, f, func(ctx context.Context, s *graph.Store) (*curate.Correction, error) {
				if doc == "" || strings.TrimSpace(evidence) == "" {
					return nil, withCode(exitUsage, fmt.Errorf("--doc and --evidence (the document's own words) are required"))
				}
				d := curate.ResolveDocument(s, doc)
				if len(args) == 1 {
					e, err := entityArg(ctx, s, args[0])
					if err != nil {
						return nil, err
					}
					return &curate.Correction{Kind: curate.AddMention, Doc: d, Entity: e, Evidence: evidence}, nil
				}
				es, err := entities(ctx, s, args[0], args[2])
				if err != nil {
					return nil, err
				}
				rel, err := curate.ResolveRelation(args[1])
				if err != nil {
					return nil, err
				}
				return &curate.Correction{Kind: curate.AddClaim, Doc: d,
					Claim: curate.ClaimKey{Subject: es[0], Relation: rel, Object: es[1], Evidence: evidence}}, nil
			})
		},
	}
	c.Flags().StringVar(&doc, "doc", "", "the document (record id)")
	c.Flags().StringVar(&evidence, "evidence", "", "the words of the document that say it")
	return c
}

func curateUndoCmd(a *app, f *curateFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "undo ID|last",
		Short: "Undo a correction, or the last one in force (it stays in the log, marked undone)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.correct(cmd, f, func(ctx context.Context, s *graph.Store) (*curate.Correction, error) {
				return curate.ResolveUndo(ctx, s, args[0])
			})
		},
	}
}

func curateLogCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "log",
		Short: "List the corrections, oldest first: id, date, curator, what, why",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			set, err := curate.Load(ctx, store)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(a.stdout)
			defer w.Flush()
			for _, c := range set.All {
				line := fmt.Sprintf("%s  %s  %-10s %s", c.ID(), c.At.Format("2006-01-02 15:04"), c.By, c.Describe())
				if c.Reason != "" {
					line += " — " + c.Reason
				}
				if u := set.UndoneBy(c); u != nil {
					line += " [undone by " + u.ID() + "]"
				}
				fmt.Fprintln(w, line)
			}
			if len(set.All) == 0 {
				fmt.Fprintln(w, "no corrections")
			}
			return nil
		},
	}
}

func curateExportCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "export FILE",
		Short: "Write the corrections as RDF (the format follows the extension: .ttl, .nq, .trig, .nt, .jsonld)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			f, ok := export.FormatForExt(filepath.Ext(args[0]))
			if !ok {
				return withCode(exitUsage, fmt.Errorf("%s: unknown extension; use .ttl, .nq, .trig, .nt or .jsonld", args[0]))
			}
			store, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			file, err := os.Create(args[0])
			if err != nil {
				return err
			}
			defer file.Close()
			bw := bufio.NewWriter(file)
			if err := export.WriteAll(ctx, bw, f, export.Options{}, catalog.Quads(ctx, store, store.Minter().Curation())); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			return file.Close()
		},
	}
}

func curateImportCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Add the corrections of an RDF file (Turtle, N-Quads, TriG, N-Triples) and apply them",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			qs, err := rdfio.ReadFile(args[0])
			if err != nil {
				return withCode(exitUsage, err)
			}
			cs, err := curate.Parse(qs)
			if err != nil {
				return withCode(exitUsage, fmt.Errorf("%s: %w", args[0], err))
			}
			store, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			before, err := curate.Load(ctx, store)
			if err != nil {
				return err
			}
			set, err := curate.Import(ctx, store, cs)
			if err != nil {
				return fmt.Errorf("%s: %w; nothing imported", args[0], err)
			}
			fmt.Fprintf(a.stdout, "%d corrections read, %d new\n", len(cs), len(set.All)-len(before.All))
			return nil
		},
	}
}

// storeView is the store as SPARQL sees it: curated, or with raw what the
// extractor alone said (curate.Set.View).
func storeView(ctx context.Context, s *graph.Store, raw bool) (queries.Dataset, error) {
	set, err := curate.Load(ctx, s)
	if err != nil {
		return nil, err
	}
	return set.View(queries.StoreDataset(s), raw), nil
}

// curated filters an export's quads: the extracted twins out, or with raw
// each corrected graph as extracted (curate.Set.Quads).
func curated(ctx context.Context, s *graph.Store, seq iter.Seq2[rdf.Quad, error], raw bool) iter.Seq2[rdf.Quad, error] {
	set, err := curate.Load(ctx, s)
	if err != nil {
		return func(yield func(rdf.Quad, error) bool) { yield(rdf.Quad{}, err) }
	}
	return set.Quads(seq, raw)
}
