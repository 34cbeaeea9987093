// Package racetest tells tests whether they run under the race detector
// (go test -race), so that a test can keep its checks and take fewer
// inputs there: the detector makes every memory access several times
// slower, and what it looks for (two goroutines touching the same memory
// without order) shows on a few hundred inputs as well as on thousands.
// The plain run (go test ./...) keeps the full sizes. Test-only.
package racetest
