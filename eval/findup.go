package eval

import (
	"os"
	"path/filepath"
)

// FindUp returns the path of rel (a path relative to the module root, such
// as a gold file under testdata) found by walking up from the working
// directory, stopping at the module root (the first directory with a
// go.mod). It returns "" when rel is not found.
func FindUp(rel string) string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil || filepath.Dir(dir) == dir {
			return ""
		}
	}
}
