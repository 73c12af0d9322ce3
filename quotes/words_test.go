package quotes

import "testing"

// TestWords checks the stage's word lists: the file parses, every list the
// code reads is there with the right kind, and no list is unread.
func TestWords(t *testing.T) {
	if err := words.Err(); err != nil {
		t.Fatal(err)
	}
	if u := words.Unused(); len(u) > 0 {
		t.Errorf("data/words.txt: lists no code reads: %v", u)
	}
	if flagsOf("said")&(fSpeech|fPast|fBare) != fSpeech|fPast|fBare || flagsOf("quipping")&fSpeech == 0 || flagsOf("police")&fSpeakerNoun == 0 || !isAbbrev("Sen") {
		t.Error("word lists not loaded as expected")
	}
}
