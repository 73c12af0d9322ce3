package store

import (
	"slices"
	"testing"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		c                    OnConflict
		prev                 int
		sameText, textStored bool
		want                 PutResult
	}{
		{ConflictRevise, 0, false, false, PutResult{Outcome: Stored, Revision: 1}},
		{ConflictFail, 0, false, true, PutResult{Outcome: Unchanged}},
		{ConflictRevise, 2, true, true, PutResult{Outcome: Unchanged, Revision: 2}},
		{ConflictFail, 2, false, true, PutResult{Outcome: Unchanged, Revision: 2}},
		{ConflictSkip, 2, false, false, PutResult{Outcome: Skipped, Revision: 2}},
		{ConflictFail, 2, false, false, PutResult{Outcome: Conflict, Revision: 2}},
		{ConflictReplace, 2, false, false, PutResult{Outcome: Replaced, Revision: 2}},
		{ConflictRevise, 2, false, false, PutResult{Outcome: Revised, Revision: 3, Previous: "x@rev2"}},
		{"", 1, false, false, PutResult{Outcome: Revised, Revision: 2, Previous: "x@rev1"}},
	}
	for _, tc := range tests {
		if got := Resolve(tc.c, "x", tc.prev, tc.sameText, tc.textStored); got != tc.want {
			t.Errorf("Resolve(%q, %d, %v, %v) = %+v, want %+v", tc.c, tc.prev, tc.sameText, tc.textStored, got, tc.want)
		}
	}
}

func TestNameWords(t *testing.T) {
	for in, want := range map[string][]string{
		"Jean-Luc Mélenchon":   {"jean", "luc", "mélenchon"},
		"HAKAN  Fidan hakan":   {"hakan", "fidan"},
		"--":                   {},
		"Ban Ki-moon, UN 2024": {"ban", "ki", "moon", "un", "2024"},
	} {
		if got := NameWords(in); !slices.Equal(got, want) {
			t.Errorf("NameWords(%q) = %q, want %q", in, got, want)
		}
	}
	if e := WordPrefixEnd("fid"); !(e > "fidan" && e > "fidé" && "fie" > e) {
		t.Errorf("WordPrefixEnd(fid) = %q does not bound the words starting with fid", e)
	}
}
