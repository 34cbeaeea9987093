package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/docgraph/docgraph/vocab"
)

// FuzzExtract runs the whole extractor on arbitrary input: it must not
// panic, mentions must lie inside their versions, and quads must be valid.
func FuzzExtract(f *testing.F) {
	f.Add([]byte("## May 1950\n\n### Letter, Filippov [Stalin] to Mao Zedong\n\n#### Contents:\n\nТов. МАО ЦЗЕ-ДУНУ\n\nс Ин-\nдией ~~США~~ <sup>Кореи</sup>\n\n98\n\nФын Сн\n"))
	dir, _ := os.Getwd()
	files, _ := filepath.Glob(filepath.Join(dir, "..", "..", "shared", "corpus", "dev", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	g, err := vocab.LoadGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	m := vocab.NewMinter("")
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Extract("f.txt", data, Options{Gazetteer: g})
		if err != nil {
			return
		}
		for _, e := range r.Entities {
			for _, s := range e.Mentions {
				if s.Version < 0 || s.Version >= len(r.Versions) || s.Start < 0 || s.Start > s.End ||
					s.End > utf8.RuneCountInString(r.Versions[s.Version].Text) {
					t.Fatalf("%s: mention %+v outside its version", e.Name, s)
				}
			}
		}
		for _, q := range r.Quads(m) {
			if err := q.Valid(); err != nil {
				t.Fatalf("%v: %v", q, err)
			}
		}
	})
}
