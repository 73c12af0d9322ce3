package country

import (
	"maps"
	"slices"
	"testing"
)

// BenchmarkBuild: building the tables, which the first lookup of every
// process pays.
func BenchmarkBuild(b *testing.B) {
	once.Do(build)
	b.ReportAllocs()
	for b.Loop() {
		build()
	}
}

// TestBuild_Keys: the name and demonym tables hold the keys a plain
// Normalize of every name gives, each to its first claimant (the keys
// built in one buffer are the same strings).
func TestBuild_Keys(t *testing.T) {
	once.Do(build)
	names, demonyms := map[string]int{}, map[string]int{}
	for i := range all {
		names[Normalize(all[i].Name)] = i
	}
	for i := range all {
		c := &all[i]
		for _, n := range append([]string{c.Official}, c.AltNames...) {
			if k := Normalize(n); k != "" {
				if _, ok := names[k]; !ok {
					names[k] = i
				}
			}
		}
		for _, d := range c.Demonyms {
			if k := Normalize(d); k != "" {
				if _, ok := demonyms[k]; !ok {
					demonyms[k] = i
				}
			}
		}
	}
	for k, a2 := range demonymOwner {
		demonyms[k] = byA2[a2]
	}
	if !maps.Equal(names, byName) || !maps.Equal(demonyms, byDemonym) {
		t.Errorf("tables differ from Normalize's keys: %d/%d names, %d/%d demonyms", len(byName), len(names), len(byDemonym), len(demonyms))
	}
	for _, c := range all {
		if slices.Contains(c.AltNames, c.Name) || c.Official != "" && slices.Contains(c.AltNames, c.Official) {
			t.Errorf("%s: the common or official name among the other names %q", c.Alpha2, c.AltNames)
		}
		for _, list := range [][]string{c.AltNames, c.Demonyms} {
			for i, n := range list {
				if n == "" || slices.Contains(list[:i], n) {
					t.Errorf("%s: %q empty or repeated in %q", c.Alpha2, n, list)
				}
			}
		}
	}
}
