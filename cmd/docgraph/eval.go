package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/extract/score"
)

// evalField is one row of `docgraph eval --json`.
type evalField struct {
	Field     string   `json:"field"`
	TP        int      `json:"tp"`
	FP        int      `json:"fp"`
	FN        int      `json:"fn"`
	Precision float64  `json:"precision"`
	Recall    float64  `json:"recall"`
	F1        float64  `json:"f1"`
	Accuracy  *float64 `json:"accuracy,omitempty"`
}

type evalJSON struct {
	Dir              string       `json:"dir"`
	Documents        int          `json:"documents"`
	Fields           []evalField  `json:"fields"`
	MsPerDoc         float64      `json:"ms_per_doc"`
	Baseline         *evalField   `json:"baseline_entities,omitempty"`
	BaselineMsPerDoc float64      `json:"baseline_ms_per_doc,omitempty"`
	Misses           []score.Miss `json:"misses,omitempty"`
	Failed           []string     `json:"failed,omitempty"`
}

func jsonField(f score.Field) evalField {
	e := evalField{Field: f.Name, TP: f.TP, FP: f.FP, FN: f.FN, Precision: f.Precision(), Recall: f.Recall(), F1: f.F1()}
	switch f.Name {
	case score.FieldDate, score.FieldKind, score.FieldLanguage:
		acc := f.Accuracy()
		e.Accuracy = &acc
	}
	return e
}

func newEvalCmd(a *app) *cobra.Command {
	var verbose, baseline, asJSON bool
	var minTime time.Duration
	c := &cobra.Command{
		Use:   "eval DIR",
		Short: "Score the extraction against the gold annotations in DIR/gold",
		Long: `Extract every document DIR/gold/*.json annotates and print, per field (date, kind,
language, authors, recipients, via, aliases, archival references, entities,
claims), precision, recall and F1 micro-averaged over the documents, with the
prose named-entity recogniser's entity scores and the time per document of
both. --verbose lists every miss and false hit with the text around it.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if fi, err := os.Stat(dir); err != nil {
				return withCode(exitUsage, err)
			} else if !fi.IsDir() {
				return withCode(exitUsage, fmt.Errorf("%s: not a folder", dir))
			}
			gz, err := a.gazetteer()
			if err != nil {
				return err
			}
			rep, err := score.Run(dir, score.Options{Baseline: baseline, Verbose: verbose, MinTime: minTime, Gazetteer: gz})
			if err != nil {
				return err
			}
			if asJSON {
				out := evalJSON{Dir: rep.Dir, Documents: rep.Docs, MsPerDoc: rep.NsPerDoc / 1e6, Misses: rep.Misses}
				for _, f := range rep.Fields {
					out.Fields = append(out.Fields, jsonField(f))
				}
				if rep.Baseline != nil {
					b := jsonField(*rep.Baseline)
					b.Field = "entities"
					out.Baseline, out.BaselineMsPerDoc = &b, rep.BaselineNsPerDoc/1e6
				}
				for _, e := range rep.Failed {
					out.Failed = append(out.Failed, e.Error())
				}
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			if err := rep.WriteTable(a.stdout); err != nil {
				return err
			}
			if verbose {
				return rep.WriteMisses(a.stdout)
			}
			return nil
		},
	}
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every miss and false hit with its document and surrounding text")
	c.Flags().BoolVar(&baseline, "baseline", true, "also score the prose named-entity recogniser's entities")
	c.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	c.Flags().DurationVar(&minTime, "min-time", 200*time.Millisecond, "repeat the timed passes at least this long, for steadier times")
	return c
}
