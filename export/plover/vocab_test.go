package plover

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

// handDoc is a coded story written by hand: one event per case.
func handDoc(code, plover, mode, actor string) *document.Document {
	text := "Journalists and doctors said troops killed 12 people and wounded 30 in Homs."
	d := document.New("h1", text)
	at := func(s string) document.Span {
		i := strings.Index(text, s)
		return document.Span{Start: i, End: i + len(s)}
	}
	d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: len(text)}}}
	d.Counts = []document.Count{
		{Span: at("12 people"), Value: 12, Category: "KILL", AttributedTo: -1, Location: -1},
		{Span: at("30"), Value: 30, Category: "WOUND", AttributedTo: -1, Location: -1},
	}
	d.Events = []document.Event{{Span: at("killed"), Code: code, Plover: plover, PloverMode: mode, Quad: 4, Location: -1,
		Source: &document.Participant{Name: "troops", Actor: actor, Entity: -1, Span: at("troops")}}}
	return d
}

func TestRecords_vocabulary(t *testing.T) {
	for _, c := range []struct {
		name, code, plover, mode, actor string
		wantMode, wantCtx               []string
		wantCode, wantSector, others    string
	}{
		{"CAMEO MED is PLOVER JRN", "190", "ASSAULT", "", "SYRMED", nil, nil, "SYR", "JRN", ""},
		{"CAMEO HLH is PLOVER MED", "190", "ASSAULT", "", "SYRHLH", nil, nil, "SYR", "MED", ""},
		{"a context in the mode column is a context", "175", "ASSAULT", "pro_autocracy", "SYRMIL", nil, []string{"pro_autocracy", "military"}, "SYR", "MIL", ""},
		{"a mode of another type is dropped", "1322", "THREATEN", "ban", "SYRGOV", nil, []string{"pro_autocracy"}, "SYR", "GOV", ""},
		{"a mode of the type is a list", "042", "CONSULT", "visit", "SYRGOVMIL", []string{"visit"}, nil, "SYR", "GOV", "MIL"},
		{"IGOUNO is the UN", "190", "ASSAULT", "", "IGOUNO", nil, nil, "UNO", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := handDoc(c.code, c.plover, c.mode, c.actor)
			r := Records(d, Options{})[0]
			if !slices.Equal(r.Mode, c.wantMode) || (c.wantCtx != nil && !slices.Equal(r.Context, c.wantCtx)) {
				t.Errorf("mode %q context %q, want %q %q", r.Mode, r.Context, c.wantMode, c.wantCtx)
			}
			a := r.Actor[0]
			if a.Code != c.wantCode || a.SectorCode != c.wantSector || a.OtherSectorCodes != c.others || a.RawText != "troops" {
				t.Errorf("actor %+v, want code %s sector %s others %q", a, c.wantCode, c.wantSector, c.others)
			}
			if r.Dead == nil || *r.Dead != 12 || r.Injured == nil || *r.Injured != 30 || r.Arrested != nil {
				t.Errorf("dead %v injured %v arrested %v, want 12 30 none", r.Dead, r.Injured, r.Arrested)
			}
			if len(r.EventText) != 1 || r.Date != "" {
				t.Errorf("event_text %q date %q", r.EventText, r.Date)
			}
			var buf bytes.Buffer
			if err := Write(&buf, []*document.Document{d}, Options{}); err != nil {
				t.Fatal(err)
			}
			if err := Check(&buf); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestCheck_rejects(t *testing.T) {
	for _, in := range []string{
		`{"id":"a","date":"2024-01-02","actor":[],"event":["FIGHT"],"quad_code":4}`,
		`{"id":"a","date":"2024-01-02","actor":[],"event":["ASSAULT"],"mode":["pro_autocracy"],"quad_code":4}`,
		`{"id":"a","date":"1970-01-01","actor":[],"event":["ASSAULT"],"quad_code":4}`,
		`{"id":"a","date":"2024-01-02","actor":[{"raw_text":"x","code":"XX","start":0,"end":1}],"event":["ASSAULT"],"quad_code":4}`,
		`{"id":"a","date":"2024-01-02","actor":[{"raw_text":"x","sector_code":"HLH","start":0,"end":1}],"event":["ASSAULT"],"quad_code":4}`,
		"{\"id\":\"a\",\"date\":\"\",\"actor\":[],\"event\":[\"AID\"],\"quad_code\":2}\n{\"id\":\"a\",\"date\":\"\",\"actor\":[],\"event\":[\"AID\"],\"quad_code\":2}",
	} {
		if err := Check(strings.NewReader(in)); err == nil {
			t.Errorf("Check(%s) passed", in)
		}
	}
}

func FuzzCheck(f *testing.F) {
	f.Add(`{"id":"a","date":"2024-01-02","actor":[{"raw_text":"x","code":"SYR","sector_code":"MIL","start":0,"end":1}],"event":["ASSAULT"],"mode":["firearms"],"quad_code":4}`)
	f.Fuzz(func(t *testing.T, s string) {
		_ = Check(strings.NewReader(s))
	})
}
