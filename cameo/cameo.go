// Package cameo is the CAMEO 1.1b3 event taxonomy as data: all 311 event
// codes with their CAMEO names, Goldstein scores, QuadClass and the PLOVER
// event type, mode and context each one maps to.
//
// The table in table.go is generated from ../shared/reference by
// `go generate ./cameo`; it is read-only and safe for concurrent use.
package cameo

//go:generate go run ./internal/gen -ref ../../shared/reference -out table.go

import "sort"

// Code is one CAMEO event code.
type Code struct {
	Code          string  // "0231", leading zeros kept
	Name          string  // CAMEO 1.1b3 name ("Appeal for economic aid")
	Root          string  // two-digit root ("02")
	Level         int     // 2 for roots, 3 for base codes, 4 for sub-codes
	Quad          int     // QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	Goldstein     float64 // Goldstein scale, -10..+10
	Plover        string  // PLOVER event type ("REQUEST"), "" when CAMEO has no mapping
	PloverMode    string  // PLOVER mode, "" when none
	PloverContext string  // PLOVER context, "" when none
}

// Base returns the three-digit base code ("023" for "0231"; roots return themselves).
func (c Code) Base() string {
	if len(c.Code) > 3 {
		return c.Code[:3]
	}
	return c.Code
}

var byCode = func() map[string]int {
	m := make(map[string]int, len(table))
	for i, c := range table {
		m[c.Code] = i
	}
	return m
}()

// Lookup returns the code's entry; ok is false for unknown codes.
func Lookup(code string) (Code, bool) {
	i, ok := byCode[code]
	if !ok {
		return Code{}, false
	}
	return table[i], true
}

// All returns every code in code order. The slice is a copy.
func All() []Code {
	out := append([]Code(nil), table...)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// RootPlover returns the PLOVER event type that most codes under root map
// to ("" when none), the type used when a story is labelled by root.
func RootPlover(root string) string {
	n := map[string]int{}
	best, bn := "", 0
	for _, c := range table {
		if c.Root == root && c.Plover != "" {
			n[c.Plover]++
			if n[c.Plover] > bn || (n[c.Plover] == bn && c.Plover < best) {
				best, bn = c.Plover, n[c.Plover]
			}
		}
	}
	return best
}
