// Package arch holds the repository's architecture tests: which package may
// import which.
package arch

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/stages"
)

const module = "github.com/newsgraph/newsgraph"

// pkg is one directory's imports, split by production and test files.
type pkg struct {
	imports, testImports map[string]bool
}

// packages parses the imports of every Go package of the module.
func packages(t *testing.T) map[string]*pkg {
	t.Helper()
	root := filepath.Join("..", "..")
	out := map[string]*pkg{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			if n := e.Name(); path != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		ip := module
		if rel != "." {
			ip += "/" + filepath.ToSlash(rel)
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		p := out[ip]
		if p == nil {
			p = &pkg{imports: map[string]bool{}, testImports: map[string]bool{}}
			out[ip] = p
		}
		for _, im := range f.Imports {
			v, _ := strconv.Unquote(im.Path.Value)
			if !strings.HasPrefix(v, module) {
				continue
			}
			if strings.HasSuffix(path, "_test.go") {
				p.testImports[v] = true
			} else {
				p.imports[v] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// stagePackages returns the packages of the default pipeline's stages.
func stagePackages(t *testing.T) map[string]string {
	t.Helper()
	p, err := stages.Default(stages.Config{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, s := range p.Stages() {
		typ := reflect.TypeOf(s)
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		out[typ.PkgPath()] = s.Name()
	}
	return out
}

// deps returns the module packages ip imports in production code,
// directly or not.
func deps(all map[string]*pkg, ip string) map[string]bool {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(p string) {
		q := all[p]
		if q == nil {
			return
		}
		for d := range q.imports {
			if !seen[d] {
				seen[d] = true
				walk(d)
			}
		}
	}
	walk(ip)
	return seen
}

// TestStagesMeetOnlyInTheDocument checks that no stage package imports,
// directly or through another package, another stage package: stages
// exchange what they know through the Document's layers only.
func TestStagesMeetOnlyInTheDocument(t *testing.T) {
	all := packages(t)
	sp := stagePackages(t)
	if len(sp) < 6 {
		t.Fatalf("found %d stage packages, want the default pipeline's", len(sp))
	}
	var names []string
	for ip := range sp {
		names = append(names, ip)
	}
	sort.Strings(names)
	for _, ip := range names {
		for d := range deps(all, ip) {
			if other, ok := sp[d]; ok && d != ip {
				t.Errorf("stage package %s (stage %q) imports stage package %s (stage %q)", ip, sp[ip], d, other)
			}
		}
	}
}

// TestEvaluationStaysInEval checks that only eval/, cmd/ and tools/ import
// the evaluation packages (tests included): production packages carry no
// evaluation code and no test stories.
func TestEvaluationStaysInEval(t *testing.T) {
	for ip, p := range packages(t) {
		rel := strings.TrimPrefix(strings.TrimPrefix(ip, module), "/")
		if rel == "eval" || strings.HasPrefix(rel, "eval/") || strings.HasPrefix(rel, "cmd/") || strings.HasPrefix(rel, "tools/") {
			continue
		}
		for _, set := range []map[string]bool{p.imports, p.testImports} {
			for d := range set {
				if d == module+"/eval" || strings.HasPrefix(d, module+"/eval/") {
					t.Errorf("%s imports %s", ip, d)
				}
			}
		}
	}
}

// TestArchFilesExist guards the walk itself: it must see the stage packages.
func TestArchFilesExist(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "..", "go.mod")); err != nil {
		t.Fatal(err)
	}
	all := packages(t)
	for ip := range stagePackages(t) {
		if all[ip] == nil {
			t.Errorf("stage package %s not found by the walk", ip)
		}
	}
}
