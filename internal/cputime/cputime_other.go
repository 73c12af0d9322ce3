//go:build !linux

package cputime

import "time"

var start0 = time.Now()

func threadClock() (func() time.Duration, func()) {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }, func() {}
}

func process() time.Duration { return time.Since(start0) }

func thread() time.Duration { return 0 }
