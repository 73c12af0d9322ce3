package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/export/gdelt"
	"github.com/newsgraph/newsgraph/export/gkg"
	"github.com/newsgraph/newsgraph/export/plover"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// checkExports writes every GDELT, GKG and PLOVER export of docs twice —
// from the extracted documents and from a store they were ingested into —
// and runs each format's checker on both (column count and order, types,
// delimiters, id uniqueness, code tables).
func checkExports(t *testing.T, docs []*document.Document) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "check.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	write := func(name string, fromStore bool) string {
		ex := exporters[name]
		var b bytes.Buffer
		if fromStore {
			if err := ex.write(ctx, st, &b); err != nil {
				t.Fatalf("%s from the store: %v", name, err)
			}
			return b.String()
		}
		var next int64 = 1
		for i := 0; i < len(docs); i += exportBatch {
			if err := ex.docs(&b, docs[i:min(i+exportBatch, len(docs))], &next); err != nil {
				t.Fatalf("%s from extract: %v", name, err)
			}
		}
		return b.String()
	}
	for _, fromStore := range []bool{false, true} {
		where := map[bool]string{false: "extract", true: "store"}[fromStore]
		events := write("gdelt-events", fromStore)
		ids, err := gdelt.CheckEvents(strings.NewReader(events))
		if err != nil {
			t.Errorf("gdelt-events from %s: %v", where, err)
		}
		if len(ids) == 0 {
			t.Errorf("gdelt-events from %s: no rows", where)
		}
		if err := gdelt.CheckMentions(strings.NewReader(write("gdelt-mentions", fromStore)), ids); err != nil {
			t.Errorf("gdelt-mentions from %s: %v", where, err)
		}
		g := write("gkg", fromStore)
		if err := gkg.Check(strings.NewReader(g)); err != nil {
			t.Errorf("gkg from %s: %v", where, err)
		}
		if strings.Count(g, "\n") == 0 {
			t.Errorf("gkg from %s: no records", where)
		}
		if err := plover.Check(strings.NewReader(write("plover", fromStore))); err != nil {
			t.Errorf("plover from %s: %v", where, err)
		}
	}
}

func TestExport_Check(t *testing.T) {
	checkExports(t, extracted(t, 0, filepath.Join("..", "..", "examples")))
}

// TestExport_Check_BBC runs the checkers on 600 BBC stories (more than two
// export batches, so GKG and event ids must continue across batches).
func TestExport_Check_BBC(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	path := shareddata.Require(t, "corpus/bbc/val.csv")
	checkExports(t, extracted(t, 600, path))
}

// TestExport_CheckStore runs every format's checker on the exports of an
// existing store: NEWSGRAPH_CHECK_DB=news.db go test ./cmd/newsgraph -run
// CheckStore -v (for a large store: GKG ids unique, no 1970 dates).
func TestExport_CheckStore(t *testing.T) {
	db := os.Getenv("NEWSGRAPH_CHECK_DB")
	if db == "" {
		t.Skip("set NEWSGRAPH_CHECK_DB to a store to check its exports")
	}
	ctx := context.Background()
	st, err := openStoreRead(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	export := func(name string) string {
		var b bytes.Buffer
		if err := exporters[name].write(ctx, st, &b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b.String()
	}
	events := export("gdelt-events")
	ids, err := gdelt.CheckEvents(strings.NewReader(events))
	if err != nil {
		t.Error(err)
	}
	if err := gdelt.CheckMentions(strings.NewReader(export("gdelt-mentions")), ids); err != nil {
		t.Error(err)
	}
	g := export("gkg")
	if err := gkg.Check(strings.NewReader(g)); err != nil {
		t.Error(err)
	}
	if err := plover.Check(strings.NewReader(export("plover"))); err != nil {
		t.Error(err)
	}
	t.Logf("%s: %d event rows, %d GKG records (ids unique), checked", db, len(ids), strings.Count(g, "\n"))
}
