package curate

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Item is one thing the review queue asks a human to look at.
type Item struct {
	Kind      string // "claim", "unlinked", "duplicate"
	Documents int    // how many documents it touches
	What      string
	// Targets are the IRIs concerned (a claim; an entity; two entities).
	Targets []rdf.IRI
}

// ReviewOptions tune Review.
type ReviewOptions struct {
	// MaxConfidence: claims below it are listed (0 means 0.7).
	MaxConfidence float64
	// MinDocuments: unlinked entities mentioned in fewer documents are left out (0 means 2).
	MinDocuments int
}

// Review lists what most needs a human, the items touching the most
// documents first: claims the extractor was unsure of and no curator
// confirmed, entities no authority describes that many documents mention,
// and likely duplicates (one name written in two scripts, initials beside
// the full name) that no merge or keep-apart settles.
func Review(ctx context.Context, s *graph.Store, opt ReviewOptions) ([]Item, error) {
	if opt.MaxConfidence == 0 {
		opt.MaxConfidence = 0.7
	}
	if opt.MinDocuments == 0 {
		opt.MinDocuments = 2
	}
	var items []Item
	// unsure claims
	for q, err := range s.Match(ctx, nil, vocab.DGConfidence, nil, nil) {
		if err != nil {
			return nil, err
		}
		if _, twin := vocab.IsExtracted(q.G); twin {
			continue
		}
		l, ok := q.O.(rdf.Literal)
		n, isIRI := q.S.(rdf.IRI)
		if !ok || !isIRI {
			continue
		}
		f, err := strconv.ParseFloat(l.Lexical, 64)
		if err != nil || f >= opt.MaxConfidence {
			continue
		}
		var sub, pred, obj rdf.IRI
		for c, err := range s.Match(ctx, n, nil, nil, q.G) {
			if err != nil {
				return nil, err
			}
			switch c.P {
			case vocab.RDFSubject:
				sub = asIRI(c.O)
			case vocab.RDFPredicate:
				pred = asIRI(c.O)
			case vocab.RDFObject:
				obj = asIRI(c.O)
			}
		}
		items = append(items, Item{Kind: "claim", Documents: 1, Targets: []rdf.IRI{n},
			What: fmt.Sprintf("claim %s: %s %s %s (%s) in %s", ID(n), catalog.Label(ctx, s, sub),
				strings.TrimPrefix(string(pred), vocab.DG), catalog.Label(ctx, s, obj), l.Lexical, ID(asIRI(q.G)))})
	}
	rows, err := catalog.Entities(ctx, s, catalog.EntityFilter{})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if !r.Gazetteer && r.Wikidata == "" && r.Documents >= opt.MinDocuments {
			items = append(items, Item{Kind: "unlinked", Documents: r.Documents, Targets: []rdf.IRI{r.IRI},
				What: fmt.Sprintf("%s (%s) is linked to no authority: %s", r.Name, r.Class, string(r.IRI))})
		}
	}
	set, err := Load(ctx, s)
	if err != nil {
		return nil, err
	}
	settled := map[[2]rdf.IRI]bool{}
	for _, c := range set.apart {
		settled[[2]rdf.IRI{c.Entity, c.Other}] = true
		settled[[2]rdf.IRI{c.Other, c.Entity}] = true
	}
	items = append(items, duplicates(rows, settled)...)
	slices.SortStableFunc(items, func(a, b Item) int {
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.What, b.What))
	})
	return items, nil
}

// duplicates pairs entities of one class whose names are one name in two
// scripts (the same once transliterated) or initials beside a full name
// ("E. Honecker", "Erich Honecker").
func duplicates(rows []catalog.EntityRow, settled map[[2]rdf.IRI]bool) []Item {
	type key struct{ class, name string }
	bySlug := map[key][]int{}
	bySurname := map[key][]int{}
	for i, r := range rows {
		seen := map[string]bool{}
		for _, n := range append([]string{r.Name}, r.Labels...) {
			k := key{r.Class, vocab.Slug(n)}
			if !seen[k.name] {
				seen[k.name] = true
				bySlug[k] = append(bySlug[k], i)
			}
		}
		if r.Class == vocab.ClassPerson {
			if f := strings.Fields(r.Name); len(f) >= 2 {
				k := key{r.Class, vocab.Slug(f[len(f)-1])}
				bySurname[k] = append(bySurname[k], i)
			}
		}
	}
	var out []Item
	done := map[[2]rdf.IRI]bool{}
	pair := func(i, j int, why string) {
		a, b := rows[i], rows[j]
		if a.IRI == b.IRI {
			return
		}
		if b.IRI < a.IRI {
			a, b = b, a
		}
		k := [2]rdf.IRI{a.IRI, b.IRI}
		if done[k] || settled[k] {
			return
		}
		done[k] = true
		out = append(out, Item{Kind: "duplicate", Documents: a.Documents + b.Documents, Targets: []rdf.IRI{a.IRI, b.IRI},
			What: fmt.Sprintf("%s and %s may be one %s (%s): %s, %s", a.Name, b.Name, strings.ToLower(a.Class), why, string(a.IRI), string(b.IRI))})
	}
	for _, is := range bySlug {
		for x := range is {
			for y := x + 1; y < len(is); y++ {
				pair(is[x], is[y], "one name in two scripts")
			}
		}
	}
	for _, is := range bySurname {
		for x := range is {
			for y := range is {
				if x != y && initialsOf(rows[is[x]].Name, rows[is[y]].Name) {
					pair(is[x], is[y], "initials and full name")
				}
			}
		}
	}
	return out
}

// initialsOf reports whether short ("E. Honecker", "E.H. Honecker") writes
// the given names of full ("Erich Honecker") as initials.
func initialsOf(short, full string) bool {
	s, f := strings.Fields(short), strings.Fields(full)
	if len(s) < 2 || len(f) < 2 || vocab.Slug(s[len(s)-1]) != vocab.Slug(f[len(f)-1]) {
		return false
	}
	var inits []rune
	for _, w := range s[:len(s)-1] {
		for _, part := range strings.Split(w, ".") {
			r := []rune(part)
			if len(r) > 1 {
				return false // a given name, not an initial
			}
			if len(r) == 1 {
				inits = append(inits, unicode.ToLower(r[0]))
			}
		}
	}
	given := f[:len(f)-1]
	if len(inits) == 0 || len(inits) > len(given) {
		return false
	}
	for i, r := range inits {
		g := []rune(strings.ToLower(given[i]))
		if len(g) < 2 || g[0] != r {
			return false
		}
	}
	return true
}
