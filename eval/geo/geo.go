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
	Toponyms     eval.Score // all gold toponyms
	NoDemonyms   eval.Score // gold nationality adjectives left out
	Resolved     int        // matched gold toponyms with gold coordinates
	Within161    int
	Errors       []float64 // km per matched toponym with gold coordinates (unresolved: 20039)
	Docs         int
	Moved        int
	Elapsed      time.Duration
	PredToponyms int
	// Misses, when non-nil, receives one tab-separated line per error:
	// FN (missed gold), FP (spurious prediction), UNRES (matched without
	// coordinates) and FAR (matched more than 161 km away).
	Misses io.Writer
}

const unresolvedKm = 20039 // half the Earth's circumference

// Score compares d.Locations with gold and adds to res.
func Score(d *document.Document, gold []Gold, res *Result) {
	used := make([]bool, len(d.Locations))
	demonym := func(g Gold) bool {
		if _, ok := country.Lookup(g.Phrase); ok {
			return false
		}
		_, ok := country.ByDemonym(g.Phrase)
		return ok
	}
	res.PredToponyms += len(d.Locations)
	for _, g := range gold {
		m := -1
		for i, l := range d.Locations {
			if !used[i] && l.Span.Overlaps(g.Span) {
				m = i
				break
			}
		}
		dem := demonym(g)
		if m < 0 {
			if res.Misses != nil {
				fmt.Fprintf(res.Misses, "FN\t%s\t%q\n", d.ID, g.Phrase)
			}
			res.Toponyms.FN++
			if !dem {
				res.NoDemonyms.FN++
			}
			continue
		}
		used[m] = true
		res.Toponyms.TP++
		if !dem {
			res.NoDemonyms.TP++
		}
		if g.Lat == nil {
			continue
		}
		res.Resolved++
		l := d.Locations[m]
		km := float64(unresolvedKm)
		if l.Lat != nil && l.Lon != nil {
			km = ggeo.Distance(*g.Lat, *g.Lon, *l.Lat, *l.Lon)
		}
		if km <= 161 {
			res.Within161++
		} else if res.Misses != nil {
			if l.Lat == nil {
				fmt.Fprintf(res.Misses, "UNRES\t%s\t%q\n", d.ID, g.Phrase)
			} else {
				fmt.Fprintf(res.Misses, "FAR\t%s\t%q\t%s %s %s %s (%.2f,%.2f)\tgold (%.2f,%.2f)\t%.0f km\n", d.ID, g.Phrase, l.Name, l.Country, l.Adm1, l.Feature, *l.Lat, *l.Lon, *g.Lat, *g.Lon, km)
			}
		}
		res.Errors = append(res.Errors, km)
	}
	for i, u := range used {
		if u {
			continue
		}
		res.Toponyms.FP++
		// A prediction on a gold demonym left out is neither right nor wrong.
		skip := false
		for _, g := range gold {
			if g.Span.Overlaps(d.Locations[i].Span) && demonym(g) {
				skip = true
			}
		}
		if !skip {
			res.NoDemonyms.FP++
		}
		if res.Misses != nil {
			l := d.Locations[i]
			fmt.Fprintf(res.Misses, "FP\t%s\t%q\t%s %s %s\n", d.ID, d.Slice(l.Span), l.Name, l.Country, l.Feature)
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

// RunMisses is Run that also writes every error to misses when it is not nil.
func RunMisses(ctx context.Context, path string, process func(context.Context, *document.Document) error, misses io.Writer) (*Result, error) {
	if process == nil {
		p, err := DefaultProcess(ggeo.Config{})
		if err != nil {
			return nil, err
		}
		process = p
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval/geo: %w", err)
	}
	defer f.Close()
	arts, err := ReadXML(f)
	if err != nil {
		return nil, err
	}
	res := &Result{Misses: misses}
	start := time.Now()
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := document.New(a.ID, a.Text)
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

// Report turns res into an eval.Report.
func (res *Result) Report(data string) *eval.Report {
	r := &eval.Report{Layer: "geo", Data: data}
	r.AddScore("toponyms", res.Toponyms)
	r.AddScore("toponyms (gold w/o demonyms)", res.NoDemonyms)
	acc := 0.0
	if res.Resolved > 0 {
		acc = float64(res.Within161) / float64(res.Resolved)
	}
	r.AddMetric("accuracy@161km", acc, "")
	r.AddMetric("median error", median(res.Errors), "km")
	r.AddMetric("matched with gold coordinates", float64(res.Resolved), "")
	r.AddMetric("documents", float64(res.Docs), "")
	if res.Elapsed > 0 {
		r.AddMetric("documents/s", float64(res.Docs)/res.Elapsed.Seconds(), "")
	}
	r.Notes = append(r.Notes, fmt.Sprintf("%d gold spans realigned to their phrase (offsets off by up to 60 code points)", res.Moved),
		"overlap match; an unresolved match counts as wrong at 20039 km",
		"headline row: toponyms (gold w/o demonyms); the geo stage's default reports nationality adjectives as country context, not places, so gold demonyms (annotated in TR-News only) are left out of it")
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

// MainWith runs `newsgraph eval geo --xml FILE [--json] [--standalone]
// [--demonyms] [--misses]` over process (the full pipeline the CLI passes)
// and returns the exit code: 0 ok, 1 failure, 2 usage. With a nil process
// or --standalone it runs the text and geo stages alone (DefaultProcess);
// --demonyms (standalone only) then reports nationality adjectives as
// toponyms of their country, the convention of the TR-News annotation.
// The report lists two rows: "toponyms" against all gold spans, and
// "toponyms (gold w/o demonyms)", the headline row, which leaves out gold
// nationality adjectives because the output contract does not list
// demonyms as places.
func MainWith(ctx context.Context, args []string, stdout, stderr io.Writer, process func(context.Context, *document.Document) error) int {
	fs := flag.NewFlagSet("eval geo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	xmlPath := fs.String("xml", "", "corpus in the TR-News or GeoVirus XML layout")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	standalone := fs.Bool("standalone", false, "run the text and geo stages alone instead of the full pipeline")
	dem := fs.Bool("demonyms", false, "with --standalone: report nationality adjectives as toponyms, as TR-News annotates them")
	misses := fs.Bool("misses", false, "write every error (FN, FP, UNRES, FAR) to stderr")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *xmlPath == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: newsgraph eval geo --xml FILE [--json] [--standalone] [--demonyms] [--misses]")
		return 2
	}
	proc := process
	if proc == nil || *standalone {
		p, err := DefaultProcess(ggeo.Config{Demonyms: *dem})
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		proc = p
	} else if *dem {
		fmt.Fprintln(stderr, "eval geo: --demonyms needs --standalone (the pipeline runs the geo stage's default)")
		return 2
	}
	var mw io.Writer
	if *misses {
		mw = stderr
	}
	res, err := RunMisses(ctx, *xmlPath, proc, mw)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	rep := res.Report(filepath.Base(*xmlPath))
	switch {
	case proc != nil && process != nil && !*standalone:
		rep.Notes = append(rep.Notes, "run through the full pipeline")
	case *dem:
		rep.Notes = append(rep.Notes, "text and geo stages alone, geo Config{Demonyms: true}: nationality adjectives reported as their country")
	default:
		rep.Notes = append(rep.Notes, "text and geo stages alone")
	}
	err = rep.Write(stdout, *asJSON)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
