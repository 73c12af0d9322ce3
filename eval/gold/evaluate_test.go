package gold

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
)

// oracle returns a Process that writes the gold annotations of each story
// into the document, converting code point offsets to bytes.
func oracle(stories []*Story) Process {
	byID := map[string]*Story{}
	for _, s := range stories {
		byID[s.ID] = s
	}
	return func(_ context.Context, d *document.Document) error {
		s := byID[d.ID]
		ix := d.Index()
		sp := func(a, b int) document.Span { return document.Span{Start: ix.Byte(a), End: ix.Byte(b)} }
		for _, e := range s.Entities {
			ent := document.Entity{Name: e.Name, Type: document.EntityType(e.Type), Actor: e.Actor}
			for _, m := range e.Mentions {
				ent.Mentions = append(ent.Mentions, len(d.Mentions))
				d.Mentions = append(d.Mentions, document.Mention{Span: sp(m.Start, m.End), Type: ent.Type, Kind: document.Name, Entity: len(d.Entities)})
			}
			d.Entities = append(d.Entities, ent)
		}
		for _, q := range s.Quotes {
			d.Quotes = append(d.Quotes, document.Quote{Span: sp(q.Start, q.End), Direct: q.Direct, Speaker: &document.Speaker{Name: q.Speaker, Entity: -1}})
		}
		for _, c := range s.Counts {
			d.Counts = append(d.Counts, document.Count{Span: sp(c.Start, c.End), Value: c.Value, Object: c.Object, Category: c.Category, AttributedTo: -1, Location: -1})
		}
		for _, l := range s.Locations {
			lat, lon := l.Lat, l.Lon
			d.Locations = append(d.Locations, document.Location{Span: sp(l.Start, l.End), Country: l.Country, Lat: &lat, Lon: &lon, Mention: -1})
		}
		for _, e := range s.Events {
			d.Events = append(d.Events, document.Event{Root: e.Root, Code: e.Code,
				Source: &document.Participant{Actor: e.Source, Entity: -1}, Target: &document.Participant{Actor: e.Target, Entity: -1}, Location: -1})
		}
		return nil
	}
}

func nothing(context.Context, *document.Document) error { return nil }

func reportsByLayer(reps []*eval.Report) map[string]*eval.Report {
	m := map[string]*eval.Report{}
	for _, r := range reps {
		m[r.Layer] = r
	}
	return m
}

func metric(r *eval.Report, name string) float64 {
	for _, m := range r.Metrics {
		if m.Name == name {
			return m.Value
		}
	}
	return math.NaN()
}

// TestEvaluate_Oracle scores the gold against itself: every F1 and every
// accuracy must be 1, so the scorer and the offset conversion agree.
func TestEvaluate_Oracle(t *testing.T) {
	stories, err := ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	reps, err := Evaluate(context.Background(), goldPath, oracle(stories))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		for _, row := range r.Rows {
			if row.FN+row.TP > 0 && row.F1 != 1 {
				t.Errorf("%s %s: F1 %.4f (tp %d fp %d fn %d), want 1", r.Layer, row.Name, row.F1, row.TP, row.FP, row.FN)
			}
		}
		for _, m := range r.Metrics {
			if strings.Contains(m.Name, "accuracy") && m.Value != 1 {
				t.Errorf("%s %s = %.4f, want 1", r.Layer, m.Name, m.Value)
			}
		}
	}
}

func TestEvaluate_Nothing(t *testing.T) {
	reps, err := Evaluate(context.Background(), goldPath, nothing)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 5 {
		t.Fatalf("got %d reports, want 5", len(reps))
	}
	for _, r := range reps {
		for _, row := range r.Rows {
			if row.F1 != 0 || row.TP != 0 || row.FP != 0 {
				t.Errorf("%s %s: %+v, want all zero but FN", r.Layer, row.Name, row)
			}
		}
	}
}

