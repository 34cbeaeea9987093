package results

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// TableOptions tune a TableWriter.
type TableOptions struct {
	// MaxRows is the number of rows shown; further rows are counted but not
	// printed. 0 means DefaultMaxRows; negative means no limit.
	MaxRows int
	// MaxWidth truncates literals wider than this many columns (with "…");
	// IRIs, which identify something, are shown whole. 0 means
	// DefaultMaxWidth; negative means no limit.
	MaxWidth int
	// Base, when set, shortens the IRIs under it to the part after it, in
	// angle brackets (<doc/112100>), and notes the base under the table.
	Base string
}

// Defaults of TableOptions.
const (
	DefaultMaxRows  = 1000
	DefaultMaxWidth = 60
)

// TableWriter prints solutions as an aligned text table for terminals, with
// IRIs in prefixed form where vocab's prefix table covers them
// (dg:opposes), numbers and booleans bare and other literals in Turtle
// syntax. It buffers the shown rows to size the columns and prints them on
// Close, followed by a row count.
type TableWriter struct {
	w     io.Writer
	vars  []string
	opt   TableOptions
	cells [][]string
	total int
	err   error
	done  bool
	based bool // an IRI was shown relative to the base
}

// NewTableWriter returns a table writer for the given variables.
func NewTableWriter(w io.Writer, vars []string, opt TableOptions) *TableWriter {
	if opt.MaxRows == 0 {
		opt.MaxRows = DefaultMaxRows
	}
	if opt.MaxWidth == 0 {
		opt.MaxWidth = DefaultMaxWidth
	}
	return &TableWriter{w: w, vars: append([]string(nil), vars...), opt: opt}
}

// Write adds one solution (nil = unbound).
func (t *TableWriter) Write(row []rdf.Term) error {
	if t.done {
		return ErrClosed
	}
	if len(row) > len(t.vars) {
		return fmt.Errorf("results: row has %d values for %d variables", len(row), len(t.vars))
	}
	t.total++
	if t.opt.MaxRows >= 0 && len(t.cells) >= t.opt.MaxRows {
		return nil
	}
	cells := make([]string, len(t.vars))
	for j := range row {
		switch x := row[j].(type) {
		case nil:
		case rdf.IRI:
			cells[j] = t.iri(x)
		default:
			cells[j] = t.clip(DisplayTerm(x))
		}
	}
	t.cells = append(t.cells, cells)
	return nil
}

// iri shows an IRI whole: prefixed, relative to the base, or in full.
func (t *TableWriter) iri(x rdf.IRI) string {
	if rel, ok := strings.CutPrefix(string(x), t.opt.Base); ok && t.opt.Base != "" && rel != "" && vocab.Compact(x) == "" {
		t.based = true
		return "<" + escapeCells.Replace(rel) + ">"
	}
	return escapeCells.Replace(DisplayTerm(x))
}

var escapeCells = strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`)

func (t *TableWriter) clip(s string) string {
	s = escapeCells.Replace(s)
	if t.opt.MaxWidth < 0 || displayWidth(s) <= t.opt.MaxWidth {
		return s
	}
	var sb strings.Builder
	w := 0
	for _, r := range s {
		rw := runeWidth(r)
		if w+rw > t.opt.MaxWidth-1 {
			break
		}
		sb.WriteRune(r)
		w += rw
	}
	return sb.String() + "…"
}

// Close prints the table and the row count.
func (t *TableWriter) Close() error {
	if t.done {
		return t.err
	}
	t.done = true
	widths := make([]int, len(t.vars))
	for j, v := range t.vars {
		widths[j] = displayWidth(v) + 1
	}
	for _, row := range t.cells {
		for j, c := range row {
			widths[j] = max(widths[j], displayWidth(c))
		}
	}
	var sb strings.Builder
	line := func(cells []string) {
		for j, c := range cells {
			sb.WriteString(c)
			if j < len(cells)-1 {
				sb.WriteString(strings.Repeat(" ", widths[j]-displayWidth(c)+2))
			}
		}
		sb.WriteByte('\n')
	}
	head := make([]string, len(t.vars))
	rule := make([]string, len(t.vars))
	for j, v := range t.vars {
		head[j] = "?" + v
		rule[j] = strings.Repeat("-", widths[j])
	}
	if len(t.vars) > 0 {
		line(head)
		line(rule)
	}
	for _, row := range t.cells {
		line(row)
	}
	if hidden := t.total - len(t.cells); hidden > 0 {
		fmt.Fprintf(&sb, "… %d more %s not shown\n", hidden, plural(hidden, "row", "rows"))
	}
	if t.based {
		fmt.Fprintf(&sb, "(%d %s; <…> relative to %s)\n", t.total, plural(t.total, "row", "rows"), t.opt.Base)
	} else {
		fmt.Fprintf(&sb, "(%d %s)\n", t.total, plural(t.total, "row", "rows"))
	}
	_, t.err = io.WriteString(t.w, sb.String())
	return t.err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// DisplayTerm renders a term for people: prefixed names for IRIs the
// prefix table covers, bare numbers and booleans, "text"@lang, and
// "lexical"^^xsd:type for other literals.
func DisplayTerm(t rdf.Term) string {
	switch x := t.(type) {
	case rdf.IRI:
		if c := vocab.Compact(x); c != "" {
			return c
		}
		return x.String()
	case rdf.Literal:
		if x.Lang == "" {
			switch x.Datatype {
			case xsdNS + "integer", xsdNS + "decimal", xsdNS + "double", xsdNS + "boolean":
				if TSVTerm(x) == x.Lexical {
					return x.Lexical
				}
			}
			if x.Datatype != rdf.XSDString && x.Datatype != "" {
				dt := vocab.Compact(x.Datatype)
				if dt == "" {
					dt = x.Datatype.String()
				}
				return rdf.NewString(x.Lexical).String() + "^^" + dt
			}
		}
		return x.String()
	case nil:
		return ""
	}
	return t.String()
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	if r < utf8.RuneSelf {
		return 1
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
