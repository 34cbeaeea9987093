package fulltext_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/docgraph/docgraph/extract"
	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/internal/synth"
	"github.com/docgraph/docgraph/vocab"
)

// indexed ingests the examples and the reference record (with its Russian
// original) into a memory store and an index on disk.
func indexed(t *testing.T) *fulltext.Index {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ix, err := fulltext.Open(filepath.Join(t.TempDir(), "ix"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	root := rdftest.RepoRoot(t)
	inputs := []string{filepath.Join(root, "examples"), filepath.Join(rdftest.SharedDir(t), "corpus", "reference")}
	files, errs := ingest.Files(inputs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	rep, err := ingest.Run(ctx, s, files, ingest.Options{Workers: 2, Index: ix})
	if err != nil || rep.Failed > 0 {
		t.Fatalf("ingest: %v %v", err, rep.Errors)
	}
	if n, _ := ix.Count(); int(n) != rep.Documents {
		t.Fatalf("%d documents indexed of %d", n, rep.Documents)
	}
	return ix
}

func ids(r fulltext.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	sort.Strings(out)
	return out
}

func TestSearch(t *testing.T) {
	ix := indexed(t)
	for _, c := range []struct {
		name string
		q    fulltext.Query
		want string // a record id among the hits ("" for none at all)
		not  string // a record id that must not be among them
	}{
		{"an English word, stemmed", fulltext.Query{Text: "armistices"}, "113636", ""},
		{"a Russian inflected form finds the original", fulltext.Query{Text: "военнопленные"}, "113644", ""},
		{"another case of it", fulltext.Query{Text: "военнопленным"}, "113644", ""},
		{"a phrase", fulltext.Query{Text: `"Mexican proposal"`}, "113644", "112100"},
		{"a record id", fulltext.Query{Text: "112100"}, "112100", "113644"},
		{"a shelfmark", fulltext.Query{Text: "fond 45 delo 348"}, "112100", "113644"},
		{"a pseudonym", fulltext.Query{Text: "Feng Xi"}, "112100", ""},
		{"years", fulltext.Query{Text: "Korea", From: "1952", To: "1952"}, "113644", "112100"},
		{"a kind", fulltext.Query{Text: "Korea", Kind: "conversation"}, "111247", "113644"},
		{"a person", fulltext.Query{Person: "Razuvaev"}, "112100", "113644"},
		{"an archive", fulltext.Query{Archive: "RGASPI"}, "112100", ""},
		{"nothing", fulltext.Query{Text: "zeppelin"}, "", ""},
	} {
		res, err := ix.Search(c.q)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		got := ids(res)
		has := func(id string) bool {
			for _, g := range got {
				if g == id {
					return true
				}
			}
			return false
		}
		if c.want == "" && len(got) > 0 {
			t.Errorf("%s: found %v", c.name, got)
		}
		if c.want != "" && !has(c.want) {
			t.Errorf("%s: %v lacks %s", c.name, got, c.want)
		}
		if c.not != "" && has(c.not) {
			t.Errorf("%s: %v has %s", c.name, got, c.not)
		}
	}
	// passages show where the words are, in each version
	res, err := ix.Search(fulltext.Query{Text: "военнопленных", HTML: true})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("%v %v", res, err)
	}
	if s := strings.Join(res.Hits[0].Snippets["text_ru"], " "); !strings.Contains(s, "<mark>военнопленных</mark>") {
		t.Errorf("Russian passage: %q", s)
	}
}

func TestSearchSyntax(t *testing.T) {
	ix := indexed(t)
	_, err := ix.Search(fulltext.Query{Text: `"not closed`})
	if _, ok := err.(*fulltext.SyntaxError); !ok {
		t.Errorf("an open quote: %v", err)
	}
}

// BenchmarkSearch indexes a generated archive (DOCGRAPH_SEARCH_DOCS
// records, 2,000 unless set) and reports the index build time against the
// extraction of the same records, and the median and 99th percentile
// query times over a mix of words, phrases, ids and filters.
func BenchmarkSearch(b *testing.B) {
	n := 2000
	if v := os.Getenv("DOCGRAPH_SEARCH_DOCS"); v != "" {
		if _, err := fmtSscan(v, &n); err != nil {
			b.Fatal(err)
		}
	}
	gz, err := vocab.LoadGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	gen, err := synth.New(synth.Options{Docs: n, Seed: 1, Gazetteer: gz})
	if err != nil {
		b.Fatal(err)
	}
	m := vocab.NewMinter("")
	names := ingest.GazetteerNames(gz, m)
	var docs []fulltext.Doc
	var extractTime time.Duration
	for i := 0; i < n; i++ {
		d := gen.Next()
		t0 := time.Now()
		r, err := extract.Extract(d.Name, d.Data, extract.Options{Gazetteer: gz})
		if err != nil {
			b.Fatal(err)
		}
		qs := r.Quads(m)
		extractTime += time.Since(t0)
		docs = append(docs, fulltext.FromGraph(m.Document(r.ID), qs, names))
	}
	ix, err := fulltext.Open(filepath.Join(b.TempDir(), "ix"), false)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	t0 := time.Now()
	for i := 0; i < len(docs); i += 500 {
		if err := ix.Put(docs[i:min(i+500, len(docs))]); err != nil {
			b.Fatal(err)
		}
	}
	build := time.Since(t0)
	queries := []fulltext.Query{
		{Text: "Korea"}, {Text: "armistice talks"}, {Text: `"prisoners of war"`}, {Text: "Stalin", From: "1950", To: "1951"},
		{Text: "Mao", Kind: "telegram"}, {Text: "fond 45"}, {Person: "Molotov"}, {Text: "Филиппов"},
	}
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range queries {
			t := time.Now()
			if _, err := ix.Search(q); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t))
		}
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(build.Seconds(), "build-s")
	b.ReportMetric(build.Seconds()/extractTime.Seconds(), "build/extract")
}

