// Package results reads and writes SPARQL query results: the solution
// sequences of SELECT and the booleans of ASK, in the four standard formats
//
//	JSON  application/sparql-results+json  https://www.w3.org/TR/sparql11-results-json/
//	XML   application/sparql-results+xml   https://www.w3.org/TR/rdf-sparql-XMLres/
//	CSV   text/csv                         https://www.w3.org/TR/sparql11-results-csv-tsv/
//	TSV   text/tab-separated-values        (same document)
//
// plus an aligned text table for terminals. Writers stream: NewWriter writes
// the header, Write one solution at a time, Close the end; errors are
// sticky and reported again by Close. Readers return a whole Table.
package results

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/docgraph/docgraph/rdf"
)

// Format is a results serialization.
type Format int

// The result formats.
const (
	JSON Format = iota + 1
	XML
	CSV
	TSV
)

// Formats lists every format, in order of preference for content negotiation.
var Formats = []Format{JSON, XML, CSV, TSV}

// String returns the format's short name ("json").
func (f Format) String() string {
	switch f {
	case JSON:
		return "json"
	case XML:
		return "xml"
	case CSV:
		return "csv"
	case TSV:
		return "tsv"
	}
	return "unknown"
}

// MediaType returns the format's media type.
func (f Format) MediaType() string {
	switch f {
	case JSON:
		return "application/sparql-results+json"
	case XML:
		return "application/sparql-results+xml"
	case CSV:
		return "text/csv"
	case TSV:
		return "text/tab-separated-values"
	}
	return ""
}

// Ext returns the usual file extension, with the dot.
func (f Format) Ext() string {
	switch f {
	case JSON:
		return ".srj"
	case XML:
		return ".srx"
	case CSV:
		return ".csv"
	case TSV:
		return ".tsv"
	}
	return ""
}

// ParseFormat accepts a short name ("json", "xml", "csv", "tsv"), a file
// extension (".srj", ".srx", ".csv", ".tsv") or a media type (parameters
// such as charset are ignored).
func ParseFormat(s string) (Format, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if mt, _, err := mime.ParseMediaType(name); err == nil {
		name = mt
	}
	for _, f := range Formats {
		if name == f.String() || name == f.Ext() || name == f.MediaType() {
			return f, nil
		}
	}
	switch name {
	case "application/json", ".json", "srj":
		return JSON, nil
	case "application/xml", "text/xml", ".xml", "srx":
		return XML, nil
	case "text/tsv", "tab":
		return TSV, nil
	}
	return 0, fmt.Errorf("results: unknown format %q", s)
}

// Table is a whole query result as read back: either solutions (Vars and
// Rows, where Rows[i][j] is the value of Vars[j] and nil means unbound) or,
// for ASK, a Boolean.
type Table struct {
	Vars    []string
	Rows    [][]rdf.Term
	Boolean *bool
}

// AskVar is the one column CSV and TSV give the result of an ASK query,
// which those formats have no syntax for: a header naming it, then true or
// false. Jena writes and reads this form; Oxigraph writes the bare value.
const AskVar = "_askResult"

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("results: write after close")

// SyntaxError is a malformed results document. Line is 0 when unknown.
type SyntaxError struct {
	Format    Format
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s results:%d:%d: %s", e.Format, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s results: %s", e.Format, e.Msg)
}

// Writer writes a solution sequence in one of the formats.
type Writer struct {
	w      io.Writer
	f      Format
	vars   []string
	enc    rowEncoder
	err    error
	closed bool
	rows   int
}

// rowEncoder is one format's writer.
type rowEncoder interface {
	head(vars []string) error
	row(vars []string, row []rdf.Term, first bool) error
	end() error
}

// NewWriter starts a results document of format f with the given variables
// (names without '?'). The header is written at once; a write error is
// reported by the first Write or by Close.
func NewWriter(w io.Writer, f Format, vars []string) *Writer {
	wr := &Writer{w: w, f: f, vars: append([]string(nil), vars...)}
	switch f {
	case JSON:
		wr.enc = &jsonEncoder{w: w}
	case XML:
		wr.enc = &xmlEncoder{w: w}
	case CSV:
		wr.enc = newCSVEncoder(w)
	case TSV:
		wr.enc = &tsvEncoder{w: w}
	default:
		wr.err = fmt.Errorf("results: unknown format %d", f)
		return wr
	}
	wr.err = wr.enc.head(wr.vars)
	return wr
}

// Write writes one solution: row[j] is the value of the j-th variable, nil
// for unbound. A shorter row leaves the remaining variables unbound.
func (w *Writer) Write(row []rdf.Term) error {
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return ErrClosed
	}
	if len(row) > len(w.vars) {
		w.err = fmt.Errorf("results: row has %d values for %d variables", len(row), len(w.vars))
		return w.err
	}
	w.err = w.enc.row(w.vars, row, w.rows == 0)
	w.rows++
	return w.err
}

// Close ends the document and returns the first error of the writer's life.
// It does not close the underlying io.Writer.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err == nil {
		w.err = w.enc.end()
	}
	return w.err
}

// WriteBoolean writes the result of an ASK query. CSV and TSV, which have
// no boolean form, give a one-column table: the header AskVar, then true or
// false (see AskVar).
func WriteBoolean(w io.Writer, f Format, b bool) error {
	switch f {
	case JSON:
		_, err := fmt.Fprintf(w, "{\n  \"head\": {},\n  \"boolean\": %t\n}\n", b)
		return err
	case XML:
		_, err := fmt.Fprintf(w, "%s<sparql xmlns=\"%s\">\n  <head/>\n  <boolean>%t</boolean>\n</sparql>\n", xmlHeader, xmlNS, b)
		return err
	case CSV:
		_, err := fmt.Fprintf(w, "%s\r\n%t\r\n", AskVar, b)
		return err
	case TSV:
		_, err := fmt.Fprintf(w, "?%s\n%t\n", AskVar, b)
		return err
	}
	return fmt.Errorf("results: unknown format %d", f)
}

// Read reads a whole results document.
func Read(r io.Reader, f Format) (*Table, error) {
	switch f {
	case JSON:
		return readJSON(r)
	case XML:
		return readXML(r)
	case CSV:
		return askTable(readCSV(r))
	case TSV:
		return askTable(readTSV(r))
	}
	return nil, fmt.Errorf("results: unknown format %d", f)
}

// askTable reads a CSV or TSV table of the one column AskVar and one row
// true or false as the boolean result it stands for.
func askTable(t *Table, err error) (*Table, error) {
	if err != nil || len(t.Vars) != 1 || t.Vars[0] != AskVar || len(t.Rows) != 1 {
		return t, err
	}
	if l, ok := t.Rows[0][0].(rdf.Literal); ok && (l.Lexical == "true" || l.Lexical == "false") {
		b := l.Lexical == "true"
		return &Table{Boolean: &b}, nil
	}
	return t, nil
}
