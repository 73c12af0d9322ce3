package document

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestOutput_TokensRoundTrip checks that tokens with their syntax survive
// Output → JSON → FromOutput → Output, code point offsets included, and
// that without WithTokens the output has no tokens field.
func TestOutput_TokensRoundTrip(t *testing.T) {
	d := New("x", "Größe stieg. Sie fiel")
	d.Sentences = []Sentence{{Span: Span{0, 14}, FirstToken: 0, EndToken: 3}, {Span: Span{15, 23}, FirstToken: 3, EndToken: 5}}
	d.Tokens = []Token{
		{Span: Span{0, 7}, SpaceBefore: true, POS: "NOUN", Tag: "NN", Lemma: "größe", Head: 1, Dep: "nsubj"},
		{Span: Span{8, 13}, SpaceBefore: true, POS: "VERB", Tag: "VBD", Lemma: "steigen", Head: -1, Dep: "root"},
		{Span: Span{13, 14}, Kind: Punct, POS: "PUNCT", Tag: ".", Lemma: ".", Head: 1, Dep: "punct"},
		{Span: Span{15, 18}, SpaceBefore: true, POS: "PRON", Tag: "PRP", Lemma: "sie", Head: 4, Dep: "nsubj"},
		{Span: Span{19, 23}, SpaceBefore: true, POS: "VERB", Tag: "VBD", Lemma: "fallen", Head: -1, Dep: "root"},
	}
	o := d.Output(OutputOptions{WithText: true, WithTokens: true})
	if len(o.Tokens) != 5 || o.Tokens[1].Start != 6 || o.Tokens[1].End != 11 || *o.Tokens[0].Head != 1 || *o.Tokens[1].Head != -1 {
		t.Fatalf("tokens %+v", o.Tokens)
	}
	a, _ := json.Marshal(o)
	var back Output
	if err := json.Unmarshal(a, &back); err != nil {
		t.Fatal(err)
	}
	r := FromOutput(&back)
	if !reflect.DeepEqual(r.Tokens, d.Tokens) {
		t.Errorf("tokens read back\n got %+v\nwant %+v", r.Tokens, d.Tokens)
	}
	if r.Sentences[1].FirstToken != 3 || r.Sentences[1].EndToken != 5 {
		t.Errorf("sentence token range %+v", r.Sentences[1])
	}
	b, _ := json.Marshal(r.Output(OutputOptions{WithText: true, WithTokens: true}))
	if string(a) != string(b) {
		t.Errorf("round trip differs:\n%s\n%s", a, b)
	}
	plain, _ := json.Marshal(d.Output(OutputOptions{WithText: true}))
	var m map[string]any
	json.Unmarshal(plain, &m)
	if _, ok := m["tokens"]; ok {
		t.Error("tokens without WithTokens")
	}
	kids := d.Children()
	if !reflect.DeepEqual(kids[1], []int{0, 2}) || !reflect.DeepEqual(kids[4], []int{3}) || len(kids[0]) != 0 {
		t.Errorf("children %v", kids)
	}
}
