package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// AggregatorDocs returns the documents of Docs with a topic on
// "geneva-talks" ("politics") and the São Paulo strike's cost located in
// São Paulo, so that every Filter field and dimension has something to find.
func AggregatorDocs(tb testing.TB) []*document.Document {
	tb.Helper()
	docs := MustDocs(tb)
	docs[0].Topic, docs[0].TopicP = "politics", 0.9
	docs[2].Counts[0].Location = 0
	return docs
}

// TestAggregator is the conformance suite of store.Aggregator: open must
// return an empty store whose Aggregator the suite fills with
// AggregatorDocs (through st.PutBatch) and queries.
func TestAggregator(t *testing.T, open func(t *testing.T) (store.Store, store.Aggregator)) {
	ctx := context.Background()
	st, ag := open(t)
	if _, err := st.PutBatch(ctx, AggregatorDocs(t)); err != nil {
		t.Fatal(err)
	}
	f := func(g float64) *float64 { return &g }

	t.Run("ListEvents", func(t *testing.T) {
		for _, c := range []struct {
			name  string
			f     store.Filter
			total int
			want  []string // doc_id/code of the page
		}{
			{"all", store.Filter{}, 5, []string{"khartoum-protest/183", "khartoum-protest/141", "khartoum-protest/183", "geneva-talks/040", "sao-paulo-strike/143"}},
			{"page", store.Filter{Query: store.Query{Limit: 2, Offset: 1}}, 5, []string{"khartoum-protest/141", "khartoum-protest/183"}},
			{"past the end", store.Filter{Query: store.Query{Offset: 10}}, 5, nil},
			{"plover", store.Filter{Plover: "protest"}, 2, []string{"khartoum-protest/141", "sao-paulo-strike/143"}},
			{"quad", store.Filter{Quad: 4}, 2, []string{"khartoum-protest/183", "khartoum-protest/183"}},
			{"asserted only", store.Filter{Quad: 4, Negated: store.ModalityExclude}, 1, []string{"khartoum-protest/183"}},
			{"negated only", store.Filter{Negated: store.ModalityOnly}, 1, []string{"khartoum-protest/183"}},
			{"country", store.Filter{Place: "br"}, 1, []string{"sao-paulo-strike/143"}},
			{"place name", store.Filter{Place: "genev"}, 1, []string{"geneva-talks/040"}},
			{"source actor", store.Filter{SourceActor: "sdnc"}, 2, []string{"khartoum-protest/183", "khartoum-protest/183"}},
			{"target actor", store.Filter{TargetActor: "SYR"}, 1, []string{"geneva-talks/040"}},
			{"topic", store.Filter{Topic: "Politics"}, 1, []string{"geneva-talks/040"}},
			{"outlet", store.Filter{Outlet: "fixtures/sao-paulo.txt"}, 1, []string{"sao-paulo-strike/143"}},
			{"category: documents with killings", store.Filter{Category: "KILL", Query: store.Query{Root: "14"}}, 1, []string{"khartoum-protest/141"}},
			{"query filters too", store.Filter{Query: store.Query{Actor: "TUR"}}, 1, []string{"geneva-talks/040"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				p, err := ag.ListEvents(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, e := range p.Items {
					got = append(got, e.DocID+"/"+e.Code)
				}
				if p.Total != c.total || !reflect.DeepEqual(got, c.want) {
					t.Errorf("total %d, page %q; want %d, %q", p.Total, got, c.total, c.want)
				}
			})
		}
	})

	t.Run("CappedTotals", func(t *testing.T) {
		// A backend may stop counting at the cap (Filter.TotalCap), or
		// count exactly; under the cap, a total is exact.
		for _, c := range []struct {
			name  string
			f     store.Filter
			exact int
		}{
			{"over the cap", store.Filter{Query: store.Query{Limit: 1}, TotalCap: 2}, 5},
			{"a page past the cap", store.Filter{Query: store.Query{Limit: 2, Offset: 1}, TotalCap: 1}, 5},
			{"under the cap", store.Filter{Query: store.Query{Limit: 1}, TotalCap: 10}, 5},
			{"as many as the cap", store.Filter{Query: store.Query{Limit: 1}, TotalCap: 5}, 5},
			{"filtered, over the cap", store.Filter{Query: store.Query{Limit: 1}, Quad: 4, TotalCap: 1}, 2},
		} {
			t.Run(c.name, func(t *testing.T) {
				p, err := ag.ListEvents(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				upTo := store.TotalCapOf(c.f)
				switch {
				case p.Capped && (p.Total != upTo || upTo >= c.exact):
					t.Errorf("capped total %d; want %d (%d match)", p.Total, upTo, c.exact)
				case !p.Capped && p.Total != c.exact:
					t.Errorf("exact total %d; want %d", p.Total, c.exact)
				case len(p.Items) != min(c.f.Limit, c.exact-c.f.Offset):
					t.Errorf("%d items", len(p.Items))
				}
			})
		}
		if _, err := ag.ListDocuments(ctx, store.Filter{TotalCap: -1}); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("a negative total cap: %v, want ErrBadQuery", err)
		}
	})

	t.Run("OtherLists", func(t *testing.T) {
		docs, err := ag.ListDocuments(ctx, store.Filter{Plover: "PROTEST"})
		if err != nil {
			t.Fatal(err)
		}
		if docs.Total != 2 || len(docs.Items) != 2 || docs.Items[0].ID != "khartoum-protest" || docs.Items[1].ID != "sao-paulo-strike" {
			t.Errorf("documents with a protest: %+v", docs)
		}
		docs, err = ag.ListDocuments(ctx, store.Filter{Place: "CH", Query: store.Query{Limit: 1}})
		if err != nil || docs.Total != 1 || docs.Items[0].ID != "geneva-talks" {
			t.Errorf("documents in CH: %+v, %v", docs, err)
		}
		counts, err := ag.ListCounts(ctx, store.Filter{Place: "BR"})
		if err != nil || counts.Total != 1 || counts.Items[0].Currency != "BRL" || counts.Items[0].Place != "São Paulo" || counts.Items[0].Country != "BR" {
			t.Errorf("counts in BR: %+v, %v", counts, err)
		}
		counts, err = ag.ListCounts(ctx, store.Filter{Category: "kill"})
		if err != nil || counts.Total != 1 || counts.Items[0].Value != 12 || counts.Items[0].Place != "" {
			t.Errorf("KILL counts: %+v, %v", counts, err)
		}
		quotes, err := ag.ListQuotes(ctx, store.Filter{Place: "BR"})
		if err != nil || quotes.Total != 1 || quotes.Items[0].Speaker != "Ana Ribeiro" {
			t.Errorf("quotes in documents placed in BR: %+v, %v", quotes, err)
		}
		hits, err := ag.SearchDocuments(ctx, store.Filter{Query: store.Query{Text: "police"}, Plover: "ASSAULT"})
		if err != nil || hits.Total != 1 || hits.Items[0].DocID != "khartoum-protest" {
			t.Errorf("search police + ASSAULT: %+v, %v", hits, err)
		}
		hits, err = ag.SearchDocuments(ctx, store.Filter{Query: store.Query{Text: "police"}, Place: "BR"})
		if err != nil || hits.Total != 0 || len(hits.Items) != 0 {
			t.Errorf("search police in BR: %+v, %v", hits, err)
		}
	})

	t.Run("Groups", func(t *testing.T) {
		for _, c := range []struct {
			kind store.Kind
			by   store.Dim
			f    store.Filter
			want []store.Group
		}{
			{store.KindEvents, store.DimRoot, store.Filter{}, []store.Group{grp("14", 2, f(-6.5)), grp("18", 2, f(-10)), grp("04", 1, f(1))}},
			{store.KindEvents, store.DimSourceActor, store.Filter{Query: store.Query{Limit: 2}}, []store.Group{grp("SDNCOP", 2, f(-10)), grp("BRALAB", 1, f(-6.5))}},
			{store.KindEvents, store.DimQuad, store.Filter{Negated: store.ModalityExclude}, []store.Group{grp("3", 2, f(-6.5)), grp("1", 1, f(1)), grp("4", 1, f(-10))}},
			{store.KindEvents, store.DimCountry, store.Filter{}, []store.Group{grp("BR", 1, f(-6.5)), grp("CH", 1, f(1))}},
			{store.KindEvents, store.DimMonth, store.Filter{}, []store.Group{grp("2024-05", 3, f(-26.5/3)), grp("2024-03", 1, f(1))}},
			{store.KindDocuments, store.DimCountry, store.Filter{}, []store.Group{grp("BR", 1, nil), grp("CH", 1, nil)}},
			{store.KindDocuments, store.DimTopic, store.Filter{}, []store.Group{grp("politics", 1, nil)}},
			{store.KindDocuments, store.DimActor, store.Filter{Query: store.Query{Since: date("2024-05-01T00:00:00Z")}},
				[]store.Group{grp("SDNCOP", 1, nil), grp("SDNMED", 1, nil), grp("SDNOPP", 1, nil)}},
			{store.KindDocuments, store.DimRoot, store.Filter{}, []store.Group{grp("14", 2, nil), grp("04", 1, nil), grp("18", 1, nil)}},
			{store.KindCounts, store.DimCategory, store.Filter{}, []store.Group{grp("ARREST", 1, nil), grp("KILL", 1, nil)}},
			{store.KindCounts, store.DimPlace, store.Filter{}, []store.Group{grp("São Paulo", 1, nil)}},
			{store.KindQuotes, store.DimSpeaker, store.Filter{Query: store.Query{Actor: "BRA"}}, []store.Group{grp("Ana Ribeiro", 1, nil)}},
		} {
			got, err := ag.Groups(ctx, c.kind, c.f, c.by)
			if err != nil {
				t.Errorf("%s by %s: %v", c.kind, c.by, err)
				continue
			}
			if !groupsEqual(got, c.want) {
				t.Errorf("%s by %s (%+v):\n got %s\nwant %s", c.kind, c.by, c.f, fmtGroups(got), fmtGroups(c.want))
			}
		}
	})

	t.Run("Series", func(t *testing.T) {
		got, err := ag.Series(ctx, store.KindEvents, store.Filter{}, store.BucketWeek, store.DimQuad)
		if err != nil {
			t.Fatal(err)
		}
		want := []store.SeriesPoint{pt("2024-03-04", "1", 1, f(1)), pt("2024-05-13", "3", 1, f(-6.5)), pt("2024-05-13", "4", 2, f(-10))}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("events by week and quad:\n got %+v\nwant %+v", got, want)
		}
		got, err = ag.Series(ctx, store.KindQuotes, store.Filter{}, store.BucketMonth, "")
		if err != nil {
			t.Fatal(err)
		}
		want = []store.SeriesPoint{pt("2024-03-01", "", 1, nil), pt("2024-05-01", "", 1, nil)}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("quotes by month:\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("Network", func(t *testing.T) {
		got, err := ag.Network(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		want := []store.Edge{
			{Source: "SDNCOP", SourceName: "Sudanese police", Target: "SDNOPP", TargetName: "protesters", Count: 1, Goldstein: -10},
			{Source: "TURGOV", SourceName: "Hakan Fidan", Target: "SYRGOV", TargetName: "Asaad al-Shaibani", Count: 1, Goldstein: 1},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("network:\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("Places", func(t *testing.T) {
		got, err := ag.Places(ctx, store.KindEvents, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Name != "Geneva" || got[0].Country != "CH" || got[0].Lat != 46.20222 || *got[0].Goldstein != 1 ||
			got[1].Name != "São Paulo" || got[1].Count != 1 {
			t.Errorf("event places: %+v", got)
		}
		got, err = ag.Places(ctx, store.KindDocuments, store.Filter{Place: "BR"})
		if err != nil || len(got) != 1 || got[0].Name != "São Paulo" || got[0].Goldstein != nil {
			t.Errorf("story places in BR: %+v, %v", got, err)
		}
	})

	t.Run("BadFilters", func(t *testing.T) {
		for name, call := range map[string]func() error{
			"quad 5":             func() error { _, err := ag.ListEvents(ctx, store.Filter{Quad: 5}); return err },
			"modality":           func() error { _, err := ag.ListEvents(ctx, store.Filter{Negated: "maybe"}); return err },
			"dimension of kind":  func() error { _, err := ag.Groups(ctx, store.KindEvents, store.Filter{}, store.DimSpeaker); return err },
			"unknown kind":       func() error { _, err := ag.Groups(ctx, "mentions", store.Filter{}, store.DimSource); return err },
			"bucket":             func() error { _, err := ag.Series(ctx, store.KindEvents, store.Filter{}, "year", ""); return err },
			"places of quotes":   func() error { _, err := ag.Places(ctx, store.KindQuotes, store.Filter{}); return err },
			"search without q":   func() error { _, err := ag.SearchDocuments(ctx, store.Filter{}); return err },
			"negative limit":     func() error { _, err := ag.Network(ctx, store.Filter{Query: store.Query{Limit: -1}}); return err },
			"no searchable word": func() error { _, err := ag.ListEvents(ctx, store.Filter{Query: store.Query{Text: "!!"}}); return err },
		} {
			if err := call(); !errors.Is(err, store.ErrBadQuery) {
				t.Errorf("%s: error %v, want ErrBadQuery", name, err)
			}
		}
	})
}

func grp(key string, n int, gold *float64) store.Group {
	return store.Group{Key: key, Count: n, Goldstein: gold}
}

func pt(bucket, key string, n int, gold *float64) store.SeriesPoint {
	return store.SeriesPoint{Bucket: bucket, Key: key, Count: n, Goldstein: gold}
}

func groupsEqual(a, b []store.Group) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Key != b[i].Key || a[i].Count != b[i].Count || (a[i].Goldstein == nil) != (b[i].Goldstein == nil) {
			return false
		}
		if a[i].Goldstein != nil && abs(*a[i].Goldstein-*b[i].Goldstein) > 1e-9 {
			return false
		}
	}
	return true
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func fmtGroups(gs []store.Group) string {
	s := "["
	for _, g := range gs {
		gold := "nil"
		if g.Goldstein != nil {
			gold = fmt.Sprintf("%.3g", *g.Goldstein)
		}
		s += fmt.Sprintf(" %s:%d/%s", g.Key, g.Count, gold)
	}
	return s + " ]"
}
