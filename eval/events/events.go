// Package events evaluates event coding: precision and recall of
// (root code, source country, target country) triples against a gold file of
// stories (testdata/gold/events, format in its README.md), and PLOVER
// event-type accuracy at document level on labelled stories such as the NGEC
// synthetic set.
package events

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	evcoder "github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/events/eventstest"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/read"
)

// Process is a pipeline's Process method.
type Process = func(context.Context, *document.Document) error

// GoldEvent is one expected event: CAMEO code (root derived when absent),
// and the source and target actor codes ("" when the side is not named).
type GoldEvent struct {
	Root   string `json:"root"`
	Code   string `json:"code"`
	Source string `json:"source"`
	Target string `json:"target"`
	// Note is the annotator's remark; on real news it starts with the
	// one-based sentences the event is coded from ("s1-2,6").
	Note string `json:"note,omitempty"`
}

// Story is one gold story. A story annotated on a document of the shared
// development data (real news that must not be copied into the repository)
// has no text: Corpus names the file under the shared data folder
// ("corpus/bbc/test.csv") and ID the id package read gives the document
// there; LoadGold fills in the text, title and date.
type Story struct {
	ID        string      `json:"id"`
	Corpus    string      `json:"corpus,omitempty"`
	Title     string      `json:"title,omitempty"`
	Text      string      `json:"text"`
	Published string      `json:"published"` // YYYY-MM-DD or RFC 3339, optional
	Events    []GoldEvent `json:"events"`
	// Meta is the corpus document's metadata (a Reuters story's
	// dateline, which its body does not repeat), as extract sees it.
	Meta map[string]any `json:"-"`
}

// ErrNoData is returned by LoadGold for a gold file whose stories refer to
// shared data that is not on this machine.
var ErrNoData = errors.New("eval events: the gold refers to shared data that is absent (../shared/data)")

// LoadGold reads a gold JSONL file, one Story per line.
func LoadGold(path string) ([]Story, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval events: %w", err)
	}
	defer f.Close()
	var out []Story
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var s Story
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			return nil, fmt.Errorf("eval events: %s:%d: %w", path, n, err)
		}
		for i := range s.Events {
			if s.Events[i].Root == "" && len(s.Events[i].Code) >= 2 {
				s.Events[i].Root = s.Events[i].Code[:2]
			}
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval events: read %s: %w", path, err)
	}
	if err := fillFromCorpus(path, out); err != nil {
		return nil, err
	}
	return out, nil
}

// fillFromCorpus sets the text, title and date of the stories that refer to
// a document of the shared data, reading each referenced file once.
func fillFromCorpus(goldPath string, stories []Story) error {
	want := map[string]map[string]int{} // corpus file → id → story index
	for i, s := range stories {
		if s.Corpus == "" || s.Text != "" {
			continue
		}
		if want[s.Corpus] == nil {
			want[s.Corpus] = map[string]int{}
		}
		want[s.Corpus][s.ID] = i
	}
	for corpus, ids := range want {
		p := shareddata.Path(corpus)
		if p == "" {
			return fmt.Errorf("%w: %s needs %s", ErrNoData, goldPath, corpus)
		}
		err := read.Walk(context.Background(), []string{p}, nil, read.Options{}, func(r read.Result) error {
			if r.Doc == nil {
				return nil
			}
			i, ok := ids[r.Doc.ID]
			if !ok {
				return nil
			}
			s := &stories[i]
			s.Text, s.Title, s.Meta = r.Doc.Text, r.Doc.Title, r.Doc.Meta
			if r.Doc.Published != nil && s.Published == "" {
				s.Published = r.Doc.Published.UTC().Format(time.RFC3339)
			}
			delete(ids, r.Doc.ID)
			return nil
		})
		if err != nil {
			return fmt.Errorf("eval events: %s: %w", corpus, err)
		}
		for id := range ids {
			return fmt.Errorf("eval events: %s: document %s not found in %s", goldPath, id, corpus)
		}
	}
	return nil
}

// country returns the country level of an actor code (evcoder.CountryOf):
// the country or organisation, "" for role-only codes.
func country(actor string) string { return evcoder.CountryOf(actor) }

type triple struct{ root, src, tgt string }

