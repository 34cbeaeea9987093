// Package fulltext is the store's full-text index: every version of every
// document (original, transcription, translation) with the analyser of its
// language (Russian, English, German, Polish, Hungarian, Romanian, Spanish, French,
// Chinese, Japanese and Korean stem or split words as their languages
// need), its title and summary, record id, shelfmark (archive, fond, opis,
// delo), authors, recipients and the names and pseudonyms of every entity
// it mentions. It lives beside the store (bleve, in the store's folder for
// an embedded store) and is kept by ingest; Rebuild makes it anew from the
// store's document graphs.
package fulltext

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hu"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/pl"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ro"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/mapping"
	_ "github.com/blevesearch/bleve/v2/search/highlight/highlighter/ansi"
	_ "github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
)

// languages with an analyser of their own; text in any other language is
// indexed with the standard (Unicode word) analyser.
var languages = map[string]string{
	"en": "en", "ru": "ru", "de": "de", "pl": "pl", "hu": "hu", "ro": "ro",
	"es": "es", "fr": "fr", "zh": "cjk", "ja": "cjk", "ko": "cjk",
}

// textFields are the fields a query's words are looked for in, each with
// its analyser.
var textFields = func() []string {
	seen := map[string]bool{}
	var fs []string
	for _, a := range languages {
		if !seen[a] {
			seen[a] = true
			fs = append(fs, "text_"+a)
		}
	}
	sort.Strings(fs)
	return append(fs, "text_other", "title", "summary", "shelfmark", "names", "id")
}()

// Doc is what the index holds of one document.
type Doc struct {
	IRI, ID  string
	Title    string
	Summary  string
	Kind     string
	Date     string // ISO 8601 prefix
	Language string
	// Shelfmarks are the archival references spelled out ("APRF, fond 45,
	// opis 1, delo 348, folios 20") and the citation as written.
	Shelfmarks []string
	Archives   []string
	Authors    []string
	Recipients []string
	// Names are the names, labels and pseudonyms of the entities mentioned.
	Names []string
	// Texts are the document's versions with their language (ISO 639-1).
	Texts []Text
	// Facets: the canonical names of the archives, authors, recipients and
	// entities, for browsing by facet.
	ArchiveNames, AuthorNames, RecipientNames, EntityNames []string
}

// Text is one version of a document.
type Text struct {
	Role, Lang, Text string
}

// record is the indexed form of a Doc.
type record struct {
	IRI        string   `json:"iri"`
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Summary    string   `json:"summary"`
	Kind       string   `json:"kind"`
	Date       string   `json:"date"`
	Year       float64  `json:"year,omitempty"`
	Language   string   `json:"language"`
	Shelfmark  []string `json:"shelfmark"`
	Archive    []string `json:"archive"`
	Author     []string `json:"author"`
	Recipient  []string `json:"recipient"`
	Names      []string `json:"names"`
	TextFields map[string][]string
}

// Index is an open full-text index.
type Index struct {
	b    bleve.Index
	path string
}

func newMapping() mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	dm := bleve.NewDocumentStaticMapping()
	text := func(analyzer string, store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = true // phrases need the positions
		f.IncludeInAll = false
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = true
		f.IncludeInAll = false
		return f
	}
	dm.AddFieldMappingsAt("iri", kw())
	dm.AddFieldMappingsAt("id", kw())
	dm.AddFieldMappingsAt("kind", kw())
	dm.AddFieldMappingsAt("date", kw())
	dm.AddFieldMappingsAt("language", kw())
	for _, f := range []string{"f_year", "f_archive", "f_author", "f_recipient", "f_entity", "f_title"} {
		dm.AddFieldMappingsAt(f, kw())
	}
	year := bleve.NewNumericFieldMapping()
	year.IncludeInAll = false
	dm.AddFieldMappingsAt("year", year)
	dm.AddFieldMappingsAt("title", text("en", true))
	dm.AddFieldMappingsAt("summary", text("en", true))
	dm.AddFieldMappingsAt("shelfmark", text("standard", true))
	dm.AddFieldMappingsAt("archive", text("standard", false))
	dm.AddFieldMappingsAt("author", text("standard", false))
	dm.AddFieldMappingsAt("recipient", text("standard", false))
	dm.AddFieldMappingsAt("names", text("standard", false))
	for _, f := range textFields {
		if strings.HasPrefix(f, "text_") {
			a := strings.TrimPrefix(f, "text_")
			if a == "other" {
				a = "standard"
			}
			dm.AddFieldMappingsAt(f, text(a, true))
		}
	}
	im.DefaultMapping = dm
	im.DefaultAnalyzer = "standard"
	return im
}

