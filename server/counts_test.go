package server

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
)

// oneLetter is a telegram of two people and one proposal.
const oneLetter = "Skip to content\n\nJune 12, 1951\n\nTelegram, Filippov [Stalin] to Mao Zedong\n\nComrade Mao Zedong!\n\n" +
	"We support the proposal of the Korean comrades.\n\nFILIPPOV [Stalin]\n\nDocument Information\n\nRecord ID\n\n4245\n\nLanguage\n\nRussian\n"

// TestCountsLeaveGazetteerApart: the home page and VoID of a store holding
// one letter count the few entities it mentions, and the gazetteer's
// entities apart from them.
func TestCountsLeaveGazetteerApart(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f := filepath.Join(t.TempDir(), "letter.txt")
	if err := os.WriteFile(f, []byte(oneLetter), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep, err := ingest.Run(ctx, st, []string{f}, ingest.Options{Workers: 1}); err != nil || rep.Documents != 1 {
		t.Fatalf("ingest: %v %+v", err, rep)
	}
	ts := newTestServer(t, Config{Store: st})
	count := func(page, re string) int {
		t.Helper()
		m := regexp.MustCompile(re).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s in\n%s", re, page)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}

	_, home := get(t, ts, "/")
	if n := count(home, `<b>(\d+)</b> <a href="/entities\?class=Person">Person</a>`); n < 2 || n > 4 {
		t.Errorf("home page: %d people for a letter between two", n)
	}
	if strings.Contains(home, "</b> Event") {
		t.Errorf("home page counts events the letter does not mention")
	}
	gazetteer := count(home, `gazetteer [^<]*<b>(\d+)</b>`)
	if gazetteer < 100 {
		t.Errorf("home page: gazetteer of %d entities", gazetteer)
	}

	_, void := get(t, ts, "/.well-known/void", "Accept: application/n-triples")
	base := st.Base() + ".well-known/void"
	if n := count(void, `<`+regexp.QuoteMeta(base)+`#dataset> <http://rdfs.org/ns/void#entities> "(\d+)"`); n < 3 || n > 10 {
		t.Errorf("VoID: the dataset has %d entities for one letter", n)
	}
	if n := count(void, `<`+regexp.QuoteMeta(base)+`#class-Person> <http://rdfs.org/ns/void#entities> "(\d+)"`); n < 2 || n > 4 {
		t.Errorf("VoID: %d people for a letter between two", n)
	}
	if !strings.Contains(void, `<`+base+`#dataset> <http://rdfs.org/ns/void#subset> <`+base+`#gazetteer>`) {
		t.Errorf("VoID: no gazetteer subset")
	}
	if n := count(void, `<`+regexp.QuoteMeta(base)+`#gazetteer> <http://rdfs.org/ns/void#entities> "(\d+)"`); n != gazetteer {
		t.Errorf("VoID: gazetteer subset of %d entities, the home page says %d", n, gazetteer)
	}
}
