// Package startgc paces the garbage collector for a short-lived process.
//
// Go starts every program with a heap goal of 4 MB and collects each time
// the heap doubles. docgraph's packages (and those it links: the
// full-text index's automata, the extractors' tables) allocate about 5 MB
// while they initialise, so a one-shot command used to pay for two
// collections before its first line ran, and a few more for a query that
// reads a few thousand terms: a fifth of its processor time. This
// package's init, which Go runs before those of the packages that import
// more (see the spec's package initialisation order), lets the heap grow
// to Percent% of the live heap between collections; commands that run for
// long call Restore when they start. The memory limit main sets still
// bounds the heap, and a GOGC set in the environment is left alone.
package startgc

import (
	"os"
	"runtime/debug"
)

// Percent is the collector's target while the process starts, and for the
// commands that keep it.
const Percent = 400

// prev is the setting before init, or -2 when init changed nothing.
var prev = -2

func init() {
	if os.Getenv("GOGC") == "" {
		prev = debug.SetGCPercent(Percent)
	}
}

// Restore returns the collector to the pacing it had before the process
// started (GOGC's default).
func Restore() {
	if prev != -2 {
		debug.SetGCPercent(prev)
		prev = -2
	}
}
