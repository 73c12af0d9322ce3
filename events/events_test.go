package events_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/events/eventstest"
	"github.com/newsgraph/newsgraph/pipeline"
)

var _ pipeline.Stage = (*events.Stage)(nil)

type want struct {
	code, trigger, src, tgt string
	neg, hyp, rep           bool
}

// TestProcess is the golden table: every event with its trigger span,
// actors and flags, for active, passive, nominal, possessive, coordinated,
// negated, hypothetical and reported events.
func TestProcess(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"active", "Russian forces shelled Kharkiv on Tuesday.",
			[]want{{"194", "shelled", "RUSMIL", "UKR", false, false, false}}},
		{"passive", "An Iranian diplomat was arrested by Turkish police in Ankara.",
			[]want{{"173", "arrested", "TURCOP", "IRNGOV", false, false, false}}},
		{"coordination symmetric", "India and Pakistan held talks in Geneva.",
			[]want{{"040", "held talks", "IND", "PAK", false, false, false}, {"040", "held talks", "PAK", "IND", false, false, false}}},
		{"coordinated subjects", "Japan and South Korea condemned North Korea.",
			[]want{{"111", "condemned", "JPN", "PRK", false, false, false}, {"111", "condemned", "KOR", "PRK", false, false, false}}},
		{"possessive nominal", "Sudan's shelling of Darfur drew protests.",
			[]want{{"194", "shelling of", "SDN", "SDN", false, false, false}}},
		{"negated", "Israel did not attack Iran.",
			[]want{{"190", "attack", "ISR", "IRN", true, false, false}}},
		{"hypothetical modal", "Kenya will deploy troops to Haiti.",
			[]want{{"154", "deploy troops", "KEN", "HTI", false, true, false}}},
		{"hypothetical conditional", "If talks fail, the United States could impose sanctions on Iran.",
			[]want{{"163", "impose sanctions", "USA", "IRN", false, true, false}}},
		{"reported", "Ukrainian officials said Russian forces bombed Odesa.",
			[]want{{"195", "bombed", "RUSMIL", "UKR", false, false, true}}},
		{"appeal with object", "The United Nations urged Israel to resume negotiations.",
			[]want{{"026", "urged Israel to resume negotiations", "UNO", "ISR", false, false, false}}},
		{"accuse of", "The Philippines accused China of ramming a vessel.",
			[]want{{"112", "accused China of", "PHL", "CHN", false, false, false}}},
		{"relative clause subject", "Venezuela, which expelled Brazilian diplomats on Monday, criticized Brazil.",
			[]want{{"166", "expelled Brazilian diplomats", "VEN", "BRAGOV", false, false, false}, {"110", "criticized", "VEN", "BRA", false, false, false}}},
		{"no actor, no event", "The talks collapsed after protesters attacked the building.", nil},
		{"noun not verb", "The attack on the convoy was condemned.", nil},
		{"accused act is alleged", "Sudan accused Chad of shelling a market, killing 17 Sudanese civilians.",
			[]want{{"1123", "accused Chad of shelling", "SDN", "TCD", false, false, false}}},
		{"background year", "Egypt condemned Israel, which expelled Egyptian diplomats in 2019.",
			[]want{{"111", "condemned", "EGY", "ISR", false, false, false}}},
		{"stated date is no background", "Russia attacked Ukraine on 3 March 2022.",
			[]want{{"190", "attacked", "RUS", "UKR", false, false, false}}},
		{"second conjunct subject", "Hamas released three hostages on Sunday and Israel freed 90 Palestinian prisoners.",
			[]want{{"0841", "released three hostages", "PSE", "", false, false, false}, {"0841", "freed 90 Palestinian prisoners", "ISR", "PSE", false, false, false}}},
		{"object ends at infinitive", "Qatar urged both sides to return to Cairo.",
			[]want{{"020", "urged both", "QAT", "", false, false, false}}},
		{"name then trigger is a noun", "Israel freed 90 Palestinian prisoners from Ofer jail in the West Bank.",
			[]want{{"0841", "freed 90 Palestinian prisoners", "ISR", "PSE", false, false, false}}},
		{"medical supplies", "Turkey sent 10 tonnes of medical supplies to Syria.",
			[]want{{"073", "sent 10 tonnes of medical supplies", "TUR", "SYR", false, false, false}}},
		{"offer to send aid", "Pakistan offered to send rescue teams to Afghanistan.",
			[]want{{"0333", "offered to send rescue", "PAK", "AFG", false, false, false}}},
		{"multibyte", "« Dernière heure » : Égypte — Egypt hosted Sudanese envoys in Cairo.",
			[]want{{"043", "hosted", "EGY", "SDNGOV", false, false, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, evs := code(t, tt.text)
			if len(evs) != len(tt.want) {
				var got []string
				for _, e := range evs {
					got = append(got, e.Code+" "+d.Slice(e.Span)+" "+actor(e.Source)+">"+actor(e.Target))
				}
				t.Fatalf("got %d events %q, want %d", len(evs), got, len(tt.want))
			}
			for i, w := range tt.want {
				e := evs[i]
				if e.Code != w.code || d.Slice(e.Span) != w.trigger || actor(e.Source) != w.src || actor(e.Target) != w.tgt ||
					e.Negated != w.neg || e.Hypothetical != w.hyp || e.Reported != w.rep {
					t.Errorf("event %d = %s %q %s>%s neg=%v hyp=%v rep=%v, want %+v", i, e.Code, d.Slice(e.Span),
						actor(e.Source), actor(e.Target), e.Negated, e.Hypothetical, e.Reported, w)
				}
				if e.Root != w.code[:2] || e.Quad < 1 || e.Plover == "" || len(e.Evidence) == 0 || e.Evidence[0] != e.Span {
					t.Errorf("event %d fields %+v", i, e)
				}
				if e.Source != nil && !strings.Contains(tt.text[e.Source.Span.Start:e.Source.Span.End], "") {
					t.Errorf("bad source span")
				}
			}
		})
	}
}

