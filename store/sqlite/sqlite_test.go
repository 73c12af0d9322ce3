package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func openTemp(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "test.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func filled(tb testing.TB) *Store {
	tb.Helper()
	s := openTemp(tb)
	n, err := s.PutBatch(context.Background(), storetest.MustDocs(tb))
	if err != nil || n != 3 {
		tb.Fatalf("PutBatch = %d, %v; want 3, nil", n, err)
	}
	return s
}

func TestStore_MigrateAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, storetest.MustDocs(t)[0]); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path) // re-open: no migration runs twice, data kept
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var versions, mode string
	if err := s.db.QueryRow(`SELECT group_concat(version) FROM schema_migrations`).Scan(&versions); err != nil {
		t.Fatal(err)
	}
	var want []string
	for v := 1; v <= SchemaVersion; v++ {
		if migrations[v-1] != "" { // a number reserved for a migration of another branch
			want = append(want, fmt.Sprint(v))
		}
	}
	if versions != strings.Join(want, ",") {
		t.Errorf("schema_migrations versions = %q, want %q", versions, strings.Join(want, ","))
	}
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != 1 {
		t.Errorf("Stats after reopen = %+v, %v", st, err)
	}

	// A database from a newer program is refused.
	if _, err := s.db.Exec(`INSERT INTO schema_migrations VALUES (99, 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of newer schema: err = %v", err)
	}
}

func TestStore_OpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, p := range []string{"", filepath.Join(t.TempDir(), "missing-dir", "x.db")} {
		if s, err := Open(ctx, p); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", p)
		}
	}
}

func TestStore_PutIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	docs := storetest.MustDocs(t)
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
}

func TestStore_DocumentRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := filled(t)
	for _, d := range storetest.MustDocs(t) {
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
}

func ptr(s string) *string { return &s }

func TestStore_Events(t *testing.T) {
	ctx := context.Background()
	s := filled(t)
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
				got = append(got, r.DocID+"/"+itoa(r.Index))
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
	text := []rune(storetest.MustDocs(t)[2].Text)
	if string(text[rows[0].Start:rows[0].End]) != rows[0].Text {
		t.Errorf("code point offsets do not cut the trigger: %q", string(text[rows[0].Start:rows[0].End]))
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestStore_Quotes(t *testing.T) {
	ctx := context.Background()
	s := filled(t)
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
}

func TestStore_CountsEntitiesDocuments(t *testing.T) {
	ctx := context.Background()
	s := filled(t)
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
	if d := docs[2]; d.Published != nil || d.Events != 1 || d.Quotes != 1 || d.Counts != 2 || d.Chars != len([]rune(storetest.MustDocs(t)[2].Text)) {
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
}

func TestStore_Search(t *testing.T) {
	ctx := context.Background()
	s := filled(t)
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
}

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func TestStore_BadQuery(t *testing.T) {
	s := filled(t)
	now := time.Now()
	for _, q := range []store.Query{{Limit: -1}, {Offset: -3}, {Limit: store.MaxLimit + 1}, {Root: "1'9"}, {Since: &now, Until: &now}} {
		if _, err := s.Events(context.Background(), q); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Events(%+v) err = %v, want ErrBadQuery", q, err)
		}
	}
}

func TestStore_Each(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	docs := storetest.Synthetic(150)
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
}

func TestStore_ConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	docs := storetest.Synthetic(40)
	errc := make(chan error, 2)
	go func() { _, err := a.PutBatch(ctx, docs[:30]); errc <- err }()
	go func() { _, err := b.PutBatch(ctx, docs[10:]); errc <- err }()
	for range 2 {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
	if st, _ := a.Stats(ctx); st.Documents != 40 {
		t.Errorf("documents = %d, want 40", st.Documents)
	}
}

func TestFTSQuery(t *testing.T) {
	cases := map[string]string{
		"":                     "",
		"police":               `"police"`,
		"refug*":               `"refug"*`,
		`"live rounds" police`: `"live rounds" "police"`,
		"a OR b":               `"a" OR "b"`,
		"OR a":                 `"a"`,
		"a or b":               `"a" "or" "b"`,
		`say "unterminated`:    `"say" "unterminated"`,
		`AND ( NEAR "`:         `"AND" "NEAR"`,
		"al-Shaibani's":        `"al-Shaibani's"`,
		"São":                  `"São"`,
	}
	for in, want := range cases {
		if got := ftsQuery(in); got != want {
			t.Errorf("ftsQuery(%q) = %s, want %s", in, got, want)
		}
	}
}

func FuzzFTSQuery(f *testing.F) {
	s := filled(f)
	for _, seed := range []string{"police", `"a b" OR c*`, `"`, "OR", "*", "\x00", "NEAR(a b)", "a:b", "^x"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := s.Search(context.Background(), store.Query{Text: q})
		if err != nil && !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Search(%q): %v", q, err)
		}
	})
}

func BenchmarkPutBatch(b *testing.B) {
	ctx := context.Background()
	docs := storetest.Synthetic(b.N)
	s := openTemp(b)
	b.ResetTimer()
	const batch = 256
	for i := 0; i < len(docs); i += batch {
		if _, err := s.PutBatch(ctx, docs[i:min(i+batch, len(docs))]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkEvents(b *testing.B) {
	ctx := context.Background()
	s := openTemp(b)
	if _, err := s.PutBatch(ctx, storetest.Synthetic(5000)); err != nil {
		b.Fatal(err)
	}
	since := time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		q    store.Query
	}{
		{"first-page", store.Query{Limit: 50}},
		{"offset-1000", store.Query{Limit: 50, Offset: 1000}},
		{"actor-root", store.Query{Actor: "LBN", Root: "19", Limit: 50}},
		{"since", store.Query{Since: &since, Limit: 50}},
		{"text", store.Query{Text: "tripoli", Limit: 50}},
		{"no-match", store.Query{Root: "20", Limit: 50}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Events(ctx, c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestStore_WALCheckpointPages checks that every connection of a store
// checkpoints its WAL at walCheckpointPages pages (Open's DSN), not at
// SQLite's default 1,000.
func TestStore_WALCheckpointPages(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	conns := make([]*sql.Conn, 3)
	for i := range conns {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
		var n int
		if err := c.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != walCheckpointPages {
			t.Errorf("connection %d: wal_autocheckpoint = %d, want %d", i, n, walCheckpointPages)
		}
	}
}
