package score

import (
	"strings"
	"sync"

	prose "github.com/jdkato/prose/v2"
)

// The baseline is prose's named-entity recogniser: its PERSON, GPE and ORG
// spans, mapped to gazetteer entities by name, are scored as entities. It
// reads what docgraph's entity extraction reads in English: the title, the
// summary and the English versions. Its model is loaded once, outside the
// timed passes.

var (
	proseOnce  sync.Once
	proseModel *prose.Model
)

func model() *prose.Model {
	proseOnce.Do(func() {
		d, err := prose.NewDocument("Stalin wrote to Mao.", prose.WithSegmentation(false))
		if err == nil {
			proseModel = d.Model
		}
	})
	return proseModel
}

var proseLabels = map[string]bool{"PERSON": true, "GPE": true, "ORG": true}

// proseEntities runs the recogniser on texts and returns the distinct
// entities it finds, by gazetteer name where the span names a known one.
func proseEntities(n *names, texts []string) []candidate {
	m := model()
	var out []candidate
	seen := map[string]bool{}
	for _, t := range texts {
		if strings.TrimSpace(t) == "" {
			continue
		}
		opts := []prose.DocOpt{prose.WithSegmentation(false)}
		if m != nil {
			opts = append(opts, prose.UsingModel(m))
		}
		d, err := prose.NewDocument(t, opts...)
		if err != nil {
			continue
		}
		for _, e := range d.Entities() {
			if !proseLabels[e.Label] {
				continue
			}
			c := candidate{Name: strings.TrimPrefix(e.Text, "the ")}
			if en := n.resolve(c.Name); en != nil {
				c = candidate{Name: en.Name, Wikidata: en.Wikidata}
			}
			k := fold(c.Name)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

func englishTexts(d *doc) []string {
	texts := []string{d.res.Title, d.res.Summary}
	for _, v := range d.res.Versions {
		if v.Lang == "en" {
			texts = append(texts, v.Text)
		}
	}
	return texts
}

// baseline scores the recogniser's entities on the documents and times it.
func baseline(docs []*doc, n *names, opt Options) (Field, float64, []Miss) {
	model()
	found := make([][]candidate, len(docs))
	texts := make([][]string, len(docs))
	for i, d := range docs {
		texts[i] = englishTexts(d)
	}
	ns := timePerDoc(len(docs), opt.MinTime, func() {
		for i := range docs {
			found[i] = proseEntities(n, texts[i])
		}
	})
	f := Field{Name: FieldEntities, Docs: len(docs)}
	var misses []Miss
	for i, d := range docs {
		gold := d.gold.Entities
		c, missed, extra := pair(len(gold), len(found[i]), func(a, b int) bool {
			wd := ""
			if gold[a].Wikidata != nil {
				wd = *gold[a].Wikidata
			}
			return n.match(gold[a].Name, wd, found[i][b])
		})
		f.add(c)
		if c.FP == 0 && c.FN == 0 {
			f.Exact++
		}
		if opt.Verbose {
			for _, a := range missed {
				misses = append(misses, Miss{Doc: d.name, Field: "baseline entities", Kind: "missed", Item: gold[a].Name})
			}
			for _, b := range extra {
				misses = append(misses, Miss{Doc: d.name, Field: "baseline entities", Kind: "false", Item: found[i][b].Name})
			}
		}
	}
	return f, ns, misses
}
