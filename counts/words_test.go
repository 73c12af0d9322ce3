package counts

import "testing"

// TestWords checks the extractor's word lists: the file parses, every list
// the code reads is there with the right kind, and no list is unread.
func TestWords(t *testing.T) {
	if err := lex.Err(); err != nil {
		t.Fatal(err)
	}
	if u := lex.Unused(); len(u) > 0 {
		t.Errorf("data/words.txt: lists no code reads: %v", u)
	}
	if smallWords["twelve"] != 12 || currencyWords["naira"] != "NGN" || !qualifiers2["at least"] || len(phraseTriggers["out"]) < 3 {
		t.Error("word lists not loaded as expected")
	}
}
