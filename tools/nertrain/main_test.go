package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
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

func TestRun_kfold(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "tiny.conll")
	if err := os.WriteFile(data, []byte(tiny), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := []string{"-train", data, "-dev", data, "-clusters", "none", "-casing", "none", "-gazetteer", "none",
		"-kfold", "2", "-epochs", "2", "-second-epochs", "2", "-folds", "2"}
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"2-fold cross-validation over 4 documents", "fold 1 (2 test documents", "fold 2 (2 test documents",
		"pooled PER+LOC+ORG F1, as written: tagger", "pooled PER+LOC+ORG F1, upper-cased", "pooled PER+LOC+ORG F1, lower-cased"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code := run(context.Background(), []string{"-kfold", "1"}, &stdout, &stderr); code != 2 {
		t.Errorf("-kfold 1: exit %d, want 2", code)
	}
}
