package counts

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"newsgraph/internal/shareddata"
)

// TestSampleCorpus prints 100 random counts from the BBC and Reuters
// corpora (seed 1) for reading by eye. It runs only with
// NEWSGRAPH_COUNTS_SAMPLE=1 and the shared data present.
func TestSampleCorpus(t *testing.T) {
	if os.Getenv("NEWSGRAPH_COUNTS_SAMPLE") == "" {
		t.Skip("set NEWSGRAPH_COUNTS_SAMPLE=1 to print a sample")
	}
	bbc := shareddata.Require(t, "corpus/bbc")
	reu := shareddata.Require(t, "corpus/reuters21578")
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"--sample", strings.Join([]string{bbc, reu}, ","), "--n", "100", "--seed", "1"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	t.Log("\n" + out.String())
}
