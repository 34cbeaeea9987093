package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/vocab"
)

// indexPath is where the store's full-text index lives: --index, else in
// an embedded store's folder; "" for a store that has none (PostgreSQL
// without --index).
func (a *app) indexPath() string {
	if a.index != "" {
		return a.index
	}
	if graph.ParseSpec(a.storeSpec) == graph.Bolt {
		return filepath.Join(a.storeSpec, "fulltext.bleve")
	}
	return ""
}

// openIndex opens the full-text index beside the store; a memory store's
// index is in memory too. It returns nil without an error when the store
// has no index and none may be made.
func (a *app) openIndex(readOnly bool) (*fulltext.Index, error) {
	p := a.indexPath()
	if p == "" {
		if graph.ParseSpec(a.storeSpec) == graph.Memory {
			return fulltext.Open("", false)
		}
		return nil, nil
	}
	return fulltext.Open(p, readOnly)
}

// indexFresh reports whether the index holds exactly the store's documents
// (by count), and the two counts.
func indexFresh(ctx context.Context, s *graph.Store, ix *fulltext.Index) (bool, uint64, int64, error) {
	n, err := ix.Count()
	if err != nil {
		return false, 0, 0, err
	}
	docs, err := s.Count(ctx, nil, vocab.RDFType, vocab.SchemaArchiveComponent, nil)
	if err != nil {
		return false, 0, 0, err
	}
	return int64(n) == docs, n, docs, nil
}

func newSearchCmd(a *app) *cobra.Command {
	var q fulltext.Query
	c := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find documents by words, phrases, record id, shelfmark or names",
		Long: `Searches the full-text index kept beside the store: every version of
every document (original, transcription, translation, each with its
language's stemming, so that a Russian word finds its inflected forms), the
title and summary, the record id, the shelfmark (archive, fond, opis, delo),
and the names and pseudonyms of the people, organisations and places the
document mentions. Words must all occur in one of those; "quoted phrases"
occur as written. --kind, --from, --to (a year or date), --archive and
--person narrow the hits. Each hit shows its passages with the words found
in [brackets].`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			q.Text = strings.Join(args, " ")
			if q.Text == "" && q.Kind == "" && q.From == "" && q.To == "" && q.Archive == "" && q.Person == "" {
				return withCode(exitUsage, errors.New("search: give words to find, or --kind, --from, --to, --archive or --person"))
			}
			ix, err := a.openIndex(true)
			if err != nil {
				if errors.Is(err, fulltext.ErrNoIndex) {
					return withCode(exitNotFound, err)
				}
				return err
			}
			if ix == nil {
				return withCode(exitUsage, fmt.Errorf("%s has no full-text index; give --index PATH", a.storeSpec))
			}
			defer ix.Close()
			res, err := ix.Search(q)
			var se *fulltext.SyntaxError
			if errors.As(err, &se) {
				return withCode(exitUsage, err)
			}
			if err != nil {
				return err
			}
			w := a.stdout
			for _, h := range res.Hits {
				fmt.Fprintf(w, "%-12s %-10s %-12s %s\n", h.ID, h.Date, h.Kind, h.Title)
				for _, f := range sortedKeys(h.Snippets) {
					for _, s := range h.Snippets[f] {
						fmt.Fprintf(w, "    %s: %s\n", strings.TrimPrefix(f, "text_"), s)
					}
				}
			}
			fmt.Fprintf(w, "%d documents\n", res.Total)
			if res.Total == 0 {
				return withCode(exitNotFound, errors.New("nothing found"))
			}
			return nil
		},
	}
	c.Flags().StringVar(&q.Kind, "kind", "", "only documents of this kind (letter, telegram, conversation, …)")
	c.Flags().StringVar(&q.From, "from", "", "only documents dated from this year or date on")
	c.Flags().StringVar(&q.To, "to", "", "only documents dated up to this year or date")
	c.Flags().StringVar(&q.Archive, "archive", "", "only documents cited from this archive (APRF, AVPRF, …)")
	c.Flags().StringVar(&q.Person, "person", "", "only documents by, to or mentioning this person")
	c.Flags().IntVarP(&q.Size, "limit", "n", 20, "show at most this many documents")
	return c
}

func sortedKeys(m map[string][]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	// titles first, then the versions
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if rank(ks[j]) < rank(ks[i]) || rank(ks[j]) == rank(ks[i]) && ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

func rank(f string) int {
	switch {
	case f == "title":
		return 0
	case f == "summary":
		return 1
	case strings.HasPrefix(f, "text_"):
		return 2
	}
	return 3
}

// repairIndex rebuilds the full-text index when it is missing or stale.
func (a *app) repairIndex(ctx context.Context, s *graph.Store) error {
	p := a.indexPath()
	if p == "" {
		return nil
	}
	ix, err := fulltext.Open(p, false)
	if err != nil {
		// a damaged index is made anew
		if rerr := os.RemoveAll(p); rerr != nil {
			return err
		}
		if ix, err = fulltext.Open(p, false); err != nil {
			return err
		}
	}
	defer ix.Close()
	fresh, _, _, err := indexFresh(ctx, s, ix)
	if err != nil || fresh {
		return err
	}
	gz, err := a.gazetteer()
	if err != nil {
		return err
	}
	n, err := ingest.Reindex(ctx, s, ix, gz)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "full-text index rebuilt: %d documents\n", n)
	return nil
}
