package quotes

import (
	"context"
	"strings"
	"testing"

	"newsgraph/document"
	"newsgraph/pipeline"
)

var _ pipeline.Stage = (*Stage)(nil)

// want is one expected quote: its text, the cue, the speaker span text and
// the resolved name. Spans are checked byte for byte: each expected string
// must be found in the text at the quote's offsets, in order.
type want struct {
	text    string
	direct  bool
	cue     string
	speaker string // speaker span text, "" for none
	name    string // resolved name; defaults to speaker
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"interrupted quote", "\u201cWe will not,\u201d Ana Ortega said on Monday, \u201cback down from our demands.\u201d",
			[]want{{"We will not,", true, "said", "Ana Ortega", ""}, {"back down from our demands.", true, "said", "Ana Ortega", ""}}},
		{"straight quotes, pronoun, consecutive", "Ortega arrived late. \"There is no other way,\" she said. \"The ministry has been clear.\"",
			[]want{{"There is no other way,", true, "said", "she", ""}, {"The ministry has been clear.", true, "", "she", ""}}},
		{"role description with appositive", "Ana Ortega, the veteran diplomat, told reporters that the delegation would stay in Geneva until Friday.",
			[]want{{"the delegation would stay in Geneva until Friday", false, "told", "the veteran diplomat", ""}}},
		{"organization, colon cue", "The ministry said in a statement: \u201cAll options remain open.\u201d",
			[]want{{"All options remain open.", true, "said", "The ministry", ""}}},
		{"inverted cue", "\"The ceasefire must hold,\" said a spokesman for the army.",
			[]want{{"The ceasefire must hold,", true, "said", "a spokesman for the army", ""}}},
		{"according to, leading", "According to police, at least 12 people were detained near the port.",
			[]want{{"at least 12 people were detained near the port", false, "According to", "police", ""}}},
		{"according to, trailing", "Twelve people were detained near the port overnight, according to the interior ministry.",
			[]want{{"Twelve people were detained near the port overnight", false, "according to", "the interior ministry", ""}}},
		{"trailing said", "The talks will resume in Doha next week, officials said.",
			[]want{{"The talks will resume in Doha next week", false, "said", "officials", ""}}},
		{"pointed out", "Lopez pointed out that the border had been closed since March.",
			[]want{{"the border had been closed since March", false, "pointed out", "Lopez", ""}}},
		{"warned that", "The central bank warned that inflation could stay above target through 2026.",
			[]want{{"inflation could stay above target through 2026", false, "warned", "The central bank", ""}}},
		{"nominal cue", "Ortega's statement that the accord was dead surprised the mediators.",
			[]want{{"the accord was dead surprised the mediators", false, "statement", "Ortega", ""}}},
		{"scare quote is not a quote", "The so-called \"roadmap\" was never published.", nil},
		{"title is not a quote", "She appeared on \"Meet The Press\" twice.", nil},
		{"unbalanced quote without attribution ends at its paragraph", "He said \u201cthe budget will pass this week and the vote is safe\n\nLawmakers left the chamber early on Thursday afternoon.",
			[]want{{"the budget will pass this week and the vote is safe", true, "said", "He", ""}}},
		{"dateline and relative clause", "GENEVA (Wire) \u2014 Talks collapsed on Monday after a long night, two diplomats said.",
			[]want{{"Talks collapsed on Monday after a long night", false, "said", "two diplomats", ""}}},
		{"single quotes as primary marks", "'We are ready to sign today,' the minister said.",
			[]want{{"We are ready to sign today,", true, "said", "the minister", ""}}},
		{"double single marks", "''We are ready to sign today,'' Mr. Ortega said.",
			[]want{{"We are ready to sign today,", true, "said", "Mr. Ortega", ""}}},
		{"nested quote", "\u201cThey told us \u2018wait until Friday\u2019 and we waited,\u201d said Lopez.",
			[]want{{"They told us \u2018wait until Friday\u2019 and we waited,", true, "said", "Lopez", ""}}},
		{"multi-paragraph quote", "\u201cWe have waited for three years,\u201d Ortega said. \u201cThe families deserve answers.\n\n\u201cNobody in this government will rest until they get them.\u201d\n\nThe talks resume on Friday.",
			[]want{{"We have waited for three years,", true, "said", "Ortega", ""}, {"The families deserve answers.", true, "", "Ortega", ""},
				{"Nobody in this government will rest until they get them.", true, "", "Ortega", ""}}},
		// the missing closing mark: the quote stops before its attribution and
		// never runs into the next paragraph
		{"unbalanced quote recovers at paragraph end", "\u201cThe bridge is gone and the river is still rising, Mayor Ruiz said.\n\nRescue teams reached the village on Tuesday. Officials said 40 homes were destroyed.",
			[]want{{"The bridge is gone and the river is still rising,", true, "said", "Mayor Ruiz", ""},
				{"40 homes were destroyed", false, "said", "Officials", ""}}},
		// the paragraph's only speaker takes its uncued quote too
		{"emoji and multibyte", "\u201cNo habr\u00e1 tregua \U0001F54A\ufe0f hasta el viernes,\u201d dijo. \u201cC\u2019est fini pour nous,\u201d said Jos\u00e9 Mar\u00eda Ortega.",
			[]want{{"No habr\u00e1 tregua \U0001F54A\ufe0f hasta el viernes,", true, "", "Jos\u00e9 Mar\u00eda Ortega", ""}, {"C\u2019est fini pour nous,", true, "said", "Jos\u00e9 Mar\u00eda Ortega", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := document.New("t", tt.text)
			got := Extract(d)
			if len(got) != len(tt.want) {
				for _, q := range got {
					t.Logf("got %q direct=%v cue=%q", d.Slice(q.Span), q.Direct, q.Cue)
				}
				t.Fatalf("got %d quotes, want %d", len(got), len(tt.want))
			}
			from := 0
			for i, w := range tt.want {
				q := got[i]
				start := strings.Index(tt.text[from:], w.text) + from
				span := document.Span{Start: start, End: start + len(w.text)}
				if q.Span != span {
					t.Errorf("quote %d: span %v %q, want %v %q", i, q.Span, d.Slice(q.Span), span, w.text)
				}
				from = start
				if q.Direct != w.direct || q.Cue != w.cue {
					t.Errorf("quote %d: direct=%v cue=%q, want direct=%v cue=%q", i, q.Direct, q.Cue, w.direct, w.cue)
				}
				if q.Cue != "" && d.Slice(q.CueSpan) != q.Cue {
					t.Errorf("quote %d: cue span %q != cue %q", i, d.Slice(q.CueSpan), q.Cue)
				}
				switch {
				case w.speaker == "" && q.Speaker != nil:
					t.Errorf("quote %d: speaker %q, want none", i, d.Slice(q.Speaker.Span))
				case w.speaker != "" && q.Speaker == nil:
					t.Errorf("quote %d: no speaker, want %q", i, w.speaker)
				case w.speaker != "":
					if d.Slice(q.Speaker.Span) != w.speaker {
						t.Errorf("quote %d: speaker %q, want %q", i, d.Slice(q.Speaker.Span), w.speaker)
					}
					name := w.name
					if name == "" {
						name = w.speaker
					}
					if q.Speaker.Name != name || q.Speaker.Entity != -1 {
						t.Errorf("quote %d: name %q entity %d, want %q -1", i, q.Speaker.Name, q.Speaker.Entity, name)
					}
				}
			}
		})
	}
}

