package entities

import "testing"

// TestWords checks the stage's word lists: the file parses, every list the
// code reads is there with the right kind, and the file holds no list the
// code does not read.
func TestWords(t *testing.T) {
	if err := lex.Err(); err != nil {
		t.Fatal(err)
	}
	if u := lex.Unused(); len(u) > 0 {
		t.Errorf("data/words.txt: lists no code reads: %v", u)
	}
	if len(firstNames) < 400 || titles["president"] != "" || !honorifics["dr."] || pronouns["she"] != "f" {
		t.Errorf("word lists not loaded as expected: %d first names", len(firstNames))
	}
}
