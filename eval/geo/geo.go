// Package geo evaluates the geo stage on geoparsing corpora in the XML
// layouts of TR-News (<article><text/><toponyms><toponym><phrase/><start/>
// <end/><gaztag><lat/><lon/></gaztag></toponym>…) and GeoVirus
// (<article><text/><locations><location><name/><start/><end/><lat/><lon/>
// </location>…): toponym precision, recall and F1 on overlapping spans,
// accuracy within 161 km (100 miles) and median error of the matched
// toponyms.
//
// Gold offsets count Unicode code points. Some corpora are off by a few
// characters (GeoVirus by one throughout); each gold span is realigned to
// the nearest occurrence of its phrase within 60 code points, and the
// report says how many were moved.
package geo

import (
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	ggeo "github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/text"
)

// Gold is one annotated toponym; Span is in bytes of Article.Text.
type Gold struct {
	Span     document.Span
	Phrase   string
	Lat, Lon *float64
	Demonym  bool // a nationality word standing for its country or state
}

// Article is one annotated document.
type Article struct {
	ID        string
	Text      string
	Published string // YYYY-MM-DD or RFC 3339, "" when unknown
	Source    string // the publication, "" when unknown
	Gold      []Gold
	Moved     int // gold spans realigned to their phrase
}

type xmlArticles struct {
	Articles []xmlArticle `xml:"article"`
}

type xmlArticle struct {
	DocID     string   `xml:"docid,attr"`
	Source    string   `xml:"source"`
	Text      string   `xml:"text"`
	Toponyms  []xmlTop `xml:"toponyms>toponym"`
	Locations []xmlLoc `xml:"locations>location"`
}

type xmlTop struct {
	Phrase string `xml:"phrase"`
	Start  string `xml:"start"`
	End    string `xml:"end"`
	Gaz    *struct {
		Lat string `xml:"lat"`
		Lon string `xml:"lon"`
	} `xml:"gaztag"`
}

type xmlLoc struct {
	Name  string `xml:"name"`
	Start string `xml:"start"`
	End   string `xml:"end"`
	Lat   string `xml:"lat"`
	Lon   string `xml:"lon"`
}

// ReadXML reads a corpus in either layout. Toponyms with unusable offsets
// are skipped; a malformed document is an error.
func ReadXML(r io.Reader) ([]Article, error) {
	var x xmlArticles
	dec := xml.NewDecoder(r)
	if err := dec.Decode(&x); err != nil {
		return nil, fmt.Errorf("eval/geo: parse xml: %w", err)
	}
	out := make([]Article, 0, len(x.Articles))
	for i, a := range x.Articles {
		id := a.DocID
		if id == "" {
			id = strconv.Itoa(i + 1)
		}
		art := Article{ID: id, Text: a.Text}
		runes := []rune(a.Text)
		ix := document.NewIndex(a.Text)
		add := func(phrase, start, end, lat, lon string) {
			s, err1 := strconv.Atoi(strings.TrimSpace(start))
			e, err2 := strconv.Atoi(strings.TrimSpace(end))
			if err1 != nil || err2 != nil || s < 0 || e <= s || e > len(runes)+10 {
				return
			}
			phrase = strings.TrimSpace(phrase)
			if ns, ok := realign(runes, phrase, s); ok {
				if ns != s {
					art.Moved++
				}
				e += ns - s
				s = ns
			}
			if e > len(runes) {
				e = len(runes)
			}
			if s >= e {
				return
			}
			g := Gold{Span: document.Span{Start: ix.Byte(s), End: ix.Byte(e)}, Phrase: phrase}
			la, err1 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
			lo, err2 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
			if err1 == nil && err2 == nil && !math.IsNaN(la) && !math.IsNaN(lo) {
				g.Lat, g.Lon = &la, &lo
			}
			art.Gold = append(art.Gold, g)
		}
		for _, t := range a.Toponyms {
			lat, lon := "", ""
			if t.Gaz != nil {
				lat, lon = t.Gaz.Lat, t.Gaz.Lon
			}
			add(t.Phrase, t.Start, t.End, lat, lon)
		}
		for _, l := range a.Locations {
			add(l.Name, l.Start, l.End, l.Lat, l.Lon)
		}
		sort.Slice(art.Gold, func(i, j int) bool { return art.Gold[i].Span.Start < art.Gold[j].Span.Start })
		out = append(out, art)
	}
	return out, nil
}