// TestExtract_ResolvesEntities checks that a pronoun or role-description
// speaker takes the name of the entity its mention belongs to.
func TestExtract_ResolvesEntities(t *testing.T) {
	text := "Ana Ortega arrived in Geneva on Sunday.\n\n\u201cWe will not back down,\u201d the veteran diplomat said. \u201cNot now,\u201d she added."
	d := document.New("t", text)
	at := func(s string) document.Span {
		i := strings.Index(text, s)
		return document.Span{Start: i, End: i + len(s)}
	}
	d.Mentions = []document.Mention{
		{Span: at("Ana Ortega"), Type: document.Person, Kind: document.Name, Entity: 0},
		{Span: at("the veteran diplomat"), Type: document.Person, Kind: document.Nominal, Entity: 0},
		{Span: at("she"), Type: document.Person, Kind: document.Pronoun, Entity: 0},
	}
	d.Entities = []document.Entity{{Name: "Ana Ortega", Type: document.Person, Mentions: []int{0, 1, 2}}}
	got := Extract(d)
	if len(got) != 2 {
		t.Fatalf("got %d quotes, want 2", len(got))
	}
	for i, sp := range []string{"the veteran diplomat", "she"} {
		s := got[i].Speaker
		if s == nil || s.Span != at(sp) || s.Entity != 0 || s.Name != "Ana Ortega" {
			t.Errorf("quote %d: speaker %+v, want %q resolved to Ana Ortega", i, s, sp)
		}
	}
}

func TestStage(t *testing.T) {
	s := New()
	if s.Name() != "quotes" || len(s.Provides()) != 1 || s.Provides()[0] != document.LayerQuotes {
		t.Fatalf("bad stage metadata")
	}
	d := document.New("t", "\"We are ready to sign today,\" the minister said.")
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 {
		t.Fatalf("got %d quotes", len(d.Quotes))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, d); err == nil {
		t.Fatal("want error on cancelled context")
	}
}

func TestGKGQuotations(t *testing.T) {
	text := "Caf\u00e9 owners protested. \u201cWe will not close|ever,\u201d said Ortega. \u201cNever.\u201d"
	d := document.New("t", text)
	d.Quotes = Extract(d)
	got := GKGQuotations(d)
	// offsets and lengths in code points; '|' and '#' inside quotes are replaced
	want := "24|23|said|We will not close ever,"
	if got != want {
		t.Errorf("GKGQuotations = %q, want %q", got, want)
	}
}

// TestStage_Concurrent runs Process on many documents at once (go test -race).
func TestStage_Concurrent(t *testing.T) {
	s := New()
	done := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			d := document.New("c", "\u201cWe will not,\u201d she said, \u201cback down.\u201d Officials said the talks would resume.")
			err := s.Process(context.Background(), d)
			if err == nil && len(d.Quotes) != 3 {
				err = context.DeadlineExceeded
			}
			done <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
