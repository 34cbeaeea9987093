//go:build race

package racetest

// Enabled is true when the test binary was built with -race.
const Enabled = true