// Counted returns the events of d that count as having happened: not
// negated and not hypothetical.
func Counted(d *document.Document) []document.Event {
	var out []document.Event
	for _, e := range d.Events {
		if !e.Negated && !e.Hypothetical {
			out = append(out, e)
		}
	}
	return out
}

func actor(p *document.Participant) string {
	if p == nil {
		return ""
	}
	return p.Actor
}

// Score compares predicted and gold events of one story as multisets of
// (root, source country, target country) and, separately, of full codes.
func Score(pred []document.Event, gold []GoldEvent) (byRoot, byCode eval.Score) {
	var pr, gr, pc, gc []triple
	for _, e := range pred {
		pr = append(pr, triple{e.Root, country(actor(e.Source)), country(actor(e.Target))})
		pc = append(pc, triple{e.Code, country(actor(e.Source)), country(actor(e.Target))})
	}
	for _, e := range gold {
		gr = append(gr, triple{e.Root, country(e.Source), country(e.Target)})
		gc = append(gc, triple{e.Code, country(e.Source), country(e.Target)})
	}
	return eval.Multiset(gr, pr), eval.Multiset(gc, pc)
}

// NewDocument builds the document for a story.
func (s Story) NewDocument() *document.Document {
	d := document.New(s.ID, s.Text)
	d.Title, d.Meta = s.Title, s.Meta
	if s.Published != "" {
		for _, layout := range []string{"2006-01-02", time.RFC3339} {
			if t, err := time.Parse(layout, s.Published); err == nil {
				d.Published = &t
				break
			}
		}
	}
	return d
}

// Evaluate runs process over every story of the gold file and scores the
// counted events. Errors on single documents are noted, not fatal.
func Evaluate(ctx context.Context, goldPath string, process Process) (*eval.Report, error) {
	return EvaluateCorpus(ctx, goldPath, "", process)
}

// EvaluateCorpus is Evaluate over the stories whose Corpus contains corpus
// ("bbc", "reuters"; "" for all): one half of a mixed gold file, so that a
// held-out half can be scored alone (aggregates only).
func EvaluateCorpus(ctx context.Context, goldPath, corpus string, process Process) (*eval.Report, error) {
	all, err := LoadGold(goldPath)
	if err != nil {
		return nil, err
	}
	stories := all[:0:0]
	for _, s := range all {
		if corpus == "" || strings.Contains(s.Corpus, corpus) {
			stories = append(stories, s)
		}
	}
	r := &eval.Report{Layer: "events", Data: goldPath}
	if corpus != "" {
		r.Data += " (" + corpus + ")"
	}
	var root, code eval.Score
	var elapsed time.Duration
	failed := 0
	for _, s := range stories {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := s.NewDocument()
		start := time.Now()
		if err := process(ctx, d); err != nil {
			failed++
			r.Notes = append(r.Notes, fmt.Sprintf("%s: %v", s.ID, err))
			continue
		}
		elapsed += time.Since(start)
		a, b := Score(Counted(d), s.Events)
		root.Add(a)
		code.Add(b)
	}
	r.AddScore("root+src+tgt country", root)
	r.AddScore("code+src+tgt country", code)
	r.AddMetric("stories", float64(len(stories)), "")
	if n := len(stories) - failed; n > 0 {
		r.AddMetric("pipeline time per story", float64(elapsed.Microseconds())/float64(n)/1000, "ms")
	}
	return r, nil
}

// PloverStory is one labelled story of the synthetic set.
type PloverStory struct {
	Text, Title, Label, Mode string
	// Headline is the story's filled-in headline (the prompt's first line
	// without the agency credit), "" when the file has none.
	Headline string
}

// LoadPlover reads the NGEC synthetic stories (a CSV, optionally zipped)
// with columns text, title, label and mode.
func LoadPlover(path string) ([]PloverStory, error) {
	var r io.Reader
	if strings.HasSuffix(path, ".zip") {
		z, err := zip.OpenReader(path)
		if err != nil {
			return nil, fmt.Errorf("eval events: %w", err)
		}
		defer z.Close()
		for _, f := range z.File {
			if strings.HasSuffix(f.Name, ".csv") && !strings.HasPrefix(filepath.Base(f.Name), "._") {
				rc, err := f.Open()
				if err != nil {
					return nil, fmt.Errorf("eval events: %w", err)
				}
				defer rc.Close()
				r = rc
				break
			}
		}
		if r == nil {
			return nil, fmt.Errorf("eval events: no csv in %s", path)
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("eval events: %w", err)
		}
		defer f.Close()
		r = f
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("eval events: read header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	for _, c := range []string{"text", "label"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("eval events: %s: no %q column", path, c)
		}
	}
	get := func(rec []string, c string) string {
		if i, ok := col[c]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	var out []PloverStory
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("eval events: read csv: %w", err)
		}
		out = append(out, PloverStory{Text: get(rec, "text"), Title: get(rec, "title"),
			Label: strings.ToUpper(strings.TrimSpace(get(rec, "label"))), Mode: get(rec, "mode"),
			Headline: headline(get(rec, "prompt"))})
	}
	return out, nil
}

