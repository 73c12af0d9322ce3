package text

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/pipeline"
)

var _ pipeline.Stage = (*Stage)(nil)

// checkDocument asserts the invariants of Annotate on d.
func checkDocument(tb testing.TB, d *document.Document) {
	tb.Helper()
	s := d.Text
	prev := 0
	for i, p := range d.Paragraphs {
		if p.Start < prev || p.End <= p.Start || p.End > len(s) || !boundary(s, p.Start) || !boundary(s, p.End) {
			tb.Fatalf("paragraph %d %v invalid (prev end %d, len %d)", i, p, prev, len(s))
		}
		prev = p.End
	}
	checkTokens(tb, s, 0, d.Tokens)
	next := 0
	for i, x := range d.Sentences {
		if x.FirstToken != next || x.EndToken <= x.FirstToken || x.EndToken > len(d.Tokens) {
			tb.Fatalf("sentence %d tokens [%d,%d) do not follow %d", i, x.FirstToken, x.EndToken, next)
		}
		next = x.EndToken
		if x.Start != d.Tokens[x.FirstToken].Start || x.End != d.Tokens[x.EndToken-1].End {
			tb.Fatalf("sentence %d span %v does not match its tokens", i, x.Span)
		}
		if x.Paragraph < 0 || x.Paragraph >= len(d.Paragraphs) || !d.Paragraphs[x.Paragraph].Contains(x.Span) {
			tb.Fatalf("sentence %d %v outside its paragraph %d", i, x.Span, x.Paragraph)
		}
		if i > 0 && x.Start < d.Sentences[i-1].End {
			tb.Fatalf("sentence %d overlaps the previous one", i)
		}
	}
	if next != len(d.Tokens) {
		tb.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
}

func TestStage_Process(t *testing.T) {
	p, err := pipeline.New(New())
	if err != nil {
		t.Fatal(err)
	}
	in := "CAIRO, Aug. 5 (Xinhua) -- Egypt's president met U.S. envoys.\r\n\r\n“We will fight.” He left."
	d := document.New("a", in)
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Text != in {
		t.Fatal("text modified")
	}
	checkDocument(t, d)
	want := []string{"CAIRO, Aug. 5 (Xinhua) --", "Egypt's president met U.S. envoys.", "“We will fight.”", "He left."}
	var got []string
	for _, x := range d.Sentences {
		got = append(got, d.Slice(x.Span))
	}
	if !equalStrings(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
	if len(d.Paragraphs) != 2 || d.Sentences[3].Paragraph != 1 {
		t.Errorf("paragraphs %v, sentence paragraphs wrong", d.Paragraphs)
	}
	// Idempotent: running again gives the same layers.
	n := len(d.Tokens)
	if err := New().Process(context.Background(), d); err != nil || len(d.Tokens) != n {
		t.Errorf("second Process: err %v, %d tokens, want %d", err, len(d.Tokens), n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Process(ctx, d); !errors.Is(err, context.Canceled) {
		t.Errorf("Process on a cancelled context = %v", err)
	}
}

func TestAnnotate_Title(t *testing.T) {
	d := document.New("t", "Quake hits southern Peru Rescuers dug through rubble on Sunday. Dozens died.")
	d.Title = "Quake hits southern Peru"
	Annotate(d)
	checkDocument(t, d)
	var got []string
	for _, x := range d.Sentences {
		got = append(got, d.Slice(x.Span))
	}
	want := []string{"Quake hits southern Peru", "Rescuers dug through rubble on Sunday.", "Dozens died."}
	if !equalStrings(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"SEOUL, South Korea (CNN) - North Korea fired", "SEOUL, South Korea (CNN) -", true},
		{"CAIRO, Aug. 5 (Xinhua) -- Egypt", "CAIRO, Aug. 5 (Xinhua) --", true},
		{"NAIROBI, Kenya (AP) — Floods", "NAIROBI, Kenya (AP) —", true},
		{"  LONDON (Reuters) - Britain", "LONDON (Reuters) -", true},
		{"WASHINGTON — The Senate", "WASHINGTON —", true},
		{"RIO DE JANEIRO, Brazil (AP) — Police", "RIO DE JANEIRO, Brazil (AP) —", true},
		{"PORT-AU-PRINCE, Haiti — Gangs", "PORT-AU-PRINCE, Haiti —", true},
		{"Seoul, South Korea (CNN) - North Korea", "Seoul, South Korea (CNN) -", true},
		{"BEIJING (Xinhua) China's", "BEIJING (Xinhua)", true},
		{"Kyiv, Ukraine — Russia", "", false},
		{"The army said - again - no.", "", false},
		{"NATO said on Monday", "", false},
		{"A - B", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		sp, ok := Dateline(tc.in)
		got := ""
		if ok {
			got = tc.in[sp.Start:sp.End]
		}
		if ok != tc.ok || got != tc.want {
			t.Errorf("Dateline(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestMetaDateline(t *testing.T) {
	tests := []struct {
		text, meta  string
		span, place string
	}{
		{"ROTTERDAM, March 3 - Grain shippers said loading resumed.", "ROTTERDAM, March 3 -", "ROTTERDAM, March 3 -", "ROTTERDAM"},
		// In title case, a month in lower case: the reader vouches for it.
		{"Lima, march 3 - copper miners went back to work.", "Lima, march 3 -", "Lima, march 3 -", "Lima"},
		{"  PORTO ALEGRE, Brazil, March 3 - Dockers struck.", "PORTO ALEGRE, Brazil, March 3 -", "PORTO ALEGRE, Brazil, March 3 -", "PORTO ALEGRE, Brazil"},
		{"OSLO, March 3, Reuter - NORSK HYDRO said it would sell a unit.", "OSLO, March 3, Reuter -", "OSLO, March 3, Reuter -", "OSLO"},
		{"Grain shippers said loading resumed.", "ROTTERDAM, March 3 -", "", ""},
		{"ROTTERDAM, March 3 - Grain.", "", "", ""},
		{"3 March - Grain.", "3 March -", "", ""},
	}
	for _, tc := range tests {
		dl := MetaDateline(tc.text, tc.meta)
		span, place := "", ""
		if dl.Found() {
			span, place = tc.text[dl.Start:dl.End], tc.text[dl.Place.Start:dl.Place.End]
		}
		if span != tc.span || place != tc.place {
			t.Errorf("MetaDateline(%q, %q) = %q place %q; want %q place %q", tc.text, tc.meta, span, place, tc.span, tc.place)
		}
	}
	// Annotate takes the dateline the reader put in Meta.
	d := document.New("m", "Lima, march 3 - copper miners went back to work.")
	d.Meta = map[string]any{"dateline": "Lima, march 3 -"}
	Annotate(d)
	if got := d.Slice(d.Dateline.Span); got != "Lima, march 3 -" {
		t.Errorf("Annotate: dateline %q", got)
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a\n\nb", []string{"a", "b"}},
		{"a\nb\n\n\nc d\n", []string{"a\nb", "c d"}},
		{"one.\ntwo.\nthree", []string{"one.", "two.", "three"}},
		{"wrapped line\ncontinues here.\nNext.", []string{"wrapped line\ncontinues here.", "Next."}},
		{"x\r\n\r\ny\rz", []string{"x", "y\rz"}},
		{"\u00a0 x \u3000", []string{"x"}},
		{"Coffee exports from Brazil rose in\nJanuary, traders said.\n    Shipments reached 1.2 mln\nbags.\n    Prices fell.", []string{"Coffee exports from Brazil rose in\nJanuary, traders said.", "Shipments reached 1.2 mln\nbags.", "Prices fell."}},
		{"a line ending in a comma,\nContinues here.", []string{"a line ending in a comma,\nContinues here."}},
		// Without capitals a lower-case line start says nothing: one paragraph per line.
		{"results of the games\nbarcelona 3 madrid 1\nvalencia 0 sevilla 2", []string{"results of the games", "barcelona 3 madrid 1", "valencia 0 sevilla 2"}},
		{"a line ending in a comma,\ncontinues here.", []string{"a line ending in a comma,\ncontinues here."}},
		{"", nil},
	}
	for _, tc := range tests {
		got := spanTexts(tc.in, Paragraphs(tc.in, nil))
		if !equalStrings(got, tc.want) {
			t.Errorf("Paragraphs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestAnnotate_Linear guards against quadratic scans on adversarial runs.
func TestAnnotate_Linear(t *testing.T) {
	for _, unit := range []string{"ab.", "a.", "x@", "\n", "A. ", ". ", "'", "-", "é.", "ab.cd@", "\u2022 ", "\n\n", "  \n"} {
		s := strings.Repeat(unit, 300_000/len(unit))
		start := time.Now()
		d := document.New("lin", s)
		Annotate(d)
		checkDocument(t, d)
		if el := time.Since(start); el > 3*time.Second {
			t.Errorf("Annotate on %q repeated took %v", unit, el)
		}
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, tc := range layoutCases {
		f.Add(tc.in)
	}
	f.Add("a\xff\xfe. B\xc3. “x”\r\r\n\n• y")
	f.Add("U.S.A. ...… '90s n't 's' 3.5% -- — http://x.y/z. a@b.c")
	f.Fuzz(func(t *testing.T, s string) {
		d := document.New("f", s)
		Annotate(d)
		if d.Text != s {
			t.Fatal("text modified")
		}
		checkDocument(t, d)
	})
}

func FuzzTokenize(f *testing.F) {
	f.Add("Turkey's U.S. didn't 34,000 3.5bn $ % — … http://a.b/c a@b.cd")
	f.Add("\xff\xc3(\u2019s\u2019)")
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, 7, Tokenize(s, 7, nil))
	})
}

func FuzzDateline(f *testing.F) {
	f.Add("CAIRO, Aug. 5 (Xinhua) -- Egypt")
	f.Add("A (B) -")
	f.Fuzz(func(t *testing.T, s string) {
		sp, ok := Dateline(s)
		if ok && (sp.Start < 0 || sp.End > len(s) || sp.End <= sp.Start || !utf8.ValidString(s[sp.Start:sp.End]) && utf8.ValidString(s)) {
			t.Fatalf("Dateline(%q) = %v", s, sp)
		}
		for _, meta := range []string{s[:len(s)/2], s} {
			if dl := MetaDateline(s, meta); dl.Found() && (dl.End > len(s) || dl.Place.Start < dl.Start || dl.Place.End > dl.End) {
				t.Fatalf("MetaDateline(%q, %q) = %v", s, meta, dl)
			}
		}
	})
}

// benchText is a realistic wire story written for these benchmarks.
const benchText = `KHARTOUM, Sudan (AP) — Fighting between Sudan's army and a rival paramilitary force spread to the outskirts of the capital on Tuesday, residents said, as a U.S.-brokered cease-fire collapsed hours after it took effect.

The clashes, which began at about 6 a.m. local time, forced thousands of families to flee toward the Nile. "We heard explosions all night. Nobody slept," said Amira Hassan, a 34-year-old teacher who left her home in Omdurman with her three children.

The U.N. said at least 1,200 people had been killed and 3.5 million displaced since the war began in April. Aid agencies warned that food prices had risen 40% in a month and that the country's health system was "on the verge of collapse."

Gen. Abdel-Fattah Burhan, the army chief, told troops on Monday that there would be no talks "until the rebellion ends." The Rapid Support Forces didn't respond to requests for comment. Mr. Burhan's deputy, Lt. Gen. Shams al-Din Kabbashi, was expected in Jeddah, Saudi Arabia, on Wednesday for meetings with U.S. and Saudi mediators.

The World Food Programme said it needed $1.2bn to feed 6.4 million people through December… Will donors respond? Officials in Washington weren't sure.
`

func BenchmarkText(b *testing.B) {
	d := document.New("b", benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Annotate(d) // reuses the layers' capacity, as a worker reusing documents would
	}
}

func BenchmarkTokenize(b *testing.B) {
	dst := make([]document.Token, 0, 1024)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		dst = Tokenize(benchText, 0, dst[:0])
	}
}

// BenchmarkBBC runs the stage over the BBC corpus from the shared data
// (skipped when absent) and reports MB/s; each document starts empty, as in
// the pipeline.
func BenchmarkBBC(b *testing.B) {
	dir := shareddata.Require(b, "corpus/bbc")
	var texts []string
	total := 0
	for _, name := range []string{"train.csv", "val.csv", "test.csv"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		for first := true; ; first = false {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if first && len(rec) > 0 && rec[0] == "text" {
				continue
			}
			texts = append(texts, rec[0])
			total += len(rec[0])
		}
		f.Close()
	}
	if len(texts) == 0 {
		b.Skip("no BBC texts")
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	ntok := 0
	for b.Loop() {
		ntok = 0
		for _, s := range texts {
			d := document.New("bbc", s)
			Annotate(d)
			ntok += len(d.Tokens)
		}
	}
	b.ReportMetric(float64(ntok), "tokens/corpus")
}

func TestStage_Concurrent(t *testing.T) {
	want := Split(benchText)
	st := New()
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 20; i++ {
				d := document.New("c", benchText)
				if err := st.Process(context.Background(), d); err != nil {
					done <- err
					return
				}
				if len(d.Sentences) != len(want) || d.Sentences[len(want)-1].Span != want[len(want)-1] {
					done <- errors.New("concurrent result differs")
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
