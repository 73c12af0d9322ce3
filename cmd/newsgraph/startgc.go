package main

import (
	"runtime"
	"runtime/debug"
)

// startGCPercent is the GOGC until the first collection: the heap may grow
// to 16 MB (4 MB × 400/100) before it, rather than 4 MB.
const startGCPercent = 400

// startGC defers the first garbage collection and restores the GOGC in
// force (100, or the user's) once it has run. Start-up builds the stages'
// tables, a few MB that are all kept: a collection then frees nothing,
// and in a new process it costs about as much as reading the tables (it
// touches pages no one has yet). A short run (one document) ends before
// any collection; a long one collects as before from its first
// collection on. GOGC=off or a GOGC above 400 is left alone.
func startGC() {
	prev := debug.SetGCPercent(startGCPercent)
	if prev < 0 || prev >= startGCPercent {
		debug.SetGCPercent(prev)
		return
	}
	// The finalizer of an object nothing refers to runs after the first
	// collection (32 bytes: not a tiny allocation, which may share a
	// block with live objects and never be finalized).
	runtime.SetFinalizer(new([32]byte), func(*[32]byte) { debug.SetGCPercent(prev) })
}
