package main

import (
	"fmt"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// plotBench draws the median wall time of every job and tool against the
// archive's size, on log scales, into a PNG (or SVG, PDF: by extension).
func plotBench(path string, rows []benchRow) error {
	sums := summarize(rows)
	type series struct{ job, tool string }
	pts := map[series]plotter.XYs{}
	var order []series
	for _, s := range sums {
		if !s.ok || s.wall <= 0 || isQueryJob(s.job) {
			continue
		}
		k := series{s.job, s.tool}
		if _, ok := pts[k]; !ok {
			order = append(order, k)
		}
		pts[k] = append(pts[k], plotter.XY{X: float64(s.docs), Y: s.wall.Seconds()})
	}
	if len(order) == 0 {
		return fmt.Errorf("%s: nothing measured to plot", path)
	}
	p := plot.New()
	p.Title.Text = "docgraph bench: median wall time against archive size"
	p.X.Label.Text = "documents"
	p.Y.Label.Text = "seconds"
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.LogTicks{Prec: -1}, plot.LogTicks{Prec: -1}
	p.Legend.Top = true
	p.Legend.Left = true
	var args []any
	for _, k := range order {
		xy := pts[k]
		slices.SortFunc(xy, func(a, b plotter.XY) int {
			switch {
			case a.X < b.X:
				return -1
			case a.X > b.X:
				return 1
			}
			return 0
		})
		args = append(args, k.job+" "+k.tool, xy)
	}
	if err := plotutil.AddLinePoints(p, args...); err != nil {
		return err
	}
	return p.Save(10*vg.Inch, 7*vg.Inch, path)
}
