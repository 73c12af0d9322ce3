package ner

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	tagger "github.com/newsgraph/newsgraph/ner"
)

func TestBuildDocument(t *testing.T) {
	d := BuildDocument("x", [][]string{{"Ruto", "visited", "Zürich", "."}, {"“", "Yes", "”"}})
	if want := "Ruto visited Zürich .\n“ Yes ”"; d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	sp := func(a, b int) document.Span { return document.Span{Start: a, End: b} }
	wantTok := []document.Span{sp(0, 4), sp(5, 12), sp(13, 20), sp(21, 22), sp(23, 26), sp(27, 30), sp(31, 34)}
	if len(d.Tokens) != len(wantTok) {
		t.Fatalf("%d tokens, want %d", len(d.Tokens), len(wantTok))
	}
	for i, tk := range d.Tokens {
		if tk.Span != wantTok[i] {
			t.Errorf("token %d = %v, want %v", i, tk.Span, wantTok[i])
		}
	}
	wantSent := []document.Sentence{
		{Span: document.Span{Start: 0, End: 22}, FirstToken: 0, EndToken: 4},
		{Span: document.Span{Start: 23, End: 34}, FirstToken: 4, EndToken: 7},
	}
	if !reflect.DeepEqual(d.Sentences, wantSent) {
		t.Errorf("sentences %+v, want %+v", d.Sentences, wantSent)
	}
	if d.Tokens[3].Kind != document.Punct || d.Tokens[0].Kind != document.Word {
		t.Errorf("token kinds %v %v", d.Tokens[0].Kind, d.Tokens[3].Kind)
	}
	if e := BuildDocument("e", nil); e.Text != "" || len(e.Tokens) != 0 || len(e.Paragraphs) != 0 {
		t.Errorf("empty document %+v", e)
	}
}

// fakeEntities is a stand-in for the entities stage: it marks fixed byte spans.
func fakeEntities(ms ...document.Mention) func(context.Context, *document.Document) error {
	return func(_ context.Context, d *document.Document) error {
		d.Mentions = append(d.Mentions, ms...)
		return nil
	}
}

func TestStageFunc(t *testing.T) {
	sents := [][]string{{"Kenyan", "President", "William", "Ruto", "spoke", "."}, {"UN", "staff", "left", "Nairobi", "'s", "airport", "."}}
	// Text: "Kenyan President William Ruto spoke .\nUN staff left Nairobi 's airport ."
	ms := []document.Mention{
		{Span: document.Span{Start: 0, End: 6}, Type: document.NORP, Kind: document.Name},
		{Span: document.Span{Start: 17, End: 29}, Type: document.Person, Kind: document.Name},
		{Span: document.Span{Start: 7, End: 16}, Type: document.Person, Kind: document.Nominal}, // not a name
		{Span: document.Span{Start: 38, End: 40}, Type: document.Org, Kind: document.Name},
		{Span: document.Span{Start: 52, End: 59}, Type: document.GPE, Kind: document.Name},
	}
	got, err := StageFunc(fakeEntities(ms...))(context.Background(), sents)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]tagger.Span{
		{{Start: 0, End: 1, Type: "MISC", Score: 1}, {Start: 2, End: 4, Type: "PER", Score: 1}},
		{{Start: 0, End: 1, Type: "ORG", Score: 1}, {Start: 3, End: 4, Type: "LOC", Score: 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("StageFunc = %+v, want %+v", got, want)
	}
	// A process that re-segments the document (as the text stage does,
	// reusing the layers' storage) does not disturb the mapping.
	resegment := func(ctx context.Context, d *document.Document) error {
		for i := range d.Tokens {
			d.Tokens[i] = document.Token{}
		}
		d.Tokens, d.Sentences = d.Tokens[:1], d.Sentences[:1]
		return fakeEntities(ms...)(ctx, d)
	}
	if got, err := StageFunc(resegment)(context.Background(), sents); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after re-segmentation: %+v, %v; want %+v", got, err, want)
	}
	boom := errors.New("boom")
	if _, err := StageFunc(func(context.Context, *document.Document) error { return boom })(context.Background(), sents); !errors.Is(err, boom) {
		t.Errorf("error %v, want wrapping boom", err)
	}
}

func TestConllType(t *testing.T) {
	for in, want := range map[document.EntityType]string{
		document.Person: "PER", document.GPE: "LOC", document.Loc: "LOC", document.Org: "ORG",
		document.NORP: "MISC", document.FAC: "MISC", document.EventName: "MISC", document.Law: "MISC", document.Misc: "MISC", "OTHER": "",
	} {
		if got := ConllType(in); got != want {
			t.Errorf("ConllType(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestCountsAdd(t *testing.T) {
	c := Counts{}
	gold := []tagger.Span{{Start: 0, End: 2, Type: "PER"}, {Start: 3, End: 4, Type: "LOC"}, {Start: 5, End: 6, Type: "ORG"}}
	pred := []tagger.Span{{Start: 0, End: 2, Type: "PER"}, {Start: 3, End: 4, Type: "ORG"}, {Start: 5, End: 7, Type: "ORG"}, {Start: 0, End: 2, Type: "PER"}}
	c.Add(gold, pred)
	want := map[string]eval.Score{"PER": {TP: 1}, "LOC": {FN: 1}, "ORG": {FP: 2, FN: 1}}
	for k, w := range want {
		if got := c.Sum(k); got != w {
			t.Errorf("%s: %+v, want %+v", k, got, w)
		}
	}
	if got := c.Sum("PER", "LOC", "ORG"); got != (eval.Score{TP: 1, FP: 2, FN: 2}) {
		t.Errorf("total %+v", got)
	}
}

const sample = `-DOCSTART- -X- O O

Amina NNP I-NP I-PER
Odhiambo NNP I-NP I-PER
flew VBD I-VP O
to TO I-PP O
Kisumu NNP I-NP I-LOC
. . O O
`

func TestEvaluateStage(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sample.conll")
	if err := os.WriteFile(p, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	// "Amina Odhiambo flew to Kisumu ." with the person found and the town missed.
	stage := fakeEntities(document.Mention{Span: document.Span{Start: 0, End: 14}, Type: document.Person, Kind: document.Name})
	r, err := Evaluate(context.Background(), p, StageFunc(stage))
	if err != nil {
		t.Fatal(err)
	}
	row, ok := r.Score(RowNoMisc)
	if !ok || row.TP != 1 || row.FP != 0 || row.FN != 1 {
		t.Errorf("row %+v", row)
	}
	if _, err := Evaluate(context.Background(), filepath.Join(t.TempDir(), "missing"), nil); err == nil {
		t.Error("missing file: no error")
	}
}

func TestMainUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"--bogus"}, &out, &errb); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
	if code := Main(context.Background(), []string{"--conll", "x", "extra"}, &out, &errb); code != 2 {
		t.Errorf("extra argument: exit %d, want 2", code)
	}
	if code := Main(context.Background(), []string{"--conll", filepath.Join(t.TempDir(), "missing")}, &out, &errb); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

func TestMainJSON(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sample.conll")
	if err := os.WriteFile(p, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"--conll", p, "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), `"name": "PER+LOC+ORG"`) {
		t.Errorf("JSON output lacks the PER+LOC+ORG row:\n%s", out.String())
	}
}
