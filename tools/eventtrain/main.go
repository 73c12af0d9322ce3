// Command eventtrain trains the event-type classifier of package events
// (multinomial logistic regression, see events/classify.go) and writes
// events/data/types.model (package linear's binary format, events.ModelMagic):
//
//	go run ./tools/eventtrain        # from the repository root
//
// Training sentences, each run through the default pipeline and featurized
// by events.(*Stage).Features exactly as the stage does:
//   - the NGEC synthetic PLOVER stories (../shared/data/events): the
//     headline and the first sentence of the text carry the story's label;
//     the templates events.PloverHeldOut picks are held out and scored;
//   - testdata/gold/events/gold.jsonl: a sentence carries the type of the
//     first gold event whose countries its mentions name, NONE otherwise;
//   - the BBC half of testdata/gold/events/real.jsonl: the sentences the
//     events' notes name ("s2", "s1-2,6") carry their type, the others NONE
//     (the Reuters half and blind.jsonl are never read);
//   - sentences of BBC train.csv sport, entertainment and tech stories as
//     NONE (a match report's "beat" and "attack" are no events).
//
// The order of examples and the shuffle are fixed, so the output is
// byte-identical from run to run.
package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/document"
	evgold "github.com/newsgraph/newsgraph/eval/events"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/internal/linear"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/stages"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type example struct {
	feats []string
	label string
	w     float64
	group string // the story or template: a feature must occur in minGroups of them
	si    int
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eventtrain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "events/data/types.model", "model file to write")
	epochs := fs.Int("epochs", 12, "training passes")
	l2 := fs.Float64("l2", 1e-5, "L2 penalty per example")
	minGroups := fs.Int("min-groups", 3, "keep features seen in at least this many stories or templates")
	drop := fs.String("drop", "", "comma-separated feature prefixes left out (experiments)")
	lead := fs.Int("lead", 2, "labelled sentences per PLOVER story (the headline first)")
	none := fs.Int("none-docs", 50, "BBC train stories per soft section read as NONE")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	train, held, err := examples(*none, lead, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "eventtrain:", err)
		return 1
	}
	if *drop != "" {
		for _, exs := range [][]example{train, held} {
			for i := range exs {
				exs[i].feats = slices.DeleteFunc(exs[i].feats, func(f string) bool {
					for _, p := range strings.Split(*drop, ",") {
						if strings.HasPrefix(f, p) {
							return true
						}
					}
					return false
				})
			}
		}
	}
	m := fit(train, *epochs, *l2, *minGroups)
	fmt.Fprintf(stdout, "%d training sentences, %d features, %d classes\n", len(train), len(m.W), len(m.Classes))
	report(stdout, "train", m, train)
	report(stdout, "held-out PLOVER templates", m, held)
	report(stdout, "held-out PLOVER headlines", m, slices.DeleteFunc(slices.Clone(held), func(e example) bool { return e.si != 0 }))
	if err := write(*out, m); err != nil {
		fmt.Fprintln(stderr, "eventtrain:", err)
		return 1
	}
	return 0
}

func report(w io.Writer, name string, m *linear.Model, exs []example) {
	right, none, pat, patN, comb := 0, 0, 0, 0, 0
	for _, e := range exs {
		matched := false
		for _, f := range e.feats {
			if strings.HasPrefix(f, "mt=") {
				patN++
				matched = true
				if f[3:] == e.label {
					pat++
					comb++
				}
				break
			}
		}
		p := m.Probs(e.feats)
		best := 0
		for i := range p {
			if p[i] > p[best] {
				best = i
			}
		}
		if m.Classes[best] == e.label {
			right++
			if !matched {
				comb++
			}
		}
		if m.Classes[best] == events.None {
			none++
		}
		if os.Getenv("EVENTTRAIN_ERRORS") != "" && name != "train" && m.Classes[best] != e.label {
			fmt.Fprintf(w, "  s%d gold %s got %s: %s\n", e.si, e.label, m.Classes[best], strings.Join(e.feats[1:min(40, len(e.feats))], " "))
		}
	}
	fmt.Fprintf(w, "%s: %d sentences, type accuracy %.4f (NONE %d; first lexicon match right %d of %d; patterns, then the classifier %.4f)\n", name, len(exs), float64(right)/float64(max(1, len(exs))), none, pat, patN, float64(comb)/float64(max(1, len(exs))))
}