// Open opens the index at path, creating it when missing; path "" is an
// index in memory. readOnly opens an existing index for reading only,
// beside other readers.
func Open(path string, readOnly bool) (*Index, error) {
	if path == "" {
		b, err := bleve.NewMemOnly(newMapping())
		if err != nil {
			return nil, err
		}
		return &Index{b: b}, nil
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if readOnly {
			return nil, fmt.Errorf("%s: %w", path, ErrNoIndex)
		}
		if err := create(path); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	cfg := map[string]interface{}{}
	if readOnly {
		cfg["read_only"] = true
	}
	b, err := bleve.OpenUsing(path, cfg)
	if err != nil && !readOnly && damaged(err) {
		// The index is derived from the store: one left damaged (a process
		// killed while it was made) is made anew, and ingest fills it.
		if rerr := os.RemoveAll(path); rerr == nil {
			if err = create(path); err == nil {
				b, err = bleve.OpenUsing(path, cfg)
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Index{b: b, path: path}, nil
}

// damaged reports whether opening an index failed on its own files (not on
// a lock another process holds, say).
func damaged(err error) bool {
	return errors.Is(err, bleve.ErrorIndexMetaMissing) || errors.Is(err, bleve.ErrorIndexMetaCorrupt) ||
		strings.Contains(err.Error(), "error parsing mapping JSON")
}

// create makes an empty index at path whole or not at all: it is built
// beside path and renamed into place, so a process killed while creating
// it leaves no index (made again at the next open) rather than one whose
// mapping is cut short. What such a kill left beside path is removed first.
func create(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".creating"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	b, err := bleve.New(tmp, newMapping())
	if err != nil {
		return err
	}
	if err := b.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// ErrNoIndex says that a store has no full-text index yet.
var ErrNoIndex = errors.New("no full-text index (run docgraph check --repair, or ingest)")

// Close closes the index.
func (ix *Index) Close() error { return ix.b.Close() }

// Count is the number of documents indexed.
func (ix *Index) Count() (uint64, error) { return ix.b.DocCount() }

// Put indexes documents, replacing earlier versions of the same IRIs, in
// one batch.
func (ix *Index) Put(docs []Doc) error {
	b := ix.b.NewBatch()
	for _, d := range docs {
		if err := b.Index(d.IRI, toRecord(d)); err != nil {
			return err
		}
	}
	return ix.b.Batch(b)
}

// Delete removes documents.
func (ix *Index) Delete(iris ...string) error {
	b := ix.b.NewBatch()
	for _, i := range iris {
		b.Delete(i)
	}
	return ix.b.Batch(b)
}

func toRecord(d Doc) map[string]any {
	r := map[string]any{
		"iri": d.IRI, "id": d.ID, "title": d.Title, "summary": d.Summary, "kind": d.Kind,
		"date": d.Date, "language": d.Language, "shelfmark": d.Shelfmarks, "archive": d.Archives,
		"author": d.Authors, "recipient": d.Recipients, "names": d.Names,
	}
	if y, err := strconv.Atoi(d.Date[:min(4, len(d.Date))]); err == nil && len(d.Date) >= 4 {
		r["year"] = float64(y)
		r["f_year"] = d.Date[:4]
	}
	r["f_archive"], r["f_author"], r["f_recipient"], r["f_entity"] = d.ArchiveNames, d.AuthorNames, d.RecipientNames, d.EntityNames
	r["f_title"] = strings.ToLower(d.Title)
	for _, t := range d.Texts {
		f := "text_other"
		if a, ok := languages[t.Lang]; ok {
			f = "text_" + a
		}
		prev, _ := r[f].(string)
		if prev != "" {
			prev += "\n\n"
		}
		r[f] = prev + t.Text
	}
	return r
}

// Query is a search: words and "quoted phrases" (every one must occur in
// one field: a version's text, the title, summary, shelfmark, names or
// record id), narrowed by kind, years, archive and person.
type Query struct {
	Text    string
	Kind    string
	From    string // first year or date (ISO prefix), inclusive
	To      string // last year or date, inclusive
	Archive string
	Person  string
	Size    int // hits to return (default 20)
	Offset  int
	// Snippets in HTML (<mark>…</mark>, escaped text) rather than plain text.
	HTML bool

	noHighlight bool
}

// Hit is one document found.
type Hit struct {
	IRI, ID, Title, Date, Kind string
	Score                      float64
	// Snippets are passages with the words found, by field ("text_ru",
	// "title", …).
	Snippets map[string][]string
}

// Result is a page of hits.
type Result struct {
	Total uint64
	Hits  []Hit
}

// SyntaxError is a query the index cannot read.
type SyntaxError struct{ Msg string }

func (e *SyntaxError) Error() string { return "search: " + e.Msg }

// parse splits a query into words and quoted phrases.
func parse(s string) (words, phrases []string, err error) {
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return nil, nil, &SyntaxError{"a quotation mark is not closed: " + s}
			}
			if p := strings.TrimSpace(s[1 : end+1]); p != "" {
				phrases = append(phrases, p)
			}
			s = s[end+2:]
			continue
		}
		end := strings.IndexAny(s, " \t\n\"")
		if end < 0 {
			end = len(s)
		}
		words = append(words, s[:end])
		s = s[end:]
	}
}

// textQuery finds the words and phrases, all of them in one field, or the
// whole text as a record id.
func textQuery(text string, words, phrases []string) query.Query {
	var perField []query.Query
	for _, f := range textFields {
		var all []query.Query
		for _, w := range words {
			m := query.NewMatchQuery(w)
			m.SetField(f)
			all = append(all, m)
		}
		for _, p := range phrases {
			m := query.NewMatchPhraseQuery(p)
			m.SetField(f)
			all = append(all, m)
		}
		perField = append(perField, query.NewConjunctionQuery(all))
	}
	// a record id or a shelfmark written as one token
	tq := query.NewTermQuery(strings.TrimSpace(text))
	tq.SetField("id")
	tq.SetBoost(5)
	return query.NewDisjunctionQuery(append(perField, tq))
}

// Search runs a query.
func (ix *Index) Search(q Query) (Result, error) {
	words, phrases, err := parse(q.Text)
	if err != nil {
		return Result{}, err
	}
	var must []query.Query
	if len(words)+len(phrases) > 0 {
		must = append(must, textQuery(q.Text, words, phrases))
	}
	if q.Kind != "" {
		t := query.NewTermQuery(q.Kind)
		t.SetField("kind")
		must = append(must, t)
	}
	if q.From != "" || q.To != "" {
		from, to := q.From, q.To
		if to != "" {
			to += "\uffff" // every date that starts with the bound
		}
		incl := true
		r := query.NewTermRangeInclusiveQuery(from, to, &incl, &incl)
		r.SetField("date")
		must = append(must, r)
	}
	if q.Archive != "" {
		a := query.NewMatchQuery(q.Archive)
		a.SetField("archive")
		s := query.NewMatchQuery(q.Archive)
		s.SetField("shelfmark")
		must = append(must, query.NewDisjunctionQuery([]query.Query{a, s}))
	}
	if q.Person != "" {
		var any []query.Query
		for _, f := range []string{"author", "recipient", "names"} {
			m := query.NewMatchPhraseQuery(q.Person)
			m.SetField(f)
			any = append(any, m)
		}
		must = append(must, query.NewDisjunctionQuery(any))
	}
	var top query.Query
	switch len(must) {
	case 0:
		top = query.NewMatchAllQuery()
	case 1:
		top = must[0]
	default:
		top = query.NewConjunctionQuery(must)
	}
	size := q.Size
	if size <= 0 {
		size = 20
	}
	req := bleve.NewSearchRequestOptions(top, size, q.Offset, false)
	req.Fields = []string{"iri", "id", "title", "date", "kind"}
	if len(words)+len(phrases) > 0 && !q.noHighlight {
		if q.HTML {
			req.Highlight = bleve.NewHighlightWithStyle("html")
		} else {
			req.Highlight = bleve.NewHighlightWithStyle("ansi")
		}
		for _, f := range textFields {
			if f != "names" {
				req.Highlight.AddField(f)
			}
		}
	}
	if len(must) == 1 && len(words)+len(phrases) == 0 || len(must) == 0 {
		req.SortBy([]string{"-date", "id"})
	}
	res, err := ix.b.Search(req)
	if err != nil {
		return Result{}, err
	}
	out := Result{Total: res.Total}
	for _, h := range res.Hits {
		hit := Hit{IRI: h.ID, Score: h.Score, Snippets: map[string][]string{}}
		hit.ID, _ = h.Fields["id"].(string)
		hit.Title, _ = h.Fields["title"].(string)
		hit.Date, _ = h.Fields["date"].(string)
		hit.Kind, _ = h.Fields["kind"].(string)
		for f, frags := range h.Fragments {
			var keep []string
			for _, s := range frags {
				// the highlighter also returns the start of fields without a hit
				if !strings.Contains(s, "<mark>") && !strings.Contains(s, "\x1b[43m") {
					continue
				}
				if !q.HTML {
					s = plain(s)
				}
				keep = append(keep, s)
			}
			if len(keep) > 0 {
				hit.Snippets[f] = keep
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// plain turns an ANSI-highlighted fragment into text with the found words
// in [brackets].
func plain(s string) string {
	r := strings.NewReplacer("\x1b[43m", "[", "\x1b[0m", "]")
	return strings.Join(strings.Fields(r.Replace(s)), " ")
}

// IRIs lists every document the index holds, a page at a time.
func (ix *Index) IRIs() ([]string, error) {
	var out []string
	const page = 10000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), page, from, false)
		req.SortBy([]string{"_id"})
		res, err := ix.b.Search(req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		if len(res.Hits) < page {
			return out, nil
		}
	}
}

// Matching lists the IRIs of the documents a query's words match (the
// Text of Query, no filters), best first, at most limit of them.
func (ix *Index) Matching(text string, limit int) ([]string, error) {
	words, phrases, err := parse(text)
	if err != nil {
		return nil, err
	}
	if len(words)+len(phrases) == 0 {
		return nil, &SyntaxError{"no words to find"}
	}
	res, err := ix.Search(Query{Text: text, Size: limit, noHighlight: true})
	if err != nil {
		return nil, err
	}
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.IRI
	}
	return out, nil
}