// headline returns the first line of a prompt without a trailing agency
// credit such as "(Reuters) --".
func headline(prompt string) string {
	h, _, _ := strings.Cut(strings.TrimSpace(prompt), "\n")
	if i := strings.LastIndex(h, "("); i > 0 && strings.Contains(h[i:], ")") {
		h = h[:i]
	}
	return strings.TrimSpace(h)
}

// StoryDocument builds the document of a labelled story: the headline as
// Title and first paragraph, then the text.
func (s PloverStory) StoryDocument(id string) *document.Document {
	if s.Headline == "" {
		return document.New(id, s.Text)
	}
	d := document.New(id, s.Headline+"\n\n"+s.Text)
	d.Title = s.Headline
	return d
}

// MainType returns the PLOVER type of a processed story's main event as the
// events stage decided it (Document.MainEvent), "" when there is none: the
// evaluation scores what the output contract says.
func MainType(d *document.Document) string {
	if d.MainEvent == nil {
		return ""
	}
	return d.MainEvent.Plover
}

// EvaluatePlover runs process over up to limit stories (0: all) and reports
// the accuracy of MainType against the label.
func EvaluatePlover(ctx context.Context, path string, process Process, limit int) (*eval.Report, error) {
	return EvaluatePloverSplit(ctx, path, process, limit, false)
}

// EvaluatePloverSplit is EvaluatePlover; with heldOut, only over the story
// templates the event classifier was not trained on (evcoder.PloverHeldOut).
func EvaluatePloverSplit(ctx context.Context, path string, process Process, limit int, heldOut bool) (*eval.Report, error) {
	stories, err := LoadPlover(path)
	if err != nil {
		return nil, err
	}
	if heldOut {
		stories = slices.DeleteFunc(stories, func(s PloverStory) bool { return !evcoder.PloverHeldOut(s.Title) })
	}
	if limit > 0 && limit < len(stories) {
		// every k-th story, so all labels are represented
		step := len(stories) / limit
		var sub []PloverStory
		for i := 0; i < len(stories) && len(sub) < limit; i += step {
			sub = append(sub, stories[i])
		}
		stories = sub
	}
	r := &eval.Report{Layer: "events-plover", Data: path}
	if heldOut {
		r.Data += " (held-out templates)"
	}
	correct, none := 0, 0
	per := map[string]*eval.Score{}
	for i, s := range stories {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := s.StoryDocument(fmt.Sprintf("plover-%d", i))
		if err := process(ctx, d); err != nil {
			r.Notes = append(r.Notes, fmt.Sprintf("story %d: %v", i, err))
			continue
		}
		got := MainType(d)
		if per[s.Label] == nil {
			per[s.Label] = &eval.Score{}
		}
		if got == "" {
			none++
		} else if per[got] == nil {
			per[got] = &eval.Score{}
		}
		if got == s.Label {
			correct++
			per[s.Label].TP++
		} else {
			per[s.Label].FN++
			if got != "" {
				per[got].FP++
			}
		}
	}
	r.AddMetric("PLOVER type accuracy", ratio(correct, len(stories)), "")
	r.AddMetric("stories", float64(len(stories)), "")
	r.AddMetric("stories without an event", float64(none), "")
	for _, k := range sortedKeys(per) {
		r.AddScore(k, *per[k])
	}
	return r, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func sortedKeys(m map[string]*eval.Score) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	for i := 1; i < len(k); i++ {
		for j := i; j > 0 && k[j] < k[j-1]; j-- {
			k[j], k[j-1] = k[j-1], k[j]
		}
	}
	return k
}

