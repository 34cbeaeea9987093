package fulltext

import (
	"slices"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// FromGraph reads a document's index entry from its named graph (the
// quads of one document, as ingest writes them). names gives the names
// the store knows an entity by (its labels in the gazetteer graph, for the
// entities the gazetteer describes), beside those the graph itself gives.
func FromGraph(doc rdf.IRI, quads []rdf.Quad, names func(rdf.IRI) []string) Doc {
	d := Doc{IRI: string(doc)}
	props := map[rdf.Term]map[rdf.IRI][]rdf.Term{}
	for _, q := range quads {
		p, _ := q.P.(rdf.IRI)
		if props[q.S] == nil {
			props[q.S] = map[rdf.IRI][]rdf.Term{}
		}
		props[q.S][p] = append(props[q.S][p], q.O)
	}
	lex := func(ts []rdf.Term) string {
		for _, t := range ts {
			if l, ok := t.(rdf.Literal); ok {
				return l.Lexical
			}
		}
		return ""
	}
	dp := props[doc]
	d.ID = lex(dp[vocab.DCIdentifier])
	d.Title = lex(dp[vocab.DCTitle])
	d.Summary = lex(dp[vocab.DCAbstract])
	d.Date = lex(dp[vocab.DCDate])
	d.Language = lex(dp[vocab.DCLanguage])
	for _, t := range dp[vocab.DCType] {
		if k, ok := t.(rdf.IRI); ok {
			d.Kind = strings.TrimPrefix(string(k), vocab.DG)
		}
	}
	if c := lex(dp[vocab.DCBibliographicCitation]); c != "" {
		d.Shelfmarks = append(d.Shelfmarks, c)
	}
	entityNames := func(e rdf.Term) []string {
		iri, ok := e.(rdf.IRI)
		if !ok {
			return nil
		}
		var out []string
		for _, p := range []rdf.IRI{vocab.RDFSLabel, vocab.SKOSPrefLabel, vocab.SKOSAltLabel, vocab.DGPseudonym} {
			for _, t := range props[e][p] {
				if l, ok := t.(rdf.Literal); ok && !slices.Contains(out, l.Lexical) {
					out = append(out, l.Lexical)
				}
			}
		}
		if names != nil {
			for _, n := range names(iri) {
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
		return out
	}
	first := func(e rdf.Term) string {
		if ns := entityNames(e); len(ns) > 0 {
			return ns[0]
		}
		return ""
	}
	for _, a := range dp[vocab.DCCreator] {
		d.Authors = append(d.Authors, entityNames(a)...)
		d.AuthorNames = appendName(d.AuthorNames, first(a))
	}
	for _, a := range dp[vocab.SchemaRecipient] {
		d.Recipients = append(d.Recipients, entityNames(a)...)
		d.RecipientNames = appendName(d.RecipientNames, first(a))
	}
	for _, e := range dp[vocab.SchemaMentions] {
		d.Names = append(d.Names, entityNames(e)...)
		d.EntityNames = appendName(d.EntityNames, first(e))
	}
	// pseudonyms the document uses
	for _, u := range dp[vocab.DGPseudonymUse] {
		d.Names = append(d.Names, lex(props[u][vocab.DGAlias]))
	}
	for _, ref := range dp[vocab.DGArchivalReference] {
		rp := props[ref]
		var parts []string
		for _, a := range rp[vocab.DGArchive] {
			name := first(a)
			if name == "" {
				if iri, ok := a.(rdf.IRI); ok {
					name = string(iri[strings.LastIndexByte(string(iri), '/')+1:])
				}
			}
			if name != "" {
				parts = append(parts, name)
				d.ArchiveNames = appendName(d.ArchiveNames, name)
				d.Archives = append(d.Archives, entityNames(a)...)
				if len(d.Archives) == 0 || d.Archives[len(d.Archives)-1] != name {
					d.Archives = append(d.Archives, name)
				}
			}
		}
		for _, f := range []struct {
			p    rdf.IRI
			name string
		}{{vocab.DGFond, "fond"}, {vocab.DGOpis, "opis"}, {vocab.DGDelo, "delo"}, {vocab.DGPapka, "papka"},
			{vocab.DGFolios, "folios"}, {vocab.DGReference, ""}} {
			if v := lex(rp[f.p]); v != "" {
				parts = append(parts, strings.TrimSpace(f.name+" "+v))
			}
		}
		if len(parts) > 0 {
			d.Shelfmarks = append(d.Shelfmarks, strings.Join(parts, ", "))
		}
	}
	for _, v := range dp[vocab.DCHasPart] {
		vp := props[v]
		for _, t := range vp[vocab.SchemaText] {
			l, ok := t.(rdf.Literal)
			if !ok {
				continue
			}
			lang := l.Lang
			if lang == "" {
				lang = lex(vp[vocab.DCLanguage])
			}
			d.Texts = append(d.Texts, Text{Role: lex(vp[vocab.DGRole]), Lang: strings.ToLower(lang), Text: l.Lexical})
		}
	}
	return d
}

func appendName(ns []string, n string) []string {
	if n == "" || slices.Contains(ns, n) {
		return ns
	}
	return append(ns, n)
}