// TestProcess_documentLevel checks document-level merging: a retold event
// is one event with two evidence spans, root marking and dates.
func TestProcess_documentLevel(t *testing.T) {
	d, evs := code(t, "Russian forces shelled Kharkiv on Tuesday. Ukraine said Russian forces shelled Kharkiv again on March 3. Japan condemned Russia.")
	if len(evs) != 2 {
		t.Fatalf("got %d events, want the shelling merged and the condemnation", len(evs))
	}
	e := evs[0]
	if len(e.Evidence) != 2 || d.Slice(e.Evidence[1]) != "shelled" || e.Evidence[1].Start < d.Sentences[1].Start {
		t.Errorf("merged evidence %+v", e.Evidence)
	}
	if !e.IsRoot || evs[1].IsRoot {
		t.Errorf("IsRoot = %v, %v; want the first-sentence event only", e.IsRoot, evs[1].IsRoot)
	}
	if e.Date != "2024-03-12" {
		t.Errorf("date %q, want 2024-03-12 (Tuesday before Thursday 14 March)", e.Date)
	}
	if evs[1].Date != "" {
		t.Errorf("undated sentence got date %q", evs[1].Date)
	}
}

// TestDates checks event dates: explicit, relative to the publication
// date (Thursday 14 March 2024), and none for a hypothetical event.
func TestDates(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Russia attacked Ukraine on March 3.", "2024-03-03"},
		{"Russia attacked Ukraine on 3 March 2022.", "2022-03-03"},
		{"Russia attacked Ukraine yesterday.", "2024-03-13"},
		{"Russia attacked Ukraine on Thursday.", "2024-03-14"},
		{"Russia may attack Ukraine in May.", ""},
	} {
		_, evs := code(t, tt.text)
		if len(evs) != 1 || evs[0].Date != tt.want {
			t.Errorf("%q: %+v, want date %q", tt.text, evs, tt.want)
		}
	}
}

// TestNew_userLexicon checks that a user lexicon extends the built-in one
// and that a bad or missing user lexicon is an error.
func TestNew_userLexicon(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/lex.tsv"
	if err := writeFile(path, "# extra\n0233\t+airdrop * food\n"); err != nil {
		t.Fatal(err)
	}
	st, err := events.New(events.Options{Lexicon: path})
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("u", "Jordan airdropped food to Gaza.")
	eventstest.Prepare(d)
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].Code != "0233" || actor(d.Events[0].Target) != "PSE" {
		t.Errorf("user lexicon events %+v", d.Events)
	}
	if err := writeFile(path, "9999\tfoo\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := events.New(events.Options{Lexicon: path}); err == nil || !strings.Contains(err.Error(), "lex.tsv:1") {
		t.Errorf("bad code error = %v", err)
	}
	if _, err := events.New(events.Options{Lexicon: dir + "/missing.tsv"}); err == nil {
		t.Error("missing lexicon accepted")
	}
}

