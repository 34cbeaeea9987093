package startgc

import (
	"os"
	"runtime/debug"
	"testing"
)

// The process starts with the relaxed pacing and Restore gives the
// default back, unless GOGC chose for the whole process.
func TestPacing(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set")
	}
	now := debug.SetGCPercent(Percent)
	if now != Percent {
		t.Fatalf("the collector starts at %d%%, want %d%%", now, Percent)
	}
	Restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after Restore the collector is at %d%%, want the default 100%%", got)
	}
	Restore() // a second call changes nothing
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("a second Restore left %d%%", got)
	}
}
