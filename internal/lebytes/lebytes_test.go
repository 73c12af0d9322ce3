package lebytes

import (
	"encoding/binary"
	"math"
	"testing"
)

// TestView: aligned and misaligned slices give the same numbers, those
// encoding/binary decodes.
func TestView(t *testing.T) {
	buf := make([]byte, 1+8*4)
	for i := range buf {
		buf[i] = byte(i*37 + 11)
	}
	for _, off := range []int{0, 1} {
		b := buf[off : off+8*4]
		u32 := View[uint32](b)
		f32 := View[float32](b)
		u64 := View[uint64](b)
		if len(u32) != 8 || len(f32) != 8 || len(u64) != 4 {
			t.Fatalf("offset %d: lengths %d %d %d", off, len(u32), len(f32), len(u64))
		}
		for i := range 8 {
			want := binary.LittleEndian.Uint32(b[4*i:])
			if u32[i] != want || math.Float32bits(f32[i]) != want {
				t.Errorf("offset %d, word %d: %x / %x, want %x", off, i, u32[i], math.Float32bits(f32[i]), want)
			}
		}
		for i := range 4 {
			if want := binary.LittleEndian.Uint64(b[8*i:]); u64[i] != want {
				t.Errorf("offset %d, uint64 %d: %x, want %x", off, i, u64[i], want)
			}
		}
	}
	if View[uint32](nil) != nil {
		t.Error("empty input: want nil")
	}
}
