package postgres

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/dedup"
)

// The batch's postings read by one bounded index scan equal those read by
// a bounded probe per value, whether the scan reads every value's postings
// or stops at a value with more than dedup.MaxPostings originals.
func TestPostings_SameAsProbes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// Value 1 is listed under 3 × MaxPostings documents, -5 under two, 2
	// under three; 7 under none.
	var rows [][]any
	for d := int64(1); d <= 3*dedup.MaxPostings; d++ {
		rows = append(rows, []any{int64(1), d})
	}
	rows = append(rows, []any{int64(-5), int64(9)}, []any{int64(-5), int64(4)}, []any{int64(2), int64(3)}, []any{int64(2), int64(1)}, []any{int64(2), int64(8)})
	if _, err := s.db.Exec(ctx, `INSERT INTO sketches (h, doc) SELECT * FROM unnest($1::bigint[], $2::bigint[])`,
		column(rows, 0), column(rows, 1)); err != nil {
		t.Fatal(err)
	}
	want := map[int64][]int64{-5: {4, 9}, 2: {1, 3, 8}}
	for d := int64(1); d <= dedup.MaxPostings+1; d++ {
		want[1] = append(want[1], d)
	}
	for _, c := range []struct {
		hs []int64
		n  int // postingsRows
	}{
		{[]int64{7, 2, -5, 1}, 4},                   // stops at value 1 (16 rows)
		{[]int64{7, 2, -5}, 4},                      // reads everything
		{[]int64{2, -5, 1}, 1000},                   // reads everything, value 1 in full
		{[]int64{1, 2}, 1},                          // stops at once
		{[]int64{-5, 2, 1, 7, 8, 9, 10, 11, 12}, 1}, // stops at value 1
	} {
		postingsRows = c.n
		tx, err := s.db.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		st := &batchState{postings: map[int64][]int64{}}
		err = (&writer{tx: tx}).postings(ctx, st, slices.Clone(c.hs))
		tx.Rollback(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range c.hs {
			if !slices.Equal(st.postings[h], want[h]) {
				t.Errorf("values %v, %d rows per value: postings of %d = %v, want %v", c.hs, c.n, h, st.postings[h], want[h])
			}
		}
	}
	postingsRows = 4
}

func column(rows [][]any, i int) []int64 {
	var out []int64
	for _, r := range rows {
		out = append(out, r[i].(int64))
	}
	return out
}
