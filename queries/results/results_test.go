package results_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/fuzzseed"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/queries/results"
	"github.com/docgraph/docgraph/rdf"
)

const xsd = "http://www.w3.org/2001/XMLSchema#"

// tricky holds terms that stress each format's escaping.
var tricky = [][]rdf.Term{
	{rdf.IRI("http://example.org/a?b=c&d=<e>"), rdf.NewString("plain"), rdf.BlankNode("b0")},
	{rdf.NewLangString("chat \"noir\"", "fr-BE"), nil, rdf.NewTyped("12", xsd+"integer")},
	{rdf.NewString("tab\tline\nreturn\r, comma; quote\" back\\slash <&> é 日本"), rdf.NewTyped("1.5E0", xsd+"double"), nil},
	{nil, nil, nil},
	{rdf.NewTyped("2001-01-01", xsd+"date"), rdf.NewTyped("true", xsd+"boolean"), rdf.NewString("")},
}

func write(t *testing.T, f results.Format, vars []string, rows [][]rdf.Term) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := results.NewWriter(&buf, f, vars)
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	vars := []string{"s", "p", "o"}
	for _, f := range []results.Format{results.JSON, results.XML, results.TSV} {
		t.Run(f.String(), func(t *testing.T) {
			out := write(t, f, vars, tricky)
			got, err := results.Read(bytes.NewReader(out), f)
			if err != nil {
				t.Fatalf("reading back: %v\n%s", err, out)
			}
			want := &results.Table{Vars: vars, Rows: tricky}
			if d := rdftest.DiffResults(want, got, rdftest.ResultOptions{Ordered: true}); d != "" {
				t.Errorf("round trip changed the results:\n%s\n%s", d, out)
			}
		})
	}
}

func TestZeroVarsAndRows(t *testing.T) {
	for _, f := range []results.Format{results.JSON, results.XML, results.TSV, results.CSV} {
		t.Run(f.String(), func(t *testing.T) {
			for _, tc := range []struct {
				vars []string
				rows [][]rdf.Term
			}{{nil, nil}, {nil, [][]rdf.Term{{}, {}}}, {[]string{"x"}, nil}, {[]string{"x"}, [][]rdf.Term{{nil}}}} {
				out := write(t, f, tc.vars, tc.rows)
				got, err := results.Read(bytes.NewReader(out), f)
				if err != nil {
					t.Fatalf("%v %v: %v\n%q", tc.vars, tc.rows, err, out)
				}
				if len(got.Rows) != len(tc.rows) || len(got.Vars) != len(tc.vars) {
					t.Errorf("wrote %d vars %d rows, read %d vars %d rows:\n%q", len(tc.vars), len(tc.rows), len(got.Vars), len(got.Rows), out)
				}
			}
		})
	}
}

func TestCSV(t *testing.T) {
	out := write(t, results.CSV, []string{"s", "p", "o"}, tricky[:3])
	want := "s,p,o\r\n" +
		"http://example.org/a?b=c&d=<e>,plain,_:b0\r\n" +
		"\"chat \"\"noir\"\"\",,12\r\n" +
		"\"tab\tline\nreturn\r, comma; quote\"\" back\\slash <&> é 日本\",1.5E0,\r\n"
	if string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	got, err := results.Read(bytes.NewReader(out), results.CSV)
	if err != nil {
		t.Fatal(err)
	}
	if got.Rows[0][2] != rdf.BlankNode("b0") || got.Rows[1][1] != nil || got.Rows[1][0] != rdf.NewString(`chat "noir"`) {
		t.Errorf("read back %v", got.Rows)
	}
}

func TestTSVShortForms(t *testing.T) {
	out := write(t, results.TSV, []string{"a", "b", "c", "d", "e"}, [][]rdf.Term{{
		rdf.NewTyped("4", xsd+"integer"), rdf.NewTyped("5.5", xsd+"decimal"), rdf.NewTyped("1.0E6", xsd+"double"),
		rdf.NewTyped("1.", xsd+"decimal"), rdf.NewTyped("yes", xsd+"boolean"),
	}})
	want := "?a\t?b\t?c\t?d\t?e\n4\t5.5\t1.0E6\t\"1.\"^^<" + xsd + "decimal>\t\"yes\"^^<" + xsd + "boolean>\n"
	if string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
}

