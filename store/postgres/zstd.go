package postgres

import (
	"fmt"

	"github.com/klauspost/compress/zstd"
)

// The output JSON of a document is compressed by the writer, outside the
// write lock, and stored as bytes the server keeps as they are
// (bodies.output_zstd, migration 14): the server's own compression (lz4)
// and the TOAST chunks of a 12 KB JSON were the largest part of its CPU per
// document (docs/scaling.md). The fastest level: 12 KB of BBC output JSON
// become 3 KB (lz4: 4.2 KB).
var (
	zEnc, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithLowerEncoderMem(true))
	zDec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0))
)

// compressOutput returns js compressed for bodies.output_zstd.
func compressOutput(js []byte) []byte {
	return zEnc.EncodeAll(js, make([]byte, 0, len(js)/3))
}

// storedOutput returns the output JSON of a bodies row: output_zstd
// decompressed, or the output text of a row written before migration 14.
func storedOutput(js *string, z []byte) ([]byte, error) {
	if z == nil {
		if js == nil {
			return nil, fmt.Errorf("postgres: stored document without output")
		}
		return []byte(*js), nil
	}
	b, err := zDec.DecodeAll(z, nil)
	if err != nil {
		return nil, fmt.Errorf("postgres: decompress stored document: %w", err)
	}
	return b, nil
}
