package syntax

import (
	_ "embed"
	"sync"
	"unsafe"
)

// embeddedModel is the trained model, rebuilt by `go run ./tools/parsetrain`.
//
//go:embed model/syntax.model
var embeddedModel string

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loaded once per process.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(aligned(embeddedModel))
	})
	return defaultModel, defaultErr
}

// aligned returns the bytes of s in place when they are 8-byte aligned
// (the tables are then read where the binary holds them), else a copy that is.
func aligned(s string) []byte {
	if len(s) == 0 {
		return nil
	}
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	if uintptr(unsafe.Pointer(&b[0]))%8 == 0 {
		return b
	}
	buf := make([]uint64, (len(s)+7)/8)
	c := unsafe.Slice((*byte)(unsafe.Pointer(&buf[0])), len(s))
	copy(c, s)
	return c
}
