// Command goldspans compiles the phrase-based gold source
// (testdata/gold/all/src/*.txt) into testdata/gold/all/gold.jsonl with code
// point offsets. Run it from the module root:
//
//	go run ./eval/gold/cmd/goldspans
//
// It prints the gold statistics and exits 1 on the first annotation error.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/newsgraph/newsgraph/eval/gold"
)

func main() {
	src := flag.String("src", "testdata/gold/all/src", "directory of gold source files (*.txt)")
	out := flag.String("out", "testdata/gold/all/gold.jsonl", "gold JSONL file to write")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "goldspans:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	stories, err := gold.CompileDir(src)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := gold.Write(&b, stories); err != nil {
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	st := gold.Stats(stories)
	keys := make([]string, 0, len(st))
	for k := range st {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("wrote %s\n", filepath.Clean(out))
	for _, k := range keys {
		fmt.Printf("%-12s %d\n", k, st[k])
	}
	return nil
}
