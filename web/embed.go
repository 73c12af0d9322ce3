// Package web holds newsgraph's dashboard, the analyst's workbench: its
// TypeScript sources (src/, built with Vite) and the built assets in dist/,
// which are committed and embedded so that `newsgraph serve` needs no
// network and no Node.js. Rebuild them with `npm ci && npm run build` in this
// folder; CI rebuilds them and fails when they differ from the committed ones.
package web

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// Assets returns the built dashboard: index.html at the root and its
// scripts, styles and data under assets/.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // "dist" is a valid path, and embedded
	}
	return sub
}
