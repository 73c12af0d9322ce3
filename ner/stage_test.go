package ner

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
)

var _ pipeline.Stage = (*Stage)(nil)

// whitespaceDoc builds a document with one sentence per line and one token
// per space-separated word.
func whitespaceDoc(text string) *document.Document {
	d := document.New("t", text)
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		st := document.Sentence{FirstToken: len(d.Tokens)}
		i := 0
		for i < len(line) {
			for i < len(line) && (line[i] == ' ' || line[i] == '\n') {
				i++
			}
			j := i
			for j < len(line) && line[j] != ' ' && line[j] != '\n' {
				j++
			}
			if j > i {
				d.Tokens = append(d.Tokens, document.Token{Span: document.Span{Start: off + i, End: off + j}, SpaceBefore: true})
			}
			i = j
		}
		st.EndToken = len(d.Tokens)
		if st.EndToken > st.FirstToken {
			st.Span = document.Span{Start: d.Tokens[st.FirstToken].Start, End: d.Tokens[st.EndToken-1].End}
			d.Sentences = append(d.Sentences, st)
		}
		off += len(line)
	}
	return d
}

func TestStage(t *testing.T) {
	s, err := NewStage()
	if err != nil {
		t.Fatal(err)
	}
	// "Kenyan President William Ruto met European Union officials in Brussels ." / "Ruto told Reuters ..."
	d := whitespaceDoc("Kenyan President William Ruto met European Union officials in Brussels on Tuesday .\nRuto told Reuters the talks in the Rift Valley would continue .")
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	type m struct {
		Text string
		Type document.EntityType
	}
	var got []m
	for _, x := range d.Mentions {
		if x.Kind != document.Name || x.Entity != -1 {
			t.Errorf("mention %+v: want a name with entity -1", x)
		}
		got = append(got, m{d.Slice(x.Span), x.Type})
	}
	want := []m{
		{"Kenyan", document.NORP}, {"William Ruto", document.Person}, {"European Union", document.Org},
		{"Brussels", document.GPE}, {"Ruto", document.Person}, {"Reuters", document.Org}, {"Rift Valley", document.Loc},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mentions\n got %+v\nwant %+v", got, want)
	}
	bad := document.New("b", "x")
	bad.Sentences = []document.Sentence{{FirstToken: 0, EndToken: 3}}
	if err := s.Process(context.Background(), bad); err == nil {
		t.Error("bad token range: no error")
	}
}
