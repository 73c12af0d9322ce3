package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
	"github.com/newsgraph/newsgraph/store/sqlite"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// openTest opens a store on a fresh database (pgtest), closed and dropped
// when t ends.
func openTest(t testing.TB) *Store {
	t.Helper()
	url := pgtest.URL(t)
	s, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore_Suite(t *testing.T) {
	storetest.StoreSuite(t, func(t *testing.T) store.Store { return openTest(t) })
}

func TestStore_RevisionSuite(t *testing.T) {
	storetest.RevisionSuite(t, func(t *testing.T) store.Store { return openTest(t) })
}

func TestStore_NameFilterSuite(t *testing.T) {
	storetest.NameFilterSuite(t, func(t *testing.T) store.Store {
		s := openTest(t)
		if _, err := s.PutBatch(context.Background(), storetest.MustDocs(t)); err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestStore_KeysetSuite(t *testing.T) {
	storetest.KeysetSuite(t, func(t *testing.T) store.Store {
		s := openTest(t)
		if _, err := s.PutBatch(context.Background(), storetest.MustDocs(t)); err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestStore_CopySuite(t *testing.T) {
	storetest.CopySuite(t, func(t *testing.T) storetest.CopyBackend { return openTest(t) })
}

func TestStore_FeedSuite(t *testing.T) {
	storetest.FeedSuite(t, func(t *testing.T) storetest.FeedBackend { return openTest(t) })
}

func TestStore_Aggregator(t *testing.T) {
	storetest.TestAggregator(t, func(t *testing.T) (store.Store, store.Aggregator) {
		s := openTest(t)
		return s, s
	})
}

func TestStore_MigrateAndReopen(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	s, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, storetest.MustDocs(t)[0]); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, url) // re-open: no migration runs twice, data kept
	if err != nil {
		t.Fatal(err)
	}
	var versions string
	if err := s.db.QueryRow(ctx, `SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations`).Scan(&versions); err != nil {
		t.Fatal(err)
	}
	var want []string
	for v := 1; v <= sqlite.SchemaVersion; v++ {
		if v <= len(migrations) && migrations[v-1] == "" {
			continue // a number assigned to a migration not in this build yet
		}
		want = append(want, strconv.Itoa(v))
	}
	if versions != strings.Join(want, ",") || SchemaVersion != sqlite.SchemaVersion {
		t.Errorf("schema_migrations versions = %q (SchemaVersion %d), want %s like store/sqlite", versions, SchemaVersion, strings.Join(want, ","))
	}
	if st, err := s.Stats(ctx); err != nil || st.Documents != 1 {
		t.Errorf("Stats after reopen = %+v, %v", st, err)
	}
	// Sketches of another dedup version are refused (not silently used).
	if _, err := s.db.Exec(ctx, `UPDATE store_meta SET value = '0' WHERE key = 'dedup_version'`); err != nil {
		t.Fatal(err)
	}
	if s2, err := Open(ctx, url); err == nil || !strings.Contains(err.Error(), "dedup version") {
		if err == nil {
			s2.Close()
		}
		t.Errorf("Open with old sketches: err = %v", err)
	}
	if _, err := s.db.Exec(ctx, `UPDATE store_meta SET value = $1 WHERE key = 'dedup_version'`, fmt.Sprint(dedup.Version)); err != nil {
		t.Fatal(err)
	}
	// A database from a newer program is refused.
	if _, err := s.db.Exec(ctx, `INSERT INTO schema_migrations VALUES (99, 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, url); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of newer schema: err = %v", err)
	}
}

func TestStore_OpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"", "newsgraph.db", "postgres://127.0.0.1:1/none?connect_timeout=2", "postgres://%zz"} {
		if s, err := Open(ctx, u); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", u)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:secret@h/db":   "postgres://u:***@h/db",
		"postgres://u@h/db":          "postgres://u@h/db",
		"postgres://h/db?sslmode=no": "postgres://h/db?sslmode=no",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStore_ConcurrentWriters writes overlapping batches from two stores
// (two connection pools, as two worker processes would) at once: every
// document is stored once.
func TestStore_ConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	a, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, url)
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
	if st, _ := a.Stats(ctx); st.Documents != 40 || st.Copies != 0 {
		t.Errorf("stats = %+v, want 40 documents", st)
	}
}

// TestStore_ConnectionsEnded ends every connection of the store from the
// server side (as a server restart or an administrator would): the next
// call may fail, but the pool reconnects and nothing written is lost.
func TestStore_ConnectionsEnded(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	docs := storetest.Synthetic(20)
	if _, err := s.PutBatch(ctx, docs[:10]); err != nil {
		t.Fatal(err)
	}
	if n := pgtest.Terminate(t, s.url); n == 0 {
		t.Fatal("no connection to end")
	}
	var err error
	try := 0
	for ; try < 3; try++ {
		if _, err = s.PutBatch(ctx, docs[10:]); err == nil {
			break
		}
		t.Logf("attempt %d after the connections ended: %v", try+1, err)
	}
	if err != nil {
		t.Fatalf("PutBatch after the connections ended: %v", err)
	}
	t.Logf("stored after %d failed attempts", try)
	if st, err := s.Stats(ctx); err != nil || st.Documents != 20 {
		t.Errorf("stats = %+v, %v; want 20 documents", st, err)
	}
}

func TestTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"police":               `('police')`,
		"refug*":               `('refug':*)`,
		`"live rounds" police`: `('live' <-> 'rounds') & ('police')`,
		"a OR b":               `('a') | ('b')`,
		"OR a":                 `('a')`,
		"a or b":               `('a') & ('or') & ('b')`,
		`say "unterminated`:    `('say') & ('unterminated')`,
		`AND ( NEAR "`:         `('and') & ('near')`,
		"al-Shaibani's":        `('al' <-> 'shaibani' <-> 's')`,
		"São":                  `('sao')`,
		"!!!":                  "",
		"x'); DROP":            `('x') & ('drop')`,
	} {
		if got := tsQuery(in, true); got != want {
			t.Errorf("tsQuery(%q) = %s, want %s", in, got, want)
		}
	}
	if got := tsQuery("São", false); got != `('são')` {
		t.Errorf("unfolded tsQuery(São) = %s", got)
	}
}

// FuzzSearch checks that no search text is a database error: the query is
// either run or an ErrBadQuery.
func FuzzSearch(f *testing.F) {
	s := openTest(f)
	if _, err := s.PutBatch(context.Background(), storetest.MustDocs(f)); err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"police", `"a b" OR c*`, `"`, "OR", "*", "\x00", "NEAR(a b)", "a:b", "^x", `\'`, "a & !b | (c", "'':*"} {
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
	s := openTest(b)
	b.ResetTimer()
	const batch = 64
	for i := 0; i < len(docs); i += batch {
		if _, err := s.PutBatch(ctx, docs[i:min(i+batch, len(docs))]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// TestTSVector checks the store's own tsvector against the server's
// to_tsvector of the same words.
func TestTSVector(t *testing.T) {
	s := openTest(t)
	long := strings.Repeat("again and again ", 300) // past 256 positions per word
	for _, c := range [][2]string{
		{"Turkish and Syrian ministers meet", "GENEVA, March 4 — Turkish Foreign Minister Hakan Fidan met al-Shaibani's team. It's 1.2 million."},
		{"", "SÃO PAULO — “Não vamos recuar,” Ana Ribeiro told a rally; São Paulo's metro. Ünïcödé ǅ 東京 ١٢٣"},
		{"x", long},
		{"", ""},
	} {
		var same bool
		var server, ours string
		err := s.db.QueryRow(context.Background(), `SELECT (to_tsvector('simple', $1) || to_tsvector('simple', $2))::text, $3::tsvector::text,
			(to_tsvector('simple', $1) || to_tsvector('simple', $2)) = $3::tsvector`, ftsText(c[0]), ftsText(c[1]), tsVector(c[0], c[1])).Scan(&server, &ours, &same)
		if err != nil {
			t.Fatal(err)
		}
		if !same {
			t.Errorf("tsVector(%.40q):\n ours   %.300s\n server %.300s", c[1], ours, server)
		}
	}
}