// examples builds the training and held-out sentences.
func examples(noneDocs int, lead *int, stderr io.Writer) (train, held []example, err error) {
	p, err := stages.Default(stages.Config{})
	if err != nil {
		return nil, nil, err
	}
	st, err := events.New(events.Options{})
	if err != nil {
		return nil, nil, err
	}
	ctx := context.Background()
	proc := func(d *document.Document) ([][]string, error) {
		if err := p.Process(ctx, d); err != nil {
			return nil, fmt.Errorf("%s: %w", d.ID, err)
		}
		return st.Features(d), nil
	}
	path := shareddata.Path(evgold.DefaultPlover)
	if path == "" {
		return nil, nil, fmt.Errorf("%s not found under ../shared/data", evgold.DefaultPlover)
	}
	stories, err := evgold.LoadPlover(path)
	if err != nil {
		return nil, nil, err
	}
	for i, s := range stories {
		f, err := proc(s.StoryDocument(fmt.Sprintf("plover-%d", i)))
		if err != nil {
			return nil, nil, err
		}
		for si := 0; si < len(f) && si < *lead; si++ {
			e := example{feats: f[si], label: s.Label, w: 1, group: s.Title, si: si}
			if events.PloverHeldOut(s.Title) {
				held = append(held, e)
			} else {
				train = append(train, e)
			}
		}
	}
	fmt.Fprintf(stderr, "eventtrain: %d PLOVER stories read\n", len(stories))
	golds, err := evgold.LoadGold("testdata/gold/events/gold.jsonl")
	if err != nil {
		return nil, nil, err
	}
	for _, g := range golds {
		d := g.NewDocument()
		f, err := proc(d)
		if err != nil {
			return nil, nil, err
		}
		lab := alignByCountry(d, g.Events)
		for si := range f {
			train = append(train, example{feats: f[si], label: lab[si], w: 2, group: g.ID})
		}
	}
	real, err := evgold.LoadGold("testdata/gold/events/real.jsonl")
	if err != nil {
		return nil, nil, err
	}
	for _, g := range real {
		if !strings.Contains(g.Corpus, "bbc") {
			continue // the Reuters half is held out
		}
		d := g.NewDocument()
		f, err := proc(d)
		if err != nil {
			return nil, nil, err
		}
		lab := byNotes(len(f), g)
		for si := range f {
			train = append(train, example{feats: f[si], label: lab[si], w: 2, group: g.ID})
		}
	}
	bbc := shareddata.Path("corpus/bbc/train.csv")
	if bbc == "" {
		return nil, nil, fmt.Errorf("corpus/bbc/train.csv not found under ../shared/data")
	}
	rows, err := readCSV(bbc)
	if err != nil {
		return nil, nil, err
	}
	per := map[string]int{}
	for i, r := range rows {
		if len(r) < 2 || (r[1] != "sport" && r[1] != "entertainment" && r[1] != "tech") || per[r[1]] >= noneDocs {
			continue
		}
		per[r[1]]++
		f, err := proc(document.New(fmt.Sprintf("bbc-%d", i), r[0]))
		if err != nil {
			return nil, nil, err
		}
		for si := range f {
			train = append(train, example{feats: f[si], label: events.None, w: 1, group: strconv.Itoa(i)})
		}
	}
	return train, held, nil
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows[1:], nil
}

// typeOf is the PLOVER type of a gold event's code.
func typeOf(e evgold.GoldEvent) string {
	c, ok := cameo.Lookup(e.Code)
	if !ok {
		c, ok = cameo.Lookup(e.Root)
	}
	if !ok {
		return events.None
	}
	return events.PloverOf(c)
}

