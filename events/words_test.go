package events

import "testing"

func TestWords(t *testing.T) {
	if err := lex.Err(); err != nil {
		t.Fatal(err)
	}
	if u := lex.Unused(); len(u) > 0 {
		t.Errorf("unused sections of data/words.txt: %v", u)
	}
}
