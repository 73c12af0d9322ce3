package geo

import (
	_ "embed"
	"strings"
	"sync"
)

//go:generate go run ./internal/gencommon -data ../../shared/data -out common.txt

//go:embed common.txt
var commonTxt string

var (
	commonOnce sync.Once
	commonSet  map[string]bool
)

// common reports whether lower-case word w is an ordinary English word that
// is also a place name (see common.txt).
func common(w string) bool {
	commonOnce.Do(func() {
		commonSet = map[string]bool{}
		for _, l := range strings.Split(commonTxt, "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				commonSet[l] = true
			}
		}
	})
	return commonSet[w]
}
