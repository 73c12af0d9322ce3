package postgres

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// TestNameFilter_Indexed checks that the server answers a selective name
// filter from the GIN index of bodies.names on a store of 2,000 documents
// (after ANALYZE), not by scanning bodies or the layer table.
func TestNameFilter_Indexed(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a store")
	}
	ctx := context.Background()
	s := openTest(t)
	docs := storetest.Synthetic(2000)
	for i := 0; i < len(docs); i += 250 {
		if _, err := s.PutBatch(ctx, docs[i:i+250]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.Exec(ctx, `ANALYZE`); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q     store.Query
		conds func(*where, store.Query)
		table string
	}{
		{store.Query{Speaker: "nobody"}, quoteConds, "quotes"},
		{store.Query{Entity: "hezbollah"}, func(w *where, q store.Query) { docFilters(w, q, 0, "d") }, "documents"},
		{store.Query{Entity: "hezbollah"}, eventConds, "events"},
	} {
		q, err := prepare(c.q)
		if err != nil {
			t.Fatal(err)
		}
		var w where
		c.conds(&w, q)
		sel := `EXPLAIN SELECT x.doc FROM ` + c.table + ` x`
		if c.table == "documents" {
			sel = `EXPLAIN SELECT d.rowid FROM documents d`
		}
		rows, err := s.db.Query(ctx, rebind(sel+w.String()), w.args...)
		if err != nil {
			t.Fatal(err)
		}
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		plan := strings.Join(lines, "\n")
		// documents may be scanned for the hash join of a small store; the
		// layer tables are read by document through their primary keys.
		if !strings.Contains(plan, "bodies_names") || strings.Contains(plan, "Seq Scan on bodies") ||
			(c.table != "documents" && strings.Contains(plan, "Seq Scan on "+c.table)) {
			t.Errorf("%s %+v: the plan does not read bodies_names first:\n%s", c.table, c.q, plan)
		}
	}
}
