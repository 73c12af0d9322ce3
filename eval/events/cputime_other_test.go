//go:build !linux

package events

import "time"

// threadClock falls back to wall-clock time where the thread's CPU time is
// not available.
func threadClock() (func() time.Duration, func()) {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }, func() {}
}
