package eval

import (
	"bytes"
	"strings"
	"testing"
)

func TestMultiset(t *testing.T) {
	cases := []struct {
		gold, pred []string
		want       Score
	}{
		{nil, nil, Score{}},
		{[]string{"a", "a", "b"}, []string{"a", "c"}, Score{TP: 1, FP: 1, FN: 2}},
		{[]string{"a"}, []string{"a", "a"}, Score{TP: 1, FP: 1, FN: 0}},
	}
	for _, c := range cases {
		if got := Multiset(c.gold, c.pred); got != c.want {
			t.Errorf("Multiset(%v, %v) = %+v, want %+v", c.gold, c.pred, got, c.want)
		}
	}
}

func TestReport_Write(t *testing.T) {
	r := &Report{Layer: "x", Data: "d"}
	r.AddScore("s", Score{TP: 3, FP: 1, FN: 1})
	var text, js bytes.Buffer
	if err := r.Write(&text, false); err != nil || !strings.Contains(text.String(), "0.7500") {
		t.Errorf("text: %v %q", err, text.String())
	}
	if err := r.Write(&js, true); err != nil || !strings.Contains(js.String(), `"precision": 0.75`) {
		t.Errorf("json: %v %q", err, js.String())
	}
}
