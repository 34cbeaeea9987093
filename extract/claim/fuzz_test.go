package claim

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docgraph/docgraph/internal/fuzzseed"
)

// FuzzExtract feeds arbitrary text and mentions: Extract must not panic,
// and every claim's evidence must be the text at its offsets.
func FuzzExtract(f *testing.F) {
	f.Add("We agree with you that the proposal of the Mexicans is unacceptable.", 0, 10, "conversation")
	f.Add("Stalin: We will press for the following:\n1. A.\n2. B.", 0, 6, "letter")
	f.Add("“1. x\n\n\"If\u00a0they  ask  you, \u0130 say: “no”.", 3, 40, "")
	for _, p := range fuzzseed.Files(f, "corpus/dev", ".txt") {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), 20, 40, "letter")
		}
	}
	f.Fuzz(func(t *testing.T, text string, start, end int, kind string) {
		d := Doc{Kind: kind, Authors: []string{"Joseph Stalin"}, Recipients: []string{"Mao Zedong"},
			Versions: []Version{{Role: "translation", Lang: "en", Text: text}},
			Mentions: []Mention{{Start: start, End: end, Name: "Mao Zedong", Class: "Person"},
				{Start: end, End: end + 3, Name: "Soviet Union", Class: "Country"}}}
		res := Extract(d)
		r := []rune(text)
		if !utf8.ValidString(text) {
			text = string(r)
		}
		for _, c := range res.Claims {
			if c.Start < 0 || c.End > len(r) || c.Start > c.End {
				t.Fatalf("claim span %d:%d outside %d code points", c.Start, c.End, len(r))
			}
			if got := string(r[c.Start:c.End]); got != c.Evidence {
				t.Fatalf("evidence %q, text at %d:%d is %q", c.Evidence, c.Start, c.End, got)
			}
			if strings.TrimSpace(c.Evidence) == "" {
				t.Fatal("empty evidence")
			}
		}
	})
}
