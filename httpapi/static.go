package httpapi

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/newsgraph/newsgraph/web"
)

// static serves the dashboard's built assets: index.html at / (never
// cached, so a new build is picked up) and the content-hashed files under
// /assets/ (cached for a year). Anything else is a JSON 404.
func static(assets fs.FS) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name == "" || name == "index.html" {
			b, err := fs.ReadFile(assets, "index.html")
			if err != nil {
				writeError(w, http.StatusNotFound, "the dashboard is not built into this binary; see web/")
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(b)
			return
		}
		if !strings.HasPrefix(name, "assets/") && name != "favicon.svg" {
			writeError(w, http.StatusNotFound, fmt.Sprintf("no route %s %s; see /api/openapi.json", r.Method, r.URL.Path))
			return
		}
		st, err := fs.Stat(assets, name)
		if err != nil || st.IsDir() {
			if err == nil || errors.Is(err, fs.ErrNotExist) {
				writeError(w, http.StatusNotFound, "no such file "+r.URL.Path)
				return
			}
			writeError(w, http.StatusInternalServerError, "cannot read the dashboard's files")
			return
		}
		if strings.HasPrefix(name, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		http.ServeFileFS(w, r, assets, name)
	}
}

// dashboardAssets is the embedded dashboard.
var dashboardAssets = web.Assets()
