package entities

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/text"
)

// ruleStage is the stage without the statistical tagger: its output is a
// pure function of the rules, so span tests do not depend on the model.
func ruleStage(tb testing.TB) *Stage {
	tb.Helper()
	s, err := New(Options{NoTagger: true})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// runWithSpans annotates text with the rule layers over the given tagger
// spans: "w1 w2|TYPE" marks, per sentence, the words of a tagged span.
func runWithSpans(tb testing.TB, s *Stage, src string, tagged map[string]string) *document.Document {
	tb.Helper()
	d := document.New("t", src)
	text.Annotate(d)
	spans := make([][]ner.Span, len(d.Sentences))
	for words, typ := range tagged {
		want := strings.Fields(words)
		for si, sn := range d.Sentences {
			for i := sn.FirstToken; i+len(want) <= sn.EndToken; i++ {
				ok := true
				for k, w := range want {
					if d.TokenText(i+k) != w {
						ok = false
						break
					}
				}
				if ok {
					spans[si] = append(spans[si], ner.Span{Start: i - sn.FirstToken, End: i - sn.FirstToken + len(want), Type: typ, Score: 1})
				}
			}
		}
	}
	for si := range spans {
		sortSpans(spans[si])
	}
	a := newAnnotator(s, d)
	a.run(spans)
	return d
}

func sortSpans(s []ner.Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

type wantMention struct {
	Start, End int
	Text       string
	Type       document.EntityType
	Kind       document.MentionKind
	Actor      string
}

func TestStage_MentionSpans(t *testing.T) {
	s := ruleStage(t)
	tests := []struct {
		name   string
		src    string
		tagged map[string]string
		want   []wantMention
	}{{
		name:   "title stripped, nationality gives actor",
		src:    "Turkish Foreign Minister Hakan Demir arrived.",
		tagged: map[string]string{"Turkish": "MISC", "Foreign Minister Hakan Demir": "PER"},
		want: []wantMention{
			{0, 7, "Turkish", document.NORP, document.Name, ""},
			{25, 36, "Hakan Demir", document.Person, document.Name, "TURGOV"},
		},
	}, {
		name:   "possessive and trailing punctuation excluded; apposition role",
		src:    "Ana Ortega, Spain's foreign minister, spoke.",
		tagged: map[string]string{"Ana Ortega ,": "PER", "Spain": "LOC"},
		want: []wantMention{
			{0, 10, "Ana Ortega", document.Person, document.Name, "ESPGOV"},
			{12, 17, "Spain", document.GPE, document.Name, "ESP"},
			{20, 36, "foreign minister", document.Person, document.Nominal, "ESPGOV"},
		},
	}, {
		name:   "leading the dropped; dictionary fills a gap; acronyms need capitals",
		src:    "The United Nations and the world body's WHO office met; who knows.",
		tagged: map[string]string{"the United Nations": "ORG"},
		want: []wantMention{
			{4, 18, "United Nations", document.Org, document.Name, "IGOUNO"},
			{27, 37, "world body", document.Org, document.Nominal, "IGOUNO"},
			{40, 43, "WHO", document.Org, document.Name, "IGOUNOWHO"},
		},
	}, {
		name:   "ALL CAPS: capitals come from the tagger's names (no United States in TOLD US)",
		src:    "TURKISH FOREIGN MINISTER HAKAN DEMIR TOLD US THE TALKS IN GENEVA WOULD GO ON.",
		tagged: map[string]string{"TURKISH": "MISC", "HAKAN DEMIR": "PER", "GENEVA": "LOC"},
		want: []wantMention{
			{0, 7, "TURKISH", document.NORP, document.Name, ""},
			{25, 36, "HAKAN DEMIR", document.Person, document.Name, "TURGOV"},
			{58, 64, "GENEVA", document.GPE, document.Name, ""},
		},
	}, {
		name:   "lower case: tagged spans are names; dictionary facts and roles still apply",
		src:    "turkish foreign minister hakan demir told us the talks in geneva would go on, and the united nations agreed.",
		tagged: map[string]string{"turkish": "MISC", "hakan demir": "PER", "geneva": "LOC", "united nations": "ORG"},
		want: []wantMention{
			{0, 7, "turkish", document.NORP, document.Name, ""},
			{25, 36, "hakan demir", document.Person, document.Name, "TURGOV"},
			{58, 64, "geneva", document.GPE, document.Name, ""},
			{86, 100, "united nations", document.Org, document.Name, "IGOUNO"},
		},
	}, {
		name:   "ministry with country possessive, troops and police with nationality",
		src:    "Kenya's interior ministry said Ethiopian troops and Nigerian police left.",
		tagged: map[string]string{"Kenya": "LOC", "Ethiopian": "MISC", "Nigerian": "MISC"},
		want: []wantMention{
			{0, 5, "Kenya", document.GPE, document.Name, "KEN"},
			{8, 25, "interior ministry", document.Org, document.Nominal, "KENGOV"},
			{31, 40, "Ethiopian", document.NORP, document.Name, ""},
			{41, 47, "troops", document.Org, document.Nominal, "ETHMIL"},
			{52, 60, "Nigerian", document.NORP, document.Name, ""},
			{61, 67, "police", document.Org, document.Nominal, "NGACOP"},
		},
	}, {
		name:   "capital used as government; capital as place",
		src:    "Ankara said it was ready. Talks were held in Ankara.",
		tagged: map[string]string{"Ankara": "LOC"},
		want: []wantMention{
			{0, 6, "Ankara", document.GPE, document.Name, "TUR"},
			{45, 51, "Ankara", document.GPE, document.Name, ""},
		},
	}, {
		name:   "multibyte text before mentions; curly quotes",
		src:    "“Ça va,” said Zoë Dubois, the French envoy. She left.",
		tagged: map[string]string{"Zoë Dubois": "PER", "French": "MISC"},
		want: []wantMention{
			{19, 30, "Zoë Dubois", document.Person, document.Name, "FRAGOV"},
			{36, 42, "French", document.NORP, document.Name, ""},
			{43, 48, "envoy", document.Person, document.Nominal, "FRAGOV"},
			{50, 53, "She", document.Person, document.Pronoun, ""},
		},
	}, {
		name:   "Palestinian militants and a river",
		src:    "Palestinian militants fired rockets across the Jordan River.",
		tagged: map[string]string{"Palestinian": "MISC", "Jordan River": "LOC"},
		want: []wantMention{
			{0, 11, "Palestinian", document.NORP, document.Name, ""},
			{12, 21, "militants", document.Org, document.Nominal, "PSEREB"},
			{47, 59, "Jordan River", document.Loc, document.Name, ""},
		},
	}, {
		name:   "role adjective before a noun is no description; before a verb it is",
		src:    "The French official said the official visit to Cairo would go ahead.",
		tagged: map[string]string{"French": "MISC", "Cairo": "LOC"},
		want: []wantMention{
			{4, 10, "French", document.NORP, document.Name, ""},
			{11, 19, "official", document.Person, document.Nominal, "FRAGOV"},
			{47, 52, "Cairo", document.GPE, document.Name, "EGY"},
		},
	}, {
		name:   "role adjective before a plural noun; rebel before a noun",
		src:    "Kenyan officials said official figures showed that rebel territory had shrunk.",
		tagged: map[string]string{"Kenyan": "MISC"},
		want: []wantMention{
			{0, 6, "Kenyan", document.NORP, document.Name, ""},
			{7, 16, "officials", document.Org, document.Nominal, "KENGOV"},
		},
	}, {
		name:   "role adjective before a verb ending in -ed or a modifier stays a description",
		src:    "The Kenyan official declined to comment. Police paid the Kenyan official two visits.",
		tagged: map[string]string{"Kenyan": "MISC"},
		want: []wantMention{
			{4, 10, "Kenyan", document.NORP, document.Name, ""},
			{11, 19, "official", document.Person, document.Nominal, "KENGOV"},
			{41, 47, "Police", document.Org, document.Nominal, "COP"},
			{57, 63, "Kenyan", document.NORP, document.Name, ""},
			{64, 72, "official", document.Person, document.Nominal, "KENGOV"},
		},
	}, {
		name:   "official before a role or an -ing form before a determiner stays a description",
		src:    "Ana Ortega, the official spokesman, left. The Kenyan official citing the report smiled.",
		tagged: map[string]string{"Ana Ortega": "PER", "Kenyan": "MISC"},
		want: []wantMention{
			{0, 10, "Ana Ortega", document.Person, document.Name, "GOV"},
			{16, 34, "official spokesman", document.Person, document.Nominal, "GOV"},
			{46, 52, "Kenyan", document.NORP, document.Name, ""},
			{53, 61, "official", document.Person, document.Nominal, "KENGOV"},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := runWithSpans(t, s, tt.src, tt.tagged)
			var got []wantMention
			for _, m := range d.Mentions {
				got = append(got, wantMention{m.Start, m.End, d.Slice(m.Span), m.Type, m.Kind, m.Actor})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("mentions\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestStage_Coreference(t *testing.T) {
	s := ruleStage(t)
	src := "Foreign Minister Ana Ortega met Hakan Demir. Ortega said she was hopeful. " +
		"The minister added that Demir had agreed. He did not comment."
	d := runWithSpans(t, s, src, map[string]string{
		"Foreign Minister Ana Ortega": "PER", "Hakan Demir": "PER", "Ortega": "PER", "Demir": "PER",
	})
	want := map[string]string{"Ana Ortega": "Ana Ortega", "Ortega": "Ana Ortega", "she": "Ana Ortega", "minister": "Ana Ortega",
		"Hakan Demir": "Hakan Demir", "Demir": "Hakan Demir", "He": "Hakan Demir"}
	seen := 0
	for _, m := range d.Mentions {
		w, ok := want[d.Slice(m.Span)]
		if !ok {
			continue
		}
		seen++
		if m.Entity < 0 || d.Entities[m.Entity].Name != w {
			t.Errorf("%q → entity %d, want %q", d.Slice(m.Span), m.Entity, w)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the expected mentions", seen)
	}
	for i, e := range d.Entities {
		for _, mi := range e.Mentions {
			if d.Mentions[mi].Entity != i {
				t.Errorf("entity %d lists mention %d of entity %d", i, mi, d.Mentions[mi].Entity)
			}
		}
	}
}

func TestStage_UserDictionary(t *testing.T) {
	u, err := actors.Load(strings.NewReader("Sahel Liberation Front\tMLIREB\tORG\tSLF\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{NoTagger: true, Dict: u})
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("u", "The Sahel Liberation Front attacked a convoy. The SLF said it would fight on.")
	text.Annotate(d)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, fmt.Sprintf("%s/%s/%d", d.Slice(m.Span), m.Actor, m.Entity))
	}
	want := "[Sahel Liberation Front/MLIREB/0 SLF/MLIREB/0 it//0]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
	if len(d.Entities) != 1 || d.Entities[0].Actor != "MLIREB" {
		t.Errorf("entities %+v", d.Entities)
	}
	// The built-in dictionary is unchanged.
	if _, ok := actors.Default().Lookup("SLF"); ok {
		t.Error("user dictionary leaked into actors.Default()")
	}
}

func TestStage_Pipeline(t *testing.T) {
	s := ruleStage(t)
	p, err := pipeline.New(text.New(), s)
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("p", "NATO said its troops would stay.")
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) == 0 || d.Entities[0].Actor != "IGONAT" {
		t.Errorf("entities %+v", d.Entities)
	}
	if _, err := pipeline.New(s); err == nil {
		t.Error("pipeline without text stage accepted")
	}
}

func TestStage_Concurrent(t *testing.T) {
	process := testProcess(t)
	sts := stories(t)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, st := range sts {
				d := document.New(st.Name, st.Text)
				if err := process(context.Background(), d); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

func TestStage_Canceled(t *testing.T) {
	s := ruleStage(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, document.New("c", "x")); err == nil {
		t.Error("canceled context: no error")
	}
}

func FuzzStage(f *testing.F) {
	for _, s := range []string{"", "He said.", "Kenya's 's 's ministry", "the the the", "“Ça” Ankara said it", "Mr. , , ' police"} {
		f.Add(s)
	}
	s := ruleStage(f)
	f.Fuzz(func(t *testing.T, src string) {
		d := document.New("f", src)
		text.Annotate(d)
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, m := range d.Mentions {
			if m.Start < prev || m.End <= m.Start || m.End > len(src) {
				t.Fatalf("bad or overlapping mention %+v in %q", m, src)
			}
			prev = m.End
			if m.Entity >= len(d.Entities) {
				t.Fatalf("mention entity %d out of range", m.Entity)
			}
		}
	})
}

// TestStage_UserDictionaryOverridesTagger: a user entry wins over the
// tagger's reading of the same words (the tagger reads "Georgian" as a
// nationality) and no overlapping tagger mention survives.
func TestStage_UserDictionaryOverridesTagger(t *testing.T) {
	u, err := actors.Load(strings.NewReader("Georgian Dream\tGEOGOV\tORG\tGD\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Dict: u})
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("u", "TBILISI — Georgian Dream accused the opposition of planning unrest on Sunday.")
	text.Annotate(d)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range d.Mentions {
		span := d.Slice(m.Span)
		if span == "Georgian Dream" && m.Type == document.Org && m.Actor == "GEOGOV" {
			found = true
		} else if strings.Contains("Georgian Dream", span) {
			t.Errorf("overlapping mention %q (%s) kept", span, m.Type)
		}
	}
	if !found {
		t.Errorf("user entry not applied: %+v", d.Mentions)
	}
}
