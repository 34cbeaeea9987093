package letters

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/rdftest"
)

func needTool(t *testing.T, what, hint string) {
	t.Helper()
	msg := what + " is not available (" + hint + ")"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; CI=true requires it")
	}
	t.Skip(msg + "; skipping")
}

// examples ingests the bundled examples into a memory store.
func examples(t *testing.T) *graph.Store {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	files, errs := ingest.Files([]string{filepath.Join(rdftest.RepoRoot(t), "examples")})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if _, err := ingest.Run(ctx, s, files, ingest.Options{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLetters: every letter, telegram and cable of the examples is listed
// with its senders and addressees; Stalin's letters under his pseudonyms
// are Stalin's, with his Wikidata item.
func TestLetters(t *testing.T) {
	s := examples(t)
	ls, err := Letters(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) < 8 {
		t.Fatalf("%d letters", len(ls))
	}
	stalin := 0
	for _, l := range ls {
		if l.Kind != "letter" && l.Kind != "telegram" && l.Kind != "cable" {
			t.Errorf("%s is a %s", l.ID, l.Kind)
		}
		for _, p := range l.Senders {
			if p.Name == "Joseph Stalin" && p.Wikidata == "Q855" {
				stalin++
			}
		}
	}
	if stalin < 4 {
		t.Errorf("Stalin sent %d of the letters", stalin)
	}
}

// TestCMIFValid: the CMIF file of the examples is valid against the CMIF
// RELAX NG schema (jing).
func TestCMIFValid(t *testing.T) {
	jing, err := exec.LookPath("jing")
	if err != nil {
		needTool(t, "jing", "apt-get install jing")
	}
	schema := filepath.Join(rdftest.SharedDir(t), "standards", "cmif", "schema", "cmi-customization.rng")
	s := examples(t)
	ls, err := Letters(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	h := export.CMIFHeader{Title: "Letters of the examples", Editor: "docgraph tests", Publisher: "docgraph",
		URL: "http://example.org/docgraph/download/letters.cmif.xml", Source: "Bundled examples", Updated: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	if err := export.WriteCMIF(&b, h, ls); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "<correspDesc "); n != len(ls) {
		t.Errorf("%d correspDesc for %d letters", n, len(ls))
	}
	if !strings.Contains(b.String(), `<persName ref="http://www.wikidata.org/entity/Q855">Joseph Stalin</persName>`) {
		t.Error("Stalin is not named with his Wikidata item")
	}
	path := filepath.Join(t.TempDir(), "letters.xml")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(jing, schema, path).CombinedOutput()
	if err != nil {
		t.Fatalf("jing: %v\n%s", err, out)
	}
}

// TestNetworksReadByNetworkx: networkx reads the GEXF and GraphML files
// with the nodes and edges written, their classes and dates.
func TestNetworksReadByNetworkx(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import networkx").Run(); err != nil {
		needTool(t, "networkx in /usr/bin/python3", "apt-get install python3-networkx")
	}
	s := examples(t)
	ctx := context.Background()
	ls, err := Letters(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	corr := export.CorrespondenceNetwork(ls)
	co, err := CoMentions(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(corr.Edges) < 8 || len(co.Edges) < 20 {
		t.Fatalf("%d letter edges, %d co-mention edges", len(corr.Edges), len(co.Edges))
	}
	dir := t.TempDir()
	script := `
import sys, networkx as nx
path, kind = sys.argv[1], sys.argv[2]
g = nx.read_gexf(path) if path.endswith(".gexf") else nx.read_graphml(path)
n = g.number_of_nodes(); e = g.number_of_edges()
classes = sorted({d.get("class") for _, d in g.nodes(data=True)})
dated = sum(1 for *_, d in g.edges(data=True) if d.get("start") or d.get("date"))
print(n, e, dated, ",".join(c for c in classes if c))
`
	for _, c := range []struct {
		name     string
		n        export.Network
		directed bool
	}{{"letters", corr, true}, {"comentions", co, false}} {
		for _, ext := range []string{".gexf", ".graphml"} {
			var b bytes.Buffer
			if ext == ".gexf" {
				err = export.WriteGEXF(&b, c.n, c.directed, c.name)
			} else {
				err = export.WriteGraphML(&b, c.n, c.directed)
			}
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, c.name+ext)
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(py, "-c", script, path, c.name).CombinedOutput()
			if err != nil {
				t.Fatalf("%s: networkx: %v\n%s", path, err, out)
			}
			f := strings.Fields(string(out))
			if len(f) < 3 {
				t.Fatalf("%s: %s", path, out)
			}
			nodes, _ := strconv.Atoi(f[0])
			edges, _ := strconv.Atoi(f[1])
			dated, _ := strconv.Atoi(f[2])
			wantEdges := len(c.n.Edges)
			if nodes != len(c.n.Nodes) || edges != wantEdges {
				t.Errorf("%s: networkx reads %d nodes and %d edges, written %d and %d", path, nodes, edges, len(c.n.Nodes), wantEdges)
			}
			if dated == 0 {
				t.Errorf("%s: no dated edge", path)
			}
			if len(f) < 4 || !strings.Contains(f[3], "Person") {
				t.Errorf("%s: node classes %v", path, f[3:])
			}
		}
	}
}
