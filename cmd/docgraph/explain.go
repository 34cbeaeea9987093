package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/extract"
)

func newExplainCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "explain FILE",
		Short: "Show what the extractor finds in a document, marked in its text",
		Long: `Read one document, extract it (no store is needed) and print its metadata and
every version of its text with each entity mention and each claim marked
where it stands: [text]{Class: Name} for a mention, and after a claim's
evidence sentence «claim N: subject relation object (confidence, said by)».
On a terminal the marks are coloured instead.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			gz, err := a.gazetteer()
			if err != nil {
				return err
			}
			r, err := extract.Extract(args[0], data, extract.Options{Gazetteer: gz})
			if err != nil {
				return err
			}
			for _, w := range r.Warnings {
				fmt.Fprintln(a.stderr, "warning:", w.Error())
			}
			return explain(a.stdout, r, a.stdoutTTY)
		},
	}
}

// ANSI styles per class; plain output uses brackets only.
var classColour = map[string]string{
	"Person": "36", "Organization": "33", "Country": "32", "Place": "34", "Event": "35", "Proposal": "31",
}

func names(refs []extract.EntityRef) string {
	var s []string
	for _, r := range refs {
		s = append(s, r.Name)
	}
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, ", ")
}

func explain(w io.Writer, r *extract.Result, tty bool) error {
	bold := func(s string) string {
		if tty {
			return "\x1b[1m" + s + "\x1b[0m"
		}
		return s
	}
	fmt.Fprintln(w, bold(r.File))
	fmt.Fprintf(w, "  title:      %s\n", r.Title)
	fmt.Fprintf(w, "  date:       %s   kind: %s   language: %s   layout: %s\n", orDash(r.Date), orDash(r.Kind), orDash(r.Language), r.Layout)
	fmt.Fprintf(w, "  authors:    %s\n  recipients: %s\n  via:        %s\n", names(r.Authors), names(r.Recipients), names(r.Via))
	for _, al := range r.Aliases {
		fmt.Fprintf(w, "  alias:      %s = %s\n", al.Alias, al.Of.Name)
	}
	for _, e := range r.Entities {
		switch {
		case e.Linked && e.LinkMethod != "":
			wd := ""
			if e.Wikidata != "" {
				wd = " (" + e.Wikidata + ")"
			}
			fmt.Fprintf(w, "  link:       %s%s by %s\n", e.Name, wd, e.LinkMethod)
		case e.Blocked != "":
			fmt.Fprintf(w, "  not linked: %s (given name or initials contradict %s)\n", e.Name, e.Blocked)
		}
	}
	for _, ar := range r.ArchivalRef {
		fmt.Fprintf(w, "  archive:    %s\n", describeArchival(ar))
	}
	for _, p := range r.Publications {
		fmt.Fprintf(w, "  published:  %s\n", strings.TrimSuffix(p.Title+", "+p.Reference, ", "))
	}

	// mentions and claims per version
	type span struct {
		start, end int
		label      string
		class      string
	}
	ments := make([][]span, len(r.Versions))
	// points of a proposal are long; they are tagged where they begin
	parts := make([][]span, len(r.Versions))
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if m.Version < 0 || m.Version >= len(r.Versions) {
				continue
			}
			if e.PartOf != nil {
				parts[m.Version] = append(parts[m.Version], span{m.Start, m.End, e.Name, e.Class})
				continue
			}
			ments[m.Version] = append(ments[m.Version], span{m.Start, m.End, e.Name, e.Class})
		}
	}
	type note struct {
		end  int
		text string
	}
	notes := make([][]note, len(r.Versions))
	for i, c := range r.Claims {
		v := c.Span.Version
		if v < 0 || v >= len(r.Versions) {
			continue
		}
		by := c.Attributed.Name
		if by == "" {
			by = "?"
		}
		notes[v] = append(notes[v], note{c.Span.End, fmt.Sprintf("«claim %d: %s %s %s (%.2f, said by %s)»",
			i+1, c.Subject.Name, c.Relation, c.Object.Name, c.Confidence, by)})
	}
	for vi, v := range r.Versions {
		fmt.Fprintf(w, "\n%s\n", bold(fmt.Sprintf("== version %d: %s (%s), line %d ==", vi+1, v.Role, v.Lang, v.Line)))
		rs := []rune(v.Text)
		ms := ments[vi]
		sort.Slice(ms, func(i, j int) bool {
			if ms[i].start != ms[j].start {
				return ms[i].start < ms[j].start
			}
			return ms[i].end > ms[j].end
		})
		ns := notes[vi]
		sort.SliceStable(ns, func(i, j int) bool { return ns[i].end < ns[j].end })
		ps := parts[vi]
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].start < ps[j].start })
		var b strings.Builder
		pos, mi, ni, pi := 0, 0, 0, 0
		flushNotes := func(upto int) {
			for ni < len(ns) && ns[ni].end <= upto {
				if tty {
					b.WriteString(" \x1b[1;7m" + ns[ni].text + "\x1b[0m")
				} else {
					b.WriteString(" " + ns[ni].text)
				}
				ni++
			}
		}
		for pos < len(rs) {
			// skip mentions nested in, or overlapping, one already shown
			for mi < len(ms) && ms[mi].start < pos {
				mi++
			}
			next := len(rs)
			if mi < len(ms) {
				next = ms[mi].start
			}
			if ni < len(ns) && ns[ni].end < next {
				next = ns[ni].end
			}
			if pi < len(ps) && ps[pi].start < next {
				next = max(ps[pi].start, pos)
			}
			if next > pos {
				b.WriteString(string(rs[pos:next]))
				pos = next
			}
			flushNotes(pos)
			for pi < len(ps) && ps[pi].start <= pos {
				tag := "{" + ps[pi].label + "} "
				if tty {
					tag = "\x1b[2;31m" + tag + "\x1b[0m"
				}
				b.WriteString(tag)
				pi++
			}
			if mi < len(ms) && ms[mi].start == pos {
				m := ms[mi]
				end := min(m.end, len(rs))
				text := string(rs[m.start:end])
				label := m.class
				if !strings.EqualFold(text, m.label) {
					label += ": " + m.label
				}
				if tty {
					col := classColour[m.class]
					if col == "" {
						col = "37"
					}
					b.WriteString("\x1b[" + col + "m" + text + "\x1b[2m{" + label + "}\x1b[0m")
				} else {
					b.WriteString("[" + text + "]{" + label + "}")
				}
				// notes ending inside the mention come after it
				pos = end
				mi++
				flushNotes(pos)
			}
		}
		flushNotes(len(rs) + 1)
		fmt.Fprintln(w, b.String())
	}
	if len(r.Claims) > 0 {
		fmt.Fprintf(w, "\n%s\n", bold("== claims =="))
		for i, c := range r.Claims {
			fmt.Fprintf(w, "%3d  %s %s %s  (%.2f, said by %s)\n", i+1, c.Subject.Name, c.Relation, c.Object.Name, c.Confidence, orDash(c.Attributed.Name))
		}
	}
	return nil
}

func describeArchival(a extract.ArchivalRef) string {
	parts := []string{a.Archive}
	for _, kv := range [][2]string{{"f.", a.Fond}, {"op.", a.Opis}, {"d.", a.Delo}, {"p.", a.Papka}, {"ll.", a.Folios}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+" "+kv[1])
		}
	}
	if a.Reference != "" {
		parts = append(parts, a.Reference)
	}
	return strings.Join(parts, ", ")
}
