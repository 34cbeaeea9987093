package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/vocab"
)

type goldEntity struct {
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Wikidata *string `json:"wikidata"`
}

type goldDoc struct {
	File       string   `json:"file"`
	Date       string   `json:"date"`
	Title      string   `json:"title"`
	Type       string   `json:"type"`
	Language   string   `json:"language"`
	Authors    []string `json:"authors"`
	Recipients []string `json:"recipients"`
	Via        []string `json:"via"`
	Aliases    []struct {
		Alias string `json:"alias"`
		Of    string `json:"of"`
	} `json:"aliases"`
	ArchivalReferences []map[string]string `json:"archival_references"`
	Entities           []goldEntity        `json:"entities"`
}

// loadGold reads every gold file of the dev corpus with its document.
func loadGold(t testing.TB) (golds []goldDoc, paths []string) {
	shared := rdftest.SharedDir(t)
	dev := filepath.Join(shared, "corpus", "dev")
	files, err := filepath.Glob(filepath.Join(dev, "gold", "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("no gold files in %s/gold", dev)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldDoc
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		golds = append(golds, g)
		paths = append(paths, filepath.Join(dev, g.File))
	}
	return golds, paths
}

// fold compares names without case, accents or punctuation.
func fold(s string) string {
	var sb strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// names returns every folded name an extracted entity answers to.
func names(g *vocab.Gazetteer, name string) map[string]bool {
	out := map[string]bool{fold(name): true}
	if e := g.Lookup(name); e != nil {
		for _, l := range e.Labels {
			out[fold(l.Text)] = true
		}
		for _, l := range e.Pseudonyms {
			out[fold(l.Text)] = true
		}
		if e.Wikidata != "" {
			out["wd:"+e.Wikidata] = true
		}
	}
	return out
}

type prf struct{ tp, fp, fn int }

func (s prf) String() string {
	p, r := ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", p, r, f, s.tp, s.fp, s.fn)
}

func (s prf) f1() float64 {
	p, r := ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s prf) recall() float64 { return ratio(s.tp, s.tp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// matchNames scores extracted refs against gold names; each gold name is
// matched at most once.
func matchNames(g *vocab.Gazetteer, got []string, gold []goldEntity, miss, extra *[]string) prf {
	var s prf
	used := make([]bool, len(gold))
	for _, n := range got {
		ns := names(g, n)
		hit := false
		for i, ge := range gold {
			if used[i] {
				continue
			}
			if ns[fold(ge.Name)] || ge.Wikidata != nil && ns["wd:"+*ge.Wikidata] {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			s.tp++
		} else {
			s.fp++
			if extra != nil {
				*extra = append(*extra, n)
			}
		}
	}
	for i, u := range used {
		if !u {
			s.fn++
			if miss != nil {
				*miss = append(*miss, gold[i].Name)
			}
		}
	}
	return s
}

func plain(ns []string) []goldEntity {
	out := make([]goldEntity, len(ns))
	for i, n := range ns {
		out[i] = goldEntity{Name: n}
	}
	return out
}

func refNames(rs []EntityRef) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return out
}

func refKey(m map[string]string) string {
	var parts []string
	for _, k := range []string{"archive", "fond", "opis", "delo", "papka", "folios"} {
		parts = append(parts, m[k])
	}
	return strings.Join(parts, "|") + "|" + fold(m["reference"])
}

// TestGold compares the extracted fields with every gold file of the dev
// corpus (the reference record's included) and prints precision and recall
// per field.
func TestGold(t *testing.T) {
	golds, paths := loadGold(t)
	gz, err := vocab.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Gazetteer: gz}
	var parties, aliases, refs, ents, proper prf
	exact := map[string]int{}
	for i, gd := range golds {
		data, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		r, err := Extract(filepath.Base(paths[i]), data, opt)
		if err != nil {
			t.Errorf("%s: %v", gd.File, err)
			continue
		}
		name := filepath.Base(gd.File)
		for _, f := range []struct{ field, got, want string }{
			{"date", r.Date, gd.Date}, {"kind", r.Kind, gd.Type}, {"language", r.Language, gd.Language}, {"title", r.Title, gd.Title},
		} {
			if f.got == f.want {
				exact[f.field]++
			} else {
				t.Errorf("%s: %s = %q, want %q", name, f.field, f.got, f.want)
			}
		}
		var miss, extra []string
		for _, p := range []struct {
			got  []EntityRef
			want []string
		}{{r.Authors, gd.Authors}, {r.Recipients, gd.Recipients}, {r.Via, gd.Via}} {
			s := matchNames(gz, refNames(p.got), plain(p.want), &miss, &extra)
			parties.tp, parties.fp, parties.fn = parties.tp+s.tp, parties.fp+s.fp, parties.fn+s.fn
		}
		if len(miss)+len(extra) > 0 {
			t.Logf("%s: parties missed %q, extra %q", name, miss, extra)
		}
		// aliases
		miss, extra = nil, nil
		want := map[string]bool{}
		for _, a := range gd.Aliases {
			want[fold(a.Alias)+"/"+fold(a.Of)] = true
		}
		got := map[string]bool{}
		for _, a := range r.Aliases {
			k := ""
			for n := range names(gz, a.Of.Name) {
				if want[fold(a.Alias)+"/"+n] {
					k = fold(a.Alias) + "/" + n
				}
			}
			if k == "" {
				k = fold(a.Alias) + "/" + fold(a.Of.Name)
			}
			got[k] = true
		}
		aliases = add(aliases, setPRF(got, want, &miss, &extra))
		if len(miss)+len(extra) > 0 {
			t.Logf("%s: aliases missed %q, extra %q", name, miss, extra)
		}
		// archival references
		miss, extra = nil, nil
		want, got = map[string]bool{}, map[string]bool{}
		for _, a := range gd.ArchivalReferences {
			want[refKey(a)] = true
		}
		for _, a := range r.ArchivalRef {
			got[refKey(map[string]string{"archive": a.Archive, "fond": a.Fond, "opis": a.Opis, "delo": a.Delo,
				"papka": a.Papka, "folios": a.Folios, "reference": a.Reference})] = true
		}
		refs = add(refs, setPRF(got, want, &miss, &extra))
		if len(miss)+len(extra) > 0 {
			t.Logf("%s: references missed %q, extra %q", name, miss, extra)
		}
		// entities; proper: without proposals, which claim extraction introduces
		miss, extra = nil, nil
		var en []string
		var goldProper []goldEntity
		var enProper []string
		for _, e := range r.Entities {
			en = append(en, e.Name)
			if e.Class != vocab.ClassProposal {
				enProper = append(enProper, e.Name)
			}
		}
		for _, e := range gd.Entities {
			if e.Type != vocab.ClassProposal {
				goldProper = append(goldProper, e)
			}
		}
		ents = add(ents, matchNames(gz, en, gd.Entities, nil, nil))
		proper = add(proper, matchNames(gz, enProper, goldProper, &miss, &extra))
		if len(miss)+len(extra) > 0 {
			sort.Strings(miss)
			sort.Strings(extra)
			t.Logf("%s: entities (without proposals) missed %q, extra %q", name, miss, extra)
		}
	}
	n := len(golds)
	t.Logf("documents: %d", n)
	t.Logf("date exact %d/%d, kind exact %d/%d, language exact %d/%d, title exact %d/%d",
		exact["date"], n, exact["kind"], n, exact["language"], n, exact["title"], n)
	t.Logf("authors+recipients+via: %v", parties)
	t.Logf("aliases:                %v", aliases)
	t.Logf("archival references:    %v", refs)
	t.Logf("entities (all):         %v", ents)
	t.Logf("entities (no proposals): %v", proper)
	if parties.f1() < 0.97 {
		t.Errorf("authors/recipients/via F1 %.3f < 0.97", parties.f1())
	}
	if refs.f1() < 0.95 {
		t.Errorf("archival references F1 %.3f < 0.95", refs.f1())
	}
	if aliases.recall() < 1 {
		t.Errorf("alias recall %.3f < 1", aliases.recall())
	}
	if proper.f1() < 0.90 {
		t.Errorf("entity F1 without proposals %.3f < 0.90", proper.f1())
	}
}

func add(a, b prf) prf { return prf{a.tp + b.tp, a.fp + b.fp, a.fn + b.fn} }

func setPRF(got, want map[string]bool, miss, extra *[]string) prf {
	var s prf
	for k := range got {
		if want[k] {
			s.tp++
		} else {
			s.fp++
			*extra = append(*extra, k)
		}
	}
	for k := range want {
		if !got[k] {
			s.fn++
			*miss = append(*miss, k)
		}
	}
	return s
}
