// Package counts evaluates the counts stage against a gold file of
// hand-annotated stories (newsgraph eval counts --gold FILE [--json]).
//
// The gold file is JSONL, one story per line:
//
//	{"id": "flood-sindh", "text": "...",
//	 "counts": [{"start": 52, "end": 64, "text": "at least 140", "value": 140,
//	             "object": "people", "category": "KILL", "qualifier": "at least",
//	             "percent": false, "approx": false, "unit": "", "currency": "",
//	             "upper": 15, "attributed_to": "..."}],
//	 "traps":  [{"start": 10, "end": 14, "text": "2010", "kind": "year"}]}
//
// start and end are Unicode code point offsets into text (half-open);
// object is the counted noun phrase as Count.Object writes it: the head
// of what is counted ("schools", "apartment blocks"), for a percentage the
// whole it is a share of or the quantity that changed ("electricity grid",
// "inflation"), for money what it pays for or measures ("aid", "ransom",
// "spending"), an elided noun's antecedent ("wounding 8 villagers and
// killing 3": villagers), "" when the text names none. It is compared by
// Head. category is "" or a category name. The same convention holds in
// testdata/gold/all (eval/gold), whose counts this loader also reads. traps are numbers that must not be reported (kind: year, date, time,
// age, duration, ordinal, phone, law, score, model, measure, modifier).
//
// Scores (one-to-one greedy matching per story):
//   - value+object: a prediction matches a gold count when their spans
//     overlap, the values are equal (relative tolerance 0.1%) and the
//     object heads are equal (last word, lower case, plural "s" removed);
//   - value+object+category: the same and equal categories;
//   - value: spans overlap and values are equal.
//
// Metrics: predictions overlapping a trap, in total and for years and ages.
package counts

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/counts"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/genre"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/quotes"
	"github.com/newsgraph/newsgraph/text"
)

// GoldCount is one annotated figure of a gold story.
type GoldCount struct {
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Text         string   `json:"text"`
	Value        float64  `json:"value"`
	Upper        *float64 `json:"upper,omitempty"`
	Object       string   `json:"object"`
	Category     string   `json:"category"`
	Qualifier    string   `json:"qualifier,omitempty"`
	Percent      bool     `json:"percent,omitempty"`
	Approx       bool     `json:"approx,omitempty"`
	Unit         string   `json:"unit,omitempty"`
	Currency     string   `json:"currency,omitempty"`
	AttributedTo string   `json:"attributed_to,omitempty"`
}

// Trap is a number in a gold story that is not a count.
type Trap struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind"`
}

// Story is one gold story.
type Story struct {
	ID     string      `json:"id"`
	Text   string      `json:"text"`
	Counts []GoldCount `json:"counts"`
	Traps  []Trap      `json:"traps"`
}

// LoadGold reads a gold JSONL file and checks every span against its text.
func LoadGold(path string) ([]Story, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval counts: %w", err)
	}
	defer f.Close()
	var out []Story
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var s Story
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("eval counts: %s:%d: %w", path, line, err)
		}
		rs := []rune(s.Text)
		check := func(a, b int, want string) error {
			if a < 0 || b > len(rs) || a > b || string(rs[a:b]) != want {
				return fmt.Errorf("eval counts: %s:%d: span [%d,%d) does not hold %q", path, line, a, b, want)
			}
			return nil
		}
		for _, c := range s.Counts {
			if err := check(c.Start, c.End, c.Text); err != nil {
				return nil, err
			}
		}
		for _, t := range s.Traps {
			if err := check(t.Start, t.End, t.Text); err != nil {
				return nil, err
			}
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval counts: %s: %w", path, err)
	}
	return out, nil
}

// Phrase returns the comparison key of a whole object phrase: lower case,
// one space between words.
func Phrase(obj string) string { return strings.Join(strings.Fields(strings.ToLower(obj)), " ") }

// Head returns the comparison key of an object: its last word, lower case,
// with a plural ending removed ("apartment blocks" → "block").
func Head(obj string) string {
	f := strings.Fields(strings.ToLower(obj))
	if len(f) == 0 {
		return ""
	}
	w := f[len(f)-1]
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-3*math.Max(math.Abs(a), math.Abs(b))
}

