package newsgraph_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/stages"
)

// fiveLines is a whole program that uses the library: the five lines of
// main extract a string and print its quotes.
const fiveLines = `package main

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph"
)

func main() {
	x, _ := newsgraph.New()
	r, _ := x.Extract(context.Background(), "\"We cannot keep families apart,\" Ana Ortega told reporters in Madrid.")
	for _, q := range r.Quotes {
		fmt.Println(q.Speaker.Name, "said:", q.Text)
	}
}
`

// TestOutsideModule builds a program outside this module that requires it
// through a replace directive, offline (GOPROXY=off: the module cache
// only), and runs it.
func TestOutsideModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and links a program")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	mod := "module example.com/fivelines\n\ngo 1.26\n\nrequire github.com/newsgraph/newsgraph v0.0.0\n\nreplace github.com/newsgraph/newsgraph => " + root + "\n"
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"go.mod": mod, "go.sum": string(sum), "main.go": fiveLines} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goBin, "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GONOSUMDB=*", "GOSUMDB=off")
	out, err := cmd.CombinedOutput()
	if err != nil && strings.Contains(string(out), "GOPROXY=off") {
		t.Skipf("a module the program needs is not in the module cache (run go mod download): %s", out)
	}
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	if got, want := strings.TrimSpace(string(out)), "Ana Ortega said: We cannot keep families apart,"; got != want {
		t.Errorf("program printed %q, want %q", got, want)
	}
}

// TestNew_Options checks that options reach the stages and that bad ones
// fail New with a message.
func TestNew_Options(t *testing.T) {
	x, err := newsgraph.New(newsgraph.WithoutStages("events", "counts"), newsgraph.WithDemonyms())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(x.Stages(), ","); got != "text,tone,themes,topic,genre,entities,geo,actors,quotes" {
		t.Errorf("stages %s", got)
	}
	y, err := newsgraph.New(newsgraph.WithSyntax())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(y.Stages(), ","); !strings.Contains(got, "text,syntax,") {
		t.Errorf("WithSyntax: stages %s", got)
	}
	r, err := x.Extract(context.Background(), "Turkish troops crossed into Syria.")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Locations) != 2 || r.Locations[0].Text != "Turkish" || len(r.Events) != 0 || r.ID == "" || r.Document == nil {
		t.Errorf("demonym option not applied or events ran: %+v", r.Locations)
	}
	for _, bad := range []newsgraph.Option{
		newsgraph.WithDictionary(filepath.Join(t.TempDir(), "missing.tsv")),
		newsgraph.WithLexicon(filepath.Join(t.TempDir(), "missing.tsv")),
		newsgraph.WithoutStages("actors"),
		newsgraph.WithActors(nil),
		newsgraph.WithConfig(stages.Config{Skip: []string{"nope"}}),
	} {
		if _, err := newsgraph.New(bad); err == nil {
			t.Error("bad option accepted")
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Extract(ctx, "Text."); err == nil {
		t.Error("cancelled context: no error")
	}
}
