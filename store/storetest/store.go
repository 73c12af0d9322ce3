package storetest

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// StoreSuite is the conformance suite of store.Store: idempotent puts,
// the round trip of a document, every listing with its filters and full
// rows (code point offsets, evidence sentences), full-text search, bad
// queries and Each. open returns a new, empty store (closed by the caller's
// cleanup). Every backend runs it (store/sqlite, store/postgres).
func StoreSuite(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("PutIdempotent", func(t *testing.T) {
		ctx := context.Background()
		s := open(t)
		docs := MustDocs(t)
		ok, err := s.Put(ctx, docs[0])
		if err != nil || !ok {
			t.Fatalf("first Put = %v, %v", ok, err)
		}
		ok, err = s.Put(ctx, docs[0])
		if err != nil || ok {
			t.Fatalf("second Put = %v, %v; want false, nil", ok, err)
		}
		// Same text under another id is the same article.
		dup := document.New("other-id", docs[0].Text)
		if ok, err := s.Put(ctx, dup); err != nil || ok {
			t.Fatalf("Put of same text = %v, %v; want false, nil", ok, err)
		}
		// A batch with an already stored document and an in-batch duplicate.
		n, err := s.PutBatch(ctx, []*document.Document{docs[0], docs[1], docs[1], docs[2], nil})
		if err != nil || n != 2 {
			t.Fatalf("PutBatch = %d, %v; want 2", n, err)
		}
		if _, err := s.Put(ctx, document.New("", "No id.")); err == nil || !strings.Contains(err.Error(), "empty id") {
			t.Errorf("Put without id: err = %v", err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := store.Stats{Documents: 3, Mentions: 5 + 3 + 3, Entities: 4 + 3 + 3, Quotes: 3, Counts: 5, Locations: 2, Events: 5}
		if st != want {
			t.Errorf("Stats = %+v, want %+v", st, want)
		}
	})
	t.Run("DocumentRoundTrip", func(t *testing.T) {
		ctx := context.Background()
		s := filled(t, open)
		for _, d := range MustDocs(t) {
			got, err := s.Document(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := d.Output(document.OutputOptions{WithText: true})
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Document(%q) differs from Output:\n got %+v\nwant %+v", d.ID, got, want)
			}
		}
		if _, err := s.Document(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Document(nope) err = %v, want ErrNotFound", err)
		}
	})
	t.Run("Events", func(t *testing.T) {
		ctx := context.Background()
		s := filled(t, open)
		since, _ := store.ParseTime("2024-05-01", false)
		until, _ := store.ParseTime("2024-03-04", true)
		cases := []struct {
			name string
			q    store.Query
			want []string // doc_id/index
		}{
			{"all", store.Query{}, []string{"khartoum-protest/0", "khartoum-protest/1", "khartoum-protest/2", "geneva-talks/0", "sao-paulo-strike/0"}},
			{"root", store.Query{Root: "14"}, []string{"khartoum-protest/1", "sao-paulo-strike/0"}},
			{"code prefix", store.Query{Code: "18"}, []string{"khartoum-protest/0", "khartoum-protest/2"}},
			{"code exact", store.Query{Code: "040"}, []string{"geneva-talks/0"}},
			{"actor prefix lower case", store.Query{Actor: "syr"}, []string{"geneva-talks/0"}},
			{"actor target", store.Query{Actor: "SDNOPP"}, []string{"khartoum-protest/0", "khartoum-protest/1"}},
			{"entity", store.Query{Entity: "police"}, []string{"khartoum-protest/0", "khartoum-protest/2"}},
			{"since", store.Query{Since: &since}, []string{"khartoum-protest/0", "khartoum-protest/1", "khartoum-protest/2"}},
			{"until date inclusive", store.Query{Until: &until}, []string{"geneva-talks/0"}},
			{"text", store.Query{Text: "metro"}, []string{"sao-paulo-strike/0"}},
			{"limit offset", store.Query{Limit: 2, Offset: 2}, []string{"khartoum-protest/2", "geneva-talks/0"}},
			{"no match", store.Query{Root: "20"}, nil},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				rows, err := s.Events(ctx, c.q)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range rows {
					got = append(got, r.DocID+"/"+strconv.Itoa(r.Index))
				}
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("got %v, want %v", got, c.want)
				}
			})
		}

		// Full row: code point offsets and the evidence sentence.
		rows, err := s.Events(ctx, store.Query{Code: "143"})
		if err != nil || len(rows) != 1 {
			t.Fatalf("Events(143) = %v, %v", rows, err)
		}
		want := store.EventRow{DocID: "sao-paulo-strike", Index: 0, Start: 39, End: 57, Text: "walked off the job",
			SentenceStart: 0, SentenceEnd: 89, Sentence: "SÃO PAULO — Metro workers in São Paulo walked off the job on Tuesday, halting five lines.",
			Code: "143", Root: "14", Quad: 3, Goldstein: -6.5, Plover: "PROTEST", PloverMode: "strike",
			Source: &store.Actor{Name: "Metro workers", Actor: "BRALAB"}, Location: "São Paulo", Country: "BR"}
		if !reflect.DeepEqual(rows[0], want) {
			t.Errorf("event row\n got %+v\nwant %+v", rows[0], want)
		}
		text := []rune(MustDocs(t)[2].Text)
		if string(text[rows[0].Start:rows[0].End]) != rows[0].Text {
			t.Errorf("code point offsets do not cut the trigger: %q", string(text[rows[0].Start:rows[0].End]))
		}
	})
	t.Run("Quotes", func(t *testing.T) {
		ctx := context.Background()
		s := filled(t, open)
		rows, err := s.Quotes(ctx, store.Query{Speaker: "ribeiro"})
		if err != nil || len(rows) != 1 {
			t.Fatalf("Quotes(ribeiro) = %v, %v", rows, err)
		}
		a, b := 124, 135
		want := store.QuoteRow{DocID: "sao-paulo-strike", Start: 92, End: 109, Text: "Não vamos recuar,", Direct: true, Cue: "told",
			Speaker: "Ana Ribeiro", SpeakerActor: "BRALAB", SpeakerStart: &a, SpeakerEnd: &b}
		if !reflect.DeepEqual(rows[0], want) {
			t.Errorf("quote row\n got %+v\nwant %+v", rows[0], want)
		}
		rows, err = s.Quotes(ctx, store.Query{Actor: "TUR"})
		if err != nil || len(rows) != 1 || rows[0].DocID != "geneva-talks" || rows[0].Published == nil || *rows[0].Published != "2024-03-04T09:30:00Z" {
			t.Errorf("Quotes(actor TUR) = %+v, %v", rows, err)
		}
		rows, err = s.Quotes(ctx, store.Query{Entity: "Sudanese Doctors"})
		if err != nil || len(rows) != 1 || rows[0].DocID != "khartoum-protest" || rows[0].Direct {
			t.Errorf("Quotes(entity) = %+v, %v", rows, err)
		}
	})
	t.Run("CountsEntitiesDocuments", func(t *testing.T) {
		ctx := context.Background()
		s := filled(t, open)
		counts, err := s.Counts(ctx, store.Query{Root: "18"})
		if err != nil || len(counts) != 2 {
			t.Fatalf("Counts(root 18) = %+v, %v", counts, err)
		}
		want := store.CountRow{DocID: "khartoum-protest", Published: ptr("2024-05-19T16:05:00Z"), Start: 122, End: 133, Text: "at least 12",
			Value: 12, Qualifier: "at least", Object: "people", Category: "KILL", AttributedTo: "a doctors' group", SentenceStart: 0, SentenceEnd: 169,
			Sentence: "KHARTOUM, May 19 — Sudanese police fired live rounds at protesters marching on the presidential palace on Sunday, leaving at least 12 people dead, a doctors' group said."}
		if !reflect.DeepEqual(counts[0], want) {
			t.Errorf("count row\n got %+v\nwant %+v", counts[0], want)
		}
		counts, err = s.Counts(ctx, store.Query{Entity: "united nations"})
		if err != nil || len(counts) != 1 || counts[0].Value != 1.2e6 || !counts[0].Approx {
			t.Errorf("Counts(entity) = %+v, %v", counts, err)
		}

		ents, err := s.Entities(ctx, store.Query{Actor: "SYR"})
		if err != nil || len(ents) != 1 {
			t.Fatalf("Entities(SYR) = %+v, %v", ents, err)
		}
		if got := ents[0]; got.Name != "Asaad al-Shaibani" || got.Type != "PERSON" || got.Start != 82 || got.End != 99 || got.Mentions != 1 {
			t.Errorf("entity row = %+v", got)
		}
		ents, err = s.Entities(ctx, store.Query{Entity: "são"})
		if err != nil || len(ents) != 1 || ents[0].Name != "São Paulo" {
			t.Errorf("Entities(são) = %+v, %v", ents, err)
		}

		docs, err := s.Documents(ctx, store.Query{})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.ID)
		}
		if want := []string{"khartoum-protest", "geneva-talks", "sao-paulo-strike"}; !reflect.DeepEqual(ids, want) {
			t.Errorf("Documents order = %v, want %v", ids, want)
		}
		if d := docs[2]; d.Published != nil || d.Events != 1 || d.Quotes != 1 || d.Counts != 2 || d.Chars != len([]rune(MustDocs(t)[2].Text)) {
			t.Errorf("summary = %+v", d)
		}
		for _, c := range []struct {
			q    store.Query
			want string
		}{
			{store.Query{Speaker: "Fidan"}, "geneva-talks"},
			{store.Query{Actor: "BRA"}, "sao-paulo-strike"},
			{store.Query{Root: "18"}, "khartoum-protest"},
			{store.Query{Entity: "United Nations"}, "geneva-talks"},
			{store.Query{Text: `"live rounds"`}, "khartoum-protest"},
		} {
			docs, err := s.Documents(ctx, c.q)
			if err != nil || len(docs) != 1 || docs[0].ID != c.want {
				t.Errorf("Documents(%+v) = %+v, %v; want only %s", c.q, docs, err, c.want)
			}
		}
	})
	t.Run("Search", func(t *testing.T) {
		ctx := context.Background()
		s := filled(t, open)
		cases := []struct {
			text string
			want []string
		}{
			{"refugees", []string{"geneva-talks"}},
			{"REFUGEE*", []string{"geneva-talks"}},
			{"sudanese OR turkish", []string{"geneva-talks", "khartoum-protest"}},
			{`"live ammunition" police`, []string{"khartoum-protest"}},
			{"sao paulo", []string{"sao-paulo-strike"}}, // diacritics folded
			{"police geneva", nil},
			{`AND ( NEAR "`, nil}, // FTS5 syntax in user input is quoted, not an error
		}
		for _, c := range cases {
			hits, err := s.Search(ctx, store.Query{Text: c.text})
			if err != nil && c.want != nil {
				t.Errorf("Search(%q): %v", c.text, err)
				continue
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.DocID)
			}
			if len(got) > 1 {
				sortStrings(got)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Search(%q) = %v, want %v", c.text, got, c.want)
			}
		}
		hits, err := s.Search(ctx, store.Query{Text: "refugees"})
		if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, "[refugees]") {
			t.Errorf("snippet = %+v, %v", hits, err)
		}
		if _, err := s.Search(ctx, store.Query{}); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("empty search err = %v, want ErrBadQuery", err)
		}
		if _, err := s.Search(ctx, store.Query{Text: "!!!"}); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("punctuation-only search err = %v, want ErrBadQuery", err)
		}
	})
	t.Run("BadQuery", func(t *testing.T) {
		s := filled(t, open)
		now := time.Now()
		for _, q := range []store.Query{{Limit: -1}, {Offset: -3}, {Limit: store.MaxLimit + 1}, {Root: "1'9"}, {Since: &now, Until: &now}} {
			if _, err := s.Events(context.Background(), q); !errors.Is(err, store.ErrBadQuery) {
				t.Errorf("Events(%+v) err = %v, want ErrBadQuery", q, err)
			}
		}
	})
	t.Run("Each", func(t *testing.T) {
		ctx := context.Background()
		s := open(t)
		docs := Synthetic(150)
		if n, err := s.PutBatch(ctx, docs); err != nil || n != 150 {
			t.Fatalf("PutBatch = %d, %v", n, err)
		}
		i := 0
		err := s.Each(ctx, func(o *document.Output) error {
			if o.ID != docs[i].ID || o.Text == nil || *o.Text != docs[i].Text {
				t.Fatalf("Each #%d = %s, want %s with text", i, o.ID, docs[i].ID)
			}
			i++
			return nil
		})
		if err != nil || i != 150 {
			t.Errorf("Each visited %d, err %v", i, err)
		}
		stop := errors.New("stop")
		if err := s.Each(ctx, func(*document.Output) error { return stop }); !errors.Is(err, stop) {
			t.Errorf("Each err = %v, want stop", err)
		}
	})
}

// filled returns a new store holding Docs.
func filled(t *testing.T, open func(t *testing.T) store.Store) store.Store {
	t.Helper()
	s := open(t)
	n, err := s.PutBatch(context.Background(), MustDocs(t))
	if err != nil || n != 3 {
		t.Fatalf("PutBatch = %d, %v; want 3, nil", n, err)
	}
	return s
}

func ptr(s string) *string { return &s }

func sortStrings(a []string) { slices.Sort(a) }
