// Package quotes evaluates the quotes stage against PolNeAR brat annotations
// (newsgraph eval quotes --polnear DIR).
//
// DIR holds text/NAME.txt and attributions/NAME_ANNOTATOR.ann. Where a text
// has several .ann files (different annotators), the first in lexical order
// is used, so every text counts once. Brat offsets in PolNeAR are Unicode
// code point offsets; they are converted to byte offsets with document.Index.
//
// Scores:
//   - direct quotes: gold items are attributions whose content contains a
//     quotation mark (double marks, or a single mark opening a quotation, as
//     the New York Times texts in PolNeAR print quotes with single marks); predictions are direct quotes. A prediction matches a
//     gold item when it overlaps at least half of the gold content or the
//     gold content covers at least half of the prediction. Precision counts
//     predictions that match any gold item; recall counts gold items matched
//     by any prediction.
//   - speaker accuracy: among matched direct quotes, the share whose speaker
//     span overlaps the gold Source, or whose resolved name shares a word
//     (case-insensitive, ignoring a/an/the/of) with it, or whose entity a
//     gold Source fragment is a mention of (sameEntity), for any gold item
//     the quote matches. Attributions whose Source and Cue roles were
//     exchanged in the annotation are read with them put back
//     (swappedRoles). The report also gives the accuracy without the
//     coreference credit, under the rule before both (roles as annotated,
//     span or name), and over the quotes whose gold has a Source.
//   - reported speech: recall over all gold attributions (matched by any
//     prediction, direct or reported); precision over reported (indirect)
//     predictions matched to any gold attribution.
package quotes

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/genre"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/quotes"
	"github.com/newsgraph/newsgraph/text"
)

// Attribution is one gold attribution: content fragments, source fragments
// (byte spans) and whether the content holds a quotation mark.
type Attribution struct {
	Content []document.Span
	Source  []document.Span
	Quoted  bool
	Cue     string // the cue text, lower-cased, fragments joined by a space
	// CueSpans are the cue's fragments.
	CueSpans []document.Span
	// Swapped is true when the annotation had the Source and Cue roles
	// exchanged and the reader put them back (see swappedRoles).
	Swapped bool
}

// swappedRoles reports whether a gold attribution has its Source and Cue
// roles exchanged, an annotation slip of PolNeAR in inverted attributions
// ("…," said Vance): the Source is one fragment holding a single speech
// verb ("said") and the Cue one fragment that holds none. The reader then
// exchanges them back, so the name is the source.
func swappedRoles(d *document.Document, a Attribution) bool {
	if len(a.Source) != 1 || len(a.CueSpans) != 1 {
		return false
	}
	src := strings.Fields(d.Slice(a.Source[0]))
	if len(src) != 1 || !quotes.IsSpeechVerb(strings.Trim(src[0], ",.;:")) {
		return false
	}
	for _, w := range strings.Fields(d.Slice(a.CueSpans[0])) {
		if quotes.IsSpeechVerb(strings.Trim(w, ",.;:")) {
			return false
		}
	}
	return true
}

// Main runs `newsgraph eval quotes --polnear DIR [--json]` with the default
// process (text, entities and quotes stages; see DefaultProcess). It returns
// 0 on success, 1 on failure and 2 on a usage error.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return MainWith(ctx, args, stdout, stderr, nil)
}

