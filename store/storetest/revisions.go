package storetest

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// revDoc is a one-sentence document under id naming entity who.
func revDoc(id, text, who string) *document.Document {
	b := &builder{d: document.New(id, text)}
	b.sentences(text)
	if who != "" {
		b.entity(who, document.Person, "", who)
	}
	if b.err != nil {
		panic(b.err) // constant input
	}
	return b.d
}

// RevisionSuite checks what a backend does with a document whose id is
// stored with a different text (store.OnConflict), with exact duplicates,
// and that previous revisions stay readable but unlisted. open returns an
// empty store.
func RevisionSuite(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	v1 := revDoc("story", "Mayor Lena Brandt opened the new bridge on Monday.", "Lena Brandt")
	v2 := revDoc("story", "Mayor Lena Brandt opened the new bridge on Monday, two years late.", "Lena Brandt")
	v3 := revDoc("story", "Mayor Lena Brandt closed the old ferry on Tuesday.", "Lena Brandt")
	put := func(t *testing.T, s store.Store, c store.OnConflict, docs ...*document.Document) []store.PutResult {
		t.Helper()
		res, err := s.PutEach(ctx, docs, store.PutOptions{OnConflict: c})
		if err != nil {
			t.Fatalf("PutEach(%s): %v", c, err)
		}
		if len(res) != len(docs) {
			t.Fatalf("PutEach returned %d results for %d documents", len(res), len(docs))
		}
		return res
	}
	text := func(t *testing.T, s store.Store, id string) string {
		t.Helper()
		o, err := s.Document(ctx, id)
		if err != nil {
			t.Fatalf("Document(%q): %v", id, err)
		}
		if o.ID != id {
			t.Errorf("Document(%q).ID = %q", id, o.ID)
		}
		return *o.Text
	}
	listed := func(t *testing.T, s store.Store) string {
		t.Helper()
		ds, err := s.Documents(ctx, store.Query{})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range ds {
			ids = append(ids, d.ID)
		}
		return strings.Join(ids, ",")
	}
	each := func(t *testing.T, s store.Store) string {
		t.Helper()
		var ids []string
		if err := s.Each(ctx, func(o *document.Output) error { ids = append(ids, o.ID+"="+(*o.Text)[:20]); return nil }); err != nil {
			t.Fatal(err)
		}
		sort.Strings(ids)
		return strings.Join(ids, "|")
	}

	t.Run("outcomes", func(t *testing.T) {
		s := open(t)
		tests := []struct {
			doc  *document.Document
			c    store.OnConflict
			want store.PutResult
			cur  string // the text Document("story") returns after the put
		}{
			{v1, "", store.PutResult{Outcome: store.Stored, Revision: 1}, v1.Text},
			{v1, "", store.PutResult{Outcome: store.Unchanged, Revision: 1}, v1.Text},
			{revDoc("other-id", v1.Text, ""), "", store.PutResult{Outcome: store.Unchanged}, v1.Text},
			{v2, store.ConflictSkip, store.PutResult{Outcome: store.Skipped, Revision: 1}, v1.Text},
			{v2, store.ConflictFail, store.PutResult{Outcome: store.Conflict, Revision: 1}, v1.Text},
			{v2, "", store.PutResult{Outcome: store.Revised, Revision: 2, Previous: "story@rev1"}, v2.Text},
			{v2, store.ConflictReplace, store.PutResult{Outcome: store.Unchanged, Revision: 2}, v2.Text},
			{v3, store.ConflictReplace, store.PutResult{Outcome: store.Replaced, Revision: 2}, v3.Text},
		}
		for i, tc := range tests {
			got := put(t, s, tc.c, tc.doc)[0]
			if got.Outcome == store.Unchanged && tc.want.Revision == 0 {
				got.Revision = 0 // an exact copy under another id: no revision of its own
			}
			if got != tc.want {
				t.Errorf("%d: put %s (%s) = %+v, want %+v", i, tc.doc.ID, tc.c, got, tc.want)
			}
			if cur := text(t, s, "story"); cur != tc.cur {
				t.Errorf("%d: current text %q, want %q", i, cur, tc.cur)
			}
		}
		if got := text(t, s, "story@rev1"); got != v1.Text {
			t.Errorf("revision 1 kept as %q, want %q", got, v1.Text)
		}
		if _, err := s.Document(ctx, "story@rev2"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("replaced revision 2 still readable: %v", err)
		}
		if got := listed(t, s); got != "story" {
			t.Errorf("Documents lists %q, want only the current revision", got)
		}
		if got, want := each(t, s), "story="+v3.Text[:20]+"|story@rev1="+v1.Text[:20]; got != want {
			t.Errorf("Each = %q, want %q", got, want)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != 1 || st.Entities != 1 || st.Copies != 0 {
			t.Errorf("Stats = %+v, want 1 document, 1 entity, 0 copies", st)
		}
		ents, err := s.Entities(ctx, store.Query{Entity: "Brandt"})
		if err != nil {
			t.Fatal(err)
		}
		if len(ents) != 1 || ents[0].DocID != "story" {
			t.Errorf("Entities(Brandt) = %+v, want one row of the current revision", ents)
		}
		for q, want := range map[string]int{"ferry": 1, "bridge": 0} {
			hits, err := s.Search(ctx, store.Query{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != want {
				t.Errorf("Search(%q) = %d hits, want %d (only the current revision is indexed)", q, len(hits), want)
			}
		}
	})

	t.Run("revisions in one batch", func(t *testing.T) {
		s := open(t)
		res := put(t, s, "", v1, v2, v3)
		var got []string
		for _, r := range res {
			got = append(got, string(r.Outcome)+":"+r.Previous)
		}
		if strings.Join(got, " ") != "stored: revised:story@rev1 revised:story@rev2" {
			t.Errorf("outcomes %q", got)
		}
		for id, want := range map[string]string{"story": v3.Text, "story@rev1": v1.Text, "story@rev2": v2.Text} {
			if got := text(t, s, id); got != want {
				t.Errorf("%s = %q, want %q", id, got, want)
			}
		}
		if n, err := s.PutBatch(ctx, []*document.Document{v3, v1}); err != nil || n != 0 {
			t.Errorf("PutBatch of stored texts = %d, %v; want 0 (exact texts are not stored again)", n, err)
		}
	})
}
