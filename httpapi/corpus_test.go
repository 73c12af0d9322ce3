package httpapi

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// TestAPI_Figures: /api/figures returns the tracked figures with every
// report; bad parameters are 400s.
func TestAPI_Figures(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.UpdateCorpus(ctx, func(tx store.CorpusTx) error {
		for i, v := range []float64{12, 21, 9} {
			text := "At least 12 people were killed in Kharkiv."
			d := document.New("d"+string(rune('a'+i)), text)
			d.Outlet = "outlet " + string(rune('A'+i))
			pub := time.Date(2025, 3, 3+i, 12, 0, 0, 0, time.UTC)
			d.Published = &pub
			d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: len(text)}}}
			d.Locations = []document.Location{{Span: document.Span{Start: 34, End: 41}, Name: "Kharkiv", Country: "UA", Mention: -1}}
			d.Counts = []document.Count{{Span: document.Span{Start: 0, End: 18}, Value: v, Object: "people", Category: "KILL", AttributedTo: -1, Location: 0}}
			if err := corpus.Apply(tx, d, "", d.Outlet, corpus.Options{}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	var p page[corpus.TrackedFigure]
	if code := get(t, ts, "/api/figures?category=kill", &p); code != 200 {
		t.Fatalf("status %d", code)
	}
	if len(p.Items) != 1 || p.Items[0].NumValues != 3 || len(p.Items[0].Values) != 3 || p.Items[0].Values[1].Outlet != "outlet B" ||
		p.Items[0].Values[1].Date != "2025-03-04" || len(p.Items[0].Contradictions) != 1 || p.Items[0].Contradictions[0].Kind != "cumulative_toll_fell" {
		t.Fatalf("figures %+v", p.Items)
	}
	for _, u := range []string{"/api/figures?story=0", "/api/figures?limit=0", "/api/figures?bogus=1", "/api/figures?doc=a&doc=b"} {
		var e apiError
		if code := get(t, ts, u, &e); code != 400 {
			t.Errorf("GET %s: status %d, want 400", u, code)
		}
	}
}