// MainWith is Main with the document processor to evaluate; nil means
// DefaultProcess.
func MainWith(ctx context.Context, args []string, stdout, stderr io.Writer, process func(context.Context, *document.Document) error) int {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("polnear", "", "PolNeAR split directory with text/ and attributions/")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	errPath := fs.String("errors", "", "write every matched direct quote with a wrong speaker to this file, for error analysis")
	caseName := fs.String("case", "", "letter case of the texts: upper or lower (default: as written)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	lc, err := eval.ParseCase(*caseName)
	if *dir == "" || fs.NArg() > 0 || err != nil {
		fmt.Fprintln(stderr, "usage: newsgraph eval quotes --polnear DIR [--json] [--errors FILE] [--case upper|lower]")
		return 2
	}
	var errw io.Writer
	if *errPath != "" {
		f, err := os.Create(*errPath)
		if err != nil {
			fmt.Fprintln(stderr, fmt.Errorf("eval quotes: %w", err))
			return 1
		}
		defer f.Close()
		errw = f
	}
	rep, err := evaluate(ctx, *dir, process, errw, lc)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	err = rep.Write(stdout, *asJSON)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// DefaultProcess runs the text, entities and quotes stages (built once and
// shared; safe for concurrent use). The combined evaluation passes the full
// default pipeline through MainWith or Evaluate instead.
func DefaultProcess(ctx context.Context, d *document.Document) error {
	defaultOnce.Do(func() {
		es, err := entities.New(entities.Options{})
		if err != nil {
			defaultErr = err
			return
		}
		gs, err := genre.New()
		if err != nil {
			defaultErr = err
			return
		}
		defaultPipe, defaultErr = pipeline.New(text.New(), gs, es, quotes.New())
	})
	if defaultErr != nil {
		return fmt.Errorf("eval quotes: %w", defaultErr)
	}
	return defaultPipe.Process(ctx, d)
}

var (
	defaultOnce sync.Once
	defaultPipe *pipeline.Pipeline
	defaultErr  error
)

// Evaluate scores process (DefaultProcess when nil) on the PolNeAR split in
// dir and returns the report.
func Evaluate(ctx context.Context, dir string, process func(context.Context, *document.Document) error) (*eval.Report, error) {
	return evaluate(ctx, dir, process, nil, eval.AsIs)
}

// EvaluateCase is Evaluate on the texts in letter case lc (upper- or
// lower-cased; offsets, and so the gold spans, are unchanged).
func EvaluateCase(ctx context.Context, dir string, process func(context.Context, *document.Document) error, lc eval.Case) (*eval.Report, error) {
	return evaluate(ctx, dir, process, nil, lc)
}

// evaluate is EvaluateCase that also writes speaker errors to errw when it
// is not nil.
func evaluate(ctx context.Context, dir string, process func(context.Context, *document.Document) error, errw io.Writer, lc eval.Case) (*eval.Report, error) {
	if process == nil {
		process = DefaultProcess
	}
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("eval quotes: %w", err)
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("eval quotes: no text/*.txt in %s", dir)
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("eval quotes: %w", err)
	}
	sort.Strings(anns)
	var direct, reported, all, listed eval.Score
	var spk speakerCounts
	var steps map[string][2]int // per deciding step: matched direct quotes, right speakers
	if errw != nil {
		steps = map[string][2]int{}
	}
	var bytes int
	var elapsed time.Duration
	for _, tp := range texts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		base := strings.TrimSuffix(filepath.Base(tp), ".txt")
		ann := ""
		for _, a := range anns {
			n := strings.TrimSuffix(filepath.Base(a), ".ann")
			if i := strings.LastIndexByte(n, '_'); i > 0 && n[:i] == base {
				ann = a
				break
			}
		}
		if ann == "" {
			continue
		}
		raw, err := os.ReadFile(tp)
		if err != nil {
			return nil, fmt.Errorf("eval quotes: %w", err)
		}
		d := document.New(base, lc.Apply(string(raw)))
		d.Explain = errw != nil // the error file names the step that decided each speaker
		af, err := os.Open(ann)
		if err != nil {
			return nil, fmt.Errorf("eval quotes: %w", err)
		}
		gold, err := ParseBrat(af, d)
		af.Close()
		if err != nil {
			return nil, fmt.Errorf("eval quotes: %s: %w", ann, err)
		}
		start := time.Now()
		if err := process(ctx, d); err != nil {
			return nil, fmt.Errorf("eval quotes: %s: %w", base, err)
		}
		elapsed += time.Since(start)
		bytes += len(d.Text)
		var ds, rs, as eval.Score
		var ls eval.Score
		sc := score(d, gold, &ds, &rs, &as, &ls, errw, steps)
		listed.Add(ls)
		direct.Add(ds)
		reported.Add(rs)
		all.Add(as)
		spk.add(sc)
	}
	if errw != nil {
		names := make([]string, 0, len(steps))
		for n := range steps {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintln(errw, "speaker accuracy by deciding step:")
		for _, n := range names {
			fmt.Fprintf(errw, "  %-45q %5d of %5d\n", n, steps[n][1], steps[n][0])
		}
	}
	rep := &eval.Report{Layer: "quotes", Data: "PolNeAR " + dir + lc.Label()}
	rep.AddScore("direct quotes", direct)
	rep.AddScore("reported speech, all", reported)
	rep.AddScore("all attributions", all)
	listed.FP = reported.FP
	rep.AddScore("reported, listed cues", listed)
	rep.AddMetric("speaker accuracy", ratio(spk.ok, spk.n), fmt.Sprintf("(%d/%d matched direct quotes)", spk.ok, spk.n))
	rep.AddMetric("speaker accuracy, no coreference", ratio(spk.noCoref, spk.n), fmt.Sprintf("(%d/%d; span or name match only)", spk.noCoref, spk.n))
	rep.AddMetric("speaker accuracy, roles as annotated", ratio(spk.asAnnotated, spk.n), fmt.Sprintf("(%d/%d; the rule before 2026-12-07: swapped Source/Cue kept, no coreference)", spk.asAnnotated, spk.n))
	rep.AddMetric("speaker accuracy, gold with a source", ratio(spk.ok-spk.noSourceOK, spk.n-spk.noSource), fmt.Sprintf("(%d/%d; %d matched quotes whose gold has no Source left out)", spk.ok-spk.noSourceOK, spk.n-spk.noSource, spk.noSource))
	if elapsed > 0 {
		rep.AddMetric("process throughput", float64(bytes)/elapsed.Seconds()/1e6, "MB/s (all stages of the evaluated process, one goroutine)")
	}
	rep.Notes = append(rep.Notes, "first annotator's .ann per text; match = overlap >= half of gold content or gold covers >= half of prediction",
		"reported speech: recall over all gold attributions by any prediction; precision over indirect predictions",
		"reported, listed cues: recall over gold attributions whose cue is one of the forms of issue 4 (say, tell, according to, point out, affirm, stress, warn, urge, deny, add, note, insist, statement, remarks, colon); precision as reported speech")
	return rep, nil
}

func overlap(a document.Span, bs []document.Span) (int, int) {
	ov, tot := 0, 0
	for _, b := range bs {
		tot += b.Len()
		s, e := max(a.Start, b.Start), min(a.End, b.End)
		if e > s {
			ov += e - s
		}
	}
	return ov, tot
}

func matches(p document.Span, g []document.Span) bool {
	ov, tot := overlap(p, g)
	return tot > 0 && ov > 0 && (2*ov >= tot || 2*ov >= p.Len())
}

// score counts one document.
func score(d *document.Document, gold []Attribution, direct, reported, all, listed *eval.Score, errw io.Writer, steps map[string][2]int) (sc speakerCounts) {
	goldHitD := make([]bool, len(gold))
	goldHitA := make([]bool, len(gold))
	for _, q := range d.Quotes {
		hitD, hitA := false, false
		spk := false
		var srcs []document.Span
		noCoref, asAnnotated, withSource := false, false, false
		for gi, g := range gold {
			if !matches(q.Span, g.Content) {
				continue
			}
			hitA = true
			goldHitA[gi] = true
			if q.Direct && g.Quoted {
				srcs = append(srcs, g.Source...)
				withSource = withSource || len(g.Source) > 0
				if speakerOK(d, q.Speaker, g.Source, true) {
					spk = true
				}
				if speakerOK(d, q.Speaker, g.Source, false) {
					noCoref = true
				}
				orig := g.Source
				if g.Swapped {
					orig = g.CueSpans
				}
				if speakerOK(d, q.Speaker, orig, false) {
					asAnnotated = true
				}
				hitD = true
				goldHitD[gi] = true
			}
		}
		if q.Direct {
			if hitD {
				direct.TP++
				sc.n++
				if noCoref {
					sc.noCoref++
				}
				if asAnnotated {
					sc.asAnnotated++
				}
				if !withSource {
					sc.noSource++
				}
				if spk {
					sc.ok++
				} else if errw != nil {
					writeSpeakerError(errw, d, q, srcs)
				}
				if steps != nil {
					st := steps[stepOf(d, q)]
					st[0]++
					if spk {
						st[1]++
					}
					steps[stepOf(d, q)] = st
				}
			} else {
				direct.FP++
			}
		} else {
			if hitA {
				reported.TP++
			} else {
				reported.FP++
			}
		}
	}
	for gi, g := range gold {
		if g.Quoted && !goldHitD[gi] {
			direct.FN++
		}
		if listedCue(g.Cue) {
			if goldHitA[gi] {
				listed.TP++
			} else {
				listed.FN++
			}
		}
		if goldHitA[gi] {
			all.TP++
		} else {
			all.FN++
			reported.FN++
		}
	}
	return sc
}

// speakerCounts counts matched direct quotes (n) and those whose speaker is
// right under each rule: ok (span, name or coreference), noCoref (span or
// name), asAnnotated (span or name, against the gold as annotated, swapped
// roles kept); noSource counts matched quotes whose gold has no Source
// (always wrong), noSourceOK those of them counted right (none).
type speakerCounts struct {
	n, ok, noCoref, asAnnotated, noSource, noSourceOK int
}

func (c *speakerCounts) add(o speakerCounts) {
	c.n += o.n
	c.ok += o.ok
	c.noCoref += o.noCoref
	c.asAnnotated += o.asAnnotated
	c.noSource += o.noSource
	c.noSourceOK += o.noSourceOK
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// speakerOK reports whether speaker s is right for the gold source
// fragments src: its span overlaps one, or its resolved name shares a word
// with one (case-insensitive, ignoring a/an/the/of), or, with coref, a
// fragment is a mention of the speaker's entity (sameEntity).
func speakerOK(d *document.Document, s *document.Speaker, src []document.Span, coref bool) bool {
	if s == nil || len(src) == 0 {
		return false
	}
	for _, g := range src {
		if s.Span.Overlaps(g) {
			return true
		}
	}
	if coref && sameEntity(d, s, src) {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s.Name), notWord) {
		if len(w) < 2 || w == "the" || w == "a" || w == "an" || w == "of" {
			continue
		}
		for _, g := range src {
			for _, v := range strings.FieldsFunc(strings.ToLower(d.Slice(g)), notWord) {
				if v == w {
					return true
				}
			}
		}
	}
	return false
}

// sameEntity reports whether a gold source fragment is one mention of the
// speaker's entity: the gold source and the speaker are two mentions of one
// person, as when gold marks the pronoun "she" and the speaker is the name
// it refers to (or the reverse). The fragment must be the mention itself,
// up to punctuation and a possessive ending ("Sanders’"), so that a phrase
// that only holds a mention of the speaker ("her husband") does not count.
func sameEntity(d *document.Document, s *document.Speaker, src []document.Span) bool {
	if s.Entity < 0 {
		return false
	}
	for _, m := range d.Mentions {
		if m.Entity != s.Entity {
			continue
		}
		for _, g := range src {
			if m.Start >= g.Start && m.End <= g.End && onlyPunct(d.Text[g.Start:m.Start]) && onlyPunct(possessive(d.Text[m.End:g.End])) {
				return true
			}
		}
	}
	return false
}

// onlyPunct reports whether s holds no letter or digit.
func onlyPunct(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// possessive returns s without a leading possessive "'s" or "’s".
func possessive(s string) string {
	for _, p := range []string{"'s", "’s"} {
		if strings.HasPrefix(s, p) {
			return s[len(p):]
		}
	}
	return s
}

func notWord(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
}

// ParseBrat reads PolNeAR brat standoff from r for the text of d and returns
// its attributions with byte spans. Brat offsets are code points; fragments
// separated by ';' are kept as separate spans. Malformed lines are errors.
func ParseBrat(r io.Reader, d *document.Document) ([]Attribution, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("brat: %w", err)
	}
	ix := d.Index()
	spans := map[string][]document.Span{}
	var events [][]string
	for ln, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if !isID(f[0]) {
			continue // continuation of a multi-line annotation text
		}
		switch {
		case strings.HasPrefix(f[0], "T"):
			if len(f) < 2 {
				return nil, fmt.Errorf("brat: line %d: %w", ln+1, errMalformed)
			}
			sp := strings.SplitN(f[1], " ", 2)
			if len(sp) != 2 {
				return nil, fmt.Errorf("brat: line %d: %w", ln+1, errMalformed)
			}
			var frags []document.Span
			for _, fr := range strings.Split(sp[1], ";") {
				se := strings.Fields(fr)
				if len(se) != 2 {
					return nil, fmt.Errorf("brat: line %d: %w", ln+1, errMalformed)
				}
				a, err1 := strconv.Atoi(se[0])
				b, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil || a < 0 || b < a {
					return nil, fmt.Errorf("brat: line %d: %w", ln+1, errMalformed)
				}
				frags = append(frags, document.Span{Start: ix.Byte(a), End: ix.Byte(b)})
			}
			spans[f[0]] = frags
		case strings.HasPrefix(f[0], "E"):
			if len(f) < 2 {
				return nil, fmt.Errorf("brat: line %d: %w", ln+1, errMalformed)
			}
			events = append(events, strings.Fields(f[1]))
		}
	}
	var out []Attribution
	for _, ev := range events {
		var a Attribution
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(role, "Content"):
				a.Content = append(a.Content, spans[id]...)
			case strings.HasPrefix(role, "Source"):
				a.Source = append(a.Source, spans[id]...)
			case strings.HasPrefix(role, "Cue"):
				a.CueSpans = append(a.CueSpans, spans[id]...)
				for _, c := range spans[id] {
					a.Cue = strings.TrimSpace(a.Cue + " " + strings.ToLower(d.Slice(c)))
				}
			}
		}
		if len(a.Content) == 0 {
			continue
		}
		if swappedRoles(d, a) {
			a.Source, a.CueSpans = a.CueSpans, a.Source
			a.Cue = strings.ToLower(d.Slice(a.CueSpans[0]))
			a.Swapped = true
		}
		for _, c := range a.Content {
			if hasQuoteMark(d.Slice(c)) {
				a.Quoted = true
			}
		}
		out = append(out, a)
	}
	return out, nil
}

