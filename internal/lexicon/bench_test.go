package lexicon

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// wordFiles are the stages' word lists, read at every start-up.
var wordFiles = []string{"counts", "quotes", "entities", "events", "geo", "tone"}

// BenchmarkParse_Stages parses the stages' data/words.txt files and reads
// every section as a set or map, as their package variables do at start.
func BenchmarkParse_Stages(b *testing.B) {
	var srcs []string
	for _, p := range wordFiles {
		src, err := os.ReadFile("../../" + p + "/data/words.txt")
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, string(src))
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			l := parse(wordFiles[i], src)
			for name, s := range l.sections {
				if hasValues(s) {
					l.Map(name)
				} else {
					l.Set(name)
				}
			}
			if err := l.Err(); err != nil && !strings.Contains(err.Error(), "is a set") {
				b.Fatal(err)
			}
		}
	}
}

// hasValues reports whether section s's first entry has a value.
func hasValues(s *section) bool {
	for e := range s.entries {
		return e.hasValue
	}
	return false
}

// TestParse_StageFiles: every section of the stages' word lists reads, in
// place, the entries a line-by-line reading of the file finds, in order.
func TestParse_StageFiles(t *testing.T) {
	for _, p := range append(wordFiles, "corpus:objects") {
		file := "../../" + p + "/data/words.txt"
		if pkg, base, ok := strings.Cut(p, ":"); ok {
			file = "../../" + pkg + "/data/" + base + ".txt"
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][][2]string{}
		cur := ""
		for _, line := range strings.Split(string(src), "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "" || line == "#" || strings.HasPrefix(line, "# "):
			case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
				cur = line[1 : len(line)-1]
				want[cur] = [][2]string{}
			default:
				k, v, _ := strings.Cut(line, "\t")
				want[cur] = append(want[cur], [2]string{strings.TrimPrefix(strings.TrimSpace(k), `\`), strings.TrimSpace(v)})
			}
		}
		l := FromString(file, string(src))
		if len(l.sections) != len(want) {
			t.Errorf("%s: %d sections, want %d", file, len(l.sections), len(want))
		}
		for name, w := range want {
			if got := l.Pairs(name); !reflect.DeepEqual(got, w) || l.sections[name].count != len(w) {
				t.Errorf("%s [%s]: %q (count %d), want %q", file, name, got, l.sections[name].count, w)
			}
		}
		if err := l.Err(); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
}