// Result is the outcome of evaluating one story.
type Result struct {
	ID                         string
	ValueObject, WithCategory  eval.Score
	Value                      eval.Score
	Phrase                     eval.Score // value and the whole object phrase
	PhraseMissed               []string
	TrapHits                   []string // "kind: text" for each prediction on a trap
	Missed, Spurious, WrongCat []string
}

// Evaluate runs process over every gold story in path and scores the
// counts layer. process must fill d.Counts (and what the counts stage
// requires); nil means DefaultProcess.
func Evaluate(ctx context.Context, path string, process func(context.Context, *document.Document) error) (*eval.Report, error) {
	rep, _, err := EvaluateDetail(ctx, path, process)
	return rep, err
}

// EvaluateDetail is Evaluate that also returns the per-story results.
func EvaluateDetail(ctx context.Context, path string, process func(context.Context, *document.Document) error) (*eval.Report, []Result, error) {
	if process == nil {
		process = DefaultProcess
	}
	stories, err := LoadGold(path)
	if err != nil {
		return nil, nil, err
	}
	var vo, voc, v, ph eval.Score
	var results []Result
	traps := map[string]int{}
	nGold := 0
	for _, s := range stories {
		d := document.New(s.ID, s.Text)
		if err := process(ctx, d); err != nil {
			return nil, nil, fmt.Errorf("eval counts: story %s: %w", s.ID, err)
		}
		r := score(d, s)
		vo.Add(r.ValueObject)
		voc.Add(r.WithCategory)
		v.Add(r.Value)
		ph.Add(r.Phrase)
		for _, h := range r.TrapHits {
			traps[h[:strings.IndexByte(h, ':')]]++
		}
		nGold += len(s.Counts)
		results = append(results, r)
	}
	rep := &eval.Report{Layer: "counts", Data: fmt.Sprintf("%s (%d stories, %d gold figures)", path, len(stories), nGold)}
	rep.AddScore("value+object", vo)
	rep.AddScore("value+object+category", voc)
	rep.AddScore("value", v)
	rep.AddScore("value+object phrase", ph)
	total := 0
	kinds := make([]string, 0, len(traps))
	for k, n := range traps {
		total += n
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	rep.AddMetric("trap numbers reported", float64(total), "")
	rep.AddMetric("years or ages reported", float64(traps["year"]+traps["age"]), "")
	for _, k := range kinds {
		rep.Notes = append(rep.Notes, fmt.Sprintf("trap %s reported %d times", k, traps[k]))
	}
	return rep, results, nil
}

// score matches one story's predictions against its gold.
func score(d *document.Document, s Story) Result {
	ix := d.Index()
	type pred struct {
		c         document.Count
		a, b      int // code points
		usedVO    bool
		usedVOC   bool
		usedV     bool
		usedPh    bool
		head, cat string
		value     float64
		text      string
	}
	ps := make([]*pred, len(d.Counts))
	for i, c := range d.Counts {
		a, b := ix.Runes(c.Span)
		ps[i] = &pred{c: c, a: a, b: b, head: Head(c.Object), cat: c.Category, value: c.Value, text: d.Slice(c.Span)}
	}
	r := Result{ID: s.ID}
	overlap := func(p *pred, a, b int) bool { return p.a < b && a < p.b }
	for _, g := range s.Counts {
		gh := Head(g.Object)
		var hitVO, hitVOC, hitV, hitPh bool
		for _, p := range ps {
			if !overlap(p, g.Start, g.End) || !sameValue(p.value, g.Value) {
				continue
			}
			if !hitV && !p.usedV {
				p.usedV, hitV = true, true
			}
			if p.head != gh {
				continue
			}
			if !hitVO && !p.usedVO {
				p.usedVO, hitVO = true, true
			}
			if !hitPh && !p.usedPh && Phrase(p.c.Object) == Phrase(g.Object) {
				p.usedPh, hitPh = true, true
			}
			if !hitVOC && !p.usedVOC && p.cat == g.Category {
				p.usedVOC, hitVOC = true, true
			}
		}
		count := func(sc *eval.Score, hit bool) {
			if hit {
				sc.TP++
			} else {
				sc.FN++
			}
		}
		count(&r.ValueObject, hitVO)
		count(&r.WithCategory, hitVOC)
		count(&r.Value, hitV)
		count(&r.Phrase, hitPh)
		if hitVO && !hitPh {
			r.PhraseMissed = append(r.PhraseMissed, fmt.Sprintf("%s: %q object=%q", s.ID, g.Text, g.Object))
		}
		if !hitVO {
			r.Missed = append(r.Missed, fmt.Sprintf("%s: %q value=%v object=%q category=%q", s.ID, g.Text, g.Value, g.Object, g.Category))
		} else if !hitVOC {
			r.WrongCat = append(r.WrongCat, fmt.Sprintf("%s: %q object=%q want category %q", s.ID, g.Text, g.Object, g.Category))
		}
	}
	for _, p := range ps {
		if !p.usedVO {
			r.ValueObject.FP++
			r.Spurious = append(r.Spurious, fmt.Sprintf("%s: %q value=%v object=%q category=%q", s.ID, p.text, p.value, p.c.Object, p.cat))
		}
		if !p.usedVOC {
			r.WithCategory.FP++
		}
		if !p.usedV {
			r.Value.FP++
		}
		if !p.usedPh {
			r.Phrase.FP++
		}
		for _, t := range s.Traps {
			if overlap(p, t.Start, t.End) {
				r.TrapHits = append(r.TrapHits, fmt.Sprintf("%s: %s %q", t.Kind, s.ID, p.text))
				break
			}
		}
	}
	return r
}

// Main runs `newsgraph eval counts --gold FILE [--json] [-v]` (or
// `--sample PATHS [--n N] [--seed S]` to print random extracted counts for
// reading by eye) with
// DefaultProcess. It returns 0 on success, 1 on failure and 2 on a usage
// error.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return MainWith(ctx, args, stdout, stderr, nil)
}