// maxShift is how far (in code points) a gold span may be moved to its phrase.
const maxShift = 60

// realign returns the start of phrase nearest to s within maxShift code points.
func realign(runes []rune, phrase string, s int) (int, bool) {
	p := []rune(phrase)
	if len(p) == 0 {
		return s, false
	}
	at := func(i int) bool {
		if i < 0 || i+len(p) > len(runes) {
			return false
		}
		for k := range p {
			if runes[i+k] != p[k] {
				return false
			}
		}
		return true
	}
	for d := 0; d <= maxShift; d++ {
		if at(s - d) {
			return s - d, true
		}
		if at(s + d) {
			return s + d, true
		}
	}
	return s, false
}

// Result holds the raw numbers of an evaluation.
type Result struct {
	Toponyms   eval.Score // all gold toponyms against all predicted locations
	NoDemonyms eval.Score // gold and predicted demonyms left out: the headline row
	// Resolved and Within161 count the matches of the headline row with
	// gold coordinates, and those predicted within 161 km of them;
	// ResolvedAll and Within161All the same for all toponyms.
	Resolved, Within161       int
	ResolvedAll, Within161All int
	Errors                    []float64 // km per headline match with gold coordinates (unresolved: 20039)
	Docs                      int
	Moved                     int
	Elapsed                   time.Duration
	PredToponyms              int
	// Misses, when non-nil, receives one tab-separated line per error of
	// the headline row: FN (missed gold), FP (spurious prediction), UNRES
	// (matched without coordinates) and FAR (matched more than 161 km
	// away).
	Misses io.Writer
}

const unresolvedKm = 20039 // half the Earth's circumference

// isDemonym reports whether a gold toponym is a nationality word: marked
// so, or (in corpora that do not mark it) a demonym that is not also a
// country's name.
func isDemonym(g Gold) bool {
	if g.Demonym {
		return true
	}
	if _, ok := country.Lookup(g.Phrase); ok {
		return false
	}
	_, ok := country.ByDemonym(g.Phrase)
	return ok
}

// Score compares d.Locations with gold and adds to res: once with every
// toponym, and once, for the headline row, with gold demonyms and
// predicted demonyms (kind "demonym") left out; a prediction of another
// kind on a gold demonym is then neither right nor wrong.
func Score(d *document.Document, gold []Gold, res *Result) {
	res.PredToponyms += len(d.Locations)
	all := make([]bool, len(d.Locations))
	for i := range all {
		all[i] = true
	}
	match(d, gold, all, func(Gold) bool { return true }, &res.Toponyms, &res.ResolvedAll, &res.Within161All, nil, nil)
	places := make([]bool, len(d.Locations))
	for i := range d.Locations {
		places[i] = d.Locations[i].IsPlace()
	}
	// Predictions on gold demonyms are left out of the headline row.
	for i, l := range d.Locations {
		for _, g := range gold {
			if g.Span.Overlaps(l.Span) && isDemonym(g) {
				places[i] = false
			}
		}
	}
	match(d, gold, places, func(g Gold) bool { return !isDemonym(g) }, &res.NoDemonyms, &res.Resolved, &res.Within161, &res.Errors, res.Misses)
}

