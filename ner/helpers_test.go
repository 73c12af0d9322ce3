package ner

import (
	"bytes"
	"compress/gzip"
	"os"
	"testing"
)

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func readFile(tb testing.TB, path string) []Doc {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}
