package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestStartGC checks that the start-up GOGC lasts until the first
// collection and that the one in force before it is back after it.
func TestStartGC(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	startGC()
	if got := debug.SetGCPercent(startGCPercent); got != startGCPercent {
		t.Fatalf("GOGC after startGC = %d, want %d", got, startGCPercent)
	}
	runtime.GC()
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC() // the finalizer runs after a collection, on its own goroutine
		got := debug.SetGCPercent(100)
		if got == 100 {
			break
		}
		debug.SetGCPercent(got)
		if time.Now().After(deadline) {
			t.Fatalf("GOGC = %d after collections, want 100 restored", got)
		}
		time.Sleep(10 * time.Millisecond)
	}

	debug.SetGCPercent(-1) // GOGC=off stands
	startGC()
	if got := debug.SetGCPercent(100); got != -1 {
		t.Errorf("GOGC=off: after startGC %d, want -1", got)
	}
}
