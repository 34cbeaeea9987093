package racetest

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestEnabledMatchesBuild compares Enabled with the -race setting the
// binary was built with, as the Go toolchain records it.
func TestEnabledMatchesBuild(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build information in this binary")
	}
	race := false
	for _, s := range info.Settings {
		if s.Key == "-race" {
			race = s.Value == "true"
		}
	}
	if race != Enabled {
		t.Errorf("Enabled = %v in a binary built with -race=%v (%s)", Enabled, race, os.Args[0])
	}
}
