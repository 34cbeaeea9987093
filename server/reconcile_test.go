package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
)

func reconcileDir(t testing.TB) string {
	return filepath.Join(rdftest.SharedDir(t), "standards", "reconciliation", "0.2")
}

func postQueries(t testing.TB, ts *httptest.Server, queries string) (*http.Response, string) {
	t.Helper()
	form := url.Values{"queries": {queries}}
	return do(t, ts, "POST", "/reconcile", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// TestReconcileAnswers: names, pseudonyms and other scripts find the
// entity, types and years narrow the candidates, and only an unambiguous
// exact name is a certain match.
func TestReconcileAnswers(t *testing.T) {
	ts := newTestServer(t, Config{})
	q := `{
	 "q0": {"query": "Joseph Stalin"},
	 "q1": {"query": "Filippov", "type": "Person"},
	 "q2": {"query": "Сталин"},
	 "q3": {"query": "Stalin", "type": "Country"},
	 "q4": {"query": "Mao Tse-tung", "type": ["Person"]},
	 "q5": {"query": "Zhou Enlai", "properties": [{"pid": "years", "v": "1920-1930"}]},
	 "q6": {"properties": [{"pid": "wikidata", "v": "Q855"}]}
	}`
	resp, body := postQueries(t, ts, q)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var res map[string]struct {
		Result []candidate `json:"result"`
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	top := func(k string) candidate {
		if len(res[k].Result) == 0 {
			return candidate{}
		}
		return res[k].Result[0]
	}
	if c := top("q0"); c.ID != "person/joseph-stalin" || !c.Match || c.Score != 100 {
		t.Errorf("q0: %+v", c)
	}
	if c := top("q1"); c.ID != "person/joseph-stalin" || c.Score != 90 {
		t.Errorf("q1 (a pseudonym): %+v", c)
	}
	if c := top("q2"); c.ID != "person/joseph-stalin" {
		t.Errorf("q2 (Cyrillic): %+v", c)
	}
	if n := len(res["q3"].Result); n != 0 {
		t.Errorf("q3: a Country named Stalin: %+v", res["q3"].Result)
	}
	if c := top("q4"); c.ID != "person/mao-zedong" {
		t.Errorf("q4 (Wade-Giles): %+v", c)
	}
	if n := len(res["q5"].Result); n != 0 {
		t.Errorf("q5: Zhou Enlai in the documents of the 1920s: %+v", res["q5"].Result)
	}
	if c := top("q6"); c.ID != "person/joseph-stalin" || !c.Match {
		t.Errorf("q6 (by Wikidata id): %+v", c)
	}
}

// TestReconcileBadInput: malformed batches are a clear 400, never a 500.
func TestReconcileBadInput(t *testing.T) {
	ts := newTestServer(t, Config{})
	var big strings.Builder
	big.WriteString("{")
	for i := 0; i < 10000; i++ {
		if i > 0 {
			big.WriteString(",")
		}
		fmt.Fprintf(&big, `"q%d":{"query":"Stalin"}`, i)
	}
	big.WriteString("}")
	for name, q := range map[string]string{
		"invalid JSON":        `{"q0": {"query": "Stalin"`,
		"not an object":       `["Stalin"]`,
		"10,000 queries":      big.String(),
		"unknown member":      `{"q0": {"query": "Stalin", "props": []}}`,
		"no query":            `{"q0": {"limit": 3}}`,
		"bad type_strict":     `{"q0": {"query": "Stalin", "type_strict": "some"}}`,
		"property without v":  `{"q0": {"query": "Stalin", "properties": [{"pid": "years"}]}}`,
		"type not a string":   `{"q0": {"query": "Stalin", "type": 3}}`,
		"query not an object": `{"q0": "Stalin"}`,
	} {
		resp, body := postQueries(t, ts, q)
		if resp.StatusCode != 400 || !strings.Contains(body, "reconcile:") {
			t.Errorf("%s: %d %s", name, resp.StatusCode, body)
		}
	}
}

// TestReconcileSchemas: the manifest, answers to every valid example batch
// of the specification, suggestions and previews are valid against the
// specification's JSON Schemas (python3-jsonschema), and every invalid
// example batch is refused with 400.
func TestReconcileSchemas(t *testing.T) {
	py := "/usr/bin/python3"
	needTool(t, exec.Command(py, "-c", "import jsonschema").Run() == nil, "python3-jsonschema (apt-get install python3-jsonschema)")
	dir := reconcileDir(t)
	ts := newTestServer(t, Config{})
	out := t.TempDir()
	var checks []string // "schema.json<TAB>response.json"
	save := func(name, body, schema string) {
		p := filepath.Join(out, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		checks = append(checks, filepath.Join(dir, "schemas", schema)+"\t"+p)
	}
	resp, body := get(t, ts, "/reconcile")
	if resp.StatusCode != 200 {
		t.Fatalf("manifest: %d", resp.StatusCode)
	}
	save("manifest.json", body, "manifest.json")
	for _, kind := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join(dir, "examples", "reconciliation-query-batch", kind, "*.json"))
		if len(files) == 0 {
			t.Fatalf("no %s example batches", kind)
		}
		for _, f := range files {
			q, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			resp, body := postQueries(t, ts, string(q))
			if kind == "invalid" {
				if resp.StatusCode != 400 {
					t.Errorf("invalid example %s: %d %s", filepath.Base(f), resp.StatusCode, body)
				}
				continue
			}
			if resp.StatusCode != 200 {
				t.Errorf("valid example %s: %d %s", filepath.Base(f), resp.StatusCode, body)
				continue
			}
			save("result-"+filepath.Base(f), body, "reconciliation-result-batch.json")
		}
	}
	resp, body = postQueries(t, ts, `{"a": {"query": "Stalin"}, "b": {"query": "Mao", "type": "Person", "limit": 2}}`)
	save("result-ours.json", body, "reconciliation-result-batch.json")
	resp, body = get(t, ts, "/reconcile/suggest/entity?prefix=sta")
	if resp.StatusCode != 200 || !strings.Contains(body, "Joseph Stalin") {
		t.Errorf("suggest: %d %s", resp.StatusCode, body)
	}
	save("suggest.json", body, "suggest-entities-response.json")
	resp, body = get(t, ts, "/reconcile/preview?id=person/joseph-stalin")
	if resp.StatusCode != 200 || !strings.Contains(body, "Joseph Stalin") {
		t.Errorf("preview: %d %s", resp.StatusCode, body)
	}
	// the specification's own examples, against their schemas: the valid
	// ones must pass and the invalid ones fail (the harness itself is tested)
	examples := 0
	dirs, _ := filepath.Glob(filepath.Join(dir, "examples", "*"))
	for _, d := range dirs {
		schema := filepath.Join(dir, "schemas", filepath.Base(d)+".json")
		if _, err := os.Stat(schema); err != nil {
			continue
		}
		for _, kind := range []string{"valid", "invalid"} {
			files, _ := filepath.Glob(filepath.Join(d, kind, "*.json"))
			for _, f := range files {
				line := schema + "\t" + f
				if kind == "invalid" {
					line += "\tinvalid"
				}
				checks = append(checks, line)
				examples++
			}
		}
	}
	if examples < 10 {
		t.Errorf("only %d of the specification's examples found", examples)
	}
	script := `
import glob, json, os, sys, jsonschema
bad = 0
store = {}
lines = [(l.rstrip("\n").split("\t") + [""])[:3] for l in sys.stdin if l.strip()]
# the schemas refer to each other by their $id: resolve them from the folder
for f in glob.glob(os.path.join(os.path.dirname(lines[0][0]), "*.json")):
    sch = json.load(open(f))
    if "$id" in sch:
        store[sch["$id"]] = sch
        store[sch["$id"].rsplit("/", 1)[0] + "/" + os.path.basename(f)] = sch
for schema, doc, expect in lines:
    sch = json.load(open(schema))
    resolver = jsonschema.RefResolver(sch.get("$id", ""), sch, store=store)
    try:
        jsonschema.validate(json.load(open(doc)), sch, resolver=resolver)
        if expect == "invalid":
            bad += 1
            print(doc, "is an invalid example but passes", schema)
    except jsonschema.ValidationError as e:
        if expect == "invalid":
            continue
        bad += 1
        print(doc, "against", schema, ":", e.message)
sys.exit(1 if bad else 0)
`
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = strings.NewReader(strings.Join(checks, "\n") + "\n")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	t.Logf("%d documents checked against the specification's schemas (%d of them its own examples)", len(checks), examples)
}

// BenchmarkReconcile100 answers a batch of 100 queries.
func BenchmarkReconcile100(b *testing.B) {
	ts := newTestServer(b, Config{})
	names := []string{"Stalin", "Mao", "Zhou Enlai", "Kim Il Sung", "Filippov", "Molotov", "Сталин", "Korea", "Vyshinsky", "Beijing"}
	var q strings.Builder
	q.WriteString("{")
	for i := 0; i < 100; i++ {
		if i > 0 {
			q.WriteString(",")
		}
		fmt.Fprintf(&q, `"q%d":{"query":%q}`, i, names[i%len(names)])
	}
	q.WriteString("}")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, _ := postQueries(b, ts, q.String())
		if resp.StatusCode != 200 {
			b.Fatal(resp.StatusCode)
		}
	}
}

// TestReconcileCountry: a country constraint weighs candidates by the
// share of their documents that mention it: Mao Zedong scores higher with
// the Soviet Union, which most of his documents mention, than with a
// country none of them mention.
func TestReconcileCountry(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := postQueries(t, ts, `{
	 "a": {"query": "Mao Zedong", "properties": [{"pid": "country", "v": "Soviet Union"}]},
	 "b": {"query": "Mao Zedong", "properties": [{"pid": "country", "v": "Mongolian People's Republic"}]},
	 "c": {"query": "Mao Zedong", "properties": [{"pid": "country", "v": {"id": "country/soviet-union"}}]}
	}`)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var res map[string]struct {
		Result []candidate `json:"result"`
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	score := func(k string) float64 {
		for _, c := range res[k].Result {
			if c.ID == "person/mao-zedong" {
				return c.Score
			}
		}
		t.Fatalf("%s: no Mao Zedong in %+v", k, res[k].Result)
		return 0
	}
	a, b, c := score("a"), score("b"), score("c")
	if !(a > b) || a != c || b < 50 || a > 100 {
		t.Errorf("scores with the Soviet Union %v (by id %v), with Mongolia %v", a, c, b)
	}
}
