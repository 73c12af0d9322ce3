package events

// ResolveActorsForTest exposes resolveActors to the external debug test.
var ResolveActorsForTest = resolveActors
