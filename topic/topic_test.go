package topic

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/internal/shareddata"
)

func TestClassify_Table(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, want string
	}{
		{"The striker scored twice in the second half as the home side beat their rivals 3-1 to reach the cup final, and the coach praised his defence.", "sport"},
		{"Italy defended man on man and Fiji rallied in the final quarter of the match, but the champions held on to win the championship.", "sport"},
		{"The film won best picture at the awards ceremony, and its director thanked the cast and the festival jury for the prize.", "entertainment"},
		{"Shares in the bank fell 4% after it reported a drop in quarterly profits, and analysts cut their forecasts for the firm's earnings.", "business"},
		{"The prime minister faced questions from opposition MPs about the election manifesto and the party's plans for the NHS.", "politics"},
		{"The software update lets users of the mobile phone download music and browse the web over broadband networks.", "tech"},
	}
	for _, tc := range tests {
		got := m.Classify(tc.text)
		if got.Label != tc.want {
			t.Errorf("Classify(%.50q…) = %s (%.2f), want %s", tc.text, got.Label, got.P, tc.want)
		}
	}
	if r := m.Classify("1234 ,,, ?"); r.Label != "" || r.P != 0 {
		t.Errorf("no words: got %+v", r)
	}
}

func TestWords(t *testing.T) {
	var got []string
	Words("U.N. talks in Zürich: A-B 2024 ok Supercalifragilisticexpialidocious", func(w []byte) { got = append(got, string(w)) })
	want := "talks in rich ok"
	if strings.Join(got, " ") != want {
		t.Errorf("Words = %q, want %q", strings.Join(got, " "), want)
	}
}

// TestBBC_Heldout measures accuracy on the BBC splits the trainer did not
// see (val and test); it is skipped when the shared data is absent.
func TestBBC_Heldout(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []string{"val", "test"} {
		p := shareddata.Require(t, "corpus/bbc/"+split+".csv")
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		right, n := 0, 0
		sportP, sportN, sportTP := 0, 0, 0 // confident sport calls (P >= SportThreshold)
		for _, r := range rows[1:] {
			got := m.Classify(r[0])
			n++
			if got.Label == r[1] {
				right++
			}
			if r[1] == "sport" {
				sportN++
			}
			if got.Label == "sport" && got.P >= Confident {
				sportP++
				if r[1] == "sport" {
					sportTP++
				}
			}
		}
		acc := float64(right) / float64(n)
		t.Logf("%s: accuracy %.3f (%d/%d); confident sport: precision %d/%d, recall %d/%d", split, acc, right, n, sportTP, sportP, sportTP, sportN)
		if acc < 0.95 {
			t.Errorf("%s accuracy %.3f < 0.95", split, acc)
		}
		if sportP != sportTP {
			t.Errorf("%s: %d confident sport calls are not sport", split, sportP-sportTP)
		}
	}
}

func FuzzClassify(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("The minister met his counterpart.")
	f.Add("\xff\xfe garbage \x00")
	f.Fuzz(func(t *testing.T, s string) {
		r := m.Classify(s)
		if r.P < 0 || r.P > 1 || (r.Label == "") != (r.P == 0) {
			t.Fatalf("Classify(%q) = %+v", s, r)
		}
	})
}

func BenchmarkClassify(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("The prime minister faced questions from opposition MPs about the election manifesto. ", 40)
	b.SetBytes(int64(len(text)))
	stop := cputime.Bench(b)
	n := 0
	for b.Loop() {
		m.Classify(text)
		n++
	}
	stop(n)
}
