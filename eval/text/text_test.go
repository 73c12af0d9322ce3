package text

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shareddata"
)

const conllSample = `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
call NN I-NP O

BRUSSELS NNP I-NP I-LOC
1996-08-22 CD I-NP O

The DT I-NP O
U.S. NNP I-NP I-LOC
did VBD I-VP O
n't RB I-ADVP O
agree VB I-VP O
. . O O

Talks NNS I-NP O
failed VBD I-VP O
. . O O
`

func TestEvalCoNLL_Sample(t *testing.T) {
	rep, err := EvalCoNLL(context.Background(), strings.NewReader(conllSample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	tok, _ := rep.Score("tokens")
	if tok.TP != 14 || tok.FP != 0 || tok.FN != 0 {
		t.Errorf("tokens %+v, want 14/0/0", tok)
	}
	sb, _ := rep.Score("sentence boundaries")
	if sb.TP != 4 || sb.FP != 0 || sb.FN != 0 {
		t.Errorf("sentence boundaries %+v, want 4/0/0", sb)
	}
	if _, err := EvalCoNLL(context.Background(), strings.NewReader(""), "empty"); err == nil {
		t.Error("empty input: want an error")
	}
}

func TestMain_Usage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"-format", "xml", "-data", "/nonexistent"}, &out, &errb); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
	if code := Main(context.Background(), []string{"-bogus"}, &out, &errb); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
	if code := Main(context.Background(), []string{"extra"}, &out, &errb); code != 2 {
		t.Errorf("extra argument: exit %d, want 2", code)
	}
}

func TestMain_Testa(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	shareddata.Require(t, DefaultEvalData)
	var out, errb bytes.Buffer
	if code := Main(context.Background(), nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	t.Log("\n" + out.String())
	rep, err := Report(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := rep.Score("tokens"); r.F1 < 0.97 {
		t.Errorf("token F1 %.4f below 0.97", r.F1)
	}
	if r, _ := rep.Score("sentence boundaries"); r.F1 < 0.90 {
		t.Errorf("sentence boundary F1 %.4f below 0.90", r.F1)
	}
}