// MainWith is Main with the document processor to evaluate; nil means
// DefaultProcess.
func MainWith(ctx context.Context, args []string, stdout, stderr io.Writer, process func(context.Context, *document.Document) error) int {
	fs := flag.NewFlagSet("eval counts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "testdata/gold/counts/gold.jsonl", "gold JSONL file")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	verbose := fs.Bool("v", false, "list missed, spurious and wrongly categorised figures")
	sample := fs.String("sample", "", "instead of scoring, print random counts extracted from these comma-separated corpus paths")
	n := fs.Int("n", 100, "with --sample: how many counts to print")
	seed := fs.Uint64("seed", 1, "with --sample: random seed")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *sample != "" {
		ss, docs, total, err := SampleCorpus(ctx, strings.Split(*sample, ","), *n, *seed, process)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "%d documents, %d counts, %d sampled (seed %d)\n", docs, total, len(ss), *seed)
		if err := WriteSamples(stdout, ss); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	if *gold == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: newsgraph eval counts --gold FILE [--json] [-v]")
		return 2
	}
	rep, results, err := EvaluateDetail(ctx, *gold, process)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	err = rep.Write(stdout, *asJSON)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *verbose {
		for _, r := range results {
			for _, m := range r.Missed {
				fmt.Fprintln(stderr, "missed:  ", m)
			}
			for _, m := range r.Spurious {
				fmt.Fprintln(stderr, "spurious:", m)
			}
			for _, m := range r.WrongCat {
				fmt.Fprintln(stderr, "category:", m)
			}
			for _, m := range r.PhraseMissed {
				fmt.Fprintln(stderr, "phrase:  ", m)
			}
			for _, m := range r.TrapHits {
				fmt.Fprintln(stderr, "trap:    ", m)
			}
		}
	}
	return 0
}

// DefaultProcess runs the text, quotes and counts stages (built once and
// shared; safe for concurrent use). The combined evaluation passes the full
// default pipeline through MainWith or Evaluate instead.
func DefaultProcess(ctx context.Context, d *document.Document) error {
	defaultOnce.Do(func() {
		gs, err := genre.New()
		if err != nil {
			defaultErr = err
			return
		}
		defaultPipe, defaultErr = pipeline.New(text.New(), gs, quotes.New(), counts.New())
	})
	if defaultErr != nil {
		return fmt.Errorf("eval counts: %w", defaultErr)
	}
	return defaultPipe.Process(ctx, d)
}

var (
	defaultOnce sync.Once
	defaultPipe *pipeline.Pipeline
	defaultErr  error
)
