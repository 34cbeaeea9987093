package main

import (
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/ingest"
)

func newIngestCmd(a *app) *cobra.Command {
	var workers, batch int
	var quiet, incremental bool
	c := &cobra.Command{
		Use:   "ingest FILE|DIR...",
		Short: "Extract documents and write each one's graph to the store",
		Long: `Reads each file, and each folder recursively (files ending .txt, .md,
.markdown or .text; "gold" and hidden folders are skipped), extracts it, and
replaces the document's named graph in the store. A document that cannot be
read is reported with its file and position and changes nothing; the others
still go in, and the exit status is 3.

Into an empty embedded store (a first load), everything read is gathered in
memory, about 16 bytes a statement plus each distinct term once, and the
store's file is written in one pass at the end, then put in place by a
rename: an interrupted first load leaves the store empty. Into any other
store, documents are written in transactions of --batch documents while
the next ones are read; an interruption keeps the batches written, and
every document is whole or absent. --incremental writes a first load that
way too.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			files, walkErrs := ingest.Files(args)
			for _, err := range walkErrs {
				fmt.Fprintln(a.stderr, "docgraph:", err)
			}
			store, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			gz, err := a.gazetteer()
			if err != nil {
				return err
			}
			opt := ingest.Options{Workers: workers, Incremental: incremental, Batch: batch, Gazetteer: gz}
			var bar, wbar *progressbar.ProgressBar
			if a.stderrTTY && !quiet && len(files) > 1 {
				opt.Building = func(done, total int64) {
					if wbar == nil {
						if bar != nil {
							bar.Finish()
						}
						wbar = progressbar.NewOptions64(total,
							progressbar.OptionSetWriter(a.stderr),
							progressbar.OptionSetDescription("writing the store"),
							progressbar.OptionSetPredictTime(true),
							progressbar.OptionClearOnFinish(),
							progressbar.OptionThrottle(100*time.Millisecond))
					}
					if total != wbar.GetMax64() {
						wbar.ChangeMax64(total)
					}
					wbar.Set64(done)
				}
				bar = progressbar.NewOptions(len(files),
					progressbar.OptionSetWriter(a.stderr),
					progressbar.OptionSetDescription("ingest"),
					progressbar.OptionShowCount(),
					progressbar.OptionShowIts(),
					progressbar.OptionSetItsString("docs"),
					progressbar.OptionSetPredictTime(true),
					progressbar.OptionClearOnFinish(),
					progressbar.OptionThrottle(100*time.Millisecond))
				opt.Progress = func(int) { bar.Add(1) }
			}
			start := time.Now()
			rep, err := ingest.Run(ctx, store, files, opt)
			if bar != nil {
				bar.Finish()
			}
			if wbar != nil {
				wbar.Finish()
			}
			for _, e := range rep.Errors {
				fmt.Fprintln(a.stderr, e)
			}
			if !quiet {
				for _, w := range rep.Warnings {
					fmt.Fprintln(a.stderr, "warning:", w.Error())
				}
			}
			if err != nil {
				return err
			}
			el := time.Since(start)
			fmt.Fprintf(a.stdout, "%d documents, %d entities, %d claims, %d warnings",
				rep.Documents, rep.Entities, rep.Claims, len(rep.Warnings))
			if rep.Failed > 0 {
				fmt.Fprintf(a.stdout, ", %d failed", rep.Failed)
			}
			fmt.Fprintf(a.stdout, "; %d quads added, %d removed; %s\n",
				rep.Quads.Added, rep.Quads.Removed, el.Round(time.Millisecond))
			if rep.Failed > 0 || len(walkErrs) > 0 {
				return withCode(exitPartial, fmt.Errorf("%d of %d inputs failed", rep.Failed+len(walkErrs), len(files)+len(walkErrs)))
			}
			return nil
		},
	}
	c.Flags().IntVarP(&workers, "jobs", "j", 0, "parallel extractors (default: one per CPU)")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar and no warnings")
	c.Flags().IntVar(&batch, "batch", 400, "documents per transaction when writing incrementally (a crash loses at most one batch)")
	c.Flags().BoolVar(&incremental, "incremental", false, "write an empty store in batches as documents are read (slower; an interrupted run keeps the batches written) instead of building it in one pass at the end")
	return c
}
