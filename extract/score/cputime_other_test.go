//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package score

// cpuSeconds: this system's CPU time is not read; the benchmark reports
// wall-clock rates only.
func cpuSeconds() (float64, bool) { return 0, false }