// alignByCountry labels each sentence of d with the type of the first gold
// event whose source and target countries its mentions name, NONE when
// none does.
func alignByCountry(d *document.Document, gold []evgold.GoldEvent) []string {
	lab := make([]string, len(d.Sentences))
	has := make([]map[string]bool, len(d.Sentences))
	for i := range lab {
		lab[i], has[i] = events.None, map[string]bool{}
	}
	for _, m := range d.Mentions {
		if si := d.SentenceAt(m.Start); si >= 0 {
			has[si][events.CountryOf(m.ContextActor)] = true
		}
	}
	for _, e := range gold {
		s, t := events.CountryOf(e.Source), events.CountryOf(e.Target)
		for si := range lab {
			if lab[si] == events.None && (s == "" || has[si][s]) && (t == "" || has[si][t]) && (s != "" || t != "") {
				lab[si] = typeOf(e)
				break
			}
		}
	}
	return lab
}

var noteSents = regexp.MustCompile(`^s([0-9,\-]+)`)

// byNotes labels the sentences the gold events' notes name ("s1-2,6":
// Document.Sentences indices, the headline being s0) with their type, NONE
// the others.
func byNotes(n int, g evgold.Story) []string {
	const off = 0
	lab := make([]string, n)
	for i := range lab {
		lab[i] = events.None
	}
	for _, e := range g.Events {
		m := noteSents.FindStringSubmatch(e.Note)
		if m == nil {
			continue
		}
		for _, part := range strings.Split(m[1], ",") {
			a, b, _ := strings.Cut(part, "-")
			lo, err1 := strconv.Atoi(a)
			hi, err2 := strconv.Atoi(b)
			if err2 != nil {
				hi = lo
			}
			for s := lo; err1 == nil && s <= hi; s++ {
				if i := s - off; i >= 0 && i < n && lab[i] == events.None {
					lab[i] = typeOf(e)
				}
			}
		}
	}
	return lab
}

// fit trains multinomial logistic regression by SGD with a fixed shuffle.
func fit(exs []example, epochs int, l2 float64, minGroups int) *linear.Model {
	count := map[string]int{}
	last := map[string]string{}
	classSet := map[string]bool{}
	for _, e := range exs {
		classSet[e.label] = true
		for _, f := range dedup(e.feats) {
			if g, ok := last[f]; !ok || g != e.group {
				count[f]++
				last[f] = e.group
			}
		}
	}
	classes := make([]string, 0, len(classSet))
	for c := range classSet {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	ci := map[string]int{}
	for i, c := range classes {
		ci[c] = i
	}
	K := len(classes)
	W := map[string][]float64{}
	for f, n := range count {
		if n >= minGroups || f == "bias" {
			W[f] = make([]float64, K)
		}
	}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(13, 31))
	p := make([]float64, K)
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		lr := 0.2 / (1 + float64(ep))
		for _, idx := range order {
			e := exs[idx]
			fs := dedup(e.feats)
			for k := range p {
				p[k] = 0
			}
			for _, f := range fs {
				if w := W[f]; w != nil {
					for k := range p {
						p[k] += w[k]
					}
				}
			}
			linear.Softmax(p)
			y := ci[e.label]
			for _, f := range fs {
				w := W[f]
				if w == nil {
					continue
				}
				for k := range w {
					g := p[k]
					if k == y {
						g -= 1
					}
					w[k] -= lr * (e.w*g + l2*w[k])
				}
			}
		}
	}
	m := &linear.Model{Classes: classes, W: map[string][]float32{}}
	for f, w := range W {
		big := false
		for _, x := range w {
			if math.Abs(x) >= 0.01 {
				big = true
			}
		}
		if !big {
			continue
		}
		v := make([]float32, K)
		for k, x := range w {
			v[k] = float32(math.Round(x*1000) / 1000)
		}
		m.W[f] = v
	}
	return m
}

func dedup(fs []string) []string {
	out := slices.Clone(fs)
	slices.Sort(out)
	return slices.Compact(out)
}

// write writes the model in package linear's format with events'
// magic (features sorted, so a rerun is byte-identical).
func write(path string, m *linear.Model) error {
	b, err := m.Encode(events.ModelMagic)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
