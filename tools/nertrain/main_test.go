package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/ner"
)

const tiny = `-DOCSTART- -X- O O

Amina NNP I-NP I-PER
Odhiambo NNP I-NP I-PER
flew VBD I-VP O
to TO I-PP O
Kisumu NNP I-NP I-LOC
. . O O

Safaricom NNP I-NP I-ORG
shares NNS I-NP O
rose VBD I-VP O
. . O O

-DOCSTART- -X- O O

Kamau NNP I-NP I-PER
left VBD I-VP O
Mombasa NNP I-NP I-LOC
. . O O
`

func TestRun(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "tiny.conll")
	if err := os.WriteFile(data, []byte(tiny), 0o644); err != nil {
		t.Fatal(err)
	}
	clus := filepath.Join(dir, "clusters.txt")
	if err := os.WriteFile(clus, []byte("nairobi\t0101\nkisumu\t0100\nflew\t11\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "m.model")
	var stdout, stderr bytes.Buffer
	args := []string{"-train", data, "-dev", data, "-clusters", clus, "-gazetteer", "none", "-out", out, "-epochs", "3", "-folds", "2"}
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ner.ReadModelBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	got := ner.NewTagger(m).Tag([][]string{{"Kamau", "left", "Mombasa", "."}})
	if len(got) != 1 || len(got[0]) == 0 {
		t.Errorf("trained model tags nothing: %v", got)
	}
	// Deterministic: the same bytes again.
	out2 := filepath.Join(dir, "m2.model")
	args[len(args)-5] = out2
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b2, _ := os.ReadFile(out2)
	if !bytes.Equal(b, b2) {
		t.Error("training is not deterministic")
	}
}

func TestRunUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-nope"}, &stdout, &stderr); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
	if code := run(context.Background(), []string{"-train", filepath.Join(t.TempDir(), "missing")}, &stdout, &stderr); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}
