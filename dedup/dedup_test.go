package dedup

import (
	"strings"
	"testing"
)

const story = `Flood barriers along the river were raised on Thursday after three days of heavy rain, the city council said. ` +
	`Engineers worked through the night to seal two gaps near the old mill, and about 400 homes were told to prepare to leave. ` +
	`"We have never seen the water this high in March," said one resident, who has lived by the river for forty years. ` +
	`The council said the barriers would stay in place until the weekend, when the rain is expected to ease.`

func TestShingles(t *testing.T) {
	a := Shingles("The cat sat on the mat today.")
	b := Shingles("the CAT sat, on the  mat — today")
	if len(a) != 3 || Shared(a, b) != 3 {
		t.Errorf("shingles of case/punctuation variants differ: %v %v", a, b)
	}
	if got := Shingles("Three short words"); len(got) != 1 {
		t.Errorf("short text: %d shingles, want 1", len(got))
	}
	if got := Shingles(" ,.; "); got != nil {
		t.Errorf("no words: %v", got)
	}
	if Shared(Shingles("Zürich fällt"), Shingles("zürich FÄLLT")) != 1 {
		t.Error("multibyte case folding")
	}
}

func TestIndex_FindsEditedCopies(t *testing.T) {
	x := NewIndex()
	x.Add("orig", Shingles(story))
	other := `A new library opened in the north of the city on Saturday, with space for 30,000 books and a café run by volunteers. ` +
		`The mayor said the building had cost less than planned and would open seven days a week from next month, staffed by local people.`
	x.Add("other", Shingles(other))
	sents := strings.SplitAfter(story, ". ")
	for name, copy := range map[string]string{
		"reordered": sents[2] + sents[0] + sents[1] + sents[3],
		"tail cut":  sents[0] + sents[1],
		"reworded":  "RIVERTON (Wire) - " + strings.Replace(strings.Replace(story, "Thursday", "Thursday morning", 1), "about 400", "around 400", 1),
	} {
		m, ok := x.Find(Shingles(copy))
		if !ok || m.ID != "orig" {
			t.Errorf("%s: Find = %+v %v, want orig", name, m, ok)
		}
	}
	if m, ok := x.Find(Shingles(other + " It was busy.")); !ok || m.ID != "other" {
		t.Errorf("other: %+v %v", m, ok)
	}
	unrelated := `Shares in the shipping group fell sharply on Monday after it warned that profits would be lower than expected this year because of weak demand in Asia and higher fuel costs across its fleet.`
	if m, ok := x.Find(Shingles(unrelated)); ok {
		t.Errorf("unrelated text matched %+v", m)
	}
	if _, ok := x.Find(Shingles("Flood barriers along the river were raised")); ok {
		t.Error("a text below MinShingles matched")
	}
}

func TestCompare(t *testing.T) {
	a, b := []uint64{1, 2, 3, 4}, []uint64{3, 4, 5}
	if o, j := Compare(a, b); o != 2.0/3 || j != 2.0/5 {
		t.Errorf("Compare = %v %v", o, j)
	}
	if o, j := Compare(nil, b); o != 0 || j != 0 {
		t.Error("empty set")
	}
}

func BenchmarkShingles(b *testing.B) {
	text := strings.Repeat(story+" ", 6) // about 3.5 KB, a typical article
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Shingles(text)
	}
}