// match scores the predictions marked in pred against the gold toponyms
// keep accepts: the first unused overlapping prediction matches.
func match(d *document.Document, gold []Gold, pred []bool, keep func(Gold) bool, sc *eval.Score, resolved, within *int, errs *[]float64, misses io.Writer) {
	used := make([]bool, len(d.Locations))
	for _, g := range gold {
		if !keep(g) {
			continue
		}
		m := -1
		for i, l := range d.Locations {
			if pred[i] && !used[i] && l.Span.Overlaps(g.Span) {
				m = i
				break
			}
		}
		if m < 0 {
			if misses != nil {
				fmt.Fprintf(misses, "FN\t%s\t%q\n", d.ID, g.Phrase)
			}
			sc.FN++
			continue
		}
		used[m] = true
		sc.TP++
		if g.Lat == nil {
			continue
		}
		*resolved++
		l := d.Locations[m]
		km := float64(unresolvedKm)
		if l.Lat != nil && l.Lon != nil {
			km = ggeo.Distance(*g.Lat, *g.Lon, *l.Lat, *l.Lon)
		}
		if km <= 161 {
			*within++
		} else if misses != nil {
			if l.Lat == nil {
				fmt.Fprintf(misses, "UNRES\t%s\t%q\n", d.ID, g.Phrase)
			} else {
				fmt.Fprintf(misses, "FAR\t%s\t%q\t%s %s %s %s (%.2f,%.2f)\tgold (%.2f,%.2f)\t%.0f km\n", d.ID, g.Phrase, l.Name, l.Country, l.Adm1, l.Feature, *l.Lat, *l.Lon, *g.Lat, *g.Lon, km)
			}
		}
		if errs != nil {
			*errs = append(*errs, km)
		}
	}
	for i, u := range used {
		if u || !pred[i] {
			continue
		}
		sc.FP++
		if misses != nil {
			l := d.Locations[i]
			fmt.Fprintf(misses, "FP\t%s\t%q\t%s %s %s\n", d.ID, d.Slice(l.Span), l.Name, l.Country, l.Feature)
		}
	}
}

// DefaultProcess returns a pipeline of the text stage and the geo stage
// with cfg, for evaluations run without the full pipeline.
func DefaultProcess(cfg ggeo.Config) (func(context.Context, *document.Document) error, error) {
	st, err := ggeo.NewWithConfig(cfg)
	if err != nil {
		return nil, err
	}
	p, err := pipeline.New(text.New(), st)
	if err != nil {
		return nil, fmt.Errorf("eval/geo: %w", err)
	}
	return p.Process, nil
}

// Evaluate runs process (the pipeline up to and including geo; nil means
// DefaultProcess with the default configuration) over the corpus at path
// and returns the report.
func Evaluate(ctx context.Context, path string, process func(context.Context, *document.Document) error) (*eval.Report, error) {
	res, err := Run(ctx, path, process)
	if err != nil {
		return nil, err
	}
	return res.Report(filepath.Base(path)), nil
}

// Run is Evaluate returning the raw numbers.
func Run(ctx context.Context, path string, process func(context.Context, *document.Document) error) (*Result, error) {
	return RunMisses(ctx, path, process, nil)
}

// Load reads the corpus at path: gold stories in JSON Lines (a .jsonl
// file, the local-news layout) or XML in the TR-News or GeoVirus layout.
func Load(path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval/geo: %w", err)
	}
	defer f.Close()
	if strings.HasSuffix(path, ".jsonl") {
		stories, err := ReadLocal(f)
		if err != nil {
			return nil, err
		}
		return Articles(stories), nil
	}
	return ReadXML(f)
}

// RunMisses is Run that also writes every error to misses when it is not nil.
func RunMisses(ctx context.Context, path string, process func(context.Context, *document.Document) error, misses io.Writer) (*Result, error) {
	arts, err := Load(path)
	if err != nil {
		return nil, err
	}
	return RunArticles(ctx, arts, process, misses)
}

