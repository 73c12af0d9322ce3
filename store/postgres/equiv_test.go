package postgres

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// TestSameAsSQLite puts one sequence of batches — originals, exact copies
// under other ids, near copies from other outlets, revisions of an id
// inside a batch and across batches under every conflict rule, a revised
// original that has copies — into a SQLite store and a PostgreSQL store:
// every put's outcome, the stats, every stored document (ids, texts, copy
// links) and every story's carriers are the same.
func TestSameAsSQLite(t *testing.T) {
	ctx := context.Background()
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "lite.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg := openTest(t)

	syn := storetest.Synthetic(12)
	outlet := func(d *document.Document, o string) *document.Document {
		c := *d
		c.Outlet, c.URL = o, "https://"+o+"/"+d.ID
		return &c
	}
	near := func(d *document.Document, id, o, from, to string) *document.Document {
		c := outlet(d, o)
		c.ID, c.Text = id, strings.Replace(d.Text, from, to, 1)
		return c
	}
	edited := func(d *document.Document, suffix string) *document.Document {
		c := *d
		c.Text = d.Text + " " + suffix
		return &c
	}
	for i := range syn {
		syn[i] = outlet(syn[i], fmt.Sprintf("outlet%d.example", i%3))
	}
	exact := *syn[1]
	exact.ID, exact.Outlet, exact.URL = "exact-of-1", "wire.example", "https://wire.example/1"
	batches := []struct {
		c    store.OnConflict
		docs []*document.Document
	}{
		{"", append([]*document.Document{}, syn[:6]...)},
		{"", []*document.Document{&exact, near(syn[2], "near-of-2", "agency.example", "officials said", "officials told reporters"), syn[6], edited(syn[0], "Updated."), syn[0]}},
		{store.ConflictSkip, []*document.Document{edited(syn[3], "Skipped."), syn[7]}},
		{store.ConflictFail, []*document.Document{edited(syn[3], "Refused."), syn[8]}},
		{store.ConflictReplace, []*document.Document{edited(syn[4], "Replaced."), edited(syn[4], "Replaced twice."), syn[9]}},
		{"", []*document.Document{edited(syn[2], "Revised original with a copy."), near(syn[2], "near-again", "other.example", "lasted 2 hours", "lasted two hours"), syn[10]}},
		{"", []*document.Document{edited(syn[5], "One."), edited(syn[5], "Two."), syn[5], edited(syn[5], "One."), syn[11], nil}},
		{store.ConflictReplace, []*document.Document{edited(syn[1], "Replaced with an exact copy stored.")}},
	}
	for i, b := range batches {
		rl, err := lite.PutEach(ctx, b.docs, store.PutOptions{OnConflict: b.c})
		if err != nil {
			t.Fatalf("batch %d: SQLite: %v", i, err)
		}
		rp, err := pg.PutEach(ctx, b.docs, store.PutOptions{OnConflict: b.c})
		if err != nil {
			t.Fatalf("batch %d: PostgreSQL: %v", i, err)
		}
		t.Logf("batch %d: %+v", i, rl)
		if !reflect.DeepEqual(rl, rp) {
			t.Errorf("batch %d (%s): outcomes differ:\n SQLite     %+v\n PostgreSQL %+v", i, b.c, rl, rp)
		}
	}
	sl, err := lite.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := pg.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sl != sp {
		t.Errorf("stats: SQLite %+v, PostgreSQL %+v", sl, sp)
	}
	contents := func(s store.Store) []string {
		var out []string
		if err := s.Each(ctx, func(o *document.Output) error {
			sim := ""
			if o.Similarity != nil {
				sim = fmt.Sprintf("%.4f", *o.Similarity)
			}
			out = append(out, fmt.Sprintf("%s dup=%q sim=%s text=%q", o.ID, o.DuplicateOf, sim, (*o.Text)[len(*o.Text)-40:]))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		sort.Strings(out)
		return out
	}
	cl, cp := contents(lite), contents(pg)
	if !reflect.DeepEqual(cl, cp) {
		t.Errorf("stored documents differ:\n SQLite:\n  %s\n PostgreSQL:\n  %s", strings.Join(cl, "\n  "), strings.Join(cp, "\n  "))
	}
	for _, c := range cl {
		id := strings.Fields(c)[0]
		a, err := lite.Story(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		b, err := pg.Story(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("Story(%s):\n SQLite     %+v\n PostgreSQL %+v", id, a, b)
		}
	}
	for _, q := range []store.Query{{}, {Entity: "lebanese"}, {Speaker: "witness 0"}, {Text: "updated"}} {
		a, err := lite.Documents(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		b, err := pg.Documents(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("Documents(%+v): SQLite %d rows, PostgreSQL %d rows, or rows differ", q, len(a), len(b))
		}
	}
}
