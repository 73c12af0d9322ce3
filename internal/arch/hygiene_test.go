package arch

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/read"
)

// quoteWords is how many consecutive words of a gold story non-test code
// may not repeat.
const quoteWords = 5

// word is one word of a text with the line it is on.
type word struct {
	w    string
	line int
}

// words splits s into lower-case words (runs of letters and digits, inner
// apostrophes kept) with their line numbers.
func words(s string) []word {
	var out []word
	line := 1
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' {
			line++
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				j += n
				continue
			}
			if (r == '\'' || r == '’') && j+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+n:]); unicode.IsLetter(r2) {
					j += n
					continue
				}
			}
			break
		}
		out = append(out, word{strings.ToLower(strings.ReplaceAll(s[i:j], "’", "'")), line})
		i = j
	}
	return out
}

// ngrams returns the quoteWords-word sequences of ws, joined by spaces.
func ngrams(ws []word) []string {
	var out []string
	for i := 0; i+quoteWords <= len(ws); i++ {
		parts := make([]string, quoteWords)
		for k := range parts {
			parts[k] = ws[i+k].w
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out
}

// goldTexts returns every gold story's text by name: the JSON Lines golds
// under testdata/gold (their "text" fields) and, when ../shared is present,
// the published stories real.jsonl refers to by corpus file and id.
func goldTexts(t *testing.T) map[string]string {
	t.Helper()
	root := filepath.Join("..", "..", "testdata", "gold")
	texts := map[string]string{}
	refs := map[string]map[string]string{} // corpus file → id → gold name
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".jsonl") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
		for n := 1; sc.Scan(); n++ {
			var rec struct {
				ID, Text, Title, Corpus string
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				return fmt.Errorf("%s:%d: %w", path, n, err)
			}
			name := fmt.Sprintf("%s:%d (%s)", filepath.ToSlash(strings.TrimPrefix(path, root+string(filepath.Separator))), n, rec.ID)
			switch {
			case rec.Text != "":
				texts[name] = rec.Title + "\n" + rec.Text
			case rec.Corpus != "":
				if refs[rec.Corpus] == nil {
					refs[rec.Corpus] = map[string]string{}
				}
				refs[rec.Corpus][rec.ID] = name
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	for corpus, ids := range refs {
		p := shareddata.Path(corpus)
		if p == "" {
			t.Logf("%s absent: %d gold stories it holds not checked", corpus, len(ids))
			continue
		}
		err := read.Walk(context.Background(), []string{p}, nil, read.Options{}, func(r read.Result) error {
			if r.Err == nil {
				if name, ok := ids[r.Doc.ID]; ok {
					texts[name] = r.Doc.Title + "\n" + r.Doc.Text
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return texts
}

// TestNoGoldQuotedInCode fails when non-test Go code (code and comments)
// or the comments of a data file (word lists, dictionaries: .txt, .tsv,
// .yaml outside testdata; their entries are names and words, such as an
// organisation's full name, that a story may share) repeats quoteWords or more consecutive words of a gold
// story, held-out halves included: a rule
// written around a gold story's own words makes that story measure nothing.
// Describe a pattern in your own words instead.
func TestNoGoldQuotedInCode(t *testing.T) {
	texts := goldTexts(t)
	if len(texts) < 100 {
		t.Fatalf("found %d gold stories, want the all-layer, counts and events golds", len(texts))
	}
	gold := map[string]string{} // n-gram → first story holding it
	var names []string
	for n := range texts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		for _, g := range ngrams(words(texts[n])) {
			if _, ok := gold[g]; !ok {
				gold[g] = n
			}
		}
	}
	root := filepath.Join("..", "..")
	hits := 0
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
		if !codeOrData(path) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(b)
		if !strings.HasSuffix(path, ".go") {
			src = dataComments(src)
		}
		ws := words(src)
		last := -1 // report a run of overlapping hits once
		for i, g := range ngrams(ws) {
			story, ok := gold[g]
			if !ok || i <= last {
				continue
			}
			last = i + quoteWords - 1
			hits++
			rel, _ := filepath.Rel(root, path)
			t.Errorf("%s:%d repeats %d words of gold story %s: %q", filepath.ToSlash(rel), ws[i].line, quoteWords, story, g)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d gold stories, %d distinct %d-word sequences checked; %d hits", len(texts), len(gold), quoteWords, hits)
}

// codeOrData reports whether path is non-test Go source or a data file a
// package embeds.
func codeOrData(path string) bool {
	if strings.HasSuffix(path, ".go") {
		return !strings.HasSuffix(path, "_test.go")
	}
	dir := filepath.ToSlash(filepath.Dir(path))
	if strings.Contains(dir, "/docs") || strings.Contains(dir, "/bench") || strings.Contains(dir, "/examples") {
		return false
	}
	for _, ext := range []string{".txt", ".tsv", ".yaml", ".yml"} {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return false
}

// dataComments blanks every line of a data file but its comments (lines
// that start with "#"), keeping the line count.
func dataComments(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

func TestWords(t *testing.T) {
	got := words("Kenya's army — \"said\" it\n3,200 units")
	want := []word{{"kenya's", 1}, {"army", 1}, {"said", 1}, {"it", 1}, {"3", 2}, {"200", 2}, {"units", 2}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("words = %v, want %v", got, want)
	}
}
