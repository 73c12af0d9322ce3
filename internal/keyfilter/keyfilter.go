// Package keyfilter is the one filter in front of a word table's lookups:
// 65,536 bits, one per hash of a few bytes of a key (its first three, its
// ends), set for every key of the table. A word whose bit is clear is in
// no table key's class and needs no lookup; a set bit says only "maybe".
// Callers choose which bytes make a key's class, so that a word shares the
// class of every key it could match.
package keyfilter

// Filter is the bit set (8 KB, the zero value is empty).
type Filter [1 << 16 / 64]uint64

// Add sets the bit of class k.
func (f *Filter) Add(k uint32) {
	b := slot(k)
	f[b/64] |= 1 << (b % 64)
}

// Has reports whether the bit of class k is set.
func (f *Filter) Has(k uint32) bool {
	b := slot(k)
	return f[b/64]&(1<<(b%64)) != 0
}

// Fill sets every bit (a filter that stops nothing).
func (f *Filter) Fill() {
	for i := range f {
		f[i] = ^uint64(0)
	}
}

// slot spreads a class over the 65,536 bits (Fibonacci hashing).
func slot(k uint32) uint32 { return k * 0x9e3779b1 >> 16 }

// Lower returns c in lower case when it is an ASCII capital.
func Lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Prefix3 returns the class of s by its first three bytes (all of them,
// and how many, when it is shorter), folded to lower case (ASCII), and
// whether those bytes are ASCII (when not, the class says nothing of the
// key s would match once lower-cased).
func Prefix3(s string) (uint32, bool) {
	var k uint32
	n := min(len(s), 3)
	for i := 0; i < n; i++ {
		if s[i] >= 0x80 {
			return 0, false
		}
		k |= uint32(Lower(s[i])) << (8 * i)
	}
	return k | uint32(n)<<24, true
}

// Ends returns the class of s by its first two and last two bytes, folded
// to lower case (ASCII), and whether s has at least two bytes and those
// are ASCII (strings.ToLower keeps ASCII ends as they are, folded).
func Ends(s string) (uint32, bool) {
	n := len(s)
	if n < 2 || s[0]|s[1]|s[n-2]|s[n-1] >= 0x80 {
		return 0, false
	}
	return uint32(Lower(s[0])) | uint32(Lower(s[1]))<<8 | uint32(Lower(s[n-2]))<<16 | uint32(Lower(s[n-1]))<<24, true
}

// Map is a word table behind a filter: a word whose class (Prefix3, Ends:
// the table's choice) no key shares costs no map probe.
type Map[V any] struct {
	f     Filter
	class func(string) (uint32, bool)
	m     map[string]V
}

// NewMap puts m behind a filter of its keys' classes.
func NewMap[V any](m map[string]V, class func(string) (uint32, bool)) *Map[V] {
	t := &Map[V]{class: class, m: m}
	for w := range m {
		if c, ok := class(w); ok {
			t.f.Add(c)
		}
	}
	return t
}

// Maybe reports whether w may be a key (false: it is certainly none).
func (t *Map[V]) Maybe(w string) bool {
	c, ok := t.class(w)
	return !ok || t.f.Has(c)
}

// Value returns m[w].
func (t *Map[V]) Value(w string) V {
	if !t.Maybe(w) {
		var zero V
		return zero
	}
	return t.m[w]
}
