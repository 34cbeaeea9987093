package synth_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/docgraph/docgraph/extract"
	"github.com/docgraph/docgraph/internal/synth"
)

func docs(t *testing.T, n int, seed int64) []synth.Doc {
	t.Helper()
	g, err := synth.New(synth.Options{Docs: n, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]synth.Doc, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a, b, c := docs(t, 30, 7), docs(t, 30, 7), docs(t, 30, 8)
	differ := 0
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("document %d differs between two runs with seed 7", i)
		}
		if !bytes.Equal(a[i].Data, c[i].Data) {
			differ++
		}
	}
	if differ < 25 {
		t.Errorf("seeds 7 and 8 gave %d different documents of 30", differ)
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	n, err := synth.WriteDir(dir, synth.Options{Docs: 12, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 12 || n == 0 {
		t.Fatalf("wrote %d files, %d bytes; want 12 files", len(ents), n)
	}
	want := docs(t, 12, 3)
	data, err := os.ReadFile(filepath.Join(dir, want[5].Name))
	if err != nil || !bytes.Equal(data, want[5].Data) {
		t.Errorf("%s on disk is not the generated document (%v)", want[5].Name, err)
	}
}

// The extractor reads each generated document back with the metadata the
// generator planted in it, in both layouts.
func TestExtractorReadsPlantedMetadata(t *testing.T) {
	layouts := map[string]int{}
	aliases, mentions, claims := 0, 0, 0
	for _, d := range docs(t, 80, 1) {
		r, err := extract.Extract(d.Name, d.Data, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		layouts[r.Layout]++
		if r.Layout != d.Layout || r.ID != d.RecordID || r.Date != d.Date || r.Kind != d.Kind || r.Title != d.Title {
			t.Errorf("%s: read layout %q id %q date %q kind %q title %q; planted %q %q %q %q %q", d.Name,
				r.Layout, r.ID, r.Date, r.Kind, r.Title, d.Layout, d.RecordID, d.Date, d.Kind, d.Title)
		}
		if got := names(r.Authors); !slices.Equal(got, d.Authors) {
			t.Errorf("%s: authors %v, planted %v", d.Name, got, d.Authors)
		}
		if got := names(r.Recipients); !slices.Equal(got, d.Recipients) {
			t.Errorf("%s: recipients %v, planted %v", d.Name, got, d.Recipients)
		}
		var refs []synth.Ref
		for _, a := range r.ArchivalRef {
			refs = append(refs, synth.Ref{Archive: a.Archive, Fond: a.Fond, Opis: a.Opis, Delo: a.Delo, Folios: a.Folios})
		}
		if !slices.Equal(refs, d.Refs) {
			t.Errorf("%s: archival references %+v, planted %+v", d.Name, refs, d.Refs)
		}
		for _, a := range d.Aliases {
			i := slices.IndexFunc(r.Aliases, func(x extract.Alias) bool { return x.Alias == a[0] && x.Of.Name == a[1] })
			if i < 0 {
				t.Errorf("%s: pseudonym %s of %s not found in %+v", d.Name, a[0], a[1], r.Aliases)
			}
			aliases++
		}
		found := map[string]bool{}
		for _, e := range r.Entities {
			found[e.Name] = true
		}
		for _, m := range d.Mentions {
			if found[m] {
				mentions++
			}
		}
		claims += len(r.Claims)
	}
	if layouts["markdown"] == 0 || layouts["page"] == 0 {
		t.Errorf("layouts read: %v; want both", layouts)
	}
	if aliases == 0 || claims == 0 || mentions == 0 {
		t.Errorf("80 documents planted %d pseudonyms; the extractor found %d claims and %d planted mentions", aliases, claims, mentions)
	}
	fmt.Printf("80 generated documents: %v layouts, %d pseudonyms, %d planted mentions found, %d claims\n", layouts, aliases, mentions, claims)
}

func names(refs []extract.EntityRef) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Name)
	}
	return out
}
