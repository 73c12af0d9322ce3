package geo

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestMainEnv runs Main with the arguments in GEO_ARGS (space-separated).
func TestMainEnv(t *testing.T) {
	a := os.Getenv("GEO_ARGS")
	if a == "" {
		t.Skip("set GEO_ARGS to run Main")
	}
	if code := Main(context.Background(), strings.Fields(a), os.Stdout, os.Stderr); code != 0 {
		t.Fatalf("exit %d", code)
	}
}
