// Package cputime measures the CPU time of the calling thread, for tests
// and benchmarks that must hold on a machine other processes share.
package cputime

import "time"

// ThreadClock returns a clock of the CPU time the calling goroutine's
// thread has used, and a function that releases the thread. CPU time,
// unlike wall time, does not grow when other processes share the cores.
// Where the thread's CPU time is not available the clock is wall time.
func ThreadClock() (clock func() time.Duration, release func()) { return threadClock() }

// Thread returns the CPU time (user and system) the calling thread has
// used so far, with nanosecond resolution where the system has it
// (Linux's CLOCK_THREAD_CPUTIME_ID). Differences are meaningful only while
// the calling goroutine stays on one thread (runtime.LockOSThread). Where
// the thread's CPU time is not available it returns 0.
func Thread() time.Duration { return thread() }

// Process returns the CPU time (user and system) the process has used so
// far: every thread, the garbage collector's too.
func Process() time.Duration { return process() }

// Bench measures the CPU time of a benchmark's timed loop on the calling
// goroutine's thread: call it where the timer starts and call the function
// it returns after the loop with the number of iterations; it reports
// "cpu-ns/op" beside the benchmark's wall-clock ns/op (which grows when
// other processes share the cores).
func Bench(b interface{ ReportMetric(float64, string) }) (stop func(n int)) {
	clock, release := ThreadClock()
	c0 := clock()
	return func(n int) {
		if n > 0 {
			b.ReportMetric(float64(clock()-c0)/float64(n), "cpu-ns/op")
		}
		release()
	}
}
