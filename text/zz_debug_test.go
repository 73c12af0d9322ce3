package text

import (
	"strings"
	"fmt"
	"os"
	"testing"

	"newsgraph/document"
)

func TestZZDebug(t *testing.T) {
	in := os.Getenv("TEXT_DEBUG")
	if in == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(in)
	d := document.New("x", string(b))
	Annotate(d)
	for _, s := range d.Sentences {
		fmt.Printf("[%s]\n   ", d.Slice(s.Span))
		for i := s.FirstToken; i < s.EndToken; i++ {
			fmt.Printf("%s|", d.TokenText(i))
		}
		fmt.Println()
	}
}

func TestZZBBC(t *testing.T) {
	in := os.Getenv("TEXT_BBC")
	if in == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(in)
	for _, doc := range strings.Split(string(b), "\x00") {
		d := document.New("x", doc)
		Annotate(d)
		if len(d.Sentences) > 1 {
			fmt.Printf("%s ||| %.60s\n", d.Slice(d.Sentences[0].Span), d.Slice(d.Sentences[1].Span))
		}
	}
}
