package counts

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shareddata"
)

// TestSampleCorpus prints 100 random counts from the BBC and Reuters
// corpora for reading by eye. It runs only with NEWSGRAPH_COUNTS_SAMPLE=1
// and the shared data present; NEWSGRAPH_COUNTS_SEED sets the seed (1) and
// NEWSGRAPH_COUNTS_SAMPLE_PATHS (comma-separated) replaces the corpora.
func TestSampleCorpus(t *testing.T) {
	if os.Getenv("NEWSGRAPH_COUNTS_SAMPLE") == "" {
		t.Skip("set NEWSGRAPH_COUNTS_SAMPLE=1 to print a sample")
	}
	bbc := shareddata.Require(t, "corpus/bbc")
	reu := shareddata.Require(t, "corpus/reuters21578")
	seed := os.Getenv("NEWSGRAPH_COUNTS_SEED")
	if seed == "" {
		seed = "1"
	}
	var out, errb bytes.Buffer
	paths := strings.Join([]string{bbc, reu}, ",")
	if p := os.Getenv("NEWSGRAPH_COUNTS_SAMPLE_PATHS"); p != "" {
		paths = p
	}
	code := Main(context.Background(), []string{"--sample", paths, "--n", "100", "--seed", seed}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	t.Log("\n" + out.String())
}
