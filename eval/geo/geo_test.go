package geo

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	ggeo "github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/stages"
)

const sample = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Über: Ankara and the minister flew from Ankara to Nairobi.]]></text>
    <toponyms>
      <toponym><phrase>Ankara</phrase><start>6</start><end>12</end>
        <gaztag geonameid="323786"><name>Ankara</name><lat>39.91987</lat><lon>32.85427</lon></gaztag></toponym>
      <toponym><phrase>Nairobi</phrase><start>51</start><end>58</end>
        <gaztag geonameid="184745"><name>Nairobi</name><lat>-1.28333</lat><lon>36.81667</lon></gaztag></toponym>
      <toponym><phrase>Ankara</phrase><start>40</start><end>46</end></toponym>
    </toponyms>
  </article>
  <article>
    <text>Floods hit Kenya.</text>
    <locations><location><name>Kenya</name><start>12</start><end>17</end><lat>1</lat><lon>38</lon></location></locations>
  </article>
</articles>`

func TestReadXML(t *testing.T) {
	arts, err := ReadXML(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Fatalf("%d articles", len(arts))
	}
	a := arts[0]
	// "Ü" is two bytes: code point offsets and byte offsets differ by one.
	want := []struct {
		start, end int
		phrase     string
		coords     bool
	}{{7, 13, "Ankara", true}, {41, 47, "Ankara", false}, {51, 58, "Nairobi", true}}
	if len(a.Gold) != len(want) {
		t.Fatalf("gold = %+v", a.Gold)
	}
	for i, w := range want {
		g := a.Gold[i]
		if g.Span.Start != w.start || g.Span.End != w.end || g.Phrase != w.phrase || (g.Lat != nil) != w.coords {
			t.Errorf("gold[%d] = %+v, want %+v", i, g, w)
		}
		if a.Text[g.Span.Start:g.Span.End] != w.phrase {
			t.Errorf("gold[%d] text %q", i, a.Text[g.Span.Start:g.Span.End])
		}
	}
	// Nairobi's offset was one off and is realigned.
	if a.Moved != 1 {
		t.Errorf("Moved = %d, want 1", a.Moved)
	}
	k := arts[1]
	if len(k.Gold) != 1 || k.Text[k.Gold[0].Span.Start:k.Gold[0].Span.End] != "Kenya" || *k.Gold[0].Lat != 1 {
		t.Errorf("GeoVirus layout: %+v", k.Gold)
	}
}

func TestEvaluateSample(t *testing.T) {
	dir := t.TempDir()
	p := dir + "/s.xml"
	if err := os.WriteFile(p, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Toponyms.TP != 4 || res.Toponyms.FN != 0 {
		t.Errorf("toponyms = %+v", res.Toponyms)
	}
	if res.Resolved != 3 || res.Within161 != 3 {
		t.Errorf("resolved %d within %d", res.Resolved, res.Within161)
	}
	var out bytes.Buffer
	if code := Main(context.Background(), []string{"--xml", p}, &out, &out); code != 0 || !strings.Contains(out.String(), "accuracy@161km") {
		t.Errorf("Main = %d, %s", code, out.String())
	}
	if code := Main(context.Background(), nil, &out, &out); code != 2 {
		t.Errorf("Main without --xml = %d, want 2", code)
	}
}

func TestMainWith(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.xml")
	if err := os.WriteFile(p, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	std, err := DefaultProcess(ggeo.Config{})
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	proc := func(ctx context.Context, d *document.Document) error {
		calls++
		return std(ctx, d)
	}
	var out bytes.Buffer
	if code := MainWith(context.Background(), []string{"--xml", p}, &out, &out, proc); code != 0 || calls != 2 || !strings.Contains(out.String(), "full pipeline") {
		t.Errorf("MainWith = %d, %d calls, %s", code, calls, out.String())
	}
	out.Reset()
	calls = 0
	if code := MainWith(context.Background(), []string{"--xml", p, "--standalone"}, &out, &out, proc); code != 0 || calls != 0 || !strings.Contains(out.String(), "geo stages alone") {
		t.Errorf("MainWith --standalone = %d, %d calls, %s", code, calls, out.String())
	}
	if code := MainWith(context.Background(), []string{"--xml", p, "--gold", p}, &out, &out, proc); code != 2 {
		t.Errorf("MainWith with --xml and --gold = %d, want 2", code)
	}
	failing := func(context.Context, *document.Document) error { return errors.New("boom") }
	if code := MainWith(context.Background(), []string{"--xml", p}, &out, &out, failing); code != 1 {
		t.Errorf("MainWith with a failing pipeline = %d, want 1", code)
	}
}

// TestCorporaPipeline runs both corpora through the full default pipeline,
// as `newsgraph eval geo` does.
func TestCorporaPipeline(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run")
	}
	pl, err := stages.Default(stages.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"geo/TR-News.xml", "geo/GeoVirus.xml"} {
		p := shareddata.Require(t, name)
		rep, err := Evaluate(context.Background(), p, pl.Process)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := rep.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		t.Log(b.String())
		// Regression floors, below the measured numbers (0.888/0.926
		// F1 without demonyms, 0.876/0.853 accuracy) with room for the
		// entities stage to change under them.
		if row, _ := rep.Score("toponyms (gold w/o demonyms)"); row.F1 < 0.85 {
			t.Errorf("%s: toponym F1 %.4f < 0.85", name, row.F1)
		}
		for _, m := range rep.Metrics {
			if m.Name == "accuracy@161km" && m.Value < 0.83 {
				t.Errorf("%s: accuracy@161km %.4f < 0.83", name, m.Value)
			}
		}
	}
}

func TestCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run")
	}
	proc, err := DefaultProcess(ggeo.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"geo/TR-News.xml", "geo/GeoVirus.xml"} {
		p := shareddata.Require(t, name)
		rep, err := Evaluate(context.Background(), p, proc)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := rep.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		t.Log(b.String())
		// Regression floors, below the measured numbers.
		if row, _ := rep.Score("toponyms"); row.F1 < 0.80 {
			t.Errorf("%s: toponym F1 %.4f < 0.80", name, row.F1)
		}
		for _, m := range rep.Metrics {
			if m.Name == "accuracy@161km" && m.Value < 0.84 {
				t.Errorf("%s: accuracy@161km %.4f < 0.82", name, m.Value)
			}
		}
	}
}

func FuzzReadXML(f *testing.F) {
	f.Add(sample)
	f.Add(`<articles><article><text>x</text><toponyms><toponym><start>-1</start><end>99</end></toponym></toponyms></article></articles>`)
	f.Add(`<articles><article><text>é</text><locations><location><name>é</name><start>0</start><end>1</end><lat>NaN</lat></location></locations></article></articles>`)
	f.Fuzz(func(t *testing.T, s string) {
		arts, err := ReadXML(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, a := range arts {
			for _, g := range a.Gold {
				if g.Span.Start < 0 || g.Span.End > len(a.Text) || g.Span.Start >= g.Span.End {
					t.Fatalf("bad span %+v in %q", g.Span, a.Text)
				}
			}
		}
	})
}
