package catalog

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// DocumentHit is a document a search found, with its shelfmarks and the
// field the words were found in.
type DocumentHit struct {
	Document
	Shelfmarks []string // "APRF, f. 45, op. 1, d. 348, ll. 20"
	Field      string   // record id, shelfmark, title, summary, citation or file
}

// docText is what a document is searched by, field by field.
type docText struct {
	fields [][2]string // field name, text
}

// refParts are the parts of one archival reference, in citation order.
var refParts = []struct {
	p      rdf.IRI
	abbrev string
	word   string
}{
	{vocab.DGFond, "f.", "fond"}, {vocab.DGOpis, "op.", "opis"}, {vocab.DGDelo, "d.", "delo"},
	{vocab.DGPapka, "p.", "papka"}, {vocab.DGFolios, "ll.", "folios"},
}

// SearchDocuments finds the documents whose record id, shelfmark (archive,
// fond, opis, delo, papka, folios), title, summary, citation or file name
// hold every word of query: a word matches a word of the document that
// begins with it (a number or a word of one or two letters only itself).
// A document whose id is the query comes first, then those holding the
// words in the query's order, then the others; each group by date.
//
// It scans the statements of those properties on each call: a full-text
// index is future work.
func SearchDocuments(ctx context.Context, s *graph.Store, query string) ([]DocumentHit, error) {
	want := tokens(query)
	if len(want) == 0 {
		return nil, nil
	}
	docs, err := Documents(ctx, s)
	if err != nil {
		return nil, err
	}
	texts := make(map[rdf.IRI]*docText, len(docs))
	for _, d := range docs {
		texts[d.IRI] = &docText{}
	}
	add := func(d rdf.IRI, field, text string) {
		if t := texts[d]; t != nil && text != "" {
			t.fields = append(t.fields, [2]string{field, text})
		}
	}
	for _, f := range []struct {
		p     rdf.IRI
		field string
	}{
		{vocab.DCIdentifier, "record id"}, {vocab.DCTitle, "title"}, {vocab.DCAbstract, "summary"},
		{vocab.DCBibliographicCitation, "citation"}, {vocab.DGSourceFile, "file"},
	} {
		for q, err := range s.Match(ctx, nil, f.p, nil, nil) {
			if err != nil {
				return nil, err
			}
			if d, ok := q.S.(rdf.IRI); ok && d == q.G {
				add(d, f.field, lexical(q.O))
			}
		}
	}
	shelfmarks, err := documentShelfmarks(ctx, s, texts)
	if err != nil {
		return nil, err
	}
	for d, marks := range shelfmarks {
		for _, m := range marks {
			add(d, "shelfmark", m.cited)
			add(d, "shelfmark", m.spelled)
		}
	}

	var byID, inOrder, others []DocumentHit
	for _, d := range docs {
		t := texts[d.IRI]
		hit := DocumentHit{Document: d}
		for _, m := range shelfmarks[d.IRI] {
			hit.Shelfmarks = append(hit.Shelfmarks, m.cited)
		}
		if fold(d.ID) == fold(query) {
			hit.Field = "record id"
			byID = append(byID, hit)
			continue
		}
		var all []string
		for _, f := range t.fields {
			ft := tokens(f[1])
			if hit.Field == "" && containsRun(ft, want) {
				hit.Field = f[0]
			}
			all = append(all, ft...)
		}
		if hit.Field != "" {
			inOrder = append(inOrder, hit)
			continue
		}
		if containsAll(all, want) {
			hit.Field = "several fields"
			others = append(others, hit)
		}
	}
	return slices.Concat(byID, inOrder, others), nil
}

type shelfmark struct{ cited, spelled string }

// documentShelfmarks composes each document's archival references as cited
// ("APRF, f. 45, op. 1, d. 348") and spelled out ("APRF fond 45 opis 1 delo 348").
func documentShelfmarks(ctx context.Context, s *graph.Store, texts map[rdf.IRI]*docText) (map[rdf.IRI][]shelfmark, error) {
	type ref struct {
		doc     rdf.IRI
		archive rdf.Term
		parts   map[rdf.IRI]string
		other   string
	}
	refs := map[rdf.Term]*ref{}
	var order []rdf.Term
	get := func(q rdf.Quad) *ref {
		d, ok := q.G.(rdf.IRI)
		if !ok || texts[d] == nil {
			return nil
		}
		r := refs[q.S]
		if r == nil {
			r = &ref{doc: d, parts: map[rdf.IRI]string{}}
			refs[q.S] = r
			order = append(order, q.S)
		}
		return r
	}
	props := []rdf.IRI{vocab.DGArchive, vocab.DGReference}
	for _, rp := range refParts {
		props = append(props, rp.p)
	}
	for _, p := range props {
		for q, err := range s.Match(ctx, nil, p, nil, nil) {
			if err != nil {
				return nil, err
			}
			r := get(q)
			if r == nil {
				continue
			}
			switch p {
			case vocab.DGArchive:
				r.archive = q.O
			case vocab.DGReference:
				r.other = lexical(q.O)
			default:
				r.parts[p] = lexical(q.O)
			}
		}
	}
	labels := map[rdf.Term]string{}
	out := map[rdf.IRI][]shelfmark{}
	for _, k := range order {
		r := refs[k]
		name := ""
		if r.archive != nil {
			if l, ok := labels[r.archive]; ok {
				name = l
			} else {
				for q, err := range s.Match(ctx, r.archive, vocab.RDFSLabel, nil, nil) {
					if err != nil {
						return nil, err
					}
					name = lexical(q.O)
					break
				}
				labels[r.archive] = name
			}
		}
		cited, spelled := []string{}, []string{}
		if name != "" {
			cited, spelled = append(cited, name), append(spelled, name)
		}
		for _, rp := range refParts {
			if v := r.parts[rp.p]; v != "" {
				cited = append(cited, rp.abbrev+" "+v)
				spelled = append(spelled, rp.word+" "+v)
			}
		}
		if r.other != "" {
			cited = append(cited, r.other)
		}
		if len(cited) > 0 {
			out[r.doc] = append(out[r.doc], shelfmark{strings.Join(cited, ", "), strings.Join(spelled, " ")})
		}
	}
	for _, marks := range out {
		slices.SortFunc(marks, func(a, b shelfmark) int { return strings.Compare(a.cited, b.cited) })
	}
	return out, nil
}

// tokens splits text into folded words and numbers.
func tokens(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// tokenMatches reports whether a query word matches a document word: as a
// prefix, except numbers and words of one or two letters, which match only
// themselves.
func tokenMatches(q, d string) bool {
	if len([]rune(q)) <= 2 || strings.IndexFunc(q, unicode.IsDigit) >= 0 {
		return q == d
	}
	return strings.HasPrefix(d, q)
}

func containsRun(have, want []string) bool {
	for i := 0; i+len(want) <= len(have); i++ {
		ok := true
		for j, w := range want {
			if !tokenMatches(w, have[i+j]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.ContainsFunc(have, func(h string) bool { return tokenMatches(w, h) }) {
			return false
		}
	}
	return true
}