// TestParseLexicon_errors checks that malformed lexicon lines are rejected.
func TestParseLexicon_errors(t *testing.T) {
	for _, in := range []string{"0231", "0231\t", "0231\t* aid", "0231\tX aid", "0231\taid *", "0231\t+", "0231\ta||b"} {
		if _, err := events.ParseLexicon(strings.NewReader(in), "in", nil); err == nil {
			t.Errorf("ParseLexicon(%q) succeeded", in)
		}
	}
}

// TestBuiltin_coversAllRoots checks that the built-in lexicon has patterns
// for all 20 CAMEO roots.
func TestBuiltin_coversAllRoots(t *testing.T) {
	lex, err := events.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	roots := lex.Roots()
	if len(roots) != 20 {
		t.Errorf("lexicon covers %d roots %v, want 20", len(roots), roots)
	}
}

// TestProcess_concurrent runs one stage on several goroutines (run with
// -race).
func TestProcess_concurrent(t *testing.T) {
	st, err := events.New(events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := document.New("c", "Russian forces shelled Kharkiv. India and Pakistan held talks.")
			eventstest.Prepare(d)
			if err := st.Process(context.Background(), d); err != nil || len(d.Events) != 3 {
				t.Errorf("concurrent Process: %v %d events", err, len(d.Events))
			}
		}()
	}
	wg.Wait()
}

// FuzzParseLexicon codes a text with every lexicon that parses from it.
func FuzzParseLexicon(f *testing.F) {
	f.Add("0231\t+appeal for * economic aid\n# c\n\n111\tcondemnation of X\n")
	f.Add("18\t+a|b * X c")
	f.Fuzz(func(t *testing.T, in string) {
		lex, err := events.ParseLexicon(strings.NewReader(in), "fuzz", nil)
		if err != nil {
			return
		}
		st := events.NewWithLexicon(lex, events.Options{})
		d := document.New("f", in)
		eventstest.Prepare(d)
		_ = st.Process(context.Background(), d)
	})
}

// FuzzProcess checks that event spans stay inside arbitrary text.
func FuzzProcess(f *testing.F) {
	f.Add("Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said.")
	f.Add("If Israel and Iran do not hold talks by March 31, the U.N. will...")
	f.Add("’s 's , , and and X")
	f.Add("2014 attack; Sudan accused Chad of shelling, killing 17 and Israel freed 90 prisoners from Ofer jail in 2019")
	f.Add("Qatar urged both sides to return to Cairo in March 2022 and Hamas")
	st, err := events.New(events.Options{})
	if err != nil {
		f.Fatal(err)
	}
	pub := time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		d := document.New("f", text)
		d.Published = &pub
		eventstest.Prepare(d)
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				t.Fatalf("bad span %+v", e.Span)
			}
		}
	})
}

// BenchmarkProcess measures coding a prepared 15-sentence document.
func BenchmarkProcess(b *testing.B) {
	st, err := events.New(events.Options{})
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Russian forces shelled the Ukrainian city of Kharkiv overnight, killing four civilians, Ukrainian officials said on Tuesday. "+
		"Chinese Foreign Minister Wang Yi met his Australian counterpart in Beijing to discuss trade tensions. "+
		"The European Union imposed sanctions on Belarus over its support for the war, and Belarus threatened to respond. ", 5)
	d := document.New("b", text)
	eventstest.Prepare(d)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrepare measures eventstest.Prepare on 15 sentences.
func BenchmarkPrepare(b *testing.B) {
	text := strings.Repeat("Russian forces shelled the Ukrainian city of Kharkiv overnight, killing four civilians, Ukrainian officials said on Tuesday. ", 15)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		d := document.New("b", text)
		eventstest.Prepare(d)
	}
}

// TestCountryOf checks the country-level part of actor codes.
func TestCountryOf(t *testing.T) {
	tests := []struct{ code, want string }{
		{"RUSMIL", "RUS"}, {"UKR", "UKR"}, {"IGOUNO", "UNO"}, {"IGOEEC", "EUR"}, {"IGOUNOICJ", "UNO"},
		{"GOV", ""}, {"CVL", ""}, {"REB", ""}, {"", ""}, {"PSEGOV", "PSE"}, {"ROM", "ROM"}, {"UN", ""},
	}
	for _, tt := range tests {
		if got := events.CountryOf(tt.code); got != tt.want {
			t.Errorf("CountryOf(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}