func TestBoolean(t *testing.T) {
	for _, f := range []results.Format{results.JSON, results.XML, results.CSV, results.TSV} {
		for _, b := range []bool{true, false} {
			var buf bytes.Buffer
			if err := results.WriteBoolean(&buf, f, b); err != nil {
				t.Fatal(err)
			}
			got, err := results.Read(&buf, f)
			if err != nil || got.Boolean == nil || *got.Boolean != b {
				t.Errorf("%v %v: read back %+v, %v", f, b, got, err)
			}
		}
	}
	// CSV and TSV in the form Jena writes and reads: a header, then the value.
	for f, want := range map[results.Format]string{results.CSV: "_askResult\r\ntrue\r\n", results.TSV: "?_askResult\ntrue\n"} {
		var buf bytes.Buffer
		if err := results.WriteBoolean(&buf, f, true); err != nil || buf.String() != want {
			t.Errorf("%v boolean: %q, %v; want %q", f, buf.String(), err, want)
		}
	}
	// A table of that one column with another value stays a table.
	got, err := results.Read(strings.NewReader("?_askResult\n\"maybe\"\n"), results.TSV)
	if err != nil || got.Boolean != nil || len(got.Rows) != 1 {
		t.Errorf("a one-column table read as %+v, %v", got, err)
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n--; w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestStickyError(t *testing.T) {
	w := results.NewWriter(&failWriter{n: 1}, results.XML, []string{"x"})
	_ = w.Write([]rdf.Term{rdf.IRI("http://a")})
	_ = w.Write([]rdf.Term{rdf.IRI("http://b")})
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close = %v, want the write error", err)
	}
	w = results.NewWriter(&bytes.Buffer{}, results.JSON, []string{"x"})
	if err := w.Write([]rdf.Term{nil, nil}); err == nil {
		t.Error("a row longer than the variables was accepted")
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]results.Format{
		"json": results.JSON, "application/sparql-results+json": results.JSON, ".srx": results.XML,
		"application/sparql-results+xml; charset=utf-8": results.XML, "text/csv": results.CSV, "TSV": results.TSV,
	} {
		if got, err := results.ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := results.ParseFormat("text/html"); err == nil {
		t.Error("text/html accepted")
	}
}

func TestMalformed(t *testing.T) {
	for _, tc := range []struct {
		f    results.Format
		doc  string
		want string
	}{
		{results.XML, "<sparql xmlns='http://www.w3.org/2005/sparql-results#'><head><variable name='x'/></head><results><result><binding name='y'><uri>u</uri></binding></result></results></sparql>", "not a declared variable"},
		{results.XML, "<html/>", "namespace"},
		{results.JSON, `{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"iri","value":"u"}}]}}`, "unknown term type"},
		{results.JSON, `{"head":`, "json results"},
		{results.JSON, "{\n  \"head\": {\"vars\": 3}}", "json results:2:"},
		{results.TSV, "?x\n<a>\t<b>\n", "2:1"},
		{results.TSV, "?x\n\"open\n", "unterminated"},
	} {
		_, err := results.Read(strings.NewReader(tc.doc), tc.f)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v %q: error %v, want one mentioning %q", tc.f, tc.doc, err, tc.want)
		}
	}
}

// TestW3CFiles reads every expected-results file of the SPARQL 1.1 suite and
// writes it back: JSON and XML must round-trip to the same table, and TSV and
// CSV must reproduce the W3C file byte for byte (modulo line ends).
func TestW3CFiles(t *testing.T) {
	root := filepath.Join(rdftest.SharedDir(t), "w3c", "sparql11")
	counts := map[string]int{}
	for _, pat := range []string{"*/*.srx", "*/*.srj", "*/*.tsv", "*/*.csv"} {
		files, _ := filepath.Glob(filepath.Join(root, pat))
		for _, file := range files {
			f, _ := results.ParseFormat(filepath.Ext(file))
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			tab, err := results.Read(bytes.NewReader(data), f)
			if err != nil {
				t.Errorf("%s: %v", file, err)
				continue
			}
			counts[f.String()]++
			if tab.Boolean != nil {
				continue
			}
			out := write(t, f, tab.Vars, tab.Rows)
			switch f {
			case results.CSV, results.TSV:
				norm := func(b []byte) string { return strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") }
				if norm(out) != norm(data) && !strings.Contains(file, "/csv-tsv-res/") {
					continue // files outside the format suite may use other spellings
				}
				if norm(out) != norm(data) {
					t.Errorf("%s: rewritten differently:\n%s\nwant\n%s", file, out, data)
				}
			default:
				back, err := results.Read(bytes.NewReader(out), f)
				if err != nil {
					t.Fatalf("%s: reading our output: %v", file, err)
				}
				if d := rdftest.DiffResults(tab, back, rdftest.ResultOptions{Ordered: true}); d != "" {
					t.Errorf("%s: round trip: %s", file, d)
				}
			}
		}
	}
	t.Logf("W3C result files read and rewritten: %v", counts)
	if counts["xml"] < 100 {
		t.Errorf("only %d .srx files found under %s", counts["xml"], root)
	}
}

func TestTableWriter(t *testing.T) {
	var buf bytes.Buffer
	tw := results.NewTableWriter(&buf, []string{"who", "n"}, results.TableOptions{MaxRows: 2, MaxWidth: 12})
	_ = tw.Write([]rdf.Term{rdf.IRI("https://w3id.org/docgraph/ns#opposes"), rdf.NewTyped("3", xsd+"integer")})
	_ = tw.Write([]rdf.Term{rdf.NewLangString("Сталин и Мао Цзэдун", "ru"), nil})
	_ = tw.Write([]rdf.Term{rdf.IRI("http://example.org/hidden"), nil})
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	want := "?who          ?n\n" +
		"------------  --\n" +
		"dg:opposes    3\n" +
		"\"Сталин и М…  \n" +
		"… 1 more row not shown\n" +
		"(3 rows)\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	if got := results.DisplayTerm(rdf.NewTyped("2001-01-01", xsd+"date")); got != `"2001-01-01"^^xsd:date` {
		t.Errorf("DisplayTerm(date) = %s", got)
	}
}

// TestTableWriterIRIs: IRIs identify something and are shown whole; those
// under the store's base are shortened to the part after it.
func TestTableWriterIRIs(t *testing.T) {
	var buf bytes.Buffer
	base := "http://example.org/docgraph/"
	tw := results.NewTableWriter(&buf, []string{"doc", "title"}, results.TableOptions{MaxWidth: 20, Base: base})
	_ = tw.Write([]rdf.Term{rdf.IRI(base + "doc/1950-01-22-stalin-mao-record-of-talks"), rdf.NewString("Record of Talks between I.V. Stalin and Mao Zedong")})
	_ = tw.Write([]rdf.Term{rdf.IRI("http://archive.example/records/a-long-path/1950-01-22-stalin-mao"), nil})
	_ = tw.Write([]rdf.Term{rdf.IRI("http://www.wikidata.org/entity/Q855"), nil})
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	want := "?doc                                                                ?title\n" +
		"------------------------------------------------------------------  --------------------\n" +
		"<doc/1950-01-22-stalin-mao-record-of-talks>                         \"Record of Talks be…\n" +
		"<http://archive.example/records/a-long-path/1950-01-22-stalin-mao>  \n" +
		"wd:Q855                                                             \n" +
		"(3 rows; <…> relative to http://example.org/docgraph/)\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func BenchmarkWriteJSON(b *testing.B) {
	row := []rdf.Term{rdf.IRI("https://w3id.org/docgraph/doc/119"), rdf.NewLangString("Letter from Stalin to Mao", "en"), rdf.NewTyped("1950-01-02", xsd+"date")}
	for b.Loop() {
		w := results.NewWriter(discard{}, results.JSON, []string{"doc", "title", "date"})
		for range 1000 {
			_ = w.Write(row)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// FuzzRead checks that no input makes a reader panic, and that whatever a
// reader accepts can be written again.
func FuzzRead(f *testing.F) {
	f.Add(uint8(0), `{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"a","xml:lang":"en"}}]}}`)
	f.Add(uint8(1), `<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="x"/></head><results><result><binding name="x"><bnode>b</bnode></binding></result></results></sparql>`)
	f.Add(uint8(2), "x,y\r\n\"a,\"\"b\",_:c\r\n")
	f.Add(uint8(3), "?x\t?y\n<http://a>\t\"b\\u00e9\"@en\n")
	for which, ext := range []string{".srj", ".srx", ".csv", ".tsv"} {
		for _, p := range fuzzseed.Files(f, "w3c/sparql11", ext) {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(uint8(which), string(b))
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, doc string) {
		f := results.Formats[int(which)%len(results.Formats)]
		tab, err := results.Read(strings.NewReader(doc), f)
		if err != nil || tab.Boolean != nil {
			return
		}
		w := results.NewWriter(discard{}, f, tab.Vars)
		for _, row := range tab.Rows {
			if err := w.Write(row); err != nil {
				t.Fatalf("writing back a row read from %v: %v", f, err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	})
}
