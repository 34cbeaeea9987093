package claim

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/docgraph/docgraph/internal/rdftest"
)

type gazEntry struct {
	class, name string
	labels      []string
}

// testGazetteer reads the shared gazetteer's English names, enough to place
// mentions in the tests (the extractor proper gets its mentions from the
// entity recogniser).
func testGazetteer(t testing.TB, shared string) []gazEntry {
	f, err := os.Open(filepath.Join(shared, "gazetteer", "cold-war-entities.tsv"))
	if err != nil {
		t.Skipf("gazetteer: %v", err)
	}
	defer f.Close()
	var out []gazEntry
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 7 {
			continue
		}
		e := gazEntry{class: c[0], name: c[1], labels: []string{c[1]}}
		for _, col := range []string{c[3], c[6]} {
			for _, l := range strings.Split(col, "|") {
				if l != "" && isLatin(l) {
					e.labels = append(e.labels, l)
				}
			}
		}
		out = append(out, e)
	}
	return out
}

func isLatin(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) && c > 0x24F {
			return false
		}
	}
	return true
}

// testMentions finds gazetteer names in text, longest first, at word
// boundaries, starting with a capital letter.
func testMentions(g []gazEntry, vi int, text string) []Mention {
	r := []rune(text)
	lower := []rune(strings.ToLower(text))
	type lab struct {
		l []rune
		e *gazEntry
	}
	var labs []lab
	for i := range g {
		for _, l := range g[i].labels {
			labs = append(labs, lab{[]rune(strings.ToLower(l)), &g[i]})
		}
	}
	sort.SliceStable(labs, func(a, b int) bool { return len(labs[a].l) > len(labs[b].l) })
	used := make([]bool, len(r))
	var out []Mention
	for _, lb := range labs {
		n := len(lb.l)
		for i := 0; i+n <= len(r); i++ {
			if !unicode.IsUpper(r[i]) || used[i] || used[i+n-1] {
				continue
			}
			if i > 0 && (unicode.IsLetter(r[i-1]) || unicode.IsDigit(r[i-1])) {
				continue
			}
			if i+n < len(r) && (unicode.IsLetter(r[i+n]) || unicode.IsDigit(r[i+n])) {
				continue
			}
			if string(lower[i:i+n]) != string(lb.l) {
				continue
			}
			// an all-capital short label ("US") must be written in capitals
			if n <= 3 && strings.ToUpper(string(r[i:i+n])) != string(r[i:i+n]) {
				continue
			}
			for k := i; k < i+n; k++ {
				used[k] = true
			}
			out = append(out, Mention{Version: vi, Start: i, End: i + n, Name: lb.e.name, Class: lb.e.class})
		}
	}
	return out
}

// englishBody cuts the English text out of a corpus file: the last
// Latin-script paragraphs of a markdown export's contents, or the body of a
// page text.
func englishBody(text string) string {
	if i := strings.Index(text, "#### Contents:"); i >= 0 {
		paras := strings.Split(text[i+len("#### Contents:"):], "\n\n")
		start := 0
		for k, p := range paras {
			if !isLatin(p) {
				start = k + 1
			}
		}
		return strings.Join(paras[start:], "\n\n")
	}
	end := len(text)
	for _, stop := range []string{"\nAuthor(s):", "\nDocument Information"} {
		if i := strings.Index(text, stop); i >= 0 && i < end {
			end = i
		}
	}
	paras := strings.Split(strings.TrimSpace(text[:end]), "\n\n")
	skip := 2 // date, title
	if strings.HasPrefix(paras[0], "Skip to content") {
		skip = 3
	}
	if len(paras) > skip+1 {
		paras = paras[skip : len(paras)-1] // the last paragraph is the summary
	}
	return strings.Join(paras, "\n\n")
}

type goldDoc struct {
	File       string   `json:"file"`
	Date       string   `json:"date"`
	Type       string   `json:"type"`
	Authors    []string `json:"authors"`
	Recipients []string `json:"recipients"`
	Claims     []struct {
		Subject, Relation, Object string
	} `json:"claims"`
}

type devDoc struct {
	name string
	gold goldDoc
	doc  Doc
}

func loadDev(t testing.TB) ([]devDoc, []gazEntry) {
	shared := rdftest.SharedDir(t)
	g := testGazetteer(t, shared)
	dir := filepath.Join(shared, "corpus", "dev")
	files, _ := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	var out []devDoc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var gd goldDoc
		if err := json.Unmarshal(b, &gd); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		src, err := os.ReadFile(filepath.Join(dir, gd.File))
		if err != nil {
			t.Fatal(err)
		}
		body := englishBody(string(src))
		d := Doc{Date: gd.Date, Kind: gd.Type, Authors: gd.Authors, Recipients: gd.Recipients,
			Versions: []Version{{Role: "translation", Lang: "en", Text: body}}}
		d.Mentions = testMentions(g, 0, body)
		out = append(out, devDoc{filepath.Base(f), gd, d})
	}
	return out, g
}