func fmtSscan(s string, n *int) (int, error) { return fmt.Sscan(s, n) }

// TestDamagedIndexMadeAnew: an index left unreadable (a process killed
// while making it) is made anew when opened for writing, and reported when
// opened for reading.
func TestDamagedIndexMadeAnew(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ix")
	ix, err := fulltext.Open(p, false)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if err := os.WriteFile(filepath.Join(p, "index_meta.json"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fulltext.Open(p, true); err == nil {
		t.Fatal("a damaged index opened for reading without an error")
	}
	ix, err = fulltext.Open(p, false)
	if err != nil {
		t.Fatalf("a damaged index was not made anew: %v", err)
	}
	defer ix.Close()
	if n, err := ix.Count(); err != nil || n != 0 {
		t.Errorf("made anew: %d documents, %v", n, err)
	}
}

// TestCreateAfterKilledCreate: what a process killed while creating an index
// left beside it (a directory with its mapping cut short) stops neither the
// next creation nor a reader, and an index only appears at its path whole.
func TestCreateAfterKilledCreate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "store.db", "fulltext.bleve")
	left := path + ".creating"
	if err := os.MkdirAll(left, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(left, "index_meta.json"), []byte(`{"storage":"scorch","index_type":`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fulltext.Open(path, true); err == nil {
		t.Fatal("a reader found an index where none was made")
	}
	ix, err := fulltext.Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Put([]fulltext.Doc{{IRI: "http://example.org/docgraph/doc/1", ID: "1", Title: "Cable on the delegation"}}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("%s is still there: %v", left, err)
	}
	ro, err := fulltext.Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if n, err := ro.Count(); err != nil || n != 1 {
		t.Errorf("reopened index holds %d documents (%v), want 1", n, err)
	}
}

// TestBrowseWithWords: the documents page narrowed by words lists the
// documents a search finds, with facet counts among them.
func TestBrowseWithWords(t *testing.T) {
	ix := indexed(t)
	all, err := ix.Browse(fulltext.Browse{})
	if err != nil {
		t.Fatal(err)
	}
	some, err := ix.Browse(fulltext.Browse{Text: "armistice"})
	if err != nil {
		t.Fatal(err)
	}
	found, err := ix.Search(fulltext.Query{Text: "armistice"})
	if err != nil {
		t.Fatal(err)
	}
	if some.Total == 0 || some.Total >= all.Total || some.Total != found.Total {
		t.Errorf("browse by words: %d of %d documents, search finds %d", some.Total, all.Total, found.Total)
	}
	n := 0
	for _, v := range some.Facets["kind"] {
		n += v.Count
	}
	if uint64(n) != some.Total {
		t.Errorf("kind facet counts %d documents of %d", n, some.Total)
	}
}
