package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// TestStore_CappedTotals lists 30 synthetic documents (each with three
// entities, LBNMIL, LBNREB and LBN, one event LBNMIL → LBNREB in LB, one
// quote, one count, one place: Tripoli, LB; published on June 1..28, two
// documents a day for the first two days) with Filter.TotalCap 10 through
// every plan a total takes: the stored statistics (exact whatever the
// cap), the documents' sets (one, several, the full-text index, a
// topic), a layer's plain count and its count from a set of documents,
// and the search; a total under or at the cap stays exact, and a page
// that ends past the cap counts to its end.
func TestStore_CappedTotals(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "capped.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := storetest.Synthetic(30)
	for i, d := range docs {
		if i%3 == 0 {
			d.Topic, d.TopicP = "politics", 0.9 // 10 documents: as many as the cap
		}
		if i%2 == 0 {
			d.Counts[0].Location = 0 // 15 counts located in Tripoli
		}
	}
	if _, err := s.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	day := func(s string) *time.Time { t, _ := time.Parse("2006-01-02", s); return &t }
	capped := func(q store.Query) store.Filter { return store.Filter{Query: q, TotalCap: 10} }
	type want struct {
		total  int
		capped bool
		items  int
	}
	for _, c := range []struct {
		name string
		list func(store.Filter) (int, bool, int, error)
		f    store.Filter
		want want
	}{
		{"documents: the stored count, exact", docList(s), capped(store.Query{Limit: 5}), want{30, false, 5}},
		{"documents: exact without a cap", docList(s), store.Filter{Query: store.Query{Limit: 5, Actor: "LBN"}}, want{30, false, 5}},
		{"documents: a cap over the total", docList(s), store.Filter{Query: store.Query{Limit: 5, Actor: "LBN"}, TotalCap: 100}, want{30, false, 5}},
		{"documents: an actor's set", docList(s), capped(store.Query{Limit: 5, Actor: "LBN"}), want{10, true, 5}},
		{"documents: the full-text index", docList(s), capped(store.Query{Limit: 5, Text: "Tripoli"}), want{10, true, 5}},
		{"documents: two sets", docList(s), capped(store.Query{Limit: 5, Text: "Tripoli", Actor: "LBNMIL"}), want{10, true, 5}},
		{"documents: a place's set", docList(s), store.Filter{Query: store.Query{Limit: 5}, Place: "LB", TotalCap: 10}, want{10, true, 5}},
		{"documents: a topic with as many as the cap, exact", docList(s), store.Filter{Query: store.Query{Limit: 5}, Topic: "politics", TotalCap: 10}, want{10, false, 5}},
		{"documents: a time range under the cap", docList(s), capped(store.Query{Limit: 5, Since: day("2024-06-20")}), want{9, false, 5}},
		{"documents: a time range over the cap", docList(s), capped(store.Query{Limit: 5, Since: day("2024-06-10")}), want{10, true, 5}},
		{"documents: a page ending past the cap", docList(s), capped(store.Query{Limit: 5, Offset: 8, Actor: "LBN"}), want{13, true, 5}},
		{"documents: the last page", docList(s), capped(store.Query{Limit: 10, Offset: 20, Actor: "LBN"}), want{30, false, 10}},
		{"events: every row", eventList(s), capped(store.Query{Limit: 5}), want{10, true, 5}},
		{"events: an actor code", eventList(s), capped(store.Query{Limit: 5, Actor: "LBNMIL"}), want{10, true, 5}},
		{"events: their place", eventList(s), store.Filter{Query: store.Query{Limit: 5}, Place: "LB", TotalCap: 10}, want{10, true, 5}},
		{"events: a topic's documents, as many as the cap", eventList(s), store.Filter{Query: store.Query{Limit: 5}, Topic: "politics", TotalCap: 10}, want{10, false, 5}},
		{"events: past the end", eventList(s), capped(store.Query{Limit: 5, Offset: 40}), want{30, false, 0}},
		{"counts: their own place", countList(s), store.Filter{Query: store.Query{Limit: 5}, Place: "LB", TotalCap: 10}, want{10, true, 5}},
		{"counts: their own place, exact", countList(s), store.Filter{Query: store.Query{Limit: 5}, Place: "Tripoli"}, want{15, false, 5}},
		{"counts: their own place, a page past the cap", countList(s), store.Filter{Query: store.Query{Limit: 5, Offset: 10}, Place: "tripoli", TotalCap: 10}, want{15, false, 5}},
		{"quotes: the full-text index", quoteList(s), capped(store.Query{Limit: 5, Text: "fighting"}), want{10, true, 5}},
		{"search", searchList(s), capped(store.Query{Limit: 5, Text: "Tripoli"}), want{10, true, 5}},
		{"search: a page ending past the cap", searchList(s), capped(store.Query{Limit: 5, Offset: 20, Text: "Tripoli"}), want{25, true, 5}},
		{"search: the last page", searchList(s), capped(store.Query{Limit: 10, Offset: 20, Text: "Tripoli"}), want{30, false, 10}},
		{"search: with a filter", searchList(s), capped(store.Query{Limit: 5, Text: "Tripoli", Actor: "LBNREB"}), want{10, true, 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			total, capped, items, err := c.list(c.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := (want{total, capped, items}); got != c.want {
				t.Errorf("total %d, capped %v, %d items; want %+v", total, capped, items, c.want)
			}
		})
	}
	if _, err := s.ListEvents(ctx, store.Filter{TotalCap: -1}); err == nil {
		t.Error("a negative total cap: no error")
	}
}

func docList(s *Store) func(store.Filter) (int, bool, int, error) {
	return func(f store.Filter) (int, bool, int, error) {
		p, err := s.ListDocuments(context.Background(), f)
		return p.Total, p.Capped, len(p.Items), err
	}
}

func eventList(s *Store) func(store.Filter) (int, bool, int, error) {
	return func(f store.Filter) (int, bool, int, error) {
		p, err := s.ListEvents(context.Background(), f)
		return p.Total, p.Capped, len(p.Items), err
	}
}

func countList(s *Store) func(store.Filter) (int, bool, int, error) {
	return func(f store.Filter) (int, bool, int, error) {
		p, err := s.ListCounts(context.Background(), f)
		return p.Total, p.Capped, len(p.Items), err
	}
}

func quoteList(s *Store) func(store.Filter) (int, bool, int, error) {
	return func(f store.Filter) (int, bool, int, error) {
		p, err := s.ListQuotes(context.Background(), f)
		return p.Total, p.Capped, len(p.Items), err
	}
}

func searchList(s *Store) func(store.Filter) (int, bool, int, error) {
	return func(f store.Filter) (int, bool, int, error) {
		p, err := s.SearchDocuments(context.Background(), f)
		return p.Total, p.Capped, len(p.Items), err
	}
}

// TestStore_SearchBigSets searches 1,400 synthetic documents, the odd ones
// recoded from Lebanese to Syrian actors, with an actor filter whose set
// is big (bigSet rows: it is narrowed to the match, narrowSets) and with
// a date filter (the index joined to documents): every hit is an even
// document, all of them are found, and the totals count them exactly.
func TestStore_SearchBigSets(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "search.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := storetest.Synthetic(1400)
	for i, d := range docs {
		if i%2 == 1 {
			recode := map[string]string{"LBNMIL": "SYRMIL", "LBNREB": "SYRREB", "LBN": "SYR"}
			for j := range d.Entities {
				d.Entities[j].Actor = recode[d.Entities[j].Actor]
			}
			for j := range d.Mentions {
				d.Mentions[j].Actor = recode[d.Mentions[j].Actor]
			}
			d.Events[0].Source.Actor, d.Events[0].Target.Actor = "SYRMIL", "SYRREB"
		}
	}
	if _, err := s.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if n, err := s.setSize(ctx, `SELECT y.doc FROM entities y WHERE y.actor >= 'LBN' AND y.actor < 'LBO'`, nil); err != nil || n < bigSet { // and the events' two sides
		t.Fatalf("the LBN set has %d rows (%v); the test needs %d", n, err, bigSet)
	}
	since, _ := time.Parse("2006-01-02", "2024-06-15")
	for _, c := range []struct {
		name  string
		q     store.Query
		want  int // hits: even documents (published from June 15: day i%28+1), or all
		total int
		odd   bool // odd documents match too
	}{
		{"a big actor set", store.Query{Text: "Tripoli", Actor: "LBN", Limit: 1000}, 700, 700, false},
		{"a big actor set and a date", store.Query{Text: "Tripoli", Actor: "LBN", Since: &since, Limit: 1000}, 350, 350, false},
		{"a big actor set, one page", store.Query{Text: "Tripoli", Actor: "LBNMIL", Limit: 10, Offset: 690}, 10, 700, false},
		{"a name's words", store.Query{Text: "Tripoli", Entity: "lebanese army", Limit: 1000}, 1000, 1400, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			hits, err := s.Search(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			page, err := s.SearchDocuments(ctx, store.Filter{Query: c.q})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != c.want || len(page.Items) != c.want || page.Total != c.total || page.Capped {
				t.Errorf("%d hits, %d in the page of %d (capped %v); want %d of %d", len(hits), len(page.Items), page.Total, page.Capped, c.want, c.total)
			}
			for _, h := range append(hits, page.Items...) {
				var i int
				fmt.Sscanf(h.DocID, "synthetic-%d", &i)
				if (i%2 == 1 && !c.odd) || (c.q.Since != nil && i%28+1 < 15) || !strings.Contains(h.Snippet, "[Tripoli]") {
					t.Errorf("hit %s (%q) does not match", h.DocID, h.Snippet)
				}
			}
		})
	}
}
