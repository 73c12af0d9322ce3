package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestEvalSyntax_ExtractRunsParser: `eval syntax` scores the extract path
// with the syntax stage in the pipeline (it is not in the default one), as
// extract --with-tokens runs it; without it every extract score is zero.
func TestEvalSyntax_ExtractRunsParser(t *testing.T) {
	p := filepath.Join(t.TempDir(), "tiny.conllu")
	conllu := "# newdoc id = a\n# sent_id = 1\n# text = The talks failed.\n" +
		"1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n" +
		"2\ttalks\ttalk\tNOUN\tNNS\tNumber=Plur\t3\tnsubj\t_\t_\n" +
		"3\tfailed\tfail\tVERB\tVBD\tTense=Past\t0\troot\t_\tSpaceAfter=No\n" +
		"4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
	if err := os.WriteFile(p, []byte(conllu), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "eval", "syntax", "--ud", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	m := regexp.MustCompile(`extract UPOS\s+([0-9.]+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no extract UPOS in:\n%s", out)
	}
	if v, _ := strconv.ParseFloat(m[1], 64); v < 0.5 {
		t.Errorf("extract UPOS %v on a four-word sentence: the extract path ran without the syntax stage\n%s", v, out)
	}
}