// TestScore_Partial checks each layer's matching rules on one small story.
func TestScore_Partial(t *testing.T) {
	text := `Kenyan President William Ruto said on Monday that “we will rebuild 140 schools” in Kisumu. Police arrested 12 protesters in Nairobi.`
	s, err := Compile(strings.NewReader("### p\npublished: 2025-05-06\ntext:\n" + text + "\n---\n" +
		"ent NORP - Kenyan = Kenyan\n" +
		"ent PERSON KENGOV William Ruto = William Ruto\n" +
		"ent GPE KEN Kisumu = Kisumu\n" +
		"ent GPE KEN Nairobi = Nairobi\n" +
		"quote direct William Ruto = we will rebuild 140 schools\n" +
		"count 140 schools - = 140 schools\n" +
		"count 12 protesters ARREST = 12 protesters\n" +
		"loc KE -0.1 34.76 = Kisumu\n" +
		"loc KE -1.28 36.82 = Nairobi\n" +
		"event 17 173 KENCOP KENCVL\n"))
	if err != nil {
		t.Fatal(err)
	}
	f := func(a, b float64) *float64 { return &[]float64{a, b}[0] }
	proc := func(_ context.Context, d *document.Document) error {
		at := func(p string) document.Span {
			i := strings.Index(d.Text, p)
			return document.Span{Start: i, End: i + len(p)}
		}
		// Mentions: Ruto right, Kisumu typed as ORG, Nairobi missed, one spurious.
		d.Mentions = []document.Mention{
			{Span: at("William Ruto"), Type: document.Person, Kind: document.Name, Entity: 0},
			{Span: at("Kisumu"), Type: document.Org, Kind: document.Name, Entity: 1},
			{Span: at("Kenyan"), Type: document.NORP, Kind: document.Name, Entity: -1},
			{Span: at("Police"), Type: document.Org, Kind: document.Name, Entity: -1},
			{Span: at("we"), Type: document.Person, Kind: document.Pronoun, Entity: 0},
		}
		d.Entities = []document.Entity{{Name: "William Ruto", Type: document.Person, Actor: "KENGOV", Mentions: []int{0}}, {Name: "Kisumu", Type: document.Org, Actor: "UGA", Mentions: []int{1}}}
		// Quote: a longer span that still covers the gold; speaker by surname.
		q := at("we will rebuild 140 schools” in Kisumu")
		d.Quotes = []document.Quote{{Span: q, Direct: true, Speaker: &document.Speaker{Name: "Ruto", Entity: 0}}}
		d.Counts = []document.Count{
			{Span: at("140 schools"), Value: 140, Object: "school", Category: "DESTROY", AttributedTo: -1, Location: -1},
			{Span: at("12 protesters"), Value: 12, Object: "protesters", Category: "ARREST", AttributedTo: -1, Location: -1},
			{Span: at("Monday"), Value: 1, AttributedTo: -1, Location: -1},
		}
		d.Locations = []document.Location{
			{Span: at("Kisumu"), Country: "KE", Lat: f(0, 0), Lon: f(34.76, 0), Mention: -1},     // 11 km off
			{Span: at("Nairobi"), Country: "TZ", Lat: f(-6.8, 0), Lon: f(39.28, 0), Mention: -1}, // Dar es Salaam
		}
		d.Events = []document.Event{
			{Root: "17", Code: "173", Source: &document.Participant{Actor: "KENCOP"}, Target: &document.Participant{Actor: "KENCVL"}},
			{Root: "19", Code: "190", Source: &document.Participant{Actor: "KENCOP"}, Negated: true},
			{Root: "04", Code: "040", Source: &document.Participant{Actor: "KENGOV"}},
		}
		return nil
	}
	reps, err := Score(context.Background(), s, proc)
	if err != nil {
		t.Fatal(err)
	}
	m := reportsByLayer(reps)
	for _, tc := range []struct {
		layer, row string
		want       eval.Score
	}{
		{LayerEntities, "mentions (span+type)", eval.Score{TP: 2, FP: 2, FN: 2}},
		{LayerEntities, "mentions (span only)", eval.Score{TP: 3, FP: 1, FN: 1}},
		{LayerEntities, "mentions LOC", eval.Score{TP: 0, FP: 0, FN: 2}},
		{LayerEntities, "mentions ORG", eval.Score{TP: 0, FP: 2, FN: 0}},
		{LayerQuotes, "quotes", eval.Score{TP: 1}},
		{LayerCounts, "value+object", eval.Score{TP: 2, FP: 1}},
		{LayerCounts, "value+object+category", eval.Score{TP: 1, FP: 2, FN: 1}},
		{LayerLocations, "toponyms (overlap)", eval.Score{TP: 2}},
		{LayerEvents, "root+source+target country", eval.Score{TP: 1, FP: 1}},
		{LayerEvents, "code+source+target exact", eval.Score{TP: 1, FP: 1}},
	} {
		row, ok := m[tc.layer].Score(tc.row)
		if !ok {
			t.Errorf("%s: no row %q", tc.layer, tc.row)
			continue
		}
		if got := (eval.Score{TP: row.TP, FP: row.FP, FN: row.FN}); got != tc.want {
			t.Errorf("%s %s = %+v, want %+v", tc.layer, tc.row, got, tc.want)
		}
	}
	for _, tc := range []struct {
		layer, metric string
		want          float64
	}{
		{LayerEntities, "actor accuracy", 1.0 / 3},
		{LayerEntities, "actor accuracy (matched)", 0.5},
		{LayerQuotes, "speaker accuracy", 1},
		{LayerQuotes, "direct flag accuracy", 1},
		{LayerLocations, "accuracy@161km", 0.5},
		{LayerLocations, "country accuracy", 0.5},
	} {
		if got := metric(m[tc.layer], tc.metric); got != tc.want {
			t.Errorf("%s %s = %v, want %v", tc.layer, tc.metric, got, tc.want)
		}
	}
}