var errMalformed = errors.New("malformed line")

// isID reports whether s is a brat annotation id such as T12 or E3.
func isID(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// hasQuoteMark reports whether s holds a double quotation mark, or a single
// mark used as an opening quotation mark (at the start or after a space and
// before a letter): some PolNeAR sources print quotes with single marks.
// Apostrophes inside words do not count.
func hasQuoteMark(s string) bool {
	if strings.ContainsAny(s, "\"“”«»") || strings.Contains(s, "''") || strings.Contains(s, "``") {
		return true
	}
	prev := ' '
	for i, r := range s {
		if (r == '\'' || r == '‘') && (prev == ' ' || prev == '\n' || prev == '(' || i == 0) {
			if n, _ := utf8.DecodeRuneInString(s[i+len(string(r)):]); unicode.IsLetter(n) || unicode.IsDigit(n) {
				return true
			}
		}
		prev = r
	}
	return false
}

// listedCues are the cue forms issue 4 lists, as lower-case word prefixes.
var listedCues = []string{"say", "said", "tell", "told", "according to", "pointed out", "point out", "points out", "affirm",
	"stress", "warn", "urge", "deny", "denied", "denies", "add", "note", "insist", "statement", "remarks", ":"}

// listedCue reports whether a gold cue is one of the listed forms.
func listedCue(cue string) bool {
	for _, w := range strings.Fields(cue) {
		for _, l := range listedCues {
			if strings.HasPrefix(w, l) || strings.Contains(l, " ") && strings.Contains(cue, l) {
				return true
			}
		}
	}
	return false
}

// stepOf returns the step that decided q's speaker (d.Explain set).
func stepOf(d *document.Document, q document.Quote) string {
	step := ""
	for _, t := range d.Traces {
		if t.Layer == document.LayerQuotes && t.Field == "speaker" && t.Index >= 0 && t.Index < len(d.Quotes) && d.Quotes[t.Index].Span == q.Span {
			step = t.Step
		}
	}
	return step
}

// writeSpeakerError writes one speaker error: the document, the quote, the
// predicted speaker and cue, and the gold sources.
func writeSpeakerError(w io.Writer, d *document.Document, q document.Quote, src []document.Span) {
	clip := func(s string, n int) string {
		s = strings.ReplaceAll(s, "\n", " ")
		if len(s) > n {
			for n > 0 && !utf8.RuneStart(s[n]) {
				n--
			}
			s = s[:n] + "…"
		}
		return s
	}
	pred := "<none>"
	step := stepOf(d, q)
	if q.Speaker != nil {
		pred = fmt.Sprintf("%q [%d,%d] name=%q", d.Slice(q.Speaker.Span), q.Speaker.Start, q.Speaker.End, q.Speaker.Name)
	}
	var gs []string
	for _, g := range src {
		gs = append(gs, fmt.Sprintf("%q [%d,%d]", clip(d.Slice(g), 60), g.Start, g.End))
	}
	a, b := max(q.Start-160, 0), min(q.End+100, len(d.Text))
	for a > 0 && !utf8.RuneStart(d.Text[a]) {
		a--
	}
	for b < len(d.Text) && !utf8.RuneStart(d.Text[b]) {
		b++
	}
	fmt.Fprintf(w, "%s [%d,%d] %q\n  pred: %s cue=%q step=%q\n  gold: %s\n  context: %s\n", d.ID, q.Start, q.End, clip(d.Slice(q.Span), 90), pred, q.Cue, step,
		strings.Join(gs, " | "), strings.ReplaceAll(d.Text[a:q.Start]+"⟦"+d.Slice(q.Span)+"⟧"+d.Text[q.End:b], "\n", "¶"))
}
