// Package lebytes reads the little-endian numbers of embedded model files
// in place: one view of a byte slice as a slice of fixed-size numbers,
// shared by the tagger, the parser and the event-type model.
package lebytes

import (
	"encoding/binary"
	"slices"
	"unsafe"
)

// Number is a fixed-size number a model file stores little-endian.
type Number interface {
	~uint32 | ~int32 | ~uint64 | ~int64 | ~float32 | ~float64
}

// LittleEndian reports whether this machine stores numbers little-endian,
// as the model files do.
var LittleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// View returns b (whose length is a multiple of T's size) as little-endian
// Ts: b's own memory when the machine is little-endian and b is aligned for
// T, else a decoded copy. The view of embedded data is read-only memory:
// writing to it faults.
func View[T Number](b []byte) []T {
	if len(b) == 0 {
		return nil
	}
	var zero T
	size := int(unsafe.Sizeof(zero))
	if LittleEndian && uintptr(unsafe.Pointer(&b[0]))%uintptr(size) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), len(b)/size)
	}
	out := make([]T, len(b)/size)
	dst := unsafe.Slice((*byte)(unsafe.Pointer(&out[0])), len(out)*size)
	copy(dst, b)
	if !LittleEndian {
		for i := 0; i < len(dst); i += size {
			slices.Reverse(dst[i : i+size])
		}
	}
	return out
}
