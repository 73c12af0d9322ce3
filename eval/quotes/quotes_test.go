package quotes

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/shareddata"
)

// story is a short wire story with multibyte text before the quotes, so that
// code point and byte offsets differ.
const story = "Caf\u00e9 talks in Z\u00fcrich stalled on Monday.\n\n" +
	"\u201cWe will not back down from these demands,\u201d Ana Ortega said.\n\n" +
	"Officials said the next round would open in Geneva."

// ann is a brat file for story in code point offsets.
func ann() string {
	ix := document.NewIndex(story)
	cp := func(s string) (int, int) {
		b := strings.Index(story, s)
		return ix.Rune(b), ix.Rune(b + len(s))
	}
	var sb strings.Builder
	add := func(id, typ, s string) {
		a, b := cp(s)
		sb.WriteString(id + "\t" + typ + " " + itoa(a) + " " + itoa(b) + "\t" + s + "\n")
	}
	add("T1", "Source", "Ana Ortega")
	add("T2", "Cue", "said")
	add("T3", "Content", "\u201cWe will not back down from these demands,\u201d")
	add("T4", "Attribution", "said")
	sb.WriteString("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
	add("T5", "Source", "Officials")
	add("T6", "Cue", "said")
	add("T7", "Content", "the next round would open in Geneva")
	add("T8", "Attribution", "said")
	sb.WriteString("E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n")
	return sb.String()
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func writeSplit(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "text", "wire_1.txt"), []byte(story), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "attributions", "wire_1_ab12.ann"), []byte(ann()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestParseBrat(t *testing.T) {
	d := document.New("t", story)
	got, err := ParseBrat(strings.NewReader(ann()), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d attributions, want 2", len(got))
	}
	if s := d.Slice(got[0].Content[0]); s != "\u201cWe will not back down from these demands,\u201d" || !got[0].Quoted || got[0].Cue != "said" {
		t.Errorf("attribution 0: %q quoted=%v cue=%q", s, got[0].Quoted, got[0].Cue)
	}
	if s := d.Slice(got[0].Source[0]); s != "Ana Ortega" {
		t.Errorf("source 0 = %q", s)
	}
	if got[1].Quoted || d.Slice(got[1].Content[0]) != "the next round would open in Geneva" {
		t.Errorf("attribution 1: %+v", got[1])
	}
	if _, err := ParseBrat(strings.NewReader("T1\tContent x y\tz\n"), d); err == nil {
		t.Error("want error for malformed offsets")
	}
}

func TestEvaluate(t *testing.T) {
	dir := writeSplit(t)
	rep, err := Evaluate(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	row, ok := rep.Score("direct quotes")
	if !ok || row.TP != 1 || row.FP != 0 || row.FN != 0 {
		t.Errorf("direct quotes = %+v", row)
	}
	row, _ = rep.Score("all attributions")
	if row.TP != 2 || row.FN != 0 {
		t.Errorf("all attributions = %+v", row)
	}
	var acc float64 = -1
	for _, m := range rep.Metrics {
		if m.Name == "speaker accuracy" {
			acc = m.Value
		}
	}
	if acc != 1 {
		t.Errorf("speaker accuracy = %v, want 1", acc)
	}
}

func TestMain_Usage(t *testing.T) {
	var out, errb bytes.Buffer
	if c := Main(context.Background(), nil, &out, &errb); c != 2 {
		t.Errorf("no flags: exit %d, want 2", c)
	}
	if c := Main(context.Background(), []string{"--polnear", t.TempDir()}, &out, &errb); c != 1 {
		t.Errorf("empty dir: exit %d, want 1", c)
	}
	dir := writeSplit(t)
	out.Reset()
	if c := Main(context.Background(), []string{"--polnear", dir, "--json"}, &out, &errb); c != 0 {
		t.Fatalf("exit %d: %s", c, errb.String())
	}
	if !strings.Contains(out.String(), "\"direct quotes\"") {
		t.Errorf("JSON report lacks the direct quotes row: %s", out.String())
	}
}

// TestMain_Errors checks that --errors writes each matched direct quote
// whose speaker is wrong, with the predicted and the gold speaker.
func TestMain_Errors(t *testing.T) {
	dir := writeSplit(t)
	wrong := func(ctx context.Context, d *document.Document) error {
		if err := DefaultProcess(ctx, d); err != nil {
			return err
		}
		for i := range d.Quotes {
			if d.Quotes[i].Direct {
				d.Quotes[i].Speaker = &document.Speaker{Span: d.Quotes[i].CueSpan, Name: "Nobody", Entity: -1}
			}
		}
		return nil
	}
	path := filepath.Join(t.TempDir(), "errors.txt")
	var out, errb bytes.Buffer
	if c := MainWith(context.Background(), []string{"--polnear", dir, "--errors", path}, &out, &errb, wrong); c != 0 {
		t.Fatalf("exit %d: %s", c, errb.String())
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := string(raw)
	for _, want := range []string{"wire_1 ", "We will not back down from these demands,", "name=\"Nobody\"", "gold: \"Ana Ortega\""} {
		if !strings.Contains(got, want) {
			t.Errorf("errors file lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(out.String(), "speaker accuracy             0.0000") {
		t.Errorf("report: %s", out.String())
	}
	if c := MainWith(context.Background(), []string{"--polnear", dir, "--errors", filepath.Join(dir, "missing", "e.txt")}, &out, &errb, wrong); c != 1 {
		t.Errorf("unwritable errors file: exit %d, want 1", c)
	}
}

// TestPolNeARDev checks the targets on the shared PolNeAR dev split.
func TestPolNeARDev(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: whole PolNeAR dev split")
	}
	dir := shareddata.Require(t, "quotes/polnear/dev")
	rep, err := Evaluate(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	if err := rep.WriteText(&sb); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + sb.String())
	row, _ := rep.Score("direct quotes")
	if row.F1 < 0.92 {
		t.Errorf("direct-quote F1 %.4f < 0.92", row.F1)
	}
	row, _ = rep.Score("reported, listed cues")
	if row.R < 0.6 || row.P < 0.8 {
		t.Errorf("reported speech P %.4f R %.4f", row.P, row.R)
	}
	for _, m := range rep.Metrics {
		if m.Name == "speaker accuracy" && m.Value < 0.90 {
			t.Errorf("speaker accuracy %.4f < 0.90", m.Value)
		}
	}
}

func FuzzParseBrat(f *testing.F) {
	f.Add(ann())
	f.Add("T1\tContent 0 5;7 9\tx\nE1\tAttribution:T2 Content:T1\n")
	f.Add("T1\tSource 99999999999 3\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		d := document.New("f", story)
		got, err := ParseBrat(strings.NewReader(s), d)
		if err != nil {
			return
		}
		for _, a := range got {
			for _, sp := range append(a.Content, a.Source...) {
				if sp.Start < 0 || sp.End > len(story) || sp.Start > sp.End {
					t.Fatalf("bad span %v", sp)
				}
			}
		}
	})
}

// TestNonNews runs text, genre, entities and quotes over five texts that
// are not news (testdata/nonnews, our own writing): source code, a
// contract, a README, a recipe and a short story. Code string literals,
// Markdown code spans, a contract's defined terms and scare quotes are no
// quotes, and the recipe is a recipe page (genre), which has none; the
// story is too short for the genre stage to call it fiction (no cue but
// three narrative words), so its dialogue is speech and each quote must have
// its speaker.
func TestNonNews(t *testing.T) {
	type q struct{ text, speaker string }
	tests := []struct {
		file string
		want []q
	}{
		{"code.txt", nil},
		{"contract.txt", nil},
		{"readme.txt", nil},
		{"recipe.txt", nil},
		{"fiction.txt", []q{{"You're late,", "Maren"}, {"The sea had other plans,", "he"}, {"It usually does, out here.", "he"},
			{"Then you had better come inside before it changes its mind again.", "She"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "nonnews", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d := document.New(tt.file, string(raw))
			if err := DefaultProcess(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []q
			for _, x := range d.Quotes {
				sp := ""
				if x.Speaker != nil {
					sp = d.Slice(x.Speaker.Span)
				}
				got = append(got, q{d.Slice(x.Span), sp})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes %q, want %q", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d: got %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestParseBrat_SwappedRoles checks that an inverted attribution whose
// annotation exchanged Source and Cue ("…," said Vance, with Source "said")
// is read with the name as the source, and that an ordinary one is kept.
func TestParseBrat_SwappedRoles(t *testing.T) {
	const text = "\u201cThe bridge stays shut,\u201d said Vance.\n\nLena Park told reporters the bridge would reopen."
	ix := document.NewIndex(text)
	span := func(s string) string {
		b := strings.Index(text, s)
		return itoa(ix.Rune(b)) + " " + itoa(ix.Rune(b+len(s)))
	}
	for _, tc := range []struct {
		name, src, cue      string
		wantSource, wantCue string
		wantSwapped         bool
	}{
		{"swapped", "said", "Vance", "Vance", "said", true},
		{"as annotated", "Vance", "said", "Vance", "said", false},
		{"told is a cue too", "told", "Lena Park", "Lena Park", "told", true},
		{"a two-word source is no slip", "Lena Park", "told", "Lena Park", "told", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			content := "\u201cThe bridge stays shut,\u201d"
			if strings.Contains(tc.src+tc.cue, "Lena") {
				content = "the bridge would reopen"
			}
			ann := "T1\tSource " + span(tc.src) + "\t" + tc.src + "\n" +
				"T2\tCue " + span(tc.cue) + "\t" + tc.cue + "\n" +
				"T3\tContent " + span(content) + "\t" + content + "\n" +
				"E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
			d := document.New("t", text)
			got, err := ParseBrat(strings.NewReader(ann), d)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 {
				t.Fatalf("got %d attributions", len(got))
			}
			a := got[0]
			if s := d.Slice(a.Source[0]); s != tc.wantSource || a.Cue != strings.ToLower(tc.wantCue) || a.Swapped != tc.wantSwapped {
				t.Errorf("source %q cue %q swapped %v, want %q %q %v", s, a.Cue, a.Swapped, tc.wantSource, strings.ToLower(tc.wantCue), tc.wantSwapped)
			}
		})
	}
}

// TestSpeakerOK_Coreference checks the coreference rule: a gold source that
// is one mention of the speaker's entity counts (pronoun, possessive), a
// phrase that only holds such a mention does not.
func TestSpeakerOK_Coreference(t *testing.T) {
	const text = "Mara Quist spoke first. She said her husband would run. Quist's aides agreed."
	at := func(s string, n int) document.Span {
		b := -1
		for i := 0; i < n; i++ {
			b += 1 + strings.Index(text[b+1:], s)
		}
		return document.Span{Start: b, End: b + len(s)}
	}
	d := document.New("t", text)
	d.Mentions = []document.Mention{
		{Span: at("Mara Quist", 1), Kind: document.Name, Entity: 0},
		{Span: at("She", 1), Kind: document.Pronoun, Entity: 0},
		{Span: at("her", 1), Kind: document.Pronoun, Entity: 0},
		{Span: at("Quist", 2), Kind: document.Name, Entity: 0},
	}
	d.Entities = []document.Entity{{Name: "Mara Quist", Mentions: []int{0, 1, 2, 3}}}
	spk := &document.Speaker{Span: at("Mara Quist", 1), Name: "Mara Quist", Entity: 0}
	for _, tc := range []struct {
		name      string
		gold      document.Span
		coref, ok bool
	}{
		{"pronoun of the entity", at("She", 1), true, true},
		{"pronoun without the rule", at("She", 1), false, false},
		{"possessive name", document.Span{Start: at("Quist's", 1).Start, End: at("Quist's", 1).End}, true, true},
		{"phrase holding a mention", document.Span{Start: at("her husband", 1).Start, End: at("her husband", 1).End}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := speakerOK(d, spk, []document.Span{tc.gold}, tc.coref); got != tc.ok {
				t.Errorf("speakerOK(%q) = %v, want %v", d.Slice(tc.gold), got, tc.ok)
			}
		})
	}
}
