package syntax

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shareddata"
	model "github.com/newsgraph/newsgraph/syntax"
)

// Floors on EWT test (never trained or tuned on): the model must not fall
// below them. The model's scores are in docs/benchmarks.md.
const (
	floorUPOS = 0.92
	floorUAS  = 0.78
	floorLAS  = 0.73
)

func TestEWTTest_Floor(t *testing.T) {
	if testing.Short() {
		t.Skip("parses the whole EWT test split")
	}
	p := shareddata.Require(t, "syntax/ud/en_ewt-ud-test.conllu")
	m, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := EvaluateSentences(context.Background(), p, m)
	if err != nil {
		t.Fatal(err)
	}
	upos, uas, las := frac(s.UPOS, s.Words), frac(s.UAS, s.Words), frac(s.LAS, s.Words)
	t.Logf("EWT test: %d words, UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f, %.0f tokens/s",
		s.Words, upos, frac(s.XPOS, s.Words), frac(s.Lemma, s.Words), uas, las, float64(s.Tokens)/s.Elapsed.Seconds())
	if upos < floorUPOS || uas < floorUAS || las < floorLAS {
		t.Errorf("below the floor (UPOS %.2f, UAS %.2f, LAS %.2f)", floorUPOS, floorUAS, floorLAS)
	}
}

// TestMapBack checks how an analysis of text-stage tokens goes back to UD
// words: a token covering "cease - fire" gives its analysis to "fire", the
// hyphen and "cease" attach to it.
func TestMapBack(t *testing.T) {
	words := []model.Word{
		{Form: "The", Head: 4}, {Form: "cease", Head: 4}, {Form: "-", Head: 4}, {Form: "fire", Head: 5}, {Form: "held", Head: 0},
	}
	spans := [][2]int{{0, 3}, {4, 9}, {9, 10}, {10, 14}, {15, 19}}
	toks := []tokAnalysis{
		{span: [2]int{0, 3}, upos: "DET", xpos: "DT", lemma: "the", dep: "det", head: 1},
		{span: [2]int{4, 14}, upos: "NOUN", xpos: "NN", lemma: "cease-fire", dep: "nsubj", head: 2},
		{span: [2]int{15, 19}, upos: "VERB", xpos: "VBD", lemma: "hold", dep: "root", head: -1},
	}
	got := mapBack(words, spans, toks)
	want := []pred{
		{upos: "DET", xpos: "DT", lemma: "the", dep: "det", head: 4},
		{upos: "NOUN", xpos: "NN", lemma: "cease", dep: "compound", head: 4},
		{upos: "PUNCT", xpos: "HYPH", lemma: "-", dep: "punct", head: 4},
		{upos: "NOUN", xpos: "NN", lemma: "cease-fire", dep: "nsubj", head: 5},
		{upos: "VERB", xpos: "VBD", lemma: "hold", dep: "root", head: 0},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestMain_File(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "tiny.conllu")
	conllu := "# newdoc id = a\n# sent_id = 1\n# text = Talks failed.\n" +
		"1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n" +
		"2\tfailed\tfail\tVERB\tVBD\tTense=Past\t0\troot\t_\tSpaceAfter=No\n" +
		"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	if err := os.WriteFile(p, []byte(conllu), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := MainWith(context.Background(), []string{"--ud", p}, &out, &errb, nil); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, w := range []string{"UPOS", "UAS", "LAS", "lemma"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("report lacks %s:\n%s", w, out.String())
		}
	}
	if code := MainWith(context.Background(), []string{"--ud", filepath.Join(dir, "missing.conllu")}, &out, &errb, nil); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	bad := filepath.Join(dir, "bad.conllu")
	os.WriteFile(bad, []byte("1\tx\n"), 0o644)
	if code := MainWith(context.Background(), []string{"--ud", bad}, &out, &errb, nil); code != 1 {
		t.Errorf("bad file: exit %d", code)
	}
}