// Standalone returns a process that runs the events stage after the simple
// tokenizer and actor tagger of events/eventstest: for evaluating the
// events stage alone, before or without the full pipeline.
func Standalone() (Process, error) {
	st, err := evcoder.New(evcoder.Options{})
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, d *document.Document) error {
		eventstest.Prepare(d)
		return st.Process(ctx, d)
	}, nil
}

// DefaultGold is the gold file relative to the repository root.
const DefaultGold = "testdata/gold/events/gold.jsonl"

// Golds are the event gold files `newsgraph eval` scores when present,
// relative to the repository root: the stories written for the coder, the
// blind set annotated before the coder saw it, and real news from the shared
// data (skipped when that data is absent).
var Golds = []string{DefaultGold, "testdata/gold/events/blind.jsonl", "testdata/gold/events/real.jsonl"}

// DefaultPlover is the synthetic PLOVER set relative to the shared data folder.
const DefaultPlover = "events/ngec_synthetic_plover_stories.csv.zip"

// All runs both evaluations on their default data when found (the gold file
// is looked up from the working directory upwards); it returns no reports
// for data that is absent.
func All(ctx context.Context, process Process) ([]*eval.Report, error) {
	var out []*eval.Report
	for _, rel := range Golds {
		g := eval.FindUp(rel)
		if g == "" {
			continue
		}
		r, err := Evaluate(ctx, g, process)
		if errors.Is(err, ErrNoData) {
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	if p := shareddata.Path(DefaultPlover); p != "" {
		r, err := EvaluatePlover(ctx, p, process, 1000)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Main runs `newsgraph eval events --gold FILE | --plover FILE [--json]`
// (or `--sample PATHS [--n N] [--seed S]` to print random events extracted
// from a corpus, for reading by eye)
// with the events stage alone (see Standalone) and returns the exit code:
// 0 ok, 1 failure, 2 usage.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return MainWith(ctx, args, stdout, stderr, nil)
}

// MainWith is Main with a pipeline's process (nil: Standalone).
func MainWith(ctx context.Context, args []string, stdout, stderr io.Writer, process Process) int {
	fs := flag.NewFlagSet("eval events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "", "gold JSONL file (format: testdata/gold/events/README.md)")
	plover := fs.String("plover", "", "labelled PLOVER stories, CSV or zipped CSV (NGEC synthetic set)")
	corpus := fs.String("corpus", "", "with --gold: score only the stories whose corpus contains this (bbc, reuters)")
	heldOut := fs.Bool("heldout", false, "with --plover: only the story templates the event classifier was not trained on")
	limit := fs.Int("limit", 0, "evaluate at most N PLOVER stories, spread over the file (0: all)")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	sample := fs.String("sample", "", "instead of scoring, print random counted events extracted from these comma-separated corpus paths")
	n := fs.Int("n", 100, "with --sample: how many events to print")
	seed := fs.Uint64("seed", 1, "with --sample: random seed")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || (*gold == "" && *plover == "" && *sample == "") {
		fmt.Fprintln(stderr, "usage: eval events --gold FILE | --plover FILE.csv.zip [--limit N] [--json] | --sample PATHS [--n N] [--seed S]")
		return 2
	}
	if process == nil {
		p, err := Standalone()
		if err != nil {
			fmt.Fprintln(stderr, "eval events:", err)
			return 1
		}
		process = p
	}
	if *sample != "" {
		ss, docs, total, err := SampleCorpus(ctx, strings.Split(*sample, ","), *n, *seed, process)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "%d documents, %d counted events, %d sampled (seed %d)\n", docs, total, len(ss), *seed)
		if err := WriteSamples(stdout, ss); err != nil {
			fmt.Fprintln(stderr, "eval events:", err)
			return 1
		}
		return 0
	}
	var reports []*eval.Report
	if *gold != "" {
		r, err := EvaluateCorpus(ctx, *gold, *corpus, process)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		reports = append(reports, r)
	}
	if *plover != "" {
		r, err := EvaluatePloverSplit(ctx, *plover, process, *limit, *heldOut)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		reports = append(reports, r)
	}
	for _, r := range reports {
		if err := r.Write(stdout, *asJSON); err != nil {
			fmt.Fprintln(stderr, "eval events:", err)
			return 1
		}
	}
	return 0
}
