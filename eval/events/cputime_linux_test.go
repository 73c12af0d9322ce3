//go:build linux

package events

import (
	"runtime"
	"syscall"
	"time"
)

// rusageThread is Linux's RUSAGE_THREAD: the calling thread's usage.
const rusageThread = 1

// threadClock returns a clock of the CPU time the calling goroutine's thread
// has used, and a function that releases the thread. CPU time, unlike wall
// time, does not grow when other processes (go test runs packages in
// parallel) share the cores.
func threadClock() (func() time.Duration, func()) {
	runtime.LockOSThread()
	return func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(rusageThread, &ru); err != nil {
			return 0
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}, runtime.UnlockOSThread
}
