package score

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteTable prints the report as an aligned table: one row per field with
// precision, recall and F1 (and the accuracy of single-valued fields), the
// baseline's entity scores beside docgraph's, and the time per document.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	base := r.Baseline != nil
	if base {
		fmt.Fprintln(tw, "field\tP\tR\tF1\taccuracy\tprose P\tprose R\tprose F1\t")
	} else {
		fmt.Fprintln(tw, "field\tP\tR\tF1\taccuracy\t")
	}
	for _, f := range r.Fields {
		acc := ""
		switch f.Name {
		case FieldDate, FieldKind, FieldLanguage:
			acc = fmt.Sprintf("%.3f", f.Accuracy())
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%s\t", f.Name, f.Precision(), f.Recall(), f.F1(), acc)
		if base {
			if f.Name == FieldEntities {
				b := r.Baseline
				fmt.Fprintf(tw, "%.3f\t%.3f\t%.3f\t", b.Precision(), b.Recall(), b.F1())
			} else {
				fmt.Fprint(tw, "\t\t\t")
			}
		}
		fmt.Fprintln(tw)
	}
	if base {
		fmt.Fprintf(tw, "ms/doc\t\t\t%.3f\t\t\t\t%.3f\t\n", r.NsPerDoc/1e6, r.BaselineNsPerDoc/1e6)
	} else {
		fmt.Fprintf(tw, "ms/doc\t\t\t%.3f\t\t\n", r.NsPerDoc/1e6)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Relations) > 0 {
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "claims by relation\tgold\tfound\tP\tR\tF1\t")
		for _, f := range r.Relations {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", f.Name, f.TP+f.FN, f.TP+f.FP, f.Precision(), f.Recall(), f.F1())
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if r.Claims > 0 {
		fmt.Fprintf(w, "claims whose evidence shows both parties: %d of %d (%.0f%%)\n", r.Shown, r.Claims, 100*float64(r.Shown)/float64(r.Claims))
	}
	_, err := fmt.Fprintf(w, "%d documents from %s", r.Docs, r.Dir)
	if base && r.NsPerDoc > 0 {
		fmt.Fprintf(w, "; docgraph is %.0fx faster per document than prose", r.BaselineNsPerDoc/r.NsPerDoc)
	}
	fmt.Fprintln(w)
	for _, e := range r.Failed {
		fmt.Fprintf(w, "failed: %v\n", e)
	}
	return err
}

// WriteMisses prints every miss and false hit, grouped by document.
func (r *Report) WriteMisses(w io.Writer) error {
	last := ""
	for _, m := range r.Misses {
		if m.Doc != last {
			if _, err := fmt.Fprintf(w, "\n%s\n", m.Doc); err != nil {
				return err
			}
			last = m.Doc
		}
		fmt.Fprintf(w, "  %-20s %-6s %s\n", m.Field, m.Kind, m.Item)
		if m.Context != "" {
			fmt.Fprintf(w, "  %-20s        %s\n", "", m.Context)
		}
	}
	return nil
}

// WriteSideBySide prints several reports (say the dev corpus, the project's
// own corpus and its blind third) as one table: a row per field, for each
// report its precision, recall and F1, and the accuracy in place of F1 for
// the single-valued fields (date, kind, language).
func WriteSideBySide(w io.Writer, reps []*Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "field\t")
	for i := range reps {
		fmt.Fprintf(tw, "[%d] P\tR\tF1/acc\t", i+1)
	}
	fmt.Fprintln(tw)
	for _, name := range Fields {
		fmt.Fprintf(tw, "%s\t", name)
		for _, r := range reps {
			f := r.Field(name)
			last := f.F1()
			switch name {
			case FieldDate, FieldKind, FieldLanguage:
				last = f.Accuracy()
			}
			fmt.Fprintf(tw, "%.3f\t%.3f\t%.3f\t", f.Precision(), f.Recall(), last)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprint(tw, "ms/doc\t")
	for _, r := range reps {
		fmt.Fprintf(tw, "\t\t%.3f\t", r.NsPerDoc/1e6)
	}
	fmt.Fprintln(tw)
	if err := tw.Flush(); err != nil {
		return err
	}
	for i, r := range reps {
		if _, err := fmt.Fprintf(w, "[%d] %s: %d documents\n", i+1, r.Dir, r.Docs); err != nil {
			return err
		}
		for _, e := range r.Failed {
			fmt.Fprintf(w, "    failed: %v\n", e)
		}
	}
	return nil
}
