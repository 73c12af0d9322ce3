package events

// ResolveActorsForTest exposes resolveActors to TestDebug (debug_test.go).
var ResolveActorsForTest = resolveActors
