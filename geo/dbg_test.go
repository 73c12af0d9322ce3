package geo

import (
	"context"
	"fmt"
	"os"
	"testing"

	"newsgraph/document"
	"newsgraph/geo/basictext"
)

func TestDbgText(t *testing.T) {
	txt := os.Getenv("GEO_TEXT")
	if txt == "" {
		t.Skip()
	}
	st, _ := NewWithConfig(Config{Demonyms: true})
	d := document.New("x", txt)
	basictext.Stage{}.Process(context.Background(), d)
	for _, tk := range d.Tokens {
		fmt.Printf("[%s]", d.Slice(tk.Span))
	}
	fmt.Println()
	st.Process(context.Background(), d)
	for _, l := range d.Locations {
		fmt.Printf("%q %s %s %s %v\n", d.Slice(l.Span), l.Name, l.Country, l.Feature, l.Lat != nil)
	}
}