func TestScore_ProcessError(t *testing.T) {
	s, err := Compile(strings.NewReader("### x\ntext:\nKenya.\n---\nloc KE 1 38 = Kenya\n"))
	if err != nil {
		t.Fatal(err)
	}
	reps, err := Score(context.Background(), s, func(context.Context, *document.Document) error { return errors.New("boom") })
	if err != nil {
		t.Fatal(err)
	}
	r := reportsByLayer(reps)[LayerLocations]
	if row, _ := r.Score("toponyms (overlap)"); row.FN != 1 || len(r.Notes) < 2 || !strings.Contains(strings.Join(r.Notes, " "), "x: boom") {
		t.Errorf("failure not counted or noted: %+v %v", row, r.Notes)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Score(ctx, s, nothing); err == nil {
		t.Error("cancelled context: want error")
	}
}

func TestOverlapHalf(t *testing.T) {
	for _, tc := range []struct {
		a0, a1, b0, b1 int
		want           bool
	}{
		{0, 10, 0, 10, true},
		{0, 10, 5, 100, true},  // half of a
		{0, 100, 40, 50, true}, // all of b
		{0, 10, 6, 30, false},
		{0, 10, 10, 20, false},
		{0, 0, 0, 0, false},
	} {
		if got := overlapHalf(tc.a0, tc.a1, tc.b0, tc.b1); got != tc.want {
			t.Errorf("overlapHalf(%d,%d,%d,%d) = %v, want %v", tc.a0, tc.a1, tc.b0, tc.b1, got, tc.want)
		}
	}
}

func TestObjectHead(t *testing.T) {
	for in, want := range map[string]string{
		"schools": "school", "apartment blocks": "block", "casualties": "casualty",
		"people": "people", "Boss": "boss", "gas": "gas", "": "",
	} {
		if got := objectHead(in); got != want {
			t.Errorf("objectHead(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSharesWord(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Ruto", "William Ruto", true},
		{"President William Ruto", "Ruto", true},
		{"the Interior Ministry", "Interior Ministry", true},
		{"the ministry", "Kenya Red Cross", false},
		{"Mr. Smith", "Mrs. Jones", false},
		{"", "Ruto", false},
	} {
		if got := sharesWord(tc.a, tc.b); got != tc.want {
			t.Errorf("sharesWord(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestHaversine(t *testing.T) {
	// Nairobi to Mombasa is about 440 km.
	if d := haversineKm(-1.28333, 36.81667, -4.05466, 39.66359); d < 430 || d > 450 {
		t.Errorf("Nairobi-Mombasa = %.1f km", d)
	}
}

func TestMain_Usage(t *testing.T) {
	var out, errb bytes.Buffer
	ctx := context.Background()
	if code := MainWith(ctx, []string{"--bogus"}, &out, &errb, nothing); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
	if code := MainWith(ctx, []string{"extra"}, &out, &errb, nothing); code != 2 {
		t.Errorf("extra arg: exit %d, want 2", code)
	}
	if code := MainWith(ctx, []string{"--gold", "/nonexistent/gold.jsonl"}, &out, &errb, nothing); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
	if code := MainWith(ctx, []string{"--gold", goldPath}, &out, &errb, nil); code != 1 {
		t.Errorf("nil process: exit %d, want 1", code)
	}
	out.Reset()
	if code := MainWith(ctx, []string{"--gold", goldPath}, &out, &errb, nothing); code != 0 || !strings.Contains(out.String(), "gold/events evaluation") {
		t.Errorf("text run: exit %d, output %q", code, out.String())
	}
	out.Reset()
	if code := MainWith(ctx, []string{"--gold", goldPath, "--json"}, &out, &errb, nothing); code != 0 || !strings.Contains(out.String(), `"layer": "gold/quotes"`) {
		t.Errorf("json run: exit %d, output %q", code, out.String())
	}
}

// BenchmarkScore measures the scorer alone (the oracle writes the gold into
// each document), per gold set.
func BenchmarkScore(b *testing.B) {
	stories, err := ReadFile(goldPath)
	if err != nil {
		b.Fatal(err)
	}
	proc := oracle(stories)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Score(ctx, stories, proc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileDir measures compiling the phrase-based source.
func BenchmarkCompileDir(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CompileDir(srcDir); err != nil {
			b.Fatal(err)
		}
	}
}
