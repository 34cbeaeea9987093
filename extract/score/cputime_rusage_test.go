//go:build linux || darwin || freebsd || netbsd || openbsd

package score

import "syscall"

// cpuSeconds is the CPU time the process has used (user and system, all
// threads), and whether the system tells it.
func cpuSeconds() (float64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9, true
}