// RunArticles scores process (nil: DefaultProcess) on arts. An article's
// publication date and outlet are set on its document (the outlet as
// meta "outlet").
func RunArticles(ctx context.Context, arts []Article, process func(context.Context, *document.Document) error, misses io.Writer) (*Result, error) {
	if process == nil {
		p, err := DefaultProcess(ggeo.Config{})
		if err != nil {
			return nil, err
		}
		process = p
	}
	res := &Result{Misses: misses}
	start := time.Now()
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := document.New(a.ID, a.Text)
		if a.Published != "" {
			if t, err := parseDate(a.Published); err == nil {
				d.Published = &t
			}
		}
		if a.Source != "" {
			d.Meta = map[string]any{"outlet": a.Source}
		}
		if err := process(ctx, d); err != nil {
			return nil, fmt.Errorf("eval/geo: document %s: %w", a.ID, err)
		}
		Score(d, a.Gold, res)
		res.Docs++
		res.Moved += a.Moved
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// parseDate reads YYYY-MM-DD or RFC 3339.
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// Report turns res into an eval.Report.
func (res *Result) Report(data string) *eval.Report {
	r := &eval.Report{Layer: "geo", Data: data}
	r.AddScore("toponyms", res.Toponyms)
	r.AddScore("toponyms (gold w/o demonyms)", res.NoDemonyms)
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	r.AddMetric("accuracy@161km", ratio(res.Within161, res.Resolved), "")
	r.AddMetric("accuracy@161km (with demonyms)", ratio(res.Within161All, res.ResolvedAll), "")
	r.AddMetric("median error", median(res.Errors), "km")
	r.AddMetric("matched with gold coordinates", float64(res.Resolved), "")
	r.AddMetric("documents", float64(res.Docs), "")
	if res.Elapsed > 0 {
		r.AddMetric("documents/s", float64(res.Docs)/res.Elapsed.Seconds(), "")
	}
	if res.Moved > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("%d gold spans realigned to their phrase (offsets off by up to 60 code points)", res.Moved))
	}
	r.Notes = append(r.Notes, "overlap match; an unresolved match counts as wrong at 20039 km",
		"headline row and accuracy: toponyms (gold w/o demonyms), gold demonyms and locations of kind demonym left out (not every corpus annotates demonyms)")
	return r
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Main runs `newsgraph eval geo` on the text and geo stages alone; it is
// MainWith with a nil process.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return MainWith(ctx, args, stdout, stderr, nil)
}

// MainWith runs `newsgraph eval geo (--xml FILE | --gold FILE) [--json]
// [--standalone] [--misses]` over process (the full pipeline the CLI
// passes) and returns the exit code: 0 ok, 1 failure, 2 usage. --xml reads
// the TR-News or GeoVirus layout, --gold the local-news gold JSON Lines
// (testdata/gold/geo). With a nil process or --standalone it runs the text
// and geo stages alone (DefaultProcess). The report lists two rows:
// "toponyms" against all gold spans and predictions, and "toponyms (gold
// w/o demonyms)", the headline row, which leaves demonyms out on both
// sides (not every corpus annotates them).
func MainWith(ctx context.Context, args []string, stdout, stderr io.Writer, process func(context.Context, *document.Document) error) int {
	fs := flag.NewFlagSet("eval geo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	xmlPath := fs.String("xml", "", "corpus in the TR-News or GeoVirus XML layout")
	goldPath := fs.String("gold", "", "local-news gold in JSON Lines (testdata/gold/geo/dev.jsonl)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	standalone := fs.Bool("standalone", false, "run the text and geo stages alone instead of the full pipeline")
	misses := fs.Bool("misses", false, "write every error (FN, FP, UNRES, FAR) to stderr")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	path := *xmlPath
	if *goldPath != "" {
		path = *goldPath
	}
	if (*xmlPath == "") == (*goldPath == "") || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: newsgraph eval geo (--xml FILE | --gold FILE) [--json] [--standalone] [--misses]")
		return 2
	}
	if *goldPath != "" && !strings.HasSuffix(*goldPath, ".jsonl") {
		fmt.Fprintln(stderr, "eval geo: --gold wants a .jsonl file")
		return 2
	}
	proc := process
	if proc == nil || *standalone {
		p, err := DefaultProcess(ggeo.Config{})
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		proc = p
	}
	var mw io.Writer
	if *misses {
		mw = stderr
	}
	res, err := RunMisses(ctx, path, proc, mw)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	rep := res.Report(filepath.Base(path))
	if process != nil && !*standalone {
		rep.Notes = append(rep.Notes, "run through the full pipeline")
	} else {
		rep.Notes = append(rep.Notes, "text and geo stages alone")
	}
	if err := rep.Write(stdout, *asJSON); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
